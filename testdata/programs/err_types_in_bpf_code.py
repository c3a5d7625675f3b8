# 3.1, 7.1, 2.3.1: annotations must be ctypes integer types; char and float ctypes are errors.
from ctypes import c_void_p, c_int64, c_char, c_float
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def annotations(ctx: c_void_p) -> c_int64:
    a: int = 5  # ERROR "'int' is not a BPF type; use a ctypes type such as c_int64"
    b: c_char = 1  # ERROR "c_char"
    c: c_float = 0  # ERROR "floating point is not available in BPF"
    return XDP_PASS


@bpf
@section("xdp")
def returns_none(ctx: c_void_p) -> None:  # ERROR "None|return"
    return


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
