"""Giving way to newer changes: the dev server drops a build that newer saves have made moot.

The long stages take `superseded`, a question asked between steps and every GIVE_WAY_EVERY
briefings within a long one (linking), and between pages (rendering); once it says yes,
`give_way` raises Superseded. `build` never gives way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
GIVE_WAY_EVERY = 1000  # items between questions in a long loop: at 10,000 briefings a whole step took over 1 s


class Superseded(Exception):
    """Newer changes came in during the build: it is dropped for one that includes them."""


def never() -> bool:
    return False


def give_way(superseded: Callable[[], bool]) -> None:
    if superseded():
        raise Superseded


def giving_way(items: Iterable[T], superseded: Callable[[], bool]) -> Iterator[T]:
    """items, asking `superseded` before the first and every GIVE_WAY_EVERY after it."""
    for number, item in enumerate(items):
        if number % GIVE_WAY_EVERY == 0:
            give_way(superseded)
        yield item
