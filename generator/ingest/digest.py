"""A summary (the lead, one or two sentences) and 3-5 key points (extracted sentences)."""

from __future__ import annotations

import re

from generator.ingest.sentences import split_sentences, starts_with_quote

_NUMBER = re.compile(r"\b\d[\d,.]*\b|\b(?:hundreds|thousands|millions|billions)\b")
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|announced|estimated|reported|confirmed|warned|accused|denied)\b")
_CAPITALISED = re.compile(r"(?<=\s)[A-Z][a-z]+")
_SUMMARY_MIN = 140
_MAX_POINTS = 5
_MIN_POINTS = 3


def summarise(sentences: list[str]) -> str:
    """The lead sentence, and the next one too when the lead is short."""
    summary = sentences[:1]
    if summary and len(summary[0]) < _SUMMARY_MIN and len(sentences) > 1 and not starts_with_quote(sentences[1]):
        summary.append(sentences[1])
    return " ".join(summary)


def key_points(sentences: list[str], skip: int) -> list[str]:
    """The most informative sentences after the first `skip`, in article order.

    Informative: carries figures, attribution and names; not a quote, not too long or short.
    """
    candidates = [(i, s) for i, s in enumerate(sentences) if i >= skip and not s.endswith("?")]
    scores = {index: _score(index, sentence) for index, sentence in candidates}  # once each: it is not cheap
    ranked = sorted(candidates, key=lambda pair: -scores[pair[0]])
    chosen = [pair for pair in ranked if scores[pair[0]] > 0][:_MAX_POINTS]
    if len(chosen) < _MIN_POINTS:
        chosen = ranked[:_MIN_POINTS]
    return [s for _, s in sorted(chosen)]


def _score(index: int, sentence: str) -> float:
    score = 2.0 * min(len(_NUMBER.findall(sentence)), 2)
    score += 1.0 if _ATTRIBUTION.search(sentence) else 0.0
    score += min(len(set(_CAPITALISED.findall(sentence))), 4) * 0.5
    score -= 2.0 if starts_with_quote(sentence) or sentence.count("“") + sentence.count('"') > 2 else 0.0
    score -= 2.0 if len(sentence) > 280 else 1.0 if len(sentence) < 50 else 0.0
    return score - index * 0.1


def sentences_of(paragraphs: list[str]) -> list[str]:
    return [s for p in paragraphs if not p.startswith(("#", "- ")) for s in split_sentences(p)]
