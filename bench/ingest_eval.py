"""Measure page ingest against ground truth: body F1, title, date, authors, pages per second.

    python -m bench.ingest_eval FOLDER [--truth FILE] [--baseline] [--worst N] [--misses]

FOLDER holds ground-truth.json ({id: {"articleBody", "url", and optionally "title",
"date" (YYYY-MM-DD...), "authors" (list)}}) and html/<id>.html or html/<id>.html.gz.
--truth adds title, date and authors kept apart from the pages ({id: {...}}), by default
bench/devset/pages/truth.json when FOLDER is the shared aeb set: each page's own headline,
publication date and credited authors as read on the page (its JSON-LD, meta tags and
visible byline). A page whose credit is ambiguous (a user name, a lone first name, the
site's own desk) has no "authors" and is not scored on them.
The body is scored as users get it: after the site's cruft patterns, as plain text.
Body F1 is over 4-gram shingles of case-folded \\w+ tokens, per page, averaged over pages.
--baseline scores trafilatura alone (default settings) in the same run.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import click

from generator.config.settings import load_config
from generator.ingest.article import Seed
from generator.ingest.clean import clean
from generator.text.markdown_text import plain
from generator.ingest.page import read_page
from generator.problems import ProblemError

DEFAULT_TRUTH = Path(__file__).parent / "devset" / "pages" / "truth.json"


@dataclass
class Guess:
    body: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    authors: list[str] = field(default_factory=list)


@dataclass
class Scores:
    name: str
    f1: list[tuple[str, float, float, float]] = field(default_factory=list)  # id, precision, recall, f1
    title: list[bool] = field(default_factory=list)
    date: list[bool] = field(default_factory=list)
    authors: list[bool] = field(default_factory=list)
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)  # "id field: found != expected"


def shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + 4]) for i in range(max(1, len(words) - 3))} if words else set()


def body_scores(guess: str, truth: str) -> tuple[float, float, float]:
    found, expected = shingles(guess), shingles(truth)
    if not found and not expected:
        return 1.0, 1.0, 1.0
    common = len(found & expected)
    precision = common / len(found) if found else 0.0
    recall = common / len(expected) if expected else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if common else 0.0)


def same_text(a: str | None, b: str | None) -> bool:
    """Equal up to spacing and quote style: a title that differs only there is the same title."""
    def norm(text: str | None) -> str:
        text = re.sub(r"[‘’‚′]", "'", re.sub(r"[“”„″]", '"', text or ""))
        return " ".join(text.split())
    return bool(a) and norm(a) == norm(b)


def same_authors(found: list[str], expected: list[str]) -> bool:
    return {" ".join(a.casefold().split()) for a in found} == {" ".join(a.casefold().split()) for a in expected}


def ours(patterns: tuple[re.Pattern[str], ...]) -> Callable[[Seed, bytes], Guess]:
    def run(seed: Seed, raw: bytes) -> Guess:
        try:
            article = read_page(seed, raw)
        except ProblemError:
            return Guess("")
        body = "\n\n".join(plain(p) for p in clean(article.text, patterns).paragraphs)
        date = article.hints.get("date")
        return Guess(body, article.hints.get("title"), str(date)[:10] if date else None, list(article.hints.get("authors", [])))
    return run


def trafilatura_alone(seed: Seed, raw: bytes) -> Guess:
    import trafilatura

    document = trafilatura.bare_extraction(raw, with_metadata=True)
    if document is None:
        return Guess("")
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    return Guess(document.text or "", document.title, (document.date or "")[:10] or None, authors)


def evaluate(name: str, extract: Callable[[Seed, bytes], Guess], pages: list[tuple[str, Seed, bytes]], truth: dict) -> Scores:
    scores = Scores(name)
    for page_id, seed, raw in pages:
        expected = truth[page_id]
        started = time.perf_counter()
        guess = extract(seed, raw)
        scores.seconds += time.perf_counter() - started
        scores.f1.append((page_id, *body_scores(guess.body, expected["articleBody"])))
        checks = (("title", lambda: same_text(guess.title, expected["title"]), guess.title, scores.title),
                  ("date", lambda: guess.date == str(expected["date"])[:10], guess.date, scores.date),
                  ("authors", lambda: same_authors(guess.authors, expected["authors"]), guess.authors, scores.authors))
        for key, matches, found, hits in checks:
            if expected.get(key) is None:
                continue
            hits.append(matches())
            if not hits[-1]:
                scores.misses.append(f"{page_id[:12]} {key}: {found!r} != {expected[key]!r}")
    return scores


def load_truth(folder: Path, truth_file: Path | None) -> dict:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    if truth_file is None and folder.resolve().name == "aeb" and DEFAULT_TRUTH.exists():
        truth_file = DEFAULT_TRUTH
    extra = json.loads(truth_file.read_text(encoding="utf-8")) if truth_file else {}
    return {page_id: {**expected, **extra.get(page_id, {})} for page_id, expected in truth.items()}


def load_pages(folder: Path, truth: dict) -> list[tuple[str, Seed, bytes]]:
    pages = []
    for page_id in sorted(truth):
        path = next((p for p in (folder / "html" / f"{page_id}.html.gz", folder / "html" / f"{page_id}.html") if p.exists()), None)
        if path is None:
            raise click.ClickException(f"no html/{page_id}.html(.gz) in {folder}")
        data = path.read_bytes()
        raw = gzip.decompress(data) if path.suffix == ".gz" else data
        pages.append((page_id, Seed(path=path, name=page_id, sha256=hashlib.sha256(data).hexdigest()), raw))
    return pages


def report(scores: Scores) -> str:
    n = len(scores.f1)
    mean = lambda column: sum(row[column] for row in scores.f1) / n  # noqa: E731
    parts = [f"{scores.name:<12} body P {mean(1):.4f}  R {mean(2):.4f}  F1 {mean(3):.4f}"]
    for label, hits in (("title", scores.title), ("date", scores.date), ("authors", scores.authors)):
        if hits:
            parts.append(f"{label} {sum(hits) / len(hits):.3f} ({sum(hits)}/{len(hits)})")
    parts.append(f"{n / scores.seconds:.1f} pages/s")
    return "  |  ".join(parts)


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--baseline", is_flag=True, help="Also score trafilatura alone, side by side.")
@click.option("--worst", default=0, help="List the N pages with the lowest body F1.")
@click.option("--site", default="site.yaml", type=click.Path(path_type=Path), help="site.yaml with the cruft patterns.")
@click.option("--truth", "truth_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Title, date and authors per page id, merged over FOLDER's ground truth.")
@click.option("--misses", is_flag=True, help="List each page whose title, date or authors are not matched.")
def main(folder: Path, baseline: bool, worst: int, site: Path, truth_file: Path | None, misses: bool) -> None:
    truth = load_truth(folder, truth_file)
    pages = load_pages(folder, truth)
    patterns = load_config(site).ingest.cruft
    runs = [("ours", ours(patterns))] + ([("trafilatura", trafilatura_alone)] if baseline else [])
    for name, extract in runs:
        extract(*pages[0][1:])  # warm up: first calls load models and compile patterns
        scores = evaluate(name, extract, pages, truth)
        click.echo(report(scores))
        for page_id, precision, recall, f1 in sorted(scores.f1, key=lambda row: row[3])[:worst]:
            click.echo(f"    {f1:.3f}  P {precision:.3f}  R {recall:.3f}  {page_id}  {truth[page_id].get('url', '')}")
        for miss in scores.misses if misses else ():
            click.echo(f"    {miss}")
    click.echo(f"{len(pages)} pages")


if __name__ == "__main__":
    main()
