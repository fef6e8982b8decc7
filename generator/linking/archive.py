"""The link stage: all Documents -> an Archive, the cross-linked view every page is rendered from.

The parts live in generator/linking/, one job each: what each briefing says (facts), entities
with their aliases, related briefings, figure groups, the timeline; this module composes them.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Collection, Iterator, MutableMapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from generator.config.settings import Config
from generator.content.documents import Document
from generator.content.fingerprint import by_fields
from generator.utils.gcpause import collections_paused
from generator.text.entities import KINDS, Lexicon, fold
from generator.linking.entities import Entity, EntityIndex, attach_quotes, index_entities
from generator.linking.facts import VERSION as FACTS_VERSION, Facts, facts_of
from generator.linking.figures import Claim, FigureGroup, group_figures, in_briefing_order
from generator.linking.related import (Features, Related, Relation, Terms, function_words, link_related, name_keys,
                                       salience, tracked, word_counts)
from generator.linking.reach import Reach, edited_in_place, kept_entities, kept_figures, kept_tags, related_changed
from generator.linking.tags import TagIndex, index_tags
from generator.linking.timeline import Year, timeline
from generator.utils.parallel import map_shares
from generator.utils.cancel import checked, checkpoint


_LEAD_WEIGHT = 1  # a title's or lead's word counts this many times more in a briefing's wording

@dataclass
class Archive:
    briefings: list[Document]  # newest first
    facts: dict[str, Facts] = field(default_factory=dict)  # briefing url -> entities, figures, quotes
    entities: EntityIndex = field(default_factory=EntityIndex)
    related: dict[str, list[Relation]] = field(default_factory=dict)  # briefing url -> best first
    figure_groups: list[FigureGroup] = field(default_factory=list)
    years: list[Year] = field(default_factory=list)  # newest first
    claims: dict[str, list[tuple[Claim, FigureGroup]]] = field(default_factory=dict)  # briefing url -> its claims
    tags: TagIndex = field(default_factory=TagIndex)
    reach: Reach | None = None  # what changed since the archive it was linked from; None: everything
    related_state: Related | None = None  # what the related lists were worked out from, for the next link
    features: KeptFeatures | None = None  # the briefings' related features, for the next link

    def by_url(self) -> dict[str, Document]:
        return {d.url: d for d in self.briefings}

    def entities_of(self, document: Document) -> list[Entity]:
        return self.entities.by_briefing.get(document.url, [])

    def entity_aliases(self, document: Document) -> dict[str, list[dict[str, Any]]]:
        """Per kind, the briefing's entities as plain {name, aliases, url}: for search filters, so
        that every spelling ("Zelensky", "Zelenskyy") finds the same briefings."""
        found: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
        for entity in self.entities_of(document):
            found[entity.kind].append(entity.simple())
        return found

    def figures_of(self, document: Document) -> list[tuple[Claim, FigureGroup]]:
        return self.claims.get(document.url, [])

    def quotes_of(self, document: Document) -> list[tuple[dict[str, Any], Entity | None]]:
        speakers = self.entities.speakers.get(document.url, {})  # by URL: a preview passes a newer Document
        return [(quote, speakers.get(fold(str(quote.get("speaker", "")))))
                for quote in self.facts[document.url].quotes] if document.url in self.facts else []

    def crosslinks(self, document: Document) -> Crosslinks:
        """What the briefing's own page shows of the archive, as plain values."""
        return Crosslinks(
            related=[{"document": {"title": r.document.title, "url": r.document.url}, "score": r.score,
                      "reasons": [{"signal": reason.signal, "text": reason.text} for reason in r.reasons]}
                     for r in self.related.get(document.url, [])],
            claims=[({"number": claim.number, "what": claim.what, "claimant": claim.claimant, "date": claim.date},
                     {"anchor": group.anchor, "compared": group.compared, "disputed": group.disputed})
                    for claim, group in self.figures_of(document)],
            quotes=[(quote, speaker and {"name": speaker.name, "url": speaker.url})
                    for quote, speaker in self.quotes_of(document)],
            named=self.entity_aliases(document),
            tags=[{"name": tag.name, "url": tag.url} for tag in self.tags.by_briefing.get(document.url, [])],
        )


