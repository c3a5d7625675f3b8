# C-27: a runtime shift count is taken modulo the width of the promoted left operand (32 or 64).
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32, c_uint8
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def n() -> c_uint32:
    return c_uint32(33)


@bpf
@bpfglobal
def n32() -> c_uint32:
    return c_uint32(32)


@bpf
@bpfglobal
def n65() -> c_uint64:
    return c_uint64(65)


@bpf
@bpfglobal
def n31() -> c_int32:
    return c_int32(31)


@bpf
@bpfglobal
def r1() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def r2() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def r3() -> c_int64:
    return 0


@bpf
@bpfglobal
def r4() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def r5() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def r6() -> c_int64:
    return 0


@bpf
@bpfglobal
def r7() -> c_int64:
    return 0


@bpf
@bpfglobal
def r8() -> c_int64:
    return 0


@bpf
@section("xdp")
def shift_counts(ctx: c_void_p) -> c_int64:
    global r1
    r1 = c_uint32(1) << n
    global r2
    r2 = c_uint32(5) << n32
    global r3
    r3 = c_int32(-16) >> n
    global r4
    r4 = c_uint64(1) << n65
    global r5
    r5 = c_uint32(0x80000000) >> n
    global r6
    r6 = c_int32(1) << n31
    # c_uint8 promotes to int: a 32-bit shift, so a count of 32 shifts by 0
    global r7
    r7 = c_uint8(1) << n32
    global r8
    r8 = c_int64(-256) >> n65
    return c_uint32(1) << n


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: shift_counts ret=2 r1=2 r2=5 r3=-8 r4=2 r5=0x40000000 r6=-2147483648 r7=1 r8=-128
