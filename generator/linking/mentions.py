"""Rendered briefing HTML -> the same, with the first mention of each entity linked to its page.

Works on the HTML text between tags, so it never links inside an existing link, a heading or code."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable

from generator.linking.entities import Entity

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_APOSTROPHE = re.compile(r"['’]")
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style"}


def link_first_mentions(markup: str, targets: dict[str, str]) -> str:
    """`targets` maps each spelling of an entity to its page's link; each link is used once."""
    spellings = sorted((s for s in targets if _head(s) in markup), key=len, reverse=True)  # a small pattern compiles fast
    if not spellings:
        return markup
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(_spelling, spellings)) + r")(?![\w-])")
    by_text = {_normal(s): href for s, href in targets.items()}
    used: set[str] = set()
    skipping: list[str] = []
    out: list[str] = []
    position = 0
    for tag in _TAG.finditer(markup):
        out.append(_link_text(markup[position:tag.start()], pattern, by_text, used) if not skipping
                   else markup[position:tag.start()])
        closing, name = tag.group(1), tag.group(2).lower()
        if name in _SKIP:
            if closing and name in skipping:
                skipping.remove(name)
            elif not closing:
                skipping.append(name)
        out.append(tag.group(0))
        position = tag.end()
    out.append(_link_text(markup[position:], pattern, by_text, used) if not skipping else markup[position:])
    return "".join(out)


def _spelling(name: str) -> str:
    """A spelling as it may appear in HTML: escaped, with any kind of apostrophe (smarty writes &rsquo;)."""
    parts = _APOSTROPHE.split(html.escape(name, quote=False))
    return r"(?:'|’|&rsquo;|&#8217;|&#39;)".join(re.escape(part) for part in parts)


def _head(name: str) -> str:
    """A spelling's text up to any apostrophe, as HTML writes it: every match of the spelling contains it."""
    return html.escape(_APOSTROPHE.split(name, 1)[0], quote=False)


def _normal(text: str) -> str:
    return html.unescape(text).replace("’", "'")


def _link_text(text: str, pattern: re.Pattern[str], targets: dict[str, str], used: set[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        href = targets.get(_normal(match.group(1)))
        if href is None or href in used:
            return match.group(0)
        used.add(href)
        return f'<a class="entity" href="{html.escape(href)}">{match.group(0)}</a>'
    return pattern.sub(replace, text)


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
