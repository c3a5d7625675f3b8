# LANGUAGE.md 8.6.6: packet data is read-only outside xdp and tc-family
# programs: header writes in a cgroup_skb program are errors. 8.6.1: a
# local that holds a packet pointer on only some paths is an error.
from ctypes import c_int64
from pythonbpf import bpf, section, bpfglobal
from vmlinux import struct___sk_buff, struct_xdp_md, struct_iphdr


@bpf
@section("cgroup_skb/ingress")
def readonly(ctx: struct___sk_buff) -> c_int64:
    data = ctx.data
    if data + 20 > ctx.data_end:
        return 1
    ip = struct_iphdr(data)
    ip.ttl = 1  # ERROR "packet data is read-only in cgroup_skb programs"
    ip.ttl += 1  # ERROR "packet data is read-only in cgroup_skb programs"
    return 1




@bpf
@section("xdp")
def some_paths(ctx: struct_xdp_md) -> c_int64:
    data = 0
    if ctx.ingress_ifindex == 1:
        data = ctx.data
    if data + 20 > ctx.data_end:  # ERROR "'data' holds a packet pointer on some paths to here and an integer on others"
        return XDP_PASS
    return XDP_DROP


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
