from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section


@bpf
@section("xdp")
def prog(ctx: c_void_p) -> c_int64:
    x = 1 << 40  # ERROR "shift count 40 is too large for a 32-bit operation"
    y = 5 / 0  # ERROR "division by zero"
    return nosuch  # ERROR "undefined name 'nosuch'"
