# C-48, C-59 (ring buffer form): RingBuffer(max_entries=4096) is map type
# 27; events.output(evt) copies the struct's bytes into the ring with
# bpf_ringbuf_output. internal/e2e/helpers_test.go reads the record.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import RingBuffer


@bpf
@struct
class evt_t:
    tag: c_uint32
    pid: c_uint32
    value: c_uint64


@bpf
@map
def events() -> RingBuffer:
    return RingBuffer(max_entries=4096)


@bpf
@bpfglobal
def res() -> c_int64:
    return 1


@bpf
@section("raw_tracepoint/sys_enter")
def send(ctx: c_void_p) -> c_int64:
    global res
    evt = evt_t()
    evt.tag = 0xABCD
    evt.pid = tgid()
    evt.value = 1234567890123
    res = events.output(evt)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
# run: send ret=0 res=0
