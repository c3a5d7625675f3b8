# 2.2, 6.5: a tc classifier returning TC_ACT_OK, counting packets in an ArrayMap.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import ArrayMap


@bpf
@map
def packets() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=c_uint64, max_entries=1)


@bpf
@section("tc")
def classify(ctx: c_void_p) -> c_int64:
    p = packets.lookup(0)
    packets.update(0, (p or 0) + 1)
    if TC_ACT_OK != 0 or TC_ACT_SHOT != 2 or TC_ACT_UNSPEC != -1:
        return TC_ACT_SHOT
    return TC_ACT_OK


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: classify ret=0
