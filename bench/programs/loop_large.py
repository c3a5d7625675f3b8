# bench: range loop with 200 iterations and a data-dependent branch (LCG steps)
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal
from pythonbpf.helper import ktime


@bpf
@bpfglobal
def sink() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def lcg200(ctx: c_void_p) -> c_int64:
    h = ktime()
    acc = c_uint64(0)
    for i in range(200):
        h = h * 6364136223846793005 + 1442695040888963407
        if h >> 63:
            acc += h >> 56
        else:
            acc ^= h
    global sink
    sink = acc
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
