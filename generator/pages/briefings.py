"""A page per briefing, and Hugo-style alias pages that redirect old URLs to it."""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.documents import Document
from generator.content.fingerprint import Deferred
from generator.linking.archive import Archive
from generator.linking.mentions import link_first_mentions, mention_targets
from generator.render.renderer import Page, Renderer


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    reach = archive.reach
    for document in archive.briefings:
        if reach is None or reach.briefing(document.url):
            yield briefing_page(renderer, document, archive)
            yield from alias_pages(renderer, document)
        else:  # nothing it shows changed: as the last build made it
            yield renderer.carried(page_path(document), document.path) or briefing_page(renderer, document, archive)
            for path in _alias_paths(document):
                yield renderer.carried(path, document.path) or _alias_page(renderer, document, path)


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
