"""Score figures and key points against hand-written truth (bench/devset/claims/truth.yaml).

    python -m bench.claims_eval [--source ../shared/devset/aeb] [--show]

Each article (a saved page's body from the source's ground-truth.json, pasted as paragraphs, or
one of the two seeds) is ingested as any seed is, with this repository's site.yaml. Printed:

- figure-group precision and recall: a figure found counts when its value and quantity key
  (`what`: whose, thing, state) match a truth figure of the same article;
- the two seeds' shared groups: the quantities both give, as the figures pages group them;
- key-point coverage: the share of the truth's developments some key point carries, one of its
  alternatives found from a word's start (those the summary already carries are counted apart: a
  key point must not repeat the summary), of all the truth's developments and of its main ones (`main`:
  the at most five an editor would keep, where an article marks more; every one where it marks fewer);
- key points that open mid-thought ("But …", "He said …" with nobody named before) or repeat
  the summary (most of their words are in it);
- why each development no point covers was missed, by kind: its sentences were in the summary's,
  not weighed (not prose, too short, too far on), repeat the summary, lean on the sentence before,
  are quotes, or were outranked; or no sentence carries it (the text lost or split it).

Each is printed for the articles the rules were tuned on and, apart, for the held-out ones
(`held_out: true`: annotated before the code ran on them), and for each held-out `batch: N` alone
(one first measured after the others, so its figures say how later changes fare on unseen pages);
`--show` details the tuned-on articles only. An article whose truth gives no `developments` was
annotated for its figures only: it is left out of the key-point totals.

Pages are publishers' text: read at run time, never committed. Without the source folder, only
the seeds are scored.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import yaml

from generator.config.settings import Config, load_config
from generator.ingest.article import Seed
from generator.ingest.briefing import make_briefing
from generator.ingest.digest import lead_length, left_out, sentences_of
from generator.text.markdown_text import plain
from generator.text.entities import fold
from generator.ingest.read import read_seed

REPO = Path(__file__).resolve().parents[1]
TRUTH = REPO / "bench" / "devset" / "claims" / "truth.yaml"
DEFAULT_SOURCE = REPO.parent / "shared" / "devset" / "aeb"
# "This year, …", "This week …" say when, not what came before.
_MID_THOUGHT = re.compile(r"^(?!this (?:past )?(?:year|week|month|morning|afternoon|evening|weekend)\b)"
                          r"(?:(?:but|and|so|yet|also|he|she|it|they|this|these|those|his|her|its|their)\b|"
                          r"(?:however|meanwhile|as well as this|in addition|moreover),)", re.I)
_CONTENT = re.compile(r"[a-z][a-z'’]{3,}|\d[\d,.]*")
_REPEATS = 0.6  # a point with this share of its words in the summary repeats it
# A development's sentences may be left out for several reasons: the one nearest to being a point is told.
_NEAREST_FIRST = ["outranked", "a quote", "leans on the sentence before", "repeats the summary", "not prose, or too short",
                  "past the sentences weighed", "in the summary's sentences"]


@dataclass
class Scored:
    name: str
    found: set[tuple[float, str]] = field(default_factory=set)
    truth: set[tuple[float, str]] = field(default_factory=set)
    developments: list[list[str]] = field(default_factory=list)
    in_summary: list[list[str]] = field(default_factory=list)
    covered: list[bool] = field(default_factory=list)
    main: list[bool] = field(default_factory=list)  # for each development, whether it is one of the main ones
    mid_thought: list[str] = field(default_factory=list)
    repeats: list[str] = field(default_factory=list)
    why: list[str] = field(default_factory=list)  # for each development not covered, why
    front: dict[str, Any] = field(default_factory=dict)
    held_out: bool = False  # annotated before the code ever ran on it, never tuned on
    batch: int | None = None  # a held-out batch scored apart too (`batch: 3`: first scored after the others)
    points_scored: bool = True  # False for an article annotated for its figures only (no `developments`)


def _key(value: Any, what: str) -> tuple[float, str]:
    return float(value), fold(what)


def score(name: str, front: dict[str, Any], truth: dict[str, Any], sentences: list[str] | None = None) -> Scored:
    scored = Scored(name, front=front, held_out=bool(truth.get("held_out")), batch=truth.get("batch"),
                    points_scored="developments" in truth)
    scored.found = {_key(f["value"], f["what"]) for f in front.get("figures", [])}
    scored.truth = {_key(value, what) for value, what in truth.get("figures", [])}
    points = front.get("key_points", [])
    lead = front.get("summary", "").lower()
    # A development the summary carries is the summary's: key points must not repeat it.
    listed = truth.get("developments", [])
    scored.in_summary = [d for d in listed if any(_carries(lead, alt) for alt in d)]
    scored.developments = [d for d in listed if d not in scored.in_summary]
    main_at = set(truth.get("main", range(1, len(listed) + 1)))
    scored.main = [at in main_at for at, d in enumerate(listed, 1) if d not in scored.in_summary]
    scored.covered = [any(_carries(point, alt) for point in points for alt in alternatives)
                      for alternatives in scored.developments]
    summary = set(_CONTENT.findall(front.get("summary", "").lower()))
    for point in points:
        if _MID_THOUGHT.match(point):
            scored.mid_thought.append(point)
        words = set(_CONTENT.findall(point.lower()))
        if words and len(words & summary) / len(words) >= _REPEATS:
            scored.repeats.append(point)
    if sentences is not None:
        scored.why = [_why(sentences, alternatives) for alternatives, covered in zip(scored.developments, scored.covered)
                      if not covered]
    return scored


def _why(sentences: list[str], alternatives: list[str]) -> str:
    """Why no key point carries the development: the reason of its sentence nearest to being one."""
    skip = lead_length(sentences)
    reasons = [left_out(sentences, skip, index) for index, sentence in enumerate(sentences)
               if any(_carries(sentence, alt) for alt in alternatives)]
    return min(reasons, key=_NEAREST_FIRST.index) if reasons else "in no sentence"


def _carries(text: str, alternative: str) -> bool:
    """Whether the text holds the alternative from a word's start, case aside: "Xi" is not in
    "Mexico", nor "van" in "relevant"; a word may go on ("hostage" in "hostages")."""
    return re.search(r"(?<!\w)" + re.escape(alternative.lower()), text.lower()) is not None


def ingest(path: Path, name: str, config: Config) -> tuple[dict[str, Any], list[str]]:
    """The briefing's front-matter, and the sentences its key points were chosen from (its body's,
    as the briefing splits them)."""
    seed = Seed(path, name, hashlib.sha256(path.read_bytes()).hexdigest())
    front, body = make_briefing(read_seed(seed, config.ingest), config.ingest, config.entities)
    return front, [plain(s) for s in sentences_of(body.split("\n\n"))]


def run(source: Path) -> list[Scored]:
    config = load_config(REPO / "site.yaml")
    articles = yaml.safe_load(TRUTH.read_text(encoding="utf-8"))["articles"]
    pages = json.loads((source / "ground-truth.json").read_text(encoding="utf-8")) \
        if (source / "ground-truth.json").is_file() else {}
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for article in articles:
            if "seed" in article:
                path, name = REPO / article["seed"], article["seed"]
            elif article["id"] in pages:
                name = f"{article['id'][:8]}.txt"
                path = Path(folder) / name
                path.write_text(pages[article["id"]]["articleBody"].strip() + "\n", encoding="utf-8")
            else:
                continue
            front, sentences = ingest(path, name, config)
            results.append(score(name, front, article, sentences))
    return results


def shared_groups(results: list[Scored]) -> list[str]:
    """The quantity keys more than one of the seeds gives, with their values."""
    seeds = [r for r in results if r.name.startswith("seeds/")]
    groups: dict[str, list[str]] = {}
    for result in seeds:
        for figure in result.front.get("figures", []):
            groups.setdefault(figure["what"], []).append(
                f"{figure.get('qualifier', '') + ' ' if figure.get('qualifier') else ''}{figure['value']:,}"
                f" ({figure.get('claimant') or 'no claimant'}, {figure.get('date') or 'undated'})")
    return [f"{what}: {'; '.join(values)}" for what, values in groups.items() if len(values) > 1]


def report(results: list[Scored], show: bool) -> None:
    tuned = [r for r in results if not r.held_out]
    held_out = [r for r in results if r.held_out]
    batches = sorted({r.batch for r in held_out if r.batch is not None})
    parts = [("tuned on", tuned), ("held out", held_out)]
    parts += [(f"held out, batch {batch} alone", [r for r in held_out if r.batch == batch]) for batch in batches]
    for label, part in parts:
        if part:
            print(f"{label}:")
            totals(part)
    print("the seeds' shared groups:")
    for line in shared_groups(results):
        print(f"  {line}")
    if show:  # the held-out articles' details are not shown: looking at them would be tuning on them
        for result in tuned:
            details(result)


def totals(results: list[Scored]) -> None:
    found = sum(len(r.found) for r in results)
    truth = sum(len(r.truth) for r in results)
    right = sum(len(r.found & r.truth) for r in results)
    print(f"  articles: {len(results)}")
    print(f"  figure groups: precision {right / found if found else 1:.2f} ({right}/{found}), "
          f"recall {right / truth if truth else 1:.2f} ({right}/{truth})")
    results = [r for r in results if r.points_scored]
    if not results:
        return
    developments = sum(len(r.developments) for r in results)
    covered = sum(sum(r.covered) for r in results)
    main = sum(sum(r.main) for r in results)
    main_covered = sum(sum(c and m for c, m in zip(r.covered, r.main)) for r in results)
    points = sum(len(r.front.get("key_points", [])) for r in results)
    # Coverage alone rewards more points: how many carry some development (the summary's too) says
    # what the points given cost a reader.
    carrying = sum(any(_carries(point, alt) for d in r.developments + r.in_summary for alt in d)
                   for r in results for point in r.front.get("key_points", []))
    print(f"  key points (on {len(results)} articles): {points} ({points / len(results):.1f} an article, "
          f"{carrying} carrying a development), "
          f"covering {covered}/{developments} developments "
          f"({covered / developments if developments else 1:.0%}; "
          f"{sum(len(r.in_summary) for r in results)} more in the summaries), "
          f"main ones {main_covered}/{main} ({main_covered / main if main else 1:.0%}); "
          f"opening mid-thought {sum(len(r.mid_thought) for r in results)}, "
          f"repeating the summary {sum(len(r.repeats) for r in results)}")
    kinds = Counter(why for r in results for why in r.why)
    print(f"  developments missed: {', '.join(f'{why} {n}' for why, n in kinds.most_common())}")


def details(result: Scored) -> None:
    """An article's extra and missed figures, uncovered developments and faulty points."""
    extra, missed = result.found - result.truth, result.truth - result.found
    not_covered = [d for d, ok in zip(result.developments, result.covered) if not ok]
    uncovered = [f"{d} ({why})" for d, why in zip(not_covered, result.why)] if result.why else not_covered
    if extra or missed or uncovered or result.mid_thought or result.repeats:
        print(f"\n{result.name}")
        for label, items in (("extra", sorted(extra)), ("missed", sorted(missed)), ("uncovered", uncovered),
                             ("mid-thought", result.mid_thought), ("repeats", result.repeats)):
            for item in items:
                print(f"  {label}: {item}")
        if uncovered:
            for point in result.front.get("key_points", []):
                print(f"    point: {point}")


@click.command()
@click.option("--source", type=click.Path(path_type=Path), default=DEFAULT_SOURCE, show_default=True,
              help="saved pages with ground-truth.json")
@click.option("--show", is_flag=True, help="each tuned-on article's extra and missed figures and uncovered developments")
def main(source: Path, show: bool) -> None:
    report(run(source), show)


if __name__ == "__main__":
    main()
