"""Search benchmark: `python -m bench.search_bench [--n N]`.

Builds an N-briefing corpus (bench/corpus.py, default 10,000), times the Pagefind index on its
own, then serves the site and measures in headless Chromium the bytes the search fetches: the
first query (Pagefind's code, WebAssembly and the index chunks it needs), a later query, and the
first query on /search/, which also loads every filter's values. A benchmark, not a test: it
prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import corpus
from generator.publish.search import BUNDLE_FOLDER, index_site

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
PLACE_ENDINGS = ("Region", "Province", "City", "Islands", "Valley")
QUERIES = ("budget", "ceasefire")  # a first query, then a later one


def entity_lists(names: list[str]) -> dict[str, list[str]]:
    """The corpus's cast split the way the entity stage would: places, organisations, people."""
    kinds: dict[str, list[str]] = {"people": [], "places": [], "organisations": []}
    for name in names:
        last = name.split()[-1]
        kind = "places" if last in PLACE_ENDINGS else "organisations" if len(name.split()) == 3 else "people"
        kinds[kind].append(name)
    return kinds


def write_corpus(count: int, content: Path) -> None:
    content.mkdir(parents=True)
    for item in corpus.briefings(count):
        meta = {"title": item.title, "date": f"{item.date:%Y-%m-%d}", "source": {"name": item.source},
                "summary": item.body.split("\n\n", 1)[0], **entity_lists(item.tags)}
        front = "\n".join(f"{key}: {json.dumps(value)}" for key, value in meta.items())
        (content / f"{item.slug}.md").write_text(f"---\n{front}\n---\n\n{item.body}", encoding="utf-8")


def build(site: Path) -> float:
    (site / "site.yaml").write_text("title: Search benchmark\nbase_url: /\npaginate: 50\n", encoding="utf-8")
    shutil.copytree(REPO / "layouts", site / "layouts")
    (site / "seeds").mkdir()
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-m", "generator", "build", "--quiet"], cwd=site, env=env, check=True)
    return time.perf_counter() - started


def folder_size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def fetched_bytes(out: Path) -> dict[str, tuple[int, int]]:
    """(requests, bytes) that each search step fetched, served from out at http://127.0.0.1:PORT/."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    steps: dict[str, tuple[int, int]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        for name, url, results, queries in (("header box", base, "#search-panel .search-result", QUERIES),
                                            ("/search/ page", base + "search/", "#search-page .search-result", QUERIES[:1])):
            page = browser.new_page()
            page.goto(url)
            for number, query in enumerate(queries, start=1):
                log: list[int] = []
                def record(response, log=log) -> None:
                    log.append(len(response.body()))
                page.on("response", record)
                page.locator("#site-search-q").fill(query)
                page.locator(results).first.wait_for()
                page.wait_for_timeout(1000)  # let the entity search and the rest of the excerpts finish
                page.remove_listener("response", record)
                steps[f"{name}: {'first' if number == 1 else 'later'} query “{query}”"] = (len(log), sum(log))
            page.close()
        browser.close()
    server.shutdown()
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="briefings in the corpus (default 10000)")
    count = parser.parse_args().n
    with tempfile.TemporaryDirectory(prefix="search-bench-") as temp:
        site = Path(temp)
        write_corpus(count, site / "content" / "briefings")
        build_seconds = build(site)
        out = site / "public"
        shutil.rmtree(out / BUNDLE_FOLDER)  # the build's: timed anew, every part indexed
        started = time.perf_counter()
        problems = index_site(out)
        index_seconds = time.perf_counter() - started
        if problems:
            sys.exit(str(problems[0]))
        files, size = folder_size(out / BUNDLE_FOLDER)
        steps = fetched_bytes(out)
    print(f"\nSearch benchmark, {count:,} briefings\n")
    print(f"| {'measure':<44} | {'value':>22} |\n| {'-' * 44} | {'-' * 22}:|")
    print(f"| {'build, whole (render + write + index)':<44} | {build_seconds:>20.1f} s |")
    print(f"| {'Pagefind index alone':<44} | {index_seconds:>20.1f} s |")
    print(f"| {'index on disk':<44} | {f'{files:,} files, {size / 1e6:.1f} MB':>22} |")
    for step, (requests, received) in steps.items():
        print(f"| {step:<44} | {f'{requests} requests, {received / 1024:.0f} KB':>22} |")


if __name__ == "__main__":
    main()
