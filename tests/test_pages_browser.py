"""The built pages as a reader sees them, in headless Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_tags import write_briefings


@pytest.fixture
def served(site: Path) -> Iterator[str]:
    assert run_cli(site, "build").returncode == 0
    with _serving(site / "public") as url:
        yield url


@contextlib.contextmanager
def _serving(folder: Path) -> Iterator[str]:
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


def test_reader_goes_from_home_to_a_briefing(browser, served):
    page = browser.new_page()
    page.goto(served)
    titles = page.locator(".listing h2").all_inner_texts()
    assert titles[0].startswith("Russia has lost 14,000 troops") and titles[1].startswith("More than 12,000")
    page.get_by_role("link", name="More than 12,000 Russian troops killed").click()
    assert page.locator("h1").inner_text() == "More than 12,000 Russian troops killed, Ukraine's Foreign Ministry says"
    byline = page.locator(".byline").inner_text()
    assert "c. 9 March 2022" in byline and "DATE INFERRED" in byline.upper() and "Newsweek" in byline and "Jack Dutton" in byline
    assert page.locator(".key-points li").count() >= 3
    page.get_by_text("How the date was inferred").click()
    assert page.get_by_text("Published between 8 March 2022 and 10 March 2022").is_visible()
    page.close()


def test_dark_mode_print_and_phone_layout(browser, served):
    light = browser.new_page(color_scheme="light")
    dark = browser.new_page(color_scheme="dark")
    background = "getComputedStyle(document.body).backgroundColor"
    light.goto(served)
    dark.goto(served)
    assert light.evaluate(background) != dark.evaluate(background)
    light.emulate_media(media="print")
    assert light.locator(".site-header nav").is_hidden()
    phone = browser.new_page(viewport={"width": 360, "height": 740})
    phone.goto(served)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for tab in (light, dark, phone):
        tab.close()


def test_reader_follows_a_briefings_tag_to_the_others_with_it(browser, site):
    write_briefings(site / "content", {1: "[Energy, Sanctions]", 2: "[Energy]"})
    assert run_cli(site, "build", "--strict").returncode == 0
    page = browser.new_page()
    with _serving(site / "public") as url:
        page.goto(url + "day-1/")
        assert page.locator(".tags a").all_inner_texts() == ["Energy", "Sanctions"]
        page.locator(".tags").get_by_role("link", name="Energy").click()
        assert page.locator("h1").inner_text() == "Energy"
        assert page.locator("ol.compact a").all_inner_texts() == ["Day 2", "Day 1"]
        page.get_by_role("link", name="Tags", exact=True).click()
        assert page.locator(".entity-index a").all_inner_texts() == ["Energy", "Sanctions"]
    page.close()
