"""What each briefing says that links it to others: its entities, figures and quotes, and the
words its wording is weighed by (kept in the build cache with them, so a build counts them once).

A briefing's own front-matter wins (an editor may have corrected it); a key it lacks, as in
briefings written by hand, is extracted from its body with the same rules ingest uses."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from generator.content.documents import Document
from generator.text.claims import extract_figures
from generator.text.entities import KINDS, Lexicon, Mention, find_mentions, fold, group_mentions
from generator.text.markdown_text import plain
from generator.text.quotes import extract_quotes
from generator.linking.related import word_counts


VERSION = 7  # part of the build cache's key: bump when Facts change
# A piece whose body names this many people, places and organisations or fewer (a teaser, a
# paywalled piece: a paragraph under a headline) is known by the names its title gives as well,
# which its body need not repeat ("Google Stadia, Microsoft xCloud, Apple Arcade: …" over a
# paragraph naming none): related briefings count them as named in its title (title_names).
_FEW_NAMES = 3
_TITLE_PARTS = re.compile(r"\s[-–—|]\s")  # "Headline – Site name"
# A credit line: at a line's start, "By", or "by" after a word of crediting ("Tested by:",
# "Words and pictures by"), then what it credits, up to the line's end ("They were killed by
# Russian troops" credits no one).
_CREDIT_LINE = re.compile(r"^[^\w\n]*(?:(?:[a-z]+ ){0,2}(?:written|tested|reviewed|reported|reporting|photos?|"
                          r"photographs?|pictures|images?|words|edited|story|text|interviews?|posted|compiled|"
                          r"illustrations?|video) )?by\b[^\w\n]*([^\n]{1,150})", re.I)
_CREDIT_OPENS = 40  # a credit line's "by" comes within its first characters
_CREDIT_JOIN = re.compile(r"\s+(?:and|&)\s+")
# Two to four capitalised words ending where the credit does (at the line's end or a mark, as
# in "Jane Roe: …" or "Jane Roe | …"), so that "By Russia's count" or "By United Nations
# estimates" credit no one.
_CREDIT_NAME = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}(?=\s*(?:$|[^\w\s]))")


@dataclass(frozen=True)
class Facts:
    entities: dict[str, list[str]]  # kind -> names, as the briefing writes them
    figures: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    # The title's and body's word_counts, kept so that no link stage counts them again, as one
    # string and a tuple: as dicts they would take many times the memory.
    words: str  # each word once, space-separated
    counts: tuple[int, ...]  # how often each occurs
    # What related briefings weigh words and names by, found once with the words: the word_counts
    # of the title (less the site's name) and lead, the site's name a title ends with (site_name),
    # the names its credit lines give (credited_names).
    lead: str = ""
    lead_counts: tuple[int, ...] = ()
    site: str = ""
    credited: frozenset[str] = frozenset()
    # The names the title gives that the body's entities do not, as (kind, folded name as the
    # entity index keys it), for a piece whose body names _FEW_NAMES or fewer (title_names).
    title_names: tuple[tuple[str, str], ...] = ()

    def word_counts(self) -> dict[str, int]:
        return dict(zip(self.words.split(" "), self.counts)) if self.words else {}

    def lead_word_counts(self) -> dict[str, int]:
        return dict(zip(self.lead.split(" "), self.lead_counts)) if self.lead else {}

    def without_words(self) -> Facts:
        """What the pages need: the words only serve linking, and are most of a Facts' memory."""
        return dataclasses.replace(self, words="", counts=(), lead="", lead_counts=())


