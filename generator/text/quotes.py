"""Plain text -> quotes with their speakers: `“…,” he said`, `said Mr X`, `X said: “…”`.

A quote paragraph without attribution that follows a quote continues its speaker's words."""

from __future__ import annotations

import re
from typing import Any

from generator.text.attribution import SPEECH, Mentions, resolve
from generator.text.entities import Mention

_QUOTE = re.compile(r"[“\"](?P<text>[^“”\"]{20,}?)[”\"]")
_AFTER_VERB_FIRST = re.compile(rf"\s*,?\s*{SPEECH}\s+(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}})")
_AFTER_WHO_FIRST = re.compile(rf"\s*,?\s*(?P<who>[\w’'.-]+(?:\s+[\w’'.-]+){{0,5}}?)\s+{SPEECH}\b")
_BEFORE = re.compile(rf"(?P<who>[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){{0,5}}?)\s+{SPEECH}(?:\s+\w+){{0,3}}\s*[:,]\s*$")
_MIN_WORDS = 6
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
    speaker = resolve(found["who"], position, offset, mentions)
    # "the statement said", "the council said": a common noun alone names nobody a reader can find.
    return speaker if speaker and (" " in speaker or speaker[:1].isupper()) else None
