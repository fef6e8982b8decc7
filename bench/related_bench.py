"""Link-stage benchmark: `python -m bench.related_bench [--n 10000]`.

Builds N briefings from bench/corpus.py (about 700 words each, Zipf-distributed entities), with
their people, places, organisations and a figure in front-matter as ingest writes them, then
times the whole link stage and its related-briefings part at N/8, N/4, N/2 and N, so the
scaling shows (near-linear: an inverted index, never all pairs). Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from bench.corpus import Briefing, briefings
from bench.search_bench import entity_lists
from generator.config import load_config
from generator.content import Document
from generator.link import briefing_features, link_archive
from generator.linking.related import related_briefings

_QUANTITIES = ("people displaced", "people affected", "civilians killed", "homes destroyed", "troops killed")


def document(item: Briefing, index: int) -> Document:
    rng = random.Random(index)
    figure = {"value": rng.randint(100, 20000), "what": rng.choice(_QUANTITIES), "claimant": rng.choice(item.tags)}
    meta = {**entity_lists(item.tags), "figures": [figure], "quotes": []}
    return Document(path=Path(f"{item.slug}.md"), source_path=f"briefings/{item.slug}.md", url=f"briefings/{item.slug}/",
                    title=item.title, date=item.date, body=item.body, body_line=1, meta=meta, sha256="")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="briefings at the largest size")
    args = parser.parse_args()
    config = load_config(Path(__file__).resolve().parent.parent / "site.yaml")
    started = time.perf_counter()
    documents = [document(item, i) for i, item in enumerate(briefings(args.n))]
    print(f"corpus: {args.n} briefings in {time.perf_counter() - started:.1f}s")
    link_archive(config, documents[:10])  # load the gazetteers once, outside the timings
    print(f"{'briefings':>10} {'link stage s':>13} {'related s':>10} {'µs/briefing':>12} {'related shown':>14}")
    for size in (args.n // 8, args.n // 4, args.n // 2, args.n):
        subset = documents[:size]
        started = time.perf_counter()
        archive = link_archive(config, subset)
        link_seconds = time.perf_counter() - started
        features = briefing_features(archive.briefings, archive.facts, archive.entities)
        started = time.perf_counter()
        related = related_briefings(archive.briefings, features, config.related)
        related_seconds = time.perf_counter() - started
        shown = sum(len(r) for r in related.values()) / max(1, size)
        print(f"{size:>10} {link_seconds:>13.2f} {related_seconds:>10.2f} {1e6 * link_seconds / size:>12.0f} {shown:>14.1f}")


if __name__ == "__main__":
    main()
