# C-14: a cgroup_skb/ingress program returning 1 compiles, loads and runs.
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def allowed() -> c_uint64:
    return c_uint64(0)


@bpf
@section("cgroup_skb/ingress")
def allow_all(ctx: c_void_p) -> c_int64:
    global allowed
    allowed += 1
    return 1


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: allow_all ret=1 allowed=1
