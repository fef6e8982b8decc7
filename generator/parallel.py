"""Work split across processes, one share each: the way a build uses every core.

Workers are forked once the inputs are ready (the Documents, the linked archive), so they have
them without pickling; each returns only a small result. Where fork is missing, or for small
jobs, the shares run one after another in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
ITEMS_PER_PROCESS = 250  # below this a process costs more than it saves

_work: Callable[[int, int], object] | None = None  # the work of the current map_shares, for the forked workers


def processes_for(items: int, jobs: int | None) -> int:
    """How many processes to use for so many items: `jobs` if given, else one per core that has enough to do."""
    if jobs:
        return jobs
    return max(1, min(os.cpu_count() or 1, items // ITEMS_PER_PROCESS))


def map_shares(work: Callable[[int, int], T], processes: int) -> list[T]:
    """[work(0, n), ..., work(n - 1, n)], each call in its own process when n > 1."""
    global _work
    if processes <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [work(i, processes) for i in range(processes)]
    _work = work
    gc.freeze()  # the workers' collections then skip what they inherit, leaving its memory shared, not copied
    try:
        with multiprocessing.get_context("fork").Pool(processes, initializer=leave_interrupts_to_parent) as pool:
            return pool.starmap(_run_share, [(i, processes) for i in range(processes)])
    finally:
        gc.unfreeze()
        _work = None


def leave_interrupts_to_parent() -> None:
    """In a worker: Ctrl-C, which the terminal sends to every process of the build, is the main
    process's to handle (it stops the workers), and a stop is silent (the dev server turns
    SIGTERM into Ctrl-C, and its workers would inherit that): no worker prints a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run_share(which: int, shares: int) -> object:
    assert _work is not None
    return _work(which, shares)
