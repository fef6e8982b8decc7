"""One build of a site at a time: `build`, each of the dev server's builds and `deploy` hold an
flock on a file in the site's cache folder. A second one waits, saying so, until the first is
done. The kernel lets go of the lock when its holder ends, however it ends: a killed build never
leaves the site locked. The file says who holds it, for the message of whoever waits.
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = "build.lock"


def tell_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def site_lock(cache_dir: Path, doing: str, waiting: Callable[[str], None] = tell_stderr) -> Iterator[None]:
    """Held while the block runs; `doing` (e.g. "build") names this holder to whoever waits, and
    `waiting` is told, once, when another holds it."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(cache_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            waiting(f"waiting for the site's lock ({cache_dir / LOCK_FILE}): held by {holder}")
            fcntl.flock(fd, fcntl.LOCK_EX)  # Ctrl-C still stops the wait
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"`{doing}`, process {os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # lets go of the lock
