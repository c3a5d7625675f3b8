# C-67, 5.7, 6.5: progs.tail_call(1) runs the program in slot 1 (filled
# statically through programs=) and its return value is the result; a
# tail call to an empty slot or past the end continues with the next
# statement.
from ctypes import c_void_p, c_int64, c_uint32
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.maps import ProgArray


@bpf
@map
def progs() -> ProgArray:
    return ProgArray(4, programs=[None, target])


@bpf
@bpfglobal
def missed() -> c_int64:
    return 0


@bpf
@section("xdp")
def target(ctx: c_void_p) -> c_int64:
    return 40 + missed


@bpf
@section("xdp")
def entry(ctx: c_void_p) -> c_int64:
    global missed
    missed = 0
    tail_call(progs, 2)
    missed += 1
    progs.tail_call(9)
    missed += 1
    progs.tail_call(0)
    missed += 1
    progs.tail_call(1)
    return 99


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: entry ret=43 missed=3
# run: target ret=43
