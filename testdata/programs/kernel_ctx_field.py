# C-98: ctx.ingress_ifindex is one 4-byte context load with a CO-RE
# relocation; in an XDP test run (loopback, index 1) minus c_int32(2) it is
# a u32 operation giving 4294967295. C-98b: XDP_PASS imported from vmlinux
# ranks like a literal, so XDP_PASS - c_uint32(3) is 4294967295.
from ctypes import c_int64, c_int32, c_uint32, c_uint64
from pythonbpf import bpf, section, bpfglobal
from vmlinux import struct_xdp_md, XDP_PASS


@bpf
@bpfglobal
def diff() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def enum_diff() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def ifindex(ctx: struct_xdp_md) -> c_int64:
    global diff, enum_diff
    diff = ctx.ingress_ifindex - c_int32(2)
    enum_diff = XDP_PASS - c_uint32(3)
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: ifindex ret=2 diff=4294967295 enum_diff=4294967295
