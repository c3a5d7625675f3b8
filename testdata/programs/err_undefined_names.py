# C-110: independent errors of the checking stage are all reported, in source order.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def names(ctx: c_void_p) -> c_int64:
    a = first + 1  # ERROR "undefined name 'first'"
    b = a * second  # ERROR "undefined name 'second'"
    print(f"{third}")  # ERROR "undefined name 'third'"
    return a + b


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
