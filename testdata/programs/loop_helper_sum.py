# 6.5, C-80b: loop(count, fn, state) runs bpf_loop; the callback adds its index to the state struct.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, section, bpfglobal, struct


@bpf
@struct
class acc_t:
    total: c_uint64
    calls: c_uint32


@bpf
@bpfglobal
def total() -> c_uint64:
    return c_uint64(0)


@bpf
def body(index: c_uint32, st: acc_t) -> c_int64:
    st.total += index
    st.calls += 1
    return 0


@bpf
def stop_at_3(index: c_uint32, st: acc_t) -> c_int64:
    if index == 3:
        return 1
    st.calls += 1
    return 0


@bpf
@section("xdp")
def summing(ctx: c_void_p) -> c_int64:
    st = acc_t()
    n = loop(10, body, st)
    global total
    total = st.total
    st2 = acc_t()
    m = loop(100, stop_at_3, st2)
    if st.calls != 10 or st2.calls != 3 or m != 4:
        return 0
    return n


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: summing ret=10 total=45
