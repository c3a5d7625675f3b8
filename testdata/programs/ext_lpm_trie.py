# C-65, 5.7: an LPMTrie finds the longest matching prefix. A program
# inserts 10.2.0.0/16 and 10.2.9.0/24 and looks up 10.2.9.9 and 10.2.1.1;
# ext_maps_test.go writes 10.1.0.0/16 from userspace and looks up
# 10.1.2.3/32 from the program `match`.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import LPMTrie


@bpf
@struct
class v4_key_t:
    prefixlen: c_uint32
    addr: c_uint32


@bpf
@map
def routes() -> LPMTrie:
    return LPMTrie(key=v4_key_t, value=c_uint64, max_entries=16)


@bpf
@bpfglobal
def wide() -> c_uint64:
    return 0


@bpf
@section("xdp")
def match(ctx: c_void_p) -> c_int64:
    k = v4_key_t()
    k.prefixlen = 32
    k.addr = htonl(0x0A010203)
    return routes.lookup(k)


@bpf
@section("xdp")
def own(ctx: c_void_p) -> c_int64:
    k = v4_key_t()
    k.prefixlen = 16
    k.addr = htonl(0x0A020000)
    routes.update(k, 16)
    k.prefixlen = 24
    k.addr = htonl(0x0A020900)
    routes.update(key=k, value=24, flags=BPF_ANY)
    k.prefixlen = 32
    k.addr = htonl(0x0A020909)
    narrow = routes.lookup(k)
    k.addr = htonl(0x0A020101)
    global wide
    wide = routes.lookup(key=k)
    return narrow


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: own ret=24 wide=16
# run: match ret=0
