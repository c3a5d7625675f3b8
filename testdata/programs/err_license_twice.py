# C-104b: a second LICENSE is an error that points at the first.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def prog(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"


@bpf
@bpfglobal
def LICENSE() -> str:  # ERROR "LICENSE|already defined"
    return "Dual BSD/GPL"
