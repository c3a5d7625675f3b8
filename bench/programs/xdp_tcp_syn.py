# bench: XDP Ethernet/IPv4/TCP parser honouring the IPv4 header length: count SYNs per destination port
# packet: ipv4-tcp-syn
from ctypes import c_int64, c_uint8, c_uint16, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap
from vmlinux import struct_xdp_md


@bpf
@struct
class eth_t:
    dst0: c_uint16
    dst1: c_uint16
    dst2: c_uint16
    src0: c_uint16
    src1: c_uint16
    src2: c_uint16
    proto: c_uint16


@bpf
@struct
class ipv4_t:
    ver_ihl: c_uint8
    tos: c_uint8
    tot_len: c_uint16
    id: c_uint16
    frag_off: c_uint16
    ttl: c_uint8
    protocol: c_uint8
    check: c_uint16
    saddr: c_uint32
    daddr: c_uint32


@bpf
@struct
class tcp_t:
    sport: c_uint16
    dport: c_uint16
    seq: c_uint32
    ack_seq: c_uint32
    off_flags: c_uint16
    window: c_uint16
    check: c_uint16
    urg_ptr: c_uint16


@bpf
@map
def syns() -> HashMap:
    return HashMap(key=c_uint16, value=c_uint64, max_entries=1024)


@bpf
@section("xdp")
def tcp_syn(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    data_end = ctx.data_end
    if data + 34 > data_end:
        return XDP_PASS
    eth = eth_t(data)
    if eth.proto != htons(0x0800):
        return XDP_PASS
    ip = ipv4_t(data + 14)
    ihl = c_uint32(ip.ver_ihl & 0xF) * 4
    if ip.protocol != 6 or ihl < 20:
        return XDP_PASS
    if data + 14 + ihl + 20 > data_end:
        return XDP_PASS
    tcp = tcp_t(data + 14 + ihl)
    flags = ntohs(tcp.off_flags) & 0x3F
    if flags & 0x12 != 0x02:
        return XDP_PASS
    port = ntohs(tcp.dport)
    n = syns.lookup(port)
    syns.update(port, (n or 0) + 1)
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
