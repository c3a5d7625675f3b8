# Prints every openat() by one user, chosen by a global that userspace
# (or `pybpfc run`) can set before loading; counts the calls it skipped.
#   sudo ./bin/pybpfc run examples/uid_filter.py --duration 5s
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, section, bpfglobal
from pythonbpf.helper import pid, uid


@bpf
@bpfglobal
def watched_uid() -> c_uint32:
    return c_uint32(0)


@bpf
@bpfglobal
def skipped() -> c_uint64:
    return 0


@bpf
@section("tracepoint/syscalls/sys_enter_openat")
def opens_by_user(ctx: c_void_p) -> c_int64:
    if uid() != watched_uid:
        global skipped
        skipped += 1
        return 0
    print(f"uid {watched_uid}: pid {pid()} called openat")
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
