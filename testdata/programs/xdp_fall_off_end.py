# C-14b: an xdp program that falls off its end returns 0.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def ran() -> c_int64:
    return 0


@bpf
@section("xdp")
def fall_off(ctx: c_void_p) -> c_int64:
    global ran
    ran = ran + 7


@bpf
@section("xdp")
def bare_return(ctx: c_void_p) -> c_int64:
    global ran
    ran = ran * 2
    if ran > 0:
        return
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: fall_off ret=0 ran=7
# run: bare_return ret=0 ran=14
# run: fall_off ret=0 ran=21
