# C-95: in a raw_tracepoint test run, get_current_task().real_parent.tgid is
# the process id of the calling process's parent (two probe reads, each at a
# CO-RE relocated offset). internal/e2e/kernel_test.go compares ppid with
# the test's os.Getppid(); the run line checks that the task's own tgid and
# a chained read through a local work. C-99-like: struct_task_struct(addr)
# casts an address to a kernel pointer.
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal
from vmlinux import struct_task_struct


@bpf
@bpfglobal
def ppid() -> c_int64:
    return c_int64(0)


@bpf
@bpfglobal
def same() -> c_int64:
    return c_int64(0)


@bpf
@section("raw_tracepoint/sys_enter")
def parent(ctx: c_void_p) -> c_int64:
    global ppid, same
    ppid = get_current_task().real_parent.tgid
    task = get_current_task()
    again = struct_task_struct(c_uint64(task))
    if again.tgid == tgid() and task.pid == pid():
        same = 1
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: parent ret=0 same=1
