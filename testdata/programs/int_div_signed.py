# C-17: signed division truncates toward zero; % takes the dividend's sign.
from ctypes import c_void_p, c_int64, c_int32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def a() -> c_int32:
    return c_int32(-7)


@bpf
@bpfglobal
def b() -> c_int32:
    return c_int32(2)


@bpf
@bpfglobal
def nb() -> c_int32:
    return c_int32(-2)


@bpf
@bpfglobal
def p() -> c_int32:
    return c_int32(7)


@bpf
@bpfglobal
def d1() -> c_int64:
    return 0


@bpf
@bpfglobal
def d2() -> c_int64:
    return 0


@bpf
@bpfglobal
def d3() -> c_int64:
    return 0


@bpf
@bpfglobal
def d4() -> c_int64:
    return 0


@bpf
@bpfglobal
def d5() -> c_int64:
    return 0


@bpf
@bpfglobal
def d6() -> c_int64:
    return 0


@bpf
@bpfglobal
def d7() -> c_int64:
    return 0


@bpf
@bpfglobal
def d8() -> c_int64:
    return 0


@bpf
@bpfglobal
def d9() -> c_int64:
    return 0


@bpf
@bpfglobal
def d10() -> c_int64:
    return 0


@bpf
@section("xdp")
def sdiv(ctx: c_void_p) -> c_int64:
    global d1
    d1 = c_int32(-7) / 2
    global d2
    d2 = c_int32(-7) // 2
    global d3
    d3 = c_int32(-7) % 2
    global d4
    d4 = a / b
    global d5
    d5 = a // b
    global d6
    d6 = a % b
    global d7
    d7 = a / nb
    global d8
    d8 = a % nb
    global d9
    d9 = p / nb
    global d10
    d10 = p % nb
    return a / b


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: sdiv ret=-3 d1=-3 d2=-3 d3=-1 d4=-3 d5=-3 d6=-1 d7=3 d8=-1 d9=-3 d10=1
