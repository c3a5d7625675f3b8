# C-51: (m.lookup(0) or 7) + 1 gives 8 when key 0 is absent and 1 when it holds 0.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=8)


@bpf
@bpfglobal
def before() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def after() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def and_before() -> c_uint64:
    return c_uint64(99)


@bpf
@bpfglobal
def and_after() -> c_uint64:
    return c_uint64(99)


@bpf
@section("xdp")
def or_default(ctx: c_void_p) -> c_int64:
    global before
    before = (m.lookup(0) or 7) + 1
    global and_before
    and_before = m.lookup(0) and 5
    m.update(0, 0)
    global after
    after = (m.lookup(0) or 7) + 1
    global and_after
    and_after = m.lookup(0) and 5
    return before


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: or_default ret=8 before=8 after=1 and_before=0 and_after=5
# run: or_default ret=1 before=1 after=1 and_before=5 and_after=5
