"""Remove page cruft and restore paragraphs in an article's Markdown text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.ingest.sentences import split_sentences, starts_with_quote

# A paragraph is one to three sentences in news prose; past these it is split again.
_LONG_PARAGRAPH = 600
_TARGET_CHARS = 320


@dataclass(frozen=True)
class CleanText:
    paragraphs: list[str]
    removed: list[str]  # the cruft taken out: bylines and bios in it still tell who wrote it


def clean(text: str, cruft: Iterable[re.Pattern[str]]) -> CleanText:
    removed: list[str] = []

    def cut(match: re.Match[str]) -> str:
        removed.append(match.group(0).strip())
        return "\n"

    for pattern in cruft:
        text = pattern.sub(cut, text)
    paragraphs = [p for block in re.split(r"\n\s*\n|\n", text) for p in restore_paragraphs(block)]
    return CleanText(paragraphs, [r for r in removed if r])


def restore_paragraphs(block: str) -> list[str]:
    """Split a run-on block into paragraphs of one to three sentences; a quote starts one."""
    block = re.sub(r"\s+", " ", block).strip()
    if not block:
        return []
    if len(block) <= _LONG_PARAGRAPH or block.startswith(("- ", "#")):
        return [block]
    paragraphs: list[list[str]] = [[]]
    for sentence in split_sentences(block):
        current = paragraphs[-1]
        size = sum(len(s) for s in current)
        if current and _starts_paragraph(sentence, current, size):
            paragraphs.append(current := [])
        current.append(sentence)
    return [" ".join(p) for p in paragraphs if p]


def _starts_paragraph(sentence: str, current: list[str], size: int) -> bool:
    """A quote opens a paragraph and stands alone; otherwise break at three sentences or ~320 chars."""
    if starts_with_quote(sentence) or starts_with_quote(current[-1]):
        return True
    return len(current) == 3 or size > _TARGET_CHARS or size + len(sentence) > _TARGET_CHARS + 120
