"""`build` as a user runs it: seeds -> briefings -> site, edits kept, problems reported by file and line."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import NATIONAL_SLUG, NEWSWEEK_SLUG, REPO, briefing, page, run_cli

pytestmark = pytest.mark.cli


def test_build_ingests_seeds_and_renders_the_site(site):
    result = run_cli(site, "build")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"Built public: 2 ingested, 2 rendered, 0 failed, (\d+) pages \(\1 new or changed\) in [\d.]+s\n", result.stdout)
    national = page(site, f"briefings/{NATIONAL_SLUG}")
    assert "Russia has lost 14,000 troops, Ukraine’s defence minister estimates</h1>" in national
    assert 'href="https://thenationalnews.com/"' in national and ">The National</a>" in national
    assert "c. 17 March 2022" in national and "date inferred" in national  # a window from 17 to 23 March
    assert "Key points" in national and "Oleksii Reznikov said the Ukrainian resistance had destroyed 450 tanks" in national
    assert '<a href="https://www.thenationalnews.com/tags/russia/">Russia</a>' in national
    newsweek = page(site, f"briefings/{NEWSWEEK_SLUG}")
    assert "By Jack Dutton" in newsweek and ">Newsweek</a>" in newsweek
    assert "About the writer" not in newsweek
    home = page(site, "")
    assert home.index(NATIONAL_SLUG) < home.index(NEWSWEEK_SLUG), "newest first"
    assert "c. 9 March 2022" in home and "Newsweek" in home


def test_rebuild_does_not_reingest_unchanged_seeds(site):
    run_cli(site, "build")
    before = {p: p.read_bytes() for p in (site / "content").rglob("*.md")}
    (site / "seeds" / "unrelated.txt").write_text("")  # a change, so that the build runs
    result = run_cli(site, "build")
    assert "0 ingested, 2 rendered" in result.stdout
    assert {p: p.read_bytes() for p in (site / "content").rglob("*.md")} == before


def test_edited_briefing_survives_a_changed_seed(site):
    run_cli(site, "build")
    path = briefing(site, NEWSWEEK_SLUG)
    edited = path.read_text().replace("Military analysts say", "EDITOR'S NOTE. Military analysts say")
    path.write_text(edited)
    with (site / "seeds" / "003_bd12803d39086d5b.txt").open("a") as seed:
        seed.write("\nA late paragraph the publisher added on Wednesday.\n")
    result = run_cli(site, "build")
    assert result.returncode == 0
    assert f"warning: content/briefings/{NEWSWEEK_SLUG}.md: seeds/003_bd12803d39086d5b.txt changed, but this briefing was edited" in result.stderr
    assert path.read_text() == edited
    assert "EDITOR&rsquo;S NOTE. Military analysts say" in page(site, f"briefings/{NEWSWEEK_SLUG}")


def test_unedited_briefing_follows_its_changed_seed(site):
    run_cli(site, "build")
    with (site / "seeds" / "003_bd12803d39086d5b.txt").open("a") as seed:
        seed.write("\nA late paragraph the publisher added on Wednesday.\n")
    result = run_cli(site, "build")
    assert "1 ingested" in result.stdout and "warning" not in result.stderr
    assert "A late paragraph the publisher added" in briefing(site, NEWSWEEK_SLUG).read_text()


def test_briefings_are_read_for_their_seed_again_only_when_changed(site, monkeypatch):
    from generator.utils import filememo
    from generator.config.settings import load_config
    from generator.ingest import stage

    monkeypatch.setattr(filememo, "RACY_NS", 0)  # trust files written a moment ago
    config = load_config(site / "site.yaml")
    kept: dict = {}  # what the build cache keeps between builds
    assert len(stage.ingest_seeds(config, store=kept).written) == 2
    stage.ingest_seeds(config, store=kept)  # reads the two briefings written
    read = []
    monkeypatch.setattr(stage, "_existing", lambda path, existing=stage._existing: read.append(path.name) or existing(path))
    assert stage.ingest_seeds(config, store=kept).unchanged == 2 and read == []
    path = briefing(site, NEWSWEEK_SLUG)
    path.write_text(path.read_text().replace("Military analysts say", "EDITOR'S NOTE. Military analysts say"))
    with (site / "seeds" / "003_bd12803d39086d5b.txt").open("a") as seed:
        seed.write("\nA late paragraph the publisher added on Wednesday.\n")
    report = stage.ingest_seeds(config, store=kept)
    assert read == [path.name] and not report.written and "edited by hand" in report.conflicts[0].message


def test_an_empty_archive_still_has_its_home_page_and_timeline(tmp_path):
    (tmp_path / "site.yaml").write_text(f"title: Empty\nlayouts_dir: {REPO / 'layouts'}\n")
    result = run_cli(tmp_path, "build", "--strict")
    assert result.returncode == 0 and result.stderr == ""
    public = tmp_path / "public"
    assert "No briefings yet" in (public / "index.html").read_text()
    assert "No dated briefings yet" in (public / "timeline" / "index.html").read_text()
    assert not (public / "figures" / "other").exists()


def test_a_window_open_above_shows_its_first_day_and_no_date(tmp_path):
    (tmp_path / "site.yaml").write_text(f"title: Open\nlayouts_dir: {REPO / 'layouts'}\n")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "open.md").write_text(
        "---\ntitle: Open window\ndate_inference:\n  earliest: 2022-03-17\n  confidence: low\n"
        "  evidence: [a linked story is dated 2022-03-17]\n---\nText.\n", encoding="utf-8")
    assert run_cli(tmp_path, "build").returncode == 0
    shown = (tmp_path / "public" / "open" / "index.html").read_text(encoding="utf-8")
    assert "17 March 2022 or later" in shown and "c. 17 March" not in shown


def test_a_seed_the_generator_fails_on_is_one_error_and_the_rest_is_built(site, monkeypatch):
    from generator.engine.build import build_site
    from generator.config.settings import load_config
    from generator.ingest import stage

    def fail_on_one(article, *args, make=stage.make_briefing):
        if article.seed.path.name.startswith("003"):
            raise KeyError("says")
        return make(article, *args)

    monkeypatch.setattr(stage, "make_briefing", fail_on_one)
    result = build_site(load_config(site / "site.yaml"))
    [error] = result.errors
    assert error.path.name.startswith("003") and "the generator failed on it (KeyError('says'))" in error.message
    assert result.ingested and (site / "public" / "briefings" / NATIONAL_SLUG / "index.html").exists()


@pytest.mark.parametrize("front, body", [
    ("title: A\nseed:\n  path: seeds/a.txt\n  sha256: 'ab'\n\n  ingest_version: 2\ngenerated_sha256: cd\n", ""),
    ("seed: {path: seeds/a.txt, sha256: ab}\ntitle: A\n", ""),
    ("seed:\n  path: &p seeds/a.txt\ntitle: *p\n", ""),  # an anchor the snippet alone cannot resolve
    ("title: A\n", "seed:\n  path: in the body, not a record\n"),
    ("seed:\n  path: seeds/a.txt\nseed:\n  path: seeds/b.txt\n", ""),  # twice: the whole front-matter says which
])
def test_a_seed_record_read_from_its_own_lines_is_the_front_matters(front, body):
    from generator.ingest.stage import _seed_record
    from generator.config.yamlfile import split_front_matter

    text = f"---\n{front}---\n\n{body}"
    whole = split_front_matter(text, Path("x.md")).meta.data.get("seed") or {}
    assert _seed_record(text, Path("x.md")) == whole


def test_a_seed_record_with_an_impossible_date_is_read_from_its_raw_lines():
    from generator.ingest.stage import _seed_record

    sha = "ab" * 32
    text = f"---\ntitle: A\nseed:\n  path: seeds/a.txt\n  sha256: {sha}\n  fetched: 2024-13-45\n---\n\nBody\n"
    assert _seed_record(text, Path("x.md")) == {"path": "seeds/a.txt", "sha256": sha}


def test_moved_briefing_is_still_recognised(site):
    run_cli(site, "build")
    old = briefing(site, NEWSWEEK_SLUG)
    new = site / "content" / "2022" / "casualties.md"
    new.parent.mkdir()
    old.rename(new)
    result = run_cli(site, "build")
    assert "0 ingested" in result.stdout and not old.exists()
    assert (site / "public" / "2022" / "casualties" / "index.html").exists()


def test_bad_front_matter_names_file_and_line_and_the_rest_builds(site):
    run_cli(site, "build")
    path = briefing(site, NEWSWEEK_SLUG)
    lines = path.read_text().splitlines(keepends=True)
    lines[2] = "date: [unclosed\n"
    path.write_text("".join(lines))
    result = run_cli(site, "build")
    assert result.returncode == 1
    assert re.search(rf"^error: content/briefings/{NEWSWEEK_SLUG}\.md:\d+: invalid YAML", result.stderr, re.M)
    assert "0 ingested, 1 rendered, 1 failed" in result.stdout, "a broken briefing still claims its seed"
    assert len(list((site / "content").rglob("*.md"))) == 2
    assert (site / "public" / "briefings" / NATIONAL_SLUG / "index.html").exists()
    assert "Traceback" not in result.stderr


def test_schema_error_names_the_key_line(site):
    (site / "content" / "bad.md").write_text("---\ntitle: Fine\ndraft: maybe\n---\nBody\n")
    result = run_cli(site, "build")
    assert result.returncode == 1
    assert "error: content/bad.md:3: `draft` must be true or false" in result.stderr


def test_every_schema_error_of_a_file_is_reported(site):
    (site / "content" / "bad.md").write_text("---\ntitle: Fine\ndraft: maybe\ntags: 7\n---\nBody\n")
    result = run_cli(site, "build")
    assert result.returncode == 1
    assert "error: content/bad.md:3: `draft` must be true or false" in result.stderr
    assert re.search(r"^error: content/bad\.md:4: `tags` ", result.stderr, re.M)


def test_a_site_without_its_layouts_folder_says_so_once(site):
    shutil.rmtree(site / "layouts")
    result = run_cli(site, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    assert errors[0] == "error: layouts: no such folder: it should hold the page templates (site.yaml's layouts_dir, by default layouts/)"
    assert "error: layouts/briefing.html: template not found" in errors
    assert len(errors) == len(set(errors)) and f" {len(errors)} failed, " in result.stdout


def test_a_folder_named_like_a_briefing_is_a_folder(site):
    """content/notes.md/ holds briefings; it is not one itself (reading it crashed the build)."""
    (site / "content" / "notes.md").mkdir(parents=True)
    (site / "content" / "notes.md" / "inside.md").write_text("---\ntitle: Inside\n---\nBody.\n", encoding="utf-8")
    result = run_cli(site, "build")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "3 rendered" in result.stdout


def test_an_impossible_date_names_its_line_and_the_rest_builds(site):
    (site / "content" / "bad.md").write_text("---\ntitle: Fine\ndate: 2024-13-01\n---\nBody\n")
    result = run_cli(site, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "error: content/bad.md:3: invalid YAML: '2024-13-01' is not a valid timestamp" in result.stderr
    assert "2 rendered, 1 failed" in result.stdout


def test_unclosed_front_matter_and_bad_encoding(site):
    (site / "content" / "open.md").write_text("---\ntitle: Never closed\n")
    (site / "content" / "latin.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    result = run_cli(site, "build")
    assert "content/open.md:1: front-matter opened with --- on line 1 is never closed" in result.stderr
    assert "content/latin.md: not UTF-8 text" in result.stderr
    assert "2 rendered, 2 failed" in result.stdout


def test_broken_seed_is_reported_and_the_rest_builds(site):
    (site / "seeds" / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    result = run_cli(site, "build")
    assert result.returncode == 1
    assert "error: seeds/broken.txt: looks like a binary file, not an article" in result.stderr
    assert "2 ingested, 2 rendered, 1 failed" in result.stdout


def test_a_briefing_that_cannot_be_read_is_one_error_and_the_rest_builds(site):
    """A dangling link in content/ (its target moved away): the hashing, ingest's look for seed
    records and the load each went to the file and crashed the build with a traceback."""
    (site / "content" / "moved.md").symlink_to(site / "elsewhere" / "moved.md")
    result = run_cli(site, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "error: content/moved.md: cannot read the file: No such file or directory" in result.stderr
    assert "2 ingested, 2 rendered, 1 failed" in result.stdout
    again = run_cli(site, "build")  # nothing changed: said again, not built again
    assert "nothing changed" in again.stdout and "content/moved.md: cannot read the file" in again.stderr
    (site / "content" / "moved.md").unlink()
    assert "0 failed" in run_cli(site, "build").stdout


def test_a_seed_that_cannot_be_read_is_one_error_and_the_rest_builds(site):
    """A dangling link among the seeds was passed over in silence."""
    (site / "seeds" / "moved.txt").symlink_to(site / "elsewhere" / "moved.txt")
    result = run_cli(site, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "error: seeds/moved.txt: cannot read the file: No such file or directory" in result.stderr
    assert "2 ingested, 2 rendered, 1 failed" in result.stdout


def test_template_error_names_template_line_and_the_rest_builds(site):
    layout = site / "layouts" / "briefing.html"
    text = layout.read_text()
    assert "{{ page.title | typography }}</h1>" in text
    layout.write_text(text.replace("{{ page.title | typography }}</h1>", "{{ page.title | nosuchfilter }}</h1>"))
    result = run_cli(site, "build")
    assert result.returncode == 1
    assert re.search(r"error: layouts/briefing\.html:\d+: template syntax error: .*nosuchfilter", result.stderr)
    assert (site / "public" / "index.html").exists()


def test_hand_written_hugo_and_jekyll_briefings(site):
    (site / "content" / "notes").mkdir()
    (site / "content" / "notes" / "hugo-style.md").write_text(
        '+++\ntitle = "Hugo note"\ndate = 2022-04-01T10:00:00Z\ntags = ["kyiv"]\naliases = ["/old/hugo-note/"]\n+++\nWritten **by hand**.\n')
    (site / "content" / "2022-04-02-jekyll-note.md").write_text("---\ntitle: Jekyll note\nauthor: Ann Lee\n---\nAlso by hand.\n")
    (site / "content" / "draft.md").write_text("---\ntitle: Not yet\ndraft: true\n---\nSecret\n")
    result = run_cli(site, "build")
    assert result.returncode == 0, result.stderr
    hugo = page(site, "notes/hugo-style")
    assert "<strong>by hand</strong>" in hugo and "1 April 2022" in hugo and "date inferred" not in hugo
    assert "2 April 2022" in page(site, "jekyll-note") and "By Ann Lee" in page(site, "jekyll-note")
    assert 'url=/notes/hugo-style/' in page(site, "old/hugo-note")
    assert not (site / "public" / "draft").exists()
    home = page(site, "")
    assert home.index("Jekyll note") < home.index("Hugo note") < home.index(NATIONAL_SLUG)
    assert (site / "public" / "draft" / "index.html").exists() is False
    run_cli(site, "build", "--drafts")
    assert "Secret" in page(site, "draft")


def test_base_url_subpath_prefixes_every_link(site):
    result = run_cli(site, "build", "--base-url", "https://user.github.io/briefings/")
    assert result.returncode == 0
    home = page(site, "")
    assert 'href="/briefings/static/style.css"' in home
    assert f'href="/briefings/briefings/{NATIONAL_SLUG}/"' in home
    hrefs = re.findall(r'(?:href|src)="(/[^"]*)"', home)
    assert hrefs and all(h.startswith("/briefings/") for h in hrefs)


def test_pagination(site):
    (site / "site.yaml").write_text((site / "site.yaml").read_text().replace("paginate: 20", "paginate: 1"))
    run_cli(site, "build")
    first, second = page(site, ""), page(site, "page/2")
    assert NATIONAL_SLUG in first and NEWSWEEK_SLUG not in first and 'rel="next" href="/page/2/"' in first
    assert NEWSWEEK_SLUG in second and 'rel="prev" href="/"' in second


def test_bad_site_yaml_is_one_line_with_the_line_number(site):
    (site / "site.yaml").write_text("title: Archive\npaginate: lots\n")
    result = run_cli(site, "build")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: site.yaml:2: `paginate` must be a whole number"


def test_every_command_has_help(site):
    for args in (["--help"], ["build", "--help"]):
        result = run_cli(site, *args)
        assert result.returncode == 0 and "Usage:" in result.stdout


def test_ctrl_c_stops_a_build_on_every_core_without_a_traceback(tmp_path):
    """The terminal sends Ctrl-C to every process of the build: the workers leave it to the main
    process, which stops them all and says "Aborted!"; the last site stays in place."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from bench import corpus
    from tests.helpers import REPO

    corpus.write_content(corpus.briefings(1500), tmp_path / "content" / "briefings")
    (tmp_path / "site.yaml").write_text(f"title: Big\nlayouts_dir: {REPO / 'layouts'}\n", encoding="utf-8")
    build = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=tmp_path, start_new_session=True,
                             env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(2.5)  # loading or linking, on both cores (a cold build of 1,500 briefings takes about 6 s)
    os.killpg(build.pid, signal.SIGINT)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 1 and stderr.strip().endswith("Aborted!"), stderr
    assert "Traceback" not in stderr and not (tmp_path / "public").exists()


