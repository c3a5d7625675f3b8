# 2.2: a socket filter keeping every second packet (returns 0 or 0xFFFF bytes).
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def seen() -> c_uint64:
    return c_uint64(0)


@bpf
@section("socket")
def every_second(ctx: c_void_p) -> c_int64:
    global seen
    seen += 1
    if seen % 2 == 0:
        return 0
    return 0xFFFF


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: every_second ret=65535 seen=1
# run: every_second ret=0 seen=2
