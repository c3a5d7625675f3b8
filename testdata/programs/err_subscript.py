# LANGUAGE.md 7.5: constant indices out of range (C-94: r.vals[4] on a
# 4-element array), a run-time index into a context array (C-93), slices,
# copying an array into a local, indexing what is not an array, and writes
# into read-only memory.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, section, bpfglobal, struct
from vmlinux import struct_trace_event_raw_sys_enter


@bpf
@struct
class rec_t:
    vals: c_uint32 * 4
    name: str(8)


@bpf
@section("tracepoint/raw_syscalls/sys_enter")
def bad(ctx: struct_trace_event_raw_sys_enter) -> c_int64:
    r = rec_t()
    a = r.vals[4]  # ERROR "index 4 is out of range for an array of 4"
    b = r.name[-9]  # ERROR "index -9 is out of range for an array of 8"
    r.vals[8] = 1  # ERROR "index 8 is out of range for an array of 4"
    i = ctx.id
    c = ctx.args[i]  # ERROR "context array index must be a constant"
    d = r.vals[1:3]  # ERROR "unsupported expression: slice"
    e = ctx.args  # ERROR "arrays cannot be copied into locals; index the field directly"
    f = r.vals  # ERROR "arrays cannot be copied into locals; index the field directly"
    g = i[0]  # ERROR "only arrays can be indexed"
    ctx.args[0] = 1  # ERROR "the context is read-only"
    t = get_current_task()
    t.comm[0] = 1  # ERROR "kernel memory is read-only here"
    r.vals[0] **= 2  # ERROR "unsupported expression: the '\\*\\*=' operator"
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
