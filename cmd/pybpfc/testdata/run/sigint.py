# Attached until SIGINT; the test checks that 'sigint_probe' is gone from
# the kernel after the run ends.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import pid
from pythonbpf.maps import HashMap

@bpf
@map
def seen() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=1024)

@bpf
@section("tracepoint/syscalls/sys_enter_getppid")
def sigint_probe(ctx: c_void_p) -> c_int64:
    seen.update(c_uint32(pid()), 1)
    return 0

@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
