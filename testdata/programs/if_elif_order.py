# C-91b, C-33b: elif conditions run only when every earlier one was false; a local bound only in a skipped branch reads 0.
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
def keys() -> c_int64:
    return 0


@bpf
@bpfglobal
def which() -> c_int64:
    return 0


@bpf
@bpfglobal
def late() -> c_int64:
    return 99


@bpf
@section("xdp")
def elif_order(ctx: c_void_p) -> c_int64:
    a = 0
    if m.update(1, 1) == 0:
        a = 1
    elif m.update(2, 2) == 0:
        a = 2
    b = 0
    if m.update(3, 3) != 0:
        b = 3
    elif m.update(4, 4) == 0:
        b = 4
    elif m.update(5, 5) == 0:
        b = 5
    else:
        b = 6
    if zero > 0:
        t = 5
    global late
    late = t
    bits = 0
    for k in range(1, 6):
        p = m.lookup(k)
        if p:
            bits = bits | (1 << k)
    global keys
    keys = bits
    global which
    which = a * 10 + b
    return which


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# keys 1, 3 and 4: 2 + 8 + 16 = 26
# run: elif_order ret=14 keys=26 which=14 late=0
