# C-66, 5.7: a Queue pops in FIFO order, a Stack in LIFO order; pop on an
# empty map returns -2 (-ENOENT) and leaves its destination unchanged;
# peek reads without removing; struct elements pop into struct locals.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import Queue, Stack


@bpf
@struct
class item_t:
    id: c_uint32
    weight: c_uint64


@bpf
@map
def fifo() -> Queue:
    return Queue(c_uint32, 8)


@bpf
@map
def lifo() -> Stack:
    return Stack(value=c_uint64, max_entries=8)


@bpf
@map
def items() -> Queue:
    return Queue(value=item_t, max_entries=2)


@bpf
@bpfglobal
def q_order() -> c_uint64:
    return 0


@bpf
@bpfglobal
def s_order() -> c_uint64:
    return 0


@bpf
@bpfglobal
def empty() -> c_int64:
    return 0


@bpf
@bpfglobal
def kept() -> c_uint64:
    return 0


@bpf
@bpfglobal
def full() -> c_int64:
    return 0


@bpf
@bpfglobal
def got() -> c_uint64:
    return 0


@bpf
@section("xdp")
def order(ctx: c_void_p) -> c_int64:
    for i in range(3):
        fifo.push(i + 1)
        lifo.push(value=i + 1)
    x = c_uint64(0)
    q = c_uint64(0)
    s = c_uint64(0)
    for i in range(3):
        fifo.pop(x)
        q = q * 10 + x
        lifo.pop(x)
        s = s * 10 + x
    global q_order, s_order, empty, kept
    q_order = q
    s_order = s
    x = 42
    empty = fifo.pop(x)
    kept = x
    return fifo.peek(x)


@bpf
@section("xdp")
def records(ctx: c_void_p) -> c_int64:
    it = item_t()
    it.id = 7
    it.weight = 700
    items.push(it)
    it.id = 8
    items.push(it)
    global full, got
    full = items.push(it) * 1000 + items.push(it, BPF_EXIST)
    out = item_t()
    items.pop(out)
    got = out.id * 1000 + out.weight
    items.pop(out)
    items.pop(out)
    return out.id


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: order ret=-2 q_order=123 s_order=321 empty=-2 kept=42
# run: records ret=8 full=-7000 got=8700
