"""The home page and its numbered pages (/, /page/2/, …), newest first.

The archive's size shows on the first page only, and the pager names no page count: a briefing
added at the end (an undated one) then changes the last page alone, not all of them."""

from __future__ import annotations

from collections.abc import Iterator

from generator.link import Archive
from generator.pages.views import briefing_item
from generator.render import Page, Renderer


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    size = renderer.config.paginate
    briefings = archive.briefings
    chunks = [briefings[i : i + size] for i in range(0, len(briefings), size)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        path = listing_url(number) + "index.html"
        if not renderer.owns(path):
            continue  # views are made only for this process's pages
        pager = {
            "number": number,
            "previous": listing_url(number - 1) if number > 1 else None,
            "next": listing_url(number + 1) if number < len(chunks) else None,
        }
        yield renderer.page(path, "list.html", briefings=[briefing_item(d) for d in chunk], pager=pager,
                            total=len(briefings) if number == 1 else None)


def listing_url(number: int) -> str:
    return "" if number == 1 else f"page/{number}/"
