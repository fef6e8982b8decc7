"""Shared fixtures: a throwaway site built from the repository's seeds and layouts, and Chromium."""

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
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that asks for Chromium is a browser test, and one that asks for a copy of the site
    builds it: marked so, `make test-unit` leaves them out without each test saying so."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if "site" in fixtures:
            item.add_marker(pytest.mark.cli)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of this repository's site (site.yaml, seeds/, layouts/) with an empty content/."""
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "seeds", root / "seeds", ignore=shutil.ignore_patterns("*.html*"))
    shutil.copytree(REPO / "layouts", root / "layouts")
    (root / "content").mkdir()
    return root


def run_cli(site_root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator ARGS` in a site folder, as a user would."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=site_root, env=env,
                          capture_output=True, text=True, timeout=300)


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


def browser_required() -> bool:
    return os.environ.get("REQUIRE_BROWSER") == "1" or os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright. Skips loudly without it, unless CI requires it."""
    problem = None
    if not CHROMIUM.exists():
        problem = f"no Chromium at {CHROMIUM} (apt-get install -y chromium)"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            problem = "the playwright package is not installed"
    if problem:
        if browser_required():
            pytest.fail(f"browser tests required but {problem}")
        sys.stderr.write(f"\n*** SKIPPING BROWSER TESTS: {problem} ***\n")
        pytest.skip(problem)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
