"""The build cache: an unchanged site is not rebuilt, an edit remakes only the pages that show it,
unchanged files are never rewritten, and the cache never changes what is built."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from generator.utils.filememo import RACY_NS
from tests.helpers import NATIONAL_SLUG, NEWSWEEK_SLUG, briefing, run_cli, tree


def pages_made(stdout: str) -> tuple[int, int]:
    found = re.search(r"(\d+) pages \((\d+) new or changed\)", stdout)
    assert found, stdout
    return int(found.group(1)), int(found.group(2))


def files(site: Path) -> dict[str, tuple[int, int]]:
    """Each output file's inode and modification time: what a rewrite would change."""
    public = site / "public"
    return {p.relative_to(public).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in public.rglob("*") if p.is_file()}


def test_unchanged_site_is_not_rebuilt(site):
    assert run_cli(site, "build").returncode == 0
    before = files(site)
    again = run_cli(site, "build")
    assert again.returncode == 0 and "nothing changed since the last build" in again.stdout
    assert files(site) == before


def test_a_build_with_nothing_to_do_writes_no_file_hashes_unless_a_time_changed(site):
    """The stamp, which holds every file's hash, is written again only when the hashes differ:
    after a touch, which changes a file's time but not its bytes, so it is not hashed again next time."""
    assert run_cli(site, "build").returncode == 0
    time.sleep(RACY_NS / 1e9)
    assert "nothing changed" in run_cli(site, "build").stdout  # files written moments before the last one read are hashed again
    hashes = site / ".cache" / "build-stamp.json"
    written = hashes.stat().st_mtime_ns
    assert "nothing changed" in run_cli(site, "build").stdout
    assert hashes.stat().st_mtime_ns == written
    seed = next((site / "seeds").iterdir())
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 10**9))
    assert "nothing changed" in run_cli(site, "build").stdout
    assert str(seed.stat().st_mtime_ns) in hashes.read_text()


def test_a_build_with_nothing_to_do_loads_no_stage(site):
    """Markdown, Jinja, numpy and the stages are imported only when there is something to build:
    importing them took a third of a second, about as long as the rest of such a build."""
    import subprocess
    import sys

    from tests.helpers import REPO

    assert run_cli(site, "build").returncode == 0
    script = ("import sys\nfrom generator.cli import main\ntry:\n    main(['build'])\nexcept SystemExit:\n    pass\n"
              "print(sorted(m for m in ('generator.engine.pipeline', 'markdown', 'jinja2', 'numpy') if m in sys.modules))")
    again = subprocess.run([sys.executable, "-c", script], cwd=site, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(REPO)})
    assert "nothing changed since the last build" in again.stdout and again.stdout.rstrip().endswith("[]"), again


def test_a_save_during_a_build_is_built_by_the_next_one(site, monkeypatch):
    """A briefing saved after the build read it: the stamp records the file as the build read it,
    so the next build sees the change (it recorded the file as it was at the end, and the next
    build found "nothing changed" and kept the page without the edit)."""
    from generator.engine import pipeline
    from generator.engine.build import build_site
    from generator.config.settings import load_config

    assert run_cli(site, "build").returncode == 0
    config = load_config(site / "site.yaml")
    edited = sorted((site / "content").rglob("*.md"))[0]

    def save_while_linking(config, documents, *args, link=pipeline.link_archive, **kwargs):
        edited.write_text(edited.read_text() + "\nA sentence saved during the build.\n")
        return link(config, documents, *args, **kwargs)

    (site / "content" / "new.md").write_text("---\ntitle: New\n---\n\nSomething to build.\n")
    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "link_archive", save_while_linking)
        build_site(config)
    again = build_site(config)
    assert not again.unchanged
    assert any("A sentence saved during the build." in page.read_text() for page in (site / "public").rglob("*.html"))


