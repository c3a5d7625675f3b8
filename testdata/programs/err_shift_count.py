# C-27: a constant shift count that is negative or not below the promoted width is an error.
from ctypes import c_void_p, c_int64, c_uint32, c_uint8
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def g() -> c_uint32:
    return c_uint32(1)


@bpf
@section("xdp")
def shifts(ctx: c_void_p) -> c_int64:
    a = c_uint32(1) << 32  # ERROR "shift count 32 is too large for a 32-bit operation"
    b = 1 << 40  # ERROR "shift count 40 is too large for a 32-bit operation"
    c = g >> 33  # ERROR "shift count 33"
    d = c_uint8(1) << 32  # ERROR "shift count 32"
    e = c_int64(1) << 64  # ERROR "shift count 64"
    f = g << -1  # ERROR "shift count"
    ok = c_int64(1) << 40
    return a + b + c + d + e + f + ok


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
