# 7.3: `and`/`or` evaluate only the operands they select, as values and in conditions.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_int64, max_entries=16)


@bpf
@bpfglobal
def zero() -> c_int64:
    return 0


@bpf
@bpfglobal
def five() -> c_int64:
    return 5


@bpf
@bpfglobal
def keys() -> c_int64:
    return 0


@bpf
@bpfglobal
def vals() -> c_int64:
    return 0


@bpf
@section("xdp")
def short(ctx: c_void_p) -> c_int64:
    x1 = zero and m.update(1, 0)
    x2 = five or m.update(2, 0)
    x3 = five and m.update(3, 0)
    x4 = zero or m.update(4, 0)
    if zero and m.update(5, 0) == 0:
        x1 = 100
    if five or m.update(6, 0) == 0:
        x2 = x2 + 100
    if five > 0 and m.update(7, 0) == 0:
        x3 = x3 + 100
    # value 0 entries: presence, not the stored value, is tested
    bits = 0
    for k in range(1, 8):
        p = m.lookup(k)
        if p:
            bits = bits | (1 << k)
    global keys
    keys = bits
    global vals
    vals = x1 * 1000000 + x2 * 1000 + x3 * 10 + x4
    return bits


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# keys 3, 4 and 7 were inserted: 8 + 16 + 128 = 152
# run: short ret=152 keys=152 vals=106000
