"""Search: the Pagefind index built with the site, used in headless Chromium under a subpath."""

from __future__ import annotations

import contextlib
import functools
import json
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.utils import filememo
from generator.publish import search
from generator.utils.filememo import FileMemo
from generator.publish.search import BUNDLE_FOLDER, PARTS_FILE, index_site, indexed_pages, part_count
from tests.helpers import REPO, run_cli

SUBPATH = "/sub/path/"
NATIONAL = "Russia has lost 14,000 troops, Ukraine’s defence minister estimates"  # seed 000
NEWSWEEK = "More than 12,000 Russian troops killed, Ukraine’s Foreign Ministry says"  # seed 003, curly as its body


class _SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder at SUBPATH only, as GitHub Pages serves a project site; anything else is 404."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "not-under-the-subpath")
        return super().translate_path("/" + path[len(SUBPATH):])

    def log_message(self, *args: object) -> None:
        pass


def in_parts(site: Path) -> None:
    """The site's search index in parts of a page, and three more briefings (that no test's query
    finds) so that the seeds' pages fall in different parts."""
    with (site / "site.yaml").open("a") as settings:
        settings.write("\nsearch_part_pages: 1\n")
    for number in range(3):
        (site / "content" / f"note-{number}.md").write_text(
            f"---\ntitle: Gardening note {number}\ndate: 2021-05-0{number + 1}\n---\n\nTomatoes need sun.\n")


@pytest.fixture(params=["one index", "an index in parts"])
def served(site: Path, request) -> Iterator[str]:
    """The seed site built for http://127.0.0.1:PORT/sub/path/ and served there: its search index
    in one part, and in parts, which the browser searches as one."""
    if request.param == "an index in parts":
        in_parts(site)
    out = site / "out"
    with serving(out) as base:
        built = run_cli(site, "build", "--out", str(out), "--base-url", base)
        assert built.returncode == 0, built.stderr
        yield base


@contextlib.contextmanager
def serving(out: Path) -> Iterator[str]:
    """The folder served at http://127.0.0.1:PORT/sub/path/ (its URL) while in the block."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SubpathHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    finally:
        server.shutdown()


@pytest.fixture
def tab(browser, served):
    """A page that records every request outside the site's subpath."""
    page = browser.new_page()
    page.outside = []
    page.on("request", lambda request: page.outside.append(request.url) if not request.url.startswith(served) else None)
    yield page
    page.close()


def search_page(tab, served: str, query: str) -> list[str]:
    """Type a query into the search page's box; return the titles of the results shown."""
    tab.goto(served + "search/")
    tab.locator("#site-search-q").fill(query)
    tab.wait_for_selector("#search-page .search-status:not(:empty)")
    return tab.locator("#search-page > .search-results .search-result h2").all_inner_texts()


def test_queries_find_the_right_briefings_under_a_subpath(tab, served):
    assert search_page(tab, served, "Reznikov") == [NATIONAL]
    assert search_page(tab, served, "Newsweek") == [NEWSWEEK]
    assert sorted(search_page(tab, served, "troops")) == sorted([NATIONAL, NEWSWEEK])
    result = tab.locator("#search-page .search-result").first
    assert result.locator("a").get_attribute("href").startswith(SUBPATH + "briefings/")
    assert "mark" in result.locator(".excerpt").inner_html()
    assert search_page(tab, served, "Latest") == []  # navigation is not indexed
    assert tab.outside == []


def test_entity_pages_are_found_after_the_briefings(tab, served):
    """In a list of their own, below the briefings; found by their names (the briefings and quotes
    an entity page lists are found as briefings)."""
    assert search_page(tab, served, "Reznikov") == [NATIONAL]
    entities = tab.locator("#search-page .search-entities")
    entities.locator(".search-result").first.wait_for()
    assert entities.locator("h2 a").all_inner_texts() == ["Oleksii Reznikov"]
    assert entities.locator("h2 a").get_attribute("href") == SUBPATH + "people/oleksii-reznikov/"
    assert entities.locator(".byline").inner_text() == "Person"


