# 7.3, 5.5.3: `and`/`or` used as values yield an operand's value, in the common type of both operands.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def zero() -> c_int64:
    return 0


@bpf
@bpfglobal
def five() -> c_int64:
    return 5


@bpf
@bpfglobal
def seven() -> c_int64:
    return 7


@bpf
@bpfglobal
def u0() -> c_uint32:
    return c_uint32(0)


@bpf
@bpfglobal
def m1() -> c_int32:
    return c_int32(-1)


@bpf
@bpfglobal
def u5() -> c_uint64:
    return c_uint64(5)


@bpf
@bpfglobal
def v1() -> c_int64:
    return 99


@bpf
@bpfglobal
def v2() -> c_int64:
    return 99


@bpf
@bpfglobal
def v3() -> c_int64:
    return 99


@bpf
@bpfglobal
def v4() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def v5() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def g1() -> c_int64:
    return 99


@bpf
@bpfglobal
def g2() -> c_int64:
    return 99


@bpf
@bpfglobal
def g3() -> c_int64:
    return 99


@bpf
@bpfglobal
def g4() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def g5() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def g6() -> c_int64:
    return 99


@bpf
@bpfglobal
def g7() -> c_int64:
    return 99


@bpf
@section("xdp")
def andor(ctx: c_void_p) -> c_int64:
    global v1
    v1 = 0 or 5
    global v2
    v2 = 3 and 7
    global v3
    v3 = 0 and 7
    global v4
    v4 = c_uint32(0) or -1
    global v5
    v5 = c_int32(-1) or c_uint64(5)
    global g1
    g1 = zero or five
    global g2
    g2 = five and seven
    global g3
    g3 = zero and seven
    global g4
    g4 = u0 or m1
    global g5
    g5 = m1 or u5
    global g6
    g6 = zero or 0 or seven
    global g7
    g7 = five and zero or seven
    return five and seven


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: andor ret=7 v1=5 v2=7 v3=0 v4=4294967295 v5=0xFFFFFFFFFFFFFFFF g1=5 g2=7 g3=0 g4=4294967295 g5=0xFFFFFFFFFFFFFFFF g6=7 g7=7
