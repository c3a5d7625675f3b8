# C-92b: a, b = b, a swaps two locals; the right side is computed before any store.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def ga() -> c_int64:
    return 1


@bpf
@bpfglobal
def gb() -> c_int64:
    return 2


@bpf
@bpfglobal
def fib() -> c_int64:
    return 0


@bpf
@bpfglobal
def mixed() -> c_int64:
    return 0


@bpf
@section("xdp")
def swap(ctx: c_void_p) -> c_int64:
    a = 3
    b = 4
    a, b = b, a
    x, y = 0, 1
    for i in range(10):
        x, y = y, x + y
    global fib
    fib = x
    global ga
    global gb
    ga, gb = gb, ga
    u = c_uint32(7)
    s = -1
    u, s = s, u
    global mixed
    mixed = u * 10 + s
    return a * 10 + b


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# u becomes u32 4294967295 and s becomes 7; u * 10 wraps in u32 to 4294967286, plus s64 7
# run: swap ret=43 fib=55 ga=2 gb=1 mixed=4294967293
# run: swap ret=43 fib=55 ga=1 gb=2 mixed=4294967293
