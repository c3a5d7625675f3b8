# C-62: an ArrayMap key must be 32 bits, and delete on an ArrayMap is an error.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import ArrayMap


@bpf
@map
def wide_key() -> ArrayMap:
    return ArrayMap(key=c_uint64, value=c_uint64, max_entries=4)  # ERROR "key"


@bpf
@map
def slots() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=c_uint64, max_entries=4)


@bpf
@section("xdp")
def prog(ctx: c_void_p) -> c_int64:
    slots.update(1, 5)
    slots.delete(1)  # ERROR "delete"
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
