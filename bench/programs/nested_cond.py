# bench: nested if/elif/else, and/or/not and a conditional expression choosing one of 8 classes
# nondeterministic: the class, and so the verdict, comes from random()
from ctypes import c_void_p, c_int64, c_uint32, c_uint64
from pythonbpf import bpf, map, section, bpfglobal
from pythonbpf.helper import ktime, random, smp_processor_id
from pythonbpf.maps import ArrayMap


@bpf
@map
def classes() -> ArrayMap:
    return ArrayMap(key=c_uint32, value=c_uint64, max_entries=8)


@bpf
@section("xdp")
def classify(ctx: c_void_p) -> c_int64:
    r = random()
    t = ktime()
    cpu = smp_processor_id()
    cls = c_uint32(0)
    if r & 1:
        if r & 2 and cpu < 4:
            cls = 1
        elif (t >> 8) & 1 or r > 3000000000:
            cls = 2 if t & 2 else 3
        else:
            cls = 4
    else:
        if not (r & 4):
            if r < 1000:
                cls = 5
            else:
                cls = 6
        else:
            cls = 7
    n = classes.lookup(cls)
    classes.update(cls, (n or 0) + 1)
    return XDP_DROP if cls == 5 else XDP_PASS


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"
