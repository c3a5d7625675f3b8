# C-78, 6.6.3: GPL-only helpers under a license that is not GPL-compatible
# are compile-time errors naming the helper.
from ctypes import c_void_p, c_int32, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import PerfEventArray, RingBuffer


@bpf
@struct
class ev_t:
    name: str(16)
    other: str(16)
    frames: c_uint64 * 4


@bpf
@map
def perf() -> PerfEventArray:
    return PerfEventArray(key_size=c_int32, value_size=c_uint32)


@bpf
@map
def ring() -> RingBuffer:
    return RingBuffer(max_entries=4096)


@bpf
@section("raw_tracepoint/sys_enter")
def tracer(ctx: c_void_p) -> c_int64:
    e = ev_t()
    comm(e.name)
    print(f"{e.name}")  # ERROR "print\\(\\) uses bpf_trace_printk, which is GPL-only, but LICENSE is 'Proprietary'"
    probe_read_kernel(e.frames, ctx)  # ERROR "probe_read_kernel\\(\\) uses bpf_probe_read_kernel, which is GPL-only, but LICENSE is 'Proprietary'"
    get_stack(e.frames)  # ERROR "get_stack\\(\\) uses bpf_get_stack, which is GPL-only"
    perf.output(e)  # ERROR "output\\(\\) uses bpf_perf_event_output, which is GPL-only"
    e.other = e.name  # ERROR "copying a string uses bpf_probe_read_kernel_str, which is GPL-only"
    ring.output(e)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "Proprietary"
