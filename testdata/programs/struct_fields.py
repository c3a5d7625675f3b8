# C-35, C-38, C-38b, C-40, C-55: struct layout, field stores, tuple swap,
# wrap on augmented assignment, string truncation, in-place map updates.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32, c_uint16, c_uint8
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap


@bpf
@struct
class pair_t:
    a: c_uint8
    b: c_uint32
    c: c_uint16


@bpf
@struct
class stats_t:
    count: c_uint64
    last: c_uint32
    tag: str(4)


@bpf
@map
def stats() -> HashMap:
    return HashMap(key=c_uint32, value=stats_t, max_entries=16)


@bpf
@map
def by_pair() -> HashMap:
    return HashMap(key=pair_t, value=c_uint64, max_entries=16)


@bpf
@bpfglobal
def swapped() -> c_uint64:
    return 0


@bpf
@bpfglobal
def wrapped() -> c_uint64:
    return 0


@bpf
@bpfglobal
def count() -> c_uint64:
    return 0


@bpf
@bpfglobal
def found() -> c_uint64:
    return 0


@bpf
@section("xdp")
def fields(ctx: c_void_p) -> c_int64:
    r = pair_t()
    r.a = 1
    r.b = 0xFFFFFFFF
    r.c = 3
    r.a, r.c = r.c, r.a
    global swapped
    swapped = r.a * 10 + r.c
    r.b += 5
    global wrapped
    wrapped = r.b
    s = stats_t()
    s.tag = "abcdefghij"
    s.count = 40
    stats.update(7, s)
    p = stats.lookup(7)
    if p:
        p.count += 2
    q = stats.lookup(7)
    global count
    count = q.count
    k = pair_t()
    k.a = 1
    k.b = 2
    by_pair.update(k, 99)
    k2 = pair_t()
    k2.b = 2
    k2.a = 1
    global found
    found = by_pair.lookup(k2) or 0
    return p.last + 1


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: fields ret=1 swapped=31 wrapped=4 count=42 found=99
