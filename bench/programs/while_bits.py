# bench: while loop with continue and break: population count of a 64-bit value, bounded at 64 steps
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, section, bpfglobal
from pythonbpf.helper import ktime


@bpf
@bpfglobal
def sink() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def popcount(ctx: c_void_p) -> c_int64:
    x = ktime() * 0x9E3779B97F4A7C15
    n = c_uint32(0)
    steps = 0
    while steps < 64:
        steps += 1
        if x == 0:
            break
        if x & 1 == 0:
            x = x >> 1
            continue
        n += 1
        x = x >> 1
    global sink
    sink = n
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
