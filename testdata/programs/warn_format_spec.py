# C-73: an unsupported format spec warns and prints with the default conversion.
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("xdp")
def spec(ctx: c_void_p) -> c_int64:
    v = 255
    print(f"{v:x} {v:08x}")
    print(f"{v:.2f}")  # WARNING "format spec ':.2f' ignored"
    print(f"{v!r}")  # WARNING "ignored"
    return v


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: spec ret=255
