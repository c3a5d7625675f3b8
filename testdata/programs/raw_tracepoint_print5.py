# C-75, C-71: a raw_tracepoint program printing five values (bpf_trace_vprintk); pid() is the low half of pid_tgid().
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, section, bpfglobal
from pythonbpf.helper import pid, ktime, uid, smp_processor_id


@bpf
@bpfglobal
def ids_ok() -> c_uint64:
    return c_uint64(0)


@bpf
@section("raw_tracepoint/sys_enter")
def on_sys_enter(ctx: c_void_p) -> c_int64:
    p = pid()
    t = tgid()
    both = pid_tgid()
    cg = get_current_cgroup_id()
    print(f"pid={p} tgid={t} uid={uid()} cpu={smp_processor_id()} cgroup={cg}")
    global ids_ok
    ids_ok = p == c_uint32(both) and t == both >> 32 and cg > 0
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: on_sys_enter ret=0 ids_ok=1
