"""An Article -> the front-matter and Markdown body of its briefing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from generator.config.settings import EntitySettings, IngestSettings
from generator.ingest.article import Article
from generator.text.claims import extract_figures
from generator.ingest.clean import clean
from generator.ingest.dates import DateFinding, infer_date
from generator.ingest.digest import key_points, lead_length, paragraph_starts, paragraph_sentences, summarise
from generator.ingest.furniture import NO_FURNITURE, Furniture
from generator.text.entities import find_mentions, group_mentions, shared_lexicon
from generator.text.markdown_text import plain
from generator.ingest.meta import find_authors, find_outlet, headline, pasted_headline, registrable_domain
from generator.text.quotes import extract_quotes
from generator.problems import Problem, ProblemError
from generator.config.yamlfile import load_yaml_file


# Bump when the rules change what a briefing holds: briefings nobody edited are then written again.
INGEST_VERSION = 17
_WORDS = re.compile(r"\w+")


def make_briefing(article: Article, settings: IngestSettings, entities: EntitySettings | None = None,
                  warn: Callable[[Problem], None] | None = None,
                  furniture: Furniture = NO_FURNITURE) -> tuple[dict[str, Any], str]:
    """`warn` is told what deserves a look but does not stop the briefing (much of a seed taken as
    cruft); `furniture`: the short lines the user's seeds repeat (see furniture.py)."""
    cleaned = clean(article.text, settings.cruft, furniture)
    for warning in cleaned.warnings:
        (warn or _ignore)(Problem(article.seed.path, warning))
    hints = article.hints
    paragraphs = cleaned.paragraphs
    pasted = None
    if not hints.get("title") and paragraphs and _on_a_line_of_its_own(article.text, paragraphs[0]):
        pasted = pasted_headline([plain(p) for p in paragraphs[:6]])
    if pasted:
        paragraphs = paragraphs[1:]  # the headline is the title, not the article's first paragraph
    split = paragraph_sentences(paragraphs)
    sentences = [plain(s) for each in split for s in each]
    if not sentences:
        raise ProblemError(Problem(article.seed.path, "no article text is left once page cruft is removed"))
    title = str(hints.get("title") or pasted or headline(sentences[0]))
    if _only_title(sentences, title):
        raise ProblemError(Problem(article.seed.path, "no article text is left besides its title once page cruft is removed"))
    body = "\n\n".join(paragraphs)
    summary = summarise(sentences)
    front: dict[str, Any] = {"title": title}
    front.update(_date_fields(_find_date(article, body, cleaned.removed, settings)))
    front["source"] = _source(article, body, cleaned.removed, settings)
    authors = hints.get("authors") or find_authors(article.text, cleaned.removed)
    if authors:
        front["authors"] = list(authors)
    if hints.get("language"):
        front["language"] = hints["language"]
    front["summary"] = summary
    front["key_points"] = key_points(sentences, skip=lead_length(sentences), starts=paragraph_starts(split))
    front["tags"] = []
    front.update(cross_references(paragraphs, front.get("date"), entities))
    front["seed"] = _seed_fields(article)
    return _apply_sidecar(article, front), body


def _on_a_line_of_its_own(text: str, paragraph: str) -> bool:
    """A pasted headline stands on a line of its own above the article; the first paragraph rebuilt
    from a one-line paste does not, and taking it as the title would take its sentences from the body."""
    at = text.find(paragraph)
    return at >= 0 and text[at + len(paragraph):].lstrip(" \t")[:1] in ("\n", "\r")


def _ignore(problem: Problem) -> None:
    pass


def _only_title(sentences: list[str], title: str) -> bool:
    """Whether the body says nothing the title does not: every word of it is in the title."""
    if sum(len(s) for s in sentences) > 2 * len(title) + 20:
        return False  # longer than the title: it says more
    body = set(_WORDS.findall(" ".join(sentences).casefold()))
    return body <= set(_WORDS.findall(title.casefold()))


def cross_references(paragraphs: list[str], date: dt.date | None,
                     entities: EntitySettings | None) -> dict[str, Any]:
    """people, places, organisations, figures and quotes: what the link stage joins briefings by."""
    text = "\n".join(plain(paragraph) for paragraph in paragraphs)
    mentions = find_mentions(text, shared_lexicon(entities))
    return {**group_mentions(mentions), "figures": extract_figures(text, mentions, date),
            "quotes": extract_quotes(text, mentions)}


def _find_date(article: Article, body: str, removed: list[str], settings: IngestSettings) -> DateFinding:
    stated = article.hints.get("date")
    if isinstance(stated, (dt.date, dt.datetime)):
        day = stated.date() if isinstance(stated, dt.datetime) else stated
        return DateFinding(day, False, confidence="high", evidence=[str(article.hints.get("date_source", "page metadata"))])
    return infer_date(plain(body), article.links, settings.default_year, removed)


def _date_fields(finding: DateFinding) -> dict[str, Any]:
    fields: dict[str, Any] = {"date": finding.date} if finding.date else {}
    if finding.inferred:
        inference: dict[str, Any] = {"earliest": finding.earliest, "latest": finding.latest}
        inference = {k: v for k, v in inference.items() if v}
        inference.update(confidence=finding.confidence, evidence=list(dict.fromkeys(finding.evidence)))
        fields["date_inference"] = inference
    return fields


def _source(article: Article, body: str, removed: list[str], settings: IngestSettings) -> dict[str, Any]:
    url = article.hints.get("url")
    if article.hints.get("outlet"):
        domain = registrable_domain(str(url)) if url else None
        source: dict[str, Any] = {"name": article.hints["outlet"], "domain": domain}
    else:
        outlet = find_outlet(article.text, removed, article.links, settings.outlets)
        source = {"name": outlet.name, "domain": outlet.domain, "evidence": list(outlet.evidence)} if outlet else {}
    if url:
        source["url"] = url
    return {k: v for k, v in source.items() if v}


def _seed_fields(article: Article) -> dict[str, str]:
    seed = article.seed
    fields: dict[str, Any] = {"path": seed.name, "sha256": seed.sha256, "ingest_version": INGEST_VERSION}
    if seed.sidecar_sha256:
        fields["sidecar_sha256"] = seed.sidecar_sha256
    return fields


def _apply_sidecar(article: Article, front: dict[str, Any]) -> dict[str, Any]:
    """seeds/NAME.yaml overrides any field; a stated date replaces the inferred one."""
    if article.seed.sidecar is None:
        return front
    overrides = load_yaml_file(article.seed.sidecar).data
    if "date" in overrides:
        front.pop("date_inference", None)
    return {**front, **overrides, "seed": front["seed"]}
