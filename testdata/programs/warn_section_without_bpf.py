# 1.2.3: a role decorator without @bpf warns and the definition stays userspace code.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@section("xdp")  # WARNING "ignored: @section without @bpf"
def forgotten(ctx: c_void_p) -> c_int64:
    return undefined_in_userspace


@bpf
@section("xdp")
def real(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: real ret=2
