"""The files a host and crawlers look for: 404.html, robots.txt, CNAME and sitemap.xml.

The sitemap lists every page made, so it is built last from the other pages (see pages/__init__.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from xml.sax.saxutils import escape

from generator.config.settings import Config
from generator.utils.files import files_under
from generator.content.documents import Document
from generator.linking.archive import Archive
from generator.pages.views import edited
from generator.render.renderer import Page, Renderer

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP = "sitemap.xml"
STATIC = "static"  # output.STATIC_FOLDER: the assets in layouts/static/, copied as they are


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    config = renderer.config
    yield renderer.page("404.html", "404.html")
    if renderer.owns(STATIC):  # one worker reports the static files not copied, with the layouts' other problems
        files_under(config.layouts_dir / STATIC, refused=renderer.problems)
    yield Page("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {config.absolute_url(SITEMAP)}\n")
    if config.cname:
        yield Page("CNAME", config.cname.strip() + "\n")


def sitemap_page(renderer: Renderer, pages: list[Page], archive: Archive) -> Page | None:
    """Every HTML page but those marked noindex, with the last change of the briefing it shows.
    Made again only when what it lists changed (renderer.made), which an edit to a briefing's body
    leaves as it was. Written as text: ElementTree is slower."""
    changed = {str(d.path): _last_change(d) for d in archive.briefings}
    listed = [(page.path, changed.get(str(page.source), "") if page.source else "")
              for page in pages if page.path.endswith(".html") and not page.noindex]
    listed.sort(key=lambda entry: entry[0])
    return renderer.made(SITEMAP, lambda: _sitemap(renderer.config, listed), listed)


def sitemap_reached(archive: Archive) -> bool:
    """Whether the sitemap may list the last build's pages otherwise: not after an edit that left
    every edited briefing's last change as it was (the pages listed being the same)."""
    return archive.reach is None or any(_last_change(old) != _last_change(now) for old, now in edited(archive))


def _last_change(document: Document) -> str:
    return _day(document.meta.get("lastmod") or document.date)


def _day(when: dt.datetime | None) -> str:
    return when.date().isoformat() if when else ""


def _sitemap(config: Config, listed: list[tuple[str, str]]) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    for path, day in listed:
        lines += ["  <url>", f"    <loc>{escape(config.absolute_url(path.removesuffix('index.html')))}</loc>"]
        if day:
            lines.append(f"    <lastmod>{day}</lastmod>")
        lines.append("  </url>")
    return "\n".join([*lines, "</urlset>", ""])
