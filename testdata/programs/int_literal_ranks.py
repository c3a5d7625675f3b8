# C-24, C-30: literals are int, else long long, else u64; undeclared literal locals are s64.
from ctypes import c_void_p, c_int64, c_uint64, c_int32
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def imax() -> c_int32:
    return c_int32(2147483647)


@bpf
@bpfglobal
def lmax32() -> c_int64:
    return 2147483647


@bpf
@bpfglobal
def l1() -> c_int64:
    return 0


@bpf
@bpfglobal
def l2() -> c_int64:
    return 0


@bpf
@bpfglobal
def l3() -> c_int64:
    return 0


@bpf
@bpfglobal
def l4() -> c_int64:
    return 0


@bpf
@bpfglobal
def l5() -> c_int64:
    return 0


@bpf
@bpfglobal
def l6() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def l7() -> c_uint64:
    return c_uint64(5)


@bpf
@bpfglobal
def l8() -> c_int64:
    return 0


@bpf
@bpfglobal
def l9() -> c_int64:
    return 0


@bpf
@bpfglobal
def l10() -> c_int64:
    return 0


@bpf
@bpfglobal
def l11() -> c_int64:
    return 0


@bpf
@bpfglobal
def l12() -> c_int64:
    return 0


@bpf
@bpfglobal
def l13() -> c_int64:
    return 0


@bpf
@bpfglobal
def l14() -> c_int64:
    return 0


@bpf
@section("xdp")
def ranks(ctx: c_void_p) -> c_int64:
    global l1
    l1 = 5000000000 + 1
    global l2
    l2 = 0xFFFFFFFF + 1
    global l3
    l3 = 1 << 31
    global l4
    l4 = 2147483647 + 1
    global l5
    l5 = -2147483648 - 1
    global l6
    l6 = 9223372036854775808 - 1
    global l7
    l7 = -1 < 9223372036854775808
    global l8
    l8 = 0x7FFFFFFF + 0x7FFFFFFF
    x = 2147483647
    x = x + 1
    global l9
    l9 = x
    global l10
    l10 = 0x80000000 * 2
    global l11
    l11 = 1_000_000 * 3000
    global l12
    l12 = 0b1111 + 0o17
    global l13
    l13 = imax + 1
    global l14
    l14 = lmax32 + 1
    return 0xFFFFFFFF + 1 == 4294967296


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: ranks ret=1 l1=5000000001 l2=4294967296 l3=-2147483648 l4=-2147483648 l5=-2147483649 l6=9223372036854775807 l7=0 l8=-2 l9=2147483648 l10=4294967296 l11=-1294967296 l12=30 l13=-2147483648 l14=2147483648
