"""Remove page cruft and restore paragraphs in an article's Markdown text.

The text is cut into blocks (lines, and in a line its sentences), and cruft goes as whole blocks or
as the piece that opens a block (see boilerplate.py): a rule never takes words outside the block it
judged, so a notice at the start of a one-line paste cannot take the article with it. The site's
own `ingest.cruft` patterns run inside each block for the same reason.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.ingest.boilerplate import (READ_WINDOW, Block, aside_prefix, cruft_prefix, cruft_sentence_end, glued_starts,
                                         ArticleWords, is_aside, is_cruft, shares_no_topic,
                                         glued_bio, has_subject, is_photo_credit, kicker_prefix, pointer_line, pointer_tail,
                                         speaks_of_the_page)
from generator.ingest.digest import continues
from generator.ingest.furniture import NO_FURNITURE, Furniture, furniture_prefix, furniture_spans, is_furniture
from generator.text.sentences import split_sentences

# A paragraph is one to three sentences in news prose; past these it is split again.
_LONG_PARAGRAPH = 600
# Words: what a piece of cruft may leave of itself ("Like" of "Like Reply Share"); a headline is longer or names its topic.
_FRAGMENT_MOST = 6
_FOOT = 4  # blocks: where a writer's bio stands, at the article's end
_CAPTION_MOST = 12  # words
_LABEL_MOST = 4  # words
_PERSONS = frozenset("i me my we us our you your".split())
_HEADLINE_MOST = 25  # words: a first line this short is a headline, whatever its parts
# A seed that loses more than this share of its words to cruft is worth a look: the warning names it.
WARN_SHARE = 0.2
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class CleanText:
    paragraphs: list[str]
    removed: list[str]  # the cruft taken out: bylines and bios in it still tell who wrote it
    warnings: list[str] = field(default_factory=list)


def clean(text: str, cruft: Iterable[re.Pattern[str]], furniture: Furniture = NO_FURNITURE) -> CleanText:
    """`furniture`: the short lines the user's other seeds repeat (see furniture.py)."""
    blocks = _blocks(text, furniture)
    cuts = _pattern_cuts(text, tuple(cruft), blocks)
    removed: list[str] = []  # in the order of the text: "About the writer" before the bio it opens
    kept_lines: dict[int, list[tuple[int, str]]] = {}  # line -> (block index, what is kept of it)
    touched: dict[int, int] = {}  # the blocks cruft was taken from, and their lines
    credited: dict[int, int] = {}  # the blocks a photo's credit was taken from, and their lines
    lines_with_text = 0
    for index, (line, start, end) in enumerate(blocks):
        removed.extend(text[a:b] for a, b in cuts.get(index, []))
        kept = kept_lines.setdefault(line, [])
        lead = lines_with_text <= 1 and not kept  # a headline above it, at most
        before = len(removed)
        piece = _cut(text, start, end, cuts.get(index, []))
        if pointer_line(piece, lead) and _closes_line(text, start, end):  # the label and its headline go together
            removed.append(piece)
            piece = ""
        piece = _peel(piece, lead, removed)
        if piece and is_cruft(Block(piece, index, len(blocks), lead)):
            removed.append(piece)
            piece = ""
        if len(removed) > before or index in cuts:
            touched[index] = line
            credited.update((index, line) for taken in removed[before:] if is_photo_credit(taken))
        if piece:
            lines_with_text += not kept
            kept.append((index, piece))
    article = _drop_asides(kept_lines, removed, furniture, touched, text.split("\n"))
    _drop_fragments(kept_lines, removed, touched, credited, article)
    _peel_leads(kept_lines, removed)
    paragraphs = [p for line in sorted(kept_lines) for p in restore_paragraphs([piece for _, piece in kept_lines[line]])]
    removed = [r.strip() for r in removed if r.strip()]
    return CleanText(paragraphs, removed, _warnings(text, removed))


def _blocks(text: str, furniture: Furniture) -> list[tuple[int, int, int]]:
    """(line number, start, end) of each block: a line's sentences, cut again where cruft is glued
    on, and the lines other seeds repeat found in it, each a block of its own."""
    blocks = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        if pointer_line(line):  # "Related: Headline? Yes." is one headline, not sentences to judge apart
            stripped = line.strip()
            at = line.find(stripped)
            blocks.append((number, offset + at, offset + at + len(stripped)))
            offset += len(line) + 1
            continue
        cursor = 0
        for a, b in [*_own_spans(line, furniture), (len(line), len(line))]:
            blocks.extend((number, offset + start, offset + end) for start, end in _sentence_blocks(line, cursor, a))
            if a < b:
                blocks.append((number, offset + a, offset + b))
            cursor = b
        offset += len(line) + 1
    return _cut_foot_bios(text, blocks)


