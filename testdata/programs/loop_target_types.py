# C-88: a target reused by loops with differently signed bounds takes each loop's counter type.
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def result() -> c_int64:
    return 0


@bpf
@bpfglobal
def lastneg() -> c_int64:
    return 0


@bpf
@section("xdp")
def counter_types(ctx: c_void_p) -> c_int64:
    n: c_uint64 = 3
    total = 0
    for i in range(n):
        total += 1
    neg = 0
    for i in range(-3, 3):
        if i < 0:
            total += 100
            neg = i
    global result
    result = total
    global lastneg
    lastneg = neg
    return total


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: counter_types ret=303 result=303 lastneg=-1
