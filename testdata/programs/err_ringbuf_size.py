# C-48: a ring buffer size must be a power of two of at least 4096 bytes.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import RingBuffer


@bpf
@map
def small() -> RingBuffer:
    return RingBuffer(1000)  # ERROR "ring buffer size must be a power of two of at least 4096 bytes"


@bpf
@map
def odd() -> RingBuffer:
    return RingBuffer(max_entries=12288)  # ERROR "ring buffer size must be a power of two"


@bpf
@map
def fine() -> RingBuffer:
    return RingBuf(max_entries=8192)


@bpf
@section("xdp")
def prog(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
