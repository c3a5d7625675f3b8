# C-23, 3.3: usual arithmetic conversions with mixed widths and signedness (c_int64(-9) % c_uint32(4) is -1).
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32, c_int16, c_uint16
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def m16() -> c_int16:
    return c_int16(-1)


@bpf
@bpfglobal
def u16() -> c_uint16:
    return c_uint16(1)


@bpf
@bpfglobal
def m9() -> c_int64:
    return -9


@bpf
@bpfglobal
def four() -> c_uint32:
    return c_uint32(4)


@bpf
@bpfglobal
def one32() -> c_uint32:
    return c_uint32(1)


@bpf
@bpfglobal
def two64() -> c_int64:
    return 2


@bpf
@bpfglobal
def m1() -> c_int32:
    return c_int32(-1)


@bpf
@bpfglobal
def z64() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def p1() -> c_int64:
    return 99


@bpf
@bpfglobal
def p2() -> c_int64:
    return 99


@bpf
@bpfglobal
def p3() -> c_int64:
    return 99


@bpf
@bpfglobal
def p4() -> c_int64:
    return 99


@bpf
@bpfglobal
def p5() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def p6() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def p7() -> c_int64:
    return 99


@bpf
@bpfglobal
def p8() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def p9() -> c_int64:
    return 99


@bpf
@bpfglobal
def p10() -> c_uint64:
    return c_uint64(99)


@bpf
@section("xdp")
def promote(ctx: c_void_p) -> c_int64:
    global p1
    p1 = m16 + u16
    global p2
    p2 = m9 % four
    global p3
    p3 = c_int64(-9) % c_uint32(4)
    global p4
    p4 = one32 - two64
    global p5
    p5 = m1 + z64
    global p6
    p6 = c_uint64(1) - 2
    global p7
    p7 = m9 / four
    global p8
    p8 = m1 / one32
    global p9
    p9 = c_int16(-8) >> 1
    global p10
    p10 = m1 + 0 == z64 - 1
    return m16 + u16


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: promote ret=0 p1=0 p2=-1 p3=-1 p4=-1 p5=0xFFFFFFFFFFFFFFFF p6=0xFFFFFFFFFFFFFFFF p7=-2 p8=4294967295 p9=-4 p10=1
