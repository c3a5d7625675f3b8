# C-49: a @map function returning an unknown constructor is an error listing the known map types.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal


@bpf
@map
def counts() -> HashMap:
    return Hashmap(key=c_uint32, value=c_uint64, max_entries=16)  # ERROR "'Hashmap' is not a map type; expected one of HashMap, ArrayMap"


@bpf
@section("xdp")
def prog(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
