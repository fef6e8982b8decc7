"""Front-matter `tags` -> one Tag per tag, as Hugo and Jekyll make them: spellings with the same
slug ("Climate change", "climate-change") are one tag, named by its most used spelling, with
its briefings newest first."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.content import Document
from generator.ingest.write import slugify

FOLDER = "tags"


@dataclass(eq=False)
class Tag:
    name: str
    url: str  # tags/SLUG/
    briefings: list[Document] = field(default_factory=list, repr=False)  # newest first


@dataclass
class TagIndex:
    tags: list[Tag] = field(default_factory=list)  # by name
    by_briefing: dict[str, list[Tag]] = field(default_factory=dict)  # briefing url -> its tags, as it lists them


def index_tags(briefings: list[Document]) -> TagIndex:
    """`briefings` newest first."""
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)  # slug -> its spellings, each by briefings
    slugs: dict[str, str] = {}  # spelling -> slug: a few thousand spellings, tens of thousands of uses
    tagged: list[tuple[Document, list[str]]] = []
    for document in briefings:
        named: dict[str, str] = {}  # slug -> the briefing's first spelling of it
        for name in (each.strip() for each in document.meta.get("tags", [])):
            if name:
                named.setdefault(slugs.get(name) or slugs.setdefault(name, slugify(name)), name)
        for slug, name in named.items():
            spellings[slug][name] += 1
        tagged.append((document, list(named)))
    by_slug = {slug: Tag(min(names, key=lambda n: (-names[n], n)), f"{FOLDER}/{slug}/")
               for slug, names in spellings.items()}
    index = TagIndex(sorted(by_slug.values(), key=lambda tag: (tag.name.lower(), tag.url)))
    for document, slugs in tagged:
        if slugs:
            index.by_briefing[document.url] = [by_slug[slug] for slug in slugs]
        for slug in slugs:
            by_slug[slug].briefings.append(document)
    return index
