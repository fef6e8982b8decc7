"""Briefings -> for each, its most related briefings with a score and the reasons in words.

What two briefings share, per signal: people, places, organisations and figures' quantities, each
shared value weighing its rarity in the archive (an IDF, from the share of briefings naming it)
times its salience in each briefing (in the title or lead, or named several times, against once in
passing); similar wording (the cosine of their TF-IDF vectors over stemmed words); closeness in
time. A logistic model calibrated on the related-links devset (bench/related_eval.py) turns these
into the score, 0-100: the chance, as measured there, that a reader finds the link genuine (the
same story or the same ongoing topic). So `threshold` means the same in any archive, and the reasons
shown are the signals that added points to the score.

Candidates come from an inverted index (value -> briefings), never from all pairs; values in
more than `common_share` of the briefings say nothing and are dropped, which also keeps the
work near-linear. Each briefing is a sparse row of the values it can share; two briefings are a
candidate pair when either is among the other's candidates (at most _CANDIDATES each), and each
pair is scored once, with numpy, for both; the reasons in words are written only for the few
pairs shown.
"""

from __future__ import annotations

import functools
import math
import operator
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat

import justext
import numpy as np
import pycountry

from generator.config.settings import RelatedSettings
from generator.content.documents import Document
from generator.utils.parallel import map_shares
from generator.utils.cancel import checked, checkpoint

SET_SIGNALS = ("people", "places", "organisations", "figures")
# A value named by this share of the briefings or fewer is as telling as any; more common ones
# weigh less, down to nothing for a value every briefing names (an IDF scaled to 0-1, so a
# score means the same in a small archive as in a large one).
_RARE_SHARE = 1 / 50
_TERMS_PER_BRIEFING = 60
_MIN_SIMILARITY = 0.05  # below this, wording in common is chance
_WORDS_SHOWN = 4  # in the reason for similar wording
_MIN_POINTS = 1  # a signal adding less to the score is no reason worth showing
_POINTS_PER_LOGIT = 25  # the slope of the score at 50
_CANDIDATES = 50  # per briefing, through its rarest values: ten times the five a page lists; bounds the work
_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]")
# No "[" in an address: from each "](" of many unclosed ones the search would run to the end of the text.
_LINK_TARGET = re.compile(r"\]\([^)\s\[]*\)|https?://\S+|www\.\S+")  # URLs' words (tracking parameters) are no wording
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
_REASONS = (*_SIGNALS, "time")  # what adds points, as rows of _evidence; reasons are listed in this order
# The logistic model's intercept and, per signal in _REASONS order, its coefficient on the
# evidence (_evidence), fitted on the tuned part of the devset (`python -m bench.related_eval
# --fit`); the weights in site.yaml multiply these (1: as calibrated, 0: off).
_INTERCEPT = -7.10
_COEFFICIENTS = (2.19, 2.19, 2.19, 2.00, 13.80, 1.00)
# A suffix stripped from a word, and what replaces it, tried in order: enough for inflections
# ("killed", "kills", "killing") and common derivations ("investigation", "investigating") to
# meet, while names and short words stay as they are.
_SUFFIXES = (("ational", "at"), ("ation", "at"), ("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ness", ""),
             ("ings", ""), ("ing", ""), ("edly", ""), ("ed", ""), ("ers", ""), ("er", ""), ("ly", ""), ("s", ""))
_STEM_AT_LEAST = 4  # letters left after stripping
# Nouns that are themselves a tally of what befell people (a figure's last word), and past tenses
# that are no event that befell what is counted.
_TALLIES = frozenset("casualties deaths dead injuries injured cases infections arrests refugees evacuees "
                     "layoffs victims fatalities hostages prisoners".split())
_NOT_EVENTS = frozenset("showed used called asked voted needed listed based related aged rated owned".split())
# An entity's weight in a briefing by how often it is named (0, 1, 2, 3 or more times) outside
# the title and lead: named once it is most often in passing.
_SALIENCE = (0.3, 0.3, 0.6, 1.0)
# Pairs are scored a block of briefings at a time, their rows laid out dense (_DENSE_CELLS at most), so
# numpy's arrays stay small and in the CPU's caches.
_DENSE_CELLS = 1 << 18
_ROWS_AT_ONCE = 64
_KIND_WORDS = {"people": ("person", "people"), "places": ("place", "places"),
               "organisations": ("organisation", "organisations"), "figures": ("figure", "figures")}


@dataclass(frozen=True)
class Reason:
    signal: str
    text: str
    points: float  # what it adds to the score: its log-odds as points of a score at even odds


@dataclass(frozen=True)
class Relation:
    document: Document
    score: int  # 0-100
    reasons: list[Reason]


@dataclass
class Features:
    """What one briefing can share: labelled values per signal, and its word vector."""

    values: dict[str, dict[str, str]]  # signal -> {key: label}; "text" -> {stem: the word shown}, its terms' at least
    terms: dict[str, float]  # stem -> normalised TF-IDF weight
    salience: dict[str, dict[str, float]] = field(default_factory=dict)  # signal -> {key: 0-1}; missing: 1


def related_briefings(briefings: list[Document], features: list[Features], settings: RelatedSettings,
                      processes: int = 1) -> dict[str, list[Relation]]:
    """For each briefing url, up to `count` relations scoring at least `threshold`, best first.
    Cancellation is checked before each block of briefings, and every CHECK_EVERY briefings or
    pairs in the steps around the scoring (generator/utils/cancel.py). Candidates are found,
    and pairs scored, by `processes`, each for its run of briefings."""
    return link_related(briefings, features, settings, processes).lists


