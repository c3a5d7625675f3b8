# C-82, C-83, C-84, C-85: range bounds near the 64-bit limits never wrap; rebinding the target does not change the iteration.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def r82() -> c_int64:
    return 0


@bpf
@bpfglobal
def r83() -> c_int64:
    return 0


@bpf
@bpfglobal
def r84() -> c_int64:
    return 0


@bpf
@bpfglobal
def r85() -> c_int64:
    return 0


@bpf
@bpfglobal
def last85() -> c_int64:
    return 0


@bpf
@section("xdp")
def extremes(ctx: c_void_p) -> c_int64:
    n = 0
    for i in range(9223372036854775806, 9223372036854775807, 2):
        n += 1
    else:
        n += 100
    global r82
    r82 = n
    stop: c_uint64 = 18446744073709551615
    n = 0
    for u in range(18446744073709551614, stop, 2):
        n += 1
    global r83
    r83 = n
    m: c_uint32 = 3
    n = 0
    for s in range(-1, m):
        n += 1
    global r84
    r84 = n * 100 + s
    n = 0
    for k in range(10):
        n += 1
        k = 100
    global r85
    r85 = n
    global last85
    last85 = k
    return r82


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: extremes ret=101 r82=101 r83=1 r84=402 r85=10 last85=100
