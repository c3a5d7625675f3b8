# bench: syscall latency: enter stores ktime per pid, exit computes the delta into a log2 histogram
# trigger: getppid
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import pid, ktime
from pythonbpf.maps import HashMap, ArrayMap


@bpf
@map
def start() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=4096)


@bpf
@map
def hist() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=c_uint64, max_entries=32)


@bpf
@section("tracepoint/syscalls/sys_enter_getppid")
def lat_enter(ctx: c_void_p) -> c_int64:
    start.update(c_uint32(pid()), ktime())
    return 0


@bpf
@section("tracepoint/syscalls/sys_exit_getppid")
def lat_exit(ctx: c_void_p) -> c_int64:
    who = c_uint32(pid())
    t0 = start.lookup(who)
    if not t0:
        return 0
    delta = ktime() - t0
    start.delete(who)
    slot = c_uint32(0)
    for i in range(31):
        if delta <= 1:
            break
        delta = delta >> 1
        slot += 1
    n = hist.lookup(slot)
    hist.update(slot, (n or 0) + 1)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
