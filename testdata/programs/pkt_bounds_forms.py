# LANGUAGE.md 8.6.7: the bounds-check forms that cover an access: the false
# side of q > data_end, the true side of q <= data_end / q < data_end, the
# mirrored forms, under not and inside and, written through locals.
# C-100b: ctx.data_end - ctx.data is the packet length (64 by default).
# C-103: x = c_uint32(0) then x = ctx.data stores the pointer truncated.
from ctypes import c_int64, c_uint32, c_uint64
from pythonbpf import bpf, section, bpfglobal
from vmlinux import struct_xdp_md, struct_ethhdr, struct_iphdr


@bpf
@bpfglobal
def length() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def le_form(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    end = ctx.data_end
    q = data + 34
    if q <= end:
        ip = struct_iphdr(data + 14)
        return ip.protocol
    return 0


@bpf
@section("xdp")
def mirrored_not(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    if not (ctx.data_end < data + 14):
        eth = struct_ethhdr(data)
        return eth.h_proto
    return 0


@bpf
@section("xdp")
def and_form(ctx: struct_xdp_md) -> c_int64:
    data = c_uint64(ctx.data)
    if ctx.ingress_ifindex > 0 and data + 34 < ctx.data_end:
        ip = struct_iphdr(data + 14)
        return ip.ttl
    return 0


@bpf
@section("xdp")
def distance(ctx: struct_xdp_md) -> c_int64:
    global length
    length = ctx.data_end - ctx.data
    x = c_uint32(0)
    x = ctx.data
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: le_form ret=17 packet=ffffffffffff00112233445508004500003200000000401100000a0000010a000002000000000000000000000000000000000000000000000000000000000000
# run: mirrored_not ret=8 packet=ffffffffffff00112233445508004500003200000000401100000a0000010a000002000000000000000000000000000000000000000000000000000000000000
# run: and_form ret=64 packet=ffffffffffff00112233445508004500003200000000401100000a0000010a000002000000000000000000000000000000000000000000000000000000000000
# run: distance ret=2 length=64
