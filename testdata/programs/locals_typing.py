# C-30, 3.7: a local's type is fixed by its first binding; later assignments convert to it.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32, c_int16, c_uint8
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def gu() -> c_uint32:
    return c_uint32(0xFFFFFFFF)


@bpf
@bpfglobal
def rx() -> c_int64:
    return 0


@bpf
@bpfglobal
def ry() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def rz() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def rw() -> c_int64:
    return 0


@bpf
@bpfglobal
def rb() -> c_int64:
    return 0


@bpf
@bpfglobal
def rk() -> c_int64:
    return 0


@bpf
@bpfglobal
def rt() -> c_int64:
    return 0


@bpf
@bpfglobal
def ru() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def typing(ctx: c_void_p) -> c_int64:
    x = 2147483647
    x = x + 1
    global rx
    rx = x
    y = gu
    y = y + 1
    global ry
    ry = y
    z = c_uint32(5)
    z = z - 6
    global rz
    rz = z
    w = c_uint8(1) + 0
    w = w - 2
    global rw
    rw = w
    b = 3 > 2
    b = gu
    global rb
    rb = b + b
    k = c_uint8(200)
    k = k + 100
    global rk
    rk = k
    t: c_int16 = -1
    t = t + 0x10000
    global rt
    rt = t
    u = ktime()
    u = 0
    u = u - 1
    global ru
    ru = u
    return z - 4294967290


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: typing ret=5 rx=2147483648 ry=0 rz=4294967295 rw=-1 rb=2 rk=44 rt=-1 ru=0xFFFFFFFFFFFFFFFF
