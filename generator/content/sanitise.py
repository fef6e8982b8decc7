"""What reaches a page from what editors write: links limited to http(s), mailto and relative URLs,
and body HTML limited to an allow-list (nh3, Rust's ammonia), unless site.yaml's `unsafe_html`
says the site's authors are trusted with raw HTML.

Briefings are written by hand, by ingest from untrusted seeds, or copied from elsewhere; a
`<script>`, an `onerror=` or a `javascript:` link in one would run in every reader's browser and
in feed readers. The page, the Atom feed and JSON Feed all get the same sanitised HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import nh3

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]")  # browsers drop these from a URL before reading its scheme

# What Python-Markdown and its bundled extensions (extra, toc, sane_lists...) make, and the
# harmless rest of HTML's text-level elements an editor may write.
_TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
         "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
         "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary",
         "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var"}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},  # ids: the table of contents' and footnotes' anchors
    "a": {"href"}, "img": {"src", "alt", "width", "height"}, "ol": {"start", "type"},
    "td": {"colspan", "rowspan", "style"}, "th": {"colspan", "rowspan", "style"},  # tables' text-align
    "blockquote": {"cite"}, "q": {"cite"}, "time": {"datetime"}, "abbr": {"title"},
}
_CLEANER = nh3.Cleaner(tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=set(ALLOWED_SCHEMES), link_rel=None,
                       filter_style_properties={"text-align"})

# The fast way: Markdown escapes every `<` and `&` of text it does not treat as HTML, so from a
# body with no `<` (raw HTML, autolinks) and no `{` (attribute lists) it makes only its own tags
# and attributes, and only their URLs can be unsafe. Those URLs, as written in its output, are
# safe when they have an allowed scheme or none, and no character or entity a browser would read
# differently (`&#106;avascript:`, `java\tscript:`); anything else goes through the cleaner.
_URL_ATTRIBUTES = ('href="', 'src="')  # every such attribute Markdown writes: no other quoting, no other URL attribute
_UNPLAIN = re.compile(r"[\x00-\x20\x7f\\]|&(?!amp;)")


def allowed_url(url: str) -> bool:
    """Whether a URL has an allowed scheme, or none (a relative URL), as a browser reads it."""
    plain = _IGNORED_BY_BROWSERS.sub("", html.unescape(url))
    found = _SCHEME.match(plain)
    return found is None or found[1].lower() in ALLOWED_SCHEMES


def safe_body(body_html: str, source: str) -> str:
    """The HTML Markdown made from `source`, limited to the allow-list and allowed URLs."""
    if "<" not in source and "{" not in source and all(map(_plain_url, _url_values(body_html))):
        return body_html
    return _CLEANER.clean(body_html)


def _plain_url(url: str) -> bool:
    """An allowed scheme or none, and nothing a browser would read differently from the text."""
    if _UNPLAIN.search(url):
        return False
    head = url.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]  # a scheme ends before any of these
    return ":" not in head or head.split(":", 1)[0].lower() in ALLOWED_SCHEMES


def _url_values(body_html: str) -> Iterator[str]:
    """The value of every href and src (and of any text that reads like one: the test is then
    only stricter), found with str.find: a regex took most of the time of the fast way."""
    for attribute in _URL_ATTRIBUTES:
        start = body_html.find(attribute)
        while start != -1:
            start += len(attribute)
            end = body_html.find('"', start)
            yield body_html[start:end if end != -1 else len(body_html)]
            start = body_html.find(attribute, start)
