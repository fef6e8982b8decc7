"""A page per entity (/people/NAME/, /places/…, /organisations/…) and an index page per kind."""

from __future__ import annotations

from collections.abc import Iterator

from generator.ingest.entities import KINDS
from generator.link import Archive
from generator.render import Page, Renderer

TITLES = {"people": "People", "places": "Places", "organisations": "Organisations"}


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    for kind in KINDS:
        entities = archive.entities.of_kind(kind)
        yield renderer.page(f"{kind}/index.html", "entities.html", kind=kind, title=TITLES[kind], entities=entities)
        for entity in entities:
            yield renderer.page(entity.url + "index.html", "entity.html", entity=entity, title=TITLES[kind])
