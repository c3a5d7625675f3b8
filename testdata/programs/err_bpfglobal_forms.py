# 9.2: a @bpfglobal needs an integer type annotation and a constant initial value.
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def untyped():  # ERROR "a @bpfglobal needs a type such as -> c_uint64"
    return 0


@bpf
@bpfglobal
def runtime() -> c_uint64:
    return ktime()  # ERROR "the initial value of 'runtime' must be an integer constant"


@bpf
@bpfglobal
def computed() -> c_uint64:
    return c_uint64(1 << 20) + 5


@bpf
@section("xdp")
def prog(ctx: c_void_p) -> c_int64:
    return computed


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
