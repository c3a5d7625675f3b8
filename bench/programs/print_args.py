# bench: print with five values in XDP (bpf_trace_vprintk with a u64 array)
# repeat: 10000
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, section, bpfglobal
from pythonbpf.helper import pid, ktime, smp_processor_id


@bpf
@bpfglobal
def printed() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def print_five(ctx: c_void_p) -> c_int64:
    global printed
    printed += 1
    now = ktime()
    print(f"bench pid={pid()} cpu={smp_processor_id()} t={now} n={printed} lo={now & 0xFFFF:x}")
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
