# C-90, 7.2.7: a while loop with a true constant condition and no break or return is an error.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def spin(ctx: c_void_p) -> c_int64:
    n = 0
    while True:  # ERROR "infinite loop"
        n += 1
        for i in range(3):
            break
    return n


@bpf
@section("xdp")
def spin_one(ctx: c_void_p) -> c_int64:
    n = 0
    while 1 < 2:  # ERROR "infinite loop"
        n += 1
    return n


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
