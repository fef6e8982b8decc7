"""The dev server's incremental build equals a full build, byte for byte, after every kind of edit."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from generator.utils import superseded
from generator.engine.build import build_site
from generator.config.settings import load_config
from generator.engine.incremental import IncrementalBuilder, classify
from generator.linking.archive import link_archive
from generator.utils.superseded import Superseded
from tests.test_build import NATIONAL_SLUG, NEWSWEEK_SLUG

SEARCH_FOLDER = "pagefind"  # the full build indexes in place; the dev server does it in the background


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != SEARCH_FOLDER}


class Twin:
    """An incremental builder writing into incremental/, and a full build into full/ to compare with."""

    def __init__(self, site: Path, jobs: int | None = None) -> None:
        self.site = site
        config = load_config(site / "site.yaml")
        self.builder = IncrementalBuilder(dataclasses.replace(config, output_dir=site / "incremental"), jobs=jobs)
        self.full = dataclasses.replace(config, output_dir=site / "full")
        self.build(None)

    def build(self, paths: list[Path] | None) -> list[str]:
        """As the dev server builds: the edited briefings' pages first, then the full pass. Returns
        the pages written by either."""
        changes = None if paths is None else classify(self.builder.config, self.site / "site.yaml", paths)
        if changes and changes.static:
            self.builder.write_static()
        self.previewed = self.builder.write_preview(self.builder.preview(changes)) if changes else []
        rendered = self.builder.render(changes)
        written = self.passed = self.builder.write(rendered.pages)
        build_site(self.full)
        assert tree(self.site / "incremental") == tree(self.site / "full")
        return sorted({*self.previewed, *written})

    def edit(self, path: Path, old: str, new: str) -> list[str]:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return self.build([path])

    def write(self, path: Path, text: str) -> list[str]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return self.build([path])


@pytest.fixture
def twin(site: Path) -> Twin:
    return Twin(site)


def briefing(twin: Twin, slug: str) -> Path:
    return twin.site / "content" / "briefings" / f"{slug}.md"


def test_an_edited_briefing_rewrites_only_the_pages_that_show_it(twin):
    written = twin.edit(briefing(twin, NATIONAL_SLUG), "Oleksii Reznikov said", "Oleksii Reznikov told reporters")
    assert f"briefings/{NATIONAL_SLUG}/index.html" in written
    assert f"briefings/{NEWSWEEK_SLUG}/index.html" not in written
    assert twin.previewed == [f"briefings/{NATIONAL_SLUG}/index.html"]  # shown before the full pass


def test_a_first_build_in_two_processes_is_the_same_and_remembered_for_the_next(site):
    twin = Twin(site, jobs=2)  # compared with the full build, byte for byte
    html = {page for page in twin.builder.written if page.endswith(".html")}
    assert html <= set(twin.builder.memo.pages), "the workers' memo came back"
    assert len(twin.builder.memo.bodies) == 2
    written = twin.edit(briefing(twin, NATIONAL_SLUG), "Oleksii Reznikov said", "Oleksii Reznikov told reporters")
    assert f"briefings/{NATIONAL_SLUG}/index.html" in written


def test_a_preview_is_the_page_itself_when_the_archive_learns_nothing_new(twin):
    """Emphasis in the body: the full pass finds the page as the preview wrote it (quotes' speakers linked, and all)."""
    path = briefing(twin, NATIONAL_SLUG)
    text = path.read_text()
    body = text.index("\n---\n")
    path.write_text(text[:body] + text[body:].replace("video link", "*video link*"))
    twin.build([path])
    assert twin.previewed == [f"briefings/{NATIONAL_SLUG}/index.html"] and twin.previewed[0] not in twin.passed


def test_an_edit_that_breaks_or_moves_a_briefing_has_no_preview(twin):
    path = briefing(twin, NATIONAL_SLUG)
    twin.edit(path, "---\n", "---\ntitle: [unclosed\n")
    assert twin.previewed == []
    twin.edit(path, "title: [unclosed\n", "url: /moved/\n")
    assert twin.previewed == [] and (twin.site / "incremental" / "moved" / "index.html").is_file()


def questions_while_linking(twin: Twin) -> int:
    asked: list[bool] = []
    link_archive(twin.builder.config, twin.builder.archive.briefings, twin.builder.facts, lambda: asked.append(False))
    return len(asked)


def test_the_long_link_steps_ask_within_them_too(twin, monkeypatch):
    """A save during the full pass need not wait for a whole step (over 1 s at 10,000 briefings)."""
    between_steps = questions_while_linking(twin)
    monkeypatch.setattr(superseded, "GIVE_WAY_EVERY", 1)
    assert questions_while_linking(twin) >= between_steps + 6 * (len(twin.builder.archive.briefings) - 1)


@pytest.mark.parametrize("when", ["at once", "while linking", "right after linking", "a few pages into rendering"])
def test_a_pass_that_gave_way_to_newer_changes_leaves_the_next_one_equal_to_a_full_build(twin, when):
    linking = questions_while_linking(twin)
    gives_way_after = {"at once": 0, "while linking": linking // 2, "right after linking": linking,
                       "a few pages into rendering": linking + 5}[when]
    national, newsweek = briefing(twin, NATIONAL_SLUG), briefing(twin, NEWSWEEK_SLUG)
    national.write_text(national.read_text().replace("Oleksii Reznikov said", "Oleksii Reznikov told reporters"))
    answers = iter([False] * gives_way_after)  # then True
    with pytest.raises(Superseded):
        twin.builder.render(classify(twin.builder.config, twin.site / "site.yaml", [national]),
                            superseded=lambda: next(answers, True))
    newsweek.write_text(newsweek.read_text().replace("Foreign Ministry", "foreign ministry", 1))
    written = twin.build([national, newsweek])  # the loop carries the dropped pass's changes into the next
    assert {f"briefings/{NATIONAL_SLUG}/index.html", f"briefings/{NEWSWEEK_SLUG}/index.html"} <= set(written)


def test_a_new_seed_a_moved_briefing_and_a_deleted_one(twin):
    seeds = twin.site / "seeds"
    copy = seeds / "copy.txt"
    shutil.copy(seeds / "003_bd12803d39086d5b.txt", copy)
    text = copy.read_text(encoding="utf-8")
    twin.write(copy, text.replace("12,000", "13,000", 1))
    moved = twin.site / "content" / "elsewhere" / "moved.md"
    moved.parent.mkdir()
    briefing(twin, NEWSWEEK_SLUG).rename(moved)
    twin.build([briefing(twin, NEWSWEEK_SLUG), moved])
    moved.unlink()
    written = twin.build([moved])
    assert "elsewhere/moved/index.html" in written  # deleted from the output


def test_links_between_briefings_follow_their_targets(twin):
    note = twin.site / "content" / "notes" / "hand.md"
    twin.write(note, "---\ntitle: A note\ndate: 2022-03-20\n---\nSee [the later story](../briefings/later.md).\n")
    later = twin.site / "content" / "briefings" / "later.md"
    written = twin.write(later, "---\ntitle: Later\ndate: 2022-03-21\n---\nLater text.\n")
    assert "notes/hand/index.html" in written  # its link now resolves to /briefings/later/
    twin.build([twin.site / "content" / "notes"])  # a folder event: everything under it is re-read


def test_broken_front_matter_drafts_and_aliases(twin):
    path = briefing(twin, NATIONAL_SLUG)
    twin.edit(path, "---\n", "---\ntitle: [unclosed\n")
    twin.edit(path, "title: [unclosed\n", "draft: true\n")
    twin.edit(path, "draft: true\n", "aliases: [/old/national/]\n")


def test_templates_and_static_files(twin):
    layouts = twin.site / "layouts"
    written = twin.edit(layouts / "briefing.html", "{% block main %}", "{% block main %}<!-- edited -->")
    assert f"briefings/{NATIONAL_SLUG}/index.html" in written and "index.html" not in written
    twin.edit(layouts / "base.html", "<main", "<main data-edited")
    twin.write(layouts / "static" / "extra.css", "body { color: red }\n")
    (layouts / "static" / "extra.css").unlink()
    twin.build([layouts / "static" / "extra.css"])
    # A template that does not compile: `build` keeps the last site whole (the dev server's loop
    # writes no build that brings a new problem either), so the twins are not compared.
    before = tree(twin.site / "full")
    briefing = layouts / "briefing.html"
    briefing.write_text(briefing.read_text().replace("{% block main %}", "{% block main %}{{ broken(", 1))
    assert build_site(twin.full).kept and tree(twin.site / "full") == before


def test_a_missing_template_is_one_problem_however_many_pages_use_it(twin):
    (twin.site / "layouts" / "entities.html").unlink()  # the people, places and organisations indexes
    result = twin.builder.render(classify(twin.builder.config, twin.site / "site.yaml",
                                          [twin.site / "layouts" / "entities.html"])).result
    assert [(p.path.name, p.message) for p in result.errors] == [("entities.html", "template not found")]
