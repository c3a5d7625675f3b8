# C-90: bad range() calls and loops over anything but range are errors.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=16)


@bpf
@section("xdp")
def ranges(ctx: c_void_p) -> c_int64:
    s = 0
    step = 2
    u: c_uint64 = 10
    for a in range(0, 10, step):  # ERROR "range\\(\\) step must be known at compile time"
        s += a
    for b in range(0, 10, 0):  # ERROR "range\\(\\) step must not be zero"
        s += b
    for c in range(0, 10, -0):  # ERROR "range\\(\\) step must not be zero"
        s += c
    for d in range(0, 10, 9223372036854775808):  # ERROR "range\\(\\) step is too large for the 64-bit loop counter"
        s += d
    for e in range(u, 0, -1):  # ERROR "a negative range\\(\\) step needs signed bounds"
        s += e
    for f in range(0, 10, 1, 1):  # ERROR "range"
        s += f
    for k, v in m.items():  # ERROR "only `for NAME in range\\(...\\)` loops are supported"
        s += 1
    for g in range():  # ERROR "range"
        s += g
    return s


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
