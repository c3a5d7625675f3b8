# C-12: a kprobe/__x64_sys_getppid program compiles and loads as a KPROBE program (attaching is not tested).
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal
from pythonbpf.helper import ktime


@bpf
@bpfglobal
def last_call() -> c_uint64:
    return c_uint64(0)


@bpf
@section("kprobe/__x64_sys_getppid")
def on_getppid(ctx: c_void_p) -> c_int64:
    global last_call
    last_call = ktime()
    print(f"getppid from {pid()} at {last_call}")
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
