"""Small helpers for the Markdown text that ingest produces."""

from __future__ import annotations

import re

_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)")


def plain(markdown: str) -> str:
    """Markdown inline text -> plain text: links become their text, escapes and emphasis go."""
    text = _LINK.sub(r"\1", markdown)
    text = re.sub(r"(?<!\\)(\*\*|\*|__)", "", text)
    return re.sub(r"\\(.)", r"\1", text).strip()
