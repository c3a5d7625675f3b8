# C-25: division by a runtime zero gives 0, remainder by a runtime zero gives the dividend.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def a() -> c_int64:
    return 7


@bpf
@bpfglobal
def b() -> c_int64:
    return 0


@bpf
@bpfglobal
def u() -> c_uint32:
    return c_uint32(9)


@bpf
@bpfglobal
def z32() -> c_uint32:
    return c_uint32(0)


@bpf
@bpfglobal
def n() -> c_int32:
    return c_int32(-5)


@bpf
@bpfglobal
def zs() -> c_int32:
    return c_int32(0)


@bpf
@bpfglobal
def nn() -> c_int64:
    return -5


@bpf
@bpfglobal
def q1() -> c_int64:
    return 99


@bpf
@bpfglobal
def r1() -> c_int64:
    return 99


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
@bpfglobal
def r3() -> c_int64:
    return 99


@bpf
@bpfglobal
def r4() -> c_int64:
    return 99


@bpf
@bpfglobal
def q5() -> c_int64:
    return 99


@bpf
@bpfglobal
def r5() -> c_int64:
    return 99


@bpf
@section("xdp")
def divzero(ctx: c_void_p) -> c_int64:
    global q1
    q1 = a / b
    global r1
    r1 = a % b
    global q2
    q2 = u / z32
    global r2
    r2 = u % z32
    global q3
    q3 = n / zs
    global r3
    r3 = n % zs
    global r4
    r4 = nn % b
    global q5
    q5 = nn // b
    x = a
    x %= b
    global r5
    r5 = x
    return a % b


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: divzero ret=7 q1=0 r1=7 q2=0 r2=9 q3=0 r3=-5 r4=-5 q5=0 r5=7
