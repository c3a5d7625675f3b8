# C-22: c_uint8(250) + c_uint8(10) is an int 260; stored into a c_uint8 it becomes 4.
from ctypes import c_void_p, c_int64, c_uint8, c_int8
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def a8() -> c_uint8:
    return c_uint8(250)


@bpf
@bpfglobal
def b8() -> c_uint8:
    return c_uint8(10)


@bpf
@bpfglobal
def total() -> c_int64:
    return 0


@bpf
@bpfglobal
def small() -> c_uint8:
    return c_uint8(0)


@bpf
@bpfglobal
def gtotal() -> c_int64:
    return 0


@bpf
@bpfglobal
def gsmall() -> c_uint8:
    return c_uint8(0)


@bpf
@bpfglobal
def viax() -> c_int64:
    return 0


@bpf
@bpfglobal
def viay() -> c_int64:
    return 0


@bpf
@section("xdp")
def u8wrap(ctx: c_void_p) -> c_int64:
    global total
    total = c_uint8(250) + c_uint8(10)
    global small
    small = c_uint8(250) + c_uint8(10)
    global gtotal
    gtotal = a8 + b8
    global gsmall
    gsmall = a8 + b8
    x: c_uint8 = a8 + b8
    global viax
    viax = x * 100
    y: c_int8 = a8
    global viay
    viay = y
    return x


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: u8wrap ret=4 total=260 small=4 gtotal=260 gsmall=4 viax=400 viay=-6
