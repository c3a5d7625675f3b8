# C-71: in a raw_tracepoint test run, pid() is the calling thread's id and
# the low half of pid_tgid(); tgid() is the process id and the high half.
# internal/e2e/helpers_test.go runs it on a locked thread and compares the
# globals with gettid() and getpid().
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal


@bpf
@bpfglobal
def the_pid() -> c_uint64:
    return 0


@bpf
@bpfglobal
def the_tgid() -> c_uint64:
    return 0


@bpf
@bpfglobal
def both() -> c_uint64:
    return 0


@bpf
@bpfglobal
def halves_agree() -> c_uint64:
    return 0


@bpf
@section("raw_tracepoint/sys_enter")
def ids(ctx: c_void_p) -> c_int64:
    global the_pid, the_tgid, both, halves_agree
    the_pid = pid()
    the_tgid = tgid()
    both = pid_tgid()
    halves_agree = both & 0xFFFFFFFF == the_pid and both >> 32 == the_tgid
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
# run: ids ret=0 halves_agree=1
