"""Small helpers for the Markdown text that ingest produces."""

from __future__ import annotations

import html
import re

# From an unescaped "[", with no other "[" in the text or address: from each "[" of many (nested, or
# escaped ones in a seed's text) a search would otherwise run to the end of the text.
_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\[\]\\])*)\]\([^)\s\[]*\)")
_EMPHASIS = re.compile(r"(?<!\\)(\*\*|\*|__)")
_ESCAPE = re.compile(r"\\(.)")


def plain(markdown: str) -> str:
    """Markdown inline text -> plain text: links become their text, escapes and emphasis go."""
    text = _LINK.sub(r"\1", markdown) if "[" in markdown else markdown  # the pattern's look-behind is tried at every character
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return html.unescape(text).strip()
