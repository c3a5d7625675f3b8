# C-70, 5.7.2: explicit atomics return the old value and update the map
# value, field or global in place; a NULL reference changes nothing and
# gives 0.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap, ArrayMap


@bpf
@struct
class pair_t:
    a: c_uint32
    b: c_int64


@bpf
@map
def vals() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=4)


@bpf
@map
def pairs() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=pair_t, max_entries=1)


@bpf
@bpfglobal
def g() -> c_uint32:
    return c_uint32(10)


@bpf
@bpfglobal
def old_add() -> c_uint64:
    return 99


@bpf
@bpfglobal
def now() -> c_uint64:
    return 99


@bpf
@bpfglobal
def from_null() -> c_int64:
    return 99


@bpf
@bpfglobal
def bits() -> c_int64:
    return 0


@bpf
@bpfglobal
def cas() -> c_int64:
    return 0


@bpf
@section("xdp")
def atomics(ctx: c_void_p) -> c_int64:
    vals.update(0, 7)
    p = vals.lookup(0)
    global old_add, now, from_null, bits, cas
    old_add = atomic_add(p, 5)
    now = vals.lookup(0)
    missing = vals.lookup(3)
    from_null = atomic_add(missing, 5) + atomic_cmpxchg(missing, 0, 1)
    q = pairs.lookup(0)
    atomic_xchg(q.a, 0xF0)
    o1 = atomic_or(q.a, 0x0F)
    o2 = atomic_and(q.a, 0x3C)
    o3 = atomic_xor(q.a, 0x01)
    atomic_sub(q.b, 3)
    bits = q.a * 1000000 + o1 * 1000 + o2 + q.b * 1000000000 + o3 * 0
    c1 = atomic_cmpxchg(g, 11, 50)
    c2 = atomic_cmpxchg(g, 10, 20)
    c3 = atomic_sub(g, 1)
    cas = c1 * 10000 + c2 * 100 + c3 + g * 1000000
    return old_add


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: atomics ret=7 old_add=7 now=12 from_null=0 bits=-2938759745 cas=19101020
