# bench: ArrayMap counter in XDP, one slot per CPU modulo 4 (lookup, add, update)
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import smp_processor_id
from pythonbpf.maps import ArrayMap


@bpf
@map
def packets() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=c_uint64, max_entries=4)


@bpf
@section("xdp")
def count_array(ctx: c_void_p) -> c_int64:
    slot = c_uint32(smp_processor_id() & 3)
    p = packets.lookup(slot)
    packets.update(slot, (p or 0) + 1)
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
