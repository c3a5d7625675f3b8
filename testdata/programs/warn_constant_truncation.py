# C-29: an implicit conversion of a constant that changes its value warns; explicit conversions never do.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32, c_uint16, c_uint8, c_int8
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def g8() -> c_int64:
    return 0


@bpf
@bpfglobal
def g32() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def g16() -> c_int64:
    return 0


@bpf
@section("xdp")
def truncate(ctx: c_void_p) -> c_int64:
    x: c_uint8 = 300  # WARNING "constant 300 does not fit c_uint8; it becomes 44"
    y: c_uint32 = -1  # WARNING "constant -1 does not fit c_uint32; it becomes 4294967295"
    z = c_uint16(70000)
    w: c_uint8 = c_uint8(250) + c_uint8(10)
    q: c_uint64 = c_int8(-1)
    global g8
    g8 = x + w
    global g32
    g32 = y
    global g16
    g16 = z
    return x


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: truncate ret=44 g8=48 g32=4294967295 g16=4464
