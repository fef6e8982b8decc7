"""Short lines a user's seeds repeat: the furniture of the pages they paste from.

Whatever its words, a short line found in the seeds of three or more different stories ("Story
highlights", "Manage consent preferences", "Skip to the comments") is the page's, not an article's:
an outlet's furniture comes back with every article pasted from it. No list of phrases can hold
every outlet's, so this is the clue that does not depend on words. So is a long sentence found in
three stories ("Disclosure statement: The author does not work for …"). Seeds that share two long
sentences (two saves of one live page, an update of a story) are one story and count once.

An article's own short lines are kept: a line that ends as a sentence, a question or a label does
(news prose repeats "No injuries were reported." across stories), and a line whose topical words
the article uses elsewhere (a subheading, "Kyiv" in a story about Kyiv) is the article's, in that seed.
Numbers alone and tables' rows of figures are no furniture either.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain, combinations
from typing import TypeVar

from generator.ingest.boilerplate import ArticleWords, shares_no_topic, topic_share
from generator.text.sentences import split_sentences

LINE_MOST = 14  # words: a line of the page's, not an article's sentence ("Press shift question mark to …")
STORIES_LEAST = 3  # different stories a line must be found in
_LONG_LEAST = 12  # words: a long sentence; SHARED_LEAST of them found in two seeds make them one story
SHARED_LEAST = 2
_PAIRED_MOST = 50  # seeds
_LONG_TOPIC_MOST = 1 / 3  # of a repeated long sentence's topical words the article names elsewhere
_K = TypeVar("_K", str, int)
# A digit, then the rest of its run: the engine skips to a pattern's first character only when that
# is a character or class, not a repetition ("\d+" is tried at every character).
_DIGITS = re.compile(r"\d\d*")
_WORD = re.compile(r"[^\W\d_]{2}")
_EDGES = " \t.·•|*_-–—"
# A line ending so is a sentence, a question or a label: news prose repeats short sentences across
# stories ("No injuries were reported."), and a question or label opens what follows it.
_SENTENCE_ENDS = frozenset(".!?:\"”’")
# A sentence's end ("said. ", "now? ", "on it.” "), not "2019) " of a tweet's attribution nor a name.
_AFTER_SENTENCE = re.compile(r"[.!?][\"”’]* ")
_READ = 400  # characters: more than a repeated line's LINE_MOST words
_CAPITALISED = re.compile(r" ([A-Z][a-z]+)\b")  # the space matched, not looked behind for: the engine skips to spaces
_HEADING_LINE_LEAST = 3  # words


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
                long.add(_stable_hash(line_key(block)))
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
    with none of those, and are passed over before any of their prefixes is keyed. `sentences`: the
    hashes of long sentences repeated across stories (a disclosure, an agency's note)."""
    lines: frozenset[str] = frozenset()
    openers: frozenset[str] = frozenset()
    sentences: frozenset[int] = frozenset()

    @classmethod
    def of(cls, lines: Iterable[str], sentences: Iterable[int] = ()) -> Furniture:
        lines = frozenset(lines)
        return cls(lines, frozenset(line.split(" ", 1)[0].strip(_EDGES) for line in lines), frozenset(sentences))


NO_FURNITURE = Furniture()


def repeated_lines(seeds: Iterable[SeedLines]) -> Furniture:
    """The short lines and long sentences found in at least STORIES_LEAST stories."""
    seeds = list(seeds)
    story = _stories(seeds)
    return Furniture.of(_in_stories([seed.short for seed in seeds], story),
                        _in_stories([seed.long for seed in seeds], story))


def _in_stories(found: list[frozenset[_K]], story: list[int]) -> list[_K]:
    """What is found in the seeds of at least STORIES_LEAST stories."""
    stories_of: Counter[_K] = Counter()
    for key, _ in {(key, story[i]) for i, keys in enumerate(found) for key in keys}:
        stories_of[key] += 1
    return [key for key, stories in stories_of.items() if stories >= STORIES_LEAST]


