# 7.4: a stack frame over 512 bytes is a compile error with notes naming
# the largest locals (two 320-byte structs and a key slot; each alone fits).
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap


@bpf
@struct
class big_t:
    a: c_uint64 * 40


@bpf
@map
def store() -> HashMap:
    return HashMap(key=c_uint64, value=big_t, max_entries=4)


@bpf
@section("xdp")
def hog(ctx: c_void_p) -> c_int64:  # ERROR "program 'hog' needs 648 bytes of stack; the limit is 512"
    x = big_t()
    y = big_t()
    store.update(1, x)
    store.update(2, y)
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
