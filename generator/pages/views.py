"""Briefings as list pages show them (entity pages, archives, the timeline, the home page): plain
values, so such a page is rendered again when what it shows of a briefing changes (its title,
date, source, summary), not whenever its body does. A Document is fingerprinted by its hash, so a
page given Documents is rendered again on any edit: the timeline alone took a second at 10,000."""

from __future__ import annotations

from typing import Any

from generator.content import Document
from generator.linking.timeline import Year

SHOWN_META = ("source", "date_inference")  # what the dateline and the source line read of meta


def briefing_item(document: Document) -> dict[str, Any]:
    return {"title": document.title, "url": document.url, "date": document.date,
            "date_inferred": document.date_inferred, "summary": document.summary,
            "meta": {key: document.meta[key] for key in SHOWN_META if key in document.meta}}


def year_view(year: Year) -> dict[str, Any]:
    months = [{"title": m.title, "url": m.url, "briefings": [briefing_item(d) for d in m.briefings]}
              for m in year.months]
    return {"year": year.year, "url": year.url, "count": year.count, "months": months}