@by_fields
@dataclass(frozen=True)
class Crosslinks:
    """One briefing's links into the archive. Only these reach its page, so the page is rendered
    again only when one of them changes, not on every edit anywhere in the archive."""

    related: list[dict[str, Any]]  # the briefing's title and url, the score, the reasons' signal and text
    # What a claim's line shows (number, what, claimant, date: not its sentence, which made most of
    # a page's fingerprint), with its group's anchor, compared and disputed; not the group's size,
    # which any new claim would change on every page of a briefing that makes one (in the bench
    # corpus, every briefing).
    claims: list[tuple[dict[str, Any], dict[str, Any]]]
    quotes: list[tuple[dict[str, Any], dict[str, str] | None]]  # with the speaker's name and url
    named: dict[str, list[dict[str, Any]]]  # per kind, its entities' name, aliases and url
    tags: list[dict[str, str]]  # its tags' name and url


@collections_paused()
def link_archive(config: Config, documents: list[Document], known_facts: dict[tuple, Facts] | None = None,
                 processes: int = 1, last: Archive | None = None) -> Archive:
    """known_facts, by Document.key, is kept between builds by the dev server: extraction is the costly part.
    `last`: the archive linked from the same briefings before some were edited in place, whose
    parts the edits leave as they were are kept (generator/linking/reach.py); it is spent.
    Cancellation is checked between steps and within the long ones (generator/utils/cancel.py);
    related briefings are scored by `processes`."""
    newest_first = sorted(documents, key=lambda d: (d.sort_date, d.title), reverse=True)
    lexicon = Lexicon(config.entities)  # the gazetteer: gather_facts read it, where extraction needed it
    known = {} if known_facts is None else known_facts
    facts = {d.url: known.get(d.key) or known.setdefault(d.key, facts_of(d, lexicon))
             for d in checked(newest_first)}
    edited = edited_in_place(last.briefings, newest_first) if last is not None else None
    now = {url: d for d in newest_first if (url := d.url) in edited} if edited else {}
    reached_entities = None
    if last is not None and edited is not None:
        reached_entities = kept_entities(last.entities, last.facts, facts, edited, now, lexicon)
    if reached_entities is None:
        entities = index_entities(newest_first, facts, lexicon)
        attach_quotes(entities, newest_first, facts, lexicon)
    else:
        entities = last.entities  # type: ignore[union-attr]
    claims = kept_figures(last.claims, last.facts, facts, edited, now) if last is not None and edited is not None else None
    figures_kept = claims is not None
    groups = last.figure_groups if figures_kept else group_figures(newest_first, facts)  # type: ignore[union-attr]
    places = [k for k, d in enumerate(newest_first) if d.url in now]
    features = KeptFeatures.of(newest_first, facts, entities, credit_names(config),
                               last.features if last is not None and reached_entities is not None else None, places)
    related = link_related(newest_first, features.features, config.related, processes,
                           last.related_state if last is not None and reached_entities is not None else None, places)
    checkpoint()
    claims = claims if claims is not None else claims_by_briefing(groups)
    checkpoint()
    tags_kept = last is not None and edited is not None and kept_tags(last.tags, edited, now)
    reach = None
    if last is not None and edited is not None:
        parts_kept = reached_entities is not None and figures_kept and tags_kept
        reached = related.lists.keys() if related.reached is None else related.reached
        reach = Reach(edited, now, frozenset(edited.keys() | related_changed(last.related, related.lists, reached))
                      if parts_kept else None, reached_entities, not figures_kept, not tags_kept)
    return Archive(
        briefings=newest_first,
        facts={url: last.facts[url] if edited is not None and url not in edited else each.without_words()  # type: ignore[union-attr]
               for url, each in checked(facts.items())},  # a briefing not edited: its facts as the last archive kept them
        entities=entities,
        related=related.lists,
        figure_groups=groups,
        claims=claims,
        years=timeline(newest_first),
        tags=last.tags if tags_kept else index_tags(newest_first),  # type: ignore[union-attr]
        reach=reach,
        related_state=related,
        features=features,
    )


@collections_paused()
def gather_facts(config: Config, documents: list[Document], store: MutableMapping[str, Facts],
                 processes: int = 1, kept: MutableMapping[str, Any] | None = None) -> dict[tuple, Facts]:
    """What each briefing says, by Document.key as link_archive takes it: from `store` (the build
    cache) where the file and the entity settings are unchanged, else extracted, in `processes`.
    `kept`: where the folded city gazetteer is kept between runs (Lexicon's store)."""
    settings = hashlib.sha256(repr((config.entities, FACTS_VERSION)).encode()).hexdigest()[:16]
    keys = {d.key: f"{d.source_path}\0{d.sha256}\0{settings}" for d in documents}
    stored = dict(store.items())  # the build cache's table reads them in one pass
    known = {d.key: _sharing_front_matter(stored[keys[d.key]], d) for d in documents if keys[d.key] in stored}
    missing = [d for d in documents if d.key not in known]
    lexicon = Lexicon(config.entities, kept)
    if missing:
        lexicon.cities  # noqa: B018 - read before the workers fork, so they share the gazetteer
    shares = map_shares(lambda which, n: [facts_of(d, lexicon) for d in missing[which::n]], processes)
    for which, found in enumerate(shares):
        for document, facts in zip(missing[which::len(shares)], found):
            known[document.key] = store[keys[document.key]] = _sharing_front_matter(facts, document)
    for name in stored.keys() - set(keys.values()):
        del store[name]
    return known


