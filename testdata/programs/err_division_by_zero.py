# C-25: a constant zero divisor is an error.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def a() -> c_int64:
    return 7


@bpf
@section("xdp")
def divide(ctx: c_void_p) -> c_int64:
    x = a / 0  # ERROR "division by zero"
    y = a % (1 - 1)  # ERROR "division by zero"
    z = a // c_uint32(0)  # ERROR "division by zero"
    w = a
    w /= 0  # ERROR "division by zero"
    return x + y + z + w


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
