# Unary -, ~, + and not work in the promoted type (3.4.4): -c_uint32(1) is 4294967295, ~c_uint8(0) is -1.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32, c_int8, c_uint8
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def one32() -> c_uint32:
    return c_uint32(1)


@bpf
@bpfglobal
def zero32() -> c_uint32:
    return c_uint32(0)


@bpf
@bpfglobal
def zero8() -> c_uint8:
    return c_uint8(0)


@bpf
@bpfglobal
def m128() -> c_int8:
    return c_int8(-128)


@bpf
@bpfglobal
def u200() -> c_uint8:
    return c_uint8(200)


@bpf
@bpfglobal
def i64() -> c_int64:
    return 5


@bpf
@bpfglobal
def n1() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def n2() -> c_int64:
    return 0


@bpf
@bpfglobal
def n3() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def n4() -> c_int64:
    return 0


@bpf
@bpfglobal
def n5() -> c_int64:
    return 0


@bpf
@bpfglobal
def n6() -> c_int64:
    return 0


@bpf
@bpfglobal
def n7() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def n8() -> c_uint64:
    return c_uint64(7)


@bpf
@bpfglobal
def c1() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def c2() -> c_int64:
    return 0


@bpf
@bpfglobal
def c3() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def c4() -> c_int64:
    return 0


@bpf
@bpfglobal
def c5() -> c_int64:
    return 0


@bpf
@section("xdp")
def unary(ctx: c_void_p) -> c_int64:
    global c1
    c1 = -c_uint32(1)
    global c2
    c2 = ~c_uint8(0)
    global c3
    c3 = ~c_uint32(0)
    global c4
    c4 = -c_int8(-128)
    global c5
    c5 = +c_uint8(200)
    global n1
    n1 = -one32
    global n2
    n2 = ~zero8
    global n3
    n3 = ~zero32
    global n4
    n4 = -m128
    global n5
    n5 = +u200
    global n6
    n6 = -i64 * 10 + ~i64
    global n7
    n7 = -c_uint64(one32)
    global n8
    n8 = not one32
    return ~zero8


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: unary ret=-1 c1=4294967295 c2=-1 c3=4294967295 c4=128 c5=200 n1=4294967295 n2=-1 n3=4294967295 n4=128 n5=200 n6=-56 n7=0xFFFFFFFFFFFFFFFF n8=0
