# bench: PerCPUArray counter in XDP: the per-CPU slot is updated without atomics
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import PerCPUArray


@bpf
@map
def percpu_packets() -> PerCPUArray:
    return PerCPUArray(key=c_uint32, value=c_uint64, max_entries=1)


@bpf
@section("xdp")
def count_percpu(ctx: c_void_p) -> c_int64:
    k = c_uint32(0)
    p = percpu_packets.lookup(k)
    if p:
        percpu_packets.update(k, p + 1)
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
