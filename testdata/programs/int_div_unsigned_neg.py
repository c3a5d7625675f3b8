# C-16: c_uint32(10) / -2 is 0 and c_uint32(10) % -2 is 10 (-2 becomes u32 4294967294).
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def ten() -> c_uint32:
    return c_uint32(10)


@bpf
@bpfglobal
def mtwo() -> c_int32:
    return c_int32(-2)


@bpf
@bpfglobal
def q1() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def r1() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def q2() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def r2() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def q3() -> c_int64:
    return 99


@bpf
@section("xdp")
def udiv(ctx: c_void_p) -> c_int64:
    global q1
    q1 = c_uint32(10) / -2
    global r1
    r1 = c_uint32(10) % -2
    global q2
    q2 = ten / mtwo
    global r2
    r2 = ten // mtwo + ten % mtwo
    # s64 with u32 is signed: -10 / 3 truncates toward zero
    global q3
    q3 = c_int64(-10) / c_uint32(3)
    return ten % mtwo


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: udiv ret=10 q1=0 r1=10 q2=0 r2=10 q3=-3
