"""Small helpers for the Markdown text that ingest produces."""

from __future__ import annotations

import html
import re

_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)")


def plain(markdown: str) -> str:
    """Markdown inline text -> plain text: links become their text, escapes and emphasis go."""
    text = _LINK.sub(r"\1", markdown)
    text = re.sub(r"(?<!\\)(\*\*|\*|__)", "", text)
    return html.unescape(re.sub(r"\\(.)", r"\1", text)).strip()
