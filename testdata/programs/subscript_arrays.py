# LANGUAGE.md 7.5 and 4.4.4: subscripts on c_T * N fields (stack structs,
# map references, NULL references), str(N) fields, char pointer locals and
# packet header arrays; constant, negative and run-time indices; writes,
# augmented writes and tuple targets.
# C-94: on a 4-element array field, r.vals[i] with run-time i = 9 reads 0,
# and r.vals[-1] is the last element (r.vals[4] is in err_subscript.py).
from ctypes import c_int64, c_int32, c_uint8, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap
from vmlinux import struct_xdp_md, struct_ethhdr


@bpf
@struct
class rec_t:
    vals: c_uint32 * 4
    name: str(8)
    small: c_int32 * 2


@bpf
@map
def recs() -> HashMap:
    return HashMap(key=c_uint32, value=rec_t, max_entries=4)


@bpf
@bpfglobal
def nine() -> c_uint32:
    return c_uint32(9)


@bpf
@bpfglobal
def two() -> c_int64:
    return c_int64(2)


@bpf
@bpfglobal
def out_of_range() -> c_uint64:
    return c_uint64(5)


@bpf
@bpfglobal
def last() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def chars() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def through_map() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def through_null() -> c_uint64:
    return c_uint64(7)


@bpf
@bpfglobal
def neg() -> c_int64:
    return c_int64(0)


@bpf
@section("xdp")
def arrays(ctx: struct_xdp_md) -> c_int64:
    global out_of_range, last, chars, through_map, through_null, neg
    r = rec_t()
    r.vals[0] = 10
    r.vals[1] = 20
    r.vals[2], r.vals[3] = 30, 40
    r.vals[nine] = 99  # out of range: nothing is written
    r.vals[two] += 5  # 30 -> 35
    r.vals[1] *= 2  # 20 -> 40
    out_of_range = r.vals[nine]
    last = r.vals[-1] * 1000 + r.vals[two] + r.vals[-3]
    r.vals[0], r.vals[3] = r.vals[3], r.vals[0]
    r.small[1] = -3
    neg = r.small[-1]
    r.name = "bash"
    s = r.name
    s[0] = 99  # 'c'
    chars = r.name[0] * 1000 + s[1] + r.name[two]  # 99*1000 + 97 + 115
    recs.update(1, r)
    p = recs.lookup(1)
    p.vals[nine - 8] += 1
    through_map = p.vals[1] + p.vals[0]  # 41 + 40
    q = recs.lookup(2)
    q.vals[0] = 5
    through_null = q.vals[0] + q.vals[nine - 9]
    return r.vals[3]


@bpf
@section("xdp")
def header(ctx: struct_xdp_md) -> c_int64:
    data = ctx.data
    if data + 14 > ctx.data_end:
        return XDP_ABORTED
    eth = struct_ethhdr(data)
    eth.h_dest[0] = 0x12
    return eth.h_dest[0] + eth.h_source[-1] + eth.h_source[5]


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: arrays ret=10 out_of_range=0 last=40075 chars=99212 through_map=81 through_null=0 neg=-3
# run: header ret=188 packet=ffffffffffff00112233445508004500003200000000401100000a0000010a000002000000000000000000000000000000000000000000000000000000000000
