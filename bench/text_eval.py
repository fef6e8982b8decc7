"""Score the text ingest on the pasted-article devset, and the saved-page path beside it.

    python -m bench.text_eval [FOLDER] [--holdout | --unseen N] [--keep DIR] [--worst N] [--pages/--no-pages]

FOLDER holds saved pages with ground truth (default ../shared/devset/aeb): the devset's seeds are
made from it at run time (bench/devset/text/make.py) into a temporary folder, or into --keep DIR,
and ingested as `make_briefing` ingests any seed, with this repository's site.yaml.

Each field is scored by its own function below (`body_words`, `cruft_left`, `title_kept`,
`outlet_scores`, `author_scores`, `date_scores`), over a list of `Outcome`s, so another harness can
read one figure without running the rest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from bench.devset.text.make import DEFAULT_SOURCE, REPO, SeedTruth, make_devset, page_truths
from generator.config.settings import IngestSettings, load_config
from generator.ingest.article import Seed
from generator.ingest.briefing import make_briefing
from generator.text.markdown_text import plain
from generator.ingest.furniture import repeated_lines, seed_lines
from generator.ingest.read import read_seed
from generator.problems import ProblemError
from generator.text.sentences import split_sentences

LOST_RECALL = 0.8


@dataclass
class Outcome:
    """One seed's truth and what the ingest made of it."""
    truth: SeedTruth
    front: dict[str, Any] = field(default_factory=dict)
    body: str = ""  # plain text
    error: str | None = None
    seconds: float = 0.0


def ingest_devset(folder: Path, settings: IngestSettings, truths: list[SeedTruth]) -> list[Outcome]:
    """Each seed as the ingest stage makes it, knowing the lines the set's seeds repeat (furniture.py)."""
    seeds = [Seed(folder / t.file, f"seeds/{t.file}", hashlib.sha256((folder / t.file).read_bytes()).hexdigest()) for t in truths]
    furniture = repeated_lines(seed_lines(read_seed(seed).text) for seed in seeds)
    outcomes = []
    for truth, seed in zip(truths, seeds):
        outcome = Outcome(truth)
        started = time.process_time()  # CPU time: the figure is per core, whatever else runs
        try:
            outcome.front, body = make_briefing(read_seed(seed), settings, furniture=furniture)
            outcome.body = "\n\n".join(plain(p) for p in body.split("\n\n"))
        except ProblemError as error:
            outcome.error = error.problem.message
        outcome.seconds = time.process_time() - started
        outcomes.append(outcome)
    return outcomes


# --- one function a field -------------------------------------------------------------------------

def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.casefold()))


def body_words(outcome: Outcome) -> tuple[float, float] | None:
    """(precision, recall) of the body's words against the article's; None where no body is known."""
    if not outcome.truth.body:
        return None
    found, expected = words(outcome.body), words(outcome.truth.body)
    common = sum((found & expected).values())
    return (common / sum(found.values()) if found else 0.0), common / sum(expected.values())


def lost(outcome: Outcome) -> bool:
    scores = body_words(outcome)
    return outcome.error is not None or (scores is not None and scores[1] < LOST_RECALL)


def sentences_lost(outcome: Outcome) -> list[str]:
    """The article's sentences (four words or more) that lost a third of their words or more: what a
    cruft rule or a headline took beyond its own, which a body recall near 1 hides. The truth keeps
    some lines a reader would call cruft (credit lines, "Follow X on Facebook"), so a few are expected."""
    if not outcome.truth.body or outcome.error:
        return []
    found = words(outcome.body)
    lost_ones = []
    for paragraph in outcome.truth.body.split("\n"):
        for sentence in split_sentences(paragraph):
            expected = words(sentence)
            missing = sum((expected - found).values())
            if sum(expected.values()) >= 4 and missing >= 3 and missing / sum(expected.values()) > 1 / 3:
                lost_ones.append(sentence)
    return lost_ones


def _norm(text: str) -> str:
    text = re.sub(r"[‘’‚′]", "'", re.sub(r"[“”„″]", '"', text))
    return " ".join(text.split()).casefold()


def cruft_left(outcome: Outcome) -> list[str]:
    """The inserted cruft strings still found in the body, summary, key points or title, whole or as a
    part left standing alone as the title or a paragraph ("Like" of "Like Reply Share"); a string the
    article itself contains is not counted: it is the article's."""
    front = outcome.front
    title = str(front.get("title", ""))
    made = _norm("\n".join([outcome.body, title, str(front.get("summary", "")), *map(str, front.get("key_points", []))]))
    alone = {_norm(part).strip(" ·•|") for part in [title, *outcome.body.split("\n\n")]} - {""}
    article = _norm(outcome.truth.body)
    return [c for c in outcome.truth.cruft
            if (_norm(c) in made or any(part in _norm(c) and part not in article for part in alone)) and _norm(c) not in article]


