"""The built pages as a reader sees them, in headless Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import NEWSWEEK_SLUG, SUBPATH_URL, run_cli, serving, write_briefings


@pytest.fixture
def served(site: Path) -> Iterator[str]:
    assert run_cli(site, "build").returncode == 0
    with serving(site / "public") as url:
        yield url


def test_reader_goes_from_home_to_a_briefing(browser, served):
    page = browser.new_page()
    page.goto(served)
    titles = page.locator(".listing h2").all_inner_texts()
    assert titles[0].startswith("Russia has lost 14,000 troops") and titles[1].startswith("More than 12,000")
    page.get_by_role("link", name="More than 12,000 Russian troops killed").click()
    # Curly quotes in the title as in the body; the byline's parts spaced.
    assert page.locator("h1").inner_text() == "More than 12,000 Russian troops killed, Ukraine’s Foreign Ministry says"
    byline = page.locator(".byline").inner_text()
    assert "c. 9 March 2022" in byline and "DATE INFERRED" in byline.upper() and "Newsweek · By Jack Dutton" in byline
    assert page.locator(".key-points li").count() >= 3
    page.get_by_text("How the date was inferred").click()
    assert page.get_by_text(re.compile(r"Published between \d+ March 2022 and 10 March 2022")).is_visible()  # the window ingest found
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
    with serving(site / "public") as url:
        page.goto(url + "day-1/")
        assert page.locator(".tags a").all_inner_texts() == ["Energy", "Sanctions"]
        page.locator(".tags").get_by_role("link", name="Energy").click()
        assert page.locator("h1").inner_text() == "Energy"
        assert page.locator("ol.compact a").all_inner_texts() == ["Day 2", "Day 1"]
        page.get_by_role("link", name="Tags", exact=True).click()
        assert page.locator(".entity-index a").all_inner_texts() == ["Energy", "Sanctions"]
    page.close()


WIDTHS = (1280, 360)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_header_on_two_rows_and_no_missing_file_at_every_width(browser, served, scheme):
    """Title and search box, then the nav, which scrolls sideways rather than take a third row; a
    favicon, so no page asks for a file that is not there."""
    for width in WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
        missing = []
        page.on("response", lambda response: missing.append(response.url) if response.status == 404 else None)
        for path in ("", "briefings/" + NEWSWEEK_SLUG + "/", "search/"):
            page.goto(served + path)
            rows = page.evaluate("""(() => {  // a new row where a part starts below all those before it
                const boxes = [...document.querySelectorAll('.site-header .wrap > :not(script)')]
                  .map((element) => element.getBoundingClientRect()).sort((a, b) => a.top - b.top);
                let rows = 0, bottom = -Infinity;
                for (const box of boxes) { if (box.top >= bottom) rows++; bottom = Math.max(bottom, box.bottom); }
                return rows;
            })()""")
            assert rows == 2, (width, path, rows)
            tops = page.evaluate("[...document.querySelectorAll('.site-header nav a')].map((a) => a.getBoundingClientRect().top)")
            assert len(set(tops)) == 1, (width, tops)  # the nav on one line, not wrapped and indented
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert missing == []
        page.close()


def test_figures_chart_labels_stay_12_px_on_a_phone(browser, served):
    for width in WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(served + "figures/russian-troops-killed/")
        sizes = page.evaluate("""[...document.querySelectorAll('.chart text')].map((text) => {
            const svg = text.ownerSVGElement;
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return parseFloat(getComputedStyle(text).fontSize) * scale;
        })""")
        assert sizes and min(sizes) >= 12, (width, sizes)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # the chart's frame scrolls, not the page
        page.close()


def test_an_entitys_spellings_are_those_its_briefings_use(browser, served):
    page = browser.new_page()
    page.goto(served + "places/odesa/")
    assert page.locator(".aliases").inner_text() == "Also written: Odessa"
    page.goto(served + "organisations/nato/")
    assert page.locator(".aliases").count() == 0  # site.yaml's "North Atlantic Treaty Organisation": no briefing writes it
    page.close()


def test_the_offline_copy_opens_from_files_and_every_link_works(browser, site):
    built = run_cli(site, "build", "--offline", "--base-url", "https://user.github.io/briefings/")
    assert built.returncode == 0, built.stderr
    assert "Offline copy in public-offline" in built.stdout
    copy = site / "public-offline"
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto((copy / "index.html").as_uri())
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid"  # styled
    page.locator(".listing h2 a").first.click()
    assert page.url.startswith((copy / "briefings").as_uri()) and page.url.endswith("/index.html")
    page.get_by_role("link", name="Places", exact=True).click()
    assert page.locator("h1").inner_text().startswith("Places")
    page.goto((copy / "search" / "index.html").as_uri() + "?q=troops")
    assert page.locator(".search-offline").is_visible() and "make serve" in page.locator(".search-offline").inner_text()
    page.close()
    for html in copy.rglob("*.html"):  # every internal link, from every page, lands on a file
        text = html.read_text(encoding="utf-8")
        for url in re.findall(r'\s(?:href|src)="([^"#?]+)', text):
            if not url.startswith(("http:", "https:", "mailto:")):
                assert (html.parent / url).resolve().is_file(), (html, url)


def test_check_after_a_base_url_build_and_its_pages_under_the_subpath(browser, site):
    """`check` takes the base URL the build used; the pages work under that subpath."""
    built = run_cli(site, "build", "--base-url", SUBPATH_URL)
    assert built.returncode == 0, built.stderr
    checked = run_cli(site, "check")
    assert checked.returncode == 0 and checked.stdout.endswith(": 0 broken links\n"), checked.stderr[:300]
    with serving(site) as url:  # the site's folder at /, so public/ is at /public/ ...
        (site / "briefings").symlink_to(site / "public")  # ... and at /briefings/, as the build expects
        page = browser.new_page()
        page.goto(url + "briefings/")
        page.locator(".listing h2 a").first.click()
        assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid"
        page.get_by_role("link", name="Timeline", exact=True).click()
        assert page.locator("h1").inner_text().startswith("Timeline")
        page.close()
