# Counts system calls per process. Run it and press Ctrl-C to see the
# table:  sudo ./bin/pybpfc run examples/syscall_counter.py --duration 5s
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import pid
from pythonbpf.maps import HashMap


@bpf
@map
def syscalls() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=10240)


@bpf
@section("raw_tracepoint/sys_enter")
def count_syscalls(ctx: c_void_p) -> c_int64:
    p = tgid()
    seen = syscalls.lookup(p)
    if seen:
        syscalls.update(p, seen + 1)
    else:
        syscalls.update(p, 1)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
