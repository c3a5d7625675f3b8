# C-79: XDP_DROP is 1 without an import; a local XDP_DROP = 9 shadows it only in its own function.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def drop(ctx: c_void_p) -> c_int64:
    return XDP_DROP


@bpf
@section("xdp")
def shadow(ctx: c_void_p) -> c_int64:
    XDP_DROP = 9
    return XDP_DROP


@bpf
@section("xdp")
def actions(ctx: c_void_p) -> c_int64:
    return XDP_ABORTED * 10000 + XDP_PASS * 1000 + XDP_TX * 100 + XDP_REDIRECT * 10 + TC_ACT_SHOT + BPF_EXIST * 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: drop ret=1
# run: shadow ret=9
# run: drop ret=1
# run: actions ret=2342
