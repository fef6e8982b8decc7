"""Sentence splitting for news prose: abbreviation-aware, and never inside an open quote."""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm",
    "rep", "sen", "gov", "pres", "rev", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.u", "e.g", "i.e", "a.m", "p.m", "approx", "est", "dept", "fig",
}
# A sentence ends at . ! ? (or an ellipsis), maybe followed by closing quotes or brackets,
# then whitespace and something that can start a sentence. The stop is matched, not looked behind
# for: a pattern that opens with a character class lets the engine skip to the stops.
_BOUNDARY = re.compile(r"[.!?…]([\"”’)\]]*)\s+(?=[\"“‘(\[*_]*[A-Z0-9À-ÖØ-Þ])")
# Looser, for finding cruft in a run-on paste: anything but a lowercase letter may open the next
# block ("© 2022 …", "🎙️ Voice is …", "12 photos"), since a piece of cruft need not start like prose.
_BLOCK_BOUNDARY = re.compile(r"[.!?…]([\"”’)\]]*)\s+(?=[^\sa-z])")
_OPENERS = {"“": "”", "‘": None}
_LAST_WORD = re.compile(r"(\S+)[.]\W*$")
_LETTER = re.compile(r"[a-z]")
_WORD_CHAR = re.compile(r"\w")


def split_sentences(text: str, loose: bool = False) -> list[str]:
    """`loose`: also split where the next piece opens with neither a capital nor a digit (see _BLOCK_BOUNDARY)."""
    sentences: list[str] = []
    start = 0
    for match in (_BLOCK_BOUNDARY if loose else _BOUNDARY).finditer(text):
        end = match.end(1)  # the sentence keeps its stop and closing quotes
        candidate = text[start:end]
        if _ends_with_abbreviation(candidate) or _inside_quote(candidate):
            continue
        sentences.append(candidate.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _ends_with_abbreviation(candidate: str) -> bool:
    # The match cannot start before the last run of non-space characters with a letter or digit in
    # it (a word character after the dot would fail `\W*$`): searching from there is the same search,
    # without trying every earlier position.
    stripped = candidate.rstrip()
    words = stripped.rsplit(maxsplit=1)
    start = len(stripped) - len(words[-1]) if words and _WORD_CHAR.search(words[-1]) else 0
    last = _LAST_WORD.search(candidate, start)
    if not last:
        return False
    return is_abbreviation(last.group(1))


def is_abbreviation(word: str) -> bool:
    """Whether a word before a full stop is an abbreviation ("U.S", "Dr", an initial), not a sentence's end."""
    word = word.rstrip(".").lstrip("(\"“[").lower()
    return word in _ABBREVIATIONS or bool(_LETTER.fullmatch(word))


def _inside_quote(candidate: str) -> bool:
    """True when a double quote is still open: “ opens, ” closes and " does either, so a quote opened
    curly and closed straight (a paste that mixes them) is closed, and does not run on to the end."""
    quotes = candidate.count("“") - candidate.count("”") + candidate.count('"')
    return quotes > 0 and quotes % 2 == 1


def starts_with_quote(sentence: str) -> bool:
    return sentence[:1] in ("“", '"', "‘")
