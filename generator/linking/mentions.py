"""Rendered briefing HTML -> the same, with the first mention of each entity linked to its page.

Works on the HTML text between tags, so it never links inside an existing link, a heading or code."""

from __future__ import annotations

import bisect
import functools
import heapq
import html
import re
from collections import Counter
from collections.abc import Callable, Iterator

from generator.linking.entities import Entity

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_APOSTROPHE = re.compile(r"['’]")
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style"}


def link_first_mentions(markup: str, targets: dict[str, str]) -> str:
    """`targets` maps each spelling of an entity to its page's link; each link is used once.

    As one regular expression of all the spellings, longest first, run over the text between tags
    would; but each spelling's pattern is compiled once per process rather than a combined one per
    page (compiling had cost a third of linking a page), and the search stops once every link is used."""
    spellings = sorted((s for s in targets if _head(s) in markup), key=len, reverse=True)
    by_text = {_normal(s): href for s, href in targets.items()}
    wanted = {by_text[_normal(s)] for s in spellings}
    spans = _text_spans(markup) if spellings else []
    starts = [start for start, _ in spans]
    used: set[str] = set()
    out: list[str] = []
    written = consumed = 0
    for start, _, end in heapq.merge(*(_occurrences(markup, s, rank) for rank, s in enumerate(spellings))):
        if used == wanted:
            break
        span = bisect.bisect_right(starts, start) - 1
        if start < consumed or span < 0 or end > spans[span][1]:
            continue  # overlaps an earlier mention, or is in a tag, link, heading or code
        consumed = end
        href = by_text.get(_normal(markup[start:end]))
        if href is not None and href not in used:
            used.add(href)
            out += [markup[written:start], f'<a class="entity" href="{html.escape(href)}">{markup[start:end]}</a>']
            written = end
    return "".join(out) + markup[written:]


def _occurrences(markup: str, spelling: str, rank: int) -> Iterator[tuple[int, int, int]]:
    """(start, rank, end) of each occurrence of the spelling as a whole word, overlapping ones too, in order."""
    pattern = _pattern(spelling)
    found = pattern.search(markup)
    while found:
        start = found.start()
        before = markup[start - 1] if start else " "
        if not (before.isalnum() or before in "_-"):  # as (?<![\w-]), which would slow the search
            yield start, rank, found.end()
        found = pattern.search(markup, start + 1)


@functools.cache
def _pattern(spelling: str) -> re.Pattern[str]:
    return re.compile(_spelling(spelling) + r"(?![\w-])")


def _text_spans(markup: str) -> list[tuple[int, int]]:
    """(start, end) of each run of text between tags that is not in a link, heading, code or script."""
    spans = []
    skipping: list[str] = []
    position = 0
    for tag in _TAG.finditer(markup):
        if not skipping:
            spans.append((position, tag.start()))
        closing, name = tag.group(1), tag.group(2).lower()
        if name in _SKIP:
            if closing and name in skipping:
                skipping.remove(name)
            elif not closing:
                skipping.append(name)
        position = tag.end()
    if not skipping:
        spans.append((position, len(markup)))
    return spans


def _spelling(name: str) -> str:
    """A spelling as it may appear in HTML: escaped, with any kind of apostrophe (smarty writes &rsquo;)."""
    parts = _APOSTROPHE.split(html.escape(name, quote=False))
    return r"(?:'|’|&rsquo;|&#8217;|&#39;)".join(re.escape(part) for part in parts)


def _head(name: str) -> str:
    """A spelling's text up to any apostrophe, as HTML writes it: every match of the spelling contains it."""
    return html.escape(_APOSTROPHE.split(name, 1)[0], quote=False)


def _normal(text: str) -> str:
    return html.unescape(text).replace("’", "'")


def mention_targets(entities: list[Entity], url: Callable[[str], str]) -> dict[str, str]:
    """Each spelling of each entity -> the link to its page; a person's surname too ("Mr Reznikov")."""
    targets: dict[str, str] = {}
    surnames = Counter(e.name.split()[-1] for e in entities if e.kind == "people" and " " in e.name)
    for entity in entities:
        for spelling in entity.spellings:
            targets.setdefault(spelling, url(entity.url))
            if spelling.isupper() and len(spelling) > 3:  # house styles write NATO as Nato
                targets.setdefault(spelling.capitalize(), url(entity.url))
            surname = spelling.split()[-1]
            if entity.kind == "people" and surnames[entity.name.split()[-1]] == 1:
                targets.setdefault(surname, url(entity.url))
    return targets
