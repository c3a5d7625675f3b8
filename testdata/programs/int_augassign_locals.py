# 7.1: `t op= e` computes t op e as the operator would and converts back to t's type.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32, c_int16, c_uint8
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def four() -> c_uint32:
    return c_uint32(4)


@bpf
@bpfglobal
def a1() -> c_int64:
    return 99


@bpf
@bpfglobal
def a2() -> c_int64:
    return 99


@bpf
@bpfglobal
def a3() -> c_int64:
    return 99


@bpf
@bpfglobal
def a4() -> c_int64:
    return 99


@bpf
@bpfglobal
def a5() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def a6() -> c_int64:
    return 99


@bpf
@bpfglobal
def a7() -> c_int64:
    return 99


@bpf
@section("xdp")
def aug_locals(ctx: c_void_p) -> c_int64:
    x: c_uint8 = 250
    x += 10
    global a1
    a1 = x
    y: c_int16 = 32767
    y += 1
    global a2
    a2 = y
    s: c_int32 = -7
    s //= 2
    global a3
    a3 = s
    r: c_int32 = -7
    r %= 4
    global a4
    a4 = r
    u: c_uint32 = 1
    u <<= four + 28
    u >>= 1
    global a5
    a5 = u
    n: c_int32 = -64
    n >>= four
    global a6
    a6 = n
    w: c_uint8 = 3
    w -= 4
    w *= 3
    global a7
    a7 = w
    return x


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# u: 1 << 32 with a runtime count shifts by 0 (count modulo 32), then >> 1 gives 0
# w: 3 - 4 = -1 -> 255; 255 * 3 = 765 -> 253
# run: aug_locals ret=4 a1=4 a2=-32768 a3=-3 a4=-3 a5=0 a6=-4 a7=253
