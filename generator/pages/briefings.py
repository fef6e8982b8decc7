"""A page per briefing, and Hugo-style alias pages that redirect old URLs to it."""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.documents import Document
from generator.content.fingerprint import Deferred
from generator.linking.archive import Archive
from generator.linking.mentions import link_first_mentions, mention_targets
from generator.render.renderer import Page, Renderer


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    for document in archive.briefings:
        yield briefing_page(renderer, document, archive)
        yield from alias_pages(renderer, document)


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
    target = renderer.config.url(document.url)
    for alias in document.meta.get("aliases", []):
        path = alias.strip("/")
        path = path if path.endswith(".html") else f"{path}/index.html".lstrip("/")
        yield renderer.page(path, "redirect.html", document.path, target=target)
