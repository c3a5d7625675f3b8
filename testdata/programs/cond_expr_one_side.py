# C-34c: a conditional expression runs only its chosen side, as a value and as a statement; its type is the common type.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=16)


@bpf
@bpfglobal
def c() -> c_int64:
    return 0


@bpf
@bpfglobal
def keys() -> c_int64:
    return 0


@bpf
@bpfglobal
def xv() -> c_int64:
    return 99


@bpf
@bpfglobal
def yv() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def zv() -> c_int64:
    return 0


@bpf
@section("xdp")
def one_side(ctx: c_void_p) -> c_int64:
    x = m.update(1, 1) if c else m.update(2, 2)
    m.update(3, 3) if c else m.update(4, 4)
    m.update(5, 5) if not c else m.update(6, 6)
    bits = 0
    for k in range(1, 7):
        if m.lookup(k):
            bits = bits | (1 << k)
    global keys
    keys = bits
    global xv
    xv = x
    y = c_int32(-1) if c == 0 else c_uint32(1)
    global yv
    yv = y
    global zv
    zv = (10 if c else 20) + (30 if 0 else 40)
    return bits


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# keys 2, 4 and 5: 4 + 16 + 32 = 52
# run: one_side ret=52 keys=52 xv=0 yv=4294967295 zv=60
