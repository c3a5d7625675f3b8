# C-41, C-42: a struct value has no truth value, no integer value; a
# @struct may hold only annotated fields without defaults.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, section, bpfglobal, struct


@bpf
@struct
class rec_t:
    a: c_uint32
    b: c_uint32


@bpf
@struct
class with_method_t:
    a: c_uint32

    def total(self):  # ERROR "a @struct cannot have methods"
        return self.a


@bpf
@struct
class with_default_t:
    a: c_uint32 = 0  # ERROR "struct fields cannot have default values"


@bpf
@section("xdp")
def misuse(ctx: c_void_p) -> c_int64:
    r = rec_t()
    if r:  # ERROR "a struct has no truth value"
        pass
    x = r + 1  # ERROR "a struct has no integer value"
    return r  # ERROR "a struct has no integer value|has no integer value"


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
