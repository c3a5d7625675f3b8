# C-9: a file with maps but no program is an error and produces no object.
# ERROR-FILE "no BPF program found"
from ctypes import c_uint32, c_uint64
from pythonbpf import bpf, map, bpfglobal
from pythonbpf.maps import HashMap


@bpf
@map
def counts() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=16)


@bpf
def not_a_program_without_section() -> c_uint64:
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
