# 2.1.4: a kernel struct annotation that is not the section's context is a
# warning; the program still compiles.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal
from vmlinux import struct_xdp_md, struct___sk_buff


@bpf
@section("tc")
def classify(ctx: struct_xdp_md) -> c_int64:  # WARNING "struct_xdp_md is not the context of tc programs"
    return TC_ACT_OK


@bpf
@section("xdp")
def fine(ctx: struct_xdp_md) -> c_int64:
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
