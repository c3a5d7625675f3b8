# C-18: a shift has the promoted left operand's type; >> is arithmetic for signed, logical for unsigned.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint32, c_uint8
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def hi() -> c_uint32:
    return c_uint32(0xF0000000)


@bpf
@bpfglobal
def m16() -> c_int32:
    return c_int32(-16)


@bpf
@bpfglobal
def two() -> c_uint64:
    return c_uint64(2)


@bpf
@bpfglobal
def b80() -> c_uint8:
    return c_uint8(0x80)


@bpf
@bpfglobal
def one() -> c_int64:
    return 1


@bpf
@bpfglobal
def forty() -> c_uint8:
    return c_uint8(40)


@bpf
@bpfglobal
def s1() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def s2() -> c_int64:
    return 0


@bpf
@bpfglobal
def s3() -> c_int64:
    return 0


@bpf
@bpfglobal
def s4() -> c_int64:
    return 0


@bpf
@bpfglobal
def t1() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def t2() -> c_int64:
    return 0


@bpf
@bpfglobal
def t3() -> c_int64:
    return 0


@bpf
@bpfglobal
def t4() -> c_int64:
    return 0


@bpf
@bpfglobal
def t5() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def shifts(ctx: c_void_p) -> c_int64:
    global s1
    s1 = c_uint32(0xF0000000) >> 4
    global s2
    s2 = c_int32(-16) >> c_uint64(2)
    global s3
    s3 = c_uint8(0x80) << 24
    global s4
    s4 = c_int64(1) << c_uint8(40)
    global t1
    t1 = hi >> 4
    global t2
    t2 = m16 >> two
    global t3
    t3 = b80 << 24
    global t4
    t4 = one << forty
    global t5
    t5 = one << 63
    return m16 >> two


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: shifts ret=-4 s1=0x0F000000 s2=-4 s3=-2147483648 s4=1099511627776 t1=0x0F000000 t2=-4 t3=-2147483648 t4=1099511627776 t5=0x8000000000000000
