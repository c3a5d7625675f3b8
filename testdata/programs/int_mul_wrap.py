# C-20: u32 * u32 wraps at 32 bits even when stored into a c_uint64; u16 * u16 is an int multiplication.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32, c_uint16
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def h() -> c_uint32:
    return c_uint32(0x80000000)


@bpf
@bpfglobal
def two() -> c_uint32:
    return c_uint32(2)


@bpf
@bpfglobal
def ffff() -> c_uint16:
    return c_uint16(0xFFFF)


@bpf
@bpfglobal
def big() -> c_uint64:
    return c_uint64(0x8000000000000000)


@bpf
@bpfglobal
def x1() -> c_uint64:
    return c_uint64(1)


@bpf
@bpfglobal
def x2() -> c_uint64:
    return c_uint64(1)


@bpf
@bpfglobal
def x3() -> c_int64:
    return 1


@bpf
@bpfglobal
def x4() -> c_int64:
    return 1


@bpf
@bpfglobal
def x5() -> c_int64:
    return 1


@bpf
@bpfglobal
def x6() -> c_uint64:
    return c_uint64(1)


@bpf
@bpfglobal
def x7() -> c_int64:
    return 1


@bpf
@section("xdp")
def mul(ctx: c_void_p) -> c_int64:
    global x1
    x1 = c_uint32(0x80000000) * c_uint32(2)
    global x2
    x2 = h * two
    global x3
    x3 = c_uint16(0xFFFF) * c_uint16(0xFFFF)
    global x4
    x4 = ffff * ffff
    # 0x80000000 does not fit int: a long long multiplication
    global x5
    x5 = 0x80000000 * two
    global x6
    x6 = big * 2
    w: c_uint64 = h * two
    global x7
    x7 = w + h * c_uint64(two)
    return x4


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: mul ret=-131071 x1=0 x2=0 x3=-131071 x4=-131071 x5=4294967296 x6=0 x7=4294967296
