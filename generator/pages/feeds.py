"""Atom and JSON Feed 1.1 feeds: one for the whole archive, and one per page that lists briefings.

`feed_pages(renderer, title, url, documents)` makes both feeds for any list of briefings; the
feeds sit beside the HTML page at `url` as `feed.xml` and `feed.json`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from html import escape
from xml.etree import ElementTree as ET

from generator.content import Document
from generator.link import Archive
from generator.render import Page, Renderer

ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ATOM_FILE, JSON_FILE = "feed.xml", "feed.json"
LIMIT = 50  # newest briefings per feed: readers poll feeds, so they stay small however big the archive


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    yield from feed_pages(renderer, renderer.config.title, "", archive.briefings)
    for entity in archive.entities.entities:
        # Summaries only: full text would convert each briefing's Markdown once per entity it names.
        yield from feed_pages(renderer, f"{entity.name} · {renderer.config.title}", entity.url, entity.briefings, full_text=False)


def feed_pages(renderer: Renderer, title: str, url: str, documents: list[Document], full_text: bool = True) -> list[Page]:
    """Atom and JSON feeds of the newest `documents` for the page at site-relative `url`."""
    newest = documents[:LIMIT]
    made: dict[str, tuple[dict, list[dict]]] = {}

    def feed() -> tuple[dict, list[dict]]:  # made once, for whichever of the two files is made first
        if not made:
            entries = [_entry(renderer, d, full_text) for d in newest]
            made["feed"] = (_feed(renderer, title, url, entries), entries)
        return made["feed"]

    bodies = [renderer.body_html(d) for d in newest] if full_text else []  # they depend on links' targets too
    inputs = (title, url, [_shown(d) for d in newest], bodies, [_file_time(d) for d in newest if d.date is None])
    pages = [renderer.made(url + ATOM_FILE, lambda: _atom(*feed()), inputs),
             renderer.made(url + JSON_FILE, lambda: _json_feed(*feed()), inputs)]
    return [page for page in pages if page is not None]


def _shown(document: Document) -> tuple:
    """What an entry shows of a briefing besides its body: a summary feed is made again when this
    changes, not whenever the body does."""
    meta = document.meta
    return (document.title, document.url, document.summary, document.date, document.authors,
            meta.get("lastmod"), meta.get("tags"), meta.get("source"))


def _feed(renderer: Renderer, title: str, url: str, entries: list[dict]) -> dict:
    config = renderer.config
    updated = max((e["updated"] for e in entries), default=dt.datetime.now(dt.timezone.utc))
    return {"title": title, "description": config.description, "language": config.language,
            "author": config.title, "home": config.absolute_url(url), "updated": updated,
            "atom": config.absolute_url(url + ATOM_FILE), "json": config.absolute_url(url + JSON_FILE)}


def _entry(renderer: Renderer, document: Document, full_text: bool) -> dict:
    published = document.date or _file_time(document)
    source = document.meta.get("source", {})
    return {
        "url": renderer.config.absolute_url(document.url),
        "title": document.title,
        "summary": document.summary,
        "html": renderer.body_html(document) if full_text else f"<p>{escape(document.summary)}</p>",
        "published": published,
        "updated": document.meta.get("lastmod") or published,
        "authors": document.authors or ([source["name"]] if source.get("name") else []),
        "tags": document.meta.get("tags", []),
        "original": source.get("url"),
    }


def _file_time(document: Document) -> dt.datetime:
    """An undated briefing is dated by its file: feeds need a date on every entry."""
    return dt.datetime.fromtimestamp(document.path.stat().st_mtime, dt.timezone.utc).replace(microsecond=0)


def _atom(feed: dict, entries: list[dict]) -> str:
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": feed["language"]})
    _text(root, "title", feed["title"])
    if feed["description"]:
        _text(root, "subtitle", feed["description"])
    _text(root, "id", feed["home"])
    ET.SubElement(root, "link", rel="self", type="application/atom+xml", href=feed["atom"])
    ET.SubElement(root, "link", rel="alternate", type="text/html", href=feed["home"])
    _text(root, "updated", feed["updated"].isoformat())
    _text(ET.SubElement(root, "author"), "name", feed["author"])
    for entry in entries:
        _atom_entry(ET.SubElement(root, "entry"), entry)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _atom_entry(element: ET.Element, entry: dict) -> None:
    _text(element, "title", entry["title"])
    _text(element, "id", entry["url"])
    ET.SubElement(element, "link", rel="alternate", type="text/html", href=entry["url"])
    if entry["original"]:
        ET.SubElement(element, "link", rel="related", type="text/html", href=entry["original"])
    _text(element, "published", entry["published"].isoformat())
    _text(element, "updated", entry["updated"].isoformat())
    for name in entry["authors"]:
        _text(ET.SubElement(element, "author"), "name", name)
    for tag in entry["tags"]:
        ET.SubElement(element, "category", term=tag)
    if entry["summary"]:
        _text(element, "summary", entry["summary"])
    _text(element, "content", entry["html"]).set("type", "html")


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _json_feed(feed: dict, entries: list[dict]) -> str:
    document = {
        "version": JSON_FEED_VERSION,
        "title": feed["title"],
        "home_page_url": feed["home"],
        "feed_url": feed["json"],
        "description": feed["description"],
        "language": feed["language"],
        "authors": [{"name": feed["author"]}],
        "items": [_json_item(entry) for entry in entries],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _json_item(entry: dict) -> dict:
    item = {
        "id": entry["url"],
        "url": entry["url"],
        "title": entry["title"],
        "content_html": entry["html"],
        "summary": entry["summary"],
        "date_published": entry["published"].isoformat(),
        "date_modified": entry["updated"].isoformat(),
        "authors": [{"name": name} for name in entry["authors"]],
        "tags": entry["tags"],
        "external_url": entry["original"],
    }
    return {key: value for key, value in item.items() if value}
