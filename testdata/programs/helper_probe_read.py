# 6.2: probe_read(dst, size, src), probe_read_kernel(dst, src) and
# probe_read_str(dst, src) write into locals and fields of their own size;
# a failed read zero-fills dst and returns a negative errno (-ERANGE for
# a user address read as kernel memory on x86-64). deref(p) reads a
# reference local, 0 when NULL.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap


@bpf
@struct
class names_t:
    a: str(8)
    b: str(8)


@bpf
@map
def vals() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=4)


@bpf
@bpfglobal
def bad_ret() -> c_int64:
    return 1


@bpf
@bpfglobal
def bad_val() -> c_uint64:
    return 1


@bpf
@bpfglobal
def ctx_val() -> c_uint64:
    return 1


@bpf
@bpfglobal
def str_len() -> c_int64:
    return 0


@bpf
@bpfglobal
def derefs() -> c_uint64:
    return 0


@bpf
@section("raw_tracepoint/sys_enter")
def reads(ctx: c_void_p) -> c_int64:
    global bad_ret, bad_val, ctx_val, str_len, derefs
    y: c_uint64 = 7
    bad_ret = probe_read_kernel(y, 0) < 0
    bad_val = y
    x: c_uint64 = 5
    probe_read(x, 8, ctx)
    ctx_val = x
    n = names_t()
    n.a = "hello"
    str_len = probe_read_str(n.b, n.a)
    vals.update(1, 40)
    p = vals.lookup(1)
    q = vals.lookup(2)
    derefs = deref(p) + deref(q) + 2
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
# run: reads ret=0 bad_ret=1 bad_val=0 ctx_val=0 str_len=6 derefs=42
