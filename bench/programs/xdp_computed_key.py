# bench: XDP counter keyed by a multiplicative hash of the time (HashMap, 256 keys)
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import ktime
from pythonbpf.maps import HashMap


@bpf
@map
def buckets() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=256)


@bpf
@section("xdp")
def count_by_key(ctx: c_void_p) -> c_int64:
    t = ktime()
    key = c_uint32(((t >> 10) * 2654435761) >> 24) & 255
    seen = buckets.lookup(key)
    buckets.update(key, (seen or 0) + 1)
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
