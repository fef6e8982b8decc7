"""Plain text -> quotes with their speakers: `“…,” he said`, `said Mr X`, `X said: “…”`.

A quote paragraph without attribution that follows a quote continues its speaker's words."""

from __future__ import annotations

import re
from typing import Any

from generator.text.attribution import SPEECH, Mentions, resolve
from generator.text.entities import Mention

_QUOTE = re.compile(r"[“\"](?P<text>[^“”\"]{20,}?)[”\"]")
# "said Mr X", or "said company CEO Andy Vesey": a role in lowercase words before a name of two words or more.
_AFTER_VERB_FIRST = re.compile(rf"\s*,?\s*{SPEECH}\s+(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}}|"
                               rf"(?:[a-z][\w-]*\s+){{1,3}}[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{1,3}})")
_AFTER_WHO_FIRST = re.compile(rf"\s*,?\s*(?P<who>[\w’'.-]+(?:\s+[\w’'.-]+){{0,5}}?)\s+{SPEECH}\b")
_BEFORE = re.compile(rf"(?P<who>[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){{0,5}}?)\s+{SPEECH}(?:\s+\w+){{0,3}}\s*[:,]\s*$")
_MIN_WORDS = 6
# A subject read back from the speech verb may run into the sentence before ("… Aderholt asked.
# Bridenstine said"): it starts after the last stop.
_LAST_STOP = re.compile(r"^.*[a-z]{2}[.!?][”\"’]?\s+(?=[A-Z])", re.S)
_OPENERS = {"as", "and", "but", "so", "when", "while", "if", "then", "though", "although"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "one"}
# The speaker is looked for this many characters before a quote at most: a paragraph of many
# quotes would otherwise be read from its start for each.
_BEFORE_WINDOW = 300


def extract_quotes(text: str, mentions: list[Mention]) -> list[dict[str, Any]]:
    """Quotes of six words or more whose speaker is known, in order."""
    quotes: list[dict[str, Any]] = []
    indexed = Mentions(mentions)
    offset = 0
    continuing: str | None = None
    for paragraph in text.split("\n"):
        speaker = None
        for match in _QUOTE.finditer(paragraph):
            words = match["text"].strip(" ,.")
            speaker = _speaker(paragraph, match, offset, indexed) or (continuing if match.start() == 0 else None)
            if speaker and len(words.split()) >= _MIN_WORDS:
                quotes.append({"text": match["text"].strip().rstrip(","), "speaker": speaker})
        continuing = speaker if paragraph.lstrip()[:1] in "“\"" else None
        offset += len(paragraph) + 1
    return quotes


def _speaker(paragraph: str, match: re.Match[str], offset: int, mentions: Mentions) -> str | None:
    """Matched where the quote ends and, with `$`, where it starts: no copies of the paragraph."""
    found = (_AFTER_VERB_FIRST.match(paragraph, match.end()) or _AFTER_WHO_FIRST.match(paragraph, match.end())
             or _BEFORE.search(paragraph, max(0, match.start() - _BEFORE_WINDOW), match.start()))
    if not found:
        return None
    position = offset + match.start()
    speaker = resolve(_subject(found["who"]), position, offset, mentions)
    # "the statement said", "the council said", "production company": a common noun names nobody a
    # reader can find; nor does a pronoun resolve found no one for.
    if not speaker or not speaker[:1].isupper() or speaker.split()[0].lower() in _PRONOUNS:
        return None
    return speaker


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
