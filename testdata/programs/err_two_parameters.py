# C-13: a program has at most one parameter, its context.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def two(ctx: c_void_p, extra: c_int64) -> c_int64:  # ERROR "parameter"
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
