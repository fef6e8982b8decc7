"""Titles and names -> URL slugs: ASCII, lower-case words joined by hyphens."""

from __future__ import annotations

import re
import unicodedata

_SLUG_MAX = 70  # characters; a slug is cut at the last whole word that fits


def slugify(title: str) -> str:
    """A title's slug, for example `Zelensky's 2,000 troops` -> `zelenskys-2000-troops`; `briefing` if none."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", re.sub(r"(?<=\d),(?=\d)|'", "", ascii_title.lower()))
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > _SLUG_MAX:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "briefing"
