"""What each briefing says that links it to others: its entities, figures and quotes.

A briefing's own front-matter wins (an editor may have corrected it); a key it lacks, as in
briefings written by hand, is extracted from its body with the same rules ingest uses."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from generator.content.documents import Document
from generator.text.claims import extract_figures
from generator.text.entities import KINDS, Lexicon, Mention, find_mentions, group_mentions
from generator.text.markdown_text import plain
from generator.text.quotes import extract_quotes
from generator.linking.related import word_counts


VERSION = 5  # part of the build cache's key: bump when Facts change


@dataclass(frozen=True)
class Facts:
    entities: dict[str, list[str]]  # kind -> names, as the briefing writes them
    figures: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    # The title's and body's word_counts, kept so that no link stage counts them again, as one
    # string and a tuple: as dicts they would take many times the memory.
    words: str  # each word once, space-separated
    counts: tuple[int, ...]  # how often each occurs

    def word_counts(self) -> dict[str, int]:
        return dict(zip(self.words.split(" "), self.counts)) if self.words else {}

    def without_words(self) -> Facts:
        """What the pages need: the words only serve linking, and are most of a Facts' memory."""
        return dataclasses.replace(self, words="", counts=())


def facts_of(document: Document, lexicon: Lexicon) -> Facts:
    body = document.body
    counted = word_counts(document.title + "\n" + body)
    words = {"words": " ".join(counted), "counts": tuple(counted.values())}
    meta = document.meta
    keys = (*KINDS, "figures", "quotes")
    if all(key in meta for key in keys):
        return Facts({kind: meta[kind] for kind in KINDS}, meta["figures"], meta["quotes"], **words)
    text = "\n".join(plain(paragraph) for paragraph in body.split("\n\n") if not paragraph.startswith("#"))
    mentions: list[Mention] = find_mentions(text, lexicon)
    found = group_mentions(mentions)
    date = document.date.date() if isinstance(document.date, dt.datetime) else document.date
    return Facts(
        entities={kind: meta[kind] if kind in meta else found[kind] for kind in KINDS},
        figures=meta["figures"] if "figures" in meta else extract_figures(text, mentions, date),
        quotes=meta["quotes"] if "quotes" in meta else extract_quotes(text, mentions),
        **words,
    )
