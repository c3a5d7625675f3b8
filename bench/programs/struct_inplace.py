# bench: struct-valued HashMap updated in place through the lookup reference (atomic field adds)
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.helper import ktime, smp_processor_id
from pythonbpf.maps import HashMap


@bpf
@struct
class flow_t:
    packets: c_uint64
    bytes: c_uint64
    first_ns: c_uint64
    last_ns: c_uint64


@bpf
@map
def flows() -> HashMap:
    return HashMap(key=c_uint32, value=flow_t, max_entries=1024)


@bpf
@section("xdp")
def flow_update(ctx: c_void_p) -> c_int64:
    k = c_uint32(smp_processor_id())
    now = ktime()
    f = flows.lookup(k)
    if f:
        f.packets += 1
        f.bytes += 64
        f.last_ns = now
    else:
        v = flow_t()
        v.packets = 1
        v.bytes = 64
        v.first_ns = now
        v.last_ns = now
        flows.update(k, v)
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