def test_a_briefing_made_during_a_build_is_built_by_the_next_one(site, monkeypatch):
    """One made after the build listed content/ is not in it: the stamp says the build did not
    read it (it recorded it as built)."""
    from generator.engine import pipeline
    from generator.engine.build import build_site
    from generator.config.settings import load_config

    assert run_cli(site, "build").returncode == 0
    config = load_config(site / "site.yaml")

    def make_while_linking(config, documents, *args, link=pipeline.link_archive, **kwargs):
        (site / "content" / "late.md").write_text("---\ntitle: Late\n---\n\nMade during the build.\n")
        return link(config, documents, *args, **kwargs)

    (site / "content" / "new.md").write_text("---\ntitle: New\n---\n\nSomething to build.\n")
    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "link_archive", make_while_linking)
        build_site(config)
    assert not (site / "public" / "late").exists()
    assert not build_site(config).unchanged
    assert "Made during the build." in (site / "public" / "late" / "index.html").read_text()


def test_a_briefing_deleted_during_a_build_is_gone_after_the_next_one(site, monkeypatch):
    """The build made its page; the stamp says it read the file, so the next build takes it out
    (it left the page of a briefing that is no more)."""
    from generator.engine import pipeline
    from generator.engine.build import build_site
    from generator.config.settings import load_config

    assert run_cli(site, "build").returncode == 0
    config = load_config(site / "site.yaml")
    doomed = site / "content" / "doomed.md"
    doomed.write_text("---\ntitle: Doomed\n---\n\nDeleted during the build.\n")

    def delete_while_linking(config, documents, *args, link=pipeline.link_archive, **kwargs):
        doomed.unlink()
        return link(config, documents, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "link_archive", delete_while_linking)
        build_site(config)
    assert (site / "public" / "doomed").exists()
    assert not build_site(config).unchanged
    assert not (site / "public" / "doomed").exists()


