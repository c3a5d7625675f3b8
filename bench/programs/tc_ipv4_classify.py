# bench: tc classifier on __sk_buff: parse Ethernet/IPv4, drop ICMP with TTL below 2, count bytes per protocol
# packet: ipv4-udp
from ctypes import c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import PerCPUArray
from vmlinux import struct___sk_buff, struct_ethhdr, struct_iphdr


@bpf
@map
def proto_bytes() -> PerCPUArray:
    return PerCPUArray(key=c_uint32, value=c_uint64, max_entries=256)


@bpf
@section("tc")
def ipv4_classify(ctx: struct___sk_buff) -> c_int64:
    data = ctx.data
    if data + 34 > ctx.data_end:
        return TC_ACT_OK
    eth = struct_ethhdr(data)
    if eth.h_proto != htons(0x0800):
        return TC_ACT_OK
    ip = struct_iphdr(data + 14)
    if ip.protocol == 1 and ip.ttl < 2:
        return TC_ACT_SHOT
    proto = c_uint32(ip.protocol)
    n = proto_bytes.lookup(proto)
    if n:
        proto_bytes.update(proto, n + ctx.len)
    return TC_ACT_OK


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
