# C-80, 6.5: the extension constants and byte swaps: TC_ACT_SHOT is 2,
# BPF_EXIST is 2 and htons(0x1234) is 0x3412.
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def shot() -> c_int64:
    return 99


@bpf
@bpfglobal
def exist() -> c_int64:
    return 99


@bpf
@bpfglobal
def swapped() -> c_uint64:
    return 0


@bpf
@bpfglobal
def rb() -> c_int64:
    return 0


@bpf
@section("tc")
def consts(ctx: c_void_p) -> c_int64:
    global shot, exist, swapped, rb
    shot = TC_ACT_SHOT
    exist = BPF_EXIST
    swapped = htons(0x1234)
    rb = BPF_RB_FORCE_WAKEUP * 100 + BPF_F_USER_STACK + SK_PASS
    return TC_ACT_SHOT


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: consts ret=2 shot=2 exist=2 swapped=0x3412 rb=457
