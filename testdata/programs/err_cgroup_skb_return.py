# C-14: a constant return value outside the program type's range is an error.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("cgroup_skb/ingress")
def bad_verdict(ctx: c_void_p) -> c_int64:
    if ktime() > 5:
        return 1
    return 5  # ERROR "cgroup_skb programs must return 0 or 1"


@bpf
@section("cgroup_skb/egress")
def egress_ok(ctx: c_void_p) -> c_int64:
    return 3


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
