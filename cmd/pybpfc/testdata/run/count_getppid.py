# Counts getppid() calls per thread id; run prints the map at exit.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import pid
from pythonbpf.maps import HashMap, ArrayMap

@bpf
@map
def calls() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=1024)

@bpf
@map
def pid_hist() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=c_uint64, max_entries=64)

@bpf
@bpfglobal
def total() -> c_uint64:
    return c_uint64(0)

@bpf
@section("tracepoint/syscalls/sys_enter_getppid")
def on_getppid(ctx: c_void_p) -> c_int64:
    global total
    who = c_uint32(pid())
    n = (calls.lookup(who) or 0) + 1
    calls.update(who, n)
    total += 1
    b = c_uint32(0)
    v = who
    while v > 1:
        v = v >> 1
        b += 1
    pid_hist.update(b, (pid_hist.lookup(b) or 0) + 1)
    return 0

@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
