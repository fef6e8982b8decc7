"""Names in every briefing -> one Entity per person, place and organisation, variants merged.

Spellings merge when their folded keys match (Zelensky/Zelenskyy, NATO/Nato) or site.yaml's
alias table joins them (Kiev/Kyiv); a lone surname joins the one full name that ends with it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from generator.content.documents import Document
from generator.text.entities import KINDS, Lexicon, fold
from generator.text.slugs import slugify
from generator.linking.facts import Facts
from generator.utils.cancel import checked

_COMPANIONS = 8


@dataclass(eq=False)
class Entity:
    kind: str  # people, places or organisations
    name: str
    url: str
    aliases: list[str]  # every other spelling, for search and for linking mentions
    briefings: list[Document] = field(default_factory=list, repr=False)  # newest first
    companions: list[tuple["Entity", int]] = field(default_factory=list, repr=False)  # most often named with it
    quotes: list[tuple[dict[str, Any], Document]] = field(default_factory=list, repr=False)
    written: list[str] = field(default_factory=list)  # the other spellings briefings use: what its page shows

    @property
    def count(self) -> int:
        return len(self.briefings)

    @property
    def spellings(self) -> list[str]:
        return [self.name, *self.aliases]

    def simple(self) -> dict[str, Any]:
        """Plain data for other stages (search filters): name, aliases, url."""
        return {"name": self.name, "aliases": list(self.aliases), "url": self.url}


@dataclass
class EntityIndex:
    entities: list[Entity] = field(default_factory=list)  # most mentioned first
    by_briefing: dict[str, list[Entity]] = field(default_factory=dict)  # briefing url -> its entities
    by_key: dict[tuple[str, str], Entity] = field(default_factory=dict)  # (kind, folded name) -> entity
    speakers: dict[str, dict[str, Entity]] = field(default_factory=dict)  # briefing url -> folded speaker -> entity

    def of_kind(self, kind: str) -> list[Entity]:
        return [entity for entity in self.entities if entity.kind == kind]

    def find(self, kind: str, name: str, lexicon: Lexicon) -> Entity | None:
        return self.by_key.get((kind, _key(name, lexicon)))


def index_entities(briefings: list[Document], facts: dict[str, Facts], lexicon: Lexicon) -> EntityIndex:
    """Briefings newest first -> the entity index."""
    spellings: dict[tuple[str, str], Counter[str]] = {}
    for document in checked(briefings):
        for kind, names in facts[document.url].entities.items():
            for name in names:
                spellings.setdefault((kind, _key(name, lexicon)), Counter())[name] += 1
    index = EntityIndex(by_key=_make_entities(spellings, _merge_surnames(spellings), lexicon))
    for document in checked(briefings):
        named = facts[document.url].entities
        found = [index.by_key[(kind, _key(name, lexicon))] for kind in KINDS for name in named.get(kind, [])]
        index.by_briefing[document.url] = list({id(e): e for e in found}.values())
        for entity in index.by_briefing[document.url]:
            entity.briefings.append(document)
    _count_companions(index)
    unique = {id(e): e for e in index.by_key.values()}.values()
    index.entities = sorted(unique, key=lambda e: (-e.count, e.name))
    return index


def attach_quotes(index: EntityIndex, briefings: list[Document], facts: dict[str, Facts], lexicon: Lexicon) -> None:
    """Each quote goes on its speaker's page, when the speaker is a person the archive knows."""
    for document in checked(briefings):
        for quote in facts[document.url].quotes:
            said_by = str(quote.get("speaker", ""))
            speaker = index.find("people", said_by, lexicon)
            if speaker:
                speaker.quotes.append((quote, document))
                if speaker in index.by_briefing.get(document.url, ()):  # linked on the briefing's page too
                    index.speakers.setdefault(document.url, {})[fold(said_by)] = speaker


def _key(name: str, lexicon: Lexicon) -> str:
    return fold(lexicon.name(name))


def _merge_surnames(spellings: dict[tuple[str, str], Counter[str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """A one-word person joins the only full name ending with that word ("Putin" -> "Vladimir Putin")."""
    full_names: dict[str, list[tuple[str, str]]] = {}
    for kind, key in spellings:
        if kind == "people" and " " in key:
            full_names.setdefault(key.rsplit(" ", 1)[1], []).append((kind, key))
    return {(kind, key): full_names[key][0] for kind, key in spellings
            if kind == "people" and " " not in key and len(full_names.get(key, [])) == 1}


def _make_entities(spellings: dict[tuple[str, str], Counter[str]], merged: dict, lexicon: Lexicon) -> dict:
    entities: dict[tuple[str, str], Entity] = {}
    taken: set[str] = set()
    joining: dict[tuple[str, str], list[tuple[str, str]]] = {}  # a full name -> the one-word names merged into it
    for key, target in merged.items():
        joining.setdefault(target, []).append(key)
    for key, counter in sorted(spellings.items(), key=lambda item: -sum(item[1].values())):
        if key in merged:
            continue
        every = counter + sum((spellings[k] for k in joining.get(key, ())), Counter())
        name = _display_name(counter, lexicon)  # the full name, however often the surname alone is written
        aliases = sorted((set(every) | set(lexicon.aliases.get(name, ()))) - {name})
        entities[key] = Entity(key[0], name, free_url(key[0], name, taken), aliases, written=sorted(set(every) - {name}))
    for key, target in merged.items():
        entities[key] = entities[target]
    return entities


def _display_name(spellings: Counter[str], lexicon: Lexicon) -> str:
    """The alias table's (or gazetteer's) name, else the most used spelling (the shortest when tied)."""
    canonical = {lexicon.name(s) for s in spellings if lexicon.name(s) != s or fold(s) in lexicon.canonical}
    if canonical:
        return sorted(canonical)[0]
    return min(spellings, key=lambda s: (-spellings[s], len(s), s))


def free_url(kind: str, name: str, taken: set[str]) -> str:
    """KIND/SLUG/, or KIND/SLUG-2/ … when that is taken (names that slugify alike); added to `taken`."""
    slug, n = slugify(name), 2
    url = f"{kind}/{slug}/"
    while url in taken:
        url, n = f"{kind}/{slug}-{n}/", n + 1
    taken.add(url)
    return url


def _count_companions(index: EntityIndex) -> None:
    together: defaultdict[Entity, Counter[Entity]] = defaultdict(Counter)
    for entities in checked(index.by_briefing.values()):
        for entity in entities:
            together[entity].update(entities)  # itself too, dropped below: cheaper than a count per pair
    for entity, counter in checked(together.items()):
        del counter[entity]
        entity.companions = sorted(counter.items(), key=lambda item: (-item[1], item[0].name))[:_COMPANIONS]
