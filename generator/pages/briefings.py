"""A page per briefing, and Hugo-style alias pages that redirect old URLs to it."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from generator.content.documents import Document
from generator.content.fingerprint import Deferred
from generator.linking.archive import Archive
from generator.linking.mentions import link_first_mentions, mention_targets
from generator.pages.views import edited
from generator.render.renderer import Page, Renderer


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    for document in archive.briefings:
        yield briefing_page(renderer, document, archive)
        yield from alias_pages(renderer, document)


def changed_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None] | None:
    """After an edit: the pages of the briefings whose page may show something new (the edited
    ones, and those whose related list changed), each with its aliases' pages; None when the
    edited briefings' aliases changed, which may give an alias to another briefing or none."""
    reach = archive.reach
    assert reach is not None
    if reach.briefings is None or any(old.meta.get("aliases") != now.meta.get("aliases")
                                      for old, now in edited(archive)):
        return None
    reached = [document for document in archive.briefings if document.url in reach.briefings]
    return chain.from_iterable(chain((briefing_page(renderer, document, archive),), alias_pages(renderer, document))
                               for document in reached)


def page_path(document: Document) -> str:
    return document.url + "index.html"


def briefing_page(renderer: Renderer, document: Document, archive: Archive) -> Page | None:
    path = page_path(document)
    if not renderer.owns(path):
        return None
    layout = document.meta.get("layout", "briefing")
    targets = mention_targets(archive.entities_of(document), renderer.config.url)
    content = Deferred((document, renderer.links_key(document), targets),
                       lambda: link_first_mentions(renderer.body_html(document), targets))
    return renderer.page(path, f"{layout}.html", document.path,
                         page=document, content=content, links=archive.crosslinks(document))


def alias_pages(renderer: Renderer, document: Document) -> Iterator[Page | None]:
    for path in _alias_paths(document):
        yield _alias_page(renderer, document, path)


def _alias_paths(document: Document) -> Iterator[str]:
    for alias in document.meta.get("aliases", []):
        path = alias.strip("/")
        yield path if path.endswith(".html") else f"{path}/index.html".lstrip("/")


def _alias_page(renderer: Renderer, document: Document, path: str) -> Page | None:
    return renderer.page(path, "redirect.html", document.path, target=renderer.config.url(document.url))
