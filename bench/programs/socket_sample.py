# bench: socket filter keeping one packet in four, with kept/dropped counters in an ArrayMap
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import ArrayMap


@bpf
@bpfglobal
def seen() -> c_uint64:
    return c_uint64(0)


@bpf
@map
def verdicts() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=c_uint64, max_entries=2)


@bpf
@section("socket")
def sample(ctx: c_void_p) -> c_int64:
    global seen
    seen += 1
    keep = (seen & 3) == 0
    slot = c_uint32(1 if keep else 0)
    n = verdicts.lookup(slot)
    verdicts.update(slot, (n or 0) + 1)
    if keep:
        return 0xFFFF
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
