# C-101: the drop_udp example of LANGUAGE.md 8.6 returns XDP_DROP for a UDP
# packet and XDP_PASS for a TCP packet (and for a non-IPv4 one).
from ctypes import c_int64
from pythonbpf import bpf, section, bpfglobal
from vmlinux import struct_xdp_md, struct_ethhdr, struct_iphdr


@bpf
@section("xdp")
def drop_udp(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    if data + 34 > ctx.data_end:          # Ethernet (14) + IPv4 (20) bytes present?
        return XDP_PASS
    eth = struct_ethhdr(data)
    if eth.h_proto != htons(0x0800):      # [ext] htons
        return XDP_PASS
    ip = struct_iphdr(data + 14)
    return XDP_DROP if ip.protocol == 17 else XDP_PASS    # [ext] conditional expression


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: drop_udp ret=1 packet=ffffffffffff00112233445508004500003200000000401100000a0000010a000002000000000000000000000000000000000000000000000000000000000000
# run: drop_udp ret=2 packet=ffffffffffff00112233445508004500003200000000400600000a0000010a000002000000000000000000000000000000000000000000000000000000000000
# run: drop_udp ret=2
