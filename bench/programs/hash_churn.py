# bench: HashMap insert, lookup and delete of a short-lived entry per run (connection-tracking shape)
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import ktime, random
from pythonbpf.maps import HashMap


@bpf
@map
def pending() -> HashMap:
    return HashMap(key=c_uint64, value=c_uint64, max_entries=1024)


@bpf
@bpfglobal
def mismatches() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def churn(ctx: c_void_p) -> c_int64:
    k = c_uint64(random()) << 32 | c_uint32(ktime())
    now = ktime()
    if pending.update(k, now, BPF_NOEXIST) != 0:
        return XDP_PASS
    v = pending.lookup(k)
    if not v or v != now:
        global mismatches
        mismatches += 1
    pending.delete(k)
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
