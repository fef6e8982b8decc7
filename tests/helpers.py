"""What the tests share: the repository's site copied as a user has it, the generator run as a user
runs it, what a build wrote read back, a static file server, and git for the deploy tests.

Fixtures (a site per test, Chromium) are in conftest.py, which uses these."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SUBPATH_URL = "https://user.github.io/briefings/"
# The two seed briefings' slugs, as the build names their pages.
NATIONAL_SLUG = "russia-has-lost-14000-troops-ukraines-defence-minister-estimates"
NEWSWEEK_SLUG = "more-than-12000-russian-troops-killed-ukraines-foreign-ministry-says"


def copy_site(root: Path) -> Path:
    """This repository's site (site.yaml, seeds/ without saved pages, layouts/) copied into root,
    with an empty content/."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "seeds", root / "seeds", ignore=shutil.ignore_patterns("*.html*"))
    shutil.copytree(REPO / "layouts", root / "layouts")
    (root / "content").mkdir(exist_ok=True)
    return root


def run_cli(site_root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator ARGS` in a site folder, as a user would."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=site_root, env=env,
                          capture_output=True, text=True, timeout=300)


def build(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`build ARGS`, which must succeed."""
    result = run_cli(site, "build", *args)
    assert result.returncode == 0, result.stderr
    return result


def write_briefing(site: Path, name: str, front_matter: str, body: str = "Text.\n") -> Path:
    path = site / "content" / "briefings" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front_matter.strip()}\n---\n\n{body}", encoding="utf-8")
    return path


def briefing(site: Path, slug: str) -> Path:
    """Where ingest writes the briefing of that slug."""
    return site / "content" / "briefings" / f"{slug}.md"


def write_briefings(content: Path, tags_by_day: dict[int, str]) -> None:
    """A briefing a day in March 2022 (day-1.md, day-2.md, ...), each with the tags given."""
    content.mkdir(exist_ok=True)
    for day, tags in tags_by_day.items():
        (content / f"day-{day}.md").write_text(f"---\ntitle: Day {day}\ndate: 2022-03-0{day}\ntags: {tags}\n---\n\n"
                                               f"What happened on day {day}.\n", encoding="utf-8")


def output(site: Path, path: str) -> str:
    """A file the build wrote, by its path in public/."""
    return (site / "public" / path).read_text(encoding="utf-8")


def page(site: Path, url: str) -> str:
    """The page the build wrote for a URL path (its index.html)."""
    return (site / "public" / url / "index.html").read_text(encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder by its path, with its bytes, but the search index: a full build
    indexes in place, the dev server in the background."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != "pagefind"}


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """A plain static file server for `folder` on a free loopback port, as a host would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commits in test repositories need an author, whatever the machine's git configuration."""
    for name, value in {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
                        "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}.items():
        monkeypatch.setenv(name, value)
