"""A pause in Python's cyclic garbage collection, for the stages that make millions of objects
and keep nearly all of them (loading, linking): collections went through them again and again
for nothing, a large share of the link stage's time."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collections_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
