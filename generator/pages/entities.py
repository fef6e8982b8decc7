"""A page per entity (/people/NAME/, /places/…, /organisations/…), its briefings newest first in pages of
`paginate_compact` (/people/NAME/page/2/, …), and an index page per kind."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any

from generator.content.documents import Document
from generator.text.entities import KINDS
from generator.linking.archive import Archive
from generator.linking.entities import Entity
from generator.pages.pager import paginate
from generator.pages.views import briefing_item
from generator.render.renderer import Page, Renderer

TITLES = {"people": "People", "places": "Places", "organisations": "Organisations"}
SINGULAR = {"people": "Person", "places": "Place", "organisations": "Organisation"}  # what a search result says it is


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    for kind in KINDS:
        entities = archive.entities.of_kind(kind)
        yield renderer.page(
            f"{kind}/index.html", "entities.html", kind=kind, title=TITLES[kind],
            entities=[{"name": e.name, "url": e.url, "count": e.count, "aliases": e.aliases} for e in entities])
        for entity in entities:
            yield from entity_pages(renderer, entity)


def changed_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None] | None:
    """After an edit: the pages of the entities whose pages show an edited briefing, when the
    entities are as before (the same ones, named alike, as often: the index pages read as they
    did); None when they were indexed anew."""
    reach = archive.reach
    assert reach is not None
    if reach.entities is None:
        return None
    reached = reach.entities
    return chain.from_iterable(entity_pages(renderer, entity) for entity in archive.entities.entities
                               if entity.url in reached)


def entity_pages(renderer: Renderer, entity: Entity) -> Iterator[Page | None]:
    for briefings, pager in paginate(entity.briefings, renderer.config.paginate_compact, entity.url):
        path = pager["url"] + "index.html"
        if renderer.owns(path):  # views are made only for this process's pages
            yield renderer.page(path, "entity.html", entity=entity_view(entity, briefings, pager["number"] == 1),
                                pager=pager, title=TITLES[entity.kind], singular=SINGULAR[entity.kind])


def entity_view(entity: Entity, briefings: Sequence[Document], first: bool) -> dict[str, Any]:
    """What one of the entity's pages shows, as plain values: `briefings`, its share of the list;
    the quotes and the companions on the first page only. Companions by name and URL only, so
    the page is rendered again when what it shows changes, not whenever a companion's page does."""
    return {"kind": entity.kind, "name": entity.name, "url": entity.url, "aliases": entity.aliases,
            "written": written(entity), "count": entity.count, "briefings": [briefing_item(d) for d in briefings],
            "quotes": [(quote, {"title": d.title, "url": d.url}) for quote, d in entity.quotes] if first else [],
            "companions": [({"name": other.name, "url": other.url}, count)
                           for other, count in entity.companions] if first else []}


WRITTEN_SAMPLE = 200  # the newest briefings naming an entity that are read for the spellings they use
# A linked archive's entities only, each with the briefings read: an entity kept from the last
# archive (generator/linking/reach.py) has an edited briefing put in place of the one read.
_WRITTEN: weakref.WeakKeyDictionary[Entity, tuple[list[Document], list[str]]] = weakref.WeakKeyDictionary()


def written(entity: Entity) -> list[str]:
    """The entity's other spellings that its briefings use, for "Also written": those its names
    were extracted as, and those of site.yaml's `entities.aliases` found as words in its newest
    briefings' text (the extracted names are already the canonical ones: "Odessa" comes as Odesa).
    A spelling no briefing uses is still searched, but not shown. Worked out once per entity in
    each process, however many pages its list takes."""
    sample = entity.briefings[:WRITTEN_SAMPLE]
    known = _WRITTEN.get(entity)
    if known and len(known[0]) == len(sample) and all(a is b for a, b in zip(known[0], sample)):
        return known[1]
    found = list(entity.written)
    for alias in entity.aliases:
        if alias in found:
            continue
        word = re.compile(rb"(?<!\w)" + re.escape(alias.encode()) + rb"(?!\w)")
        if any(word.search(document.body_utf8) or word.search(document.title.encode())
               for document in sample):
            found.append(alias)
    _WRITTEN[entity] = (sample, sorted(found))
    return _WRITTEN[entity][1]
