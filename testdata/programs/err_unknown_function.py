# 6.1.5: calling anything but a helper, map method, ctypes conversion, struct or @bpf function is an error.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


def userspace_helper(x):
    return x + 1


@bpf
@section("xdp")
def calls(ctx: c_void_p) -> c_int64:
    x = ktime()
    n = len(x)  # ERROR "unknown function 'len' in BPF code"
    m = userspace_helper(x)  # ERROR "unknown function 'userspace_helper' in BPF code"
    p = pid(1)  # ERROR "pid\\(\\) takes no arguments \\(1 given\\)"
    return n + m + p


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
