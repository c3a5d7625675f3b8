# C-32: an annotation after the first binding that names a different type is an error naming the first type.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def conflict(ctx: c_void_p) -> c_int64:
    x = c_uint32(5)
    x = x + 1
    x: c_int64 = 1  # ERROR "type of 'x' is already c_uint32 \\(line 9\\)"
    y: c_uint32 = 2
    y: c_uint32 = 3
    return x + y


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
