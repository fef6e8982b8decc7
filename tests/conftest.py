"""Shared fixtures: a throwaway copy of the repository's site, and Chromium; the marks they imply.
The helpers tests import are in tests/helpers.py."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import copy_site

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


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    """A dev-server engine run in a test freezes what it keeps out of garbage collections
    (generator/utils/gcpause.py): let go of after the test, so later tests collect it."""
    yield
    gc.unfreeze()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of this repository's site (site.yaml, seeds/, layouts/) with an empty content/."""
    return copy_site(tmp_path / "site")


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
