"""A long build's progress on a terminal: the stage it is in and, while it renders, a bar of the
briefing pages made so far.

The render's worker processes count the pages in shared memory, and whichever adds to the count
when the bar is due draws it: no thread in the main process, which would be forked with the
workers (and might be holding the terminal's lock as it was).
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 30
REDRAW_SECONDS = 0.2


class Tally:
    """Steps done out of `total`, added to by this process and any forked after it was made;
    `draw` is called with the count at most every REDRAW_SECONDS, and once all are done. One
    without a total (what Progress gives) counts nothing."""

    def __init__(self, total: int = 0, draw: Callable[[int], None] = lambda done: None) -> None:
        self.total = total
        self._draw = draw
        self._shared = multiprocessing.Array("d", [0, time.monotonic()]) if total else None  # done, drawn at

    def add(self, steps: int = 1) -> None:
        if self._shared is None:
            return
        with self._shared.get_lock():  # drawn while held: no older count after a newer one
            done = int(self._shared[0] + steps)
            self._shared[0] = done
            now = time.monotonic()
            if now - self._shared[1] >= REDRAW_SECONDS or done == self.total:
                self._shared[1] = now
                self._draw(done)


class Progress:
    """Reports nothing: for a build not on a terminal, a quiet one, or one run from code."""

    def stage(self, name: str) -> None:
        """A stage starts."""

    def tally(self, total: int, unit: str) -> Tally:
        """The current stage's steps, to add to as they are done."""
        return Tally()

    def close(self) -> None:
        """The build is over: clear what was drawn."""


class TerminalProgress(Progress):
    """One line, redrawn in place: `render and write [██████░░░░] 6,123/10,000 briefings`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._name = ""

    def stage(self, name: str) -> None:
        self._name = name
        self._write(f"{name}…")

    def tally(self, total: int, unit: str) -> Tally:
        def draw(done: int) -> None:
            filled = BAR_WIDTH * min(done, total) // total
            self._write(f"{self._name} [{'█' * filled}{'░' * (BAR_WIDTH - filled)}] {done:,}/{total:,} {unit}")

        draw(0)
        return Tally(total, draw)

    def close(self) -> None:
        self._write("")

    def _write(self, line: str) -> None:
        self._stream.write(f"\r\033[K{line}")
        self._stream.flush()
