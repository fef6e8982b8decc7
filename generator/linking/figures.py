"""Figures from every briefing -> groups of comparable claims (the same quantity), disputes marked.

Claims compare when their quantity key, `what`, matches ("Russian troops killed", whatever the
article's wording). Only claims someone makes are compared and charted: a figure nobody claims
is listed with its briefing, in a group of its own kind that is never compared. A group is
disputed when different claimants give values far apart."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from generator.content.documents import Document
from generator.content.fingerprint import by_fields
from generator.text.claims import said_on
from generator.text.entities import fold
from generator.text.slugs import slugify
from generator.linking.facts import Facts
from generator.utils.cancel import checked, checkpoint

DISPUTED_RATIO = 1.5  # the largest value at least this many times the smallest


@by_fields
@dataclass(frozen=True)
class Claim:
    value: float
    what: str
    claimant: str | None
    date: dt.date | None
    qualifier: str | None
    sentence: str
    document: Document
    rank: tuple[bool, int] = (True, 0)  # where its briefing ranks it: the title's figure first, then the text's order
    wording: str | None = None  # the article's words for what is counted, where they differ from `what`

    @property
    def number(self) -> str:
        """The value as the claim puts it: "more than 12,000"."""
        number = f"{self.value:,.0f}" if float(self.value).is_integer() else f"{self.value:,}"
        return f"{self.qualifier} {number}" if self.qualifier else number


@dataclass
class FigureGroup:
    what: str
    anchor: str  # id on the figures page
    claims: list[Claim] = field(default_factory=list)  # oldest first, undated last
    compared: bool = False  # worth a chart: claims from different briefings, claimants or dates
    disputed: bool = False  # different claimants give values far apart

    @property
    def claimants(self) -> list[str]:
        return list(dict.fromkeys(c.claimant for c in self.claims if c.claimant))

    @property
    def briefings(self) -> list[Document]:
        return list({id(c.document): c.document for c in self.claims}.values())

    def settle(self) -> None:
        """Sort the claims and work out compared and disputed, once all claims are in."""
        self.claims.sort(key=settled_order)
        self.compared = all(c.claimant for c in self.claims) and \
            len({(c.claimant, c.date, id(c.document)) for c in self.claims}) > 1
        values = [c.value for c in self.claims if c.value > 0]
        distinct = {fold(c) for c in self.claimants}
        self.disputed = len(distinct) > 1 and bool(values) and max(values) >= DISPUTED_RATIO * min(values)


def settled_order(claim: Claim) -> tuple[dt.date, float]:
    """Where a claim stands in its settled group: by date, then value; undated last, so that a new
    one changes the last page only."""
    return claim.date or dt.date.max, claim.value


OTHERS_ANCHOR = "other"  # where the figures only one briefing gives are listed: no group may take it


def group_figures(briefings: list[Document], facts: dict[str, Facts]) -> list[FigureGroup]:
    """Compared groups first (most briefings first), then the rest, by what they count.
    Cancellation is checked every CHECK_EVERY briefings and between groups (generator/utils/cancel.py):
    grouping a large archive's claims takes long enough to need it."""
    groups: dict[str, FigureGroup] = {}
    anchors = {OTHERS_ANCHOR}
    for document in checked(briefings):
        in_title = _numbers(document.title)
        for place, figure in enumerate(facts[document.url].figures):
            claim = _claim(figure, document, place, in_title)
            if claim is None:
                continue
            key = fold(claim.what) if claim.claimant else f"{fold(claim.what)}\0unclaimed"
            if key not in groups:
                groups[key] = FigureGroup(claim.what, _free_anchor(slugify(claim.what), anchors))
            groups[key].claims.append(claim)
    for group in groups.values():
        checkpoint()
        group.settle()
    return sorted(groups.values(), key=lambda g: (not g.compared, -len(g.briefings), g.what))


def _free_anchor(slug: str, taken: set[str]) -> str:
    """slug, or slug-2 … when quantities that differ slugify alike: each group has a page of its own."""
    anchor, n = slug, 2
    while anchor in taken:
        anchor, n = f"{slug}-{n}", n + 1
    taken.add(anchor)
    return anchor


def in_briefing_order(claims: list[tuple[Claim, FigureGroup]]) -> list[tuple[Claim, FigureGroup]]:
    """A briefing's claims as its article ranks them, not as their groups sort: the figure its
    title gives first ("More than 12,000 Russian troops killed"), then in the order of the text,
    which news writing ranks by importance."""
    return sorted(claims, key=lambda pair: pair[0].rank)


_NUMBER = re.compile(r"\d[\d,.]*")


def _numbers(text: str) -> set[float]:
    found = set()
    for number in _NUMBER.findall(text):
        try:
            found.add(float(number.replace(",", "").rstrip(".")))
        except ValueError:
            continue
    return found


def _claim(figure: dict[str, Any], document: Document, place: int = 0, in_title: Collection[float] = ()) -> Claim | None:
    try:
        value = float(str(figure["value"]).replace(",", ""))
    except ValueError:
        return None
    published = document.date.date() if isinstance(document.date, dt.datetime) else document.date
    # A claim dated by its words ("two weeks ago") counts back from its briefing's date, even one
    # an editor gave after ingest.
    date = figure.get("date") or said_on(str(figure.get("when") or ""), published if isinstance(published, dt.date) else None)
    date = date.date() if isinstance(date, dt.datetime) else date
    wording = str(figure["wording"]) if figure.get("wording") else None
    return Claim(value, str(figure["what"]), figure.get("claimant"), date if isinstance(date, dt.date) else None,
                 figure.get("qualifier"), str(figure.get("sentence", "")), document, (value not in in_title, place),
                 wording if wording and fold(wording) != fold(str(figure["what"])) else None)
