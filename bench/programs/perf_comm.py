# bench: perf event record with comm(): fill a stack struct and output it (no reader attached: output fails fast)
# trigger: getppid
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.helper import pid, ktime, comm
from pythonbpf.maps import PerfEventArray


@bpf
@struct
class call_event_t:
    pid: c_uint32
    pad: c_uint32
    ts: c_uint64
    comm: str(16)


@bpf
@map
def calls_out() -> PerfEventArray:
    return PerfEventArray(key_size=c_uint32, value_size=c_uint32)


@bpf
@section("tracepoint/syscalls/sys_enter_getppid")
def emit_perf(ctx: c_void_p) -> c_int64:
    e = call_event_t()
    e.pid = pid()
    e.ts = ktime()
    comm(e.comm)
    calls_out.output(e)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
