# C-90: break and continue outside a loop are errors.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def stray(ctx: c_void_p) -> c_int64:
    x = ktime()
    if x > 5:
        break  # ERROR "'break' outside loop"
    else:
        continue  # ERROR "'continue' (outside|not properly in) loop"
    for i in range(3):
        if i == 1:
            break
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
