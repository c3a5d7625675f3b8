# Another object printing on the same tracepoint: its lines must not show
# up in a run of hello_exec.py.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal
from pythonbpf.helper import pid

@bpf
@section("tracepoint/syscalls/sys_enter_execve")
def other_exec(ctx: c_void_p) -> c_int64:
    print(f"someone else saw {pid()} exec")
    return 0

@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
