"""Where a seed's ingest time goes, and whether two trees write the same briefings.

    python -m bench.ingest_speed [--source ../shared/devset/aeb] [--passes 3] [--tree PATH] [--write DIR] [--compare DIR]

The seeds are the text devset's and the holdout's (made at run time from the saved pages, as
`bench.text_eval` makes them) and the two in `seeds/`; with `--write`, unseen 1 and 2 as well. Each is read, made a briefing and written as
text (`read_seed` -> `make_briefing` -> `briefing_text`); the CPU time of each stage `make_briefing`
calls is summed over `--passes` passes after a warm-up pass and printed as ms per seed and share.
CPU time, not wall time: the figure is per core, but a loaded machine still inflates it, so compare
two trees in alternated runs and say the load.

`--tree PATH` runs the generator of another checkout (a `git worktree` of an older commit); `--write
DIR` writes every briefing there, so `diff -r` of two such folders shows whether a change altered
any output; `--compare DIR` reads such a folder and names every briefing that differs from it byte
for byte, or is missing (it exits 1 then). Both also cover each set ingested knowing the lines its
seeds repeat (furniture.py), as the ingest stage and `bench.text_eval` ingest it, under furnished/.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from bench.devset.text.make import DEFAULT_SOURCE, REPO, make_devset

# The stages make_briefing calls by these names, timed where it looks them up.
STAGES = ["clean", "infer_date", "find_outlet", "find_authors", "pasted_headline", "headline", "paragraph_sentences",
          "summarise", "key_points", "find_mentions", "group_mentions", "extract_figures", "extract_quotes", "plain"]


def timed(name: str, function: Callable[..., Any], spent: dict[str, float]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started
    return run


@click.command()
@click.option("--source", default=DEFAULT_SOURCE, type=click.Path(file_okay=False, path_type=Path), help="Saved pages with ground truth.")
@click.option("--passes", default=3, help="Timed passes after the warm-up pass.")
@click.option("--tree", type=click.Path(file_okay=False, path_type=Path), help="Run the generator of this checkout.")
@click.option("--write", type=click.Path(file_okay=False, path_type=Path), help="Write each briefing here.")
@click.option("--compare", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Name each briefing that differs from the one --write wrote here.")
def main(source: Path, passes: int, tree: Path | None, write: Path | None, compare: Path | None) -> None:
    if tree:
        sys.path.insert(0, str(tree.resolve()))
    from generator.config.settings import load_config
    from generator.ingest import briefing
    from generator.ingest.article import Seed
    from generator.ingest.furniture import NO_FURNITURE, repeated_lines, seed_lines
    from generator.ingest.read import read_seed
    from generator.ingest.write import briefing_text
    from generator.problems import ProblemError

    settings = load_config(REPO / "site.yaml").ingest
    spent: dict[str, float] = defaultdict(float)
    for name in STAGES:
        setattr(briefing, name, timed(name, getattr(briefing, name), spent))
    with tempfile.TemporaryDirectory() as temporary:
        folders = {"devset": Path(temporary) / "devset", "holdout": Path(temporary) / "holdout", "seeds": REPO / "seeds"}
        make_devset(source, folders["devset"])
        make_devset(source, folders["holdout"], holdout=True)
        if write or compare:  # the output check covers the unseen cruft kinds too (and so does that run's timing)
            for unseen in (1, 2):
                folders[f"unseen{unseen}"] = Path(temporary) / f"unseen{unseen}"
                make_devset(source, folders[f"unseen{unseen}"], unseen=unseen)
        seeds = [(kind, Seed(path, f"seeds/{path.name}", hashlib.sha256(path.read_bytes()).hexdigest()))
                 for kind, folder in folders.items() for path in sorted(folder.glob("*.txt"))]
        texts: dict[str, str] = {}

        def ingest_all(furniture_of: dict[str, Any] | None = None, under: str = "") -> None:
            for kind, seed in seeds:
                furniture = furniture_of[kind] if furniture_of else NO_FURNITURE
                started = time.process_time()
                try:
                    article = read_seed(seed)
                    made = time.process_time()
                    front, body = briefing.make_briefing(article, settings, furniture=furniture)
                    written = time.process_time()
                    text = briefing_text(front, body)
                    spent["read_seed"] += made - started
                    spent["briefing_text"] += time.process_time() - written
                except ProblemError as error:
                    text = f"error: {error.problem.message}\n"
                spent["all"] += time.process_time() - started
                texts[f"{under}{kind}/{seed.path.name}"] = text

        ingest_all()  # the warm-up: tables loaded, patterns compiled
        spent.clear()  # the figures below sum every timed pass, and are divided by their number
        for _ in range(passes):
            ingest_all()
        if passes:  # --passes 0: only write or compare
            _report(spent, len(seeds), passes)
        if write or compare:
            furniture_of = {kind: repeated_lines(seed_lines(read_seed(seed).text) for of, seed in seeds if of == kind)
                            for kind in folders}
            ingest_all(furniture_of, "furnished/")
    if write:
        for name, text in texts.items():
            (write / name).parent.mkdir(parents=True, exist_ok=True)
            (write / name).with_suffix(".md").write_text(text, encoding="utf-8")
    if compare:
        _compare(texts, compare)


def _report(spent: dict[str, float], seeds: int, passes: int) -> None:
    runs = seeds * passes
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        click.echo(f"{name:16s} {1000 * seconds / runs:7.3f} ms  {100 * seconds / spent['all']:5.1f}%")
    click.echo(f"{seeds} seeds, {runs / spent['all']:.1f} seeds/s of CPU time, load average {os.getloadavg()[0]:.1f}")


def _compare(texts: dict[str, str], folder: Path) -> None:
    """Each briefing against the one written in `folder`, as bytes: the check that a speed change
    left every output as it was."""
    differ = []
    for name, text in sorted(texts.items()):
        written = (folder / name).with_suffix(".md")
        if not written.exists() or written.read_bytes() != text.encode("utf-8"):
            differ.append(name)
    click.echo(f"{len(texts) - len(differ)} of {len(texts)} briefings byte-identical to {folder}")
    for name in differ:
        click.echo(f"differs: {name}")
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
