# -*- coding: utf-8 -*-
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, BPF, trace_pipe
from pythonbpf.helper import pid
from pythonbpf.maps import HashMap

@bpf
@map
def opens() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=4096)

@bpf
@section("tracepoint/syscalls/sys_enter_openat")
def on_openat(ctx: c_void_p) -> c_int64:
    who = c_uint32(pid())
    seen = opens.lookup(who)              # a reference: NULL when absent
    n = (seen or 0) + 1                   # value use: NULL gives the default 0
    opens.update(who, n)
    if seen and n % 100 == 0:             # truthiness tests the reference
        print(f"pid {who} opened {n} files")
    elif n > 0x_FFFF:
        n -= 1
    else:
        pass
    for i in range(4):
        if i == 2:
            break
        n <<= 1
    return 0

@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

if __name__ == "__main__":               # userspace: parsed, never compiled
    b = BPF(); b.load(); b.attach_all(); trace_pipe()
