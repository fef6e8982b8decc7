"""Cancelling a build: the dev server drops a build that newer saves have made moot.

The engine owns a Cancel token for each build and makes it the current one while the build runs
(`cancellable`); the long stages call `checkpoint()` between steps, or iterate through
`checked(items)` within long ones, and neither needs to be handed the token. Once the token is
set, or the question it was made with says yes (the dev server's asks whether newer saves are
waiting), the next check raises Cancelled. `build` never cancels.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")
CHECK_EVERY = 1000  # items between checks in a long loop: a whole step can take seconds on a large archive


class Cancelled(Exception):
    """Newer changes came in during the build: it is dropped for one that includes them."""


class Cancel:
    """Set from any thread; `requested`, if given, is asked too (e.g. whether saves are waiting)."""

    def __init__(self, requested: Callable[[], bool] | None = None) -> None:
        self._event = threading.Event()
        self._requested = requested

    def set(self) -> None:
        self._event.set()

    def clear(self) -> None:
        self._event.clear()

    def is_set(self) -> bool:
        return self._event.is_set() or (self._requested is not None and self._requested())

    def check(self) -> None:
        if self.is_set():
            raise Cancelled


NEVER = Cancel()  # the current token outside a cancellable build: never set
_current: ContextVar[Cancel] = ContextVar("cancel", default=NEVER)


@contextmanager
def cancellable(cancel: Cancel) -> Iterator[None]:
    """`cancel` is the token checkpoint() checks while the block runs (in this thread)."""
    token = _current.set(cancel)
    try:
        yield
    finally:
        _current.reset(token)


def checkpoint() -> None:
    """Raise Cancelled if the current build's token is set: the one call a stage makes."""
    _current.get().check()


def checked(items: Iterable[T]) -> Iterator[T]:
    """items, with a checkpoint before the first and every CHECK_EVERY after it."""
    for number, item in enumerate(items):
        if number % CHECK_EVERY == 0:
            checkpoint()
        yield item
