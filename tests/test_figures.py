"""Key figures: numeric claims with what is counted, who claims it and when; the figures pages:
an index of compared groups, a page (or a few) per group, the other figures a page at a time."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.config.settings import load_config
from generator.content.documents import load_content
from generator.text.claims import extract_figures
from generator.text.entities import Lexicon, find_mentions
from generator.linking.archive import link_archive
from generator.engine.memo import MemoRenderer, RenderMemo
from generator.pages import figures as figure_pages
from generator.render.renderer import Renderer
from tests.helpers import NEWSWEEK_SLUG, REPO, page, run_cli

DAY = dt.date(2023, 5, 2)


def figures(text: str) -> list[dict]:
    lexicon = Lexicon(load_config(REPO / "generator" / "config" / "default_site.yaml").entities)
    return extract_figures(text, find_mentions(text, lexicon), DAY)


def brief(found: list[dict]) -> list[tuple]:
    return [(f["value"], f["what"], f.get("qualifier"), f.get("claimant")) for f in found]


def test_value_what_qualifier_claimant_and_date():
    found = figures("According to the health ministry, at least 1.2 million people have been displaced by the floods.")
    assert brief(found) == [(1_200_000, "people displaced", "at least", "health ministry")]
    assert found[0]["date"] == DAY and found[0]["sentence"].startswith("According to")


def test_pronouns_resolve_to_the_speaker_and_sides_come_from_the_phrase():
    text = ("Israeli Defence Minister Yoav Gallant spoke on Monday.\n"
            "He said 1,500 Hamas fighters had been killed, while the Gaza health ministry said 9,000 Palestinians had died.")
    assert brief(figures(text)) == [(1500, "Hamas fighters killed", None, "Yoav Gallant"),
                                    (9000, "Palestinians killed", None, "Gaza health ministry")]


def test_years_dates_durations_and_percentages_are_not_figures():
    text = "On March 3, 2021, the company said sales rose 12% over 30 days, the best since 1998."
    assert figures(text) == []


def test_numbers_without_their_noun_borrow_the_previous_one():
    found = figures("The agency said there were 1,424 civilian casualties — 516 killed and 908 injured.")
    assert brief(found) == [(1424, "civilian casualties", None, "agency"), (516, "civilians killed", None, "agency"),
                            (908, "civilians wounded", None, "agency")]


BASE = "/sub/"
GROUP = "figures/people-displaced/"
# Five claims on one quantity (three pages of two, as paginate is 2), and three quantities with one each.
BRIEFINGS = {
    "a": ("2023-05-01", [(1200, "people displaced", "health ministry"), (3, "bridges destroyed", "police")]),
    "b": ("2023-05-02", [(5000, "people displaced", "aid agency"), (12, "schools closed", "council")]),
    "c": ("2023-05-03", [(1500, "people displaced", "health ministry"), (40, "trains cancelled", "rail operator")]),
    "d": ("2023-05-04", [(1800, "people displaced", "health ministry")]),
    "e": ("2023-05-05", [(2000, "people displaced", "aid agency")]),
}


def write_briefing(content: Path, name: str, date: str, claims: list[tuple], body: str = "Floods.") -> None:
    lines = [f"  - {{value: {value}, what: {what}, claimant: {claimant}, sentence: '{claimant} counts {value} {what}.'}}"
             for value, what, claimant in claims]
    front = f"title: Briefing {name.upper()}\ndate: {date}\npeople: []\nplaces: []\norganisations: []\nfigures:\n"
    (content / f"{name}.md").write_text(f"---\n{front}" + "\n".join(lines) + f"\n---\n\n{body}\n", encoding="utf-8")


def make_site(root: Path, briefings: dict[str, tuple]) -> Path:
    (root / "site.yaml").write_text(f"title: Floods\nlayouts_dir: {REPO / 'layouts'}\npaginate: 2\n", encoding="utf-8")
    (root / "seeds").mkdir()
    (root / "content").mkdir()
    for name, (date, claims) in briefings.items():
        write_briefing(root / "content", name, date, claims)
    return root


@pytest.fixture(scope="module")
def floods(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("floods"), BRIEFINGS)
    result = run_cli(root, "build", "--strict", "--base-url", f"https://example.org{BASE}")
    assert result.returncode == 0, result.stderr  # --strict: a broken link or #anchor fails the build
    return root


@pytest.mark.cli
def test_the_index_lists_each_compared_group_linking_to_its_page(floods):
    index = page(floods, "figures")
    line = re.search(r'<li id="people-displaced">.*?</li>', index, re.S).group(0)
    assert f'<a href="{BASE}{GROUP}">People displaced</a>' in line
    assert '<span class="count" title="claims">5</span>' in line and "disputed" in line
    assert "<svg" not in index and "counts" not in index  # no chart, no claim sentences
    assert f'<a href="{BASE}figures/other/">Other figures</a>: 3 quantities' in index


@pytest.mark.cli
def test_a_group_page_charts_and_lists_its_claims_a_page_at_a_time(floods):
    first, second, last = (page(floods, GROUP + more) for more in ("", "page/2/", "page/3/"))
    assert "<title>People displaced · Figures · Floods</title>" in first
    assert f'<a href="{BASE}figures/">Key figures</a>' in first  # back to the index
    assert "5 claims, oldest first" in first and "5 claims" not in second
    assert [html.count("<rect") for html in (first, second, last)] == [2, 2, 1]
    assert "<strong>1,200</strong> people displaced, according to health ministry" in first
    assert f'<a href="{BASE}a/">Briefing A</a>' in first and "health ministry counts 1200" in first
    assert "<strong>2,000</strong> people displaced, according to aid agency" in last
    assert f'rel="next" href="{BASE}{GROUP}page/2/"' in first and "rel=\"prev\"" not in first
    assert f'rel="prev" href="{BASE}{GROUP}"' in second and f'rel="next" href="{BASE}{GROUP}page/3/"' in second
    widths = [int(w) for w in re.findall(r'<rect class="bar" x="\d+" y="2" width="(\d+)"', first + last)]
    assert widths[1] == max(widths)  # the group's largest value sets one scale for all its pages


@pytest.mark.cli
def test_a_big_group_shows_its_newest_claims_and_says_so(tmp_path):
    root = make_site(tmp_path, BRIEFINGS)
    with (root / "site.yaml").open("a") as settings:
        settings.write("figures_shown: 3\n")
    assert run_cli(root, "build", "--strict").returncode == 0
    first, second = page(root, GROUP), page(root, GROUP + "page/2/")
    assert "5 claims; the newest 3, oldest first. Every claim is on its briefing’s page." in first
    assert not (root / "public" / GROUP / "page" / "3").exists()
    shown = re.findall(r"<strong>([\d,]+)</strong> people displaced", first + second)
    assert shown == ["1,500", "1,800", "2,000"]  # c, d, e: the newest three, oldest first
    assert '<span class="count" title="claims">5</span>' in page(root, "figures")  # the index counts them all


@pytest.mark.cli
def test_a_briefings_figures_link_to_their_groups_page(floods):
    figures = re.search(r'<section class="figures".*?</section>', page(floods, "a"), re.S).group(0)
    assert f'<a href="{BASE}{GROUP}">compare the claims</a>' in figures
    assert "figures/bridges-destroyed" not in figures  # a figure no one else gives is not compared


@pytest.mark.cli
def test_other_figures_come_a_page_at_a_time_with_an_anchor_each(floods):
    first, second = page(floods, "figures/other"), page(floods, "figures/other/page/2")
    assert re.findall(r'<li id="([^"]+)"', first) == ["bridges-destroyed", "schools-closed"]
    assert re.findall(r'<li id="([^"]+)"', second) == ["trains-cancelled"]
    assert "<strong>40</strong> trains cancelled, according to rail operator" in second
    assert f'rel="next" href="{BASE}figures/other/page/2/"' in first and f'<a href="{BASE}figures/">' in second


def test_without_compared_figures_the_index_says_so(tmp_path):
    index = rendered_figures(make_site(tmp_path, {"a": BRIEFINGS["a"]}))["figures/index.html"]
    assert "No figures are claimed by more than one briefing yet." in index and "figures/other/" in index


def test_an_edit_renders_again_only_the_figure_pages_that_show_it(tmp_path):
    content = make_site(tmp_path, BRIEFINGS) / "content"
    memo = RenderMemo()
    rendered_figures(tmp_path, memo)
    write_briefing(content, "c", *BRIEFINGS["c"], body="Floods, and a typo fixed.")
    assert rendered_again(tmp_path, memo) == set()
    write_briefing(content, "f", "2023-05-06", [(2100, "people displaced", "aid agency")])  # the newest claim
    assert rendered_again(tmp_path, memo) == {"figures/index.html", GROUP + "index.html", GROUP + "page/3/index.html"}


def rendered_figures(root: Path, memo: RenderMemo | None = None) -> dict[str, str]:
    """The figure pages of the site in `root`, by path (with `memo`, reusing what it remembers)."""
    config = load_config(root / "site.yaml")
    archive = link_archive(config, load_content(config.content_dir).documents)
    renderer = Renderer(config) if memo is None else MemoRenderer(config, memo=memo)
    return {p.path: p.text for p in figure_pages.make_pages(renderer, archive) if p is not None}


def rendered_again(root: Path, memo: RenderMemo) -> set[str]:
    before = dict(memo.pages)
    rendered_figures(root, memo)
    return {path for path, known in memo.pages.items() if known is not before.get(path)}


def test_undated_claims_go_last_so_a_new_one_changes_the_last_page_only():
    from generator.linking.figures import Claim, FigureGroup

    group = FigureGroup("people displaced", "people-displaced")
    group.claims = [Claim(5, "people displaced", None, None, None, "", None),
                    Claim(9, "people displaced", None, dt.date(2022, 3, 1), None, "", None),
                    Claim(7, "people displaced", None, dt.date(2021, 1, 1), None, "", None)]
    group.settle()
    assert [claim.value for claim in group.claims] == [7, 9, 5]


@pytest.mark.cli
def test_the_archive_size_shows_on_the_first_listing_page_only(tmp_path):
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "site.yaml").write_text(f"title: Two\nlayouts_dir: {REPO / 'layouts'}\npaginate: 1\n")
    for day in (1, 2):
        (root / "content" / f"b{day}.md").write_text(f"---\ntitle: B{day}\ndate: 2022-01-0{day}\n---\n\nText.\n")
    assert run_cli(root, "build").returncode == 0
    first, second = ((root / "public" / path / "index.html").read_text() for path in ("", "page/2"))
    assert "2 in the archive" in first and "in the archive" not in second
    assert "<span>Page 2</span>" in second and " of " not in re.search(r"<nav class=\"pager\".*?</nav>", second, re.S).group(0)


def test_a_briefing_lists_its_figures_as_the_article_ranks_them_and_the_timeline_names_claimants(site):
    assert run_cli(site, "build").returncode == 0
    page = (site / "public" / "briefings" / NEWSWEEK_SLUG / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r"<strong>([^<]+)</strong> ([^<,]+)", page[page.index('<section class="figures"'):])
    # The title's figure first, then the text's order; not alphabetical ("28 anti-aircraft systems" first).
    assert listed[:3] == [("more than 12,000", "Russian troops killed"), ("49", "Russian aircraft destroyed"),
                          ("81", "Russian helicopters destroyed")]
    timeline = (site / "public" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "more than 12,000 Russian troops killed, according to Ukraine&rsquo;s Foreign Ministry;" in timeline


@pytest.mark.cli
def test_a_claims_own_wording_shows_on_the_figure_pages_not_on_its_briefing(tmp_path):
    root = make_site(tmp_path, {})
    for name, (date, value, wording, claimant) in {"a": ("2022-03-03", 498, "soldiers died", "Russia"),
                                                   "b": ("2022-03-17", 14000, "troops lost", "Oleksii Reznikov")}.items():
        (root / "content" / f"{name}.md").write_text(
            f"---\ntitle: Briefing {name.upper()}\ndate: {date}\nfigures:\n"
            f"  - {{value: {value}, what: Russian troops killed, wording: {wording}, claimant: {claimant}}}\n"
            "---\n\nThe war.\n", encoding="utf-8")
    result = run_cli(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    group = re.sub(r"<[^>]+>", "", page(root, "figures/russian-troops-killed"))
    assert "498 Russian troops killed, according to Russia" in group and "“soldiers died” in the article" in group
    assert "“troops lost” in the article" in group
    assert "in the article" not in page(root, "a")  # its own page has the article's text
