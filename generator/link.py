"""The link stage: all Documents -> an Archive, the cross-linked view every page is rendered from."""

from __future__ import annotations

from dataclasses import dataclass

from generator.config import Config
from generator.content import Document


@dataclass
class Archive:
    briefings: list[Document]  # newest first

    def by_url(self) -> dict[str, Document]:
        return {d.url: d for d in self.briefings}


def link_archive(config: Config, documents: list[Document]) -> Archive:
    newest_first = sorted(documents, key=lambda d: (d.sort_date, d.title), reverse=True)
    return Archive(briefings=newest_first)
