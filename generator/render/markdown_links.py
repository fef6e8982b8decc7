"""A Python-Markdown extension: links between briefings, written by file path or URL, become site URLs.

Editors link to another briefing the way their editor shows it: `[x](other-story.md)`,
`[x](../briefings/other-story.md)` (relative to the file), `[x](/briefings/other-story/)` (relative to
the site) or `[x](other-story)` (a slug). On a site published under a subpath these would break, so
each is rewritten to the briefing's URL under the base path; so is any other root-relative link or
image (`/static/map.png`), since an editor cannot know the base path. Anything else is left alone.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from generator.content.documents import Document


class BriefingLinks(Extension):
    """Set `current` to the document being converted; `targets` to every linkable document.
    `on_resolve` is told each link a conversion met and what it resolved to (None: left alone),
    all that a body's HTML depends on besides its text."""

    def __init__(self, url: Callable[[str], str], targets: Iterable[Document] = (),
                 on_resolve: Callable[[str, str | None], None] | None = None) -> None:
        super().__init__()
        self.url = url
        self.current: Document | None = None
        self.on_resolve = on_resolve
        self.set_targets(targets)

    def set_targets(self, documents: Iterable[Document]) -> None:
        self.targets = Targets.of(documents)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_LinkRewriter(md, self), "briefing_links", 1)

    def resolve(self, href: str) -> str | None:
        """The site URL for a link to a briefing, or None when it is not one."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        target = self._target(unquote(parts.path))
        if target is None:
            return None
        return self.url(target) + (f"#{parts.fragment}" if parts.fragment else "")

    def _target(self, path: str) -> str | None:
        if path.startswith("/"):
            site_path = path.lstrip("/")
            return site_path + "/" if site_path + "/" in self.targets.urls else site_path
        if path.endswith(".md"):
            folder = posixpath.dirname(self.current.source_path) if self.current else ""
            return self.targets.by_source.get(posixpath.normpath(posixpath.join(folder, path)))
        return self.targets.by_slug.get(path.strip("/")) if "/" not in path.strip("/") else None


@dataclass(frozen=True)
class Targets:
    """The briefings links can point at, by file path, URL and slug (a slug two briefings share is none's)."""

    by_source: dict[str, str]
    urls: set[str]
    by_slug: dict[str, str]

    @classmethod
    def of(cls, documents: Iterable[Document]) -> Targets:
        documents = list(documents)
        slugs: dict[str, list[str]] = {}
        for d in documents:
            slugs.setdefault(d.url.rstrip("/").rsplit("/", 1)[-1], []).append(d.url)
        return cls({d.source_path: d.url for d in documents}, {d.url for d in documents},
                   {slug: urls[0] for slug, urls in slugs.items() if len(urls) == 1})


class _LinkRewriter(Treeprocessor):
    def __init__(self, md: Markdown, links: BriefingLinks) -> None:
        super().__init__(md)
        self.links = links

    def run(self, root: Element) -> None:
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            if attribute is None:
                continue
            href = element.get(attribute, "")
            resolved = self.links.resolve(href)
            if self.links.on_resolve is not None:
                self.links.on_resolve(href, resolved)
            if resolved is not None:
                element.set(attribute, resolved)
