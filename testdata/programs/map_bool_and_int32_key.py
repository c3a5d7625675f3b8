# 3.5.2, 5.2: a c_bool map value stores x != 0; an ArrayMap with a c_int32 key finds no entry for -1.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32, c_bool
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap, ArrayMap


@bpf
@map
def flags() -> HashMap:
    return HashMap(key=c_uint32, value=c_bool, max_entries=4)


@bpf
@map
def slots() -> ArrayMap:
    return ArrayMap(key=c_int32, value=c_uint64, max_entries=4)


@bpf
@bpfglobal
def big() -> c_int64:
    return 512


@bpf
@bpfglobal
def stored() -> c_int64:
    return 99


@bpf
@bpfglobal
def neg_found() -> c_int64:
    return 99


@bpf
@bpfglobal
def last_slot() -> c_uint64:
    return c_uint64(99)


@bpf
@section("xdp")
def bools(ctx: c_void_p) -> c_int64:
    flags.update(1, big)
    global stored
    stored = flags.lookup(1) + 0
    p = slots.lookup(-1)
    global neg_found
    neg_found = 0
    if p:
        neg_found = 1
    slots.update(3, 33)
    global last_slot
    last_slot = slots.lookup(3) or 1
    return stored + neg_found


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: bools ret=1 stored=1 neg_found=0 last_slot=33
