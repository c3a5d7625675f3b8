# C-5: a @bpf definition nested inside another statement is an error.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def top(ctx: c_void_p) -> c_int64:
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"


if __name__ == "__main__":
    @bpf
    @section("xdp")
    def inner(ctx: c_void_p) -> c_int64:  # ERROR "@bpf definitions must be at module level"
        return XDP_DROP
