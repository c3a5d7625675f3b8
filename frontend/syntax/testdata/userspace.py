import os, sys
from dataclasses import dataclass

@dataclass(frozen=True)
class Event[T](Base, metaclass=Meta):
    pid: int
    comm: bytes = b"\x00" * 16

    async def stream(self, *args: T, timeout: float | None = None, **kw) -> list[T]:
        async with self.lock as held, open(self.path) as f:
            data = [x async for x in f if x]
        try:
            return {k: v for k, v in kw.items()} or [*args]
        except* (ValueError, TypeError) as eg:
            raise RuntimeError("bad") from eg
        finally:
            del self.cache[0], held

def main(argv=sys.argv, /, *, verbose=False):
    global counter
    match argv:
        case [_, "run", *rest] if rest:
            counter += len(rest)
        case {"cmd": cmd, **others}:
            print(f"{cmd!r:>{width}} {others=}")
        case Event(pid=0) | None:
            pass
        case _:
            assert False, "unreachable"
    total = sum(n ** 2 for n in range(10)) - -1 ** 2
    ok = 0 < total <= 1_000 and total not in (1, 2) and main is not None
    f = lambda x, *ys, k=1: x if k else ys
    mask = ~0o17 & 0b1010 | 1 << 3 ^ 2 // 1 % 3
    type Alias = dict[str, list[int]]
    if (n := len(argv)) > 1: print(n); print(r'\n', 2j, 1e-3, ...)
    return data[1:2, ::3], matrix @ other

if __name__ == "__main__":
    main()
