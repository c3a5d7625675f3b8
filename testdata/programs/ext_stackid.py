# C-68, 5.7, 6.5: get_stackid() in a raw_tracepoint records the kernel
# stack in a StackTrace map; ext_maps_test.go finds the id as a key.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import StackTrace


@bpf
@map
def stacks() -> StackTrace:
    return StackTrace(max_entries=64, depth=32)


@bpf
@map
def deep() -> StackTrace:
    return StackTrace(16)


@bpf
@bpfglobal
def second() -> c_int64:
    return 99


@bpf
@section("raw_tracepoint/sys_enter")
def trace(ctx: c_void_p) -> c_int64:
    global second
    second = get_stackid(deep, 0)
    return stacks.get_stackid()


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
