# C-77, C-77b, 6.1.2, 6.6.1-2: buffer arguments must be program memory of
# the right kind and size; helpers are checked against the program type
# and need the context where the kernel passes it.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap


@bpf
@struct
class ev_t:
    name: str(16)
    frames: c_uint64 * 4
    small: c_uint32


@bpf
@section("raw_tracepoint/sys_enter")
def bad_buffers(ctx: c_void_p) -> c_int64:
    x = pid()
    e = ev_t()
    comm(x)  # ERROR "comm\\(\\) writes into a str\\(N\\) field"
    comm(e.small)  # ERROR "comm\\(\\) writes into a str\\(N\\) field"
    comm(x + 1)  # ERROR "comm\\(\\) writes into a local, a struct field or an array element; this is a computed value"
    probe_read(e.small, 8, ctx)  # ERROR "probe_read\\(\\) of 8 bytes overflows its destination of 4 bytes"
    probe_read_str(x, ctx)  # ERROR "probe_read_str\\(\\) writes into a str\\(N\\) field"
    get_stack(e.small)  # ERROR "get_stack\\(\\) writes into an array field"
    deref(x)  # ERROR "deref\\(\\) takes a reference local"
    comm(e.name, 1)  # ERROR "comm\\(\\) needs a str\\(N\\) field; 2 arguments given"
    return 0


@bpf
@section("xdp")
def net(ctx: c_void_p) -> c_int64:
    e = ev_t()
    p = pid()
    comm(e.name)  # ERROR "comm\\(\\) is not available to xdp programs"
    g = gid()  # ERROR "gid\\(\\) is not available to xdp programs"
    get_stack(e.frames)  # ERROR "get_stack\\(\\) is not available to xdp programs"
    skb_store_bytes(0, p, 4)  # ERROR "skb_store_bytes\\(\\) is not available to xdp programs"
    return XDP_PASS


@bpf
@section("socket")
def sock(ctx: c_void_p) -> c_int64:
    return uid_gid()  # ERROR "uid_gid\\(\\) is not available to socket programs"


@bpf
@section("raw_tracepoint/sys_enter")
def no_context() -> c_int64:
    e = ev_t()
    get_stack(e.frames)  # ERROR "get_stack\\(\\) needs the program context"
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
