# C-9b: @section takes exactly one plain, non-empty string literal.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal

NAME = "xdp"


@bpf
@section("xdp")
def good(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@section(NAME)  # ERROR "section"
def by_name(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@section()  # ERROR "section"
def no_arg(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@section("")  # ERROR "section"
def empty(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@section("x" + "dp")  # ERROR "section"
def concat(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