def test_a_result_shows_title_date_source_and_highlighted_excerpt(tab, served):
    search_page(tab, served, "Zakharova")
    result = tab.locator("#search-page > .search-results .search-result")
    assert result.locator("h2").inner_text() == NEWSWEEK
    assert result.locator(".byline").inner_text() == "c. 9 March 2022 · Newsweek"
    assert result.locator(".excerpt mark").first.inner_text().lower().startswith("zakharova")


def test_every_spelling_of_an_aliased_name_finds_the_same_briefings(tab, served):
    """Seed 000 spells it Zelenskyy, seed 003 Zelensky; site.yaml's entities.aliases joins them."""
    for spelling in ("Zelenskyy", "Zelensky", "Zelenskiy"):
        assert sorted(search_page(tab, served, spelling)) == sorted([NATIONAL, NEWSWEEK]), spelling


def test_a_source_filter_narrows_the_results_and_sort_orders_by_date(tab, served):
    assert len(search_page(tab, served, "Ukraine")) == 2
    tab.get_by_text("Filter by source").click()
    filters = tab.locator("#search-page .search-filter")
    assert filters.locator("legend").all_text_contents()[:2] == ["Source (2)", "Year (1)"]  # how many values
    tab.get_by_label("The National").check()
    tab.wait_for_function("document.querySelectorAll('#search-page > .search-results li').length === 1")
    assert tab.locator("#search-page > .search-results h2").all_inner_texts() == [NATIONAL]
    tab.get_by_label("The National").uncheck()
    tab.locator("select[name=sort]").select_option("asc")
    tab.wait_for_function("document.querySelectorAll('#search-page > .search-results li').length === 2")
    assert tab.locator("#search-page > .search-results h2").all_inner_texts() == [NEWSWEEK, NATIONAL]


def excerpts(tab) -> list[str]:
    return tab.locator("#search-page > .search-results .excerpt").all_inner_texts()


def test_excerpts_show_the_briefings_text_not_spelling_lists_or_chrome(tab, served):
    """The spellings, the byline and the title are searched but never shown as an excerpt: a match
    only there shows the text's start; a match in the text shows its words, highlighted."""
    chrome = ("(also", "Zelenskiy", "date inferred", "Newsweek·", "By Jack Dutton", "Key points", "c. 9 March")
    assert sorted(search_page(tab, served, "Zelenskiy")) == sorted([NATIONAL, NEWSWEEK])  # only in the spellings
    assert search_page(tab, served, "Dutton") == [NEWSWEEK]  # only in the byline
    for query in ("Zelenskiy", "Dutton", "troops", "inferred"):
        search_page(tab, served, query)
        for excerpt in excerpts(tab):
            assert not [text for text in chrome if text in excerpt], (query, excerpt)
    search_page(tab, served, "Dutton")
    assert excerpts(tab)[0].startswith("Ukraine’s Foreign Ministry said on Wednesday")  # the summary, not the title
    search_page(tab, served, "helicopters")
    newsweek = tab.locator("#search-page .search-result").filter(has_text=NEWSWEEK)
    assert newsweek.locator(".excerpt mark").all_inner_texts() == ["helicopters,"]


def test_every_facet_value_can_be_chosen_past_the_twelfth(tab, served):
    search_page(tab, served, "troops")
    tab.get_by_text("Filter by source").click()
    places = tab.locator("#search-page .search-filter").filter(has_text="Places (")
    values = int(places.locator("legend").text_content().removeprefix("Places (").removesuffix(")"))
    assert values > 12  # the seeds name more places than a facet shows at first
    assert places.locator("label").count() == 12 and places.get_by_label("Poland").count() == 0
    places.get_by_role("button", name=f"Show all {values}").click()
    assert places.locator("label").count() == values
    places.get_by_role("button", name="Show fewer").click()
    places.get_by_placeholder("Find in places").fill("pola")
    assert [label.strip() for label in places.locator("label").all_inner_texts()] == ["Poland (1)"]
    places.get_by_label("Poland").check()
    tab.wait_for_function("document.querySelectorAll('#search-page > .search-results li').length === 1")
    assert tab.locator("#search-page > .search-results h2").all_inner_texts() == [NEWSWEEK]
    assert tab.url == served + "search/?q=troops&places=Poland"


