# A kprobe program: this kernel has no kprobes, so run must fail cleanly.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal

@bpf
@section("kprobe/do_sys_openat2")
def on_open(ctx: c_void_p) -> c_int64:
    return 0

@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
