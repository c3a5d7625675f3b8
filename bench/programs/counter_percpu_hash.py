# bench: PerCPUHash counter per pid in XDP, inserting with BPF_NOEXIST on first sight
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import pid
from pythonbpf.maps import PerCPUHash


@bpf
@map
def per_pid() -> PerCPUHash:
    return PerCPUHash(key=c_uint32, value=c_uint64, max_entries=1024)


@bpf
@section("xdp")
def count_percpu_pid(ctx: c_void_p) -> c_int64:
    who = c_uint32(pid())
    n = per_pid.lookup(who)
    if n:
        per_pid.update(who, n + 1, BPF_EXIST)
    else:
        per_pid.update(who, 1, BPF_NOEXIST)
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