def test_a_template_saved_during_a_cold_build_is_built_by_the_next_one(site, monkeypatch):
    """The same for a layout saved after the render read it, while the site is checked: a cold
    build has no stamp to compare, and noted the layouts only at its end."""
    from generator.engine import pipeline
    from generator.engine.build import build_site
    from generator.config.settings import load_config

    config = load_config(site / "site.yaml")
    base = site / "layouts" / "base.html"

    def save_while_checking(*args, check=pipeline.LinkChecker.check, **kwargs):
        base.write_text(base.read_text().replace("</body>", "<!-- saved during the build --></body>"))
        return check(*args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(pipeline.LinkChecker, "check", save_while_checking)
        build_site(config)
    assert not build_site(config).unchanged
    assert "saved during the build" in (site / "public" / "index.html").read_text()


def test_edit_remakes_only_the_pages_showing_it_and_keeps_other_files(site):
    total, made = pages_made(run_cli(site, "build").stdout)
    assert made == total
    before = files(site)
    path = briefing(site, NEWSWEEK_SLUG)
    path.write_text(path.read_text(encoding="utf-8").replace("social media channels", "social media channels (Twitter)", 1),
                    encoding="utf-8")
    total, made = pages_made(run_cli(site, "build").stdout)
    assert 0 < made < total  # its page, and the listings, entity pages and feeds that show it
    after = files(site)
    assert before[f"briefings/{NATIONAL_SLUG}/index.html"] == after[f"briefings/{NATIONAL_SLUG}/index.html"]
    assert before[f"briefings/{NEWSWEEK_SLUG}/index.html"] != after[f"briefings/{NEWSWEEK_SLUG}/index.html"]
    assert "social media channels (Twitter)" in (site / "public" / f"briefings/{NEWSWEEK_SLUG}/index.html").read_text()


def test_a_newest_briefing_leaves_the_earlier_timeline_pages_alone(site):
    """The timeline runs oldest first, so the usual new briefing, the latest, lands on its last page."""
    (site / "site.yaml").write_text((site / "site.yaml").read_text() + "\npaginate_compact: 1\n")
    run_cli(site, "build")
    before = files(site)
    (site / "content" / "later.md").write_text("---\ntitle: Later\ndate: 2022-04-01\n---\n\nLater news.\n")
    assert run_cli(site, "build").returncode == 0
    after = files(site)
    assert after["timeline/index.html"] == before["timeline/index.html"]
    assert after["timeline/page/2/index.html"] != before["timeline/page/2/index.html"]  # it links to the next now
    assert "Later" in (site / "public" / "timeline" / "page" / "3" / "index.html").read_text()


def test_a_body_edit_leaves_the_list_pages_that_show_the_briefing_alone(site):
    """Entity, archive, timeline and home pages get a briefing's title, date, source and summary
    (pages/views.py), and summary feeds what their entries show, not the Document: an edit to
    its body alone does not make them again."""
    run_cli(site, "build")
    public = site / "public"
    lists = [p for p in public.rglob("index.html")
             if p.relative_to(public).parts[0] in ("people", "places", "organisations", "2022", "timeline")]
    lists.append(public / "index.html")
    assert len(lists) > 10 and any(NEWSWEEK_SLUG in p.read_text() for p in lists if "people" in p.parts)
    before = {p: p.stat().st_ino for p in lists}
    path = briefing(site, NEWSWEEK_SLUG)
    path.write_text(path.read_text(encoding="utf-8").replace("social media channels", "social channels", 1), encoding="utf-8")
    total, made = pages_made(run_cli(site, "build").stdout)
    assert made <= 6  # its page, the related briefing whose score follows its wording, the full-text feeds, the sitemap
    assert {p: p.stat().st_ino for p in lists} == before  # carried over: the very same files


def test_cached_build_equals_a_cold_one(site):
    run_cli(site, "build")
    path = briefing(site, NATIONAL_SLUG)
    path.write_text(path.read_text(encoding="utf-8").replace("Reznikov", "Oleksii Reznikov", 1), encoding="utf-8")
    (site / "layouts" / "briefing.html").write_text(
        (site / "layouts" / "briefing.html").read_text().replace("<h1>", '<h1 class="t">'))
    assert run_cli(site, "build").returncode == 0
    warm = tree(site / "public")
    shutil.rmtree(site / ".cache")
    assert run_cli(site, "build", "--cache-dir", ".other-cache").returncode == 0
    assert not (site / ".cache").exists() and (site / ".other-cache" / "build.sqlite").is_file()
    assert tree(site / "public") == warm


def test_the_previous_site_linked_into_staging_is_never_written_through_and_loses_what_is_gone(site, tmp_path):
    """The build starts its staging folder from the previous site, hard-linked (output.Mirror)."""
    extra = site / "content" / "extra.md"
    extra.write_text("---\ntitle: An extra briefing\ndate: 2022-03-01\n---\n\nA short one.\n", encoding="utf-8")
    run_cli(site, "build")
    assert (site / "public" / "extra" / "index.html").is_file()
    public = site / "public"
    held = tmp_path / "held.html"  # another name for the live page's file, as a web server would hold it open
    os.link(public / f"briefings/{NEWSWEEK_SLUG}/index.html", held)
    before = held.read_bytes()
    path = briefing(site, NEWSWEEK_SLUG)
    path.write_text(path.read_text(encoding="utf-8").replace("social media channels", "social channels", 1), encoding="utf-8")
    extra.unlink()  # its page goes
    assert run_cli(site, "build").returncode == 0
    assert held.read_bytes() == before
    assert "social channels" in (public / f"briefings/{NEWSWEEK_SLUG}/index.html").read_text()
    assert not (public / "extra").exists()
    warm = tree(public)
    shutil.rmtree(site / ".cache")
    shutil.rmtree(public)
    assert run_cli(site, "build").returncode == 0 and tree(public) == warm


def test_output_file_edited_since_the_build_is_not_carried_over(site):
    """A page file changed by hand (same size) is rendered again, not kept because its inputs match."""
    run_cli(site, "build")
    page = site / "public" / f"briefings/{NATIONAL_SLUG}/index.html"
    page.write_text(page.read_text().replace("troops", "TROOPS"))  # same size, different bytes
    assert run_cli(site, "build").returncode == 0  # the stamp sees the output changed: a real build
    assert "TROOPS" not in page.read_text()


def test_unchanged_rebuild_reports_the_same_problems(site):
    (site / "seeds" / "broken.html").write_bytes(b"\xff\xfe not a page")
    first = run_cli(site, "build")
    again = run_cli(site, "build")
    assert "nothing changed" in again.stdout
    assert again.returncode == first.returncode == 1
    assert again.stderr == first.stderr and "broken.html" in again.stderr


def test_hashes_learnt_as_pages_are_written_are_those_of_the_files(site):
    from generator.config.settings import load_config
    from generator.publish.stamp import FileHashes, staleness, tree_hash

    run_cli(site, "build")
    config = load_config(site / "site.yaml")
    hashes = FileHashes(config)
    learnt = tree_hash(config.output_dir, hashes)
    hashes.known = {}  # every file read and hashed anew
    assert tree_hash(config.output_dir, hashes) == learnt and staleness(config) is None


def test_new_ingest_rules_make_the_last_build_stale(site, monkeypatch):
    """The seeds give other briefings under other rules: a build must not say "nothing changed"."""
    from generator.config.settings import load_config
    from generator.publish import stamp

    run_cli(site, "build")
    config = load_config(site / "site.yaml")
    assert stamp.staleness(config) is None
    monkeypatch.setattr(stamp, "INGEST_VERSION", stamp.INGEST_VERSION + 1)
    assert "the generator's rules" in stamp.staleness(config)


def test_load_parses_only_files_not_known_by_path_and_hash(tmp_path, monkeypatch):
    from generator.content import documents as content_module
    from generator.engine.cache import BuildCache

    folder = tmp_path / "content"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.md").write_text(f"---\ntitle: {name.upper()}\n---\n\nBody of {name}.\n")
    cache = BuildCache(tmp_path / ".cache")
    known = cache.documents(folder)
    content_module.load_content(folder, known=known)
    cache.keep_documents(folder, known)
    (folder / "b.md").write_text("---\ntitle: B, edited\n---\n\nBody of b.\n")
    parsed: list[str] = []
    load = content_module.load_document
    monkeypatch.setattr(content_module, "load_document", lambda path, top: parsed.append(path.name) or load(path, top))
    again = content_module.load_content(folder, known=BuildCache(tmp_path / ".cache").documents(folder))
    assert parsed == ["b.md"]
    assert [d.title for d in again.documents] == ["A", "B, edited", "C"]
    damaged = BuildCache(tmp_path / ".cache")
    damaged.db.execute("UPDATE kept SET value = ?", (b"damaged",))
    assert BuildCache(tmp_path / ".cache").documents(folder) == {}


def test_facts_share_the_front_matter_they_came_from_when_sent_by_a_worker_or_read_back(tmp_path):
    """Sent back by a worker process or read back from the cache, a briefing's figures, quotes and
    names would be copies of its front-matter's: the Document's own objects are held instead, so
    the facts of an archive do not take that memory twice; what the front-matter does not give
    (the words) is the cache's."""
    from generator.config.settings import load_config
    from generator.content.documents import load_content
    from generator.engine.cache import BuildCache
    from generator.linking.archive import gather_facts

    (tmp_path / "site.yaml").write_text("title: Facts\n")
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "given.md").write_text(
        "---\ntitle: Given\ndate: 2022-03-01\npeople: [Ada Obi]\nplaces: [Kyiv]\norganisations: []\n"
        "figures:\n- {value: 4, what: people, sentence: Four people were hurt.}\n"
        "quotes:\n- {text: We will stay, speaker: Ada Obi}\n---\n\nAda Obi said four people were hurt in Kyiv.\n")
    (folder / "found.md").write_text("---\ntitle: Found\ndate: 2022-03-02\n---\n\nAda Obi visited Kyiv.\n")
    config = load_config(tmp_path / "site.yaml")
    documents = load_content(folder).documents
    cache = BuildCache(tmp_path / ".cache")
    first = gather_facts(config, documents, cache.facts, processes=2)  # sent back by worker processes
    given = next(d for d in documents if d.title == "Given")
    assert first[given.key].figures is given.meta["figures"]
    cache.save()
    read_back = BuildCache(tmp_path / ".cache").facts
    assert len(read_back) == 2
    again = gather_facts(config, documents, read_back)
    assert again == first
    found = next(d for d in documents if d.title == "Found")
    facts = again[given.key]
    assert facts.figures is given.meta["figures"] and facts.quotes is given.meta["quotes"]
    assert facts.entities["people"] is given.meta["people"] and facts.words == first[given.key].words
    assert again[found.key].entities["people"] == ["Ada Obi"]


