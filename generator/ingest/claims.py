"""Plain text -> key figures: numeric claims with what is counted, who claims it, and when.

"Ukraine's defence minister estimated that Russia had lost 14,000 troops" ->
{value: 14000, what: "Russian troops killed", claimant: "Ukraine's defence minister", ...}.
`what` is normalised (soldiers -> troops, died/lost -> killed) so that claims about the same
quantity in different briefings can be compared.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.ingest.attribution import Mentions, claimant_before
from generator.ingest.entities import DEMONYMS, Mention, sentence_spans

_NUMBER = re.compile(r"(?<![\w$£€.,/-])(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
                     r"(?:\s+(?P<scale>million|billion|thousand)\b)?(?![\w%.,]\d|[\w%/-])")
_DIGIT = re.compile(r"\d")
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_QUALIFIER = re.compile(r"\b(more than|over|at least|around|about|nearly|almost|up to|some|fewer than|"
                        r"less than|roughly|approximately|an estimated|as many as)\s+$", re.I)
_OWN = re.compile(r"^\s+of (?:its|their|his|her) own\b", re.I)
_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z-]*)(?![\w'’])")
_STOPS = set("""
had has have were was are is be been and or in on at since of to from by for with as after before
during into over who which that but while than when its their his her the a an per each
""".split())
_NOT_COUNTED = set("""
days day weeks week months month years year hours hour minutes minute seconds times per cent percent
am pm km miles metres meters kilometres kilometers
""".split())
_HEADS = {"soldiers": "troops", "servicemen": "troops", "troops": "troops", "service members": "troops",
          "planes": "aircraft", "jets": "aircraft", "aircraft": "aircraft", "people": "people",
          "persons": "people", "dead": "deaths"}
_OUTCOMES = {"killed": "killed", "died": "killed", "dead": "killed", "lost": "lost", "deaths": "killed",
             "wounded": "wounded", "injured": "wounded", "destroyed": "destroyed", "taken out": "destroyed",
             "captured": "captured", "displaced": "displaced", "fled": "fled", "evacuated": "evacuated",
             "arrested": "arrested", "detained": "detained"}
_CLAUSE_END = re.compile(r"[,;:—–(]|\band\b(?!\s+\d)")
_OUTCOME = re.compile(r"\b(" + "|".join(_OUTCOMES) + r")\b")
# "1,424 civilian casualties: 516 killed and 908 injured": the killed are civilians, not casualties.
_RESTATED = {"civilian casualties": "civilians", "casualties": "people"}
_PEOPLE_HEADS = set("""troops people civilians children casualties fighters militants men women residents
refugees migrants workers patients journalists prisoners""".split())
_SIDE_LOST = re.compile(r"\b([A-Z][a-z]+)(?:’s|'s)?\s+(?:had |has |have )?(?:lost|losing)\s+$")
_MONTHS = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")
# Country -> its adjective ("Russia" -> "Russian"); reversed so the first adjective listed wins.
_COUNTRY_SIDES = {country: demonym for demonym, country in reversed(DEMONYMS.items())
                  if not demonym.isupper() and "." not in demonym}
# A number is read with the characters around it, so many before and after: every rule looks a
# few words away at most, and a long "sentence" (a list, a table flattened to one line) with many
# numbers would otherwise be read whole for each.
_BEFORE, _AFTER = 80, 200
# A figure keeps its sentence as evidence; a longer one is kept as this much around the number.
_SENTENCE_MAX = 600


def extract_figures(text: str, mentions: list[Mention], date: dt.date | None) -> list[dict[str, Any]]:
    """Every numeric claim about a counted thing, once per (what, value), in order."""
    figures: dict[tuple[str, float], dict[str, Any]] = {}
    last: str | None = None
    indexed = Mentions(mentions)
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if not _DIGIT.search(sentence):  # quick: _NUMBER, with its look-behind first, is slow to scan
            continue
        previous: tuple[str, str] | None = None  # (noun, outcome) of the sentence's last figure
        for match in _NUMBER.finditer(sentence):
            counted = _counted(sentence, match, previous)
            if counted is None:
                continue
            previous = counted[1:]
            side, noun, outcome = counted
            claimant = claimant_before(sentence, match.start(), start, indexed, last) or None
            last = claimant or last
            if side == "own" and claimant:
                side = _COUNTRY_SIDES.get(claimant, "")
            what = " ".join(part for part in (side if side != "own" else "", noun, outcome) if part)
            if (what, _value(match)) not in figures:
                figures[what, _value(match)] = _figure(match, sentence, what, claimant, date)
    return list(figures.values())


def _figure(match: re.Match[str], sentence: str, what: str, claimant: str | None, date: dt.date | None) -> dict[str, Any]:
    figure: dict[str, Any] = {"value": _value(match), "what": what}
    qualifier = _QUALIFIER.search(sentence, max(0, match.start() - _BEFORE), match.start())
    if qualifier:
        figure["qualifier"] = qualifier.group(1).lower()
    if claimant:
        figure["claimant"] = claimant
    if date:
        figure["date"] = dt.date(date.year, date.month, date.day)  # its own object: no YAML anchors
    figure["sentence"] = _excerpt(sentence, match)
    return figure


def _value(match: re.Match[str]) -> float:
    value = float(match["digits"].replace(",", "")) * _SCALES.get(match["scale"] or "", 1)
    return int(value) if value.is_integer() else value


def _excerpt(sentence: str, match: re.Match[str]) -> str:
    """The sentence, or the part of it around the number when it is too long to be one."""
    if len(sentence) <= _SENTENCE_MAX:
        return sentence
    side = (_SENTENCE_MAX - len(match[0])) // 2
    start, end = max(0, match.start() - side), min(len(sentence), match.end() + side)
    return ("…" if start else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")


def _counted(sentence: str, match: re.Match[str], previous: tuple[str, str] | None) -> tuple[str, str, str] | None:
    """(side, noun, outcome) of the thing a number counts, or None when it counts no thing."""
    before = sentence[max(0, match.start() - _BEFORE):match.start()]
    after = sentence[match.end():match.end() + _AFTER]
    if _MONTHS.search(before) or (re.fullmatch(r"1[89]\d\d|20\d\d", match["digits"]) and not match["scale"]):
        return None  # a date or a year
    own = _OWN.match(after)
    words = _noun_phrase(after[own.end():] if own else after)
    outcome = _outcome(before, after, words)
    if not words:
        if previous is None or not outcome:
            return None
        words = _RESTATED.get(previous[0], previous[0]).split()
    if words[-1].lower() in _NOT_COUNTED:
        return None
    side, words = _side(words, before, own is not None)
    noun = _noun(words)
    if outcome == "lost":  # lost troops were killed; lost tanks were destroyed
        outcome = "killed" if noun.split()[-1].lower() in _PEOPLE_HEADS else "destroyed"
    return side, noun, outcome


def _noun_phrase(after: str) -> list[str]:
    """The words right after a number, up to four, until a verb, preposition or punctuation."""
    words: list[str] = []
    position = 0
    while len(words) < 4:
        match = _WORD.match(after, position)
        if not match or match.group(1).lower() in _STOPS or _OUTCOME.fullmatch(match.group(1).lower()):
            break
        words.append(match.group(1))
        position = match.end()
    return words


def _outcome(before: str, after: str, words: list[str]) -> str:
    """What happened to the counted things: the verb after them in the clause, or before the number."""
    clause_after = _CLAUSE_END.split(after[:80], maxsplit=1)[0][:60]
    found = _OUTCOME.search(clause_after) or _OUTCOME.search(before[-25:])
    if found:
        return _OUTCOMES[found.group(1)]
    return ""


def _side(words: list[str], before: str, own: bool) -> tuple[str, list[str]]:
    """Whose things: a nationality in the phrase, "Russia had lost N", or "N of its own"."""
    if words and words[0] in DEMONYMS and len(words) > 1:
        return words[0], words[1:]
    lost = _SIDE_LOST.search(before)
    if lost and lost.group(1) in _COUNTRY_SIDES:
        return _COUNTRY_SIDES[lost.group(1)], words
    return ("own" if own else ""), words


def _noun(words: list[str]) -> str:
    """The counted thing with names kept as written and nouns normalised: "Russian troops"."""
    words = [w if w[:1].isupper() else w.lower() for w in words]
    return " ".join([*words[:-1], _HEADS.get(words[-1].lower(), words[-1])])
