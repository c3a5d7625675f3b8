# 7.4: programs cannot be called from BPF code.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def target(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@section("xdp")
def caller(ctx: c_void_p) -> c_int64:
    return target(ctx)  # ERROR "programs cannot be called; move shared code into a @bpf function without @section"


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
