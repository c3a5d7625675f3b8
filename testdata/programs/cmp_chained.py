# 7.3: a < b < c means a < b and b < c with b evaluated once and c only when a < b holds.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_int64, max_entries=16)


@bpf
@bpfglobal
def x() -> c_int64:
    return 5


@bpf
@bpfglobal
def m1() -> c_int32:
    return c_int32(-1)


@bpf
@bpfglobal
def r() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def chains(ctx: c_void_p) -> c_int64:
    bits = 0
    if 1 < x < 9:
        bits = bits | 1
    if 1 < x < 5:
        bits = bits | 2
    # evaluated once: the second NOEXIST update of key 1 would return -17
    if 0 == m.update(1, 5, BPF_NOEXIST) == 0:
        bits = bits | 4
    # the third operand is not evaluated when the first comparison is false
    if 5 < 3 < m.update(2, 5):
        bits = bits | 8
    if m.lookup(2):
        bits = bits | 16
    # s32 -1 against u32 0 compares unsigned
    if m1 < c_uint32(0) < 1:
        bits = bits | 32
    if x > 4 >= 4 > m1:
        bits = bits | 64
    global r
    r = 0 <= x <= 5 != 6
    return bits


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: chains ret=69 r=1
