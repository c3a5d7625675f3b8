# bench: raw tracepoint on every syscall entry: LRUHash counter per process (tgid)
# trigger: getppid
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import tgid
from pythonbpf.maps import LRUHash


@bpf
@map
def per_process() -> LRUHash:
    return LRUHash(key=c_uint32, value=c_uint64, max_entries=1024)


@bpf
@section("raw_tracepoint/sys_enter")
def count_syscalls(ctx: c_void_p) -> c_int64:
    who = c_uint32(tgid())
    n = per_process.lookup(who)
    per_process.update(who, (n or 0) + 1)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
