"""Build benchmark: `python -m bench [--n N] [--peers hugo]`.

Generates a corpus (bench/corpus.py), then measures our build as a user runs it, one
subprocess per scenario: cold, warm with nothing changed, one edited briefing, one new seed;
and ingest throughput on its own. With `--peers hugo` it builds the same corpus with Hugo
(Debian's `hugo`) in the same run and prints our/Hugo ratios. A benchmark, not a test: it
prints figures and asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench import corpus

REPO = Path(__file__).resolve().parent.parent
HUGO_SITE = Path(__file__).resolve().parent / "hugo_site"
HUGO_BUILD = ["hugo", "--quiet", "--destination", "public"]


@dataclass
class Run:
    name: str
    seconds: float
    pages: int
    peak_mb: float
    search: float = 0.0  # seconds of it spent on the search index (Hugo makes none)

    def row(self, hugo: Run | None) -> str:
        build = self.seconds - self.search
        ms = 1000 * build / self.pages if self.pages else 0.0
        ratios = (f"{build / hugo.seconds:9.2f} | {self.seconds / hugo.seconds:9.2f}" if hugo and hugo.seconds
                  else f"{'-':>9} | {'-':>9}")
        return (f"| {self.name:<28} | {self.seconds:8.2f} | {self.search:8.2f} | {build:8.2f} | {self.pages:7d} "
                f"| {ms:7.2f} | {self.peak_mb:8.0f} | {ratios} |")


HEADER = """| scenario                     |   wall s | search s |  build s |   pages | ms/page |  peak MB | build/hugo | wall/hugo |
|------------------------------|----------|----------|----------|---------|---------|----------|-----------|-----------|"""


def measure(name: str, command: list[str], cwd: Path, out: Path, env: dict[str, str] | None = None) -> Run:
    """Wall time, the peak RSS of the child or of any process it waited for (wait4: the largest
    one, not their sum), the HTML pages in its output, and the search stage's time if it printed one."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        stdout.seek(0)
        stderr.seek(0)
        if status != 0:
            sys.exit(f"{name}: {' '.join(command)} failed:\n{stderr.read().decode()[-2000:]}")
        search = re.search(r"^search index: ([\d.]+)s$", stdout.read().decode(), re.MULTILINE)
    pages = sum(1 for _ in out.rglob("*.html")) if out.exists() else 0
    return Run(name, seconds, pages, usage.ru_maxrss / 1024, float(search.group(1)) if search else 0.0)


def our_site(root: Path, items: list[corpus.Briefing]) -> Path:
    site = root / "ours"
    corpus.write_content(items, site / "content" / "briefings")
    corpus.write_seeds(items, site)
    (site / "site.yaml").write_text(f"title: Benchmark\nlayouts_dir: {REPO / 'layouts'}\npaginate: 10\n")
    return site


def our_runs(site: Path, extra: corpus.Briefing) -> list[Run]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    build = [sys.executable, "-m", "generator", "build", "--verbose"]
    out = site / "public"
    runs = [measure("ours: cold", build, site, out, env), measure("ours: warm, nothing changed", build, site, out, env)]
    edited = next((site / "content" / "briefings").glob("*.md"))
    edited.write_text(edited.read_text() + "\nA sentence added by an editor.\n")
    runs.append(measure("ours: one edited briefing", build, site, out, env))
    (site / "seeds" / "new.txt").write_text(corpus.seed_text(extra))
    runs.append(measure("ours: one new seed", build, site, out, env))
    return runs


def hugo_site(root: Path, items: list[corpus.Briefing]) -> Path:
    site = root / "hugo"
    shutil.copytree(HUGO_SITE, site)
    corpus.write_content(items, site / "content" / "briefings")
    return site


def hugo_runs(root: Path, items: list[corpus.Briefing]) -> list[Run]:
    site = hugo_site(root, items)
    out = site / "public"
    runs = [measure("hugo: cold", HUGO_BUILD, site, out), measure("hugo: warm, nothing changed", HUGO_BUILD, site, out)]
    edited = next((site / "content" / "briefings").glob("*.md"))
    edited.write_text(edited.read_text() + "\nA sentence added by an editor.\n")
    runs.append(measure("hugo: one edited briefing", HUGO_BUILD, site, out))
    return runs


def ingest_rate(root: Path, items: list[corpus.Briefing]) -> tuple[int, float]:
    """Text seeds ingested per second, in this process (one core)."""
    sys.path.insert(0, str(REPO))
    from generator.config.settings import load_config
    from generator.ingest.stage import ingest_seeds

    site = root / "ingest"
    (site / "seeds").mkdir(parents=True)
    for i, item in enumerate(items):
        (site / "seeds" / f"{i:05d}.txt").write_text(corpus.seed_text(item))
    (site / "site.yaml").write_text("title: Ingest\n")
    started = time.perf_counter()
    report = ingest_seeds(load_config(site / "site.yaml"))
    return len(report.written), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="briefings in the corpus (default 1000)")
    parser.add_argument("--peers", default="", help="comma-separated peers to build too: hugo")
    parser.add_argument("--seeds", type=int, default=500, help="text seeds for the ingest measure (default 500)")
    args = parser.parse_args()
    peers = [p for p in args.peers.split(",") if p]
    if "hugo" in peers and not shutil.which("hugo"):
        sys.exit("--peers hugo: no hugo on PATH (apt-get install -y hugo)")
    items = corpus.briefings(args.n + 1)
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        root = Path(temporary)
        ours = our_runs(our_site(root, items[:-1]), items[-1])
        hugo = hugo_runs(root, items[:-1]) if "hugo" in peers else []
        ingested, seconds = ingest_rate(root, corpus.briefings(args.seeds, seed=2))
    print(f"\n{args.n} briefings, {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print(HEADER)
    for index, run in enumerate(ours):
        print(run.row(hugo[index] if index < len(hugo) else None))
    for run in hugo:
        print(run.row(None))
    print(f"\ningest: {ingested} text seeds in {seconds:.2f}s = {ingested / seconds:.0f} seeds/s on one core")


if __name__ == "__main__":
    main()
