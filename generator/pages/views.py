"""Briefings as list pages show them (entity pages, archives, the timeline, the home page): plain
values, so such a page is rendered again when what it shows of a briefing changes (its title,
date, source, summary), not whenever its body does. A Document is fingerprinted by its hash, so a
page given Documents is rendered again on any edit, and the timeline alone shows every briefing."""

from __future__ import annotations

from typing import Any

from generator.content.documents import Document
from generator.linking.archive import Archive

SHOWN_META = ("source", "date_inference")  # what the dateline and the source line read of meta


def briefing_item(document: Document) -> dict[str, Any]:
    return {"title": document.title, "url": document.url, "date": document.date,
            "date_inferred": document.date_inferred, "summary": document.summary,
            "meta": {key: document.meta[key] for key in SHOWN_META if key in document.meta}}



def lists_reached(archive: Archive) -> bool:
    """Whether a list of briefings may read differently since the last build: not when only
    briefings' bodies were edited (their items as before), all else as it was."""
    if archive.reach is None or archive.reach.figures:  # the timeline shows each briefing's first figures
        return True
    return any(briefing_item(old) != briefing_item(now) for old, now in edited(archive))


def edited(archive: Archive) -> list[tuple[Document, Document]]:
    """After an edit (archive.reach set), each edited briefing as the last build had it and as it is now."""
    assert archive.reach is not None
    return [(old, archive.reach.now[url]) for url, old in archive.reach.edited.items()]
