# C-58, 5.1.4, 7.4: wrong map methods, wrong argument counts and maps used as values are errors.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def counts() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=16)


@bpf
@section("xdp")
def misuse(ctx: c_void_p) -> c_int64:
    x: c_uint64 = 1
    counts.output(x)  # ERROR "output\\(\\) is not available on HashMap 'counts'"
    counts.update(1)  # ERROR "update\\(\\) needs a key, a value and optionally flags; 1 arguments? given"
    counts.update(1, 2, 0, 4)  # ERROR "update\\(\\) needs a key, a value and optionally flags; 4 arguments given"
    y = counts + 1  # ERROR "map cannot be used as a value|counts"
    return XDP_PASS


@bpf
@section("xdp")
def rebind(ctx: c_void_p) -> c_int64:
    counts = 5  # ERROR "'counts' is a map and cannot be assigned"
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
