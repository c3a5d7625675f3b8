# 7.4: one local larger than the whole 512-byte stack is an error at the
# local (no instructions are generated for it).
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal, struct


@bpf
@struct
class huge_t:
    v: c_uint64 * 8192


@bpf
@section("xdp")
def p(ctx: c_void_p) -> c_int64:
    x = huge_t()  # ERROR "'huge_t' needs 65536 bytes of stack; the limit is 512"
    x.v[1] = 2
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
