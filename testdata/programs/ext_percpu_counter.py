# C-63, 5.7: one test run increments a PerCPUArray counter; only the CPU
# the run used sees the increment (ext_maps_test.go reads every copy).
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import PerCPUArray


@bpf
@map
def hits() -> PerCPUArray:
    return PerCPUArray(key=c_uint32, value=c_uint64, max_entries=1)


@bpf
@section("xdp")
def count(ctx: c_void_p) -> c_int64:
    hits.update(0, (hits.lookup(0) or 0) + 1)
    return hits.lookup(0)


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: count ret=1
