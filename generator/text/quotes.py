"""Plain text -> quotes with their speakers: `“…,” he said`, `said Mr X`, `X said: “…”`.

A quote without attribution right after another, or opening a paragraph after one a quote opened,
continues its speaker's words."""

from __future__ import annotations

import re
from typing import Any

from generator.text.attribution import SPEECH, Mentions, resolve
from generator.text.entities import Mention

_QUOTE = re.compile(r"[“\"](?P<text>[^“”\"]{20,}?)[”\"]")
# "said Mr X", or "said company CEO Andy Vesey": a role in lowercase words before a name of two words or more.
_AFTER_VERB_FIRST = re.compile(rf"\s*,?\s*{SPEECH}\s+(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}}|"
                               rf"(?:[a-z][\w-]*\s+){{1,3}}[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{1,3}})")
# The speaker's first word right after the quote: not after a stop ("… of the earth”. But he said" is no attribution).
_AFTER_WHO_FIRST = re.compile(rf"\s*,?\s*(?P<who>\w[\w’'.-]*(?:\s+[\w’'.-]+){{0,5}}?)\s+{SPEECH}\b")
_BEFORE = re.compile(rf"(?P<who>[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){{0,5}}?)\s+{SPEECH}(?:\s+\w+){{0,3}}\s*[:,]\s*$")
_MIN_WORDS = 6
# A subject read back from the speech verb may run into the sentence before ("… Aderholt asked.
# Bridenstine said"): it starts after the last stop.
_LAST_STOP = re.compile(r"^.*[a-z]{2}[.!?][”\"’]?\s+(?=[A-Z])", re.S)
# A name read forward from "said" ends at a stop too ("said Mr Reznikov. It came as …"), but not at
# a title's ("said Gov. Matt Bevin").
_STOP = re.compile(r"(?<=[a-z]{2})[.!?]\s+(?=[A-Z])")
_TITLES = {"gov", "sen", "rep", "gen", "col", "capt", "sgt", "lt", "cmdr", "adm", "supt", "prof", "rev", "hon", "atty"}
_OPENERS = {"as", "and", "but", "so", "when", "while", "if", "then", "though", "although"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "one"}
# The speaker is looked for this many characters before a quote at most: a paragraph of many
# quotes would otherwise be read from its start for each.
_BEFORE_WINDOW = 300
_SPEECH = re.compile(rf"\b{SPEECH}\b")
_GAP = 200  # characters between two quotes of one speaker: one sentence, their attribution, at most


def extract_quotes(text: str, mentions: list[Mention]) -> list[dict[str, Any]]:
    """Quotes of six words or more whose speaker is known, in order."""
    quotes: list[dict[str, Any]] = []
    indexed = Mentions(mentions)
    offset = 0
    continuing: str | None = None
    for paragraph in text.split("\n"):
        speaker, end = None, 0
        for match in _QUOTE.finditer(paragraph):
            words = match["text"].strip(" ,.")
            # A quote with no attribution of its own goes on with the one before it: the one just
            # before in its paragraph, but for its attribution ("…,” he said. “…”), or at the
            # paragraph's start the speaker of a paragraph the previous quote opened.
            who = _attribution(paragraph, match)
            if who is not None:  # its own attribution, even one naming nobody a reader can find
                speaker = _speaker(who, offset + match.start(), offset, indexed)
            elif speaker and _attributes(paragraph[end:match.start()]):
                pass  # the speaker of the quote before
            else:
                speaker = continuing if match.start() == 0 else None
            end = match.end()
            if speaker and len(words.split()) >= _MIN_WORDS:
                quotes.append({"text": match["text"].strip().rstrip(","), "speaker": speaker})
        continuing = speaker if paragraph.lstrip()[:1] in "“\"" else None
        offset += len(paragraph) + 1
    return quotes


def _attribution(paragraph: str, match: re.Match[str]) -> str | None:
    """Who the words around the quote say spoke it, as they say it; None when they say nobody.
    Matched where the quote ends and, with `$`, where it starts: no copies of the paragraph."""
    if after := _AFTER_VERB_FIRST.match(paragraph, match.end()):
        return _up_to_stop(after["who"])
    found = (_AFTER_WHO_FIRST.match(paragraph, match.end())
             or _BEFORE.search(paragraph, max(0, match.start() - _BEFORE_WINDOW), match.start()))
    return found["who"] if found else None


def _speaker(who: str, position: int, offset: int, mentions: Mentions) -> str | None:
    """The person or body an attribution names, as the article names them."""
    speaker = resolve(_subject(who), position, offset, mentions)
    # "the statement said", "the council said", "production company": a common noun names nobody a
    # reader can find; nor does a pronoun resolve found no one for.
    if not speaker or not speaker[:1].isupper() or speaker.split()[0].lower() in _PRONOUNS:
        return None
    return speaker


def _attributes(gap: str) -> bool:
    """Whether the words between two quotes are one sentence with a verb of speech: the first's
    attribution ("…,” Cooper said. “…"; not "…,” McDowell laughed. “…")."""
    attribution = gap.rstrip()
    return len(gap) <= _GAP and attribution.endswith((".", "!", "?", "”", '"')) and not _STOP.search(attribution) \
        and bool(_SPEECH.search(attribution))


def _up_to_stop(name: str) -> str:
    """A name read forward from "said", up to the stop ending its sentence, if any."""
    for stop in _STOP.finditer(name):
        if name[:stop.start()].rsplit(None, 1)[-1].lower() not in _TITLES:
            return name[:stop.start()]
    return name


def _subject(who: str) -> str:
    """The speaker's words alone: after the last stop; a pronoun without what follows it ("He
    instead", "He declined to"); without a trailing adverb ("Thomas allegedly"); a name without the
    role before it ("company CEO Andy Vesey", "coach Billy Donovan")."""
    words = _LAST_STOP.sub("", who.strip()).rstrip(" .,").split()
    while words and words[0].lower() in _OPENERS:
        words.pop(0)
    if words and words[0].lower() in _PRONOUNS:
        return words[0]
    while len(words) > 1 and words[-1].endswith("ly") and words[-1].islower():
        words.pop()
    lowercase = [i for i, word in enumerate(words) if word[:1].islower()]
    named = words[lowercase[-1] + 1:] if lowercase else []
    if len(named) >= 2:  # a role, then a name of two words or more
        return " ".join(named)
    return " ".join(words)
