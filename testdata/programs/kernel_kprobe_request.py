# C-99: req = struct_request(ctx.di) then req.__data_len is a
# bpf_probe_read_kernel at a CO-RE relocated offset; the pt_regs fields of
# 8.5 are direct context loads (kernel_test.go checks the relocations).
from ctypes import c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal
from vmlinux import struct_pt_regs, struct_request


@bpf
@bpfglobal
def last_len() -> c_uint64:
    return c_uint64(0)


@bpf
@section("kprobe/blk_mq_start_request")
def start(ctx: struct_pt_regs) -> c_int64:
    global last_len
    req = struct_request(ctx.di)
    last_len = req.__data_len
    return ctx.ax + ctx.cs - ctx.ss


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
