# C-53, C-37 (in the BPF side), C-34: inside `if p:`, m.update(1, p) copies
# key 0's value to key 1; a struct key made with S() finds the same entry
# as another S() with the same fields; ~ works in the promoted type.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32, c_uint8
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap


@bpf
@struct
class key_t:
    proto: c_uint8
    port: c_uint32


@bpf
@map
def m() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=4)


@bpf
@map
def flows() -> HashMap:
    return HashMap(key=key_t, value=c_uint64, max_entries=4)


@bpf
@bpfglobal
def copied() -> c_uint64:
    return 0


@bpf
@bpfglobal
def flow() -> c_uint64:
    return 0


@bpf
@bpfglobal
def com8() -> c_int64:
    return 0


@bpf
@bpfglobal
def com32() -> c_uint64:
    return 0


@bpf
@section("xdp")
def copy(ctx: c_void_p) -> c_int64:
    m.update(0, 77)
    p = m.lookup(0)
    if p:
        m.update(1, p)
    global copied, flow, com8, com32
    copied = m.lookup(1) or 0
    k = key_t()
    k.proto = 6
    k.port = 443
    flows.update(k, 5)
    k2 = key_t()
    k2.port = 443
    k2.proto = 6
    flow = flows.lookup(k2) or 0
    com8 = ~c_uint8(0)
    com32 = ~c_uint32(0)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: copy ret=0 copied=77 flow=5 com8=-1 com32=4294967295