def _sharing_front_matter(facts: Facts, document: Document) -> Facts:
    """Facts read back from the build cache or sent by a worker process, holding the Document's own
    objects where facts_of took them from its front-matter: as they come, they are copies, as much
    memory again as the front-matter's figures, quotes and names (most of what a large archive's
    facts take)."""
    meta = document.meta
    if facts.figures is meta.get("figures") or facts.quotes is meta.get("quotes"):
        return facts  # the front-matter's already: kept in memory (serve), not read back
    return dataclasses.replace(facts, entities={kind: meta.get(kind, names) for kind, names in facts.entities.items()},
                               figures=meta.get("figures", facts.figures), quotes=meta.get("quotes", facts.quotes))


def briefing_features(briefings: list[Document], facts: dict[str, Facts], entities: EntityIndex,
                      credits: frozenset[str] = frozenset()) -> list[Features]:
    """What each briefing can share with others, for related_briefings. `credits`: folded names of
    outlets; they, and the briefing's own authors and outlet, are bylines and credits, not what
    it is about ("(AP)", "told Reuters"), and are left out."""
    return KeptFeatures.of(briefings, facts, entities, credits).features


@dataclass(frozen=True)
class KeptFeatures:
    """briefing_features' result, with what it was worked out from: after briefings are edited in
    place (their entities named alike), only the edited briefings' own values are worked out again
    and only the word vectors whose weights moved (Terms.edited); every other briefing's values
    depend on its own Document, facts and entities alone."""

    features: list[Features]
    own: list[tuple[dict[str, dict[str, str]], dict[str, dict[str, float]]]]  # per briefing: values but words, salience
    terms: Terms

    @classmethod
    def of(cls, briefings: list[Document], facts: dict[str, Facts], entities: EntityIndex,
           credits: frozenset[str] = frozenset(), last: KeptFeatures | None = None,
           edited: Collection[int] = ()) -> KeptFeatures:
        """`last`: these briefings' features before those at places `edited` were edited in place,
        from the same entity index."""
        named: dict[str, _Named] = {}  # entity url -> what every briefing naming it needs of it, reckoned once
        by_name = _by_name(entities)
        own, counts = list(last.own) if last is not None else [], {}
        for k in checked(sorted(edited) if last is not None else range(len(briefings))):
            document = briefings[k]
            values, weights, counts[k] = _own_features(document, facts[document.url], entities, credits, by_name, named)
            if last is None:
                own.append((values, weights))
            else:
                own[k] = (values, weights)
        terms = last.terms.edited(counts) if last is not None else Terms.of(list(counts.values()))
        shown = terms.shown  # every stem's word, one mapping for all: a briefing's own are its terms' keys
        return cls([Features({**values, "text": shown}, words, weights)
                    for (values, weights), words in zip(own, terms.vectors)], own, terms)


def _own_features(document: Document, facts: Facts, entities: EntityIndex, credits: frozenset[str],
                  by_name: dict[str, Entity], named: dict[str, _Named]
                  ) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, float]], dict[str, int]]:
    """A briefing's values but its words, their salience, and its word counts with the lead's
    counted again (_with_lead)."""
    site, names = facts.site, facts.credited
    count, lead = _own_words(facts.word_counts(), document, site, names), facts.lead_word_counts()
    values: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    weights: dict[str, dict[str, float]] = {kind: {} for kind in KINDS}
    own = {fold(str(name)) for name in (*_as_list(document.authors), _outlet(document)) if name}
    names_folded = {fold(name) for name in names}
    for entity in chain(entities.by_briefing.get(document.url, []), _title_entities(facts.title_names, entities)):
        known = named.get(entity.url) or named.setdefault(entity.url, _Named.of(entity, credits, by_name))
        if known.credit or (own and own.intersection(known.folded)) or (
                names_folded and _credited(known.folded, names_folded)):
            continue
        kind, url = known.shared_as.kind, known.shared_as.url
        values[kind][url] = known.shared_as.name
        weights[kind][url] = max(weights[kind].get(url, 0.0), salience(known.keys, count, lead))
    values["figures"] = {fold(str(f["what"])): str(f["what"]) for f in facts.figures if tracked(str(f["what"]))}
    return values, weights, _with_lead(count, lead)


