"""Atom and JSON Feed 1.1 feeds: one for the whole archive, and one per page that lists briefings.

`feed_pages(renderer, title, url, documents)` makes both feeds for any list of briefings; the
feeds sit beside the HTML page at `url` as `feed.xml` and `feed.json`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from itertools import chain
from html import escape
from xml.sax.saxutils import escape as xml_escape

from generator.content.documents import Document
from generator.linking.archive import Archive
from generator.linking.entities import Entity
from generator.render.renderer import Page, Renderer

ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ATOM_FILE, JSON_FILE = "feed.xml", "feed.json"
LIMIT = 50  # newest briefings per feed: readers poll feeds, so they stay small however big the archive
# Characters XML 1.0 forbids (C0 controls but tab, newline and return; U+FFFE, U+FFFF): one in a
# body would make feed.xml not well-formed, and readers drop a feed that is not. Left out of JSON
# Feed too, where they are valid only escaped and mean nothing to a reader.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    yield from _site_feeds(renderer, archive)
    for entity in archive.entities.entities:
        yield from _entity_feeds(renderer, entity)


def changed_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None] | None:
    """After an edit: the site's feeds when an edited briefing is among the newest, and the feeds
    of the entities whose pages show an edited briefing; None when the entities were indexed anew."""
    reach = archive.reach
    assert reach is not None
    if reach.entities is None:
        return None
    reached = reach.entities
    newest_edited = any(d.url in reach.edited for d in archive.briefings[:LIMIT])
    return chain(_site_feeds(renderer, archive) if newest_edited else (),
                 *(_entity_feeds(renderer, entity) for entity in archive.entities.entities if entity.url in reached))


def _site_feeds(renderer: Renderer, archive: Archive) -> list[Page]:
    return feed_pages(renderer, renderer.config.title, "", archive.briefings)


def _entity_feeds(renderer: Renderer, entity: Entity) -> list[Page]:
    # Summaries only: full text would convert each briefing's Markdown once per entity it names.
    return feed_pages(renderer, f"{entity.name} · {renderer.config.title}", entity.url, entity.briefings,
                      full_text=False)


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
    return _plain({"title": title, "description": config.description, "language": config.language,
                   "author": config.title, "home": config.absolute_url(url), "updated": updated,
                   "atom": config.absolute_url(url + ATOM_FILE), "json": config.absolute_url(url + JSON_FILE)})


def _entry(renderer: Renderer, document: Document, full_text: bool) -> dict:
    published = document.date or _file_time(document)
    source = document.meta.get("source", {})
    return _plain({
        "url": renderer.config.absolute_url(document.url),
        "title": document.title,
        "summary": document.summary,
        "html": renderer.body_html(document) if full_text else f"<p>{escape(document.summary)}</p>",
        "published": published,
        "updated": document.meta.get("lastmod") or published,
        "authors": document.authors or ([source["name"]] if source.get("name") else []),
        "tags": document.meta.get("tags", []),
        "original": source.get("url"),
    })


def _plain(values: dict) -> dict:
    """Every text in values (and in their lists) without the characters feeds cannot carry."""
    def plain(value: object) -> object:
        if isinstance(value, str):
            return _NOT_IN_XML.sub("", value)
        return [plain(each) for each in value] if isinstance(value, list) else value
    return {key: plain(value) for key, value in values.items()}


def _file_time(document: Document) -> dt.datetime:
    """An undated briefing is dated by its file: feeds need a date on every entry. A file deleted
    since it was loaded is dated now (the next build drops it): the build goes on."""
    try:
        seconds = document.path.stat().st_mtime
    except OSError:
        seconds = dt.datetime.now(dt.timezone.utc).timestamp()
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).replace(microsecond=0)


def _atom(feed: dict, entries: list[dict]) -> str:
    """Written as text, indented as ElementTree.indent would: ElementTree is slower, and an
    archive has two feeds per entity."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<feed xmlns="{ATOM_NS}" xml:lang={_attribute(feed["language"])}>',
             _element("title", feed["title"], 1)]
    if feed["description"]:
        lines.append(_element("subtitle", feed["description"], 1))
    lines += [_element("id", feed["home"], 1),
              _link("self", "application/atom+xml", feed["atom"], 1), _link("alternate", "text/html", feed["home"], 1),
              _element("updated", feed["updated"].isoformat(), 1), _author(feed["author"], 1)]
    for entry in entries:
        lines += _atom_entry(entry)
    return "\n".join([*lines, "</feed>", ""])


def _atom_entry(entry: dict) -> list[str]:
    lines = ["  <entry>", _element("title", entry["title"], 2), _element("id", entry["url"], 2),
             _link("alternate", "text/html", entry["url"], 2)]
    if entry["original"]:
        lines.append(_link("related", "text/html", entry["original"], 2))
    lines += [_element("published", entry["published"].isoformat(), 2), _element("updated", entry["updated"].isoformat(), 2)]
    lines += [_author(name, 2) for name in entry["authors"]]
    lines += [f"    <category term={_attribute(tag)} />" for tag in entry["tags"]]
    if entry["summary"]:
        lines.append(_element("summary", entry["summary"], 2))
    lines += [_element("content", entry["html"], 2, ' type="html"'), "  </entry>"]
    return lines


def _element(tag: str, text: str, depth: int, attributes: str = "") -> str:
    indent = "  " * depth
    return f"{indent}<{tag}{attributes}>{xml_escape(text)}</{tag}>" if text else f"{indent}<{tag}{attributes} />"


def _link(rel: str, kind: str, href: str, depth: int) -> str:
    return f'{"  " * depth}<link rel="{rel}" type="{kind}" href={_attribute(href)} />'


def _author(name: str, depth: int) -> str:
    indent = "  " * depth
    return f"{indent}<author>\n{_element('name', name, depth + 1)}\n{indent}</author>"


def _attribute(value: str) -> str:
    """A quoted attribute value, escaped as ElementTree escapes one."""
    return '"' + xml_escape(value, _ATTRIBUTE_ESCAPES) + '"'


_ATTRIBUTE_ESCAPES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


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
    return json.dumps(document, ensure_ascii=False) + "\n"  # no indent: json then encodes in C


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
