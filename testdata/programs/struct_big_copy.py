# A struct copy too large to unroll (1616 bytes between two map-value
# fields) becomes a counted loop; a struct that alone overflows the stack
# is rejected at the local (see err_stack_too_big.py).
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, section, bpfglobal, struct, map
from pythonbpf.maps import ArrayMap

@bpf
@struct
class inner_t:
    v: c_uint64 * 100
    tail: c_uint32

@bpf
@struct
class big_t:
    a: inner_t
    b: inner_t

@bpf
@map
def m() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=big_t, max_entries=4)

@bpf
@bpfglobal
def out() -> c_uint64:
    return 0

@bpf
@section("xdp")
def p(ctx: c_void_p) -> c_int64:
    x = m.lookup(0)
    if x:
        x.b.v[99] = 7
        x.b.tail = 3
        x.a = x.b
        global out
        out = x.a.v[99] + x.a.tail
    return 0

@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: p ret=0 out=10
