"""Year and month archive pages (/2022/, /2022/03/), newest first, and the timeline of the archive
(/timeline/), oldest first: each in pages of `paginate_compact` briefings (/2022/page/2/, …),
headed by year and month. A briefing added last in time (the usual one) then changes the last of
the timeline's pages, not all of them."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from generator.content.documents import Document
from generator.linking.archive import Archive
from generator.linking.figures import Claim
from generator.linking.timeline import Month, Year
from generator.pages.pager import paginate
from generator.pages.views import briefing_item, lists_reached
from generator.render.renderer import Page, Renderer

Entry = tuple[Year, Month, int, Document]  # the int: the briefing's place in its month as listed, from 1


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    for year in archive.years:
        heading = {"year": year.year, "url": year.url}  # all a month's page shows of its year
        in_year = [(year, month, place, document) for month in year.months
                   for place, document in enumerate(month.briefings, start=1)]
        yield from _pages(renderer, "archive.html", in_year, year.url, briefing_item, counted=True,
                          year=dict(heading, count=year.count), month=None)
        for month in year.months:
            shown = {"title": month.title, "url": month.url, "count": len(month.briefings)}
            in_month = [(year, month, place, document) for place, document in enumerate(month.briefings, start=1)]
            yield from _pages(renderer, "archive.html", in_month, month.url, briefing_item, year=heading, month=shown)
    oldest_first = [(year, month, place, document) for year in reversed(archive.years) for month in reversed(year.months)
                    for place, document in enumerate(reversed(month.briefings), start=1)]

    @functools.cache
    def figures() -> dict[str, list[str]]:  # worked out once for all the timeline's pages
        return {url: [_claim_text(claim) for claim, _ in claims[:2]] for url, claims in archive.claims.items()}
    yield from _pages(renderer, "timeline.html", oldest_first, "timeline/",
                      lambda document: dict(briefing_item(document), figures=figures().get(document.url, [])))


def changed_pages(renderer: Renderer, archive: Archive) -> list[Page | None] | None:
    """After an edit: none, when the briefings' items read as before; else None (all made)."""
    return None if lists_reached(archive) else []


def _pages(renderer: Renderer, template: str, entries: Sequence[Entry], base: str,
           item: Callable[[Document], dict[str, Any]], counted: bool = False, **context: Any) -> Iterator[Page | None]:
    for chunk, pager in paginate(entries, renderer.config.paginate_compact, base):
        path = pager["url"] + "index.html"
        if renderer.owns(path):  # views are made only for this process's pages
            yield renderer.page(path, template, years=_grouped(chunk, item, counted), pager=pager, **context)


def _grouped(entries: Sequence[Entry], item: Callable[[Document], dict[str, Any]], counted: bool) -> list[dict[str, Any]]:
    """Entries in the order shown -> their years, each with its months, each with its briefings'
    items and the place of the first in the month; with `counted`, the month's count too (only a
    year's pages show it: elsewhere it would make a page again for a briefing it does not list)."""
    years: list[dict[str, Any]] = []
    for year, month, place, document in entries:
        if not years or years[-1]["url"] != year.url:
            years.append({"year": year.year, "url": year.url, "months": []})
        months = years[-1]["months"]
        if not months or months[-1]["url"] != month.url:
            months.append({"title": month.title, "url": month.url, "start": place, "briefings": [],
                           **({"count": len(month.briefings)} if counted else {})})
        months[-1]["briefings"].append(item(document))
    return years


def _claim_text(claim: Claim) -> str:
    """A claim in a line of the timeline, naming who makes it: two briefings' counts of the same thing differ by claimant."""
    return f"{claim.number} {claim.what}, according to {claim.claimant}" if claim.claimant else f"{claim.number} {claim.what}"
