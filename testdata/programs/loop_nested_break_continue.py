# 7.1: break and continue affect only the innermost loop.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def pairs() -> c_int64:
    return 0


@bpf
@bpfglobal
def outer_runs() -> c_int64:
    return 0


@bpf
@section("xdp")
def nested(ctx: c_void_p) -> c_int64:
    count = 0
    runs = 0
    for a in range(5):
        runs += 1
        if a == 3:
            continue
        b = 0
        while b < 10:
            b += 1
            if b % 2 == 0:
                continue
            if b > 6:
                break
            count += a * 10 + b
        else:
            count += 100000
    global pairs
    pairs = count
    global outer_runs
    outer_runs = runs
    return count % 1000


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# for a in 0, 1, 2, 4: b in 1, 3, 5 adds 3 * 10a + 9 -> 9 + 39 + 69 + 129 = 246
# run: nested ret=246 pairs=246 outer_runs=5
