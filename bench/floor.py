"""What a cold build would cost with free Markdown, or free Markdown and templates: `python -m bench.floor [--n N] [--peers hugo] [--rounds R]`.

Answers "would a faster Markdown or template engine meet the cold target?" by measuring the
build with each made free, side by side with the build as it is (and Hugo, with `--peers hugo`),
on the bench corpus (bench/corpus.py). A variant runs the real `build` in a subprocess with
Renderer.body_html (Python-Markdown with its extensions, and sanitising) and, for the second, Renderer.render
(Jinja2) replaced by a constant: no engine can cost less. Everything else runs as it is. Free
templates also skip what only a template asks for (a briefing's body, its first mentions linked)
and make small pages, so the check and the writes cost less too. Rounds alternate the variants,
as this machine is noisy. A benchmark: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from bench import corpus
from bench.__main__ import HEADER, HUGO_BUILD, REPO, Run, hugo_site, measure, our_site

_FREE_MARKDOWN = "Renderer.body_html = lambda self, document: '<p>' + str(len(document.body)) + '</p>'"
_FREE_TEMPLATES = ("Renderer.render = lambda self, name, **context: '<!doctype html><html><head><title>x</title>"
                   "</head><body><main data-pagefind-body><p>x</p></main></body></html>'")  # the search stage needs a body
VARIANTS = {
    "ours, as it is": [],
    "ours, Markdown free": [_FREE_MARKDOWN],
    "ours, Markdown+Jinja free": [_FREE_MARKDOWN, _FREE_TEMPLATES],
}


def build_command(patches: list[str]) -> list[str]:
    """`build --verbose` with the patches applied first; the render workers are forked, so they have them too."""
    code = "\n".join(["from generator.render.renderer import Renderer", *patches, "from generator.cli import main",
                      "main(['build', '--verbose'])"])
    return [sys.executable, "-c", code]


def cold(site: Path, name: str, command: list[str], env: dict[str, str] | None = None) -> Run:
    for state in (".cache", "public", "resources"):  # ours keeps its state in .cache, Hugo in resources
        shutil.rmtree(site / state, ignore_errors=True)
    return measure(name, command, site, site / "public", env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="briefings in the corpus (default 10000)")
    parser.add_argument("--peers", default="", help="hugo: build the corpus with Hugo too, once a round")
    parser.add_argument("--rounds", type=int, default=2, help="times to build each variant (default 2)")
    args = parser.parse_args()
    if args.peers and (args.peers != "hugo" or not shutil.which("hugo")):
        sys.exit("--peers: only hugo, which must be on PATH (apt-get install -y hugo)")
    items = corpus.briefings(args.n)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as temporary:
        root = Path(temporary)
        site, hugo = our_site(root, items), hugo_site(root, items) if args.peers else None
        rows: list[tuple[Run, Run | None]] = []
        for _ in range(args.rounds):
            runs = [cold(site, name, build_command(patches), env) for name, patches in VARIANTS.items()]
            peer = cold(hugo, "hugo: cold", HUGO_BUILD) if hugo else None
            rows += [(run, peer) for run in runs] + ([(peer, None)] if peer else [])
    print(f"\n{args.n} briefings, cold builds, {args.rounds} rounds; 'build s' is without the search index\n")
    print(HEADER)
    for run, hugo in rows:
        print(run.row(hugo))


if __name__ == "__main__":
    main()
