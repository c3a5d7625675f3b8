# LANGUAGE.md 7.5.1: array members of kernel structs. C-93: ctx.args[1] on
# struct_trace_event_raw_sys_enter is one direct 8-byte context load at
# offset 24 (internal/e2e/subscript_test.go checks the instruction). Through
# a kernel pointer an element is a probe read: the current task's comm
# read element by element equals what comm() gives (a raw_tracepoint run).
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal, struct
from pythonbpf.helper import comm
from vmlinux import struct_trace_event_raw_sys_enter


@bpf
@struct
class name_t:
    name: str(16)


@bpf
@bpfglobal
def arg1() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def same() -> c_uint64:
    return c_uint64(0)


@bpf
@section("tracepoint/raw_syscalls/sys_enter")
def sys_enter(ctx: struct_trace_event_raw_sys_enter) -> c_int64:
    global arg1
    arg1 = ctx.args[1] + ctx.args[-1]
    return 0


@bpf
@section("raw_tracepoint/sys_enter")
def task_comm(ctx: c_void_p) -> c_int64:
    global same
    n = name_t()
    comm(n.name)
    task = get_current_task()
    i = same + 2
    if task.comm[0] == n.name[0] and task.comm[1] == n.name[1] and task.comm[i] == n.name[2]:
        same = 1
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: task_comm ret=0 same=1
