"""What an edit reached: the parts of the last Archive an edit leaves as they were, kept, and what
the render must make again.

When briefings were only edited in place (the same URLs, in the same order), a part of the
archive whose inputs the edits did not change is the last one with the edited Documents put in
place of the old ones, which is what computing it again would give: entities and quotes when
the edited briefings name and quote the same, figure groups when they give the same figures
under the same title and date, tags when they carry the same tags. Anything else (a briefing
added, removed or moved in the order, a part's inputs changed) computes the part again, and
reaches every page that part feeds.

The Reach says which pages may show something new; every other page is kept as the last build
made it (generator/engine/kept.py), without its inputs being worked out again.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from generator.content.documents import Document
from generator.linking.entities import EntityIndex
from generator.linking.facts import Facts
from generator.linking.figures import Claim, FigureGroup, settled_order
from generator.linking.related import Relation
from generator.linking.tags import TagIndex
from generator.text.entities import Lexicon


@dataclass(frozen=True)
class Reach:
    """The pages an edit may have changed; None in a field: all of that kind."""

    edited: dict[str, Document]  # url -> the briefing as the last build had it, for each one edited since
    now: dict[str, Document]  # url -> the same briefings as they are now
    briefings: frozenset[str] | None  # briefings whose own page may show something new
    entities: frozenset[str] | None  # entities whose pages and feeds may
    figures: bool  # the figure groups' pages may
    tags: bool  # the tags' pages may

    def briefing(self, url: str) -> bool:
        return self.briefings is None or url in self.briefings

    def entity(self, url: str) -> bool:
        return self.entities is None or url in self.entities


def edited_in_place(last: list[Document], now: list[Document]) -> dict[str, Document] | None:
    """The briefings edited since `last` (both newest first), by url, as `last` had them; None when
    any was added, removed or moved in the order: then no part is kept."""
    if len(last) != len(now):
        return None
    edited = {}
    for old, new in zip(last, now):
        if old.url != new.url:
            return None
        if old is not new and old.key != new.key:
            edited[new.url] = old
    return edited


def kept_entities(last: EntityIndex, last_facts: dict[str, Facts], facts: dict[str, Facts],
                  edited: dict[str, Document], now: dict[str, Document], lexicon: Lexicon) -> frozenset[str] | None:
    """The last entity index made current, when the edited briefings name and quote the same as
    before; returns the entities whose pages show an edited briefing (None: not kept)."""
    if any(last_facts[url].entities != facts[url].entities or last_facts[url].quotes != facts[url].quotes
           for url in edited):
        return None
    reached = {entity for url in edited for entity in last.by_briefing.get(url, [])}
    for entity in reached:
        entity.briefings = [now[d.url] if d.url in edited else d for d in entity.briefings]
    quoted = {entity for url in edited for quote in facts[url].quotes
              if (entity := last.find("people", str(quote.get("speaker", "")), lexicon))}
    for entity in quoted:
        entity.quotes = [(quote, now[d.url] if d.url in edited else d) for quote, d in entity.quotes]
    return frozenset(entity.url for entity in reached | quoted)


Claims = dict[str, list[tuple[Claim, FigureGroup]]]  # briefing url -> its claims, each with its group


def kept_figures(last_claims: Claims, last_facts: dict[str, Facts], facts: dict[str, Facts],
                 edited: dict[str, Document], now: dict[str, Document]) -> Claims | None:
    """The last figure groups made current, when the edited briefings give the same figures under
    the same title and date (what a claim is made of); returns each briefing's claims (None: not kept).
    Only the edited briefings' own claims are visited, each found in its group by the group's
    order: a common quantity's group holds claims of nearly every briefing."""
    if any(last_facts[url].figures != facts[url].figures or (old.title, old.date) != (now[url].title, now[url].date)
           for url, old in edited.items()):
        return None
    claims = dict(last_claims)
    for url in edited.keys() & claims.keys():
        claims[url] = [(_replaced(claim, group, now[url]), group) for claim, group in last_claims[url]]
    return claims


def _replaced(claim: Claim, group: FigureGroup, document: Document) -> Claim:
    """`claim` with its briefing now `document`, put in its place in `group`. A briefing's claims
    keep their ranks and their groups' order, so its list stays in briefing order."""
    at = _place(claim, group.claims)
    group.claims[at] = dataclasses.replace(claim, document=document)
    return group.claims[at]


def _place(claim: Claim, claims: list[Claim]) -> int:
    """Where `claim`, the object itself, is in `claims`: looked for where their order puts it
    (FigureGroup.settle's), else, should that order ever differ, through them all."""
    at = bisect_left(claims, settled_order(claim), key=settled_order)
    for place in range(at, len(claims)):
        if claims[place] is claim:
            return place
        if settled_order(claims[place]) != settled_order(claim):
            break
    return next(place for place, each in enumerate(claims) if each is claim)


def kept_tags(last: TagIndex, edited: dict[str, Document], now: dict[str, Document]) -> bool:
    """The last tag index made current, when the edited briefings carry the same tags."""
    if any(old.meta.get("tags") != now[url].meta.get("tags") for url, old in edited.items()):
        return False
    for tag in {id(tag): tag for url in edited for tag in last.by_briefing.get(url, [])}.values():
        tag.briefings = [now[d.url] if d.url in edited else d for d in tag.briefings]
    return True


def related_changed(last: dict[str, list[Relation]], now: dict[str, list[Relation]], urls: Iterable[str]) -> set[str]:
    """Of `urls`, the briefings whose related list reads differently (another briefing, score,
    reason, or a listed briefing's title)."""
    return {url for url in urls if _shown(now.get(url, [])) != _shown(last.get(url, []))}


def _shown(relations: list[Relation]) -> list[tuple]:
    return [(r.document.url, r.document.title, r.score, [(reason.signal, reason.text) for reason in r.reasons])
            for r in relations]
