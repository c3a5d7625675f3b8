# C-81: range with negative and positive steps, continue, and empty ranges; the target keeps its last value.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def down() -> c_int64:
    return 0


@bpf
@bpfglobal
def even() -> c_int64:
    return 0


@bpf
@bpfglobal
def odd() -> c_int64:
    return 0


@bpf
@bpfglobal
def empty() -> c_int64:
    return 0


@bpf
@bpfglobal
def last() -> c_int64:
    return 0


@bpf
@section("xdp")
def steps(ctx: c_void_p) -> c_int64:
    s = 0
    for i in range(10, 0, -3):
        s += i
    global down
    down = s
    s = 0
    for j in range(0, 10, 2):
        s += j
    global even
    even = s
    s = 0
    for k in range(10):
        if k % 2 == 0:
            continue
        s += k
    global odd
    odd = s
    n = 0
    for a in range(5, 5):
        n += 1
    for b in range(0, 10, -1):
        n += 1
    for c in range(3, -3):
        n += 1
    global empty
    empty = n
    b = 77
    for b in range(7, 100, 10):
        pass
    global last
    last = i * 1000 + j * 100 + b
    return down


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# i ends at 1, j at 8, b at 97
# run: steps ret=22 down=22 even=20 odd=25 empty=0 last=1897
