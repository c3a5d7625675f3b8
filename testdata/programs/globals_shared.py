# C-106, C-105: `global g` then g = 5 is seen by another program; g = 7 without global changes only a local.
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def g() -> c_int64:
    return 42


@bpf
@bpfglobal
def zero_init() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def writer(ctx: c_void_p) -> c_int64:
    global g
    g = 5
    return g


@bpf
@section("xdp")
def reader(ctx: c_void_p) -> c_int64:
    return g + zero_init


@bpf
@section("xdp")
def shadower(ctx: c_void_p) -> c_int64:
    g = 7
    g = g + 1
    return g


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: reader ret=42 g=42 zero_init=0
# run: shadower ret=8 g=42
# run: writer ret=5 g=5
# run: reader ret=5 g=5
