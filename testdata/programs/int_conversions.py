# C-21, C-29: widening extends by the source sign, narrowing keeps the low bits.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32, c_int16, c_uint16, c_int8, c_uint8
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def gm1() -> c_int32:
    return c_int32(-1)


@bpf
@bpfglobal
def gu() -> c_uint32:
    return c_uint32(0xFFFFFFFF)


@bpf
@bpfglobal
def big() -> c_int64:
    return 70000


@bpf
@bpfglobal
def c200() -> c_int64:
    return 200


@bpf
@bpfglobal
def w1() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def w2() -> c_int64:
    return 0


@bpf
@bpfglobal
def w3() -> c_int32:
    return 0


@bpf
@bpfglobal
def w4() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def w5() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def w6() -> c_int64:
    return 0


@bpf
@bpfglobal
def w7() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def w8() -> c_int64:
    return 0


@bpf
@bpfglobal
def g1() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def g2() -> c_int64:
    return 0


@bpf
@bpfglobal
def g3() -> c_int32:
    return 0


@bpf
@bpfglobal
def g4() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def g5() -> c_int64:
    return 0


@bpf
@bpfglobal
def g6() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def convert(ctx: c_void_p) -> c_int64:
    global w1
    w1 = c_int32(-1)
    global w2
    w2 = c_uint32(0xFFFFFFFF)
    global w3
    w3 = c_uint32(0xFFFFFFFF)
    global w4
    w4 = c_uint16(70000)
    x: c_uint64 = c_int8(-1)
    global w5
    w5 = x
    global w6
    w6 = c_int8(200)
    global w7
    w7 = c_uint8(-1)
    global w8
    w8 = c_int16(c_uint16(0x8000))
    global g1
    g1 = gm1
    global g2
    g2 = gu
    global g3
    g3 = gu
    global g4
    g4 = c_uint16(big)
    global g5
    g5 = c_int8(c200)
    y: c_uint64 = c_int8(c200 + 55)
    global g6
    g6 = y
    return c_int16(gu)


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: convert ret=-1 w1=0xFFFFFFFFFFFFFFFF w2=4294967295 w3=-1 w4=4464 w5=0xFFFFFFFFFFFFFFFF w6=-56 w7=255 w8=-32768 g1=0xFFFFFFFFFFFFFFFF g2=4294967295 g3=-1 g4=4464 g5=-56 g6=0xFFFFFFFFFFFFFFFF
