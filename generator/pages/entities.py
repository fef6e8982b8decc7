"""A page per entity (/people/NAME/, /places/…, /organisations/…) and an index page per kind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.ingest.entities import KINDS
from generator.link import Archive
from generator.linking.entities import Entity
from generator.pages.views import briefing_item
from generator.render import Page, Renderer

TITLES = {"people": "People", "places": "Places", "organisations": "Organisations"}


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    for kind in KINDS:
        entities = archive.entities.of_kind(kind)
        listed = [{"name": e.name, "url": e.url, "count": e.count, "aliases": e.aliases} for e in entities]
        yield renderer.page(f"{kind}/index.html", "entities.html", kind=kind, title=TITLES[kind], entities=listed)
        for entity in entities:
            path = entity.url + "index.html"
            if renderer.owns(path):  # views are made only for this process's pages
                yield renderer.page(path, "entity.html", entity=entity_view(entity), title=TITLES[kind])


def entity_view(entity: Entity) -> dict[str, Any]:
    """What the entity's page shows, as plain values: its companions by name and URL only, so the
    page is rendered again when what it shows changes, not whenever any companion's page does."""
    return {"kind": entity.kind, "name": entity.name, "url": entity.url, "aliases": entity.aliases,
            "count": entity.count, "briefings": [briefing_item(d) for d in entity.briefings],
            "quotes": [(quote, {"title": d.title, "url": d.url}) for quote, d in entity.quotes],
            "companions": [({"name": other.name, "url": other.url}, count) for other, count in entity.companions]}
