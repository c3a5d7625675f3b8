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
@bpfglobal
def total() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
