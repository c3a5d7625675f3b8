# C-52, 5.5.5: assigning a plain value to a reference local stores it in a
# private cell; the map entry is unchanged and the local reads the new value.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=4)


@bpf
@bpfglobal
def seen() -> c_uint64:
    return 0


@bpf
@bpfglobal
def stored() -> c_uint64:
    return 0


@bpf
@section("xdp")
def rebind(ctx: c_void_p) -> c_int64:
    m.update(0, 10)
    p = m.lookup(0)
    p = p + 5
    p += 1
    global seen, stored
    seen = p
    stored = m.lookup(0) or 0
    q = m.lookup(7)
    if not q:
        q = 3
    return q


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: rebind ret=3 seen=16 stored=10
