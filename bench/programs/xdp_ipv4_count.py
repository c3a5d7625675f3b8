# bench: XDP Ethernet + IPv4 parser with bounds checks: count packets per IP protocol, pass everything
# packet: ipv4-udp
from ctypes import c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import ArrayMap
from vmlinux import struct_xdp_md, struct_ethhdr, struct_iphdr


@bpf
@map
def protocols() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=c_uint64, max_entries=256)


@bpf
@section("xdp")
def ipv4_count(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    if data + 34 > ctx.data_end:
        return XDP_PASS
    eth = struct_ethhdr(data)
    if eth.h_proto != htons(0x0800):
        return XDP_PASS
    ip = struct_iphdr(data + 14)
    proto = c_uint32(ip.protocol)
    n = protocols.lookup(proto)
    protocols.update(proto, (n or 0) + 1)
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
