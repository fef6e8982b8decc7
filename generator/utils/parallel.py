"""Work split across processes, one share each: the way a build uses every core.

Workers are forked once the inputs are ready (the Documents, the linked archive), so they have
them without pickling; each returns only a small result, through a pipe of its own. A worker
that dies (the OOM killer's kill -9) closes its pipe unanswered: the build then stops with
WorkerDied, where a pool would wait forever for the share it lost. A worker dies with the process
that forked it. Where fork is missing, or for small jobs, the shares run one after
another in this process.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
ITEMS_PER_PROCESS = 250  # below this a process costs more than it saves
WAKE_EVERY = 0.5  # seconds between looks for killed processes while waiting for workers
_PR_SET_PDEATHSIG = 1  # Linux prctl: a signal for this process when its parent dies


class WorkerDied(Exception):
    """A process of the build ended without its result: killed (out of memory?) or crashed."""


_running: dict[int, str] = {}  # the Forked processes of this process, by pid: their names


def raise_deaths() -> None:
    """WorkerDied if a Forked process of this one was killed by a signal. The build asks between
    its steps (each stage, and while it waits for its workers), so that a process working beside
    it, whose result it will ask for only later, is not waited on for a stage or two."""
    for pid, name in list(_running.items()):
        try:  # WNOWAIT: the process is left to be joined as usual
            ended = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            continue
        if ended is not None and ended.si_code in (os.CLD_KILLED, os.CLD_DUMPED):
            del _running[pid]
            raise WorkerDied(f"a build process ({name}) {_killed_by(ended.si_status)}")


def _killed_by(signum: int) -> str:
    name = signal.Signals(signum).name
    return f"was killed ({name}{': out of memory?' if name == 'SIGKILL' else ''})"


def processes_for(items: int, jobs: int | None) -> int:
    """How many processes to use for so many items: `jobs` if given, else one per core that has enough to do."""
    if jobs:
        return jobs
    return max(1, min(os.cpu_count() or 1, items // ITEMS_PER_PROCESS))


def forks() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def map_shares(work: Callable[[int, int], T], processes: int) -> list[T]:
    """[work(0, n), ..., work(n - 1, n)], each call in its own process when n > 1."""
    if processes <= 1 or not forks():
        return [work(i, processes) for i in range(processes)]
    workers = [Forked(f"worker {i + 1} of {processes}", lambda i=i: work(i, processes)) for i in range(processes)]
    try:
        results: dict[int, T] = {}
        waiting = {worker.connection: i for i, worker in enumerate(workers)}
        while waiting:  # the first to end first: a dead one is noticed while the others still work
            for ready in multiprocessing.connection.wait(list(waiting), timeout=WAKE_EVERY):
                i = waiting.pop(ready)  # type: ignore[call-overload]
                results[i] = workers[i].result()
            raise_deaths()  # also those working beside these (the mirroring process)
        return [results[i] for i in range(processes)]
    finally:
        for worker in workers:
            worker.stop()


class Forked(Generic[T]):
    """call() run in a forked process, started at once; result() waits for what it returns (an
    exception it raises is raised here), or raises WorkerDied if the process dies first."""

    def __init__(self, name: str, call: Callable[[], T]) -> None:
        self.name = name
        context = multiprocessing.get_context("fork")
        self.connection, sending = context.Pipe(duplex=False)
        self.process = context.Process(target=_run, args=(call, sending), name=name, daemon=True)
        frozen = gc.get_freeze_count() > 0  # by the dev server's engine (gcpause.spare_survivors): left so
        gc.freeze()  # its collections then skip what it inherits, leaving that memory shared, not copied
        try:
            self.process.start()
        finally:
            if not frozen:
                gc.unfreeze()
            sending.close()  # only the child holds it now: the pipe closes when the child ends
        _running[self.process.pid] = name

    def result(self) -> T:
        try:
            ok, value = self.connection.recv()
        except (EOFError, OSError, ValueError) as error:  # ended unanswered, or mid-answer
            _running.pop(self.process.pid, None)
            raise WorkerDied(f"a build process ({self.name}) {self._ending()}") from error
        _running.pop(self.process.pid, None)
        self.process.join()
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        """Ended, if it still runs (the build is over, or failed)."""
        _running.pop(self.process.pid, None)  # first: its end is no news
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()

    def _ending(self) -> str:
        self.process.join(1)
        code = self.process.exitcode
        if code is not None and code < 0:
            return _killed_by(-code)
        return "ended without its result" if code is None else f"ended without its result (exit code {code})"


def _run(call: Callable[[], object], sending: multiprocessing.connection.Connection) -> None:
    leave_interrupts_to_parent()
    try:
        answer: tuple[bool, object] = (True, call())
    except BaseException as error:  # noqa: BLE001 - raised again in the parent, which reports it
        answer = (False, error)
    try:
        sending.send(answer)
    except Exception as error:  # noqa: BLE001 - an exception that does not pickle: its words do
        sending.send((False, RuntimeError(f"{type(answer[1]).__name__}: {answer[1]}" if not answer[0] else repr(error))))


def leave_interrupts_to_parent() -> None:
    """In a worker: Ctrl-C, which the terminal sends to every process of the build, is the main
    process's to handle (it stops the workers), and a stop is silent (the dev server turns
    SIGTERM into Ctrl-C, and its workers would inherit that): no worker prints a traceback.
    The worker is killed when its parent dies (kill -9 of the build leaves no worker behind)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    with contextlib.suppress(OSError, AttributeError):  # not Linux: the worker ends when it is done
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:  # the parent died before prctl took effect
        os._exit(1)
