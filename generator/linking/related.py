"""Briefings -> for each, its most related briefings with a score and the reasons in words.

Signals, each scored 0-1 and weighted by site.yaml `related.weights` (as Hugo's related content
weighs its indices): shared people, places, organisations; figures on the same quantity;
similar wording (TF-IDF cosine over each briefing's most telling words); closeness in time (only
between briefings that share something else). The score is the weighted mean, 0-100.

Candidates come from an inverted index (value -> briefings), never from all pairs; values in
more than `common_share` of the briefings say nothing and are dropped, which also keeps the
work near-linear.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from generator.config import RelatedSettings
from generator.content import Document

SET_SIGNALS = ("people", "places", "organisations", "figures")
# How many shared values make a signal's full strength.
_SATURATION = {"people": 2, "places": 3, "organisations": 2, "figures": 2}
_TERMS_PER_BRIEFING = 25
_MIN_SIMILARITY = 0.05  # below this, wording in common is chance
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


def related_briefings(briefings: list[Document], features: list[Features],
                      settings: RelatedSettings) -> dict[str, list[Relation]]:
    """For each briefing url, up to `count` relations scoring at least `threshold`, best first."""
    postings = _postings(features, settings)
    kept = [{signal: {k for k in values if (signal, k) in postings} for signal, values in f.values.items()}
            for f in features]  # the values that can relate briefings, per briefing
    total_weight = sum(max(0.0, w) for w in settings.weights.values()) or 1.0
    related: dict[str, list[Relation]] = {}
    for i, document in enumerate(briefings):
        scored = []
        for j in _candidates(i, features[i], postings):
            matches = _matches(kept[i], kept[j], features[i].terms, features[j].terms, settings)
            if matches:
                matches += _time_match(document, briefings[j], settings)
                score = round(100 * sum(m.points for m in matches) / total_weight)
                if score >= settings.threshold:
                    scored.append((score, briefings[j].title, j, matches))
        best = sorted(scored, key=lambda item: (-item[0], item[1]))[:settings.count]
        related[document.url] = [Relation(briefings[j], score, [_reason(m, features[i], features[j]) for m in matches])
                                 for score, _, j, matches in best]
    return related


def text_terms(documents: list[str]) -> list[dict[str, float]]:
    """Each text's most telling words (TF-IDF, smoothed), as a unit-length vector."""
    counts = [Counter(w for w in _WORD.findall(text.lower().replace("’", "'")) if w not in _STOPWORDS)
              for text in documents]
    frequency = Counter(word for count in counts for word in count)
    vectors = []
    for count in counts:
        weights = {w: (1 + math.log(n)) * math.log(1 + len(documents) / frequency[w]) for w, n in count.items()}
        top = dict(sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:_TERMS_PER_BRIEFING])
        norm = math.sqrt(sum(v * v for v in top.values())) or 1.0
        vectors.append({w: v / norm for w, v in top.items()})
    return vectors


def _postings(features: list[Features], settings: RelatedSettings) -> dict[tuple[str, str], list[int]]:
    postings: dict[tuple[str, str], list[int]] = {}
    for i, feature in enumerate(features):
        for signal, values in feature.values.items():
            for key in values:
                postings.setdefault((signal, key), []).append(i)
        for word in feature.terms:
            postings.setdefault(("text", word), []).append(i)
    common = settings.common_share * len(features) if len(features) >= settings.common_after else len(features)
    return {key: docs for key, docs in postings.items() if 1 < len(docs) <= max(common, 2)}


def _candidates(i: int, feature: Features, postings: dict[tuple[str, str], list[int]]) -> set[int]:
    """Briefings sharing a value with briefing i, found through its rarest values first and at most
    _CANDIDATES of them (the nearest in time from a long posting list): the work stays linear."""
    keys = [(signal, key) for signal, values in feature.values.items() for key in values]
    keys += [("text", word) for word in feature.terms]
    found: set[int] = set()
    for key in sorted((k for k in keys if k in postings), key=lambda k: len(postings[k])):
        need = _CANDIDATES - len(found)
        if need <= 0:
            break
        docs = postings[key]
        if len(docs) > need:  # postings are in briefing order, newest first: take those around i
            start = max(0, bisect_left(docs, i) - need // 2)
            docs = docs[start:start + need]
        found.update(docs)
    found.discard(i)
    return found


@dataclass(frozen=True)
class _Match:
    signal: str
    shared: list[str]  # the keys both have (words, for text)
    points: float
    detail: float = 0.0  # the cosine for text, the days apart for time


def _matches(mine: dict[str, set[str]], theirs: dict[str, set[str]], my_terms: dict[str, float],
             their_terms: dict[str, float], settings: RelatedSettings) -> list[_Match]:
    """What two briefings share, with the points each signal adds; words come later, for the few shown."""
    matches = []
    for signal in SET_SIGNALS:
        weight = settings.weights.get(signal, 0.0)
        keys = mine[signal] & theirs[signal]
        if keys and weight > 0:
            matches.append(_Match(signal, list(keys), weight * min(1.0, len(keys) / _SATURATION[signal])))
    words = my_terms.keys() & their_terms.keys()
    similarity = sum([my_terms[w] * their_terms[w] for w in words])
    weight = settings.weights.get("text", 0.0)
    if similarity > _MIN_SIMILARITY and weight > 0:
        matches.append(_Match("text", list(words), weight * min(1.0, similarity), similarity))
    return matches


def _time_match(mine: Document, theirs: Document, settings: RelatedSettings) -> list[_Match]:
    weight = settings.weights.get("time", 0.0)
    if mine.date is None or theirs.date is None or weight <= 0:
        return []
    days = abs((mine.date.date() - theirs.date.date()).days)
    return [_Match("time", [], weight * max(0.0, 1 - days / max(1, settings.time_days)), days)]


def _reason(match: _Match, mine: Features, theirs: Features) -> Reason:
    if match.signal == "time":
        days = int(match.detail)
        text = "Published the same day" if days == 0 else f"Published {days} day{'s' if days != 1 else ''} apart"
    elif match.signal == "text":
        shown = sorted(match.shared, key=lambda w: -mine.terms[w] * theirs.terms[w])[:4]
        text = f"Similar wording ({round(100 * match.detail)}% alike: {', '.join(shown)})"
    else:
        text = _shared_text(match.signal, sorted(mine.values[match.signal][key] for key in match.shared))
    return Reason(match.signal, text, match.points)


def _shared_text(signal: str, labels: list[str]) -> str:
    one, many = _KIND_WORDS[signal]
    shown = labels[:4] + ([f"{len(labels) - 4} more"] if len(labels) > 4 else [])
    listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
    if signal == "figures":
        return f"Figures on the same {'quantity' if len(labels) == 1 else 'quantities'}: {listed}"
    return f"{len(labels)} {one if len(labels) == 1 else many} in common: {listed}"
