# C-91: `if p and q:` with two references takes the then branch only when both are non-NULL (stored values are 0).
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=16)


@bpf
@bpfglobal
def both() -> c_int64:
    return 99


@bpf
@bpfglobal
def either() -> c_int64:
    return 99


@bpf
@bpfglobal
def stage() -> c_uint32:
    return c_uint32(0)


@bpf
@section("xdp")
def refs(ctx: c_void_p) -> c_int64:
    p = m.lookup(1)
    q = m.lookup(2)
    global both
    if p and q:
        both = 1
    else:
        both = 0
    global either
    either = 0
    if p or q:
        either = 1
    if not p:
        either = either + 10
    global stage
    stage += 1
    m.update(stage, 0)
    return stage


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: refs ret=1 both=0 either=10
# run: refs ret=2 both=0 either=1
# run: refs ret=3 both=1 either=1
