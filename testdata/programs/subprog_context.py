# 7.6.2, 6.6.1: a subprogram whose first parameter has a context type receives the caller's
# context; its ctx helpers (get_stack) and context fields use it; c_void_p after the first
# parameter and integer parameters pass values.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, section, bpfglobal, struct
from vmlinux import struct_xdp_md


@bpf
@struct
class trace_t:
    n: c_int64
    frames: c_uint64 * 8


@bpf
@bpfglobal
def stack_ok() -> c_uint64:
    return 0


@bpf
def record(ctx: c_void_p, t: trace_t) -> c_int64:
    t.n = get_stack(t.frames)
    return t.n


@bpf
@section("raw_tracepoint/sys_enter")
def stack(ctx: c_void_p) -> c_int64:
    global stack_ok
    t = trace_t()
    stack_ok = record(ctx, t) >= 0 and t.n >= 0
    return 0


@bpf
def port_of(md: struct_xdp_md, extra: c_void_p) -> c_uint32:
    return md.rx_queue_index + c_uint32(extra)


@bpf
@section("xdp")
def queue(ctx: struct_xdp_md) -> c_int64:
    return port_of(ctx, 2) + 1


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
# run: stack ret=0 stack_ok=1
# run: queue ret=3
