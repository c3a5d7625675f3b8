# C-92c: operands are evaluated left to right, each once; a tuple's right side is computed before its stores.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=8)


@bpf
@map
def m2() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=8)


@bpf
@bpfglobal
def sum1() -> c_int64:
    return 99


@bpf
@bpfglobal
def ta() -> c_int64:
    return 99


@bpf
@bpfglobal
def tb() -> c_int64:
    return 99


@bpf
@bpfglobal
def tc() -> c_int64:
    return 99


@bpf
@section("xdp")
def order(ctx: c_void_p) -> c_int64:
    global sum1
    sum1 = m.update(1, 5) + (m.lookup(1) or 0)
    a, b = (m2.lookup(1) or 0), m2.update(1, 5)
    global ta
    ta = a
    global tb
    tb = b
    c = (m2.lookup(1) or 0) - m2.delete(1) + (m2.lookup(1) or 100)
    global tc
    tc = c
    return sum1


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# c: 5 - 0 + 100
# run: order ret=5 sum1=5 ta=0 tb=0 tc=105
