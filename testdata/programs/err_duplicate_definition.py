# C-6: two BPF definitions named handler: the error is at the second (with a note at the first).
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def handler(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@section("xdp")
def handler(ctx: c_void_p) -> c_int64:  # ERROR "'handler' is already defined at line 8"
    return XDP_DROP


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
