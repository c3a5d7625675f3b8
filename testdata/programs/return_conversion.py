# 2.3: return converts to the declared type; the value is extended to 64 bits by its sign.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint8, c_int8
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def v300() -> c_int64:
    return 300


@bpf
@bpfglobal
def v200() -> c_int64:
    return 200


@bpf
@bpfglobal
def wide() -> c_uint64:
    return c_uint64(0x100000005)


@bpf
@section("xdp")
def to_u8(ctx: c_void_p) -> c_uint8:
    return v300


@bpf
@section("xdp")
def to_s8(ctx: c_void_p) -> c_int8:
    return v200


@bpf
@section("xdp")
def to_s32(ctx: c_void_p) -> c_int32:
    return wide


@bpf
@section("xdp")
def unannotated(ctx: c_void_p):
    if v200 > 1000:
        return 0
    return wide


@bpf
@section("xdp")
def bool_result(ctx: c_void_p) -> c_int64:
    return v200 > v300


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: to_u8 ret=44
# run: to_s8 ret=-56
# run: to_s32 ret=5
# run: unannotated ret=5
# run: bool_result ret=0
