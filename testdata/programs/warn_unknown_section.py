# C-11: a section string matching no program type warns and still compiles (the object will not load).
from ctypes import c_void_p, c_int64
from pythonbpf import bpf, section, bpfglobal


@bpf
@section("foo/bar")  # WARNING "section 'foo/bar' does not match any known program type"
def mystery(ctx: c_void_p) -> c_int64:
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# load: refused
