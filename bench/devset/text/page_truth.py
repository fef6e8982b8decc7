"""A saved page's own metadata, read independently of the generator: title, authors, date, outlet.

JSON-LD first (NewsArticle and kin, `@graph` and `@id` references resolved), then og: and
article: meta tags, then <meta name=author|date>. Kept apart from generator/ingest/page_meta.py
on purpose: the truth must not be made by the code it scores. What a reader finds wrong here is
corrected by hand in corrections.json.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

import lxml.html

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "webpage", "liveblogposting", "backgroundnewsarticle", "report"}


def page_truth(raw: bytes, url: str) -> dict[str, Any]:
    tree = lxml.html.fromstring(_decode(raw))
    article = _json_ld_article(tree)
    meta = _meta_tags(tree)
    title = _text(article.get("headline")) or meta.get("og:title") or meta.get("twitter:title") or _title_tag(tree)
    authors = _authors(article.get("author"), article.get("_graph", {})) or _split_names(meta.get("author") or meta.get("byl", ""))
    date = _text(article.get("datePublished")) or meta.get("article:published_time") or meta.get("date") \
        or meta.get("pubdate") or meta.get("publishdate") or meta.get("dc.date") or ""
    outlet = meta.get("og:site_name") or _publisher(article.get("publisher"), article.get("_graph", {}))
    return {"title": _clean(title), "authors": authors, "date": date[:10] if re.match(r"\d{4}-\d\d-\d\d", date) else None,
            "outlet": _clean(outlet) or None, "url": url}


def _decode(raw: bytes) -> str:
    """The page's declared charset, else UTF-8: lxml alone guesses Latin-1 and garbles titles."""
    declared = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", raw[:4096], re.I)
    try:
        return raw.decode(declared[1].decode() if declared else "utf-8", errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


def _json_ld_article(tree: Any) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except ValueError:
            continue
        items.extend(_flatten(data))
    graph = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}
    ranked = sorted((item for item in items if _types(item) & _ARTICLE_TYPES),
                    key=lambda item: ("webpage" in _types(item), not item.get("headline")))
    return {**ranked[0], "_graph": graph} if ranked else {}


def _flatten(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [item for part in data for item in _flatten(part)]
    if isinstance(data, dict):
        return [data, *_flatten(data.get("@graph", []))]
    return []


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type", [])
    return {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}


def _authors(value: Any, graph: dict[str, Any]) -> list[str]:
    names: list[str] = []
    for author in value if isinstance(value, list) else [value] if value else []:
        if isinstance(author, dict) and "name" not in author and isinstance(author.get("@id"), str):
            author = graph.get(author["@id"], {})
        name = author.get("name") if isinstance(author, dict) else author
        names.extend(_split_names(_text(name)))
    return list(dict.fromkeys(names))


def _publisher(value: Any, graph: dict[str, Any]) -> str:
    value = value[0] if isinstance(value, list) and value else value
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        value = graph.get(value["@id"], {})
    return _text(value.get("name")) if isinstance(value, dict) else _text(value)


def _split_names(text: str) -> list[str]:
    text = re.sub(r"^\s*by\s+", "", text or "", flags=re.I)
    return [name.strip() for name in re.split(r",\s*|\s+and\s+|\s*;\s*|\s*&\s*", text)
            if name.strip() and not name.strip().startswith("http")]


def _meta_tags(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and key not in found and meta.get("content").strip():
            found[key] = meta.get("content").strip()
    return found


def _title_tag(tree: Any) -> str:
    titles = tree.xpath("//title")
    return titles[0].text_content() if titles else ""


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""


def _clean(text: str | None) -> str:
    return " ".join(html.unescape(text or "").split())
