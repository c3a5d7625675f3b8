# C-33: reading a local above every assignment to it is an error.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def early(ctx: c_void_p) -> c_int64:
    y = x + 1  # ERROR "local variable 'x' referenced before assignment"
    x = 5
    z += 1  # ERROR "'z' is updated with an augmented assignment before it has a value"
    z = 0
    return y + z


@bpf
@section("xdp")
def shadowed_constant(ctx: c_void_p) -> c_int64:
    a = XDP_PASS  # ERROR "local variable 'XDP_PASS' referenced before assignment"
    XDP_PASS = 55
    return a + XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
