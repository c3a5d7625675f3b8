# A loop bounded only by a global the verifier cannot know: rejected as
# too large; the diagnostic must point into the loop body.
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal
from pythonbpf.helper import ktime

@bpf
@bpfglobal
def limit() -> c_uint64:
    return c_uint64(1000000)

@bpf
@section("tracepoint/syscalls/sys_enter_getppid")
def spin(ctx: c_void_p) -> c_int64:
    i = c_uint64(0)
    acc = c_uint64(0)
    while i < limit:
        acc += ktime() & 3  # BODY
        i += 1
    return acc

@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
