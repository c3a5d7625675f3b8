# 7.6: subprograms are part of the language but this compiler does not support them yet.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
def add(a: c_uint32, b: c_uint32) -> c_uint32:  # ERROR "not supported yet"
    return a + b


@bpf
@section("xdp")
def caller(ctx: c_void_p) -> c_int64:
    return add(1, 2)  # ERROR "not supported yet"


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
