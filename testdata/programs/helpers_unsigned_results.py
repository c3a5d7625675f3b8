# C-31, C-71b: helper results are unsigned (ktime() u64, random() u32 stored in a u64 local).
from ctypes import c_void_p, c_int64, c_uint64, c_uint32
from pythonbpf import bpf, section, bpfglobal
from pythonbpf.helper import ktime, random, smp_processor_id, pid


@bpf
@bpfglobal
def t_pos() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def r_big() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def r_u32() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def cpu_ok() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def pid_ok() -> c_uint64:
    return c_uint64(0)


@bpf
@bpfglobal
def time_moves() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def helpers(ctx: c_void_p) -> c_int64:
    t = ktime()
    global t_pos
    t_pos = t - t - 1 > 0
    r = random()
    global r_big
    r_big = r - r - 1 > 4294967295
    global r_u32
    r_u32 = random() - random() - 1 > 0
    global cpu_ok
    cpu_ok = smp_processor_id() < 4096
    global pid_ok
    pid_ok = pid() == c_uint32(pid_tgid()) and tgid() == pid_tgid() >> 32 and pid() > 0
    t2 = ktime()
    global time_moves
    time_moves = t2 >= t
    return t_pos + r_big + r_u32 + cpu_ok + pid_ok + time_moves


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"

# run: helpers ret=6 t_pos=1 r_big=1 r_u32=1 cpu_ok=1 pid_ok=1 time_moves=1
