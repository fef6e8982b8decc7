"""A Python-Markdown extension: curly quotes, dashes and ellipses, as SmartyPants writes them.

Python-Markdown's own `smarty` does this with ten inline patterns that run over every text node
and make converting a briefing much slower. This does it in one
pass of regular expressions over the finished HTML, between tags, leaving code, preformatted
text, scripts and styles alone. `generator.typography` in site.yaml `markdown_extensions`.
"""

from __future__ import annotations

import functools
import html
import re

from markdown import Extension, Markdown
from markupsafe import Markup
from markdown.postprocessors import Postprocessor

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|<!--.*?-->", re.DOTALL)
_LITERAL = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "math"}
_INLINE = {"a", "abbr", "b", "cite", "em", "i", "mark", "q", "small", "span", "strong", "sub", "sup", "u"}
# A quote opens after the start of the text, a space, an opening bracket or a dash; else it closes.
_OPENS_AFTER = set(" \t\n([{-\u2013\u2014") | {""}
_QUOTES = {'"': ("&ldquo;", "&rdquo;"), "'": ("&lsquo;", "&rsquo;")}
_QUOTE = re.compile(r"[\"']")
_DECADE = re.compile(r"\d\ds")


def smarten_plain(text: object) -> Markup:
    """Plain text (a title, a summary, a key point) as HTML with the curly quotes, dashes and
    ellipses bodies get: the templates' `typography` filter. For text content, not attributes.
    Text already marked safe (Markup) is HTML: it is not escaped again."""
    if isinstance(text, Markup):
        return Markup(smarten(str(text)))
    return _smarten_plain(str(text))


@functools.lru_cache(maxsize=16384)  # a title is shown on many list pages: the home page, archives, entities, tags
def _smarten_plain(text: str) -> Markup:
    return Markup(_smarten_text(html.escape(text, quote=False), ""))  # escaped text has no tags: the text pass only


def smarten(html: str) -> str:
    out: list[str] = []
    literal: list[str] = []
    before = ""  # the last character of text seen, across tags: `<em>"x</em>"`
    position = 0
    for tag in _TAG.finditer(html):
        text = html[position:tag.start()]
        out.append(text if literal else _smarten_text(text, before))
        closing, name = tag.group(1), (tag.group(2) or "").lower()
        before = (text[-1:] or before) if name in _INLINE else ""  # a new block starts afresh
        if name in _LITERAL:
            if not closing:
                literal.append(name)
            elif name in literal:
                literal.remove(name)
        out.append(tag.group(0))
        position = tag.end()
    text = html[position:]
    out.append(text if literal else _smarten_text(text, before))
    return "".join(out)


def _smarten_text(text: str, before: str) -> str:
    if "--" in text:  # tested first: most text has no dash, ellipsis or quote, and a test costs less than a sub
        text = text.replace("---", "&mdash;").replace("--", "&ndash;")
    if "..." in text:
        text = text.replace("...", "&hellip;")
    if "'" not in text and '"' not in text:
        return text

    def quote(match: re.Match[str]) -> str:
        start = match.start()
        previous = text[start - 1] if start else before
        opening, closing = _QUOTES[match.group(0)]
        following = text[start + 1:start + 4]
        if _DECADE.match(following):  # the '90s: an apostrophe
            return closing
        return opening if previous in _OPENS_AFTER and following[:1].strip() else closing

    return _QUOTE.sub(quote, text)


class _Typography(Postprocessor):
    def run(self, text: str) -> str:
        return smarten(text)


class TypographyExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.postprocessors.register(_Typography(md), "typography", 5)  # after raw HTML is put back


def makeExtension(**kwargs: object) -> TypographyExtension:  # noqa: N802 (how Python-Markdown loads it)
    return TypographyExtension(**kwargs)
