"""The home page and its numbered pages (/, /page/2/, …), newest first.

The archive's size shows on the first page only, and the pager names no page count: a briefing
added at the end (an undated one) then changes the last page alone, not all of them."""

from __future__ import annotations

from collections.abc import Iterator

from generator.linking.archive import Archive
from generator.pages.pager import paginate
from generator.pages.views import briefing_item, lists_reached
from generator.render.renderer import Page, Renderer


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    for chunk, pager in paginate(archive.briefings, renderer.config.paginate, ""):
        path = pager["url"] + "index.html"
        if renderer.owns(path):  # views are made only for this process's pages
            yield renderer.page(path, "list.html", briefings=[briefing_item(d) for d in chunk], pager=pager,
                                total=len(archive.briefings) if pager["number"] == 1 else None)


def changed_pages(renderer: Renderer, archive: Archive) -> list[Page | None] | None:
    """After an edit: none, when the briefings' items read as before; else None (all made)."""
    return None if lists_reached(archive) else []
