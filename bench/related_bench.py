"""Link-stage benchmark: `python -m bench.related_bench [--n 10000]`.

Builds N briefings from bench/corpus.py (about 700 words each, Zipf-distributed entities), with
their people, places, organisations and a figure in front-matter as ingest writes them, then
times the whole link stage and its related-briefings part at N/8, N/4, N/2 and N, so the
scaling shows (near-linear: an inverted index, never all pairs). With `--against REV` it also
times generator/linking/related.py as it was at git revision REV on the same features, side by
side. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

from bench.corpus import Briefing, briefings
from bench.search_bench import entity_lists
from generator.config.settings import load_config
from generator.content.documents import Document
from generator.utils.gcpause import collections_paused
from generator.linking.archive import briefing_features, credit_names, link_archive
from generator.linking.related import related_briefings

_QUANTITIES = ("people displaced", "people affected", "civilians killed", "homes destroyed", "troops killed")


def document(item: Briefing, index: int) -> Document:
    rng = random.Random(index)
    figure = {"value": rng.randint(100, 20000), "what": rng.choice(_QUANTITIES), "claimant": rng.choice(item.tags)}
    meta = {**entity_lists(item.tags), "figures": [figure], "quotes": []}
    return Document(path=Path(f"{item.slug}.md"), source_path=f"briefings/{item.slug}.md", url=f"briefings/{item.slug}/",
                    title=item.title, date=item.date, body_utf8=item.body.encode(), body_line=1, meta=meta, sha256="")


def related_at(revision: str) -> Callable:
    """related_briefings as the module was at a git revision, for a before/after in one run."""
    root = Path(__file__).resolve().parent.parent
    source = subprocess.run(["git", "show", f"{revision}:generator/linking/related.py"], cwd=root,
                            capture_output=True, text=True, check=True).stdout
    module = types.ModuleType(f"related_at_{revision}")
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, f"{revision}:related.py", "exec"), module.__dict__)
    return module.related_briefings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="briefings at the largest size")
    parser.add_argument("--against", metavar="REV", help="also time related.py as at this git revision")
    args = parser.parse_args()
    before = related_at(args.against) if args.against else None
    config = load_config(Path(__file__).resolve().parent.parent / "site.yaml")
    started = time.perf_counter()
    documents = [document(item, i) for i, item in enumerate(briefings(args.n))]
    print(f"corpus: {args.n} briefings in {time.perf_counter() - started:.1f}s")
    link_archive(config, documents[:10])  # load the gazetteers once, outside the timings
    print(f"{'briefings':>10} {'link stage s':>13} {'related s':>10} {'µs/briefing':>12} {'related shown':>14}"
          + (f" {'related s at ' + args.against:>20} {'same':>5}" if before else ""))
    for size in (args.n // 8, args.n // 4, args.n // 2, args.n):
        subset = documents[:size]
        known: dict = {}  # what each briefing says, words included (the archive's facts drop them)
        started = time.perf_counter()
        archive = link_archive(config, subset, known)
        link_seconds = time.perf_counter() - started
        facts = {d.url: known[d.key] for d in archive.briefings}
        features = briefing_features(archive.briefings, facts, archive.entities, credits=credit_names(config))
        with collections_paused():  # as link_archive runs it
            started = time.perf_counter()
            related = related_briefings(archive.briefings, features, config.related)
            related_seconds = time.perf_counter() - started
        shown = sum(len(r) for r in related.values()) / max(1, size)
        line = (f"{size:>10} {link_seconds:>13.2f} {related_seconds:>10.2f} {1e6 * link_seconds / size:>12.0f}"
                f" {shown:>14.1f}")
        if before:
            started = time.perf_counter()
            then = before(archive.briefings, features, config.related)
            line += f" {time.perf_counter() - started:>20.2f} {same_share(related, then):>5.0%}"
        print(line)


def same_share(now: dict, then: dict) -> float:
    """The share of briefings whose related briefings and scores are the same, in the same order."""
    def shown(relations: list) -> list[tuple[str, int]]:
        return [(r.document.url, r.score) for r in relations]
    return sum(shown(now[url]) == shown(then.get(url, [])) for url in now) / max(1, len(now))


if __name__ == "__main__":
    main()
