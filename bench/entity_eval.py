"""Score entity extraction against the hand-annotated devset in bench/devset/entities/truth.yaml.

    python -m bench.entity_eval [--aeb FOLDER] [--errors] [--heldout-errors] [--blind-errors] [--repeat N]

Texts are read at run time: `aeb` articles from FOLDER/ground-truth.json (default
../shared/devset/aeb beside the repository; the eval says so and stops when it is absent),
`seed` articles from seeds/, read and cleaned as ingest does. Prints precision and recall per kind
and overall, for the tuning part, the held-out part, the held-out pages that report a tuned page's
story (`sibling:`) and the blind parts (`blind:`, pages whose errors no rule was written from; `blind: after`,
`blind: fresh`, `blind: seventh` and `blind: eighth` pages, annotated later still, each apart) apart,
the kind errors, the aliases left
unmerged (two extracted names of one annotated entity) and the extraction time per article.

A name matches an annotated entity when its folded key, after the site's alias table, equals the
key of the entity's name or of one of its variants. A name of the wrong kind counts against the
precision of the kind it was given and leaves the entity unfound; a second name of an entity
already found is an unmerged alias, counted apart (neither right nor wrong); names the annotation
lists under `ignore` are not counted.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click
import yaml

from generator.config.settings import load_config
from generator.ingest.article import Seed
from generator.ingest.clean import clean
from generator.text.entities import KINDS, Lexicon, extract_entities, fold
from generator.text.markdown_text import plain
from generator.ingest.read import read_seed

REPO = Path(__file__).resolve().parent.parent
TRUTH = REPO / "bench" / "devset" / "entities" / "truth.yaml"
AEB = REPO.parent / "shared" / "devset" / "aeb"


@dataclass
class Article:
    id: str
    text: str
    heldout: bool
    sibling: bool  # held out, but another outlet's report of a story the tuned part holds
    blind: bool  # held out, and no rule was written from its errors (scored apart)
    after: bool  # blind, annotated after the last rules were written (`blind: after`, scored apart)
    fresh: bool  # blind, annotated in issue 24's sixth pass before any extractor ran on it (`blind: fresh`)
    seventh: bool  # blind, annotated in issue 24's seventh pass before any extractor ran on it (`blind: seventh`)
    eighth: bool  # blind, annotated in issue 24's eighth pass before any extractor ran on it (`blind: eighth`)
    truth: dict[str, dict[str, list[str]]]  # kind -> canonical name -> variants
    ignore: list[str]


@dataclass
class Tally:
    found: Counter[str] = field(default_factory=Counter)  # kind -> right names (given that kind)
    given: Counter[str] = field(default_factory=Counter)  # kind -> names counted for precision
    expected: Counter[str] = field(default_factory=Counter)  # kind -> annotated entities
    recalled: Counter[str] = field(default_factory=Counter)  # kind -> annotated entities found with their kind
    kind_errors: list[str] = field(default_factory=list)
    unmerged: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # names that are no annotated entity
    missed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    articles: int = 0


def load_articles(aeb: Path) -> list[Article]:
    annotated = yaml.safe_load(TRUTH.read_text(encoding="utf-8"))["articles"]
    bodies = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    cruft = load_config(REPO / "generator" / "config" / "default_site.yaml").ingest.cruft
    articles = []
    for entry in annotated:
        if entry.get("source") == "seed":
            text = _seed_text(REPO / "seeds" / entry["id"], cruft)
        else:
            matches = [key for key in bodies if key.startswith(entry["id"])]
            if len(matches) != 1:
                raise click.ClickException(f"{TRUTH.name}: id {entry['id']} matches {len(matches)} pages in {aeb}")
            text = bodies[matches[0]]["articleBody"]
        truth = {kind: {str(name): [str(v) for v in variants or []] for name, variants in (entry.get(kind) or {}).items()}
                 for kind in KINDS}
        articles.append(Article(entry["id"], text, bool(entry.get("heldout")), bool(entry.get("sibling")),
                                bool(entry.get("blind")), entry.get("blind") == "after",
                                entry.get("blind") == "fresh", entry.get("blind") == "seventh",
                                entry.get("blind") == "eighth", truth,
                                [str(name) for name in entry.get("ignore", [])]))
    return articles


def _seed_text(path: Path, cruft: tuple[str, ...]) -> str:
    """The text ingest reads entities from: the seed cleaned of page cruft, as plain text."""
    article = read_seed(Seed(path=path, name=f"seeds/{path.name}", sha256=""))
    return "\n".join(plain(paragraph) for paragraph in clean(article.text, cruft).paragraphs)


def score(article: Article, lexicon: Lexicon, tally: Tally, repeat: int) -> None:
    def key(name: str) -> str:
        return fold(lexicon.name(name))

    entity_of: dict[str, tuple[str, str]] = {}
    for kind, names in article.truth.items():
        for name, variants in names.items():
            for spelling in (name, *variants):
                entity_of[key(spelling)] = (kind, name)
    ignored = {key(name) for name in article.ignore}
    started = time.perf_counter()
    for _ in range(repeat):
        extracted = extract_entities(article.text, lexicon)
    tally.seconds += (time.perf_counter() - started) / repeat
    tally.articles += 1
    given: dict[tuple[str, str], list[tuple[str, str]]] = {}  # entity -> the (kind, name) pairs naming it
    for kind in KINDS:
        for name in extracted[kind]:
            entity = entity_of.get(key(name))
            if entity is None and key(name) in ignored:
                continue
            if entity is None:
                tally.given[kind] += 1
                tally.wrong.append(f"{article.id}: {kind} {name!r}")
            else:
                given.setdefault(entity, []).append((kind, name))
    named: set[tuple[str, str]] = set()  # entities found with their kind
    for entity, names in given.items():
        right = [name for kind, name in names if kind == entity[0]]
        if right:
            named.add(entity)
            tally.found[entity[0]] += 1
            tally.given[entity[0]] += 1
            tally.unmerged += [f"{article.id}: {name!r} apart from {right[0]!r}" for name in right[1:]]
        for kind, name in names:
            if kind != entity[0]:
                tally.given[kind] += 1
                tally.kind_errors.append(f"{article.id}: {name!r} taken as {kind}, is {entity[0]}")
    for kind, names in article.truth.items():
        for name in names:
            tally.expected[kind] += 1
            if (kind, name) in named:
                tally.recalled[kind] += 1
            else:
                tally.missed.append(f"{article.id}: {kind} {name!r}")


def table(title: str, tally: Tally) -> str:
    lines = [f"{title} ({tally.articles} articles)", "",
             "| kind | precision | recall | right | extracted | annotated |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for kind in (*KINDS, "overall"):
        if kind == "overall":
            found, given = sum(tally.found.values()), sum(tally.given.values())
            recalled, expected = sum(tally.recalled.values()), sum(tally.expected.values())
        else:
            found, given, recalled, expected = tally.found[kind], tally.given[kind], tally.recalled[kind], tally.expected[kind]
        lines.append(f"| {kind} | {_ratio(found, given)} | {_ratio(recalled, expected)} | {found} | {given} | {expected} |")
    lines += ["", f"kind errors: {len(tally.kind_errors)}; aliases left unmerged: {len(tally.unmerged)}; "
              f"extraction: {1000 * tally.seconds / max(1, tally.articles):.2f} ms per article"]
    return "\n".join(lines)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


@click.command()
@click.option("--aeb", type=click.Path(path_type=Path), default=AEB, show_default=True, help="the saved-pages devset")
@click.option("--errors", is_flag=True, help="list the tuning part's wrong, missed, mis-kinded and unmerged names")
@click.option("--heldout-errors", is_flag=True, help="list the held-out part's errors too (not while tuning)")
@click.option("--blind-errors", is_flag=True, help="list the blind part's errors too (only after its score is recorded)")
@click.option("--repeat", default=1, show_default=True, help="extract each text this many times, for steadier timing")
def main(aeb: Path, errors: bool, heldout_errors: bool, blind_errors: bool, repeat: int) -> None:
    if not (aeb / "ground-truth.json").is_file():
        click.echo(f"skipped: no devset at {aeb} (pass --aeb FOLDER)")
        return
    lexicon = Lexicon(load_config(REPO / "generator" / "config" / "default_site.yaml").entities)
    lexicon.cities, lexicon.companies  # read once here, not inside the first article's timing
    tuning, heldout, siblings, blind, after, fresh, seventh, eighth = (Tally() for _ in range(8))
    for article in load_articles(aeb):
        part = eighth if article.eighth else seventh if article.seventh else fresh if article.fresh else after if article.after \
            else blind if article.blind else siblings if article.sibling else heldout if article.heldout else tuning
        score(article, lexicon, part, repeat)
    click.echo(table("Tuning part", tuning) + "\n\n" + table("Held-out part", heldout) + "\n\n"
               + table("Held-out siblings of tuned stories", siblings) + "\n\n" + table("Blind part", blind)
               + "\n\n" + table("Blind part annotated after the last rules", after)
               + "\n\n" + table("Fresh blind part (issue 24's sixth pass)", fresh)
               + "\n\n" + table("Blind part of issue 24's seventh pass", seventh)
               + "\n\n" + table("Blind part of issue 24's eighth pass", eighth))
    for tally, show in ((tuning, errors), (heldout, heldout_errors), (siblings, heldout_errors), (blind, blind_errors),
                        (after, blind_errors), (fresh, blind_errors), (seventh, blind_errors),
                        (eighth, blind_errors)):
        if show:
            for label, items in (("wrong", tally.wrong), ("missed", tally.missed), ("kind errors", tally.kind_errors),
                                 ("unmerged", tally.unmerged)):
                click.echo(f"\n{label} ({len(items)}):\n" + "\n".join(f"  {item}" for item in items))


if __name__ == "__main__":
    main()
