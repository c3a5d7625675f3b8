# 1.2.5, 7.6: a subprogram named like an [ext] helper (tgid, redirect, loop) means the subprogram
# throughout the file; an unused subprogram is still compiled and checked.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
def tgid(x: c_uint32) -> c_uint32:
    return x * 2


@bpf
def redirect(a: c_uint32, b: c_uint32) -> c_uint32:
    return a - b


@bpf
def loop(n: c_uint32) -> c_uint32:
    return n + 100


@bpf
def unused(n: c_uint32) -> c_uint32:
    return n


@bpf
@section("xdp")
def shadow(ctx: c_void_p) -> c_int64:
    return tgid(5) + redirect(b=1, a=4) + loop(1)


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: shadow ret=114
