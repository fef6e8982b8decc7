"""A long list in numbered pages: base, base + page/2/, base + page/3/, …"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}page/{number}/"


def paginate(items: Sequence[T], size: int, base: str) -> list[tuple[Sequence[T], dict[str, Any]]]:
    """Items in pages of `size`, each with its pager (number, url, previous and next page URLs, and
    `first`, the place of its first item in the whole list, counted from 1); no items make one
    empty page. The pager names no page count, so items added at the end change the last two
    pages only."""
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
    urls = [page_url(base, number) for number in range(1, len(chunks) + 1)]
    return [(chunk, {"number": n + 1, "url": url, "previous": urls[n - 1] if n else None,
                     "next": urls[n + 1] if n + 1 < len(urls) else None, "first": n * size + 1})
            for n, (chunk, url) in enumerate(zip(chunks, urls))]
