"""`check` and `build --strict`: internal links, assets and #anchors resolve under the base path."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tests.hosting import NEWSWEEK_SLUG, SUBPATH_URL, build, write_briefing


@pytest.mark.parametrize("base_url", ["/", SUBPATH_URL])
def test_the_seed_site_has_no_broken_links(site, base_url):
    result = build(site, "--base-url", base_url, "--strict")
    assert "warning" not in result.stderr
    checked = run_cli(site, "check", "--base-url", base_url)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout == "Checked public: 0 broken links\n"


def test_a_site_checked_for_another_base_path_is_all_broken(site):
    build(site, "--base-url", SUBPATH_URL)
    checked = run_cli(site, "check", "--base-url", "https://user.github.io/other/")
    assert checked.returncode == 1
    assert "public/index.html:" in checked.stderr and "outside the base path /other/" in checked.stderr


def test_broken_links_are_reported_with_page_line_and_href(site):
    build(site, "--base-url", SUBPATH_URL)
    page = site / "public" / "briefings" / NEWSWEEK_SLUG / "index.html"
    text = page.read_text()
    page.write_text(text.replace("</main>", (
        '<a href="../missing/">gone</a>\n<img src="/briefings/static/nope.png" alt="">\n'
        '<a href="#key-points">fine</a> <a href="/briefings/#nowhere">no anchor</a>\n'
        '<a href="https://user.github.io/briefings/static/style.css">fine</a> <a href="https://example.com/x">external</a>\n'
        '<a href="/static/style.css">root, not the base path</a>\n</main>')))
    line = text[: text.index("</main>")].count("\n") + 1
    checked = run_cli(site, "check", "--base-url", SUBPATH_URL)
    assert checked.returncode == 1
    shown = f"public/briefings/{NEWSWEEK_SLUG}/index.html"
    assert checked.stderr.splitlines() == [
        f"error: {shown}:{line}: broken link ../missing/: no such file in the output",
        f"error: {shown}:{line + 1}: broken link /briefings/static/nope.png: no such file in the output",
        f"error: {shown}:{line + 2}: broken link /briefings/#nowhere: no element with id 'nowhere' on index.html",
        f"error: {shown}:{line + 4}: broken link /static/style.css: outside the base path /briefings/",
    ]
    assert checked.stdout == "Checked public: 4 broken links\n"


def test_build_warns_and_strict_build_fails_on_a_broken_link(site):
    write_briefing(site, "linking", "title: Linking\ndate: 2022-03-01\nauthors: [A. Writer]", "[gone](missing-story.md)\n")
    warned = run_cli(site, "build")
    assert warned.returncode == 0
    expected = "public/briefings/linking/index.html:"
    assert f"warning: {expected}" in warned.stderr and "broken link missing-story.md: no such file" in warned.stderr
    strict = run_cli(site, "build", "--strict")
    assert strict.returncode == 1 and f"error: {expected}" in strict.stderr


def test_check_needs_a_built_site(site):
    checked = run_cli(site, "check")
    assert checked.returncode == 2 and "public does not exist: run `build` first" in checked.stderr
