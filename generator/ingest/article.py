"""The values that flow through ingest: a Seed file, the Article read from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Seed:
    path: Path  # absolute
    name: str  # path relative to the site root, with forward slashes: "seeds/x.txt"
    sha256: str
    sidecar: Path | None = None  # seeds/NAME.yaml overriding front-matter fields
    sidecar_sha256: str | None = None


@dataclass
class Article:
    """A seed read into Markdown text, with whatever metadata the file itself declares.

    `hints` holds metadata a format states outright (a saved page's og:title, JSON-LD
    datePublished, canonical URL...): front-matter keys, preferred over inferred values.
    """

    seed: Seed
    text: str  # Markdown: links as [text](url), paragraphs separated by blank lines
    links: list[Link] = field(default_factory=list)
    hints: dict[str, object] = field(default_factory=dict)