@dataclass
class Related:
    """Each briefing's related list (by url, best first), and what was worked out for them: kept,
    so that after briefings are edited in place only the lists the edits can reach are worked out
    again (link_related's `last`)."""

    lists: dict[str, list[Relation]]
    index: _Index | None = None
    candidates: np.ndarray | None = None  # each briefing's candidates, as briefing * briefings + candidate
    found: tuple[np.ndarray, ...] = ()  # lo, hi, score, points, cosine: the pairs scoring `threshold` or more, in order
    day: np.ndarray | None = None
    words: dict[str, str] | None = None  # the word shown for each stem (text_terms)
    reached: frozenset[str] | None = None  # the briefings whose list was worked out again; None: all


def link_related(briefings: list[Document], features: list[Features], settings: RelatedSettings,
                 processes: int = 1, last: Related | None = None, edited: Collection[int] = ()) -> Related:
    """related_briefings, keeping what it worked out. `last`: the same briefings' (in the same
    order, their entities named alike) before those at places `edited` were edited in place: then
    only the lists those edits can reach are worked out again (_updated), the others kept."""
    if not briefings or settings.count <= 0:
        return Related({document.url: [] for document in briefings})
    index, day = _Index.of(features, settings, last.index.rows if last is not None and last.index else None), _days(briefings)
    words = features[0].values.get("text", {})  # one mapping for all briefings
    if last is not None and last.index is not None and last.day is not None and len(last.day) == len(briefings):
        candidates, found, rebuild = _updated(index, day, words, last, edited, settings)
    else:
        (candidates, found), rebuild = _scored_all(index, day, settings, processes), None
    lists = _lists(briefings, features, index, found, day, settings, rebuild, last.lists if last else {})
    reached = None if rebuild is None else frozenset(briefings[k].url for k in np.flatnonzero(rebuild).tolist())
    return Related(lists, index, candidates, found, day, words, reached)