def facts_of(document: Document, lexicon: Lexicon) -> Facts:
    body = document.body
    counted = word_counts(document.title + "\n" + body)
    site = site_name(document)
    lead = word_counts(_title_less_site(document.title, site, _lead(document, body)))
    wording = {"words": " ".join(counted), "counts": tuple(counted.values()), "lead": " ".join(lead),
               "lead_counts": tuple(lead.values()), "site": site, "credited": credited_names(body)}
    meta = document.meta
    keys = (*KINDS, "figures", "quotes")
    title = document.title[: len(document.title) - len(site)] if site else document.title
    if all(key in meta for key in keys):
        entities = {kind: meta[kind] for kind in KINDS}
        return Facts(entities, meta["figures"], meta["quotes"], **wording,
                     title_names=title_names(title, entities, lexicon))
    text = "\n".join(plain(paragraph) for paragraph in body.split("\n\n") if not paragraph.startswith("#"))
    mentions: list[Mention] = find_mentions(text, lexicon)
    found = group_mentions(mentions)
    date = document.date.date() if isinstance(document.date, dt.datetime) else document.date
    entities = {kind: meta[kind] if kind in meta else found[kind] for kind in KINDS}
    return Facts(
        entities=entities,
        figures=meta["figures"] if "figures" in meta else extract_figures(text, mentions, date),
        quotes=meta["quotes"] if "quotes" in meta else extract_quotes(text, mentions),
        **wording,
        title_names=title_names(title, entities, lexicon),
    )


def title_names(title: str, entities: dict[str, list[str]], lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    """The names a title gives that `entities` (the body's) lack, as (kind, key): the key folded
    as the entity index folds a name, through the alias table ("Kiev" -> "kyiv"). Only for a
    piece whose body names _FEW_NAMES or fewer: a longer piece names what its title does, and
    reading every title would cost a large archive's link stage. What the extractor makes of a
    headline's capitals ("Scissor Keyboard Expected") is no name any briefing gives: it matches
    no entity and counts for nothing."""
    if sum(len(names) for names in entities.values()) > _FEW_NAMES or not title.strip():
        return ()
    named = {fold(lexicon.name(str(name))) for names in entities.values() for name in names}
    found: dict[tuple[str, str], None] = {}
    for mention in find_mentions(title, lexicon):
        key = fold(lexicon.name(mention.name))
        if key not in named:
            found.setdefault((mention.kind, key))
    return tuple(found)


def credited_names(body: str) -> frozenset[str]:
    """The names a briefing's credit lines give: a line that opens with "By", or with a
    word or two and "by" ("Tested by:", "Words and pictures by"), then names ("By Jane Roe and
    John Doe, Reuters"). Who wrote, tested or photographed a piece is no more what it is about
    than its byline, and a reviewer credited on every review of a site is not what they share."""
    names = set()
    for line in body.split("\n"):
        if "by" not in line[:_CREDIT_OPENS + 2].lower():  # the pattern is tried on such lines only
            continue
        credit = _CREDIT_LINE.match(line.replace("*", "").replace("_", " "))
        for part in _CREDIT_JOIN.split(credit.group(1).split(",")[0]) if credit else ():
            name = _CREDIT_NAME.match(part.strip())
            if name:
                names.add(name.group())
    return frozenset(names)


def site_name(document: Document) -> str:
    """The title's last part after a dash or bar when it names the site the briefing comes from
    (its letters begin as its domain does: "Vortex Cannon Entertainment", vortexcannon.org)."""
    parts = _TITLE_PARTS.split(document.title)
    source = document.meta.get("source")
    domain = str(source.get("domain") or "") if isinstance(source, dict) else ""
    label = re.sub(r"^www\.", "", domain.lower()).split(".")[0]
    letters = re.sub(r"\W", "", parts[-1].lower()) if len(parts) > 1 else ""
    return parts[-1] if label and letters and (letters.startswith(label) or label.startswith(letters)) else ""


def _title_less_site(title: str, site: str, lead: str) -> str:
    """The title, without the site's name (site_name), and the lead."""
    return f"{title[: len(title) - len(site)] if site else title}\n{lead}"


def _lead(document: Document, body: str) -> str:
    """The summary front-matter gives, else the body's first paragraph."""
    summary = document.meta.get("summary")
    return str(summary) if summary else body.lstrip()[:1000].split("\n\n", 1)[0]