def _title_entities(names: tuple[tuple[str, str], ...], entities: EntityIndex) -> Iterator[Entity]:
    """The entities of the names a short piece's title gives (Facts.title_names) that other
    briefings name, under the kind the extractor read, else another: a headline's capitals
    mislead it ("Google Stadia" a person). Named in the title, they are what the piece is about."""
    for kind, key in names:
        for each in (kind, *(other for other in KINDS if other != kind)):
            entity = entities.by_key.get((each, key))
            if entity is not None:
                yield entity
                break


@dataclass(frozen=True)
class _Named:
    """What briefing_features needs of an entity, the same in every briefing naming it."""

    folded: tuple[str, ...]  # its spellings folded
    credit: bool  # one of its spellings is an outlet's name
    keys: tuple[tuple[str, ...], ...]  # the words it is found by (name_keys)
    shared_as: Entity  # the entity of its name that briefings share (_by_name)

    @classmethod
    def of(cls, entity: Entity, credits: frozenset[str], by_name: dict[str, Entity]) -> _Named:
        folded = tuple(map(fold, entity.spellings))
        return cls(folded, not credits.isdisjoint(folded), name_keys(entity.kind, entity.spellings),
                   by_name.get(_name_slug(entity), entity))


def _by_name(entities: EntityIndex) -> dict[str, Entity]:
    """Per name (its url's slug), the entity of that name most briefings name, whatever its kind:
    the extractor may take a name for a person in one briefing and a place or an organisation in
    another ("Red Dead Redemption", "Burisma"), and two briefings naming it share it all the same."""
    by_name: dict[str, Entity] = {}
    for entity in entities.entities:  # most named first
        by_name.setdefault(_name_slug(entity), entity)
    return by_name


def _name_slug(entity: Entity) -> str:
    return entity.url[entity.url.find("/"):]  # "people/red-dead-redemption/" -> "/red-dead-redemption/"


def _credited(spellings: tuple[str, ...], credited: set[str]) -> bool:
    """Whether a name (its spellings folded) is one a credit line gives (folded), or that name and
    what the extractor ran on with it ("John Milbank RRP" from "Tested by: John Milbank RRP: £23.99")."""
    return any(f == c or f.startswith(c + " ") for f in spellings for c in credited)


def _with_lead(counts: dict[str, int], lead: dict[str, int]) -> dict[str, int]:
    """The word counts with the title's and lead's words counted _LEAD_WEIGHT times more: what a
    story is about, the words its headline and first sentences use, weighs most in its wording."""
    counts = dict(counts)
    for word, n in lead.items():
        if word in counts:  # what _own_words dropped (the site's name, common words) stays out
            counts[word] += _LEAD_WEIGHT * n
    return counts


def _own_words(counts: dict[str, int], document: Document, site: str, credited: frozenset[str]) -> dict[str, int]:
    """The word counts less the site's name in the title ("… – Vortex Cannon Entertainment"), a
    credit shared by every page of one site, less the names of the briefing's authors and of those
    its credit lines name, and less the common words of the briefing's language when not English
    (word_counts drops English ones)."""
    language = str(document.meta.get("language") or "en")
    credits = " ".join((site, *map(str, _as_list(document.authors)), *credited))
    drop = set(word_counts(credits))
    if language.split("-")[0].lower() != "en":
        drop |= function_words(language)
    return {word: n for word, n in counts.items() if word not in drop} if drop.intersection(counts) else counts


def credit_names(config: Config) -> frozenset[str]:
    """The outlets the site knows, folded: named in a briefing, they are credits ("(AP)")."""
    return frozenset(fold(name) for name in config.ingest.outlets.values())


def _outlet(document: Document) -> str:
    source = document.meta.get("source")
    return str(source.get("name") or "") if isinstance(source, dict) else ""


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def claims_by_briefing(groups: list[FigureGroup]) -> dict[str, list[tuple[Claim, FigureGroup]]]:
    claims: dict[str, list[tuple[Claim, FigureGroup]]] = {}
    for group in groups:
        for claim in group.claims:
            claims.setdefault(claim.document.url, []).append((claim, group))
    return {url: in_briefing_order(of_briefing) for url, of_briefing in claims.items()}
