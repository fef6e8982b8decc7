"""A page per briefing, and Hugo-style alias pages that redirect old URLs to it."""

from __future__ import annotations

from collections.abc import Iterator

from generator.content import Document
from generator.link import Archive
from generator.render import Page, Renderer


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    for document in archive.briefings:
        yield briefing_page(renderer, document)
        yield from alias_pages(renderer, document)


def briefing_page(renderer: Renderer, document: Document) -> Page | None:
    layout = document.meta.get("layout", "briefing")
    return renderer.page(document.url + "index.html", f"{layout}.html", document.path,
                         page=document, content=renderer.body_html(document))


def alias_pages(renderer: Renderer, document: Document) -> Iterator[Page | None]:
    target = renderer.config.url(document.url)
    for alias in document.meta.get("aliases", []):
        path = alias.strip("/")
        path = path if path.endswith(".html") else f"{path}/index.html".lstrip("/")
        yield renderer.page(path, "redirect.html", document.path, target=target)
