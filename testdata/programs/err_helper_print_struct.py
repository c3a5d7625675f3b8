# C-76: a struct value, a struct reference and a ring buffer record cannot
# be printed; print() with no argument is an error too.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap, RingBuffer


@bpf
@struct
class pair_t:
    a: c_uint32
    b: c_uint64


@bpf
@map
def pairs() -> HashMap:
    return HashMap(key=c_uint32, value=pair_t, max_entries=4)


@bpf
@map
def events() -> RingBuffer:
    return RingBuffer(max_entries=4096)


@bpf
@section("raw_tracepoint/sys_enter")
def show(ctx: c_void_p) -> c_int64:
    s = pair_t()
    print(f"{s}")  # ERROR "a struct cannot be printed"
    p = pairs.lookup(0)
    print(f"{p}")  # ERROR "a struct cannot be printed"
    print()  # ERROR "print\\(\\) needs something to print"
    r = events.reserve(pair_t)
    if r:
        print(f"{r}")  # ERROR "a struct cannot be printed"
        events.submit(r)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