def _stories(seeds: list[SeedLines]) -> list[int]:
    """Each seed's story: the smallest index of the seeds it is joined to. Two seeds are one story
    when they share SHARED_LEAST long sentences: two saves of a live page, or an update of a story,
    share many, while stories that share only a page's disclosure or an agency's note are apart."""
    parent = list(range(len(seeds)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in _sharing_pairs(seeds):
        a, b = root(a), root(b)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return [root(i) for i in range(len(seeds))]


def _sharing_pairs(seeds: list[SeedLines]) -> list[tuple[int, int]]:
    """The pairs of seeds that share at least SHARED_LEAST long sentences. A sentence in more than
    _PAIRED_MOST seeds pairs each with the first that holds it, not with one another, which would
    cost the square of its seeds: many saves of one live page share many sentences with the first."""
    seeds_with: dict[int, list[int]] = {}
    for i, seed in enumerate(seeds):
        for sentence in seed.long:
            seeds_with.setdefault(sentence, []).append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for found in seeds_with.values():
        if len(found) <= _PAIRED_MOST:
            shared.update(combinations(found, 2))
        else:
            shared.update((found[0], other) for other in found[1:])
    return [pair for pair, count in shared.items() if count >= SHARED_LEAST]


def is_furniture(text: str, furniture: Furniture, article: ArticleWords) -> bool:
    """A whole block that is a repeated line or long sentence and names nothing the article names again."""
    if not furniture.lines and not furniture.sentences:
        return False
    key = line_key(text)
    if key in furniture.lines:
        return shares_no_topic(text, article)
    # A long sentence may share a word or two with any article ("funding" of a disclosure); the
    # article's own background paragraph, repeated across stories, names the article's topic throughout.
    return (bool(furniture.sentences) and key.count(" ") + 1 >= _LONG_LEAST and _stable_hash(key) in furniture.sentences
            and topic_share(text, article) <= _LONG_TOPIC_MOST)


def furniture_prefix(text: str, furniture: Furniture, article: ArticleWords) -> int:
    """Length of a repeated line that opens `text`, glued ahead of a sentence in a one-line paste:
    the longest one followed by a capital (a sentence's start) that names nothing the article names
    again. Nothing beyond the line's own words is taken."""
    if not furniture.lines:
        return 0
    length = _line_at(text[:_READ], furniture, lambda head: shares_no_topic(head, article), whole=False)
    return length + 1 if length else 0


def furniture_spans(line: str, furniture: Furniture) -> list[tuple[int, int]]:
    """Where repeated lines stand in a line that holds more, each from its start or a sentence's end
    to a capital, a figure or the line's end ("… on Friday. toggle caption The band …", "Was this
    article helpful? Yes No This is …"): cut apart so that each is a block of its own for
    is_furniture to judge, where the sentence splitter would split one at its "?" or glue it to the
    sentence before at a lowercase word."""
    if not furniture.lines or line.count(" ") < 2:
        return []
    spans: list[tuple[int, int]] = []
    after_stop = chain([0], (stop.end() for stop in _AFTER_SENTENCE.finditer(line)))
    for start, least in sorted([(start, 1) for start in after_stop] + _after_heading(line, furniture)):
        if spans and start < spans[-1][1]:
            continue
        whole = 0 < start and start + _READ >= len(line)  # the line may end with the repeated line
        if length := _line_at(line[start:start + _READ], furniture, lambda head: head.count(" ") + 1 >= least, whole):
            spans.append((start, start + length))
    return spans


def _after_heading(line: str, furniture: Furniture) -> list[tuple[int, int]]:
    """Where a capitalised opener of a repeated line follows what ended no sentence but is no
    running prose either: a name, a figure or a price ("… from Nissan PH Manage consent preferences
    “South …", "… Now $649.99 Was this article helpful? …"), the end of a heading or another piece
    of the page's. Each with the words a line found there must have: a line of three words or more
    is no phrase of the article's sentence."""
    found = []
    for word in _CAPITALISED.finditer(line):
        if word[1].lower() not in furniture.openers:
            continue  # most capitalised words open no repeated line: the word before is not looked at
        end = word.start()  # the word before, found from its end (a slice up to it would copy the line)
        before = line[line.rfind(" ", 0, end) + 1:end]
        if before and (before[:1].isupper() or before[-1:].isdigit()):
            found.append((word.start(1), _HEADING_LINE_LEAST))
    return found


def _line_at(text: str, furniture: Furniture, judge: Callable[[str], bool], whole: bool) -> int:
    """Length of the longest repeated line `text` opens with that `judge` accepts, followed by a
    capital or a figure, or by nothing if `whole` (the line runs to the end); 0 if none. Its first
    word is looked up before the text is cut into words: most texts open no repeated line."""
    if line_key(text.split(" ", 1)[0]) not in furniture.openers:
        return 0
    tokens = text.split(" ", LINE_MOST + 1)
    for k in range(min(LINE_MOST, len(tokens) - (not whole)), 0, -1):
        following = tokens[k].lstrip("“\"‘(") if k < len(tokens) else ""
        if k == len(tokens) or following[:1].isupper() or following[:1].isdigit():
            head = " ".join(tokens[:k])
            if line_key(head) in furniture.lines and judge(head):
                return len(head)
    return 0
