# bench: HashMap counter per pid on a syscall tracepoint (lookup, add, update)
# trigger: getppid
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import pid
from pythonbpf.maps import HashMap


@bpf
@map
def calls() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=4096)


@bpf
@section("tracepoint/syscalls/sys_enter_getppid")
def count_pid(ctx: c_void_p) -> c_int64:
    who = c_uint32(pid())
    seen = calls.lookup(who)
    calls.update(who, (seen or 0) + 1)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
