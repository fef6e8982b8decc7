"""Front-matter tags: one page per tag and an index of them, linked from each briefing."""

from __future__ import annotations

import re
from pathlib import Path

from generator.content.documents import load_content
from generator.linking.tags import TagIndex, index_tags
from tests.helpers import run_cli, write_briefings

BASE = "/sub/"


def tags_in(content: Path) -> TagIndex:
    return index_tags(sorted(load_content(content).documents, key=lambda d: d.date, reverse=True))


def test_spellings_with_the_same_words_are_one_tag_named_as_most_briefings_write_it(tmp_path):
    write_briefings(tmp_path, {1: "[Climate change, Energy]", 2: "[climate-change, ' ', energy, energy, energy]",
                               3: "[Climate change, Energy]"})
    index = tags_in(tmp_path)
    assert [(tag.name, tag.url, [d.title for d in tag.briefings]) for tag in index.tags] == [
        ("Climate change", "tags/climate-change/", ["Day 3", "Day 2", "Day 1"]),
        ("Energy", "tags/energy/", ["Day 3", "Day 2", "Day 1"]),  # as two briefings write it, one three times
    ]
    assert [tag.name for tag in index.by_briefing["day-2/"]] == ["Climate change", "Energy"]  # blank and repeats dropped


def test_tags_in_other_scripts_stay_apart_though_their_slugs_are_alike(tmp_path):
    write_briefings(tmp_path, {1: "[Россия, Украина, CLIMATE_CHANGE]", 2: "[россия, Climate change]",
                               3: "[Climate change]"})
    tags = {tag.name: (tag.url, len(tag.briefings)) for tag in tags_in(tmp_path).tags}
    assert tags == {"Climate change": ("tags/climate-change/", 3),  # three briefings, two spellings, one tag
                    "Россия": ("tags/briefing/", 2), "Украина": ("tags/briefing-2/", 1)}  # apart, slugs alike


def test_tag_pages_list_their_briefings_in_pages_and_briefings_link_to_them(site):
    (site / "site.yaml").write_text((site / "site.yaml").read_text() + "\npaginate_compact: 1\n")
    write_briefings(site / "content", {1: "[Energy, Sanctions]", 2: "[Energy]"})
    result = run_cli(site, "build", "--strict", "--base-url", f"https://example.org{BASE}")
    assert result.returncode == 0, result.stderr  # strict: every tag link resolves
    public = site / "public"
    index = (public / "tags" / "index.html").read_text()
    assert re.findall(r'<a href="([^"]+)" rel="tag">([^<]+)</a> <span class="count" title="briefings">(\d+)', index) == [
        (f"{BASE}tags/energy/", "Energy", "2"), (f"{BASE}tags/sanctions/", "Sanctions", "1")]
    first, second = ((public / "tags" / "energy" / where / "index.html").read_text() for where in ("", "page/2"))
    assert "Day 2" in first and "Day 1" not in first and "Day 1" in second  # newest first, one a page
    assert f'rel="next" href="{BASE}tags/energy/page/2/"' in first
    briefing = (public / "day-1" / "index.html").read_text()
    assert re.search(rf'<p class="tags".*<a href="{BASE}tags/energy/" rel="tag">Energy</a>, '
                     rf'<a href="{BASE}tags/sanctions/" rel="tag">Sanctions</a></p>', briefing)


def test_a_tag_no_briefing_has_any_more_loses_its_page_and_an_archive_without_tags_has_none(site):
    write_briefings(site / "content", {1: "[Energy, Sanctions]"})
    assert run_cli(site, "build", "--strict").returncode == 0
    assert (site / "public" / "tags" / "sanctions" / "index.html").is_file()
    write_briefings(site / "content", {1: "[Energy]"})
    assert run_cli(site, "build", "--strict").returncode == 0
    assert not (site / "public" / "tags" / "sanctions").exists()
    assert "Sanctions" not in (site / "public" / "tags" / "index.html").read_text()
    write_briefings(site / "content", {1: "[]"})
    assert run_cli(site, "build", "--strict").returncode == 0
    assert not (site / "public" / "tags").exists()
    assert 'class="tags"' not in (site / "public" / "day-1" / "index.html").read_text()
