"""The search page (/search/): static/search.js fills it with Pagefind's results, filters and sorting."""

from __future__ import annotations

from collections.abc import Iterator

from generator.linking.archive import Archive
from generator.render.renderer import Page, Renderer


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    yield renderer.page("search/index.html", "search.html", total=len(archive.briefings))
