# bench: tc classifier: a token bucket in an ArrayMap struct (ktime refill, burst cap, drop when empty)
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.helper import ktime
from pythonbpf.maps import ArrayMap


@bpf
@struct
class bucket_t:
    tokens: c_uint64
    last_ns: c_uint64
    drops: c_uint64


@bpf
@bpfglobal
def rate_per_ms() -> c_uint64:
    return c_uint64(100)


@bpf
@bpfglobal
def burst() -> c_uint64:
    return c_uint64(64)


@bpf
@map
def bucket() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=bucket_t, max_entries=1)


@bpf
@section("tc")
def ratelimit(ctx: c_void_p) -> c_int64:
    b = bucket.lookup(0)
    if not b:
        return TC_ACT_OK
    now = ktime()
    tokens = b.tokens + (now - b.last_ns) / 1000000 * rate_per_ms
    if tokens > burst:
        tokens = burst
    b.last_ns = now
    if tokens == 0:
        b.tokens = 0
        b.drops = b.drops + 1
        return TC_ACT_SHOT
    b.tokens = tokens - 1
    return TC_ACT_OK


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
