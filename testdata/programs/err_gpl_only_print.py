# C-78: print uses GPL-only helpers; with a Proprietary LICENSE it is a compile-time error.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def chatty(ctx: c_void_p) -> c_int64:
    x = ktime()
    print(f"now {x}")  # ERROR "print\\(\\) uses bpf_trace_printk, which is GPL-only, but LICENSE is 'Proprietary'"
    print(f"{x} {x} {x} {x} {x}")  # ERROR "print\\(\\) uses bpf_trace_vprintk, which is GPL-only"
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "Proprietary"
