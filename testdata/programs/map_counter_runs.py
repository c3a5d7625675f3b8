# 1.5, 5.2: a HashMap counter across test runs; ArrayMap entries exist and start zeroed.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap, ArrayMap


@bpf
@map
def counts() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=64)


@bpf
@map
def arr() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=c_uint64, max_entries=8)


@bpf
@bpfglobal
def total() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def arr_hit() -> c_int64:
    return 0


@bpf
@bpfglobal
def arrv() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def oob() -> c_int64:
    return 0


@bpf
@section("xdp")
def count(ctx: c_void_p) -> c_int64:
    k = c_uint32(7)
    seen = counts.lookup(k)
    n = (seen or 0) + 1
    counts.update(k, n)
    global total
    total = n
    a = arr.lookup(3)
    global arr_hit
    if a:
        arr_hit = arr_hit + 1
    arr.update(3, (a or 0) + 10)
    c = arr.lookup(3)
    global arrv
    arrv = c + 0
    o = arr.lookup(8)
    global oob
    if not o:
        oob = oob + 1
    return n


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: count ret=1 total=1 arr_hit=1 arrv=10 oob=1
# run: count ret=2 total=2 arr_hit=2 arrv=20 oob=2
# run: count ret=3 total=3 arr_hit=3 arrv=30 oob=3
