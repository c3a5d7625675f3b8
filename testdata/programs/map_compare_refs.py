# C-54: comparing two lookups compares the stored values (absent reads 0).
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=8)


@bpf
@bpfglobal
def e1() -> c_uint64:
    return c_uint64(7)


@bpf
@bpfglobal
def e2() -> c_uint64:
    return c_uint64(7)


@bpf
@bpfglobal
def e3() -> c_uint64:
    return c_uint64(7)


@bpf
@bpfglobal
def e4() -> c_uint64:
    return c_uint64(7)


@bpf
@bpfglobal
def e5() -> c_uint64:
    return c_uint64(7)


@bpf
@section("xdp")
def cmp_refs(ctx: c_void_p) -> c_int64:
    m.update(1, 9)
    m.update(2, 9)
    global e1
    e1 = m.lookup(1) == m.lookup(2)
    m.update(2, 8)
    global e2
    e2 = m.lookup(1) == m.lookup(2)
    global e3
    e3 = m.lookup(3) == m.lookup(4)
    global e4
    e4 = m.lookup(1) > m.lookup(2)
    p = m.lookup(1)
    q = m.lookup(2)
    global e5
    e5 = p - q
    return p == q


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: cmp_refs ret=0 e1=1 e2=0 e3=1 e4=1 e5=1
