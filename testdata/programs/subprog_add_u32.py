# 7.6, C-96: a subprogram with c_uint32 parameters converts its arguments and wraps in u32.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def caller(ctx: c_void_p) -> c_int64:
    return add(0xFFFFFFFF, 2)


@bpf
def add(a: c_uint32, b: c_uint32) -> c_uint32:
    return a + b


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: caller ret=1
