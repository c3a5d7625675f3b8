# C-100: out-of-range constant offsets, arithmetic on data_end, and other
# operators on packet pointers are errors (LANGUAGE.md 8.6.2-8.6.3); a
# socket program cannot read packet pointers (8.6.6); kernel memory is
# read-only (8.4.3); bitfields are rejected (8.3.3).
from ctypes import c_int64, c_uint32, c_void_p
from pythonbpf import bpf, section, bpfglobal
from vmlinux import struct_xdp_md, struct___sk_buff, struct_iphdr, struct_task_struct


@bpf
@section("xdp")
def misuse(ctx: struct_xdp_md) -> c_int64:
    a = ctx.data + 70000  # ERROR "packet offset 70000 is out of range \\(0 to 65535\\)"
    b = ctx.data_end + 1  # ERROR "data_end may only appear in comparisons"
    c = ctx.data * 2  # ERROR "a packet pointer supports only adding or subtracting an offset"
    d = ctx.data + -4  # ERROR "packet offset -4 is out of range"
    e = ctx.no_such_field  # ERROR "struct xdp_md has no field 'no_such_field'"
    return 0


@bpf
@section("socket")
def sock(ctx: struct___sk_buff) -> c_int64:
    return ctx.data  # ERROR "socket programs cannot read packet pointers; use skb_load_bytes\\(\\)"


@bpf
@section("xdp")
def bitfield(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    if data + 20 > ctx.data_end:
        return XDP_PASS
    ip = struct_iphdr(data)
    return ip.ihl  # ERROR "bitfield member 'ihl' is not supported"


@bpf
@section("raw_tracepoint/sys_enter")
def kwrite(ctx: c_void_p) -> c_int64:
    t = struct_task_struct(c_uint32(0))
    t.pid = 5  # ERROR "kernel memory is read-only here"
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
