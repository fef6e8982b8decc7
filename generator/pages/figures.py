"""The figures pages: /figures/, an index of the quantities claimed by several briefings; a page per
such group (/figures/ANCHOR/, then /figures/ANCHOR/page/2/, …), its claims drawn as an SVG bar
chart and listed; and the other figures (/figures/other/, …). Every page holds at most `paginate`
groups or claims.

Pages get plain values (numbers, names, titles, URLs), never Documents, so an edit renders a figure
page again only when what that page shows changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.content.fingerprint import by_fields
from generator.linking.archive import Archive
from generator.linking.figures import OTHERS_ANCHOR, Claim, FigureGroup
from generator.pages.pager import paginate
from generator.render.renderer import Page, Renderer

CHART_WIDTH = 600  # drawn at its size, never scaled (labels stay 12 px): fits the page column, scrolls on a phone
BAR_HEIGHT = 22
LABEL_WIDTH = 250  # the claimant and date, left of the bars
VALUE_ROOM = 90  # the number, right of the longest bar
OTHERS_URL = f"figures/{OTHERS_ANCHOR}/"


@by_fields
@dataclass(frozen=True)
class Bar:
    claim: dict[str, Any]  # a claim_view
    y: int
    width: int  # scaled to the group's largest value


@by_fields
@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    width: int = CHART_WIDTH


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    compared = [group for group in archive.figure_groups if group.compared]
    others = [group for group in archive.figure_groups if not group.compared]
    yield renderer.page(
        "figures/index.html", "figures.html", groups=[dict(group_summary(g), count=len(g.claims)) for g in compared],
        others={"url": OTHERS_URL, "count": len(others)} if others else None)
    for group in compared:
        yield from group_pages(renderer, group)
    yield from other_pages(renderer, others)


def changed_pages(renderer: Renderer, archive: Archive) -> list[Page | None] | None:
    """After an edit: none when the figure groups were kept as they were (generator/linking/reach.py:
    the same claims, of briefings of the same titles, so every figure page reads as before);
    else None (all made)."""
    assert archive.reach is not None
    return None if archive.reach.figures else []


def group_pages(renderer: Renderer, group: FigureGroup) -> Iterator[Page | None]:
    """The group's claims, oldest first, so a new claim (usually the newest) changes the last page
    only; its count shows on the first page alone for the same reason. A group of more than
    `figures_shown` claims shows its newest so many: one that gathers every story's "people"
    would otherwise fill thousands of pages no one reads."""
    summary = group_summary(group)
    shown = shown_claims(group.claims, renderer.config.figures_shown)
    largest = max((c.value for c in shown), default=0) or 1  # one scale for all the group's pages
    for claims, pager in paginate(shown, renderer.config.paginate, summary["url"]):
        path = pager["url"] + "index.html"
        if renderer.owns(path):  # views are made only for this process's pages
            views = [claim_view(claim) for claim in claims]
            count = {"claims": len(group.claims), "shown": len(shown)} if pager["number"] == 1 else None
            yield renderer.page(path, "figure_group.html", group=summary, count=count,
                                chart=chart(views, largest), claims=views, pager=pager)


def shown_claims(claims: list[Claim], most: int) -> list[Claim]:
    """The newest `most` claims (all when `most` is 0), still oldest first: undated ones count as newest."""
    return claims[-most:] if most else claims


def other_pages(renderer: Renderer, others: list[FigureGroup]) -> Iterator[Page | None]:
    for groups, pager in paginate(others, renderer.config.paginate, OTHERS_URL) if others else []:
        path = pager["url"] + "index.html"
        if renderer.owns(path):
            yield renderer.page(
                path, "figures_other.html", pager=pager,
                entries=[{"anchor": g.anchor, "claims": [claim_view(c) for c in g.claims]} for g in groups])


def group_summary(group: FigureGroup) -> dict[str, Any]:
    return {"what": group.what, "title": group.what[:1].upper() + group.what[1:], "anchor": group.anchor,
            "url": f"figures/{group.anchor}/", "disputed": group.disputed}


def claim_view(claim: Claim) -> dict[str, Any]:
    """A claim as figure pages show it: its briefing by title and URL only, so editing the briefing
    elsewhere renders no figure page again."""
    return {"value": claim.value, "number": claim.number, "what": claim.what, "wording": claim.wording,
            "claimant": claim.claimant, "date": claim.date, "sentence": claim.sentence,
            "document": {"title": claim.document.title, "url": claim.document.url}}


def chart(claims: list[dict[str, Any]], largest: float) -> Chart:
    """Bars on one linear scale, so a disputed figure shows how far apart the claims are."""
    room = CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM
    bars = [Bar(claim, i * (BAR_HEIGHT + 8), max(2, round(room * claim["value"] / largest)))
            for i, claim in enumerate(claims)]
    return Chart(bars, len(bars) * (BAR_HEIGHT + 8))
