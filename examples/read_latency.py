# Measures read() latency: the entry tracepoint stores a timestamp per
# thread, the exit tracepoint takes the difference and counts it in a
# log2 histogram (bucket i holds latencies in [2^i, 2^(i+1)) ns).
#   sudo ./bin/pybpfc run examples/read_latency.py --duration 5s
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import pid, ktime
from pythonbpf.maps import HashMap, ArrayMap


@bpf
@map
def start() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=10240)


@bpf
@map
def latency_hist() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=c_uint64, max_entries=64)


@bpf
@section("tracepoint/syscalls/sys_enter_read")
def read_enter(ctx: c_void_p) -> c_int64:
    start.update(c_uint32(pid()), ktime())
    return 0


@bpf
@section("tracepoint/syscalls/sys_exit_read")
def read_exit(ctx: c_void_p) -> c_int64:
    tid = c_uint32(pid())
    t0 = start.lookup(tid)
    if not t0:
        return 0
    delta = ktime() - t0
    start.delete(tid)
    bucket: c_uint32 = 0
    for i in range(63):
        if delta >> (i + 1) == 0:
            break
        bucket += 1
    slot = latency_hist.lookup(bucket)
    if slot:
        slot += 1
        latency_hist.update(bucket, slot)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
