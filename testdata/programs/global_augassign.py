# 9.3.5, 7.1: augmented assignment to globals computes as the operator does and converts back to the global's type.
from ctypes import c_void_p, c_int64, c_uint64, c_int32, c_uint8
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def cnt() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def small() -> c_uint8:
    return c_uint8(100)


@bpf
@bpfglobal
def down() -> c_int32:
    return c_int32(0)


@bpf
@bpfglobal
def prod() -> c_int64:
    return 1


@bpf
@bpfglobal
def bits() -> c_uint64:
    return c_uint64(0xF0)


@bpf
@bpfglobal
def halves() -> c_int64:
    return -100


@bpf
@section("xdp")
def aug(ctx: c_void_p) -> c_int64:
    global cnt
    cnt += 3
    global small
    small += 100
    global down
    down -= 1
    global prod
    prod *= -3
    global bits
    bits ^= 0xFF
    bits |= 0x100
    bits &= 0x1FE
    global halves
    halves //= 3
    return cnt


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# bits: 0xF0 ^ 0xFF = 0x0F, | 0x100 = 0x10F, & 0x1FE = 0x10E; 0x10E ^ 0xFF = 0x1F1, | 0x100 = 0x1F1, & 0x1FE = 0x1F0
# run: aug ret=3 cnt=3 small=200 down=-1 prod=-3 bits=0x10E halves=-33
# run: aug ret=6 cnt=6 small=44 down=-2 prod=9 bits=0x1F0 halves=-11
