# C-107, 3.1: a c_double global, a global initialised from a module variable and float values are errors.
from ctypes import c_void_p, c_int64, c_double, c_uint64
from pythonbpf import bpf, section, bpfglobal

START = 10


@bpf
@bpfglobal
def ratio() -> c_double:  # ERROR "floating point is not available in BPF|a @bpfglobal must have an integer type"
    return 0


@bpf
@bpfglobal
def start() -> c_uint64:
    return START  # ERROR "the initial value of 'start' must be an integer constant"


@bpf
@section("xdp")
def floats(ctx: c_void_p) -> c_int64:
    x = 1.5  # ERROR "unsupported expression|float"
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
