# bench: ring buffer record with comm(): reserve, fill pid/cpu/time/comm, submit (no consumer: a full ring drops)
# trigger: getppid
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.helper import pid, ktime, comm, smp_processor_id
from pythonbpf.maps import RingBuffer


@bpf
@struct
class exec_event_t:
    pid: c_uint32
    cpu: c_uint32
    ts: c_uint64
    comm: str(16)


@bpf
@map
def events() -> RingBuffer:
    return RingBuffer(max_entries=4194304)


@bpf
@bpfglobal
def lost() -> c_uint64:
    return c_uint64(0)


@bpf
@section("tracepoint/syscalls/sys_enter_getppid")
def emit_ringbuf(ctx: c_void_p) -> c_int64:
    rec = events.reserve(exec_event_t)
    if not rec:
        global lost
        lost += 1
        return 0
    rec.pid = pid()
    rec.cpu = smp_processor_id()
    rec.ts = ktime()
    comm(rec.comm)
    events.submit(rec)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
