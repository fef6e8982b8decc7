"""Giving way to newer changes: the dev server drops a build that newer saves have made moot.

The long stages take `superseded`, a question asked between steps (linking) and between pages
(rendering); once it says yes, `give_way` raises Superseded. `build` never gives way.
"""

from __future__ import annotations

from collections.abc import Callable


class Superseded(Exception):
    """Newer changes came in during the build: it is dropped for one that includes them."""


def never() -> bool:
    return False


def give_way(superseded: Callable[[], bool]) -> None:
    if superseded():
        raise Superseded
