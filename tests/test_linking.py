"""The link stage on the seeds: related briefings with reasons, one page per entity, figures
grouped across briefings, first mentions linked, archives; an editor's lists win."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.config import load_config
from generator.content import load_content
from generator.ingest.entities import fold
from generator.ingest.write import briefing_text
from generator.link import link_archive
from generator.yamlfile import split_front_matter
from tests.conftest import REPO, run_cli

BASE = "/sub/"  # built under a base path, so every link is checked to respect it
NATIONAL = "briefings/russia-has-lost-14000-troops-ukraines-defence-minister-estimates/"
NEWSWEEK = "briefings/more-than-12000-russian-troops-killed-ukraines-foreign-ministry-says/"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("linked")
    for name in ("seeds", "layouts"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("*.html*") if name == "seeds" else None)
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    result = run_cli(root, "build", "--base-url", f"https://example.org{BASE}")
    assert result.returncode == 0, result.stderr
    return root


def page(root: Path, url: str) -> str:
    return (root / "public" / url / "index.html").read_text(encoding="utf-8")


def section(html: str, name: str) -> str:
    found = re.search(rf'<section class="{name}".*?</section>', html, re.S)
    return found.group(0) if found else ""


def test_the_seed_briefings_relate_to_each_other_with_reasons(built):
    for mine, theirs in ((NATIONAL, NEWSWEEK), (NEWSWEEK, NATIONAL)):
        related = section(page(built, mine), "related")
        assert f'href="{BASE}{theirs}"' in related
        assert re.search(r'class="score"[^>]*>\d+<', related)
        for reason in ("in common: Volodymyr Zelensky", "NATO", "Figures on the same quantity: Russian troops killed",
                       "Published 8 days apart"):
            assert reason in related, (mine, reason)


def test_every_shared_person_has_exactly_one_page_listing_both(built):
    archive = link_archive(load_config(built / "site.yaml"), load_content(built / "content").documents)
    shared = [e for e in archive.entities.of_kind("people") if e.count == 2]
    assert [e.name for e in shared] == ["Volodymyr Zelensky"]  # spelt Zelensky in one, Zelenskyy in the other
    people = page(built, "people")
    for entity in shared:
        same = [name for name in re.findall(r'<a href="[^"]+">([^<]+)</a>', people)
                if fold(name).split()[-1] == fold(entity.name).split()[-1]]
        assert same == [entity.name]
        html = page(built, entity.url)
        assert f'href="{BASE}{NATIONAL}"' in html and f'href="{BASE}{NEWSWEEK}"' in html
        assert "Zelenskyy" in html  # its aliases
    assert f'href="{BASE}{NATIONAL}"' in page(built, "people/vladimir-putin")


def test_first_mentions_link_to_entity_pages_but_never_inside_links(built):
    body = page(built, NATIONAL).split('<div class="body">')[1].split("</div>")[0]
    assert body.count(f'class="entity" href="{BASE}people/oleksii-reznikov/"') == 1
    assert f'<a class="entity" href="{BASE}organisations/nato/">Nato</a>' in body  # house style of NATO
    assert "<a href=\"https://www.thenationalnews.com/tags/russia/\">Russia</a>" in body  # left alone
    assert not re.search(r"<a [^>]*>[^<]*<a ", body)


def test_quotes_show_on_the_briefing_and_the_speakers_page(built):
    quotes = section(page(built, NATIONAL), "quotes")
    assert "We are not machines" in quotes and f'href="{BASE}people/oleksii-reznikov/"' in quotes
    assert "We are not machines" in page(built, "people/oleksii-reznikov")


def test_troop_loss_claims_from_both_briefings_are_grouped_on_the_figures_page(built):
    figures = page(built, "figures")
    group = re.search(r'<section class="figure-group" id="russian-troops-killed">.*?</section>', figures, re.S).group(0)
    assert "disputed" in group and group.count("<rect") == 3
    for claim in ("<strong>14,000</strong> Russian troops killed, according to Ukraine’s defence minister",
                  "<strong>more than 12,000</strong> Russian troops killed, according to Ukraine's Foreign Ministry",
                  "<strong>498</strong> Russian troops killed, according to Russia"):
        assert claim in group.replace("&#39;", "'"), claim
    assert f'href="{BASE}{NATIONAL}"' in group and f'href="{BASE}{NEWSWEEK}"' in group
    assert "14,000</strong> Russian troops killed" in section(page(built, NATIONAL), "figures")


def test_entity_index_pages_archives_and_timeline(built):
    assert f'href="{BASE}places/kyiv/"' in page(built, "places")
    assert "Kiev" in page(built, "places/kyiv") or "Kyiv" in page(built, "places/kyiv")
    for url in ("2022", "2022/03", "timeline"):
        html = page(built, url)
        assert f'href="{BASE}{NATIONAL}"' in html and f'href="{BASE}{NEWSWEEK}"' in html, url
    timeline = page(built, "timeline")
    assert timeline.index(NEWSWEEK) < timeline.index(NATIONAL)  # oldest first
    assert f'href="{BASE}timeline/"' in page(built, "")


def test_an_editors_lists_win_and_hand_written_briefings_are_read(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "edited.md").write_text("---\ntitle: Edited\ndate: 2022-03-01\npeople: [Jane Doe]\nplaces: []\n"
                                       "organisations: []\nfigures: []\nquotes: []\n---\n\nPresident Joe Biden spoke in Paris.\n")
    (content / "by-hand.md").write_text("---\ntitle: By hand\ndate: 2022-03-02\n---\n\nPresident Joe Biden spoke in Paris.\n")
    archive = link_archive(load_config(tmp_path / "site.yaml"), load_content(content).documents)
    named = {d.url: [e.name for e in archive.entities_of(d)] for d in archive.briefings}
    assert named == {"edited/": ["Jane Doe"], "by-hand/": ["Joe Biden", "Paris"]}
    assert archive.entity_aliases(archive.briefings[0])["people"] == [
        {"name": "Joe Biden", "aliases": [], "url": "people/joe-biden/"}]


def test_newer_ingest_rules_refresh_unedited_briefings_only(built, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built, site, ignore=shutil.ignore_patterns("public", ".cache"))
    unedited, edited = (site / "content" / f"{url.rstrip('/')}.md" for url in (NATIONAL, NEWSWEEK))
    for path in (unedited, edited):  # as an older generator wrote them: no people, version 1
        split = split_front_matter(path.read_text(encoding="utf-8"), path)
        front = {k: v for k, v in split.meta.data.items() if k not in ("people", "generated_sha256")}
        front["seed"] = {**front["seed"], "ingest_version": 1}
        path.write_text(briefing_text(front, split.body), encoding="utf-8")
    edited.write_text(edited.read_text(encoding="utf-8").replace("Newsweek has contacted", "Newsweek asked"))
    edited_text = edited.read_text(encoding="utf-8")
    result = run_cli(site, "build")
    assert result.returncode == 0 and "conflict" not in result.stderr.lower(), result.stderr
    assert "people:" in unedited.read_text(encoding="utf-8")
    assert edited.read_text(encoding="utf-8") == edited_text
