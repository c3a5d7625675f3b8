# C-77b: uid() is not available to xdp programs, while pid() there compiles.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal
from pythonbpf.helper import pid, uid


@bpf
@section("xdp")
def who(ctx: c_void_p) -> c_int64:
    p = pid()
    u = uid()  # ERROR "uid\\(\\) is not available to xdp programs"
    return p + u


@bpf
@section("tc")
def who_tc(ctx: c_void_p) -> c_int64:
    return uid()  # ERROR "uid\\(\\) is not available to tc programs|uid\\(\\) is not available to .*programs"


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
