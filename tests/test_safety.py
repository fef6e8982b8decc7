"""An adversarial corpus against real builds: front-matter paths that would leave the output
folder or land on a generated file, symlinks among inputs that point out of the site, unsafe
HTML and links in hand-written bodies, control characters that would break the feeds."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.content import sanitise
from generator.config.settings import load_config
from generator.content.documents import load_content
from generator.engine.pipeline import LiveSite, MemoryStore, Site, classify
from generator.engine.result import BuildResult, Clock
from generator.render.renderer import Renderer
from generator.content.sanitise import safe_body
from generator.content.sitepaths import GENERATED_FILES, GENERATED_FOLDERS, Claims, page_file, site_path
from tests.helpers import REPO, run_cli, serving

SECRET = "SECRET-4f1c9a: root:x:0:0"  # what an outside file holds: it must never reach the site


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    """A site with this repository's layouts, no seeds, and one ordinary briefing."""
    root = tmp_path / "site"
    (root / "content" / "briefings").mkdir(parents=True)
    (root / "seeds").mkdir()
    shutil.copytree(REPO / "layouts", root / "layouts")
    (root / "site.yaml").write_text("title: Safety\nbase_url: https://example.org/\n", encoding="utf-8")
    write(root, "briefings/ordinary.md", "title: Ordinary\ndate: 2022-03-01\n", "Nothing to see.\n")
    return root


def write(site: Path, name: str, front: str, body: str) -> Path:
    path = site / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


def outside_tree(tmp_path: Path) -> dict[str, bytes]:
    """Every file under tmp_path but the site's own folder."""
    return {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*")
            if p.is_file() and p.relative_to(tmp_path).parts[0] != "site"}


def published(site: Path) -> str:
    """Every text file of the built site, with its path, as one string to search."""
    return "\n".join(f"{p}\n{p.read_text(errors='replace')}" for p in sorted((site / "public").rglob("*"))
                     if p.is_file() and "pagefind" not in p.parts)


def reported(stderr: str) -> list[str]:
    """The build's problem lines, `file:line: message`, without their `error: ` or `warning: `."""
    return [re.sub(r"^(?:error|warning): ", "", line) for line in stderr.splitlines()]


def error_lines(stderr: str, file: str) -> list[str]:
    return [line for line in reported(stderr) if line.startswith(file)]


# 1. Every output path stays inside the output folder.

@pytest.mark.parametrize("spelling", [
    "../../../../victim/notes.html", "/../../victim/", "..\\..\\victim\\notes.html", "/%2e%2e/%2e%2e/victim/",
    "%252e%252e/%252e%252e/victim/notes.html", "..%2f..%2fvictim%2fnotes.html", "/old/\x00/x/", "http://evil.example/x",
    "//evil.example/x", "C:/victim/notes.html", "/a/./../../victim/", "/.git/config.html", "/old?x=1",
])
def test_paths_that_would_leave_the_site_are_refused(spelling):
    with pytest.raises(ValueError):
        site_path(spelling)


@pytest.mark.parametrize(("spelling", "normal"), [
    ("/old/story/", "old/story"), ("2022/03/x.html", "2022/03/x.html"), ("./a//b/", "a/b"), ("/%7Euser/", "~user"),
    ("/old%20name/", "old name"),
])
def test_paths_in_the_site_are_normalised(spelling, normal):
    assert site_path(spelling) == normal


@pytest.mark.cli
def test_front_matter_paths_out_of_the_site_are_refused_and_the_briefing_still_builds(bare, tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "notes.html").write_text("precious", encoding="utf-8")
    before = outside_tree(tmp_path)
    write(bare, "briefings/attack.md",
          'title: Attack\ndate: 2022-03-02\nurl: "../../victim/"\nslug: "../../../victim/two"\n'
          'aliases:\n  - "../../victim/notes.html"\n  - "/%2e%2e/%2e%2e/victim/three/"\n'
          '  - "..\\\\..\\\\victim\\\\four.html"\n  - "/nul\\0/x/"\n  - "/old/attack/"\n', "Body.\n")
    result = run_cli(bare, "build")
    assert result.returncode == 1
    errors = error_lines(result.stderr, "content/briefings/attack.md")
    assert any(line.startswith("content/briefings/attack.md:4: `url`:") for line in errors), result.stderr
    assert any(line.startswith("content/briefings/attack.md:5: `slug`:") for line in errors), result.stderr
    assert len([line for line in errors if line.startswith("content/briefings/attack.md:6: `aliases`:")]) == 4
    assert outside_tree(tmp_path) == before, "nothing outside the site is written"
    assert "Attack" in (bare / "public" / "briefings" / "attack" / "index.html").read_text()  # at its own URL
    assert "/briefings/attack/" in (bare / "public" / "old" / "attack" / "index.html").read_text()  # the good alias
    assert (bare / "public" / "briefings" / "ordinary" / "index.html").is_file()


