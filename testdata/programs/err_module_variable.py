# C-7: module-level Python variables are not visible in BPF code.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal

LIMIT = 5


@bpf
@section("xdp")
def limited(ctx: c_void_p) -> c_int64:
    if ktime() % 10 > LIMIT:  # ERROR "undefined name 'LIMIT'"
        return XDP_DROP
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
