# 3.6.2, 5.6: map values are stored and read at their declared width and type; keys convert to the key type.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32, c_uint8, c_int8, c_int16
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m8() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint8, max_entries=8)


@bpf
@map
def ms8() -> HashMap:
    return HashMap(key=c_uint32, value=c_int8, max_entries=8)


@bpf
@map
def m16() -> HashMap:
    return HashMap(key=c_uint64, value=c_int16, max_entries=8)


@bpf
@bpfglobal
def big() -> c_int64:
    return 300


@bpf
@bpfglobal
def neg() -> c_int64:
    return -1


@bpf
@bpfglobal
def wide() -> c_int64:
    return 0x100000005


@bpf
@bpfglobal
def v1() -> c_int64:
    return 99


@bpf
@bpfglobal
def v2() -> c_int64:
    return 99


@bpf
@bpfglobal
def v3() -> c_int64:
    return 99


@bpf
@bpfglobal
def v4() -> c_int64:
    return 99


@bpf
@bpfglobal
def v5() -> c_int64:
    return 99


@bpf
@bpfglobal
def v6() -> c_int64:
    return 99


@bpf
@section("xdp")
def widths(ctx: c_void_p) -> c_int64:
    m8.update(1, big)
    global v1
    v1 = m8.lookup(1) + 0
    ms8.update(1, neg)
    global v2
    v2 = ms8.lookup(1) + 0
    # the key 0x100000005 becomes the u32 key 5
    m8.update(wide, 7)
    global v3
    v3 = m8.lookup(5) + 0
    m16.update(2, c_int16(-2))
    global v4
    v4 = m16.lookup(2) * 1
    m8.update(2, c_uint8(255))
    global v5
    v5 = m8.lookup(2) + 1
    global v6
    v6 = (m16.lookup(wide) or 3) + (m16.lookup(2) or 3)
    return m8.lookup(1)


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: widths ret=44 v1=44 v2=-1 v3=7 v4=-2 v5=256 v6=1
