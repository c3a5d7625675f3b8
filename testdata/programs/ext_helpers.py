# 6.5: sizeof of types, locals, globals and fields is a constant (C-36's
# [ext] part: sizeof(event_t) is 32); redirect() gives the action code;
# skb_load_bytes() copies packet bytes in tc; send_signal() in a tracing
# program.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32, c_uint16, c_uint8
from pythonbpf import bpf, section, bpfglobal, struct


@bpf
@struct
class event_t:
    pid: c_uint32
    flags: c_uint8
    delay_ns: c_uint64
    name: str(16)


@bpf
@struct
class outer_t:
    a: c_uint8
    e: event_t
    v: c_uint32 * 4


@bpf
@bpfglobal
def sizes() -> c_uint64:
    return 0


@bpf
@bpfglobal
def ethertype() -> c_uint64:
    return 0


@bpf
@bpfglobal
def loaded() -> c_int64:
    return 99


@bpf
@section("xdp")
def measure(ctx: c_void_p) -> c_int64:
    o = outer_t()
    n = c_uint16(3)
    global sizes
    # event_t 32, outer_t 56, o.v 16, n 2, the global 8
    sizes = sizeof(event_t) * 1000000 + sizeof(o) * 1000 + sizeof(o.v) + sizeof(n) * 100 + sizeof(sizes) * 10000000000
    return sizeof(o.e.name) + sizeof(c_uint8) + sizeof(o.v) // 4


@bpf
@section("xdp")
def bounce(ctx: c_void_p) -> c_int64:
    return redirect(1)


@bpf
@section("tc")
def peek(ctx: c_void_p) -> c_int64:
    t = c_uint16(0)
    global ethertype, loaded
    loaded = skb_load_bytes(12, t)
    ethertype = ntohs(t)
    w = c_uint32(0)
    return skb_load_bytes(14, w, 2) * 100000 + w


@bpf
@section("raw_tracepoint/sys_enter")
def signal(ctx: c_void_p) -> c_int64:
    return send_signal(0)


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: measure ret=21 sizes=80032056216
# run: bounce ret=4
# run: peek ret=69 ethertype=0x0800 loaded=0 packet=0000000000010000000000020800450000140000000040110000c0a80001c0a80002
# run: signal ret=0
