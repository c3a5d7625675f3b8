# 7.3: `is` and `is not` mean == and != on integers; `not` gives a bool.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def five() -> c_int64:
    return 5


@bpf
@bpfglobal
def umax() -> c_uint32:
    return c_uint32(0xFFFFFFFF)


@bpf
@bpfglobal
def bits() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def identity(ctx: c_void_p) -> c_int64:
    b = 0
    if five is 5:
        b = b | 1
    if five is not 5:
        b = b | 2
    if umax is -1:
        b = b | 4
    if not five:
        b = b | 8
    if not not five:
        b = b | 16
    n = not five
    global bits
    bits = b + n * 100 + (not 0) * 1000
    return bits


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: identity ret=1021 bits=1021