def test_an_edit_adds_its_document_to_a_small_value_until_they_are_many(tmp_path):
    from generator.engine import cache as cache_module
    from generator.engine.cache import BuildCache
    from generator.content.documents import load_content

    folder = tmp_path / "content"
    folder.mkdir()
    for number in range(20):
        (folder / f"{number}.md").write_text(f"---\ntitle: T{number}\n---\n\nBody.\n")
    files = tmp_path / ".cache"

    def build() -> list[str]:
        cache = BuildCache(files)
        known = cache.documents(folder)
        documents = load_content(folder, known=known).documents
        cache.keep_documents(folder, known)
        assert BuildCache(files).documents(folder).keys() >= known.keys()  # what the next build finds
        return [d.title for d in documents]

    def row(name: str) -> int | None:  # a value written again gets a new row
        found = BuildCache(files).db.execute("SELECT rowid FROM kept WHERE key = ?", (name,)).fetchone()
        return found and found[0]

    build()
    base = row(cache_module.DOCUMENTS)
    (folder / "3.md").write_text("---\ntitle: T3, edited\n---\n\nBody.\n")
    assert "T3, edited" in build() and "T3, edited" in build()
    assert row(cache_module.DOCUMENTS) == base  # not written again
    assert len(BuildCache(files).kept[cache_module.DOCUMENTS_ADDED][1]) == 1
    for number in (5, 6):  # 3 of 20 edited: past a tenth, the big value is written again
        (folder / f"{number}.md").write_text(f"---\ntitle: T{number}, edited\n---\n\nBody.\n")
    assert build().count("T5, edited") == 1
    assert row(cache_module.DOCUMENTS_ADDED) is None
    assert row(cache_module.DOCUMENTS) != base


