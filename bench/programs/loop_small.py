# bench: range loop with 8 iterations: FNV-1a hash of the 8 bytes of ktime()
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal
from pythonbpf.helper import ktime


@bpf
@bpfglobal
def sink() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def fnv8(ctx: c_void_p) -> c_int64:
    x = ktime()
    h = c_uint64(14695981039346656037)
    for i in range(8):
        h = (h ^ ((x >> (i * 8)) & 0xFF)) * 1099511628211
    global sink
    sink = h
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
