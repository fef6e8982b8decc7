"""Dev server benchmark: seconds from saving a briefing to the open page showing the change.

    python -m bench.serve_bench [--n 1000,10000] [--edits 5]

For each N: a site of N generated briefings (bench/corpus.py), `python -m generator serve` on it
(its first build is timed separately), the newest briefing open in headless Chromium. Each edit
writes the briefing as editors do (a temporary file renamed over it) with a new sentence, and the
clock stops when that sentence is visible in the page the browser reloaded by itself. The server's
own split of its build (from its log line) shows what dominates. The edited page is shown first
(its preview); "save -> all pages" is when the full pass that brings every other page in line
is done. After each edit, two saves in a row: the second is made as soon as the page shows the
first, while the first's full pass runs, which then gives way; and a save made while Pagefind
refreshes the search index in the background. Not a test: it prints figures.

`--no-browser` (for a machine without Chromium): no page is open, and each edit is timed from the
save to the build line, when every page it affects is written, with the CPU seconds the server
spent meanwhile (its own process, from /proc: other jobs on the machine do not count).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import briefings, write_content

REPO = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]
BUILD_LINE = re.compile(r"^Built: .*\((.*) ms\)$")


def make_site(root: Path, count: int) -> Path:
    """A site of `count` briefings; returns the newest one's file."""
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "layouts", root / "layouts")
    items = briefings(count)
    write_content(items, root / "content" / "briefings")
    newest = max(items, key=lambda item: item.date)
    return root / "content" / "briefings" / f"{newest.slug}.md"


class Server:
    """`python -m generator serve` in a site folder, its output collected in a log file."""

    def __init__(self, root: Path) -> None:
        self.log = root / "serve.log"
        started = time.perf_counter()
        self.process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", "0"], cwd=root,
                                        env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=self.log.open("w"),
                                        stderr=subprocess.STDOUT)
        self.url = self.wait_for(r"Serving (\S+)")[1]
        self.first_build = time.perf_counter() - started

    def lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()

    def wait_for(self, pattern: str, after: int = 0) -> re.Match:
        while True:
            for line in self.lines()[after:]:
                if found := re.search(pattern, line):
                    return found
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped:\n{self.log.read_text()}")
            time.sleep(0.01)

    def quiet(self) -> None:
        """Wait for the background search index (it competes for the CPU) to be refreshed after the last build."""
        def done(lines: list[str]) -> bool:
            builds = [n for n, line in enumerate(lines) if BUILD_LINE.match(line)]
            return not builds or any(line.startswith("Search index refreshed") for line in lines[builds[-1]:])
        while not done(self.lines()):
            time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def pagefind_running() -> bool:
    """Whether a Pagefind process runs (Linux: by /proc), as the dev server's search refresh starts one."""
    for status in Path("/proc").glob("[0-9]*/comm"):
        try:
            if status.read_text().strip() == "pagefind":
                return True
        except OSError:  # a process that ended meanwhile
            continue
    return False


