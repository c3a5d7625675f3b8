# pybpfc run test: prints a line for every execve, with the caller's pid.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal
from pythonbpf.helper import pid

@bpf
@section("tracepoint/syscalls/sys_enter_execve")
def on_exec(ctx: c_void_p) -> c_int64:
    print(f"exec by {pid()}")
    return 0

@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