def test_a_filtered_sorted_search_is_restored_from_its_url_and_by_back_and_forward(tab, served):
    tab.goto(served + "search/?q=troops&source=The+National&source=Newsweek&sort=asc")
    tab.wait_for_function("document.querySelectorAll('#search-page > .search-results li').length === 2")
    assert tab.locator("#site-search-q").input_value() == "troops"
    assert tab.locator("select[name=sort]").input_value() == "asc"
    assert tab.locator("#search-page > .search-results h2").all_inner_texts() == [NEWSWEEK, NATIONAL]
    assert tab.get_by_label("Newsweek").is_checked() and tab.get_by_label("The National").is_checked()
    tab.get_by_label("Newsweek").uncheck()
    tab.wait_for_function("document.querySelectorAll('#search-page > .search-results li').length === 1")
    assert tab.url == served + "search/?q=troops&source=The+National&sort=asc"
    tab.go_back()
    tab.wait_for_function("document.querySelectorAll('#search-page > .search-results li').length === 2")
    assert tab.get_by_label("Newsweek").is_checked()
    tab.go_forward()
    tab.wait_for_function("document.querySelectorAll('#search-page > .search-results li').length === 1")
    assert tab.locator("#search-page > .search-results h2").all_inner_texts() == [NATIONAL]
    assert tab.get_by_label("The National").is_checked() and tab.get_by_label("Newsweek").count() == 0  # none left


def test_header_box_on_every_page_slash_focuses_it_and_results_show_as_you_type(tab, served):
    tab.goto(served)
    tab.keyboard.press("/")
    assert tab.evaluate("document.activeElement.id") == "site-search-q"
    tab.keyboard.type("Reznikov", delay=20)
    panel = tab.locator("#search-panel")
    panel.locator(".search-result").first.wait_for()
    assert panel.locator(".search-result h2").all_inner_texts() == [NATIONAL]
    panel.get_by_role("link", name="All 1 briefing").click()
    tab.wait_for_url(served + "search/?q=Reznikov")
    tab.locator("#search-page .search-result").first.wait_for()
    assert tab.outside == []


def test_search_page_without_javascript_points_to_the_listings(browser, served):
    page = browser.new_page(java_script_enabled=False)
    page.goto(served + "search/")
    assert "needs JavaScript" in page.locator("#search-page").inner_text()  # Playwright's text search skips <noscript>
    page.locator("#search-page a", has_text="latest briefings").click()
    assert {NATIONAL, NEWSWEEK} <= set(page.locator(".listing h2").all_inner_texts())
    page.close()


def test_dark_mode_styles_the_results(browser, served):
    colours = []
    for scheme in ("light", "dark"):
        page = browser.new_page(color_scheme=scheme)
        search_page(page, served, "Reznikov")
        colours.append(page.evaluate("getComputedStyle(document.querySelector('.search-result')).color"))
        page.close()
    assert colours[0] != colours[1]


def test_an_edit_indexes_again_only_the_parts_whose_pages_changed(site):
    in_parts(site)
    assert run_cli(site, "build").returncode == 0
    bundle = site / "public" / BUNDLE_FOLDER
    parts = json.loads((bundle / PARTS_FILE).read_text())
    assert len(parts) >= 3, "the seeds in parts of their own, and the notes"
    before = {part: (bundle / part / "pagefind.js").stat().st_ino for part in parts}
    briefing = next((site / "content").rglob("russia-has-lost-*.md"))
    other = site / "public" / "briefings" / "more-than-12000-russian-troops-killed-ukraines-foreign-ministry-says" / "index.html"
    related_before = other.read_text()
    briefing.write_text(briefing.read_text().replace("title: Russia has lost", "title: Russia may have lost", 1))
    assert run_cli(site, "build").returncode == 0
    assert other.read_text() != related_before, "its related list, which Pagefind ignores, names the new title"
    after = {part: (bundle / part / "pagefind.js").stat().st_ino for part in parts}
    assert sum(before[part] != after[part] for part in parts) == 1


