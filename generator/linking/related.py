"""Briefings -> for each, its most related briefings with a score and the reasons in words.

Signals, each scored 0-1 and weighted by site.yaml `related.weights` (as Hugo's related content
weighs its indices): shared people, places, organisations; figures on the same quantity;
similar wording (TF-IDF cosine over each briefing's most telling words); closeness in time (only
between briefings that share something else). The score is the weighted mean, 0-100.

Candidates come from an inverted index (value -> briefings), never from all pairs; values in
more than `common_share` of the briefings say nothing and are dropped, which also keeps the
work near-linear. Each briefing is a sparse row of the values it can share, and all candidate
pairs are scored with numpy (about 100 per briefing: a million at 10,000 briefings); the reasons
in words are written only for the few pairs shown.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain

import numpy as np

from generator.config import RelatedSettings
from generator.content import Document
from generator.parallel import map_shares
from generator.superseded import give_way, giving_way, never

SET_SIGNALS = ("people", "places", "organisations", "figures")
# How many shared values make a signal's full strength.
_SATURATION = {"people": 2, "places": 3, "organisations": 2, "figures": 2}
_TERMS_PER_BRIEFING = 25
_MIN_SIMILARITY = 0.05  # below this, wording in common is chance
_WORDS_SHOWN = 4  # in the reason for similar wording
_CANDIDATES = 100  # per briefing: plenty to find the few shown, and a bound on the work
_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]")
_STOPWORDS = set("""
about above after again against all also although among and any are around as at be because been
before being between both but by can could did does doing down during each even few for from further
had has have having he her here hers him his how however i if in into is it its itself just last
like made make many may more most much must new not now of off on once one only or other our out over
own per said same says she should since so some such than that the their them then there these they
this those through to too two under until up upon very was we were what when where which while who
whom why will with would year years you your told also according week weeks day days time
""".split())
_SIGNALS = (*SET_SIGNALS, "text")  # what two briefings share, as columns of _Index.shares
_REASONS = (*_SIGNALS, "time")  # what adds points, as rows of _points; reasons are listed in this order
# Pairs are scored a block of briefings at a time, their rows laid out dense (at most 2 MB), so
# numpy's arrays stay small and in the CPU's caches.
_DENSE_CELLS = 1 << 18
_ROWS_AT_ONCE = 64
_KIND_WORDS = {"people": ("person", "people"), "places": ("place", "places"),
               "organisations": ("organisation", "organisations"), "figures": ("figure", "figures")}


@dataclass(frozen=True)
class Reason:
    signal: str
    text: str
    points: float  # what it adds to the score


@dataclass(frozen=True)
class Relation:
    document: Document
    score: int  # 0-100
    reasons: list[Reason]


@dataclass
class Features:
    """What one briefing can share: labelled values per signal, and its word vector."""

    values: dict[str, dict[str, str]]  # signal -> {key: label}
    terms: dict[str, float]  # word -> normalised TF-IDF weight


def related_briefings(briefings: list[Document], features: list[Features], settings: RelatedSettings,
                      superseded: Callable[[], bool] = never, processes: int = 1) -> dict[str, list[Relation]]:
    """For each briefing url, up to `count` relations scoring at least `threshold`, best first.
    `superseded` is asked before each block of briefings, and every GIVE_WAY_EVERY briefings or
    pairs in the steps around the scoring (generator/superseded.py). The pairs
    are scored by `processes`, each for its run of briefings."""
    related: dict[str, list[Relation]] = {document.url: [] for document in briefings}
    if not briefings or settings.count <= 0:
        return related
    index = _Index.of(features, settings, superseded)
    runs = [(len(briefings) * k // processes, len(briefings) * (k + 1) // processes) for k in range(processes)]
    shown = map_shares(lambda which, n: list(_shown(briefings, index, settings, superseded, *runs[which])), processes)
    seen: dict[tuple[str, str, float], Reason] = {}
    for a, b, score, added, cosine, days, shared in giving_way(chain.from_iterable(shown), superseded):
        reasons = [_reason(signal, _reason_text(signal, shared.get(signal, []), features[a], cosine, days), p, seen)
                   for signal, p in zip(_REASONS, added) if not math.isnan(p)]
        related[briefings[a].url].append(Relation(briefings[b], score, reasons))
    return related


def _shown(briefings: list[Document], index: _Index, settings: RelatedSettings, superseded: Callable[[], bool],
           start: int, stop: int) -> Iterator[tuple[int, int, int, list[float], float, int, dict[str, list[str]]]]:
    """The pairs shown for briefings start..stop-1, in order: (mine, theirs, score, points per
    signal in _REASONS order, text cosine, days apart, the keys shared). Candidate pairs are
    found and scored (with numpy) a block of briefings at a time; the keys shared are looked up
    only for the pairs shown."""
    day = np.array([d.date.date().toordinal() if d.date is not None else -1 for d in briefings])
    rank = _title_ranks(briefings)
    for first, last in index.blocks(start, stop):
        give_way(superseded)
        i, j = index.candidate_pairs(first, last)
        dense = index.dense(first, last)
        shares = index.shares(dense, i - first, j)
        days = np.where((day[i] >= 0) & (day[j] >= 0), np.abs(day[i] - day[j]), -1)
        points = _points(shares, days, settings)
        scores = _scores(points, settings)
        best = _best(i, rank[j], scores, settings)
        yield from zip(i[best].tolist(), j[best].tolist(), scores[best].tolist(), points[:, best].T.tolist(),
                       shares[best, -1].tolist(), days[best].tolist(), index.shared(dense, i[best] - first, j[best]))


def _reason(signal: str, text: str, points: float, seen: dict[tuple[str, str, float], Reason]) -> Reason:
    """Equal reasons are one object (at 10,000 briefings a quarter of the 200,000 are distinct):
    less to build, and less for the garbage collector to go through."""
    key = (signal, text, points)
    reason = seen.get(key)
    if reason is None:
        reason = seen[key] = Reason(signal, text, points)
    return reason


def word_counts(text: str) -> Counter[str]:
    """How often the text uses each word but the stopwords, in the order they first appear."""
    count = Counter(_WORD.findall(text.lower().replace("’", "'")))
    for word in _STOPWORDS.intersection(count):  # dropped after counting: cheaper than testing every word
        del count[word]
    return count


def text_terms(counts: list[dict[str, int]], superseded: Callable[[], bool] = never) -> list[dict[str, float]]:
    """Each text's most telling words (TF-IDF, smoothed), as a unit-length vector, from its word_counts.
    `superseded` is asked every GIVE_WAY_EVERY texts (generator/superseded.py)."""
    frequency = Counter(chain.from_iterable(counts))
    idf = {word: math.log(1 + len(counts) / n) for word, n in frequency.items()}
    vectors = []
    for count in giving_way(counts, superseded):
        weights = {w: (1 + math.log(n)) * idf[w] for w, n in count.items()}
        top = dict(sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:_TERMS_PER_BRIEFING])
        norm = math.sqrt(sum(v * v for v in top.values())) or 1.0
        vectors.append({w: v / norm for w, v in top.items()})
    return vectors


@dataclass(frozen=True)
class _Index:
    """Every value briefings can share (a person, place, organisation, figure's quantity, word) as
    a column, and each briefing as a sparse row over them: 1 for a set signal's value, the TF-IDF
    weight for a word. A value of one briefing only can match nothing and is left out; so is a
    set signal's value found in more than `common_share` of the briefings, as it says nothing
    (common words stay in rows, as the cosine counts them, but find no candidates)."""

    keys: list[tuple[str, str]]  # column -> (signal, key)
    signals: np.ndarray  # column -> its signal, as an index in _SIGNALS
    name_rank: np.ndarray  # column -> its place in key order
    postings: list[list[int] | None]  # column -> its briefings in order; None if too common to tell
    starts: np.ndarray  # row r's entries are starts[r]:starts[r + 1] in cols and vals
    cols: np.ndarray
    vals: np.ndarray

    @classmethod
    def of(cls, features: list[Features], settings: RelatedSettings, superseded: Callable[[], bool] = never) -> _Index:
        columns: dict[tuple[str, str], int] = {}
        counts, cols, vals = [], [], []
        for feature in giving_way(features, superseded):
            before = len(cols)
            for key, value in _values(feature):
                cols.append(columns.setdefault(key, len(columns)))
                vals.append(value)
            counts.append(len(cols) - before)
        found = np.bincount(np.array(cols, dtype=np.int64), minlength=len(columns))  # briefings per value
        common = settings.common_share * len(features) if len(features) >= settings.common_after else len(features)
        telling = (found > 1) & (found <= max(common, 2))
        kept = telling | (np.array([signal == "text" for signal, _ in columns], dtype=bool) & (found > 1))
        return cls._kept(list(columns), telling, kept, np.repeat(np.arange(len(features)), counts),
                         np.array(cols, dtype=np.int64), np.array(vals), len(features))

    @classmethod
    def _kept(cls, keys: list[tuple[str, str]], telling: np.ndarray, kept: np.ndarray, rows: np.ndarray,
              cols: np.ndarray, vals: np.ndarray, size: int) -> _Index:
        """The index of the kept columns only, numbered anew (dense rows stay narrow), with the
        postings of the telling ones."""
        entries = kept[cols]
        rows, cols, vals = rows[entries], (np.cumsum(kept) - 1)[cols[entries]], vals[entries]
        keys = [key for key, keep in zip(keys, kept.tolist()) if keep]
        by_name = sorted(range(len(keys)), key=keys.__getitem__)
        name_rank = np.empty(len(keys), dtype=np.int64)
        name_rank[by_name] = np.arange(len(keys))
        in_column = np.bincount(cols, minlength=len(keys))
        postings = np.split(rows[np.argsort(cols, kind="stable")], np.cumsum(in_column)[:-1])  # in briefing order
        return cls(
            keys=keys,
            signals=np.array([_SIGNALS.index(signal) for signal, _ in keys], dtype=np.int64),
            name_rank=name_rank,
            postings=[docs.tolist() if tell else None for docs, tell in zip(postings, telling[kept].tolist())],
            starts=np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=size)))),
            cols=cols,
            vals=vals,
        )

    def candidate_pairs(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """Every (briefing, candidate) pair of briefings start..stop-1, as two arrays in briefing order."""
        theirs: list[int] = []
        counts = []
        offset = self.starts[start]  # only these rows' entries are made into lists
        cols, starts = self.cols[offset:self.starts[stop]].tolist(), (self.starts[start:stop + 1] - offset).tolist()
        for row, i in enumerate(range(start, stop)):
            found = self._candidates(i, cols[starts[row]:starts[row + 1]])
            theirs.extend(found)
            counts.append(len(found))
        return np.repeat(np.arange(start, stop), counts), np.array(theirs, dtype=np.int64)

    def _candidates(self, i: int, columns: list[int]) -> set[int]:
        """Briefings sharing a value with briefing i, found through its rarest values first and at
        most _CANDIDATES of them (the nearest in time from a long posting list): the work stays linear."""
        lists = [docs for docs in map(self.postings.__getitem__, columns) if docs is not None]
        lists.sort(key=len)  # stable: equally rare values keep their order
        found: set[int] = set()
        for docs in lists:
            need = _CANDIDATES - len(found)
            if need <= 0:
                break
            if len(docs) > need:  # postings are in briefing order, newest first: take those around i
                start = max(0, bisect_left(docs, i) - need // 2)
                docs = docs[start:start + need]
            found.update(docs)
        found.discard(i)
        return found

    def blocks(self, start: int, stop: int) -> list[tuple[int, int]]:
        """Rows start..stop-1 in runs first..last-1, few enough to be laid out dense."""
        size = max(1, min(_DENSE_CELLS // max(1, len(self.keys)), _ROWS_AT_ONCE))
        return [(first, min(first + size, stop)) for first in range(start, stop, size)]

    def dense(self, first: int, last: int) -> np.ndarray:
        """Rows first..last-1 laid out flat, row after row."""
        dense = np.zeros((last - first) * len(self.keys))
        own = slice(self.starts[first], self.starts[last])
        row_starts = np.repeat(np.arange(last - first) * len(self.keys), np.diff(self.starts[first:last + 1]))
        dense[row_starts + self.cols[own]] = self.vals[own]
        return dense

    def shares(self, dense: np.ndarray, mine: np.ndarray, theirs: np.ndarray) -> np.ndarray:
        """Per pair, what dense row `mine` and row `theirs` share, in _SIGNALS order: the products
        of their values summed per signal, so a count for a set signal and the cosine for text."""
        pair, columns, products = self._products(dense, mine, theirs)
        bins = pair * len(_SIGNALS) + self.signals[columns]
        return np.bincount(bins, products, len(mine) * len(_SIGNALS)).reshape(-1, len(_SIGNALS))

    def shared(self, dense: np.ndarray, mine: np.ndarray, theirs: np.ndarray) -> list[dict[str, list[str]]]:
        """Per pair, signal -> the keys both have; for text only the words shown, those weighing
        most in common (then alphabetically)."""
        pair, columns, products = self._products(dense, mine, theirs)
        both = products > 0
        pair, columns, products = pair[both], columns[both], products[both]
        order = np.lexsort((self.name_rank[columns], -products, self.signals[columns], pair))
        pair, columns = pair[order], columns[order]
        group = pair * len(_SIGNALS) + self.signals[columns]
        place = np.arange(len(group)) - np.searchsorted(group, group)  # within its pair and signal
        shown = (self.signals[columns] != _SIGNALS.index("text")) | (place < _WORDS_SHOWN)
        shared: list[dict[str, list[str]]] = [{} for _ in range(len(mine))]
        for p, column in zip(pair[shown].tolist(), columns[shown].tolist()):
            signal, key = self.keys[column]
            shared[p].setdefault(signal, []).append(key)
        return shared

    def _products(self, dense: np.ndarray, mine: np.ndarray, theirs: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For each entry of the rows `theirs`: its pair, its column, and its value times that of
        the pair's dense row `mine` (0 where mine has no such value)."""
        begin = self.starts[theirs]
        lengths = self.starts[theirs + 1] - begin
        entries = np.repeat(begin - (np.cumsum(lengths) - lengths), lengths) + np.arange(lengths.sum())
        columns = self.cols[entries]
        products = dense[np.repeat(mine * len(self.keys), lengths) + columns] * self.vals[entries]
        return np.repeat(np.arange(len(mine)), lengths), columns, products


def _values(feature: Features) -> Iterator[tuple[tuple[str, str], float]]:
    for signal in SET_SIGNALS:
        for key in feature.values[signal]:
            yield (signal, key), 1.0
    for word, weight in feature.terms.items():
        yield ("text", word), weight


def _points(shares: np.ndarray, days: np.ndarray, settings: RelatedSettings) -> np.ndarray:
    """Per signal (rows in _REASONS order) and pair, the points it adds: its weight times its
    strength, 0-1; NaN where it is no reason. Time counts only for pairs sharing something else."""
    points = np.full((len(_REASONS), len(shares)), np.nan)
    matched = np.zeros(len(shares), dtype=bool)
    for column, signal in enumerate(_SIGNALS):
        weight = settings.weights.get(signal, 0.0)
        share = shares[:, column]
        if weight > 0:
            hit = share > _MIN_SIMILARITY if signal == "text" else share > 0
            strength = share if signal == "text" else share / _SATURATION[signal]
            points[column] = np.where(hit, weight * np.minimum(1.0, strength), np.nan)
            matched |= hit
    weight = settings.weights.get("time", 0.0)
    if weight > 0:
        closeness = np.maximum(0.0, 1 - days / max(1, settings.time_days))
        points[-1] = np.where(matched & (days >= 0), weight * closeness, np.nan)
    return points


def _scores(points: np.ndarray, settings: RelatedSettings) -> np.ndarray:
    """Per pair, the weighted mean of its signals, 0-100; -1 when it has no reason at all."""
    total = np.zeros(points.shape[1])
    for row in points:  # one signal at a time, in order, as a reader would add them up
        total += np.where(np.isnan(row), 0.0, row)
    total_weight = sum(max(0.0, w) for w in settings.weights.values()) or 1.0
    return np.where(np.isnan(points).all(axis=0), -1, np.rint(100 * total / total_weight)).astype(np.int64)


def _title_ranks(briefings: list[Document]) -> np.ndarray:
    """Each briefing's place in title order (equal titles in briefing order: ties stay deterministic)."""
    by_title = sorted(range(len(briefings)), key=lambda k: briefings[k].title)
    rank = np.empty(len(briefings), dtype=np.int64)
    rank[by_title] = np.arange(len(briefings))
    return rank


def _best(mine: np.ndarray, their_rank: np.ndarray, scores: np.ndarray, settings: RelatedSettings) -> np.ndarray:
    """The pairs shown, in order: per briefing (mine ascending) the `count` best scoring at least
    `threshold`, by score then title."""
    shown = np.flatnonzero((scores >= 0) & (scores >= settings.threshold))
    shown = shown[np.lexsort((their_rank[shown], -scores[shown], mine[shown]))]
    place = np.arange(len(shown)) - np.searchsorted(mine[shown], mine[shown])  # place within its briefing
    return shown[place < settings.count]


def _reason_text(signal: str, keys: list[str], mine: Features, cosine: float, days: int) -> str:
    if signal == "time":
        return "Published the same day" if days == 0 else f"Published {days} day{'s' if days != 1 else ''} apart"
    if signal == "text":
        return f"Similar wording ({round(100 * cosine)}% alike: {', '.join(keys)})"
    return _shared_text(signal, sorted(mine.values[signal][key] for key in keys))


def _shared_text(signal: str, labels: list[str]) -> str:
    one, many = _KIND_WORDS[signal]
    shown = labels[:4] + ([f"{len(labels) - 4} more"] if len(labels) > 4 else [])
    listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
    if signal == "figures":
        return f"Figures on the same {'quantity' if len(labels) == 1 else 'quantities'}: {listed}"
    return f"{len(labels)} {one if len(labels) == 1 else many} in common: {listed}"