@pytest.mark.cli
def test_aliases_onto_generated_files_or_other_pages_are_errors_and_the_site_builds(bare):
    write(bare, "briefings/greedy.md",
          'title: Greedy\ndate: 2022-03-02\naliases: [/feed.xml, /, /index.html, /briefings/ordinary/, '
          '/static/style.css, /2022/index.html, /people/, /sitemap.xml/x/, /old/shared/]\n', "Body.\n")
    write(bare, "briefings/second.md", "title: Second\ndate: 2022-03-03\naliases: [/old/shared/]\n", "Body.\n")
    result = run_cli(bare, "build")
    assert result.returncode == 1
    greedy = error_lines(result.stderr, "content/briefings/greedy.md:4: `aliases`:")
    assert len(greedy) == 8, result.stderr
    assert any("/briefings/ordinary/ is already the page of briefings/ordinary.md" in line for line in greedy)
    assert len(error_lines(result.stderr, "content/briefings/second.md:4: `aliases`: /old/shared/ is already")) == 1
    assert "Traceback" not in result.stderr
    public = bare / "public"
    ET.parse(public / "feed.xml")  # still the feed
    assert "Ordinary" in (public / "briefings" / "ordinary" / "index.html").read_text()
    assert "/briefings/greedy/" in (public / "old" / "shared" / "index.html").read_text()  # the first claim kept
    assert "Greedy" in (public / "briefings" / "greedy" / "index.html").read_text()


@pytest.mark.cli
def test_a_briefing_url_onto_a_generated_page_keeps_its_own(bare):
    write(bare, "briefings/home.md", 'title: Home\ndate: 2022-03-02\nurl: "/"\npermalink: /feed.xml\n', "Body.\n")
    result = run_cli(bare, "build")
    assert result.returncode == 1
    assert error_lines(result.stderr, "content/briefings/home.md:4: `url`:"), result.stderr
    assert error_lines(result.stderr, "content/briefings/home.md:5: `permalink`:"), result.stderr
    assert "Home" in (bare / "public" / "briefings" / "home" / "index.html").read_text()
    assert "Ordinary" in (bare / "public" / "index.html").read_text()  # the home page is the listing


@pytest.mark.cli
def test_the_reserved_names_cover_what_the_generator_makes(bare):
    """Every top-level file or folder of a built site is one the rules above keep briefings off,
    or the briefings' own folder: a new kind of page must be added to sitepaths."""
    for briefing in (REPO / "content" / "briefings").glob("*.md"):  # with entities, figures, dates
        shutil.copy(briefing, bare / "content" / "briefings" / briefing.name)
    write(bare, "briefings/tagged.md", "title: Tagged\ndate: 2021-01-01\ntags: [Energy]\n", "Body.\n")
    (bare / "site.yaml").write_text("title: Safety\ncname: news.example.org\npaginate: 1\n", encoding="utf-8")
    assert run_cli(bare, "build").returncode == 0
    for entry in (bare / "public").iterdir():
        name = entry.name
        assert (name in GENERATED_FILES or name in GENERATED_FOLDERS or re.fullmatch(r"\d{4}", name)
                or name == "briefings"), f"{name} is made by the generator but not reserved in sitepaths.py"


