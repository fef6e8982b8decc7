"""The older form of cancellation (generator/utils/cancel.py), kept while linking modules still
take a `superseded` parameter: each question also checks the current build's Cancel token."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from generator.utils import cancel
from generator.utils.cancel import Cancelled, checkpoint

T = TypeVar("T")
Superseded = Cancelled


def never() -> bool:
    return False


def give_way(superseded: Callable[[], bool]) -> None:
    if superseded():
        raise Cancelled
    checkpoint()


def giving_way(items: Iterable[T], superseded: Callable[[], bool]) -> Iterator[T]:
    for number, item in enumerate(items):
        if number % cancel.CHECK_EVERY == 0:
            give_way(superseded)
        yield item
