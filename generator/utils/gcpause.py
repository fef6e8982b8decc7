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


def spare_survivors(collect: bool) -> None:
    """Leave every object alive now out of later collections (gc.freeze): the dev server keeps its
    archive and render memo between builds, and each build adds enough long-lived objects to set
    off, now and then, a full collection going through all of them, far longer than the build
    itself. Their objects are still freed as their last reference goes, but garbage cycles among
    them are not: `collect` first, after a build that replaced the kept state whole (the last
    archive's entities name each other as companions)."""
    if collect:
        gc.unfreeze()
        gc.collect()
    gc.freeze()
