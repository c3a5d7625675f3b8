# C-1: one xdp program returning XDP_PASS, with a LICENSE.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def xdp_pass(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: xdp_pass ret=2
