# C-92: try, **, in and unpacking a call are errors in BPF code.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def forms(ctx: c_void_p) -> c_int64:
    x = 3
    try:  # ERROR "unsupported statement 'try' in BPF code"
        x = 4
    except Exception:
        x = 5
    y = x ** 2  # ERROR "unsupported expression"
    z = x in y  # ERROR "unsupported expression"
    a, b = ktime()  # ERROR "unpack"
    c, d = 1, 2, 3  # ERROR "unpack"
    x **= 2  # ERROR "\\*\\*="
    return x


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