@pytest.mark.cli
def test_the_dev_server_deletes_only_what_it_made(bare, tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "notes.html").write_text("precious", encoding="utf-8")
    attack = write(bare, "briefings/attack.md",
                   'title: Attack\naliases: ["../../victim/notes.html", "../../victim/", /old/a/]\n', "Body.\n")
    config = load_config(bare / "site.yaml")
    engine, output = Site(config, MemoryStore(), jobs=1), LiveSite(config)
    output.write(engine.build(None, output, Clock(BuildResult())))
    assert (config.output_dir / "old" / "a" / "index.html").is_file()
    attack.unlink()
    changes = classify(config, bare / "site.yaml", [attack])
    output.write(engine.build(changes, output, Clock(BuildResult())))
    assert not (config.output_dir / "old" / "a").exists()  # its alias page, made by the build, is gone
    assert (victim / "notes.html").read_text() == "precious"
    assert (config.output_dir / "briefings" / "ordinary" / "index.html").is_file()


# 2. Symlinks among inputs are read only when they stay inside their folder.

@pytest.mark.cli
def test_links_out_of_the_site_are_not_read(bare, tmp_path):
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "passwd").write_text(SECRET + "\n" + "daemon:x:1:1\n" * 5, encoding="utf-8")
    (outside / "leak.md").write_text(f"---\ntitle: Leak\n---\n{SECRET}\n", encoding="utf-8")
    (outside / "folder" / "secret.txt").write_text(SECRET, encoding="utf-8")
    (bare / "seeds" / "passwd.txt").symlink_to(outside / "passwd")
    (bare / "content" / "briefings" / "leak.md").symlink_to(outside / "leak.md")
    (bare / "layouts" / "static" / "leaked").symlink_to(outside / "folder")
    (bare / "layouts" / "static" / "leak.txt").symlink_to(outside / "passwd")
    (bare / "layouts" / "static" / "twin.css").symlink_to(bare / "layouts" / "static" / "style.css")  # inside: fine
    result = run_cli(bare, "build")
    assert result.returncode == 1
    for link in ("seeds/passwd.txt", "content/briefings/leak.md", "layouts/static/leaked", "layouts/static/leak.txt"):
        assert any(line.startswith(link) and "outside" in line for line in reported(result.stderr)), \
            f"{link} not reported:\n{result.stderr}"
    assert SECRET not in published(bare)
    assert not list((bare / "content").rglob("passwd*"))  # no briefing made from the link
    assert (bare / "public" / "static" / "twin.css").read_bytes() == (bare / "layouts" / "static" / "style.css").read_bytes()
    assert (bare / "public" / "briefings" / "ordinary" / "index.html").is_file()
    assert "Traceback" not in result.stderr


@pytest.mark.cli
def test_a_layout_linked_out_of_the_site_is_not_read(bare, tmp_path):
    (tmp_path / "evil.html").write_text(SECRET, encoding="utf-8")
    (bare / "layouts" / "evil.html").symlink_to(tmp_path / "evil.html")
    write(bare, "briefings/evil-layout.md", "title: Evil layout\nlayout: evil\n", "Body.\n")
    result = run_cli(bare, "build")
    assert result.returncode == 1
    assert any(line.startswith("layouts/evil.html: ") and "outside" in line for line in reported(result.stderr)), \
        result.stderr
    assert not (bare / "public").exists() or SECRET not in published(bare)
    assert "Traceback" not in result.stderr


# 3. Sanitised output everywhere.

HOSTILE_BODY = """# Heading <script>window.pwned = 'heading'</script>

Text <script>window.pwned = 'body'</script> and <em>emphasis</em> kept.

[click](javascript:window.pwned='link') [upper](JaVaScRiPt:alert(1)) [entity](&#106;avascript:alert(1))
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![img](javascript:alert(1))

<iframe src="https://evil.example/"></iframe>
<img src="x" onerror="window.pwned='img'">
<a href="vbscript:msgbox(1)">vb</a>

A paragraph with an attribute list.
{: onclick="window.pwned='attr'" }

[safe](https://news.example.net/story) [mail](mailto:desk@example.org) [relative](ordinary.md) [root](/briefings/ordinary/)

| a | b |
|:--|--:|
| 1 | 2 |
"""
UNSAFE = ("<script", "javascript:", "vbscript:", "onerror", "onclick", "<iframe", "data:text/html", "window.pwned")


def hostile(site: Path) -> None:
    write(site, "briefings/hostile.md",
          'title: Hostile\ndate: 2022-03-05\nsource:\n  name: Evil\n  url: "javascript:alert(document.cookie)"\n',
          HOSTILE_BODY)


