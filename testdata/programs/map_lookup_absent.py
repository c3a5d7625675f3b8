# C-50: for an absent key, p + 1 is 1, `if p:` takes the else branch and `return p` returns 0.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def vals() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=16)


@bpf
@bpfglobal
def plus1() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def branch() -> c_int64:
    return 0


@bpf
@section("xdp")
def absent(ctx: c_void_p) -> c_int64:
    k = c_uint32(3)
    p = vals.lookup(k)
    global plus1
    plus1 = p + 1
    global branch
    if p:
        branch = 1
    else:
        branch = 2
    return p


@bpf
@section("xdp")
def present(ctx: c_void_p) -> c_int64:
    vals.update(4, 77)
    p = vals.lookup(4)
    global plus1
    plus1 = p + 1
    global branch
    if p:
        branch = 1
    else:
        branch = 2
    return p


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: absent ret=0 plus1=1 branch=2
# run: present ret=77 plus1=78 branch=1
# run: absent ret=0 plus1=1 branch=2
