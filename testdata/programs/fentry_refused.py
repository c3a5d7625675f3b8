# 2.4.3: fentry programs compile everywhere; this kernel refuses to load them.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("fentry/__x64_sys_getppid")
def enter_getppid(ctx: c_void_p) -> c_int64:
    print("getppid")
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# load: refused
