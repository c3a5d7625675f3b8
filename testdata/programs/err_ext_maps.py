# 5.7, 6.5, 6.6: misuse of the extension maps and helpers.
from ctypes import c_void_p, c_int64, c_uint64, c_uint32, c_uint8
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap, LPMTrie, Queue, StackTrace, ProgArray


@bpf
@struct
class bad_key_t:
    addr: c_uint32
    prefixlen: c_uint32


@bpf
@struct
class item_t:
    a: c_uint32


@bpf
@map
def trie() -> LPMTrie:
    return LPMTrie(bad_key_t, c_uint64, 4)  # ERROR "an LPMTrie key must be a @struct whose first field is prefixlen: c_uint32"


@bpf
@map
def h() -> HashMap:
    return HashMap(c_uint32, c_uint64, 4)


@bpf
@map
def q() -> Queue:
    return Queue(item_t, 4)


@bpf
@map
def st() -> StackTrace:
    return StackTrace(4, depth=0)  # ERROR "depth must be a constant from 1 to 127"


@bpf
@map
def mixed() -> ProgArray:
    return ProgArray(2, programs=[xdp_prog, tc_prog])  # ERROR "a ProgArray holds programs of one type"


@bpf
@map
def xdps() -> ProgArray:
    return ProgArray(1, programs=[xdp_prog])


@bpf
@map
def crowded() -> ProgArray:
    return ProgArray(1, programs=[xdp_prog, xdp_prog])  # ERROR "programs lists 2 programs but the ProgArray has 1 slots"


@bpf
@map
def notprog() -> ProgArray:
    return ProgArray(1, programs=[h])  # ERROR "'h' is not a program of this file"


@bpf
@section("xdp")
def xdp_prog(ctx: c_void_p) -> c_int64:
    h.push(1)  # ERROR "push[(][)] is not available on HashMap 'h'"
    x = c_uint64(0)
    q.pop(x)  # ERROR "pop[(][)] writes a item_t; this destination is a c_uint64"
    q.pop(5)  # ERROR "pop[(][)] writes into a local, a struct field or an array element; this is a computed value"
    h.lookup(k=1)  # ERROR "lookup[(][)] takes no keyword argument 'k'"
    h.update(1, value=2, key=3)  # ERROR "update[(][)] argument 'key' given twice"
    h.update(1, flags=0)  # ERROR "update[(][)] is missing 'value'"
    get_stackid(h)  # ERROR "get_stackid[(][)] needs a StackTrace map; 'h' is a HashMap"
    tail_call(q, 0)  # ERROR "tail_call[(][)] needs a ProgArray map; 'q' is a Queue"
    send_signal(9)  # ERROR "send_signal[(][)] is not available to xdp programs"
    skb_load_bytes(0, x)  # ERROR "skb_load_bytes[(][)] is not available to xdp programs"
    n = sizeof(x + 1)  # ERROR "sizeof[(][)] takes a type, a local, a global or a field"
    return redirect(1, 0)


@bpf
@section("tc")
def tc_prog(ctx: c_void_p) -> c_int64:
    xdps.tail_call(0)  # ERROR "'xdps' holds xdp programs; a tc program cannot tail-call them"
    return 0


@bpf
@section("raw_tracepoint/sys_enter")
def tp(ctx: c_void_p) -> c_int64:
    redirect(1)  # ERROR "redirect[(][)] is not available to raw_tracepoint programs"
    return send_signal(0)


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
