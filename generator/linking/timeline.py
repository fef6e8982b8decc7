"""Briefings -> years and months, newest first, for the archive pages and the timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.content.documents import Document


@dataclass
class Month:
    year: int
    month: int
    briefings: list[Document] = field(default_factory=list)  # newest first

    @property
    def url(self) -> str:
        return f"{self.year}/{self.month:02d}/"

    @property
    def title(self) -> str:
        return f"{dt.date(self.year, self.month, 1):%B %Y}"


@dataclass
class Year:
    year: int
    months: list[Month] = field(default_factory=list)  # newest first

    @property
    def url(self) -> str:
        return f"{self.year}/"

    @property
    def count(self) -> int:
        return sum(len(month.briefings) for month in self.months)


def timeline(briefings: list[Document]) -> list[Year]:
    """Briefings newest first -> years newest first; undated briefings are left out."""
    years: dict[int, Year] = {}
    months: dict[tuple[int, int], Month] = {}
    for document in briefings:
        if document.date is None:
            continue
        year, month = document.date.year, document.date.month
        if (year, month) not in months:
            months[year, month] = Month(year, month)
            years.setdefault(year, Year(year)).months.append(months[year, month])
        months[year, month].briefings.append(document)
    return list(years.values())
