# C-4: decorators may come in any order; @section above @bpf means the same.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@section("xdp")
@bpf
def reversed_order(ctx: c_void_p) -> c_int64:
    return XDP_DROP


@bpfglobal
@bpf
def LICENSE() -> str:
    return "GPL"

# run: reversed_order ret=1
