# C-89: a while True loop left by return; a -> c_int32 program returns 6.
from ctypes import c_void_p, c_int64, c_int32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def spins() -> c_int64:
    return 0


@bpf
@section("xdp")
def until_six(ctx: c_void_p) -> c_int32:
    global spins
    i = 0
    while True:
        i += 1
        spins += 1
        if i > 5:
            return i


@bpf
@section("xdp")
def until_break(ctx: c_void_p) -> c_int64:
    j = 10
    while True:
        j -= 3
        if j < 0:
            break
    return j


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: until_six ret=6 spins=6
# run: until_break ret=-2
# run: until_six ret=6 spins=12
