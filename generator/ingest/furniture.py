"""Short lines a user's seeds repeat: the furniture of the pages they paste from.

Whatever its words, a short line found in the seeds of three or more different stories ("Story
highlights", "Manage consent preferences", "Skip to the comments") is the page's, not an article's:
an outlet's furniture comes back with every article pasted from it. No list of phrases can hold
every outlet's, so this is the clue that does not depend on words. Seeds that share a long sentence
(two saves of one live page, an update of a story) are one story and count once.

An article's own short lines are kept: a line that ends as a sentence, a question or a label does
(news prose repeats "No injuries were reported." across stories), and a line whose topical words
the article uses elsewhere (a subheading, "Kyiv" in a story about Kyiv) is the article's, in that seed.
Numbers alone and tables' rows of figures are no furniture either.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from generator.ingest.boilerplate import ArticleWords, shares_no_topic
from generator.text.sentences import split_sentences

LINE_MOST = 10  # words: a line of the page's, not an article's sentence
STORIES_LEAST = 3  # different stories a line must be found in
_LONG_LEAST = 12  # words: a sentence this long found in two seeds makes them one story
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]{2}")
_EDGES = " \t.·•|*_-–—"
# A line ending so is a sentence, a question or a label: news prose repeats short sentences across
# stories ("No injuries were reported."), and a question or label opens what follows it.
_SENTENCE_ENDS = frozenset(".!?:\"”’")


def line_key(text: str) -> str:
    """What two copies of a line share: its words in lowercase, any number as 0 ("You have 3 free
    articles left" is the line "You have 7 …" is), without the marks around it."""
    return " ".join(_DIGITS.sub("0", text.lower()).split()).strip(_EDGES)


@dataclass(frozen=True)
class SeedLines:
    """A seed's short lines (as line_key gives them) and the hashes of its long sentences."""
    short: frozenset[str]
    long: frozenset[int]


def seed_lines(text: str) -> SeedLines:
    short: set[str] = set()
    long: set[int] = set()
    for line in text.split("\n"):
        for block in [line] if line.count(" ") < LINE_MOST else split_sentences(line, loose=True):
            words = block.count(" ") + 1
            if words <= LINE_MOST and block.rstrip()[-1:] not in _SENTENCE_ENDS:
                if _worded(key := line_key(block)):
                    short.add(key)
            elif words >= _LONG_LEAST:
                long.add(_stable_hash(" ".join(block.split())))
    return SeedLines(frozenset(short), frozenset(long))


def _worded(key: str) -> bool:
    """A line of words: not a list's number ("3."), nor a table's row of figures ("23 Ricky Stenhouse
    Jr. 679 0 0 1 3"), which other stories of the same kind repeat too."""
    return _WORD.search(key) is not None and key.split().count("0") + key.count("0.") < 3


def _stable_hash(text: str) -> int:
    """The same in every process (str's hash is not), so seeds' lines can be kept between builds."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


@dataclass(frozen=True)
class Furniture:
    """The repeated lines (as line_key gives them), and the words they open with: most blocks open
    with none of those, and are passed over before any of their prefixes is keyed."""
    lines: frozenset[str] = frozenset()
    openers: frozenset[str] = frozenset()

    @classmethod
    def of(cls, lines: Iterable[str]) -> Furniture:
        lines = frozenset(lines)
        return cls(lines, frozenset(line.split(" ", 1)[0].strip(_EDGES) for line in lines))


NO_FURNITURE = Furniture()


def repeated_lines(seeds: Iterable[SeedLines]) -> Furniture:
    """The short lines found in at least STORIES_LEAST stories (seeds sharing a long sentence are one)."""
    seeds = list(seeds)
    story = _stories(seeds)
    found_in: Counter[str] = Counter()
    for key in {(key, story[i]) for i, seed in enumerate(seeds) for key in seed.short}:
        found_in[key[0]] += 1
    return Furniture.of(key for key, stories in found_in.items() if stories >= STORIES_LEAST)


def _stories(seeds: list[SeedLines]) -> list[int]:
    """Each seed's story: the smallest index of the seeds it is joined to by shared long sentences."""
    parent = list(range(len(seeds)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[int, int] = {}
    for i, seed in enumerate(seeds):
        for sentence in seed.long:
            j = first_with.setdefault(sentence, i)
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return [root(i) for i in range(len(seeds))]


def is_furniture(text: str, furniture: Furniture, article: ArticleWords) -> bool:
    """A whole block that is a repeated line and names nothing the article names again."""
    return bool(furniture.lines) and line_key(text) in furniture.lines and shares_no_topic(text, article)


def furniture_prefix(text: str, furniture: Furniture, article: ArticleWords) -> int:
    """Length of a repeated line that opens `text`, glued ahead of a sentence in a one-line paste:
    the longest one followed by a capital (a sentence's start) that names nothing the article names
    again. Nothing beyond the line's own words is taken."""
    tokens = text[:400].split(" ", LINE_MOST + 1)
    if not furniture.lines or line_key(tokens[0]) not in furniture.openers:
        return 0
    for k in range(min(LINE_MOST, len(tokens) - 1), 0, -1):
        following = tokens[k].lstrip("“\"‘(")
        if following[:1].isupper() or following[:1].isdigit():
            head = " ".join(tokens[:k])
            if line_key(head) in furniture.lines and shares_no_topic(head, article):
                return len(head) + 1
    return 0