def save_like_an_editor(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def edit_and_wait(page, path: Path, marker: str) -> float:
    """Seconds from saving a new sentence into the briefing to the open page showing it."""
    started = time.perf_counter()
    save_like_an_editor(path, path.read_text(encoding="utf-8") + f"\n{marker}\n")
    page.wait_for_function(f"document.body.innerText.includes({marker!r})", timeout=900_000, polling=10)
    return time.perf_counter() - started


def server_cpu(process: subprocess.Popen) -> float:
    """CPU seconds the process has used (Linux: its user and system time in /proc), its children's not."""
    fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_without_browser(count: int, edits: int) -> dict:
    """Per edit, save -> every affected page written (the build line), in seconds and server CPU seconds."""
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as folder:
        newest = make_site(Path(folder), count)
        server = Server(Path(folder))
        try:
            walls, cpus, splits = [], [], []
            for n in range(edits):
                server.quiet()
                before, cpu, started = len(server.lines()), server_cpu(server.process), time.perf_counter()
                save_like_an_editor(newest, newest.read_text(encoding="utf-8") + f"\nBench marker sentence {n}.\n")
                splits.append(server.wait_for(BUILD_LINE.pattern, before)[1])
                walls.append(time.perf_counter() - started)
                cpus.append(server_cpu(server.process) - cpu)
            server.quiet()
        finally:
            server.stop()
    return {"n": count, "first": server.first_build, "walls": walls, "cpus": cpus, "splits": splits}


def measure(count: int, edits: int, browser) -> dict:
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as folder:
        newest = make_site(Path(folder), count)
        server = Server(Path(folder))
        try:
            server.quiet()
            page = browser.new_page()
            page.goto(server.url + f"briefings/{newest.stem}/")
            times, whole, splits, during, indexing = [], [], [], [], []
            for n in range(edits):
                before = len(server.lines())
                started = time.perf_counter()
                times.append(edit_and_wait(page, newest, f"Bench marker sentence {n}."))
                splits.append(server.wait_for(BUILD_LINE.pattern, before)[1])
                whole.append(time.perf_counter() - started)
                server.quiet()
                # A save, then another as soon as the page shows it: the second comes during the full pass.
                before = len(server.lines())
                edit_and_wait(page, newest, f"Bench first of two {n}.")
                during.append(edit_and_wait(page, newest, f"Bench second of two {n}."))
                server.wait_for(BUILD_LINE.pattern, before)
                server.quiet()
                # A save while the full pass's search refresh runs Pagefind.
                before = len(server.lines())
                edit_and_wait(page, newest, f"Bench before the index {n}.")
                server.wait_for(BUILD_LINE.pattern, before)
                deadline = time.monotonic() + 30
                while not pagefind_running() and time.monotonic() < deadline:
                    time.sleep(0.01)
                before = len(server.lines())
                indexing.append(edit_and_wait(page, newest, f"Bench during the index {n}."))
                server.wait_for(BUILD_LINE.pattern, before)
                server.quiet()
            page.close()
        finally:
            server.stop()
    median = statistics.median(times)
    return {"n": count, "first": server.first_build, "median": median, "worst": max(times),
            "whole": statistics.median(whole), "during": statistics.median(during),
            "indexing": statistics.median(indexing), "split": splits[times.index(min(times, key=lambda t: abs(t - median)))]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", default="1000,10000", help="briefing counts, comma-separated")
    parser.add_argument("--edits", type=int, default=5, help="edits timed per count")
    parser.add_argument("--no-browser", action="store_true", help="time save -> every page written, no page open")
    args = parser.parse_args()
    if args.no_browser:
        for row in (measure_without_browser(int(n), args.edits) for n in args.n.split(",")):
            print(f"{row['n']} briefings, first build {row['first']:.1f}s; save -> every page written, per edit: "
                  + "; ".join(f"{wall:.2f}s ({cpu:.2f}s CPU; {split} ms)"
                              for wall, cpu, split in zip(row["walls"], row["cpus"], row["splits"])))
            print(f"median {statistics.median(row['walls']):.2f}s, {statistics.median(row['cpus']):.2f}s CPU")
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        rows = [measure(int(n), args.edits, browser) for n in args.n.split(",")]
        browser.close()
    print(f"{'briefings':>9} | {'first build':>11} | {'save -> page, median':>20} | {'worst':>6} "
          f"| {'save -> all pages':>17} | {'a save during the full pass -> page':>35} "
          f"| {'a save during the search index -> page':>38} | server build of the median edit (ms)")
    for row in rows:
        print(f"{row['n']:>9} | {row['first']:>10.1f}s | {row['median']:>19.3f}s | {row['worst']:>5.3f}s "
              f"| {row['whole']:>16.2f}s | {row['during']:>34.3f}s | {row['indexing']:>37.3f}s | {row['split']}")


if __name__ == "__main__":
    main()
