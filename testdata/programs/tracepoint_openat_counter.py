# C-10, 1.5: a tracepoint program counting openat calls per pid loads into the verifier.
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, BPF, trace_pipe
from pythonbpf.helper import pid
from pythonbpf.maps import HashMap


@bpf
@map
def opens() -> HashMap:
    return HashMap(key=c_uint32, value=c_uint64, max_entries=4096)


@bpf
@section("tracepoint/syscalls/sys_enter_openat")
def on_openat(ctx: c_void_p) -> c_int64:
    who = c_uint32(pid())
    seen = opens.lookup(who)
    n = (seen or 0) + 1
    opens.update(who, n)
    if seen and n % 100 == 0:
        print(f"pid {who} opened {n} files")
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"


if __name__ == "__main__":
    b = BPF()
    b.load()
    b.attach_all()
    trace_pipe()
