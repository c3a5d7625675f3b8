# 7.6.2, 7.6.4: struct parameters are references: writes through them update the caller's local
# or map value; keyword arguments name the parameters; a -> None subprogram is a statement.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap


@bpf
@struct
class stats_t:
    count: c_uint64
    last: c_uint32


@bpf
@map
def totals() -> HashMap:
    return HashMap(key=c_uint32, value=stats_t, max_entries=4)


@bpf
@bpfglobal
def seen() -> c_uint64:
    return c_uint64(0)


@bpf
def bump(s: stats_t, by: c_uint64, tag: c_uint32) -> None:
    s.count += by
    s.last = tag


@bpf
def scaled(v: c_uint64, s: stats_t) -> c_uint64:
    return v * s.count


@bpf
def note() -> None:
    global seen
    seen += 1
    return


@bpf
@section("xdp")
def refs(ctx: c_void_p) -> c_int64:
    st = stats_t()
    bump(st, 4, 7)
    bump(tag=9, s=st, by=2)
    note()
    totals.update(1, st)
    v = totals.lookup(1)
    if v:
        bump(v, by=10, tag=3)
    w = totals.lookup(1)
    missing = totals.lookup(2)
    bump(missing, 1, 1)
    if st.count != 6 or st.last != 9:
        return 0
    return scaled(s=w, v=2) + scaled(3, missing)


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: refs ret=32 seen=1
