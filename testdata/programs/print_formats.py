# C-72, C-72b, C-74, C-75: print with signed/unsigned conversions, x/08x specs, a literal %, 5 values (trace_vprintk).
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=4)


@bpf
@bpfglobal
def printed() -> c_int64:
    return 0


@bpf
@section("xdp")
def prints(ctx: c_void_p) -> c_int64:
    a = -1
    b: c_uint32 = 4294967295
    c: c_uint64 = 18446744073709551615
    print(f"{a} {b} {c}")
    v = 255
    print(f"{v:x} {v:08x} {v:d}")
    t = True
    p = m.lookup(1)
    print(f"{t} {p}")
    print("hello")
    print("100%")
    print("done\n")
    print(f"{{braces}} {a} {b} {c} {v} {t}")
    global printed
    printed += 1
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: prints ret=0 printed=1
