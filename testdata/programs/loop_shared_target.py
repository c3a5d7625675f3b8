# C-87: nested loops share their target name; each loop has its own hidden counter.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def result() -> c_int64:
    return 0


@bpf
@section("xdp")
def shared(ctx: c_void_p) -> c_int64:
    total = 0
    for i in range(3):
        for i in range(2):
            total += i
        total += i
    for i in range(5):
        total += 10
    global result
    result = total + i
    return total + i


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: shared ret=60 result=60
