"""`check` and `build --strict`: internal links, assets and #anchors resolve under the base path."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.publish import check
from generator.utils import filememo
from generator.publish.check import check_site, parse_html
from generator.config.settings import Config, load_config
from tests.helpers import NEWSWEEK_SLUG, SUBPATH_URL, build, run_cli, write_briefing


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


def test_check_takes_the_base_url_the_build_used(site):
    build(site, "--base-url", SUBPATH_URL)  # site.yaml says "/"
    checked = run_cli(site, "check")
    assert checked.returncode == 0, checked.stderr[:500]
    assert checked.stdout == f"Checked public (built for {SUBPATH_URL}): 0 broken links\n"
    told = run_cli(site, "check", "--base-url", "/")  # told otherwise, it checks as told
    assert told.returncode == 1 and told.stdout.startswith("Checked public: ") and "broken link /briefings/" in told.stderr


def test_site_is_taken_before_or_after_the_command(site):
    (site / "other.yaml").write_text((site / "site.yaml").read_text() + "output_dir: elsewhere\n", encoding="utf-8")
    after = run_cli(site, "build", "--site", "other.yaml", "--quiet")
    assert after.returncode == 0, after.stderr
    assert (site / "elsewhere" / "index.html").is_file() and not (site / "public").exists()
    before = run_cli(site, "--site", "other.yaml", "check")
    assert before.returncode == 0 and before.stdout == "Checked elsewhere: 0 broken links\n"


def test_the_check_command_reads_only_the_pages_changed_since_the_last_check(site):
    """`check` keeps what each page links to in the build cache, as the build's own check does: a
    page whose size, time and inode are those it had is not read again."""
    import os

    build(site)
    public = site / "public"
    for page in public.rglob("*.html"):  # long written: trusted by the rule for unchanged files
        os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns - 10 * 10**9))
    assert run_cli(site, "check").returncode == 0
    page = public / "briefings" / NEWSWEEK_SLUG / "index.html"
    stat, text = page.stat(), page.read_text()
    broken = '<a href="/gone/">x</a>'
    at = text.index("</main>") - len(broken)
    with open(page, "r+", encoding="utf-8") as file:  # the same size, inode and time: unchanged by the rule
        file.write(text[:at] + broken + text[at + len(broken):])
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert page.stat().st_size == stat.st_size
    assert run_cli(site, "check").stdout == "Checked public: 0 broken links\n"  # the page was not read again
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    again = run_cli(site, "check")
    assert again.returncode == 1 and "broken link /gone/" in again.stderr


def test_check_needs_a_built_site(site):
    checked = run_cli(site, "check")
    assert checked.returncode == 2 and "public does not exist: run `build` first" in checked.stderr


def _output(tmp_path: Path, pages: dict[str, str], base_url: str = "/") -> Config:
    """A bare output folder holding `pages`, checked without a build."""
    (tmp_path / "site.yaml").write_text(f"base_url: {base_url}\n", encoding="utf-8")
    for name, text in pages.items():
        (tmp_path / "public" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "public" / name).write_text(text, encoding="utf-8")
    return load_config(tmp_path / "site.yaml")


_KEPT: dict[Path, dict] = {}  # each output folder's kept readings, as the build cache keeps them


def _broken(config: Config) -> list[tuple[str, int | None, str]]:
    store = _KEPT.setdefault(config.output_dir, {})
    return [(problem.path.relative_to(config.output_dir).as_posix(), problem.line, problem.message)
            for problem in check_site(config, store=store)]


def test_pages_are_read_as_html_parser_reads_them():
    page = parse_html(
        "<!-- <a href='/commented'> -->\n<script>var a = '<a href=\"/in-script\">';</script>\n"
        "<style>a::after { content: '<img src=/in-style>'; }</style><script src='/app.js'></script>\n"
        "<a href='/single'>a</a><A HREF=/bare>b</A><a title=\"x > y\" href=\"/q?a=1&amp;b=2#t&#111;p\">c</a>\n"
        "<img srcset=\"/1x.png 1x, /2x.png 2x\" src=\" /img.png \"><form action=\"/search/\"></form>\n"
        "<h2 id=\"key-points\">K</h2><a name=\"old-anchor\"></a><div name=\"not-an-anchor\"></div><p ID=Up></p>\n")
    assert page.urls == ["/app.js", "/single", "/bare", "/q?a=1&b=2#top", "/img.png", "/1x.png", "/2x.png", "/search/"]
    assert page.ids == {"key-points", "old-anchor", "Up"}


def test_problems_give_the_line_of_their_tag(tmp_path):
    config = _output(tmp_path, {"index.html": "<p id=top>\r\n<a href='#top'>fine</a>\r\n<a\nhref='#gone'>x</a>\n",
                                "other.html": "<a href='index.html#top'></a><a href='index.html#no'></a>"})
    assert _broken(config) == [("index.html", 3, "broken link #gone: no element with id 'gone' on index.html"),
                               ("other.html", 1, "broken link index.html#no: no element with id 'no' on index.html")]


def test_a_symlink_out_of_the_output_counts_as_missing(tmp_path):
    links = '<a href="/inside.css"></a><a href="/leak.css"></a><a href="/shared/x.css"></a>'
    config = _output(tmp_path, {"index.html": links,
                                "real.css": "", "../outside/x.css": ""})
    (tmp_path / "public" / "inside.css").symlink_to("real.css")
    (tmp_path / "public" / "leak.css").symlink_to(tmp_path / "outside" / "x.css")
    (tmp_path / "public" / "shared").symlink_to(tmp_path / "outside")
    assert _broken(config) == [("index.html", 1, "broken link /leak.css: no such file in the output"),
                               ("index.html", 1, "broken link /shared/x.css: no such file in the output")]


def test_a_recheck_reads_only_the_pages_that_changed(tmp_path, monkeypatch):
    pages = {f"p{number}/index.html": f'<h1 id="top">{number}</h1><a href="/p{number + 1}/#top">next</a>'
             for number in range(5)}
    config = _output(tmp_path, pages)
    monkeypatch.setattr(filememo, "RACY_NS", 0)  # trust pages written a moment ago
    assert _broken(config) == [("p4/index.html", 1, "broken link /p5/#top: no such file in the output")]
    parsed = []
    monkeypatch.setattr(check, "parse_page",
                        lambda path: parsed.append(path.parent.name) or parse_html(path.read_text()))
    assert len(_broken(config)) == 1 and parsed == []
    (tmp_path / "public" / "p2" / "index.html").write_text('<h1 id="moved">2</h1><a href="/p3/#top">next</a>')
    (tmp_path / "public" / "p4" / "index.html").write_text('<h1 id="top">4</h1>')
    assert _broken(config) == [("p1/index.html", 1, "broken link /p2/#top: no element with id 'top' on p2/index.html")]
    assert sorted(parsed) == ["p2", "p4"]


def test_a_recheck_checks_only_changed_pages_and_those_with_problems_while_nothing_has_gone(tmp_path, monkeypatch):
    pages = {f"p{number}/index.html": f'<h1 id="top">{number}</h1><a href="/p{number + 1}/#top">next</a>'
             for number in range(5)}
    config = _output(tmp_path, pages | {"stray.css": ""})
    monkeypatch.setattr(filememo, "RACY_NS", 0)
    _broken(config)
    checked = []
    page_problems = check.LinkChecker._page_problems
    monkeypatch.setattr(check.LinkChecker, "_page_problems",
                        lambda self, rel: checked.append(rel.split("/")[0]) or page_problems(self, rel))
    public = tmp_path / "public"
    (public / "p0" / "index.html").write_text('<h1 id="top">0</h1><h2 id="new">x</h2><a href="/p1/#top">next</a>')
    assert len(_broken(config)) == 1 and sorted(checked) == ["p0", "p4"]  # p4's link was broken
    checked.clear()
    (public / "p5").mkdir()
    (public / "p5" / "index.html").write_text('<h1 id="top">5</h1>')
    assert _broken(config) == [] and sorted(checked) == ["p4", "p5"]
    checked.clear()
    (public / "stray.css").unlink()  # gone, but no link led to it (as an old search index's files)
    assert _broken(config) == [] and checked == []
    (public / "p3" / "index.html").unlink()  # a file gone: every page is checked again
    assert _broken(config) == [("p2/index.html", 1, "broken link /p3/#top: no such file in the output")]
    assert sorted(checked) == ["p0", "p1", "p2", "p4", "p5"]


def test_pages_written_just_now_are_not_cached(tmp_path, monkeypatch):
    config = _output(tmp_path, {"index.html": '<a href="#x"></a><p id="x"></p>'})
    parsed = []
    monkeypatch.setattr(check, "parse_page", lambda path: parsed.append(path) or parse_html(path.read_text()))
    assert _broken(config) == [] and _broken(config) == []
    assert len(parsed) == 2  # its mtime may not change when it is rewritten within the same tick


def test_the_checks_listing_is_the_output_as_the_stamp_walks_it(tmp_path):
    """The build stamps the output from the check's listing: the same files in the same order as
    relative_files gives, or none (then the stamp walks the folder) once a symlink or an odd file is there."""
    import os

    from generator.utils.files import relative_files

    config = _output(tmp_path, {"index.html": "<p>", "b/index.html": "", "b/c/d.css": "", "a-b/x.json": "",
                                "a/index.html": "", "pagefind/parts.json": "[]"})
    out = config.output_dir
    assert check.LinkChecker(config).listing.tree(out) == relative_files(out)
    (out / "link.css").symlink_to("b/c/d.css")
    assert check.LinkChecker(config).listing.tree(out) is None
    (out / "link.css").unlink()
    os.mkfifo(out / "b" / "pipe")
    assert check.LinkChecker(config).listing.tree(out) is None
