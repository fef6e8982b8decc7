"""Front-matter `tags` -> one Tag per tag, as Hugo and Jekyll make them: spellings with the same
words, case aside ("Climate change", "climate-change", "CLIMATE_CHANGE") are one tag, named by
its most used spelling, with its briefings newest first."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.content.documents import Document
from generator.linking.entities import free_url

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
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)  # key -> its spellings, each by briefings
    keys: dict[str, str] = {}  # spelling -> key: a few thousand spellings, tens of thousands of uses
    tagged: list[tuple[Document, list[str]]] = []
    for document in briefings:
        named: dict[str, str] = {}  # key -> the briefing's first spelling of it
        for name in (each.strip() for each in document.meta.get("tags", [])):
            if name:
                named.setdefault(keys.get(name) or keys.setdefault(name, _key(name)), name)
        for key, name in named.items():
            spellings[key][name] += 1
        tagged.append((document, list(named)))
    taken: set[str] = set()
    by_key: dict[str, Tag] = {}
    for key in sorted(spellings):  # in a fixed order: tags whose names slugify alike get -2, -3 … the same way
        names = spellings[key]
        name = min(names, key=lambda n: (-names[n], n))
        by_key[key] = Tag(name, free_url(FOLDER, name, taken))
    index = TagIndex(sorted(by_key.values(), key=lambda tag: (tag.name.lower(), tag.url)))
    for document, tag_keys in tagged:
        if tag_keys:
            index.by_briefing[document.url] = [by_key[key] for key in tag_keys]
        for key in tag_keys:
            by_key[key].briefings.append(document)
    return index


def _key(name: str) -> str:
    """What the spellings of one tag share: its words in lower case, in any script (a slug keeps
    ASCII only, and would make one tag of all tags in Cyrillic); the name itself if it has none."""
    return " ".join(_WORD.findall(name.casefold())) or name


_WORD = re.compile(r"[^\W_]+")
