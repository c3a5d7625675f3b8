# 7.6.6: the 512-byte stack limit applies to the sum of the frames along a call chain.
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap


@bpf
@struct
class blob_t:
    a: c_uint64 * 25


@bpf
@map
def store() -> HashMap:
    return HashMap(key=c_uint64, value=blob_t, max_entries=4)


@bpf
def inner(k: c_uint64) -> c_int64:
    x = blob_t()
    return store.update(k, x)


@bpf
def middle(k: c_uint64) -> c_int64:
    x = blob_t()
    store.update(k, x)
    return inner(k + 1)


@bpf
@section("xdp")
def outer(ctx: c_void_p) -> c_int64:  # ERROR "program 'outer' needs 672 bytes of stack along the call chain outer -> middle -> inner; the limit is 512"
    x = blob_t()
    store.update(0, x)
    return middle(1)


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
