"""Text that carries inline HTML -> safe Markdown. Seed HTML is untrusted.

nh3 (the Rust ammonia sanitiser) first reduces the HTML to a few harmless tags with http(s)
links only; a small html.parser walk then writes those tags as Markdown. Everything else
becomes escaped text, so no raw HTML can reach content/.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3

from generator.ingest.article import Link

_ALLOWED = {"a", "b", "strong", "i", "em", "br", "p", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4"}
_BLOCKS = {"p", "div", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4"}
_EMPHASIS = {"b": "**", "strong": "**", "i": "*", "em": "*"}
# Emphasis nested deeper than this is written as plain text: each level rewrites what it holds,
# and unclosed tags nest as deep as they are many.
_MAX_NESTING = 8
_TAG = re.compile(r"</?([a-zA-Z][\w-]*)[^<>]*>")  # no "<" inside: from each "<a" the search would run to the end
# What a tag may be named: HTML's elements, the sanitiser's and those it must take out. Angle brackets
# around other words are the text's ("<The Palace: Tale of Jang Noksu>", a title as Korean news sets
# it), which as a tag would vanish, attributes and all.
_ELEMENTS = frozenset(nh3.ALLOWED_TAGS) | frozenset("""html head body title meta link base style script noscript template
iframe frame frameset object embed param applet form input button select option optgroup textarea label fieldset
legend output progress meter dialog menu main section address figure picture source track video audio canvas svg
math font marquee blink xmp plaintext listing noembed noframes image slot portal search""".split())
# The backslash first: the later escapes add backslashes of their own.
_ESCAPES = [(char, "\\" + char) for char in "\\`*_[]"] + [("<", "&lt;"), (">", "&gt;")]
# Spaces, not \s: a line start's \s* ran over every later blank line and back, at each one.
_LINE_START = re.compile(r"^([ \t]*)([#>+-]|\d+\.)(?=\s)", re.M)
_LINE_SPACES = re.compile(r"(?<![ \t])[ \t]++(?=\n)|(?<=\n)[ \t]+")  # from the start of a run only


def has_html(text: str) -> bool:
    return any(_is_element(found) for found in _TAG.finditer(text))


def _is_element(tag: re.Match[str]) -> bool:
    return tag[1].lower() in _ELEMENTS


def _text_brackets(html: str) -> str:
    """Angle brackets around words no element is named by, as the text's own characters."""
    return _TAG.sub(lambda tag: tag[0] if _is_element(tag) else tag[0].replace("<", "&lt;").replace(">", "&gt;"), html)


def escape_markdown(text: str) -> str:
    """Make plain text safe to embed in Markdown: no emphasis, links, HTML or block markers.

    Angle brackets become entities: Python-Markdown passes `\\<script>` through as a live tag.
    """
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    for char, escaped in _ESCAPES:  # str.replace runs in C; str.translate into strings steps through every character
        text = text.replace(char, escaped)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def html_to_markdown(html: str) -> tuple[str, list[Link]]:
    safe = nh3.clean(_text_brackets(html), tags=_ALLOWED, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"}, link_rel=None)
    writer = _MarkdownWriter()
    writer.feed(safe)
    writer.close()
    return writer.markdown(), writer.links


class _MarkdownWriter(HTMLParser):
    """Writes Markdown as a list of parts, joined once: adding to one string copied all of it at
    every tag. A link or emphasis starts at a part; its end joins the parts since then."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[Link] = []
        self._href: str | None = None
        self._link_start = 0
        self._emphasis_starts: list[int] = []
        self._too_deep = 0  # emphasis tags open beyond _MAX_NESTING

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS or tag == "br":
            self.parts.append("\n\n" if tag in _BLOCKS else "\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _EMPHASIS and len(self._emphasis_starts) >= _MAX_NESTING:
            self._too_deep += 1
        elif tag in _EMPHASIS:
            self._emphasis_starts.append(len(self.parts))
        elif tag == "a":
            self._href = dict(attrs).get("href")
            self._link_start = len(self.parts)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in _EMPHASIS and self._too_deep:
            self._too_deep -= 1
        elif tag in _EMPHASIS and self._emphasis_starts:
            self._wrap(self._emphasis_starts.pop(), _EMPHASIS[tag])
        elif tag == "a" and self._href:
            label = self._take(self._link_start).strip()
            plain = re.sub(r"[*_\\]", "", label)
            self.links.append(Link(plain, self._href))
            url = self._href.replace(")", "%29").replace(" ", "%20")
            self.parts.append(f"[{label}]({url})" if plain else "")
            self._href = None

    def _take(self, start: int) -> str:
        """The text written since part `start`, taken out of the parts."""
        taken = "".join(self.parts[start:])
        del self.parts[start:]
        starts = self._emphasis_starts  # in order: only the last ones can lie past `start`
        for index in range(len(starts) - 1, -1, -1):
            if starts[index] <= start:
                break
            starts[index] = start
        self._link_start = min(self._link_start, start)
        return taken

    def _wrap(self, start: int, marker: str) -> None:
        """Wrap text since `start` in **bold**, spaces outside the markers (Markdown ignores `** x **`)."""
        inner = self._take(start)
        if inner.strip():
            lead = inner[: len(inner) - len(inner.lstrip())]
            trail = inner[len(inner.rstrip()) :]
            inner = lead + marker + inner.strip() + marker + trail
        self.parts.append(inner)

    def handle_data(self, data: str) -> None:
        self.parts.append(escape_markdown(data))

    def markdown(self) -> str:
        text = _LINE_SPACES.sub("", "".join(self.parts))
        return re.sub(r"\n{3,}", "\n\n", text).strip()