def _own_spans(line: str, furniture: Furniture) -> list[tuple[int, int]]:
    """(start, end) of what is judged whole, apart from the sentences around it: the lines other
    seeds repeat, and a pointer closing the line ("… he said. Up next: HEADLINE?"), whose headline
    may hold stops of its own."""
    spans = furniture_spans(line, furniture)
    if (tail := pointer_tail(line)) and all(b <= tail[0] for _, b in spans):
        spans.append(tail)
    return spans


def _sentence_blocks(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) in the line of the sentences of line[start:end], cut again where cruft is glued on."""
    blocks = []
    cursor = start
    for sentence in split_sentences(line[start:end], loose=True):
        for part in _unglue(sentence):
            at = line.find(part, cursor)
            blocks.append((at, at + len(part)))
            cursor = at + len(part)
    return blocks


def _cut_foot_bios(text: str, blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The article's last blocks cut again where a writer's bio runs on from what ended no sentence."""
    for index in range(max(0, len(blocks) - _FOOT), len(blocks)):
        line, start, end = blocks[index]
        if at := glued_bio(text[start:end]):
            blocks[index:index + 1] = [(line, start, start + at - 1), (line, start + at, end)]
            break  # the index of the blocks after it moved; a page has one writer's bio
    return blocks


def _closes_line(text: str, start: int, end: int) -> bool:
    """Whether the block text[start:end] ends its line, after the stop of a sentence before it if any."""
    line_end = text.find("\n", end)
    if text[end:line_end if line_end >= 0 else None].strip():
        return False
    before = text[text.rfind("\n", 0, start) + 1:start].rstrip()
    return not before or before[-1] in ".!?\"”’)"


def _unglue(sentence: str) -> list[str]:
    """A sentence cut where cruft glued onto it starts, and where the article resumes after a cruft
    sentence glued on with no stop of its own."""
    cuts = glued_starts(sentence)
    pieces = [sentence[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(sentence)]) if sentence[a:b].strip()]
    return [part for piece in pieces for part in _after_cruft_sentence(piece)]


def _after_cruft_sentence(piece: str) -> list[str]:
    end = cruft_sentence_end(piece)
    return [piece[:end].strip(), piece[end:].strip()] if end else [piece]


def _pattern_cuts(text: str, patterns: tuple[re.Pattern[str], ...],
                  blocks: list[tuple[int, int, int]]) -> dict[int, list[tuple[int, int]]]:
    """The site's `ingest.cruft` matches, each cut short at the end of the block it starts in (a
    pattern that runs on to the end of a one-line paste takes its block, not the article)."""
    starts = [start for _, start, _ in blocks]
    cuts: dict[int, list[tuple[int, int]]] = {}
    for pattern in patterns:
        for found in pattern.finditer(text):
            if found.end() == found.start():
                continue
            index = max(0, bisect_right(starts, found.start()) - 1)
            if blocks and found.start() >= blocks[index][2]:
                index = min(index + 1, len(blocks) - 1)  # starts in the space between two blocks
            if not blocks or found.end() <= blocks[index][1]:
                continue
            start, end = max(found.start(), blocks[index][1]), min(found.end(), blocks[index][2])
            known = cruft_prefix(text[start:min(blocks[index][2], start + READ_WINDOW)], at_start=False)
            if end == blocks[index][2] and 0 < known < end - start:
                end = start + known  # a line pattern run on through a one-line paste: cut where the piece ends
            elif end - start < known:
                end = start + known  # a pattern that stopped inside a piece ("… on the" of "… on the trade war")
            taken = cuts.setdefault(index, [])
            if not any(a <= start and end <= b for a, b in taken):  # two patterns for one notice: cut once
                taken.append((start, end))
    return {index: sorted(taken) for index, taken in cuts.items()}


def _cut(text: str, start: int, end: int, cuts: list[tuple[int, int]]) -> str:
    pieces, at = [], start
    for a, b in cuts:
        if a > at:
            pieces.append(text[at:a])
        at = max(at, b)
    pieces.append(text[at:end])
    return " ".join(p.strip() for p in pieces if p.strip())


