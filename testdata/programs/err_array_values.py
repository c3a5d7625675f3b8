# Arrays have no integer value: arithmetic, conversions and assignments of
# a whole str(N) or c_T * N field are errors, never a silent 0.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, section, bpfglobal, struct


@bpf
@struct
class rec_t:
    name: str(8)
    vals: c_uint32 * 4


@bpf
@bpfglobal
def g() -> c_uint64:
    return 0


@bpf
@section("xdp")
def p(ctx: c_void_p) -> c_int64:
    r = rec_t()
    y = r.name + 1  # ERROR "strings cannot be compared or combined"
    z: c_uint32 = r.vals  # ERROR "arrays cannot be copied into locals"
    global g
    g = r.vals  # ERROR "an array has no integer value"
    if r.vals < 3:  # ERROR "an array has no integer value"
        return 1
    return c_uint64(r.name)  # ERROR "an array|a string|integer"
