# Sends one record per execve through a ring buffer; run decodes it with
# the struct's layout. Skipped by the test until ring buffers compile.
from ctypes import c_void_p, c_int64, c_uint8, c_uint32, c_int32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.helper import pid, ktime, comm
from pythonbpf.maps import RingBuffer

@bpf
@struct
class event_t:
    pid: c_uint32
    flags: c_uint8
    delta: c_int32
    ts: c_uint64
    comm: str(16)

@bpf
@map
def events() -> RingBuffer:
    return RingBuffer(max_entries=4096)

@bpf
@section("tracepoint/syscalls/sys_enter_execve")
def on_exec(ctx: c_void_p) -> c_int64:
    evt = event_t()
    evt.pid = pid()
    evt.flags = 7
    evt.delta = -5
    evt.ts = ktime()
    comm(evt.comm)
    events.output(evt)
    return 0

@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
