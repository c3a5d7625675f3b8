# C-69, 0.6, 5.7.1, 9.3.5: += -= |= &= ^= on 32/64-bit fields of shared map
# values and on global-declared globals are single atomic instructions with
# the same result as a read-modify-write; 8-bit fields and per-CPU maps
# use a plain read-modify-write.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32, c_uint8
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap, PerCPUArray


@bpf
@struct
class counters_t:
    hits: c_uint64
    low: c_uint32
    flags: c_uint8


@bpf
@map
def counters() -> HashMap:
    return HashMap(key=c_uint32, value=counters_t, max_entries=4)


@bpf
@map
def percpu() -> PerCPUArray:
    return PerCPUArray(key=c_uint32, value=counters_t, max_entries=1)


@bpf
@bpfglobal
def total() -> c_uint64:
    return 0


@bpf
@bpfglobal
def bits() -> c_uint32:
    return c_uint32(0xF0)


@bpf
@bpfglobal
def hits() -> c_uint64:
    return 0


@bpf
@bpfglobal
def low() -> c_uint64:
    return 0


@bpf
@bpfglobal
def flags() -> c_uint64:
    return 0


@bpf
@section("xdp")
def update(ctx: c_void_p) -> c_int64:
    init = counters_t()
    counters.update(0, init, BPF_NOEXIST)
    p = counters.lookup(0)
    if p:
        p.hits += 1
        p.low -= 1
        p.flags += 200
    q = percpu.lookup(0)
    if q:
        q.hits += 5
    global total, bits, hits, low, flags
    total += 10
    bits |= 0x0F
    bits &= 0x3C
    bits ^= 0x01
    r = counters.lookup(0)
    hits = r.hits
    low = r.low
    flags = r.flags
    return 1


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: update ret=1 total=10 bits=0x3D hits=1 low=4294967295 flags=200
# run: update ret=1 total=20 bits=0x3D hits=2 low=4294967294 flags=144
