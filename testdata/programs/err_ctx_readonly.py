# C-13b: the context parameter cannot be assigned or augmented.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def assign_ctx(ctx: c_void_p) -> c_int64:
    ctx = 0  # ERROR "the context parameter 'ctx' is read-only"
    return XDP_PASS


@bpf
@section("xdp")
def augment_ctx(skb: c_void_p) -> c_int64:
    skb += 1  # ERROR "the context parameter 'skb' is read-only"
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