def test_the_first_edit_after_a_cold_build_remakes_no_more_than_a_later_one(site):
    """Page keys made by a cold build must be those a later build makes for unchanged pages."""
    run_cli(site, "build")
    path = briefing(site, NEWSWEEK_SLUG)
    made = []
    for word in ("first", "second"):
        path.write_text(path.read_text(encoding="utf-8") + f"\nA {word} sentence added by an editor.\n", encoding="utf-8")
        made.append(pages_made(run_cli(site, "build").stdout)[1])
    # Not equal: a later edit may move the two seeds' relatedness across a whole number (100 -> 99)
    # and so change the other briefing's page, which the first edit did not.
    assert made[0] <= made[1]


def test_a_new_briefing_that_shares_nothing_leaves_the_other_briefings_page_inputs_alone(site):
    """Their pages are not rendered again: no count of all briefings or claims, and no key made of
    every briefing, reaches them (the fingerprint of a page's inputs decides). Similar wording is
    weighed at 0: on a site of three briefings the new one's words move the percentage it shows."""
    import pickle
    import sqlite3

    def inputs() -> dict[str, tuple]:
        with sqlite3.connect(site / ".cache" / "build.sqlite") as db:
            return {key: pickle.loads(value).inputs for key, value in db.execute("SELECT key, value FROM pages")
                    if key.startswith("briefings/")}

    with (site / "site.yaml").open("a") as settings:
        settings.write("\nrelated:\n  weights:\n    text: 0\n")
    run_cli(site, "build")
    before = inputs()
    (site / "content" / "note.md").write_text("---\ntitle: Gardening note\n---\n\nTomatoes need sun.\n")
    assert run_cli(site, "build").returncode == 0
    after = inputs()
    assert len(before) == 2 and {key: after[key] for key in before} == before


