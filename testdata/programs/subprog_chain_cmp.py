# 7.3, C-34b: in `1 < f() < 9` the middle operand, a subprogram call with a side effect, runs once.
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def calls() -> c_uint64:
    return c_uint64(0)


@bpf
def f() -> c_int64:
    global calls
    calls += 1
    return 5


@bpf
@section("xdp")
def chained(ctx: c_void_p) -> c_int64:
    if 1 < f() < 9:
        return 1
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: chained ret=1 calls=1
# run: chained ret=1 calls=2
