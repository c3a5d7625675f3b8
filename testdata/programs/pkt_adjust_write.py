# LANGUAGE.md 8.6: packet pointer rules that need a test run to show them.
# 8.6.1: `data = 0` then `data = ctx.data` makes data a start pointer, and a
# pointer local assigned an integer holds that integer. 8.6.6: header
# writes in xdp and tc programs. 8.6.7: accesses through data_meta are
# checked against data. 8.6.8: xdp_adjust_head/meta and skb_store_bytes,
# after which ctx.data is read again.
from ctypes import c_int64, c_uint8, c_uint32, c_uint64
from pythonbpf import bpf, section, bpfglobal, struct
from vmlinux import struct_xdp_md, struct___sk_buff, struct_ethhdr, struct_iphdr


@bpf
@struct
class meta_t:
    mark: c_uint32


@bpf
@bpfglobal
def later() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def rebind(ctx: struct_xdp_md) -> c_int64:
    global later
    data = 0
    data = ctx.data
    if data + 34 > ctx.data_end:
        return XDP_ABORTED
    ip = struct_iphdr(data + 14)
    p = ctx.data
    p = 5
    later = p + 1
    return ip.protocol


@bpf
@section("xdp")
def write_ttl(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    if data + 34 > ctx.data_end:
        return XDP_ABORTED
    ip = struct_iphdr(data + 14)
    ip.ttl = 5
    ip.ttl += 2
    return ip.ttl


@bpf
@section("xdp")
def adjust_head(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    if xdp_adjust_head(14) != 0:
        return XDP_ABORTED
    data = ctx.data
    if data + 20 > ctx.data_end:
        return XDP_ABORTED
    ip = struct_iphdr(data)
    return ip.ttl


@bpf
@section("xdp")
def adjust_meta(ctx: struct_xdp_md) -> c_int64:
    if xdp_adjust_meta(-4) != 0:
        return XDP_ABORTED
    meta = ctx.data_meta
    if meta + 4 > ctx.data:
        return XDP_ABORTED
    m = meta_t(meta)
    m.mark = 42
    return m.mark


@bpf
@section("xdp")
def adjust_tail(ctx: struct_xdp_md) -> c_int64:
    if xdp_adjust_tail(-4) != 0:
        return XDP_ABORTED
    return ctx.data_end - ctx.data


@bpf
@section("tc")
def store_ttl(ctx: struct___sk_buff) -> c_int64:
    v = c_uint8(9)
    skb_store_bytes(22, v, 1)
    data = ctx.data
    if data + 34 > ctx.data_end:
        return 0
    ip = struct_iphdr(data + 14)
    return ip.ttl


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: rebind ret=17 later=6 packet=ffffffffffff00112233445508004500003200000000401100000a0000010a000002000000000000000000000000000000000000000000000000000000000000
# run: write_ttl ret=7 packet=ffffffffffff00112233445508004500003200000000401100000a0000010a000002000000000000000000000000000000000000000000000000000000000000
# run: adjust_head ret=64 packet=ffffffffffff00112233445508004500003200000000401100000a0000010a000002000000000000000000000000000000000000000000000000000000000000
# run: adjust_meta ret=42 packet=ffffffffffff00112233445508004500003200000000401100000a0000010a000002000000000000000000000000000000000000000000000000000000000000
# run: adjust_tail ret=60 packet=ffffffffffff00112233445508004500003200000000401100000a0000010a000002000000000000000000000000000000000000000000000000000000000000
# run: store_ttl ret=9 packet=ffffffffffff00112233445508004500003200000000401100000a0000010a000002000000000000000000000000000000000000000000000000000000000000
