# C-107: misuses of @bpfglobal names and of the global statement.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def g() -> c_int64:
    return 0


@bpf
@section("xdp")
def read_then_shadow(ctx: c_void_p) -> c_int64:
    x = g + 1  # ERROR "local variable 'g' referenced before assignment"
    g = 5
    return x + g


@bpf
@section("xdp")
def augment_without_global(ctx: c_void_p) -> c_int64:
    g += 1  # ERROR "local variable 'g' referenced before assignment|'g' is updated with an augmented assignment"
    return 0


@bpf
@section("xdp")
def declare_unknown(ctx: c_void_p) -> c_int64:
    global nosuch  # ERROR "'nosuch' is not a @bpfglobal, so it cannot be declared global"
    return 0


@bpf
@section("xdp")
def declare_ctx(ctx: c_void_p) -> c_int64:
    global ctx  # ERROR "name 'ctx' is parameter and global"
    return 0


@bpf
@section("xdp")
def use_before_global(ctx: c_void_p) -> c_int64:
    y = g
    global g  # ERROR "name 'g' is used prior to global declaration"
    g = y + 1
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
