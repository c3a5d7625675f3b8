# C integer semantics (LANGUAGE.md 3.8), computed by the kernel from globals.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def a32() -> c_int32:
    return c_int32(-7)


@bpf
@bpfglobal
def u32max() -> c_uint32:
    return c_uint32(0xFFFFFFFF)


@bpf
@bpfglobal
def q() -> c_int64:
    return 0


@bpf
@bpfglobal
def r() -> c_int64:
    return 0


@bpf
@bpfglobal
def w() -> c_uint64:
    return 0


@bpf
@section("xdp")
def semantics(ctx: c_void_p) -> c_int64:
    global q, r, w
    q = a32 / 2
    r = a32 % 2
    w = u32max + 1
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: semantics ret=0 q=-3 r=-1 w=0
