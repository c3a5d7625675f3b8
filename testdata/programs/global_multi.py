# 9.3, 7.1: one `global a, b` statement declares every name it lists.
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def a() -> c_int64:
    return 0


@bpf
@bpfglobal
def b() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def c() -> c_int64:
    return 0


@bpf
@section("xdp")
def multi(ctx: c_void_p) -> c_int64:
    global a, b, c
    a = -3
    b = 10
    c += 1
    return a + c


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: multi ret=-2 a=-3 b=10 c=1
# run: multi ret=-1 a=-3 b=10 c=2
