# C-2, C-3: userspace code of every shape around the BPF definitions is parsed and ignored.
import os
import logging
import numpy
from lib import helper
from ctypes import c_void_p, c_int64, c_uint64
from pythonbpf import bpf, section, bpfglobal, BPF, trace_pipe, compile
from dataclasses import dataclass

LIMIT = 8
log = logging.getLogger(__name__)


class Loader(object):
    """A userspace class with methods."""

    def __init__(self, path: str = "prog.o", *, retries: int = 3) -> None:
        self.path = path
        self.retries = retries

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    async def wait(self):
        await helper.sleep(1)


def first[T](xs: list[T]) -> T | None:
    return xs[0] if xs else None


type Pair = tuple[int, int]


@bpf
@bpfglobal
def hits() -> c_uint64:
    return c_uint64(0)


@bpf
@section("xdp")
def counted(ctx: c_void_p) -> c_int64:
    global hits
    hits += 1
    return XDP_PASS


def summarize(values):
    squares = [v * v for v in values if v > 0]
    index = {k: v for k, v in enumerate(squares)}
    total = sum(v for v in index.values())
    if (n := len(squares)) > LIMIT:
        log.info(f"{n=} {total:08.2f} {values!r}")
    match values:
        case [x, y, *rest]:
            return x + y
        case _:
            pass
    try:
        return total / n
    except ZeroDivisionError as e:
        raise ValueError("empty") from e
    finally:
        log.debug("done")


@bpf
@bpfglobal
def LICENSE() -> str:
    return "GPL"


if __name__ == "__main__":
    with open("/dev/null") as f:
        f.write(b"\x00" + rb"\d" + 0x1_0 * 0o7 * 0b1 * 2j)
    key = lambda x: -x
    b = BPF()
    b.load()
    b.attach_all()
    print(b["hits"])
    compile()
    trace_pipe()

# run: counted ret=2 hits=1
