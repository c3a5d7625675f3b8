# C-15: u32 + int wraps at 32 bits before widening; s32 with u32 is a u32 operation.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def u32max() -> c_uint32:
    return c_uint32(0xFFFFFFFF)


@bpf
@bpfglobal
def minus1() -> c_int32:
    return c_int32(-1)


@bpf
@bpfglobal
def zero32() -> c_uint32:
    return c_uint32(0)


@bpf
@bpfglobal
def c1() -> c_uint64:
    return 0


@bpf
@bpfglobal
def c2() -> c_int64:
    return 0


@bpf
@bpfglobal
def g1() -> c_uint64:
    return 0


@bpf
@bpfglobal
def g2() -> c_int64:
    return 0


@bpf
@section("xdp")
def widen(ctx: c_void_p) -> c_int64:
    x: c_uint64 = c_uint32(0xFFFFFFFF) + 1
    y: c_int64 = c_int32(-1) + c_uint32(0)
    global c1
    c1 = x
    global c2
    c2 = y
    u: c_uint64 = u32max + 1
    v: c_int64 = minus1 + zero32
    global g1
    g1 = u
    global g2
    g2 = v
    # the same u32 sum compared with a long long: 0 == 0
    return (u32max + 1 == 0) + (minus1 + zero32 == 4294967295) * 10


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: widen ret=11 c1=0 c2=4294967295 g1=0 g2=4294967295
