# 7.6.2-7.6.4, 6.5: subprogram signatures and calls are checked: at most 5 annotated parameters,
# argument counts and keywords, a -> None subprogram has no value; loop() needs a subprogram body.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, section, bpfglobal, struct


@bpf
@struct
class st_t:
    total: c_uint64


@bpf
def six(a: c_uint32, b: c_uint32, c: c_uint32, d: c_uint32, e: c_uint32, f: c_uint32) -> c_uint32:  # ERROR "at most 5 parameters"
    return a


@bpf
def untyped(a) -> c_uint32:  # ERROR "parameter 'a' needs a type annotation"
    return 1


@bpf
def add(a: c_uint32, b: c_uint32) -> c_uint32:
    return a + b


@bpf
def reset(s: st_t) -> None:
    s.total = 0
    return 5  # ERROR "declared -> None; return without a value"


@bpf
def body(i: c_uint32, s: st_t) -> c_int64:
    return 0


@bpf
def returns_str() -> str:  # ERROR "a subprogram returns an integer type"
    return 0


@bpf
@section("xdp")
def caller(ctx: c_void_p) -> c_int64:
    st = st_t()
    x = add(1)  # ERROR "add.. missing argument 'b'"
    x = add(1, 2, 3)  # ERROR "add.. takes 2 arguments .3 given."
    x = add(1, c=2)  # ERROR "add.. has no parameter named 'c'"
    x = add(1, a=2)  # ERROR "add.. got multiple values for argument 'a'"
    x = reset(st)  # ERROR "reset.. has no value"
    reset(5)  # ERROR "argument 's' of reset.. is a st_t"
    n = loop(10000000, body, st)  # ERROR "loop.. runs at most 8388608 times"
    n = loop(10, add, st)  # ERROR "add..'s second parameter is the state"
    n = loop(10, caller, st)  # ERROR "loop.. calls a @bpf subprogram"
    n = loop(10, body)  # ERROR "body.. takes a state"
    return x


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
