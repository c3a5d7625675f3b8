# 7.4, 7.6.6: a call chain of 9 frames (a program and 8 nested subprograms) is too deep.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
def f1(n: c_uint32) -> c_uint32:
    return f2(n) + 1


@bpf
def f2(n: c_uint32) -> c_uint32:
    return f3(n) + 1


@bpf
def f3(n: c_uint32) -> c_uint32:
    return f4(n) + 1


@bpf
def f4(n: c_uint32) -> c_uint32:
    return f5(n) + 1


@bpf
def f5(n: c_uint32) -> c_uint32:
    return f6(n) + 1


@bpf
def f6(n: c_uint32) -> c_uint32:
    return f7(n) + 1


@bpf
def f7(n: c_uint32) -> c_uint32:
    return f8(n) + 1


@bpf
def f8(n: c_uint32) -> c_uint32:
    return n


@bpf
@section("xdp")
def deep(ctx: c_void_p) -> c_int64:  # ERROR "call chain too deep: deep -> f1 -> f2 -> f3 -> f4 -> f5 -> f6 -> f7 -> f8 is 9 frames"
    return f1(1)


@bpf
@section("xdp")
def shallow(ctx: c_void_p) -> c_int64:
    return f2(1)


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
