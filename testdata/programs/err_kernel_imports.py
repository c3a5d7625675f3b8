# C-97b: `import vmlinux`, `from vmlinux import *` and an unknown name are
# errors (LANGUAGE.md 8.1.3).
from ctypes import c_int64
from pythonbpf import bpf, section, bpfglobal
import vmlinux  # ERROR "write 'from vmlinux import <name>'"
from vmlinux import *  # ERROR "name each type or constant you import from vmlinux"
from vmlinux import struct_xdp_md, struct_no_such_type  # ERROR "vmlinux has no type or constant named 'struct_no_such_type'"
from vmlinux import (XDP_PASS,
                     struct_xdp_mdd)  # ERROR "vmlinux has no type or constant named 'struct_xdp_mdd'"


@bpf
@section("xdp")
def prog(ctx: struct_xdp_md) -> c_int64:
    return XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
