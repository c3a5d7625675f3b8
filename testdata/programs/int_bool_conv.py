# C-28: conversion to bool is x != 0 (never truncation); bool widens to 0 or 1.
from ctypes import c_void_p, c_int64, c_uint64, c_bool
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def five() -> c_int64:
    return 5


@bpf
@bpfglobal
def two() -> c_int64:
    return 2


@bpf
@bpfglobal
def big() -> c_int64:
    return 256


@bpf
@bpfglobal
def flag() -> c_bool:
    return False


@bpf
@bpfglobal
def b1() -> c_uint64:
    return c_uint64(9)


@bpf
@bpfglobal
def b2() -> c_int64:
    return 9


@bpf
@bpfglobal
def b3() -> c_int64:
    return 9


@bpf
@bpfglobal
def b4() -> c_uint64:
    return c_uint64(9)


@bpf
@bpfglobal
def b5() -> c_int64:
    return 9


@bpf
@bpfglobal
def b6() -> c_uint64:
    return c_uint64(9)


@bpf
@bpfglobal
def b7() -> c_uint64:
    return c_uint64(9)


@bpf
@bpfglobal
def b8() -> c_uint64:
    return c_uint64(9)


@bpf
@bpfglobal
def b9() -> c_uint64:
    return c_uint64(9)


@bpf
@section("xdp")
def bools(ctx: c_void_p) -> c_int64:
    global b1
    b1 = c_bool(5)
    global b2
    b2 = True + True
    global flag
    flag = two
    global b3
    b3 = flag + 0
    global b4
    b4 = c_bool(big)
    global b5
    b5 = c_bool(five) + c_bool(big)
    global b6
    b6 = c_bool(0)
    global b7
    b7 = c_bool(-1)
    global b8
    b8 = not five
    global b9
    b9 = not (five - 5)
    t: c_bool = big
    return True + True + t


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: bools ret=3 flag=1 b1=1 b2=2 b3=1 b4=1 b5=2 b6=0 b7=1 b8=0 b9=1
