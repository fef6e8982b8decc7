"""How long the dev server's full pass can keep a new save waiting: `python -m bench.give_way_bench [--n N]`.

A save during the full pass is previewed once the pass next checks its cancel token
(generator/utils/cancel.py). This links an N-briefing corpus (bench/corpus.py, default 10,000)
with a token that notes the time of each check (a question), and prints the longest stretches
between two questions and where each ends. A benchmark, not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import corpus
from generator.config.settings import load_config
from generator.content.documents import load_content
from generator.linking.archive import gather_facts, link_archive
from generator.utils import cancel
from generator.utils.cancel import Cancel, cancellable

REPO = Path(__file__).resolve().parent.parent
SHOWN = 5


def asked_where() -> str:
    """The function that asked, and its line: the first caller outside generator/utils/cancel.py."""
    frame = sys._getframe(2)  # this <- the question <- the token's check, called by a stage
    while frame.f_code.co_filename == cancel.__file__:
        frame = frame.f_back
    return f"{Path(frame.f_code.co_filename).stem}.{frame.f_code.co_name}:{frame.f_lineno}"


def stretches(site: Path) -> tuple[float, list[tuple[float, str, str]]]:
    """Linking's wall seconds, and every stretch between questions: (seconds, from, to)."""
    config = load_config(site / "site.yaml")
    documents = load_content(config.content_dir).documents
    facts = gather_facts(config, documents, {})  # as the dev server keeps them between passes
    marks = [(time.perf_counter(), "start")]

    def asked() -> bool:
        marks.append((time.perf_counter(), asked_where()))
        return False

    with cancellable(Cancel(asked)):
        link_archive(config, documents, facts)
    marks.append((time.perf_counter(), "end"))
    return marks[-1][0] - marks[0][0], [(b[0] - a[0], a[1], b[1]) for a, b in zip(marks, marks[1:])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="briefings in the corpus (default 10000)")
    parser.add_argument("--runs", type=int, default=2, help="times to link it (default 2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="give-way-bench-") as folder:
        site = Path(folder)
        shutil.copy(REPO / "site.yaml", site / "site.yaml")
        corpus.write_content(corpus.briefings(args.n), site / "content" / "briefings")
        for run in range(args.runs):
            seconds, found = stretches(site)
            print(f"{args.n} briefings, run {run + 1}: linking {seconds:.2f} s, {len(found) - 1} questions; longest stretches:")
            for length, after, before in sorted(found, reverse=True)[:SHOWN]:
                print(f"  {length * 1000:6.0f} ms  {after} -> {before}")


if __name__ == "__main__":
    main()
