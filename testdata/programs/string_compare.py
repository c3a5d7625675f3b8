# 4.4.5 [ext]: a str(N) field compares with a string literal by its
# NUL-terminated contents (bpf_strncmp); through a NULL reference it equals
# nothing; a literal that cannot fit is a warning and a constant.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.maps import HashMap


@bpf
@struct
class task_t:
    name: str(8)
    pid: c_uint32


@bpf
@map
def tasks() -> HashMap:
    return HashMap(key=c_uint32, value=task_t, max_entries=4)


@bpf
@bpfglobal
def results() -> c_uint64:
    return 0


@bpf
@section("xdp")
def cmp(ctx: c_void_p) -> c_int64:
    t = task_t()
    t.name = "bash"
    tasks.update(1, t)
    r: c_uint64 = 0
    if t.name == "bash":
        r += 1
    if t.name != "bas":
        r += 10
    if "bash" == t.name:
        r += 100
    if t.name == "bashful":
        r += 1000
    p = tasks.lookup(1)
    if p.name == "bash":
        r += 10000
    q = tasks.lookup(2)
    if q.name == "bash":
        r += 100000
    if t.name == "much too long":  # WARNING "longer than the str.8. field"
        r += 1000000
    global results
    results = r
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: cmp ret=0 results=10111
