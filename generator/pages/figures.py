"""The figures page (/figures/): comparable claims grouped, each group drawn as an SVG bar chart."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.link import Archive
from generator.linking.figures import Claim, FigureGroup
from generator.render import Page, Renderer

CHART_WIDTH = 640
BAR_HEIGHT = 22
LABEL_WIDTH = 250  # the claimant and date, left of the bars
VALUE_ROOM = 90  # the number, right of the longest bar


@dataclass(frozen=True)
class Bar:
    claim: Claim
    y: int
    width: int  # scaled to the group's largest value


@dataclass(frozen=True)
class Chart:
    group: FigureGroup
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    width: int = CHART_WIDTH


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    charts = [chart(group) for group in archive.figure_groups if group.compared]
    others = [group for group in archive.figure_groups if not group.compared]
    yield renderer.page("figures/index.html", "figures.html", charts=charts, others=others)


def chart(group: FigureGroup) -> Chart:
    """Bars on one linear scale, so a disputed figure shows how far apart the claims are."""
    largest = max((c.value for c in group.claims), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM
    bars = [Bar(claim, i * (BAR_HEIGHT + 8), max(2, round(room * claim.value / largest)))
            for i, claim in enumerate(group.claims)]
    return Chart(group, bars, len(bars) * (BAR_HEIGHT + 8))
