"""Markdown bodies converted ahead, on the core the link stage leaves idle.

Linking runs mostly on one core for seconds in a large archive. Meanwhile another process
converts the bodies the build cache lacks into it, oldest briefing first, the opposite end from
where the render workers start, which then find them converted (MemoRenderer.markdown_html checks
that their links still resolve the same). Stopped when the render begins, it keeps what it made.
If it dies (killed), the build stops with WorkerDied: what it was writing may be half there.
"""

from __future__ import annotations

import multiprocessing
from typing import TYPE_CHECKING

from generator.engine.cache import BuildCache, Table
from generator.config.settings import Config
from generator.content.documents import Document
from generator.engine.memo import MemoRenderer, RenderMemo
from generator.utils.parallel import Forked, forks

if TYPE_CHECKING:
    from multiprocessing.synchronize import Event


class BodyConverter:
    """The converting process, started at once; stop() it before the render starts."""

    def __init__(self, config: Config, documents: list[Document], cache: BuildCache) -> None:
        self._stop: Event | None = None
        self._process: Forked[None] | None = None
        if not forks() or not documents:
            return
        stop = self._stop = multiprocessing.get_context("fork").Event()
        self._process = Forked("body converter", lambda: _convert(config, documents, cache, stop))

    def stop(self) -> None:
        """Once it has kept what it converted; WorkerDied if it was killed."""
        if self._process is not None and self._stop is not None:
            self._stop.set()
            try:
                self._process.result()
            finally:
                self._process.stop()

    def abandon(self) -> None:
        """Ended at once: the build failed."""
        if self._process is not None:
            self._process.stop()


def _convert(config: Config, documents: list[Document], cache: BuildCache, stop: Event) -> None:
    cache.connect()
    bodies, links = cache.tables["bodies"], cache.tables["links"]  # written here, and nothing else the cache holds
    renderer = MemoRenderer(config, memo=RenderMemo(bodies=bodies, links=links))
    renderer.link_to(documents)
    oldest_first = sorted(_lacking(documents, links), key=lambda d: (d.sort_date, d.title))  # the render: newest first
    for document in oldest_first:
        if stop.is_set():
            break
        try:
            renderer.markdown_html(document)
        except Exception:  # noqa: BLE001 - a body that fails here fails in the render too, which reports it
            continue
    bodies.flush()
    links.flush()


def _lacking(documents: list[Document], links: Table) -> list[Document]:
    """The documents whose body the cache has not converted from the file as it is, told by the
    links table (each body's hash, in one pass): looking up each body, HTML and all, kept this
    process busy for seconds on a build after one edit, on the core the link stage works with."""
    converted = {key: sha256 for key, (sha256, _) in links.items()}
    return [d for d in documents if converted.get(str(d.path)) != d.sha256]