def test_after_an_edit_a_search_finds_its_new_words_with_one_part_indexed_again(browser, site):
    """The edited briefing's part is the one indexed again, and a search in the browser, which
    merges the parts, finds the words the edit added; the other parts, kept, still answer."""
    in_parts(site)
    out = site / "out"
    with serving(out) as base:
        def build() -> None:
            built = run_cli(site, "build", "--out", str(out), "--base-url", base)
            assert built.returncode == 0, built.stderr

        build()
        bundle = out / BUNDLE_FOLDER
        parts = json.loads((bundle / PARTS_FILE).read_text())
        before = {part: (bundle / part / "pagefind.js").stat().st_ino for part in parts}
        briefing = next((site / "content").rglob("russia-has-lost-*.md"))
        briefing.write_text(briefing.read_text() + "\nThe quartermaster counted zeppelins over the estuary.\n")
        build()
        after = {part: (bundle / part / "pagefind.js").stat().st_ino for part in json.loads((bundle / PARTS_FILE).read_text())}
        assert after.keys() == before.keys() and sum(before[part] != after[part] for part in parts) == 1
        tab = browser.new_page()
        try:
            assert search_page(tab, base, "zeppelins") == [NATIONAL]
            assert search_page(tab, base, "tomatoes")  # the notes, in parts kept as they were
        finally:
            tab.close()


def test_a_new_briefing_naming_an_entity_leaves_what_search_reads_of_its_page(site):
    """Its list and count change, which search ignores: the entity's search part is not indexed again."""
    assert run_cli(site, "build").returncode == 0
    page = site / "public" / "people" / "oleksii-reznikov" / "index.html"
    before = page.read_text(), indexed_pages(site / "public")["people/oleksii-reznikov/index.html"]
    (site / "content" / "later.md").write_text(
        "---\ntitle: Later\ndate: 2022-04-01\npeople: [Oleksii Reznikov]\n---\n\nOleksii Reznikov spoke again.\n")
    assert run_cli(site, "build").returncode == 0
    assert page.read_text() != before[0] and "Named in 2 briefings" in page.read_text()
    assert indexed_pages(site / "public")["people/oleksii-reznikov/index.html"] == before[1]


def test_a_page_reads_the_same_when_only_what_pagefind_ignores_changed(tmp_path):
    def digest(related: str, text: str) -> str:
        (tmp_path / "index.html").write_text(
            f'<article data-pagefind-body><p>{text}</p><section data-pagefind-ignore><ol>{related}</ol>'
            f'</section><p>data-pagefind-ignore, the words</p></article><nav>Latest</nav>')
        return indexed_pages(tmp_path)["index.html"]

    first = digest("<li>A, 80%</li>", "Troops advanced.")
    assert digest("<li>A, 75%</li><li>B, 60%</li>", "Troops advanced.") == first
    assert digest("<li>A, 80%</li>", "Troops withdrew.") != first


def test_digests_are_kept_while_a_page_file_stays_the_same(tmp_path, monkeypatch):
    site = tmp_path / "public"
    for name in ("a", "b", "c"):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(f"<main data-pagefind-body><p>{name}</p></main>")
    (site / "plain.html").write_text("<p>not indexed</p>")
    monkeypatch.setattr(filememo, "RACY_NS", 0)  # trust files written a moment ago
    kept: dict = {}  # as the build cache keeps them, between runs
    first = indexed_pages(site, FileMemo(kept, "pages", "v"))
    read = []
    monkeypatch.setattr(search, "_digest", lambda path, digest=search._digest: read.append(path) or digest(path))
    assert indexed_pages(site, FileMemo(kept, "pages", "v")) == first and read == []
    (site / "b" / "index.html").write_text("<main data-pagefind-body><p>B, edited</p></main>")
    again = indexed_pages(site, FileMemo(kept, "pages", "v"))
    assert read == [str(site / "b" / "index.html")] and again.keys() == first.keys() and again != first
    assert indexed_pages(site, FileMemo(kept, "pages", "other")) == again and len(read) == 5