def test_bodies_converted_ahead_while_linking_are_the_ones_rendered(site, tmp_path, monkeypatch):
    """build converts bodies in another process while it links (generator/engine/bodies.py); the render
    then takes them from the cache, as they would have been converted there."""
    import time

    from generator.engine.bodies import BodyConverter
    from generator.engine.cache import BuildCache
    from generator.config.settings import load_config
    from generator.content.documents import load_content
    from generator.engine.memo import MemoRenderer
    from generator.render.renderer import Renderer

    assert run_cli(site, "build").returncode == 0  # the seeds become briefings
    config = load_config(site / "site.yaml")
    documents = load_content(config.content_dir).documents
    plain = Renderer(config)
    plain.link_to(documents)
    expected = [plain.body_html(d) for d in documents]
    cache = BuildCache(tmp_path / "cache")
    converter = BodyConverter(config, documents, cache)
    deadline = time.monotonic() + 20
    while len(cache.tables["bodies"]) < len(documents) and time.monotonic() < deadline:
        time.sleep(0.05)
    converter.stop()
    monkeypatch.setattr(Renderer, "markdown_html", lambda self, document: pytest.fail("converted again"))
    renderer = MemoRenderer(config, memo=cache.memo(tmp_path / "out", {}))
    renderer.link_to(documents)
    assert [renderer.body_html(d) for d in documents] == expected


def test_bodies_are_converted_ahead_only_where_the_cache_lacks_them(site):
    """After a build the converter finds nothing to do; after an edit, only the edited body (it
    looked up every body, HTML and all, taking a core from the link stage for seconds)."""
    from generator.engine.bodies import _lacking
    from generator.engine.cache import BuildCache
    from generator.config.settings import load_config
    from generator.content.documents import load_content

    assert run_cli(site, "build").returncode == 0
    config = load_config(site / "site.yaml")
    links = BuildCache(config.cache_dir).tables["links"]
    documents = load_content(config.content_dir).documents
    assert len(documents) >= 2 and _lacking(documents, links) == []
    edited = documents[0].path
    edited.write_text(edited.read_text() + "\nAn editor's sentence.\n")
    assert [d.path for d in _lacking(load_content(config.content_dir).documents, links)] == [edited]


def test_a_cold_build_reads_each_input_file_once_to_hash_it(site, monkeypatch):
    """Ingest and load hash the seeds and briefings they read; the stamp at the end reuses those
    hashes (it hashed all 20,000 input files again at 10,000 briefings: 0.4 s)."""
    from collections import Counter

    from generator.publish import stamp
    from generator.engine.build import build_site
    from generator.config.settings import load_config

    hashed = Counter()
    monkeypatch.setattr(stamp, "file_sha256", lambda path, read=stamp.file_sha256: hashed.update([path]) or read(path))
    build_site(load_config(site / "site.yaml"))
    inputs = [path for path in hashed if "/seeds/" in path or "/content/" in path]
    assert len(inputs) >= 4 and all(hashed[path] == 1 for path in inputs), hashed


def test_a_table_read_all_at_once_answers_as_one_read_key_by_key(tmp_path):
    from generator.engine.cache import BuildCache

    cache = BuildCache(tmp_path / ".cache")
    table = cache.tables["pages"]
    table.update({"kept": 1, "deleted": 2, "changed": 3})
    cache.save()
    table.read_all()
    del table["deleted"]
    table["changed"], table["added"] = 30, 4
    table.flush()  # written: answered from the rows read, without the database
    cache.db.execute("DELETE FROM pages")
    assert (table["kept"], table["changed"], table["added"], table.get("deleted"), table.get("never")) == (1, 30, 4, None, None)
    table.clear()
    assert table.get("kept") is None


def test_a_cache_of_another_layout_is_refused_as_a_damaged_one_is(tmp_path):
    """The build discards a cache that raises sqlite3.DatabaseError, with one warning, and builds anew."""
    import sqlite3

    from generator.engine.cache import SCHEMA, BuildCache, OtherVersion

    BuildCache(tmp_path).kept["x"] = 1
    assert BuildCache(tmp_path).kept["x"] == 1
    with sqlite3.connect(tmp_path / "build.sqlite") as db:
        db.execute(f"PRAGMA user_version = {SCHEMA - 1}")
    with pytest.raises(OtherVersion, match="another version"):
        BuildCache(tmp_path)