def title_kept(outcome: Outcome) -> bool | None:
    """Whether a pasted headline is the briefing's title exactly (spacing and quote style aside)."""
    if not outcome.truth.title:
        return None
    return _norm(str(outcome.front.get("title", ""))) == _norm(outcome.truth.title)


def title_from_article(outcome: Outcome) -> bool | None:
    """Whether a title made where no headline was pasted is the article's: most of its words (four in
    five) are the article's, not a page's notice left at the top ("Like", "Text size A A A")."""
    if outcome.truth.title or not outcome.truth.body or outcome.error:
        return None
    words = re.findall(r"\w+", str(outcome.front.get("title", "")).casefold())
    article = set(re.findall(r"\w+", outcome.truth.body.casefold()))
    return bool(words) and sum(word in article for word in words) >= 0.8 * len(words)


def same_outlet(found: str | None, expected: str | None) -> bool:
    """Equal names up to case, punctuation, a leading "The" and a ".com"."""
    def key(name: str | None) -> str:
        return re.sub(r"^the|com$", "", re.sub(r"\W+", "", (name or "").casefold()))
    return bool(found) and bool(expected) and key(found) == key(expected)


def outlet_scores(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    """Recall over seeds whose text carries an outlet clue; precision over every outlet given where the
    true outlet is known."""
    given = [(o, o.front.get("source", {}).get("name")) for o in outcomes if o.truth.outlet]
    named = [(o, name) for o, name in given if name]
    clued = [(o, name) for o, name in given if o.truth.outlet_clue]
    return {"precision": _share(same_outlet(n, o.truth.outlet) for o, n in named),
            "recall": _share(same_outlet(n, o.truth.outlet) for o, n in clued), "given": len(named), "clued": len(clued)}


def _person(name: str) -> str:
    return " ".join(name.casefold().replace(".", " ").split())


def author_scores(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    """Over seeds whose text carries a byline or bio: share of true authors found (recall) and of the
    names given that are true (precision)."""
    outcomes = list(outcomes)
    found = expected = right = 0
    for outcome in outcomes:
        if not outcome.truth.byline:
            continue
        names = {_person(a) for a in outcome.front.get("authors", [])}
        truth = {_person(a) for a in outcome.truth.authors}
        found, expected, right = found + len(names), expected + len(truth), right + len(names & truth)
    return {"precision": right / found if found else None, "recall": right / expected if expected else None,
            "seeds": sum(1 for o in outcomes if o.truth.byline)}


def date_window(front: dict[str, Any]) -> tuple[dt.date | None, dt.date | None, str]:
    """(earliest, latest, confidence) a briefing gives; a stated date is a window of one day, high."""
    inference = front.get("date_inference")
    if inference:
        day = front.get("date")
        return inference.get("earliest", day), inference.get("latest", day), str(inference.get("confidence", "low"))
    day = front.get("date")
    return day, day, "high" if day else "none"


def date_scores(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    """Share of seeds given any date; of windows marked medium or high, the share holding the truth."""
    dated = [o for o in outcomes if o.truth.date]
    given = trusted = holding = 0
    for outcome in dated:
        earliest, latest, confidence = date_window(outcome.front)
        if earliest or latest:
            given += 1
        if confidence in ("medium", "high") and (earliest or latest):
            trusted += 1
            day = dt.date.fromisoformat(outcome.truth.date)
            holding += (earliest or dt.date.min) <= day <= (latest or dt.date.max)
    return {"given": given / len(dated) if dated else None, "trusted": trusted,
            "trusted_hold": holding / trusted if trusted else None, "seeds": len(dated)}


def _share(hits: Iterable[bool]) -> float | None:
    hits = list(hits)
    return sum(hits) / len(hits) if hits else None


# --- the report -----------------------------------------------------------------------------------

def text_report(outcomes: list[Outcome]) -> list[str]:
    bodies = [s for o in outcomes if (s := body_words(o))]
    lost_ids = [o.truth.file for o in outcomes if lost(o)]
    cruft = [o for o in outcomes if cruft_left(o)]
    titles = [t for o in outcomes if (t := title_kept(o)) is not None]
    derived = [t for o in outcomes if (t := title_from_article(o)) is not None]
    outlet, authors, dates = outlet_scores(outcomes), author_scores(outcomes), date_scores(outcomes)
    seconds = sum(o.seconds for o in outcomes)
    return [
        f"seeds {len(outcomes)}   lost {len(lost_ids)}   cruft left {len(cruft) / len(outcomes):.1%} ({len(cruft)})",
        f"body words   P {_mean(p for p, _ in bodies):.4f}  R {_mean(r for _, r in bodies):.4f}"
        f"   seeds with a sentence lost {sum(1 for o in outcomes if sentences_lost(o))}",
        f"title kept   {_fmt(_share(titles))} ({sum(titles)}/{len(titles)} titled)  |  derived from the article "
        f"{_fmt(_share(derived))} ({sum(derived)}/{len(derived)} untitled)",
        f"outlet       P {_fmt(outlet['precision'])} ({outlet['given']} given)  R {_fmt(outlet['recall'])} ({outlet['clued']} with a clue)",
        f"authors      P {_fmt(authors['precision'])}  R {_fmt(authors['recall'])} ({authors['seeds']} with a byline or bio)",
        f"date         given {_fmt(dates['given'])}  medium/high hold the truth {_fmt(dates['trusted_hold'])} ({dates['trusted']} windows)",
        f"speed        {len(outcomes) / seconds:.0f} seeds/s on one core",
    ]


def detail(outcomes: list[Outcome], worst: int) -> list[str]:
    lines = []
    for outcome in outcomes:
        problems = []
        if lost(outcome):
            problems.append(f"lost ({outcome.error or f'recall {body_words(outcome)[1]:.2f}'})")
        if left := cruft_left(outcome):
            problems.append(f"cruft {left}")
        if taken := sentences_lost(outcome):
            problems.append(f"sentences lost {[sentence[:80] for sentence in taken]}")
        if title_kept(outcome) is False:
            problems.append(f"title {outcome.front.get('title')!r} != {outcome.truth.title!r}")
        if title_from_article(outcome) is False:
            problems.append(f"title {outcome.front.get('title')!r} is not the article's")
        outlet = outcome.front.get("source", {}).get("name")
        if outcome.truth.outlet and (outlet or outcome.truth.outlet_clue) and not same_outlet(outlet, outcome.truth.outlet):
            problems.append(f"outlet {outlet!r} != {outcome.truth.outlet!r}")
        authors = {_person(a) for a in outcome.front.get("authors", [])}
        if outcome.truth.byline and authors != {_person(a) for a in outcome.truth.authors}:
            problems.append(f"authors {sorted(authors)} != {sorted(outcome.truth.authors)}")
        if problems:
            lines.append(f"  {outcome.truth.file}: " + "; ".join(problems))
    return lines[:worst]


def page_report(source: Path, settings_path: Path) -> str:
    """The saved-page path, scored by bench.ingest_eval with titles, dates and authors from the pages."""
    from bench import ingest_eval

    # The hand-checked title, date and credit of each page (bench/devset/pages/truth.json) where there is one.
    truth = ingest_eval.load_truth(source, None)
    if not any("authors" in expected for expected in truth.values()):
        truth = {page_id: {"articleBody": meta["body"], "url": meta["url"], "title": meta["title"],
                           "date": meta["date"], "authors": meta["page_authors"]}
                 for page_id, meta in page_truths(source).items()}
    pages = ingest_eval.load_pages(source, truth)
    extract = ingest_eval.ours(load_config(settings_path).ingest.cruft)
    extract(*pages[0][1:])
    return ingest_eval.report(ingest_eval.evaluate("pages", extract, pages, truth))


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


@click.command()
@click.argument("folder", required=False, default=DEFAULT_SOURCE,
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--holdout", is_flag=True, help="Seeds drawn otherwise, with cruft kinds the devset never shows.")
@click.option("--unseen", default=0, help="1 to 10: seeds drawn otherwise again, with cruft kinds neither set shows.")
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path), help="Write the seeds here, not to a temporary folder.")
@click.option("--worst", default=0, help="List up to N seeds with a problem.")
@click.option("--pages/--no-pages", default=True, help="Also score the saved-page path.")
@click.option("--site", default=REPO / "site.yaml", type=click.Path(path_type=Path), help="site.yaml with the ingest settings.")
def main(folder: Path, holdout: bool, unseen: int, keep: Path | None, worst: int, pages: bool, site: Path) -> None:
    if not (folder / "ground-truth.json").exists():
        raise click.ClickException(f"no ground-truth.json in {folder}: the devset is made from saved pages with ground truth")
    settings = load_config(site).ingest
    with tempfile.TemporaryDirectory() as temporary:
        out = keep or Path(temporary)
        truths = make_devset(folder, out, holdout, unseen)
        # Warm up on every seed: patterns compile and tables (cities, word lists) load on the first
        # seed that needs each, once per process, which a build pays once however many seeds it has.
        ingest_devset(out, settings, truths)
        outcomes = ingest_devset(out, settings, truths)
    for line in text_report(outcomes) + detail(outcomes, worst):
        click.echo(line)
    if pages:
        click.echo(page_report(folder, site))


if __name__ == "__main__":
    main()
