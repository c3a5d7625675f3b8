# 6.2: get_stack(buf) in a tracing program fills an array field and
# returns the bytes written; skb_store_bytes(offset, src, len) in a tc
# program stores a local's bytes into the packet.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, section, bpfglobal, struct


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
@bpfglobal
def store_ret() -> c_int64:
    return 1


@bpf
@section("raw_tracepoint/sys_enter")
def stack(ctx: c_void_p) -> c_int64:
    global stack_ok
    t = trace_t()
    t.n = get_stack(t.frames)
    stack_ok = t.n >= 0
    return 0


@bpf
@section("tc")
def store(ctx: c_void_p) -> c_int64:
    global store_ret
    v: c_uint32 = 0x11223344
    store_ret = skb_store_bytes(0, v, 4)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
# run: stack ret=0 stack_ok=1
# run: store ret=0 store_ret=0
