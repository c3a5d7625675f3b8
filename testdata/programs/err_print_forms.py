# C-75, C-76: print() needs an argument, takes no keywords, at most 12 values and only defined names.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def prints(ctx: c_void_p) -> c_int64:
    a = 1
    print()  # ERROR "print"
    print("x", end="")  # ERROR "print|keyword"
    print(f"{nosuch}")  # ERROR "undefined name 'nosuch'"
    print(f"{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}")  # ERROR "print\\(\\) can format at most 12 values"
    print(f"{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}")
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
