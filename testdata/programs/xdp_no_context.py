# C-13: a program with no parameter compiles and a test run returns its value.
from ctypes import c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def calls() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def no_ctx() -> c_int64:
    global calls
    calls += 1
    return XDP_TX


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: no_ctx ret=3 calls=1
# run: no_ctx ret=3 calls=2
