# C-23: signed overflow wraps; c_uint32(3) - 5 and -c_uint32(1) wrap in u32.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def imax() -> c_int32:
    return c_int32(0x7FFFFFFF)


@bpf
@bpfglobal
def lmax() -> c_int64:
    return 0x7FFFFFFFFFFFFFFF


@bpf
@bpfglobal
def three() -> c_uint32:
    return c_uint32(3)


@bpf
@bpfglobal
def one() -> c_uint32:
    return c_uint32(1)


@bpf
@bpfglobal
def o1() -> c_int64:
    return 0


@bpf
@bpfglobal
def o2() -> c_int64:
    return 0


@bpf
@bpfglobal
def o3() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def o4() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def o5() -> c_int64:
    return 0


@bpf
@bpfglobal
def o6() -> c_int64:
    return 0


@bpf
@bpfglobal
def o7() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def o8() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def wrap(ctx: c_void_p) -> c_int64:
    global o1
    o1 = c_int32(0x7FFFFFFF) + 1
    global o2
    o2 = c_int64(0x7FFFFFFFFFFFFFFF) + 1
    global o3
    o3 = c_uint32(3) - 5
    global o4
    o4 = -c_uint32(1)
    global o5
    o5 = imax + 1
    global o6
    o6 = lmax + 1
    global o7
    o7 = three - 5
    global o8
    o8 = -one
    return imax + 1


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: wrap ret=-2147483648 o1=-2147483648 o2=-9223372036854775808 o3=4294967294 o4=4294967295 o5=-2147483648 o6=-9223372036854775808 o7=4294967294 o8=4294967295
