# C-39: comm(e.name) fills a str(N) field with the current task's command
# name; print formats it with %s. 4.4.2: a char pointer local `s = e.name`
# works in comm() and print(), and `e.copy = s` copies the string.
# internal/e2e/helpers_test.go runs it and compares the map entry with the
# test binary's own comm.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap
from pythonbpf.helper import comm


@bpf
@struct
class event_t:
    pid: c_uint32
    name: str(16)
    copy: str(8)


@bpf
@map
def seen() -> HashMap:
    return HashMap(key=c_uint32, value=event_t, max_entries=4)


@bpf
@bpfglobal
def res() -> c_int64:
    return 1


@bpf
@section("raw_tracepoint/sys_enter")
def who(ctx: c_void_p) -> c_int64:
    global res
    e = event_t()
    res = comm(e.name)
    print(f"{e.name}")
    s = e.name
    comm(s)
    print(f"comm {s}")
    e.copy = s
    e.pid = pid()
    seen.update(0, e)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
# run: who ret=0 res=0