def test_a_build_on_a_terminal_shows_its_stages_and_a_bar_of_briefings_rendered(tmp_path):
    """On a terminal, stderr shows the stage and, while rendering, how many briefing pages the
    workers made, redrawn in place; the summary still goes to stdout, and no bar is left behind."""
    import pty
    import subprocess
    import sys

    from bench import corpus
    from tests.helpers import REPO

    corpus.write_content(corpus.briefings(600), tmp_path / "content" / "briefings")
    (tmp_path / "site.yaml").write_text(f"title: Big\nlayouts_dir: {REPO / 'layouts'}\n", encoding="utf-8")
    terminal, stderr = pty.openpty()
    build = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=tmp_path, stdout=subprocess.PIPE,
                             stderr=stderr, env={**os.environ, "PYTHONPATH": str(REPO)}, text=True)
    os.close(stderr)
    shown = b""
    while chunk := _read_terminal(terminal):
        shown += chunk
    stdout, _ = build.communicate(timeout=300)
    lines = shown.decode().replace("\x1b[K", "").split("\r")
    assert build.returncode == 0 and "600 rendered" in stdout
    assert {"ingest…", "load…", "link…", "render and write…", "check…"} <= set(lines), lines
    counts = [int(m.group(1).replace(",", "")) for line in lines
              if (m := re.fullmatch(r"render and write \[[█░]{30}\] ([\d,]+)/600 briefings", line))]
    assert counts == sorted(counts) and counts[-1] == 600, lines
    assert lines[-1] == ""


def _read_terminal(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # the other end closed: Linux says EIO
        return b""
