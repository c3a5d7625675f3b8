# C-58, 5.4: misuse of ring buffer and perf methods is diagnosed by the
# frontend: sizes, casts, values of calls without one, receivers.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import RingBuffer, PerfEventArray, HashMap


@bpf
@struct
class sample_t:
    seq: c_uint64
    pid: c_uint32
    ts: c_uint64


@bpf
@map
def events() -> RingBuffer:
    return RingBuffer(max_entries=4096)


@bpf
@map
def perf() -> PerfEventArray:
    return PerfEventArray(key_size=c_int32, value_size=c_uint32)


@bpf
@map
def counts() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=16)


@bpf
@section("raw_tracepoint/sys_enter")
def misuse(ctx: c_void_p) -> c_int64:
    n = pid()
    r = events.reserve(n)  # ERROR "reserve\\(\\) needs a size known at compile time"
    q = events.reserve(16)
    if q:
        s = sample_t(q)  # ERROR "sample_t is 24 bytes, larger than the 16-byte record reserved for it"
        x = events.submit(q)  # ERROR "submit\\(\\) has no value"
        events.discard(q)
    events.submit(n)  # ERROR "submit\\(\\) takes a record from events.reserve\\(\\)"
    counts.output(n)  # ERROR "output\\(\\) is not available on HashMap 'counts'"
    perf.reserve(8)  # ERROR "reserve\\(\\) is not available on PerfEventArray 'perf'"
    events.output(n + 1)  # ERROR "output\\(\\) sends a local, a struct field or an array element"
    big = events.reserve(8192)  # ERROR "reserve\\(\\) size must be between 1 and the ring buffer's 4096 bytes"
    return 0


@bpf
@section("raw_tracepoint/sys_enter")
def no_ctx() -> c_int64:
    e = sample_t()
    perf.output(e)  # ERROR "output\\(\\) needs the program context"
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
