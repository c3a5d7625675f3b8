# C-26: the most negative value divided by -1 gives itself, and its remainder is 0.
from ctypes import c_void_p, c_int64, c_int32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def a() -> c_int32:
    return c_int32(-2147483648)


@bpf
@bpfglobal
def b() -> c_int32:
    return c_int32(-1)


@bpf
@bpfglobal
def a64() -> c_int64:
    return -9223372036854775807 - 1


@bpf
@bpfglobal
def b64() -> c_int64:
    return -1


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
def q2() -> c_int64:
    return 99


@bpf
@bpfglobal
def r2() -> c_int64:
    return 99


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
def q4() -> c_int64:
    return 99


@bpf
@section("xdp")
def mindiv(ctx: c_void_p) -> c_int64:
    global q1
    q1 = a / b
    global r1
    r1 = a % b
    global q2
    q2 = a64 / b64
    global r2
    r2 = a64 % b64
    global q3
    q3 = c_int32(-2147483648) / c_int32(-1)
    global r3
    r3 = c_int32(-2147483648) % c_int32(-1)
    global q4
    q4 = a // b
    return a / b


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: mindiv ret=-2147483648 q1=-2147483648 r1=0 q2=-9223372036854775808 r2=0 q3=-2147483648 r3=0 q4=-2147483648
