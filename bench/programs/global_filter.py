# bench: globals as configuration: count getppid calls of one process (filter_pid, set by the runner) with a sampling period
# trigger: getppid
# set: filter_pid=self
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import tgid
from pythonbpf.maps import ArrayMap


@bpf
@bpfglobal
def filter_pid() -> c_uint32:
    return c_uint32(0)


@bpf
@bpfglobal
def sample_every() -> c_uint32:
    return c_uint32(4)


@bpf
@bpfglobal
def seen() -> c_uint64:
    return c_uint64(0)


@bpf
@map
def sampled() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=c_uint64, max_entries=2)


@bpf
@section("tracepoint/syscalls/sys_enter_getppid")
def filtered(ctx: c_void_p) -> c_int64:
    if filter_pid != 0 and tgid() != filter_pid:
        return 0
    global seen
    seen += 1
    slot = c_uint32(0)
    if sample_every != 0 and seen % sample_every == 0:
        slot = 1
    n = sampled.lookup(slot)
    sampled.update(slot, (n or 0) + 1)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