def _peel(piece: str, lead: bool, removed: list[str]) -> str:
    """The block less the cruft pieces that open it."""
    at = 0
    while at < len(piece) and (end := cruft_prefix(piece[at:at + READ_WINDOW], at_start=lead)):
        removed.append(piece[at:at + end])
        at += end
        while at < len(piece) and piece[at].isspace():
            at += 1
    return piece[at:].strip()


def _drop_asides(kept_lines: dict[int, list[tuple[int, str]]], removed: list[str], furniture: Furniture,
                 touched: dict[int, int], lines: list[str]) -> ArticleWords:
    """Take out the page's asides, judged against the article the other rules kept: what the page
    says of itself shares no word with the article but the page's own (see boilerplate.is_aside),
    and the lines other seeds repeat that share no topical word with it (see furniture.py).
    What an aside hid from the article's lead ("Sponsored by NAME HONG KONG — …") is peeled as a lead's.
    Returns the article's words, as the asides were judged against them."""
    article = ArticleWords([piece for pieces in kept_lines.values() for _, piece in pieces])
    lines_with_text = 0
    cut_lines = set(touched.values())
    for line in sorted(kept_lines):
        kept: list[tuple[int, str]] = []
        pieces = kept_lines[line]
        if (len(pieces) > 1 or pieces and line in cut_lines) and is_furniture(lines[line].strip(), furniture, article):
            # A repeated line is judged whole: its sentences ("Was this article helpful? Yes No"), or
            # what other rules left of it ("See all" of "See all 13 photos"), are no article's alone.
            removed.extend(piece for _, piece in pieces)
            touched.update((index, line) for index, _ in pieces)
            kept_lines[line] = []
            continue
        for index, piece in pieces:
            lead = lines_with_text <= 1 and not kept
            at = 0  # read through windows, as _peel does: a run of asides costs its length, not its square
            while at < len(piece) and (end := aside_prefix(window := piece[at:at + READ_WINDOW], article)
                                       or furniture_prefix(window, furniture, article)
                                       or (cruft_prefix(window, at_start=True) if lead else kicker_prefix(window))):
                removed.append(piece[at:at + end])
                touched[index] = line
                at += end
                while at < len(piece) and piece[at].isspace():
                    at += 1
            piece = piece[at:] if at else piece
            if is_aside(piece, article) or is_furniture(piece, furniture, article):
                removed.append(piece)
                touched[index] = line
            elif piece:
                kept.append((index, piece))
        lines_with_text += bool(kept)
        kept_lines[line] = kept
    return article


def _drop_fragments(kept_lines: dict[int, list[tuple[int, str]]], removed: list[str], touched: dict[int, int],
                    credited: dict[int, int], article: ArticleWords) -> None:
    """Take out what cruft left of itself, when it names nothing of the article's topic or all else on
    its line was cruft: a short block next to one cruft was taken from, that is no sentence ("Like"
    of "Like Reply Share", "Press play to listen ·" of "Press play to listen · 6 min", "Already a
    subscriber?" of "Already a subscriber? Log in"), and a photo's caption before the credit taken
    from its line ("The scene on Tuesday. Credit: NAME for AGENCY"); and, whatever its topic, a label
    of the page's whose content was cruft ("Photo gallery:" of "Photo gallery: 12 photos"). A headline pasted above cruft
    names its story's topic, and stays; so does a short sentence naming the topic before a credit
    in a run-on line, where it may be the article's."""
    headline_line = min((line for line, pieces in kept_lines.items() if pieces), default=None)
    for line, pieces in kept_lines.items():
        if line == headline_line and 1 < len(pieces) and sum(piece.count(" ") + 1 for _, piece in pieces) <= _HEADLINE_MOST:
            continue  # a headline's own parts: "Só quem se Ama... — Mensagens de Reflexão"
        kept: list[tuple[int, str]] = []
        for index, piece in pieces:
            opens = not kept or kept[-1][1].rstrip(" *_")[-1:] in ".!?\"”’"  # not the end of the sentence before
            fragment = _fragment(piece) and not touched.keys().isdisjoint((index - 1, index, index + 1))
            alone = len(pieces) == 1  # all else on its line was cruft
            # A caption stands alone: a sentence leaning on the one before ("They also act as …") is the article's.
            caption = credited.get(index + 1) == line and _caption(piece) and not (kept and continues(piece, kept[-1][1]))
            leftover = alone and (caption or fragment and line in (touched.get(index - 1), touched.get(index + 1)))
            orphan = touched.get(index + 1) == line and _orphan_label(piece)
            if opens and (leftover or orphan or (fragment or caption) and shares_no_topic(piece, article)):
                removed.append(piece)
            else:
                kept.append((index, piece))
        kept_lines[line] = kept


