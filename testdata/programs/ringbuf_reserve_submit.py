# C-60: reserve(24), cast, write a field, submit: one 24-byte record with
# seq 7 (internal/e2e/records_test.go reads it). [ext] A typed reservation
# with an early return on NULL, and reservations in a loop, satisfy the
# record rule (5.4.3) and load.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import RingBuffer


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
@bpfglobal
def done() -> c_uint64:
    return 0


@bpf
@section("raw_tracepoint/sys_enter")
def emit(ctx: c_void_p) -> c_int64:
    global done
    r = events.reserve(24)
    if r:
        s = sample_t(r)
        s.seq = 7
        s.pid = pid()
        s.ts = 0
        events.submit(r)
        done = 1
    return 0


@bpf
@section("raw_tracepoint/sys_enter")
def emit_typed(ctx: c_void_p) -> c_int64:
    s = events.reserve(sample_t)
    if not s:
        return 1
    s.seq = 8
    if s.seq == 8:
        events.discard(s)
        return 2
    events.submit(s, BPF_RB_NO_WAKEUP)
    return 3


@bpf
@section("raw_tracepoint/sys_enter")
def emit_loop(ctx: c_void_p) -> c_int64:
    n = 0
    for i in range(3):
        r = events.reserve(sample_t)
        if r:
            r.seq = i
            events.submit(r)
            n += 1
    return n


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
# run: emit ret=0 done=1
# run: emit_typed ret=2
# run: emit_loop ret=3
