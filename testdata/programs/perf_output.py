# C-47, C-59: PerfEventArray(key_size=c_int32, value_size=c_uint64) has key
# and value size 4 and no max_entries; events.output(evt) sends the
# struct's bytes with bpf_perf_event_output on the current CPU.
# internal/e2e/helpers_test.go reads the record from userspace.
from ctypes import c_void_p, c_int32, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import PerfEventArray


@bpf
@struct
class evt_t:
    tag: c_uint32
    pid: c_uint32
    value: c_uint64


@bpf
@map
def events() -> PerfEventArray:
    return PerfEventArray(key_size=c_int32, value_size=c_uint64)


@bpf
@section("raw_tracepoint/sys_enter")
def send(ctx: c_void_p) -> c_int64:
    evt = evt_t()
    evt.tag = 0x5EED
    evt.pid = tgid()
    evt.value = 77
    events.output(evt)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
