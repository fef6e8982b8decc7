"""Year and month archive pages (/2022/, /2022/03/) and the timeline of the archive (/timeline/)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.link import Archive
from generator.pages.views import year_view
from generator.render import Page, Renderer


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    years = [year_view(year) for year in archive.years]
    for year in years:
        yield renderer.page(year["url"] + "index.html", "archive.html", year=year, month=None)
        heading = {"year": year["year"], "url": year["url"]}  # all a month's page shows of its year
        for month in year["months"]:
            yield renderer.page(month["url"] + "index.html", "archive.html", year=heading, month=month)
    figure_lines = {url: [f"{claim.number} {claim.what}" for claim, _ in claims[:2]]
                    for url, claims in archive.claims.items()}
    yield renderer.page("timeline/index.html", "timeline.html", years=years, figure_lines=figure_lines)
