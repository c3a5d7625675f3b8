# LANGUAGE.md 8.6.8: packet pointers read before skb_store_bytes or an
# xdp_adjust_* call are invalid after it, directly or through a header;
# 8.6.7: accesses through data_meta are checked against data.
from ctypes import c_int64, c_uint8, c_uint32
from pythonbpf import bpf, section, bpfglobal, struct
from vmlinux import struct_xdp_md, struct___sk_buff, struct_iphdr


@bpf
@struct
class meta_t:
    mark: c_uint32


@bpf
@section("xdp")
def stale_data(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    xdp_adjust_head(14)
    if data + 20 > ctx.data_end:  # ERROR "packet pointer invalidated by xdp_adjust_head\\(\\) at line 19; read ctx.data again"
        return XDP_PASS
    return XDP_DROP


@bpf
@section("xdp")
def stale_header(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    if data + 20 > ctx.data_end:
        return XDP_PASS
    ip = struct_iphdr(data)
    if ctx.ingress_ifindex == 1:
        xdp_adjust_tail(-4)
    return ip.ttl  # ERROR "packet pointer invalidated by xdp_adjust_tail\\(\\) at line 33; read ctx.data again"


@bpf
@section("tc")
def stale_end(ctx: struct___sk_buff) -> c_int64:
    end = ctx.data_end
    v = c_uint8(1)
    skb_store_bytes(0, v, 1)
    data = ctx.data
    if data + 20 > end:  # ERROR "packet pointer invalidated by skb_store_bytes\\(\\) at line 42; read ctx.data_end again"
        return 0
    return 1


@bpf
@section("xdp")
def meta_unchecked(ctx: struct_xdp_md) -> c_int64:
    meta = ctx.data_meta
    if meta + 4 > ctx.data_end:
        return XDP_PASS
    m = meta_t(meta)
    return m.mark  # ERROR "packet metadata access to bytes 0..4 is not covered by a bounds check against data"


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
