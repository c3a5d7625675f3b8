# 2.1.4: a c_void_p context is opaque, so ctx.data is an error; ring buffer output (5.4) compiles.
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import RingBuffer


@bpf
@map
def events() -> RingBuffer:
    return RingBuffer(max_entries=4096)


@bpf
@section("xdp")
def emit(ctx: c_void_p) -> c_int64:
    t: c_uint64 = ktime()
    events.output(t)
    n = ctx.data  # ERROR "the context .ctx. is an opaque pointer"
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
