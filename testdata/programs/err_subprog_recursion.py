# 7.4, 7.6.6, C-96: recursion, direct or indirect, is an error at the call that closes the cycle.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
def fact(n: c_uint32) -> c_uint32:
    if n <= 1:
        return 1
    return n * fact(n - 1)  # ERROR "recursive call to 'fact'"


@bpf
def ping(n: c_uint32) -> c_uint32:
    return pong(n)


@bpf
def pong(n: c_uint32) -> c_uint32:
    if n == 0:
        return 0
    return ping(n - 1)  # ERROR "recursive call to 'ping'"


@bpf
def body(i: c_uint32) -> c_int64:
    return loop(1, body)  # ERROR "recursive call to 'body'"


@bpf
@section("xdp")
def caller(ctx: c_void_p) -> c_int64:
    return fact(5) + ping(3) + loop(2, body)


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
