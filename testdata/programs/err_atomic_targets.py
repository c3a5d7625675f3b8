# 5.7.2: explicit atomics need a 32- or 64-bit map value, field or global.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32, c_uint8
from pythonbpf import bpf, map, section, bpfglobal, bpfconst, struct
from pythonbpf.maps import HashMap


@bpf
@struct
class small_t:
    tiny: c_uint8
    wide: c_uint64


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=small_t, max_entries=4)


@bpf
@bpfconst
def limit() -> c_uint64:
    return 5


@bpf
@section("xdp")
def bad(ctx: c_void_p) -> c_int64:
    p = m.lookup(0)
    atomic_add(p.tiny, 1)  # ERROR "atomic target must be a 32- or 64-bit map value or global"
    atomic_add(p, 1)  # ERROR "atomic target must be a 32- or 64-bit map value or global"
    n = 5
    atomic_or(n, 1)  # ERROR "atomic target must be a 32- or 64-bit map value or global"
    atomic_xor(3, 1)  # ERROR "atomic target must be a 32- or 64-bit map value or global"
    atomic_add(limit, 1)  # ERROR "'limit' is read-only configuration"
    atomic_cmpxchg(p.wide, 1)  # ERROR "atomic_cmpxchg.. needs a target, the expected value and the new value; 2 arguments given"
    s = small_t()
    return atomic_add(s.wide, 2) + atomic_xchg(p.wide, 1)


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
