# C-104b: LICENSE must return a plain string literal.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal

name = "GPL"


@bpf
@section("xdp")
def prog(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return name  # ERROR "LICENSE must return a plain string literal such as \"GPL\""
