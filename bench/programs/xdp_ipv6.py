# bench: XDP Ethernet + IPv6 parser: drop packets whose hop limit is exhausted, count the rest per next header
# packet: ipv6-tcp
from ctypes import c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import ArrayMap
from vmlinux import struct_xdp_md, struct_ethhdr, struct_ipv6hdr


@bpf
@map
def next_headers() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=c_uint64, max_entries=256)


@bpf
@section("xdp")
def ipv6_count(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    if data + 54 > ctx.data_end:
        return XDP_PASS
    eth = struct_ethhdr(data)
    if eth.h_proto != htons(0x86DD):
        return XDP_PASS
    ip6 = struct_ipv6hdr(data + 14)
    if ip6.hop_limit <= 1:
        return XDP_DROP
    nh = c_uint32(ip6.nexthdr)
    n = next_headers.lookup(nh)
    next_headers.update(nh, (n or 0) + 1)
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
