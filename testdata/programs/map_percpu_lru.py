# 5.7: PerCPUArray, PerCPUHash, LRUHash and LRUPerCPUHash support lookup/update/delete like HashMap (C-64).
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import PerCPUArray, PerCPUHash, LRUHash, LRUPerCPUHash


@bpf
@map
def pa() -> PerCPUArray:
    return PerCPUArray(key=c_uint32, value=c_uint64, max_entries=4)


@bpf
@map
def ph() -> PerCPUHash:
    return PerCPUHash(key=c_uint32, value=c_uint64, max_entries=16)


@bpf
@map
def lru() -> LRUHash:
    return LRUHash(key=c_uint32, value=c_uint64, max_entries=4)


@bpf
@map
def lpc() -> LRUPerCPUHash:
    return LRUPerCPUHash(key=c_uint32, value=c_uint64, max_entries=8)


@bpf
@bpfglobal
def rpa() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def rph() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def lru_errs() -> c_int64:
    return 99


@bpf
@bpfglobal
def lru_last() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def rlpc() -> c_int64:
    return 99


@bpf
@section("xdp")
def percpu(ctx: c_void_p) -> c_int64:
    pa.update(0, 41)
    global rpa
    rpa = pa.lookup(0) + 1
    ph.update(3, 5)
    ph.update(3, 6, BPF_NOEXIST)
    global rph
    rph = (ph.lookup(3) or 0) * 10 + (ph.lookup(4) or 0)
    errs = 0
    for i in range(10):
        errs = errs | lru.update(i, i * 100)
    global lru_errs
    lru_errs = errs
    global lru_last
    lru_last = lru.lookup(9) or 1
    lpc.update(1, 1)
    global rlpc
    rlpc = lpc.delete(1) * 10 + lpc.delete(1)
    return rpa


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: percpu ret=42 rpa=42 rph=50 lru_errs=0 lru_last=900 rlpc=-2