def _scored_all(index: _Index, day: np.ndarray, settings: RelatedSettings, processes: int
                ) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    """Every briefing's candidates, and the candidate pairs scoring `threshold` or more."""
    size = len(day)
    runs = [(size * k // processes, size * (k + 1) // processes) for k in range(processes)]
    candidates = np.concatenate(map_shares(lambda which, n: index.candidate_keys(range(*runs[which])), processes))
    pairs = _undirected(candidates, size)
    runs = _runs(pairs[0], size, processes)
    found = map_shares(lambda which, n: _scored(index, pairs, day, settings, *runs[which]), processes)
    return candidates, tuple(np.concatenate(part) for part in zip(*found))


def _updated(index: _Index, day: np.ndarray, words: dict[str, str], last: Related, edited: Collection[int],
             settings: RelatedSettings) -> tuple[np.ndarray, tuple[np.ndarray, ...], np.ndarray]:
    """What _scored_all would find, worked out only where the edits reach, and which lists to make
    again. A briefing's row changes with its own values and with the weights of the values it holds
    (their rarity, its words' TF-IDF); its candidates change with its row and with the briefings
    holding one of its values; a pair's score with either row or day. Every other pair is as last
    scored. A list is made again when one of its pairs is new, gone or scored otherwise, or its
    reasons may read otherwise: a briefing of the pair edited, holding other values or other
    word weights (the words shown are those weighing most), or a word shown in another form."""
    assert last.index is not None and last.candidates is not None and last.day is not None and last.words is not None
    size = len(day)
    same, alike = index.same_rows(last.index)
    dirty, touched = ~same | (day != last.day), ~alike | (day != last.day)
    dirty[list(edited)] = touched[list(edited)] = True
    moved = set().union(*(index.row_keys(r) ^ last.index.row_keys(r) for r in np.flatnonzero(~alike).tolist()))
    searched = dirty | index.holding(moved)  # whose candidates may differ: the values they hold have other briefings
    candidates = np.concatenate((last.candidates[~searched[last.candidates // size]],
                                 index.candidate_keys(np.flatnonzero(searched).tolist())))
    lo, hi = _undirected(candidates, size)
    old_lo, old_hi = _undirected(last.candidates, size)
    fresh = ~_within(lo * size + hi, old_lo * size + old_hi) | dirty[lo] | dirty[hi]
    flo, fhi = last.found[0], last.found[1]
    kept = ~dirty[flo] & ~dirty[fhi] & _within(flo * size + fhi, lo * size + hi)
    scored = _scored(index, (lo[fresh], hi[fresh]), day, settings, 0, size)
    merged = [np.concatenate((old[kept], new)) for old, new in zip(last.found, scored)]
    order = np.argsort(merged[0] * size + merged[1], kind="stable")
    remake = touched | index.holding({("text", stem) for stem in words.keys() | last.words.keys()
                                      if words.get(stem) != last.words.get(stem)})
    changed = ~_as_before(scored, last.found, size) | touched[scored[0]] | touched[scored[1]]
    gone = ~kept & ~_within(flo * size + fhi, scored[0] * size + scored[1])
    for ends in (scored[0][changed], scored[1][changed], flo[gone], fhi[gone]):
        remake[ends] = True
    return candidates, tuple(part[order] for part in merged), remake


def _within(keys: np.ndarray, ordered: np.ndarray) -> np.ndarray:
    """Per key, whether it is one of `ordered` (ascending): np.isin's answer, found by bisection in
    the sorted keys, where np.isin hashes them, many times slower on pair keys."""
    if not len(ordered):
        return np.zeros(len(keys), dtype=bool)
    return ordered[np.minimum(np.searchsorted(ordered, keys), len(ordered) - 1)] == keys


def _as_before(scored: tuple[np.ndarray, ...], last: tuple[np.ndarray, ...], size: int) -> np.ndarray:
    """Per pair scored, whether it was found before with the same score, points and cosine."""
    keys, last_keys = scored[0] * size + scored[1], last[0] * size + last[1]
    at = np.minimum(np.searchsorted(last_keys, keys), max(0, len(last_keys) - 1))
    if not len(last_keys):
        return np.zeros(len(keys), dtype=bool)
    points, last_points = scored[3], last[3][at]
    return ((last_keys[at] == keys) & (last[2][at] == scored[2]) & (last[4][at] == scored[4])
            & ((points == last_points) | (np.isnan(points) & np.isnan(last_points))).all(axis=1))


def _lists(briefings: list[Document], features: list[Features], index: _Index, found: tuple[np.ndarray, ...],
           day: np.ndarray, settings: RelatedSettings, rebuild: np.ndarray | None,
           last: dict[str, list[Relation]]) -> dict[str, list[Relation]]:
    """Each briefing's list from the pairs found, made anew for those `rebuild` marks (None: all)
    and as in `last` for the others."""
    related: dict[str, list[Relation]] = {document.url: [] if rebuild is None or rebuild[k] else last[document.url]
                                          for k, document in enumerate(briefings)}
    lo, hi, scores, points, cosine = found
    # Each pair was scored once; it is a candidate for both its briefings.
    mine, theirs, at = np.concatenate((lo, hi)), np.concatenate((hi, lo)), np.tile(np.arange(len(lo)), 2)
    if rebuild is not None:  # the pairs of the lists made again, alone ranked
        ours = rebuild[mine]
        mine, theirs, at = mine[ours], theirs[ours], at[ours]
    best = _best(mine, _title_ranks(briefings)[theirs], scores[at], settings)
    shown = _distinct(at[best])  # the pairs shown, each once
    shared = index.shared_pairs(lo[shown], hi[shown])
    days = np.where((day[lo[shown]] >= 0) & (day[hi[shown]] >= 0), np.abs(day[lo[shown]] - day[hi[shown]]), -1)
    score, added, alike, apart = (scores[shown].tolist(), points[shown].tolist(), cosine[shown].tolist(),
                                  days.tolist())
    seen: dict[tuple[str, str, float], Reason] = {}
    # A pair's reasons read the same from both its briefings (names and words are labelled as the
    # archive knows them), but for a figure's quantity, which each briefing words its own way.
    both: dict[int, list[Reason]] = {}
    pairs_shown = zip(mine[best].tolist(), theirs[best].tolist(), np.searchsorted(shown, at[best]).tolist())
    for a, b, k in checked(pairs_shown):
        reasons = both.get(k)
        if reasons is None:
            reasons = both[k] = [
                _reason(signal, _reason_text(signal, shared[k].get(signal, []), features[a], alike[k], apart[k]),
                        points, seen)
                for signal, points in zip(_REASONS, added[k]) if not math.isnan(points)]
        elif "figures" in shared[k]:
            reasons = [_reason("figures", _reason_text("figures", shared[k]["figures"], features[a], 0.0, 0),
                               reason.points, seen) if reason.signal == "figures" else reason for reason in reasons]
        related[briefings[a].url].append(Relation(briefings[b], score[k], reasons))
    return related


def candidate_evidence(briefings: list[Document], features: list[Features], settings: RelatedSettings
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every candidate pair (each once, as two briefings' places) and its evidence per signal
    (rows in _REASONS order), as the model weighs it: what bench/related_eval.py calibrates the model on."""
    index = _Index.of(features, settings)
    lo, hi = _undirected(index.candidate_keys(range(len(briefings))), len(briefings))
    day = _days(briefings)
    evidence = [_evidence(shares, days, settings) for _, _, _, _, shares, days in
                _blocks(index, lo, hi, day, 0, len(briefings))]
    return lo, hi, np.concatenate(evidence, axis=1) if evidence else np.zeros((len(_REASONS), 0))


@dataclass(frozen=True)
class PairEvidence:
    """Why two briefings score what they score, listed or not (pair_evidence)."""

    score: int  # 0-100 as a list would show it; -1 when they share nothing
    points: dict[str, float]  # signal -> what it adds to the score, as Reason.points but never left out
    shared: dict[str, list[str]]  # signal -> what both hold, as reasons name it (for text the words shown)
    candidate: bool  # whether either is among the other's candidates (else it is never scored)


def pair_evidence(briefings: list[Document], features: list[Features], settings: RelatedSettings,
                  pairs: Sequence[tuple[int, int]]) -> list[PairEvidence]:
    """Per pair (two briefings' places), its score, the points each signal adds and what they
    share, whether or not a list shows it: for reading why a genuine pair is missed
    (bench/related_eval.py --misses). Not for a build: it scores each pair on its own."""
    index, day = _Index.of(features, settings), _days(briefings)
    size = len(briefings)
    ends = sorted({k for pair in pairs for k in pair})
    keys = set(index.candidate_keys(ends).tolist()) if ends else set()
    found = []
    for a, b in pairs:
        lo, hi = min(a, b), max(a, b)
        # One block of one row, lo's: its dense row, and what the pair shares.
        (_, dense, _, _, shares, days), = _blocks(index, np.array([lo]), np.array([hi]), day, lo, lo + 1)
        logits, matched = _logits(_evidence(shares, days, settings), settings)
        shared = index.shared(dense, np.array([0]), np.array([hi]))[0]
        labels = {signal: [features[a].values.get(signal, {}).get(key, key) for key in values]
                  for signal, values in shared.items()}
        found.append(PairEvidence(int(_scores(logits, matched)[0]),
                                  dict(zip(_REASONS, (_POINTS_PER_LOGIT * logits[:, 0]).tolist())), labels,
                                  lo * size + hi in keys or hi * size + lo in keys))
    return found


def _undirected(candidates: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Every candidate pair once, as (lo, hi) with lo < hi, in order: two briefings are a pair when
    either is the other's candidate. Their score is one, so it is reckoned once."""
    mine, theirs = candidates // size, candidates % size
    keys = _distinct(np.minimum(mine, theirs) * size + np.maximum(mine, theirs))
    return keys // size, keys % size


def _distinct(keys: np.ndarray) -> np.ndarray:
    """The keys in order, each once: as np.unique gives them, which on this many integer keys takes
    a hashing path many times slower than sorting."""
    keys = np.sort(keys)
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys


def _runs(lo: np.ndarray, size: int, processes: int) -> list[tuple[int, int]]:
    """Runs of briefings (as first..last-1), one per process, each the first of about as many pairs."""
    bounds = [0, *(int(lo[len(lo) * k // processes]) if len(lo) else size for k in range(1, processes)), size]
    return list(zip(bounds, bounds[1:]))


def _days(briefings: list[Document]) -> np.ndarray:
    """Each briefing's day as an ordinal, -1 when undated."""
    return np.array([d.date.date().toordinal() if d.date is not None else -1 for d in briefings], dtype=np.int64)


def _blocks(index: _Index, lo: np.ndarray, hi: np.ndarray, day: np.ndarray,
            start: int, stop: int) -> Iterator[tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """The pairs whose first briefing is one of start..stop-1, a block of first briefings at a time:
    the block's first briefing and dense rows, the pairs (lo, hi), what they share per signal,
    and the days apart (-1: unknown)."""
    for first, last in index.blocks(start, stop):
        checkpoint()
        a, b = np.searchsorted(lo, (first, last))
        if a == b:
            continue
        i, j = lo[a:b], hi[a:b]
        dense = index.dense(first, last)
        shares = index.shares(dense, i - first, j)
        shares = shares / np.maximum(1.0, index.norms[i] * index.norms[j])
        yield first, dense, i, j, shares, np.where((day[i] >= 0) & (day[j] >= 0), np.abs(day[i] - day[j]), -1)


def _scored(index: _Index, pairs: tuple[np.ndarray, np.ndarray], day: np.ndarray, settings: RelatedSettings,
            start: int, stop: int
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The pairs whose first briefing is one of start..stop-1 that score `threshold` or more: (lo, hi,
    score, points per signal in _REASONS order as a row per pair, text cosine). Only these come
    back from a process: a few per briefing of the hundred scored."""
    found = []
    for _, _, i, j, shares, days in _blocks(index, *pairs, day, start, stop):
        logits, matched = _logits(_evidence(shares, days, settings), settings)
        scores = _scores(logits, matched)
        kept = np.flatnonzero((scores >= 0) & (scores >= settings.threshold))
        found.append((i[kept], j[kept], scores[kept], _points(logits[:, kept]).T, shares[kept, -1]))
    if not found:
        return (np.zeros(0, dtype=np.int64),) * 3 + (np.zeros((0, len(_REASONS))), np.zeros(0))
    return tuple(np.concatenate(part) for part in zip(*found))  # type: ignore[return-value]


def _reason(signal: str, text: str, points: float, seen: dict[tuple[str, str, float], Reason]) -> Reason:
    """Equal reasons are one object (most reasons recur, word for word, across the archive):
    less to build, and less for the garbage collector to go through."""
    key = (signal, text, points)
    reason = seen.get(key)
    if reason is None:
        reason = seen[key] = Reason(signal, text, points)
    return reason


def word_counts(text: str) -> Counter[str]:
    """How often the text uses each word but the stopwords, in the order they first appear."""
    if "](" in text or "://" in text or "www." in text:
        text = _LINK_TARGET.sub(" ", text)
    count = Counter(_WORD.findall(text.lower().replace("’", "'")))
    for word in _STOPWORDS.intersection(count):  # dropped after counting: cheaper than testing every word
        count.pop(word)  # dict's own: Counter's del runs Python code
    return count


@functools.lru_cache(maxsize=None)
def function_words(language: str) -> frozenset[str]:
    """The common words of a language by its code ("pt"), from jusText's stoplists (which
    trafilatura brings): in a briefing in another language than English they are chance wording."""
    found = pycountry.languages.get(alpha_2=language.split("-")[0].lower()) if language else None
    names = {found.name, found.name.split(" (")[0]} & set(justext.get_stoplists()) if found else set()
    return frozenset(justext.get_stoplist(names.pop())) if names else frozenset()


def salience(keys: tuple[tuple[str, ...], ...], counts: dict[str, int], lead: dict[str, int]) -> float:
    """How much a briefing is about an entity, 0-1, from the name's keys (name_keys): fully when its
    title or lead names it or the text names it _SALIENCE times or more, less when named once or
    twice in passing, in the word_counts of the text and lead."""
    mentions = 0
    for key in keys:
        if all(w in lead for w in key):
            return 1.0
        mentions = max(mentions, min(counts.get(w, 0) for w in key))
    return _SALIENCE[min(mentions, len(_SALIENCE) - 1)]


def name_keys(kind: str, spellings: list[str]) -> tuple[tuple[str, ...], ...]:
    """The words each spelling of an entity is found by, each set once: a person's surname, all the
    words of anything else. Reckoned once per entity, not per briefing naming it."""
    return tuple(dict.fromkeys(key for key in (_key_words(kind, spelling) for spelling in spellings) if key))


def tracked(what: str) -> bool:
    """Whether a figure counts a quantity readers follow from briefing to briefing: who or what is
    counted and what befell them ("Russian troops killed", "civilians wounded", "people displaced",
    "civilian casualties"), not a unit or a bare noun ("mph", "points", "people", "years ago")."""
    words = _WORD.findall(what.lower())
    return len(words) >= 2 and (words[-1] in _TALLIES or (words[-1].endswith("ed") and words[-1] not in _NOT_EVENTS))


def _key_words(kind: str, spelling: str) -> tuple[str, ...]:
    """The words a name is found by: a person's surname, all the words of anything else."""
    words = tuple(w for w in _WORD.findall(spelling.lower().replace("’", "'")) if w not in _STOPWORDS)
    return words[-1:] if kind == "people" else words


def stem(word: str) -> str:
    """The word less its first matching suffix in _SUFFIXES (and a final e or doubled consonant),
    so that forms of one word count as one."""
    word = word.removesuffix("'s").removesuffix("'")
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _STEM_AT_LEAST:
            if suffix == "s" and word[-2] in "isu'":  # "crisis", "status", "class": no plural
                break
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > _STEM_AT_LEAST and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "planned" -> "plann" -> "plan"
    return word[:-1] if len(word) > _STEM_AT_LEAST and word.endswith("e") else word


def text_terms(counts: list[dict[str, int]]
               ) -> tuple[list[dict[str, float]], dict[str, str]]:
    """Each text's most telling stems (TF-IDF, sublinear, smoothed), as a unit-length vector, from
    its word_counts; and per stem the word shown for it (the form most texts use, then the first
    alphabetically). Cancellation is checked every CHECK_EVERY texts (generator/utils/cancel.py)."""
    terms = Terms.of(counts)
    return terms.vectors, terms.shown


@dataclass(frozen=True)
class Terms:
    """text_terms' vectors and words shown, with what they were reckoned from, so that after some
    texts are edited only the vectors whose weights can move are reckoned again (`edited`): a
    text's vector moves with its own counts and with the number of texts holding one of its stems."""

    vectors: list[dict[str, float]]
    shown: dict[str, str]  # stem -> the word shown for it
    words: list[str]  # per text, its words space-separated: what to take out of `using` when it is edited
    using: Counter[str]  # texts per word
    stems: dict[str, str]  # word -> its stem
    names: list[str]  # stem number -> stem, by name (a stem no text holds any more may stay)
    held: np.ndarray  # stem number -> texts holding it
    # One entry per text and stem it holds: the text, the stem's number, the stem's words' count.
    doc: np.ndarray
    found: np.ndarray
    tf: np.ndarray

    @classmethod
    def of(cls, counts: list[dict[str, int]]) -> Terms:
        using = Counter(chain.from_iterable(counts))
        stems = {word: stem(word) for word in using}
        shown: dict[str, str] = {}
        for word, _ in sorted(using.items(), key=lambda item: (-item[1], item[0])):
            shown.setdefault(stems[word], word)
        checkpoint()
        names = sorted(shown)  # a stem's number is its place by name, so that equal weights are ranked by name
        doc, found, tf = _entries(counts, stems, {name: k for k, name in enumerate(names)})
        held = np.bincount(found, minlength=len(names))
        words = [" ".join(count) for count in counts]
        return cls(_vectors(doc, found, tf, held, names, len(counts)), shown, words, using, stems, names, held,
                   doc.astype(np.int32), found.astype(np.int32), tf.astype(np.float32))

    def edited(self, counts: dict[int, dict[str, int]]) -> Terms:
        """These terms with the texts at `counts`' places counting those words (as many texts)."""
        if not counts:
            return self
        before = {k: set(self.words[k].split(" ")) if self.words[k] else set() for k in counts}
        using, stems = self.using.copy(), self.stems
        for k, count in counts.items():
            using.subtract(before[k])
            using.update(count.keys())
            stems.update((word, stem(word)) for word in count.keys() - stems.keys())  # a word's stem never changes
        moved = set().union(*(before[k].symmetric_difference(count) for k, count in counts.items()))
        for word in moved:
            if using[word] <= 0:
                del using[word]
        shown = _shown_again(self.shown, {stems[word] for word in moved}, using, stems)
        names = self.names
        if not shown.keys() <= set(names):
            names = sorted(shown.keys() | set(names))
        number = {name: k for k, name in enumerate(names)}
        renumber = np.fromiter((number[name] for name in self.names), np.int64, len(self.names))
        previous = np.zeros(len(names), dtype=np.int64)
        previous[renumber] = self.held
        held = previous.copy()
        for k, count in counts.items():
            held[[number[s] for s in {stems[w] for w in before[k]}]] -= 1
            held[[number[s] for s in {stems[w] for w in count}]] += 1
        texts = len(self.words)
        changed = np.flatnonzero(held != previous)
        found = renumber[self.found]
        mine = np.isin(self.doc, list(counts))
        reached = np.zeros(texts, dtype=bool)
        reached[self.doc[np.isin(found, changed)]] = True  # the texts whose stems' weights moved
        reached[list(counts)] = True
        new_doc, new_found, new_tf = _entries(list(counts.values()), stems, number)
        doc = np.concatenate((self.doc[~mine], np.array(list(counts), dtype=np.int32)[new_doc]))
        found = np.concatenate((found[~mine], new_found)).astype(np.int32)
        tf = np.concatenate((self.tf[~mine], new_tf)).astype(np.float32)
        which = np.flatnonzero(reached)
        at = reached[doc]
        local = np.searchsorted(which, doc[at])
        order = np.argsort(local, kind="stable")
        fresh = _vectors(local[order], found[at][order], tf[at][order].astype(np.float64), held, names, texts,
                         len(which))
        vectors = list(self.vectors)
        for k, vector in zip(which.tolist(), fresh):
            vectors[k] = vector
        words = list(self.words)
        for k, count in counts.items():
            words[k] = " ".join(count)
        return Terms(vectors, shown, words, using, stems, names, held, doc, found, tf)


def _shown_again(last: dict[str, str], stems_moved: set[str], using: Counter[str], stems: dict[str, str]
                 ) -> dict[str, str]:
    """`last` with the word shown for each of `stems_moved` chosen again (Terms.of's rule)."""
    shown = dict(last)
    spelled: dict[str, list[str]] = {}
    for word in using:
        if stems[word] in stems_moved:
            spelled.setdefault(stems[word], []).append(word)
    for name in stems_moved:
        shown.pop(name, None)
        if name in spelled:
            shown[name] = min(spelled[name], key=lambda word: (-using[word], word))
    return shown


def _entries(counts: list[dict[str, int]], stems: dict[str, str], number: dict[str, int]
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One entry per text and stem, in that order: the text's place, the stem's number, the counts
    of the text's words of that stem summed."""
    size = max(1, len(number))
    sizes = [len(count) for count in counts]
    doc = np.repeat(np.arange(len(counts)), sizes)
    found = np.fromiter((number[stems[word]] for word in chain.from_iterable(counts)), np.int64, len(doc))
    keys, inverse = np.unique(doc * size + found, return_inverse=True)
    tf = np.bincount(inverse, np.fromiter(chain.from_iterable(c.values() for c in counts), np.float64, len(doc)))
    return keys // size, keys % size, tf


def _vectors(doc: np.ndarray, found: np.ndarray, tf: np.ndarray, held: np.ndarray, names: list[str], total: int,
             texts: int | None = None) -> list[dict[str, float]]:
    """Per text (doc: 0 up to `texts`, ascending), its _TERMS_PER_BRIEFING heaviest stems, weighed
    by TF-IDF against `total` texts of which `held` hold each stem, as a unit vector."""
    texts = total if texts is None else texts
    weight = (1 + np.log(tf)) * np.log(1 + total / np.maximum(held, 1))[found]
    checkpoint()
    order = np.lexsort((found, -weight, doc))  # per text, the heaviest first
    place = np.arange(len(order)) - np.searchsorted(doc[order], doc[order])
    top = order[place < _TERMS_PER_BRIEFING]
    doc, found, weight = doc[top], found[top], weight[top]
    norm = np.sqrt(np.bincount(doc, weight * weight, minlength=texts))
    weight = (weight / np.where(norm > 0, norm, 1.0)[doc]).tolist()
    found_names = [names[k] for k in found.tolist()]
    bounds = np.searchsorted(doc, np.arange(texts + 1)).tolist()
    return [dict(zip(found_names[a:b], weight[a:b])) for a, b in zip(bounds, bounds[1:])]


@dataclass(frozen=True)
class _Index:
    """Every value briefings can share (a person, place, organisation, figure's quantity, word) as
    a column, and each briefing as a sparse row over them: for a set signal's value the square
    root of its rarity times its salience in the briefing (so that the product of two rows is
    rarity times both saliences), the TF-IDF weight for a word. A value of one briefing only can
    match nothing and is left out; so is a set signal's value found in more than `common_share` of
    the briefings, as it says nothing (common words stay in rows, as the cosine counts them, but
    find no candidates)."""

    keys: list[tuple[str, str]]  # column -> (signal, key)
    signals: np.ndarray  # column -> its signal, as an index in _SIGNALS
    name_rank: np.ndarray  # column -> its place in key order
    postings: list[list[int] | None]  # column -> its briefings in order; None if too common to tell
    starts: np.ndarray  # row r's entries are starts[r]:starts[r + 1] in cols and vals
    cols: np.ndarray
    vals: np.ndarray
    norms: np.ndarray  # row -> per signal, the length of its part of the row (1 for text: unit vectors)
    rows: _Rows | None = None  # what the rows were read as, for the next index (`of`'s `last`)

    @classmethod
    def of(cls, features: list[Features], settings: RelatedSettings, last: _Rows | None = None) -> _Index:
        """`last`: the rows of an earlier index, whose rows read from the very Features parts
        (values, salience, terms) of `features` are taken as they are, not read again."""
        rows = _Rows.of(features, last)
        cols_array = np.concatenate(rows.cols) if rows.cols else np.zeros(0, dtype=np.int32)
        found = np.bincount(cols_array, minlength=len(rows.columns))  # briefings per value
        common = settings.common_share * len(features) if len(features) >= settings.common_after else len(features)
        telling = (found > 1) & (found <= max(common, 2))
        signal_of = np.array(rows.signals, dtype=np.int64)
        text = signal_of == _SIGNALS.index("text")
        kept = telling | (text & (found > 1))
        weight = np.where(text, 1.0, np.sqrt(_rarity(found, len(features), settings)))  # a product of two is the rarity
        counts = [len(each) for each in rows.cols]
        vals_array = (np.concatenate(rows.vals) if rows.vals else np.zeros(0)) * weight[cols_array]
        row_of = np.repeat(np.arange(len(features)), counts)
        norms = np.sqrt(np.bincount(row_of * len(_SIGNALS) + signal_of[cols_array], vals_array * vals_array,
                                    len(features) * len(_SIGNALS))).reshape(len(features), len(_SIGNALS))
        return cls._kept(list(rows.columns), telling, kept, row_of, cols_array, vals_array, norms, rows)

    @classmethod
    def _kept(cls, keys: list[tuple[str, str]], telling: np.ndarray, kept: np.ndarray, rows: np.ndarray,
              cols: np.ndarray, vals: np.ndarray, norms: np.ndarray, read: _Rows) -> _Index:
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
            starts=np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=len(norms))))),
            norms=norms,
            cols=cols,
            vals=vals,
            rows=read,
        )

    def candidate_keys(self, rows: Sequence[int]) -> np.ndarray:
        """Each of `rows` (ascending) paired with each of its candidates, as row * briefings + candidate."""
        size = len(self.starts) - 1
        theirs: list[int] = []
        counts = []
        starts = self.starts.tolist()
        for i in checked(rows):
            found = self._candidates(i, self.cols[starts[i]:starts[i + 1]].tolist())
            theirs.extend(found)
            counts.append(len(found))
        return np.repeat(np.array(rows, dtype=np.int64), counts) * size + np.array(theirs, dtype=np.int64)

    def row_keys(self, row: int) -> set[tuple[str, str]]:
        return {self.keys[column] for column in self.cols[self.starts[row]:self.starts[row + 1]].tolist()}

    def holding(self, keys: set[tuple[str, str]]) -> np.ndarray:
        """Per row, whether it holds one of `keys`."""
        columns = [column for column, key in enumerate(self.keys) if key in keys] if keys else []
        held = np.zeros(len(self.starts) - 1, dtype=bool)
        if columns:
            held[np.repeat(np.arange(len(held)), np.diff(self.starts))[np.isin(self.cols, columns)]] = True
        return held

    def same_rows(self, last: _Index) -> tuple[np.ndarray, np.ndarray]:
        """Per row, against `last` (an index of as many briefings): whether it holds the same values
        in the same order with the same weights; and whether it holds them with the same word
        weights at least (a set value's weight moves with its rarity in the archive)."""
        column_of = {key: column for column, key in enumerate(last.keys)}
        was = np.fromiter((column_of.get(key, -1) for key in self.keys), np.int64, len(self.keys))
        lengths = np.diff(self.starts)
        alike = lengths == np.diff(last.starts)
        if not len(last.cols):
            return alike & (lengths == 0), alike & (lengths == 0)
        rows = np.repeat(np.arange(len(lengths)), lengths)
        at = np.minimum(last.starts[rows] + np.arange(len(self.cols)) - self.starts[rows], len(last.cols) - 1)
        weighed = self.vals != last.vals[at]
        unlike = (was[self.cols] != last.cols[at]) | (weighed & (self.signals[self.cols] == _SIGNALS.index("text")))
        alike &= np.bincount(rows[unlike], minlength=len(lengths)) == 0
        same = alike & (self.norms == last.norms).all(axis=1) & (np.bincount(rows[weighed], minlength=len(lengths)) == 0)
        return same, alike

    def _candidates(self, i: int, columns: list[int]) -> set[int]:
        """Briefings sharing a value with briefing i, found through its rarest values first and at
        most _CANDIDATES of them (the nearest in time from a long posting list): the work stays linear."""
        lists = [docs for docs in map(self.postings.__getitem__, columns) if docs is not None]
        lists.sort(key=len)  # stable: equally rare values keep their order
        found = {i}  # itself, in every one of its postings: not a candidate, dropped at the end
        for docs in lists:
            need = _CANDIDATES + 1 - len(found)
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
        of their values summed per signal, so for a set signal its shared values' rarity times
        salience, and the cosine for text."""
        pair, columns, products = self._products(dense, mine, theirs)
        bins = pair * len(_SIGNALS) + self.signals[columns]
        return np.bincount(bins, products, len(mine) * len(_SIGNALS)).reshape(-1, len(_SIGNALS))

    def shared_pairs(self, lo: np.ndarray, hi: np.ndarray
                     ) -> list[dict[str, list[str]]]:
        """Per pair (lo ascending), signal -> the keys both have; for text only the words shown,
        those weighing most in common (then alphabetically)."""
        shared: list[dict[str, list[str]]] = []
        for first, last in self.blocks(int(lo[0]), int(lo[-1]) + 1) if len(lo) else ():
            checkpoint()
            a, b = np.searchsorted(lo, (first, last))
            if a < b:
                shared.extend(self.shared(self.dense(first, last), lo[a:b] - first, hi[a:b]))
        return shared

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


@dataclass(frozen=True)
class _Rows:
    """Each briefing's values (set signals' and words) as numbers of every value any briefing
    holds, with their weights before rarity, and the Features parts each was read from: after an
    edit most briefings' Features parts are the very objects of the last link (KeptFeatures), and
    their rows are taken as they are. Values are numbered in the order first met; a value new
    since is numbered after them, which changes no score (a value's number only places it in a row)."""

    columns: dict[tuple[str, str], int]  # every value met -> its number: only ever added to
    signals: list[int]  # number -> its signal, as an index in _SIGNALS
    read: list[tuple]  # per briefing: the Features parts its row was read from
    cols: list[np.ndarray]  # per briefing: its values' numbers, in the order of its Features
    vals: list[np.ndarray]  # per briefing: their salience (set signals) or TF-IDF weight (words)

    @classmethod
    def of(cls, features: list[Features], last: _Rows | None) -> _Rows:
        columns, signals = (last.columns, last.signals) if last is not None else ({}, [])
        read, cols, vals = [], [], []
        for k, feature in enumerate(checked(features)):
            parts = (*(feature.values[signal] for signal in SET_SIGNALS), feature.salience, feature.terms)
            if last is not None and k < len(last.read) and all(map(operator.is_, parts, last.read[k])):
                read.append(last.read[k])
                cols.append(last.cols[k])
                vals.append(last.vals[k])
                continue
            keys: list[tuple[str, str]] = []
            weights: list[float] = []
            for signal in SET_SIGNALS:
                values = feature.values[signal]
                keys.extend(zip(repeat(signal), values))
                weights.extend(map(feature.salience.get(signal, {}).get, values, repeat(1.0)))
            keys.extend(zip(repeat("text"), feature.terms))
            weights.extend(feature.terms.values())
            for key in keys:
                if key not in columns:
                    columns[key] = len(columns)
                    signals.append(_SIGNALS.index(key[0]))
            read.append(parts)
            cols.append(np.fromiter(map(columns.__getitem__, keys), np.int64, len(keys)))
            vals.append(np.array(weights, dtype=np.float64))
        return cls(columns, signals, read, cols, vals)


def _rarity(found: np.ndarray, size: int, settings: RelatedSettings) -> np.ndarray:
    """Per value, how telling it is, 0-1, from the share of the briefings naming it (an IDF scaled
    by that of _RARE_SHARE). Until the archive has `common_after` briefings there is no telling
    what is common, and every value counts fully, as the rule for common values does."""
    if size < settings.common_after:
        return np.ones(len(found))
    share = np.maximum(found, 1) / size
    return np.clip(np.log(share) / math.log(_RARE_SHARE), 0.0, 1.0)


def _evidence(shares: np.ndarray, days: np.ndarray, settings: RelatedSettings) -> np.ndarray:
    """Per signal (rows in _REASONS order) and pair, the evidence it gives, 0 for none: the square
    root of what they share (the cosine of their words; for a set signal the sum of its shared
    values' rarity times salience in both, over the lengths of both rows when these exceed 1, so
    a briefing naming everything is not related to everything), as the first shared values tell
    most; and closeness in time: 1 the same day, 0 `time_days` apart, -1 twice as far or more. Far
    apart counts against: the names a region's news always gives (a country, its leaders) join
    briefings years apart on different stories, and what the devset calibrates is pairs of a week."""
    evidence = np.zeros((len(_REASONS), len(shares)))
    for column, signal in enumerate(_SIGNALS):
        share = shares[:, column]
        evidence[column] = np.sqrt(np.where(share > _MIN_SIMILARITY, share, 0.0) if signal == "text" else share)
    evidence[-1] = np.where(days >= 0, np.clip(1 - days / max(1, settings.time_days), -1.0, 1.0), 0.0)
    return evidence


def _logits(evidence: np.ndarray, settings: RelatedSettings) -> tuple[np.ndarray, np.ndarray]:
    """Per signal and pair, what the evidence adds to the log-odds of a genuine link; and per
    pair whether it shares anything. Time counts only for pairs sharing something else: briefings
    of one week say nothing of each other by that alone."""
    factors = [coefficient * max(0.0, settings.weights.get(signal, 1.0))
               for signal, coefficient in zip(_REASONS, _COEFFICIENTS)]
    logits = evidence * np.array(factors)[:, None]
    matched = (logits[:-1] > 0).any(axis=0)
    logits[-1] *= matched
    return logits, matched


def _scores(logits: np.ndarray, matched: np.ndarray) -> np.ndarray:
    """Per pair, the calibrated chance of a genuine link, 0-100; -1 when it shares nothing."""
    return np.where(matched, _percent(_INTERCEPT + logits.sum(axis=0)), -1).astype(np.int64)


def _percent(logit: np.ndarray) -> np.ndarray:
    return np.rint(100 / (1 + np.exp(-logit)))


def _points(logits: np.ndarray) -> np.ndarray:
    """Per signal and pair, the points it adds: its log-odds as points of a score at even odds
    (where a score is most in doubt), so that a signal of a pair already certain still counts; NaN
    where under _MIN_POINTS, as it is no reason a reader should weigh."""
    points = _POINTS_PER_LOGIT * logits
    return np.where(points >= _MIN_POINTS, points, np.nan)


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
    width = int(their_rank.max()) + 1 if len(their_rank) else 1
    order = (mine[shown] * 101 + 100 - scores[shown]) * width + their_rank[shown]  # one key: one sort, not three
    shown = shown[np.argsort(order)]
    place = np.arange(len(shown)) - np.searchsorted(mine[shown], mine[shown])  # place within its briefing
    return shown[place < settings.count]


def _reason_text(signal: str, keys: list[str], mine: Features, cosine: float, days: int) -> str:
    if signal == "time":
        return _days_apart(days)
    if signal == "text":
        words = mine.values.get("text", {})
        return f"Similar wording ({round(100 * cosine)}% alike: {', '.join(words.get(key, key) for key in keys)})"
    return _shared_text(signal, sorted(mine.values[signal][key] for key in keys))


@functools.lru_cache(maxsize=None)
def _days_apart(days: int) -> str:
    return "Published the same day" if days == 0 else f"Published {days} day{'s' if days != 1 else ''} apart"


def _shared_text(signal: str, labels: list[str]) -> str:
    one, many = _KIND_WORDS[signal]
    shown = labels[:4] + ([f"{len(labels) - 4} more"] if len(labels) > 4 else [])
    listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
    if signal == "figures":
        return f"Figures on the same {'quantity' if len(labels) == 1 else 'quantities'}: {listed}"
    return f"{len(labels)} {one if len(labels) == 1 else many} in common: {listed}"