@pytest.mark.cli
def test_bodies_and_links_are_sanitised_on_the_page_and_in_both_feeds(bare):
    hostile(bare)
    result = run_cli(bare, "build")
    assert result.returncode == 0, result.stderr
    public = bare / "public"
    page = (public / "briefings" / "hostile" / "index.html").read_text()
    page = page.split('<div class="body">', 1)[1].split("</article>", 1)[0]  # the site's own scripts aside
    atom = ET.parse(public / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = next(e for e in atom.findall("a:entry", ns) if e.findtext("a:title", namespaces=ns) == "Hostile")
    atom_html = entry.findtext("a:content", namespaces=ns)
    atom_links = [link.get("href") for link in entry.findall("a:link", ns)]
    item = next(i for i in json.loads((public / "feed.json").read_text())["items"] if i["title"] == "Hostile")
    assert not [bad for bad in UNSAFE if bad in json.dumps(item).lower()]
    for shown in (page, atom_html, item["content_html"]):
        lowered = shown.lower()
        assert not [bad for bad in UNSAFE if bad in lowered], [bad for bad in UNSAFE if bad in lowered]
        assert "<em>emphasis</em>" in shown and 'href="https://news.example.net/story"' in shown
        assert 'href="mailto:desk@example.org"' in shown and 'href="/briefings/ordinary/"' in shown
        assert "<table>" in shown and ">click</a>" in shown  # the link's text stays, without its href
    assert not any("javascript" in href for href in atom_links) and "external_url" not in item
    warnings = error_lines(result.stderr, "content/briefings/hostile.md")
    assert any(line.startswith("content/briefings/hostile.md:6: `source.url`") for line in warnings), result.stderr
    for line, url in ((12, "javascript:window.pwned='link'"), (12, "JaVaScRiPt:alert(1)"), (12, "&#106;avascript:alert(1)"),
                      (13, "data:text/html"), (13, "javascript:alert(1)"), (17, "vbscript:msgbox(1)")):
        assert any(w.startswith(f"content/briefings/hostile.md:{line}: link to ") and repr(url)[:-1] in w
                   for w in warnings), (url, warnings)


@pytest.mark.cli
def test_unsafe_html_keeps_raw_html_for_trusted_sites(bare):
    hostile(bare)
    with (bare / "site.yaml").open("a") as settings:
        settings.write("unsafe_html: true\n")
    assert run_cli(bare, "build").returncode == 0
    page = (bare / "public" / "briefings" / "hostile" / "index.html").read_text()
    assert '<iframe src="https://evil.example/"></iframe>' in page and "<script>window.pwned = 'body'</script>" in page
    assert 'href="javascript:alert(document.cookie)"' not in page  # front-matter URLs are checked all the same


@pytest.mark.cli
def test_clean_bodies_are_the_same_html_as_markdown_makes(bare):
    """The fast way (no cleaner for a body Markdown alone made) changes nothing a clean body shows."""
    body = "## Part *one*\n\nA [link](https://example.org/?a=1&b=2) and “quotes” -- and `code`.\n\n- one\n- two\n"
    write(bare, "briefings/clean.md", "title: Clean\n", body)
    assert run_cli(bare, "build").returncode == 0
    safe = (bare / "public" / "briefings" / "clean" / "index.html").read_text()
    with (bare / "site.yaml").open("a") as settings:
        settings.write("unsafe_html: true\n")
    assert run_cli(bare, "build").returncode == 0
    assert (bare / "public" / "briefings" / "clean" / "index.html").read_text() == safe


@pytest.mark.browser
def test_no_script_from_a_body_or_heading_runs_in_chromium(browser, bare):
    hostile(bare)
    write(bare, "briefings/untitled.md", "date: 2022-03-07\n",  # its title is its heading, script and all
          "# Breaking <script>window.pwned = 'title'</script> news\n\nText <img src=x onerror=\"window.pwned=1\">.\n")
    (bare / "site.yaml").write_text("title: Safety\nbase_url: /\n", encoding="utf-8")
    assert run_cli(bare, "build").returncode == 0
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serving(bare / "public") as url:
        for path in ("briefings/hostile/", "briefings/untitled/", ""):
            page.goto(url + path)
            page.wait_for_load_state("load")
            for link in page.locator("main a").all():  # a click on any link runs no script either
                href = link.get_attribute("href")
                assert href is None or not href.lower().startswith(("javascript", "data", "vbscript"))
            page.locator("main p").first.click()
            assert page.evaluate("typeof window.pwned") == "undefined", path
            assert page.locator("iframe").count() == 0
        assert "<script>" in page.locator("main").inner_text()  # the derived title is shown as text
    assert dialogs == []
    page.close()


# 4. Feeds free of control characters.

CONTROLS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]))


