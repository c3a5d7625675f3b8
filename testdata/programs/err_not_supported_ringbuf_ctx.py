# 8.3: context field access is not supported yet by this compiler; ring buffer output (5.4) is.
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
    n = ctx.data  # ERROR "not supported yet"
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