def test_an_index_failure_is_one_line(tmp_path):
    failing = tmp_path / "pagefind"
    failing.write_text("#!/bin/sh\necho 'Error: Pagefind could not\nread a page' >&2\necho 'Error: Pagefind could not' >&2\nexit 1\n")
    failing.chmod(0o755)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<main data-pagefind-body><p>Words</p></main>")
    _, problem = search._index_part(failing, tmp_path / "site", {"index.html": "x"}, Path("public"))
    assert str(problem) == "public: search index not built: pagefind: Pagefind could not read a page"


def test_a_site_with_no_page_marked_for_search_gets_an_empty_index(tmp_path):
    """Pagefind refuses to index nothing: no part then, which is a problem only when briefings are expected."""
    (tmp_path / "index.html").write_text("<main><p>Not marked for search</p></main>")
    problems = index_site(tmp_path, shown_as=Path("public"))
    assert [str(p) for p in problems] == ["public: search index empty: no page has a data-pagefind-body element "
                                          "(the briefing layout marks its article with it)"]
    assert index_site(tmp_path, empty_ok=True) == []
    assert json.loads((tmp_path / BUNDLE_FOLDER / PARTS_FILE).read_text()) == []


def test_search_in_an_archive_with_no_briefing_yet_says_so(browser, tmp_path):
    (tmp_path / "site.yaml").write_text(f"title: Empty\nlayouts_dir: {REPO / 'layouts'}\n")
    with serving(tmp_path / "out") as base:
        built = run_cli(tmp_path, "build", "--out", str(tmp_path / "out"), "--base-url", base)
        assert built.returncode == 0 and built.stderr == ""
        page = browser.new_page()
        search_page(page, base, "Reznikov")
        assert page.locator("#search-page .search-status").inner_text() == "Nothing to search yet: the archive has no briefings."
        page.close()


@pytest.mark.parametrize("pages, last, count", [
    (10_001, None, 5),  # a first index: as many parts as 2,500 pages a part needs
    (10_001, "4", 4),  # one page over four parts' worth: the four kept, not all indexed again
    (12_600, "4", 6),  # parts past a quarter over: as many as needed
    (1_000, "4", 1),  # parts a quarter under: as many as needed
    (10_001, "x", 5),  # a damaged file
])
def test_the_number_of_parts_is_kept_while_it_still_fits(pages, last, count):
    assert part_count(pages, 2500, last) == count


def test_a_pagefind_that_hangs_is_stopped_and_reported(tmp_path, monkeypatch):
    hanging = tmp_path / "pagefind"
    hanging.write_text("#!/bin/sh\nsleep 30\n")
    hanging.chmod(0o755)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<main data-pagefind-body><p>Words</p></main>")
    monkeypatch.setattr(search, "PAGEFIND_SECONDS", 0.5)
    started = time.monotonic()
    folder, problem = search._index_part(hanging, tmp_path / "site", {"index.html": "x"}, Path("public"))
    assert time.monotonic() - started < 10 and not folder.exists()
    assert str(problem).startswith("public: search index not built: pagefind did not finish in 1 s, and was stopped")


def test_work_folders_left_by_a_stopped_index_are_removed(site):
    """A build or dev server stopped while Pagefind ran leaves its work folder beside the site: the next index takes it away."""
    assert run_cli(site, "build").returncode == 0
    left = site / ".public.search-stopped"
    (left / "pages").mkdir(parents=True)
    other = site / ".public.staging.search-another"  # a build's staging folder's, not the output folder's
    other.mkdir()
    assert index_site(site / "public") == []  # as the dev server indexes its output folder
    assert not left.exists() and other.exists()
