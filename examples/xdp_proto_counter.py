# Counts packets per IP protocol and drops UDP to one port, parsing the
# Ethernet and IPv4 headers with bounds checks the verifier accepts:
#   sudo ./bin/pybpfc run examples/xdp_proto_counter.py --iface lo --duration 10s
from ctypes import c_int64, c_uint16, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, bpfconst
from pythonbpf.maps import PerCPUArray
from vmlinux import struct_xdp_md, struct_ethhdr, struct_iphdr, struct_udphdr


@bpf
@map
def by_proto() -> PerCPUArray:
    return PerCPUArray(key=c_uint32, value=c_uint64, max_entries=256)


@bpf
@bpfconst
def blocked_port() -> c_uint16:
    return c_uint16(9999)


@bpf
@section("xdp")
def count_protocols(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    if data + 14 > ctx.data_end:
        return XDP_PASS
    eth = struct_ethhdr(data)
    if eth.h_proto != htons(0x0800):
        return XDP_PASS
    if data + 34 > ctx.data_end:
        return XDP_PASS
    ip = struct_iphdr(data + 14)
    proto = c_uint32(ip.protocol)
    n = by_proto.lookup(proto)
    if n:
        by_proto.update(proto, n + 1)
    if proto == 17 and data + 42 <= ctx.data_end:
        udp = struct_udphdr(data + 34)
        if udp.dest == htons(blocked_port):
            return XDP_DROP
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
