# C-8: an unbalanced parenthesis in userspace code at line 40 is an error at
# line 40, and no object is written.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def ok(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# userspace helpers follow





















print("unbalanced", (1 + 2)  # ERROR "never closed|invalid syntax"
x = 1
