# C-56, C-56b: BPF_NOEXIST on an existing key returns -17; after delete the lookup is NULL.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=8)


@bpf
@bpfglobal
def r1() -> c_int64:
    return 99


@bpf
@bpfglobal
def r2() -> c_int64:
    return 99


@bpf
@bpfglobal
def v1() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def r3() -> c_int64:
    return 99


@bpf
@bpfglobal
def r4() -> c_int64:
    return 99


@bpf
@bpfglobal
def v2() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def r5() -> c_int64:
    return 99


@bpf
@bpfglobal
def gone() -> c_int64:
    return 0


@bpf
@bpfglobal
def r6() -> c_int64:
    return 99


@bpf
@section("xdp")
def flags(ctx: c_void_p) -> c_int64:
    global r1
    r1 = m.update(5, 50)
    global r2
    r2 = m.update(5, 60, BPF_NOEXIST)
    global v1
    v1 = m.lookup(5) or 0
    global r3
    r3 = m.update(6, 1, BPF_EXIST)
    global r4
    r4 = m.update(5, 70, BPF_EXIST)
    global v2
    v2 = m.lookup(5) or 0
    global r5
    r5 = m.delete(5)
    p = m.lookup(5)
    global gone
    if not p:
        gone = gone + 1
    global r6
    r6 = m.delete(5)
    return r2


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: flags ret=-17 r1=0 r2=-17 v1=50 r3=-2 r4=0 v2=70 r5=0 gone=1 r6=-2
# run: flags ret=-17 r1=0 r2=-17 v1=50 r3=-2 r4=0 v2=70 r5=0 gone=2 r6=-2
