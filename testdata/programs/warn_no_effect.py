# 7.1: an expression statement that is not a call or a conditional expression warns and is not evaluated.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_int64, max_entries=4)


@bpf
@bpfglobal
def found() -> c_int64:
    return 0


@bpf
@section("xdp")
def no_effect(ctx: c_void_p) -> c_int64:
    """A docstring is ignored without a warning."""
    x = 1
    x + 1  # WARNING "statement has no effect"
    x == 2  # WARNING "statement has no effect"
    5  # WARNING "statement has no effect"
    x and m.update(1, 1)  # WARNING "statement has no effect"
    m.update(2, 2)
    global found
    found = (m.lookup(1) or 0) + (m.lookup(2) or 0) * 10
    return x


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: no_effect ret=1 found=20
