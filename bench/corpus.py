"""A deterministic, realistic briefing corpus for benchmarks.

Briefing i depends only on (seed, i): a smaller corpus is a prefix of a larger one. About 700
words each, entity mentions Zipf-distributed over about 2,000 names, dates over four years,
links, quotes, lists and headings; the same articles are also written as raw text seeds, and
each briefing records the seed it was made from, as in an archive made from seeds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.ingest.briefing import INGEST_VERSION, cross_references

_FIRST = ("Aaron Adele Aisha Alan Amara Amir Anika Anton Arjun Astrid Boris Bruno Camila Carlos Chen Chloe Daniel "
          "Diego Dmitri Elena Elif Emeka Emma Erik Fatima Felix Grace Hana Hassan Helen Hiroshi Ibrahim Ines Ivan "
          "Jamal Jana Javier Jonas Julia Kai Karim Kenji Kofi Lars Leila Liam Lucia Luis Maya Marco Maria Mateo Mei "
          "Nadia Naomi Nina Olga Omar Oscar Pablo Priya Rafael Rahul Rosa Ruth Samir Sara Sofia Tariq Thomas Victor "
          "Wei Yara Yusuf Zara").split()
_LAST = ("Abara Adeyemi Alvarez Andersen Aoki Barros Becker Bianchi Brennan Carvalho Castillo Chaudhry Costa Dahl "
         "Delgado Demir Dubois Eriksen Farouk Ferreira Fischer Garcia Gupta Haddad Hansen Hayashi Herrera Ibrahim "
         "Ivanova Jensen Kapoor Karimi Keller Kim Kowalski Larsen Laurent Lopez Machado Mendes Moreau Morales Mwangi "
         "Nakamura Navarro Nguyen Novak Obi Okafor Olsen Ortega Osei Park Patel Petrov Popescu Rahman Reyes Rossi "
         "Santos Schmidt Sharma Silva Sokolov Suzuki Tanaka Torres Tran Varga Wagner Weber Yilmaz Zhang").split()
_PLACES = ("Amber Bay Coast Delta Elm Fern Granite Harbour Iron Juniper Kestrel Linden Maple North South East West "
           "Oak Pine Quarry River Stone Thorn Upland Vale Willow Yarrow").split()
_ORG_WORDS = ("Allied Central Federal National United Northern Public Civic Green Coastal Union Council Agency "
              "Coalition Bank Institute Ministry Corporation Alliance Authority Commission Forum").split()
_OUTLETS = ["Tidewater Times", "The Daily Ledger", "Northern Courier", "Harbour Post", "Civic Wire", "Granite Herald"]
_VERBS = ["said", "warned", "confirmed", "announced", "argued", "estimated"]
_TOPICS = ["the budget talks", "the ceasefire plan", "grain exports", "the energy deal", "flood defences",
           "the port expansion", "the election timetable", "refugee support", "the trade dispute", "the rail strike"]
N_ENTITIES = 2000
SEEDS_FOLDER = "seeds"
START = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Briefing:
    slug: str
    title: str
    date: dt.datetime
    source: str
    tags: list[str]
    body: str


def entities(seed: int) -> list[str]:
    rng = random.Random(f"entities-{seed}")
    names: list[str] = []
    while len(names) < N_ENTITIES:
        kind = rng.random()
        if kind < 0.45:
            name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        elif kind < 0.65:
            name = f"{rng.choice(_PLACES)} {rng.choice(['Region', 'Province', 'City', 'Islands', 'Valley'])}"
        else:
            name = f"{rng.choice(_ORG_WORDS)} {rng.choice(_PLACES)} {rng.choice(_ORG_WORDS[10:])}"
        if name not in names:
            names.append(name)
    return names


def briefing(index: int, seed: int, names: list[str], weights: list[float]) -> Briefing:
    rng = random.Random(f"briefing-{seed}-{index}")
    cast = list(dict.fromkeys(rng.choices(names, weights=weights, k=rng.randint(4, 9))))
    topic = rng.choice(_TOPICS)
    date = START + dt.timedelta(seconds=rng.randrange(4 * 365 * 86400))
    title = f"{cast[0]} {rng.choice(_VERBS)} {topic} would {rng.choice(['stall', 'resume', 'widen', 'end'])}"
    paragraphs: list[str] = []
    words = 0
    while words < 700:
        who, other = rng.choice(cast), rng.choice(cast)
        sentences = [
            f"{who} {rng.choice(_VERBS)} on {date:%A} that {topic} had {rng.choice(['slowed', 'stalled', 'advanced'])} after {rng.randint(2, 900):,} people were affected.",
            f"Officials in {other} said the talks would continue, according to documents seen by reporters.",
            f"Since {date:%B}, spending on {topic} has risen by {rng.randint(2, 60)} per cent, figures published this week showed.",
        ]
        rng.shuffle(sentences)
        paragraph = " ".join(sentences[: rng.randint(2, 3)])
        if rng.random() < 0.2:
            paragraph += f" See [the report](https://example.net/{date:%Y/%m/%d}/report-{index}-{len(paragraphs)}) for details."
        paragraphs.append(paragraph)
        if len(paragraphs) == 3:
            paragraphs.append(f"> “We cannot wait any longer on {topic},” said {rng.choice(cast)}.")
            paragraphs.append("## What happens next")
        if len(paragraphs) == 7:
            paragraphs.append("\n".join(f"- {rng.choice(cast)} will report on {rng.choice(_TOPICS)}" for _ in range(rng.randint(3, 5))))
        words += len(paragraph.split())
    slug = f"{'-'.join(title.lower().split()[:8])}-{index:05d}"
    return Briefing(slug, title, date, rng.choice(_OUTLETS), cast, "\n\n".join(paragraphs) + "\n")


def briefings(count: int, seed: int = 1) -> list[Briefing]:
    names = entities(seed)
    weights = [1 / (rank + 6) for rank in range(len(names))]
    return [briefing(i, seed, names, weights) for i in range(count)]


def front_matter(item: Briefing, references: str) -> str:
    tags = "".join(f"\n  - {json.dumps(t)}" for t in item.tags)
    return (f"---\ntitle: {json.dumps(item.title)}\ndate: {item.date:%Y-%m-%dT%H:%M:%S+00:00}\n"
            f"source: {json.dumps(item.source)}\ntags:{tags}\n{references}{seed_record(item)}---\n\n")


def seed_record(item: Briefing) -> str:
    """The record ingest keeps of the seed a briefing was made from (write_seeds writes it)."""
    sha256 = hashlib.sha256(seed_text(item).encode()).hexdigest()
    return f"seed:\n  path: {SEEDS_FOLDER}/{item.slug}.txt\n  sha256: {sha256}\n  ingest_version: {INGEST_VERSION}\n"


def write_seeds(items: list[Briefing], site: Path) -> None:
    """The raw text seed of each briefing, where its seed record says, as in an archive made from seeds."""
    (site / SEEDS_FOLDER).mkdir(parents=True, exist_ok=True)
    for item in items:
        (site / SEEDS_FOLDER / f"{item.slug}.txt").write_text(seed_text(item), encoding="utf-8")


def references_yaml(item: Briefing) -> str:
    """What ingest writes into a briefing's front-matter for the link stage (people, places,
    organisations, figures, quotes), found in the body by ingest's own rules, as YAML."""
    found = cross_references(item.body.split("\n\n"), item.date.date(), None)
    return yaml.dump(found, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=1000)


_REFERENCES: dict[str, str] = {}  # by slug: found once, written for us and for Hugo


def write_content(items: list[Briefing], folder: Path) -> None:
    """Markdown briefings with YAML front-matter like ours, as ingest writes it: our layout,
    Hugo's and the peers' `plain` one."""
    missing = [item for item in items if item.slug not in _REFERENCES]
    if missing:
        with multiprocessing.get_context("fork").Pool() as pool:  # about 3 ms a briefing: on every core
            found = pool.map(references_yaml, missing, chunksize=64)
        _REFERENCES.update(zip((item.slug for item in missing), found))
    folder.mkdir(parents=True, exist_ok=True)
    for item in items:
        (folder / f"{item.slug}.md").write_text(front_matter(item, _REFERENCES[item.slug]) + item.body, encoding="utf-8")


def seed_text(item: Briefing) -> str:
    """The same article as a raw text seed: no front-matter, Markdown removed, a byline and cruft."""
    lines = [line.lstrip("#>- ").replace("[the report](", "the report (") for line in item.body.splitlines() if line.strip()]
    return f"By {item.tags[0]}\n" + "\n".join(lines) + "\nShare this article\n"
