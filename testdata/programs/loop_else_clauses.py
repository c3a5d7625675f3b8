# C-86: for/else and while/else run else after a normal end only, not after break.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def total() -> c_int64:
    return 0


@bpf
@bpfglobal
def other() -> c_int64:
    return 0


@bpf
@section("xdp")
def elses(ctx: c_void_p) -> c_int64:
    t = 0
    for i in range(3):
        t += 1
    else:
        t += 100
    while t < 1000:
        t += 1
        break
    else:
        t += 1000
    r = 0
    for j in range(5):
        if j == 2:
            break
        r += 1
    else:
        r += 100
    w = 0
    while w < 3:
        w += 1
    else:
        r += 10000
    for z in range(0):
        r += 5
    else:
        r += 20000
    global other
    other = r
    global total
    total = t
    return t


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: elses ret=104 total=104 other=30002