def test_an_upgraded_cache_is_said_to_be_of_another_version_and_loses_the_files_no_longer_read(site):
    """Not "damaged": a cache another version wrote is rebuilt with a line saying so, and the files
    earlier versions kept beside the database are removed, not left to take space for good."""
    import sqlite3

    from generator.engine.cache import DATABASE, FORMER_FILES, SCHEMA

    assert run_cli(site, "build").returncode == 0
    cache = site / ".cache"
    with sqlite3.connect(cache / DATABASE) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA + 1}")
    for name in FORMER_FILES:
        (cache / name).write_bytes(b"kept by an earlier version")
    edited = briefing(site, NATIONAL_SLUG)
    edited.write_text(edited.read_text() + "\nA sentence added by an editor.\n")
    rebuilt = run_cli(site, "build")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.stderr.startswith(f"warning: .cache/{DATABASE}: the build cache was written by another version "
                                     "of the generator"), rebuilt.stderr
    assert "damaged" not in rebuilt.stderr and "discarded, building anew" in rebuilt.stderr
    assert not [name for name in FORMER_FILES if (cache / name).exists()]
    assert (cache / "build-stamp.json").exists() and (cache / DATABASE).exists()


def test_what_is_derived_from_a_file_written_a_moment_before_it_was_read_is_derived_again(tmp_path):
    """Within one tick of the file system's clock, a file can change again and keep its size and
    time: what was derived from it then is not trusted, the next run reads it again."""
    from generator.utils.filememo import FileMemo

    file = tmp_path / "a.md"
    file.write_text("one")
    stat = os.stat(file)
    kept: dict = {}
    memo = FileMemo(kept, "memo", "v")
    memo.put(str(file), stat, "one")
    memo.save({str(file)})
    file.write_text("two")  # the same size, and the time the first write had
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert FileMemo(kept, "memo", "v").get(str(file), os.stat(file)) is None
    old = stat.st_mtime_ns - 10**10  # written long before it was read: trusted
    os.utime(file, ns=(old, old))
    memo.put(str(file), os.stat(file), "two")
    memo.save({str(file)})
    assert FileMemo(kept, "memo", "v").get(str(file), os.stat(file)) == "two"


def test_the_stamp_hashes_a_file_saved_a_moment_before_again(site):
    from generator.config.settings import load_config
    from generator.publish.stamp import FileHashes, input_hashes, write_stamp

    config = load_config(site / "site.yaml")
    seed = sorted((site / "seeds").iterdir())[0]
    seed.write_bytes(seed.read_bytes())  # saved a moment before the build reads it
    stat = seed.stat()
    write_stamp(config)
    before = input_hashes(config, FileHashes(config))
    seed.write_bytes(seed.read_bytes()[::-1])  # the same size; then the same time
    os.utime(seed, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    changed = input_hashes(config, FileHashes(config))
    assert [name for name in before if before[name] != changed[name]] == [f"seeds/{seed.name}"]


def test_the_stamp_reads_no_input_through_a_link_out_of_its_folder(site, tmp_path):
    from generator.config.settings import load_config
    from generator.publish.stamp import FileHashes, input_hashes

    secret = tmp_path / "secret.txt"
    secret.write_text("the build machine's")
    (site / "seeds" / "leak.txt").symlink_to(secret)
    (site / "seeds" / "alias.txt").symlink_to(sorted((site / "seeds").iterdir())[0])
    hashed = input_hashes(load_config(site / "site.yaml"), FileHashes(load_config(site / "site.yaml")))
    assert "seeds/alias.txt" in hashed and "seeds/leak.txt" not in hashed


def test_a_kept_value_that_no_longer_loads_is_derived_again(tmp_path):
    from generator.engine.cache import BuildCache
    from generator.utils.filememo import FileMemo

    cache = BuildCache(tmp_path)
    cache.db.execute("INSERT INTO kept (key, value) VALUES ('memo', ?)", (b"\x80\x05garbled",))
    memo = FileMemo(cache.kept, "memo", "v")
    assert memo.entries == {} and memo.extra is None
