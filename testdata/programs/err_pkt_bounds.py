# C-102: reading a header field at bytes 14..34 after a check of only
# data + 14 > data_end is an error, at the read, with a hint showing the test.
from ctypes import c_int64
from pythonbpf import bpf, section, bpfglobal
from vmlinux import struct_xdp_md, struct_ethhdr, struct_iphdr


@bpf
@section("xdp")
def short_check(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    if data + 14 > ctx.data_end:
        return XDP_PASS
    eth = struct_ethhdr(data)
    if eth.h_proto != htons(0x0800):
        return XDP_PASS
    ip = struct_iphdr(data + 14)
    return ip.protocol  # ERROR "packet access to bytes 14..34 is not covered by a bounds check against data_end"


@bpf
@section("xdp")
def no_check(ctx: struct_xdp_md) -> c_int64:
    eth = struct_ethhdr(ctx.data)
    return eth.h_proto  # ERROR "packet access to bytes 0..14 is not covered"


@bpf
@section("xdp")
def one_branch(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    end = ctx.data_end
    n = 0
    if ctx.ingress_ifindex == 1:
        if data + 34 <= end:
            n = 1
    eth = struct_ethhdr(data)
    return eth.h_proto  # ERROR "packet access to bytes 0..14 is not covered"


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
