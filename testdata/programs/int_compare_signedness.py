# C-19: comparisons use the common type: unsigned when the unsigned operand is at least as wide.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32, c_int8, c_uint8
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def u10() -> c_uint64:
    return c_uint64(10)


@bpf
@bpfglobal
def sm1() -> c_int64:
    return -1


@bpf
@bpfglobal
def s10() -> c_int64:
    return 10


@bpf
@bpfglobal
def i32m1() -> c_int32:
    return c_int32(-1)


@bpf
@bpfglobal
def u32one() -> c_uint32:
    return c_uint32(1)


@bpf
@bpfglobal
def u32max() -> c_uint32:
    return c_uint32(0xFFFFFFFF)


@bpf
@bpfglobal
def i8m1() -> c_int8:
    return c_int8(-1)


@bpf
@bpfglobal
def u8one() -> c_uint8:
    return c_uint8(1)


@bpf
@bpfglobal
def k() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def g() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def compare(ctx: c_void_p) -> c_int64:
    # each comparison is one bit of k (constants) and g (globals)
    global k
    k = (c_uint64(10) > c_int64(-1)) * 1
    k = k | (c_int64(10) > c_int64(-1)) * 2
    k = k | (c_int32(-1) < c_uint32(1)) * 4
    k = k | (c_int64(-1) < c_uint32(1)) * 8
    k = k | (c_int32(-1) < 1) * 16
    k = k | (c_int8(-1) < c_uint8(1)) * 32
    k = k | (c_uint32(0xFFFFFFFF) == -1) * 64
    k = k | (c_uint32(0xFFFFFFFF) == c_int64(-1)) * 128
    global g
    g = (u10 > sm1) * 1
    g = g | (s10 > sm1) * 2
    g = g | (i32m1 < u32one) * 4
    g = g | (sm1 < u32one) * 8
    g = g | (i32m1 < 1) * 16
    g = g | (i8m1 < u8one) * 32
    g = g | (u32max == -1) * 64
    g = g | (u32max == sm1) * 128
    return g


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# bits: 2 + 8 + 16 + 32 + 64 = 122
# run: compare ret=122 k=122 g=122
