# C-61: a record not submitted or discarded on some path, and uses of a
# record after submit/discard, are errors (LANGUAGE.md 5.4.3).
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import RingBuffer


@bpf
@struct
class sample_t:
    seq: c_uint64
    pid: c_uint32


@bpf
@map
def events() -> RingBuffer:
    return RingBuffer(max_entries=4096)


@bpf
@section("raw_tracepoint/sys_enter")
def leaky(ctx: c_void_p) -> c_int64:
    r = events.reserve(16)
    if r:
        s = sample_t(r)
        s.seq = 1
        if s.pid == 3:
            return 1  # ERROR "record reserved at line 24 is not submitted or discarded on every path"
        events.submit(r)
    return 0


@bpf
@section("raw_tracepoint/sys_enter")
def never_tested(ctx: c_void_p) -> c_int64:
    r = events.reserve(sample_t)
    return 0  # ERROR "record reserved at line 37 is not submitted or discarded on every path"


@bpf
@section("raw_tracepoint/sys_enter")
def late_write(ctx: c_void_p) -> c_int64:
    r = events.reserve(16)
    if r:
        s = sample_t(r)
        events.submit(r)
        s.seq = 2  # ERROR "record reserved at line 44 is used after submit\\(\\) or discard\\(\\)"
    return 0


@bpf
@section("raw_tracepoint/sys_enter")
def twice(ctx: c_void_p) -> c_int64:
    r = events.reserve(16)
    if r:
        events.discard(r)
        events.submit(r)  # ERROR "record reserved at line 55 is used after"
    return 0


@bpf
@section("raw_tracepoint/sys_enter")
def maybe(ctx: c_void_p) -> c_int64:
    r = events.reserve(16)
    if r:
        if pid() == 1:
            events.submit(r)
        else:
            events.discard(r)
        x = sample_t(r).seq  # ERROR "is used after submit"
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