@pytest.mark.cli
def test_control_characters_never_reach_the_feeds(bare):
    write(bare, "briefings/controls.md", 'title: "Bell \\a and escape \\e here"\ndate: 2022-03-06\n'
          'summary: "Vertical \\v tab"\ntags: ["form\\ffeed"]\n',
          f"Text with {CONTROLS} every control, \x1b[31m an ANSI colour, \x0b and \x0c.\n")
    result = run_cli(bare, "build")
    assert result.returncode == 0, result.stderr
    public = bare / "public"
    ET.parse(public / "feed.xml")  # well-formed
    text = (public / "feed.xml").read_text() + (public / "feed.json").read_text()
    feed = json.loads((public / "feed.json").read_text())
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", json.dumps(feed, ensure_ascii=False).replace("\\u", "u"))

    def strings(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for each in value.values():
                yield from strings(each)
        elif isinstance(value, list):
            for each in value:
                yield from strings(each)
    assert not [s for s in strings(feed) if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", s)]
    item = next(i for i in feed["items"] if i["title"].startswith("Bell"))
    assert item["title"] == "Bell  and escape  here" and "every control" in item["content_html"]


def test_claims_see_a_file_where_a_folder_is_needed_and_the_other_way():
    claims = Claims()
    claims.claim(page_file("old.html"), "A")
    claims.claim(page_file("briefings/x/"), "B")
    assert claims.taken(page_file("old.html/")) == "A"  # old.html/index.html needs a folder where A's file is
    assert claims.taken(page_file("briefings.html")) is None
    assert claims.taken("briefings") == "B"  # a file where B's folder is
    assert claims.taken(page_file("/briefings/x")) == "B" and claims.taken(page_file("briefings/y/")) is None


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, tuple]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        # nh3 writes a style as `text-align:left`, Markdown as `text-align: left;`: the same
        self.seen.append((tag, tuple(sorted((k, v.replace(" ", "").rstrip(";") if k == "style" else v)
                                            for k, v in attrs))))


def _tags(markup: str) -> list[tuple[str, tuple]]:
    parser = _Tags()
    parser.feed(markup)
    return parser.seen


def test_what_the_fast_way_lets_through_the_cleaner_would_keep_whole(tmp_path):
    """The bodies the sanitiser passes without nh3 (no `<`, no `{`, plain URLs): nh3 would have
    kept every element and attribute of them, on a realistic corpus and on Markdown's every kind."""
    from bench import corpus
    corpus.write_content(corpus.briefings(30), tmp_path / "content" / "briefings")
    (tmp_path / "content" / "kinds.md").write_text(
        "---\ntitle: Kinds\n---\n# One\n\n## Two\n\nText *em* **strong** `code` [link](https://a.example/?x=1&y=2 \"T\")\n\n"
        "![alt](/static/map.png)\n\n> quote\n\n1. one\n2. two\n\n- a\n- b\n\n    code block\n\n---\n\n"
        "| h | i |\n|:-|-:|\n| 1 | 2 |\n\nTerm\n:   definition\n\nFoot[^1].\n\n[^1]: note\n\n*[HTML]: Hyper Text\n\nHTML\n",
        encoding="utf-8")
    (tmp_path / "site.yaml").write_text("title: t\n", encoding="utf-8")
    config = load_config(tmp_path / "site.yaml")
    documents = load_content(config.content_dir).documents
    renderer = Renderer(config)
    renderer.link_to(documents)
    for document in documents:
        html = renderer.markdown_html(document)
        assert safe_body(html, document.body) is html, document.path  # the fast way
        assert _tags(sanitise._CLEANER.clean(html)) == _tags(html), document.path
