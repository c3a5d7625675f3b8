# Reports every execve() with the calling process's pid, its parent's pid
# and its command name, through a ring buffer that `pybpfc run` decodes
# field by field:
#   sudo ./bin/pybpfc run examples/execsnoop.py -c 'ls /'
#   sudo ./bin/pybpfc run examples/execsnoop.py --duration 10s -f json
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal, struct
from pythonbpf.helper import pid, ktime, comm
from pythonbpf.maps import RingBuffer


@bpf
@struct
class exec_event:
    pid: c_uint32
    ppid: c_uint32
    ts_ns: c_uint64
    comm: str(16)


@bpf
@map
def events() -> RingBuffer:
    return RingBuffer(max_entries=65536)


@bpf
@section("tracepoint/syscalls/sys_enter_execve")
def on_exec(ctx: c_void_p) -> c_int64:
    e = exec_event()
    e.pid = tgid()
    e.ppid = get_current_task().real_parent.tgid
    e.ts_ns = ktime()
    comm(e.comm)
    events.output(e)
    return 0


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
