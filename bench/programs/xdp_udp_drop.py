# bench: XDP Ethernet/IPv4/UDP parser: drop UDP to a blocked port (a global), pass the rest, count drops
# packet: ipv4-udp
from ctypes import c_int64, c_uint16, c_uint64
from pythonbpf import bpf, section, bpfglobal
from vmlinux import struct_xdp_md, struct_ethhdr, struct_iphdr, struct_udphdr


@bpf
@bpfglobal
def blocked_port() -> c_uint16:
    return c_uint16(53)


@bpf
@bpfglobal
def dropped() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def udp_drop(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    if data + 42 > ctx.data_end:
        return XDP_PASS
    eth = struct_ethhdr(data)
    if eth.h_proto != htons(0x0800):
        return XDP_PASS
    ip = struct_iphdr(data + 14)
    if ip.protocol != 17:
        return XDP_PASS
    udp = struct_udphdr(data + 34)
    if ntohs(udp.dest) != blocked_port:
        return XDP_PASS
    global dropped
    dropped += 1
    return XDP_DROP


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
