"""`serve` in headless Chromium: open pages follow edits by themselves, show build problems, swap CSS."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import NATIONAL_SLUG, REPO

pytestmark = pytest.mark.browser
WAIT = 15_000  # ms: generous for a loaded 2-core machine; this is not a timing test
OVERLAY = "#livereload-problems"


@pytest.fixture
def server(site: Path) -> Iterator[str]:
    """`python -m generator serve` on a free port, under a subpath as on GitHub Pages; yields its URL."""
    with subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--port", "0", "--base-url", "https://example.github.io/repo/"],
            cwd=site, env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True) as process:  # the `with` closes the output pipe too
        lines = iter(process.stdout.readline, "")
        url = next((found[1] for line in lines if (found := re.search(r"Serving (http://\S+)", line))), None)
        assert url, "the server did not start"
        yield url
        process.terminate()
        process.wait(timeout=5)


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 800, "height": 400})
    yield context.new_page()
    context.close()


def briefing(site: Path) -> Path:
    return site / "content" / "briefings" / f"{NATIONAL_SLUG}.md"


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_reloads_the_open_page_where_it_was_scrolled(page, server, site):
    assert server.endswith("/repo/")
    page.goto(server + f"briefings/{NATIONAL_SLUG}/")
    page.evaluate("window.scrollTo(0, 250)")
    replace_in(briefing(site), "Oleksii Reznikov said", "Oleksii Reznikov, speaking live, said")
    page.get_by_text("speaking live").first.wait_for(timeout=WAIT)
    page.wait_for_function("window.scrollY === 250", timeout=WAIT)


def test_broken_front_matter_shows_an_overlay_until_fixed(page, server, site):
    page.goto(server + f"briefings/{NATIONAL_SLUG}/")
    good = briefing(site).read_text(encoding="utf-8")
    briefing(site).write_text(good.replace("---\n", "---\ntitle: [unclosed\n", 1), encoding="utf-8")
    problem = page.locator(f"{OVERLAY} .livereload-problem")
    problem.wait_for(timeout=WAIT)
    assert re.match(rf"content/briefings/{NATIONAL_SLUG}\.md:\d+: ", problem.inner_text())
    assert page.locator("h1").count() == 1, "the last good page is still shown under it"
    briefing(site).write_text(good.replace("Oleksii Reznikov said", "Oleksii Reznikov, back again, said"), encoding="utf-8")
    page.get_by_text("back again").first.wait_for(timeout=WAIT)
    assert page.locator(OVERLAY).count() == 0, page.locator(OVERLAY).inner_text()


def test_a_new_seed_appears_on_the_open_home_page(page, server, site):
    page.goto(server)
    seed = site / "seeds" / "fresh.txt"
    shutil.copy(next((site / "seeds").glob("*.txt")), seed)
    text = seed.read_text(encoding="utf-8")
    first_line = text.splitlines()[0]
    seed.write_text("Zaporizhzhia grain convoy reaches the port\n\n" + text.replace(first_line, "", 1), encoding="utf-8")
    page.get_by_text("Zaporizhzhia grain convoy", exact=False).first.wait_for(timeout=WAIT)


def test_a_stylesheet_change_is_swapped_in_without_a_reload(page, server, site):
    page.goto(server)
    page.evaluate("window.stillHere = true")
    css = site / "layouts" / "static" / "style.css"
    css.write_text(css.read_text(encoding="utf-8") + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n", encoding="utf-8")
    page.wait_for_function("getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'", timeout=WAIT)
    assert page.evaluate("window.stillHere") is True