def _peel_leads(kept_lines: dict[int, list[tuple[int, str]]], removed: list[str]) -> None:
    """Peel as a lead's what taking out fragments uncovered at the article's top: "SYDNEY —" of "Press
    play to listen · 34 min SYDNEY — …", which was no lead while the fragment stood before it."""
    lines_with_text = 0
    for line in sorted(kept_lines):
        pieces = kept_lines[line]
        while pieces and lines_with_text <= 1:
            index, piece = pieces[0]
            if peeled := _peel(piece, True, removed):
                pieces[0] = (index, peeled)
                lines_with_text += 1
                break
            del pieces[0]  # all of it was cruft: the piece after it is the lead
        if lines_with_text > 1:
            return


def _fragment(piece: str) -> bool:
    """At most _FRAGMENT_MOST words with no figure, label or address ("Ticket details: http://…"), not in
    capitals or title case (a heading of the article's), with no subject (a clause), not ending as a
    sentence does, and with a word of the page's ("Like", "Already a subscriber?"): an article asks
    "Why?" of its own story and heads a section "Background"."""
    end, words = piece.rstrip(" *_")[-1:], piece.split()
    if len(words) > _FRAGMENT_MOST or end in ".!\"”’)" or any(ch.isdigit() or ch in ":/" for ch in piece):
        return False
    if piece.isupper() or len(words) >= 3 and all(word[:1].isupper() for word in words):
        return False  # a heading or a table's header ("Piloto Pontos Vitórias Poles")
    lowered = [word.strip(",;?").lower() for word in words]
    if end == "?" and "you" in lowered:
        return True  # the page's prompt to its reader, beside its comment box: "What do you think?"
    return not has_subject(lowered) and speaks_of_the_page(piece)  # "He said, she said" is a clause, "Background" a heading


def _orphan_label(piece: str) -> bool:
    """A label of the page's words whose content was cruft taken after it ("Photo gallery:" of
    "Photo gallery: 12 photos"); a speaker's "He added:" names nothing of the page's."""
    return piece.endswith(":") and piece.count(" ") < _LABEL_MOST and speaks_of_the_page(piece)


def _caption(piece: str) -> bool:
    """A short sentence as a photo's caption is one: it ends on a full stop, in sentence case, quoting,
    counting and addressing nobody ("The scene on Tuesday.", not "In such way you can help.")."""
    words = _WORDS.findall(piece.lower())  # "you," is "you"
    return (len(words) <= _CAPTION_MOST and piece.endswith(".") and not piece.isupper()
            and not any(ch.isdigit() or ch in "\"“”%" for ch in piece) and _PERSONS.isdisjoint(words))


def _warnings(text: str, removed: list[str]) -> list[str]:
    total = len(_WORDS.findall(text))
    lost = sum(len(_WORDS.findall(r)) for r in removed)
    if not total or lost <= WARN_SHARE * total:
        return []
    shown = "; ".join(f"“{r[:60]}”" for r in removed[:6]) + ("; …" if len(removed) > 6 else "")
    return [f"cruft removal took {lost} of its {total} words ({lost / total:.0%}): {shown}"]


def restore_paragraphs(sentences: list[str]) -> list[str]:
    """A line's sentences as paragraphs of one to three sentences, each opening one unless it continues the one before."""
    block = " ".join(" ".join(sentences).split())
    if not block:
        return []
    if len(block) <= _LONG_PARAGRAPH or block.startswith(("- ", "#")):
        return [block]
    paragraphs: list[list[str]] = [[]]
    size = 0  # of the paragraph being filled
    for sentence in sentences:
        current = paragraphs[-1]
        if current and _starts_paragraph(sentence, current, size):
            paragraphs.append(current := [])
            size = 0
        current.append(sentence)
        size += len(sentence)
    return [" ".join(" ".join(p).split()) for p in paragraphs if p]


def _starts_paragraph(sentence: str, current: list[str], size: int) -> bool:
    """A sentence opens a paragraph unless it continues the one before (a reply, a quote's
    attribution, a "He …": see digest.continues); a paragraph of three sentences or a long one ends anyway."""
    return len(current) == 3 or size > _LONG_PARAGRAPH or not continues(sentence, current[-1])
