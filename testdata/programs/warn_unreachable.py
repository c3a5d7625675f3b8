# 7.1: statements after return, break or continue in the same block warn "unreachable code" and never run.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def touched() -> c_int64:
    return 0


@bpf
@section("xdp")
def unreachable(ctx: c_void_p) -> c_int64:
    global touched
    n = 0
    for i in range(4):
        if i == 2:
            continue
            touched = 100  # WARNING "unreachable code"
        n += 1
        if n > 5:
            break
            n = 50  # WARNING "unreachable code"
    return n
    touched = 1  # WARNING "unreachable code"


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: unreachable ret=3 touched=0
