# C-103b: ctx.regs.ip on struct_bpf_perf_event_data is one direct 8-byte
# context load at the summed offset, one CO-RE relocation (7.7.2);
# kernel_test.go checks the instruction.
from ctypes import c_int64
from pythonbpf import bpf, section, bpfglobal
from vmlinux import struct_bpf_perf_event_data


@bpf
@section("perf_event")
def sample(ctx: struct_bpf_perf_event_data) -> c_int64:
    ip = ctx.regs.ip
    if ip == 0:
        return 1
    return ctx.sample_period & 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
