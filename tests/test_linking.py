"""The link stage on the seeds: related briefings with reasons, one page per entity, figures
grouped across briefings, first mentions linked, archives; an editor's lists win."""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import shutil
from collections import Counter
from html import unescape
from pathlib import Path

import pytest

from bench.related_eval import Tally, wilson
from generator.config.settings import RelatedSettings, load_config
from generator.content.documents import Document, load_content
from generator.text.entities import Lexicon, fold
from generator.ingest.write import briefing_text
from generator.linking.archive import link_archive
from generator.linking.facts import credited_names, facts_of
from generator.linking.mentions import link_first_mentions
from generator.linking.related import (_COEFFICIENTS, _INTERCEPT, _MIN_POINTS, _MIN_SIMILARITY, _RARE_SHARE, _REASONS,
                                       SET_SIGNALS, Features, _shared_text, candidate_evidence, function_words,
                                       pair_evidence, related_briefings, stem,
                                       tracked)
from generator.config.yamlfile import split_front_matter
from tests.helpers import copy_site, page, run_cli

BASE = "/sub/"  # built under a base path, so every link is checked to respect it
NATIONAL = "briefings/russia-has-lost-14000-troops-ukraines-defence-minister-estimates/"
NEWSWEEK = "briefings/more-than-12000-russian-troops-killed-ukraines-foreign-ministry-says/"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = copy_site(tmp_path_factory.mktemp("linked"))
    result = run_cli(root, "build", "--base-url", f"https://example.org{BASE}")
    assert result.returncode == 0, result.stderr
    return root


def section(html: str, name: str) -> str:
    found = re.search(rf'<section class="{name}".*?</section>', html, re.S)
    return found.group(0) if found else ""


@pytest.mark.cli
def test_the_seed_briefings_relate_to_each_other_with_reasons(built):
    for mine, theirs in ((NATIONAL, NEWSWEEK), (NEWSWEEK, NATIONAL)):
        related = section(page(built, mine), "related")
        assert f'href="{BASE}{theirs}"' in related
        assert re.search(r'class="score"[^>]*>\d+<', related)
        for reason in ("people in common:", "Volodymyr Zelensky", "NATO", "Figures on the same quantit",
                       "Russian troops killed", "Published 8 days apart"):
            assert reason in related, (mine, reason)


@pytest.mark.cli
def test_every_shared_person_has_exactly_one_page_listing_both(built):
    archive = link_archive(load_config(built / "site.yaml"), load_content(built / "content").documents)
    shared = [e for e in archive.entities.of_kind("people") if e.count == 2]
    # Zelensky in one, Zelenskyy in the other; "Joe Biden" in one, "the Biden administration" in the other
    assert [e.name for e in shared] == ["Joe Biden", "Volodymyr Zelensky"]
    people = page(built, "people")
    for entity in shared:
        same = [name for name in re.findall(r'<a href="[^"]+">([^<]+)</a>', people)
                if fold(name).split()[-1] == fold(entity.name).split()[-1]]
        assert same == [entity.name]
        html = page(built, entity.url)
        assert f'href="{BASE}{NATIONAL}"' in html and f'href="{BASE}{NEWSWEEK}"' in html
    assert "Zelenskyy" in page(built, "people/volodymyr-zelensky")  # its aliases
    assert f'href="{BASE}{NATIONAL}"' in page(built, "people/vladimir-putin")


@pytest.mark.cli
def test_first_mentions_link_to_entity_pages_but_never_inside_links(built):
    body = page(built, NATIONAL).split('<div class="body">')[1].split("</div>")[0]
    assert body.count(f'class="entity" href="{BASE}people/oleksii-reznikov/"') == 1
    assert f'<a class="entity" href="{BASE}organisations/nato/">Nato</a>' in body  # house style of NATO
    assert "<a href=\"https://www.thenationalnews.com/tags/russia/\">Russia</a>" in body  # left alone
    assert not re.search(r"<a [^>]*>[^<]*<a ", body)


@pytest.mark.cli
def test_quotes_show_on_the_briefing_and_the_speakers_page(built):
    quotes = section(page(built, NATIONAL), "quotes")
    assert "We are not machines" in quotes and f'href="{BASE}people/oleksii-reznikov/"' in quotes
    assert "We are not machines" in page(built, "people/oleksii-reznikov")


@pytest.mark.cli
def test_troop_loss_claims_from_both_briefings_are_grouped_on_their_figures_page(built):
    assert f'<a href="{BASE}figures/russian-troops-killed/">Russian troops killed</a>' in page(built, "figures")
    group = page(built, "figures/russian-troops-killed")
    assert "disputed" in group and group.count("<rect") == 4  # Russia's 498 from both briefings
    for claim in ("<strong>14,000</strong> Russian troops killed, according to Oleksii Reznikov",
                  "<strong>more than 12,000</strong> Russian troops killed, according to Ukraine's Foreign Ministry",
                  "<strong>498</strong> Russian troops killed, according to Russia"):
        assert claim.replace("’", "'") in unescape(group).replace("’", "'"), claim  # quotes curled or not
    assert f'href="{BASE}{NATIONAL}"' in group and f'href="{BASE}{NEWSWEEK}"' in group
    figures = section(page(built, NATIONAL), "figures")
    assert "14,000</strong> Russian troops killed" in figures
    assert f'href="{BASE}figures/russian-troops-killed/">compare the claims' in figures


@pytest.mark.cli
def test_entity_index_pages_archives_and_timeline(built):
    assert f'href="{BASE}places/kyiv/"' in page(built, "places")
    assert "Kiev" in page(built, "places/kyiv") or "Kyiv" in page(built, "places/kyiv")
    for url in ("2022", "2022/03", "timeline"):
        html = page(built, url)
        assert f'href="{BASE}{NATIONAL}"' in html and f'href="{BASE}{NEWSWEEK}"' in html, url
    timeline = page(built, "timeline")
    assert timeline.index(NEWSWEEK) < timeline.index(NATIONAL)  # oldest first
    assert f'href="{BASE}timeline/"' in page(built, "")


def test_long_lists_come_in_pages(site):
    """Entity pages, year and month archives and the timeline list `paginate_compact` briefings a
    page, newest first (the timeline oldest first); an entity's quotes and companions show on its
    first page only."""
    (site / "site.yaml").write_text((site / "site.yaml").read_text() + "\npaginate_compact: 1\n")
    result = run_cli(site, "build", "--strict", "--base-url", f"https://example.org{BASE}")
    assert result.returncode == 0, result.stderr  # strict: every pager link resolves
    for base, first, second in (("timeline/", NEWSWEEK, NATIONAL), ("2022/", NATIONAL, NEWSWEEK),
                                ("2022/03/", NATIONAL, NEWSWEEK)):
        one, two = page(site, base), page(site, base + "page/2")
        assert first in one and second not in one and second in two and first not in two, base
        assert f'rel="next" href="{BASE}{base}page/2/"' in one and f'rel="prev" href="{BASE}{base}"' in two
        assert 'rel="prev"' not in one and 'rel="next"' not in two
        assert 'start="2"' in two  # the month's numbering goes on from the page before
    named_in_both = [p.parent.parent for p in (site / "public" / "people").glob("*/page/2")]
    assert named_in_both
    for entity in named_in_both:
        one, two = ((entity / where / "index.html").read_text(encoding="utf-8") for where in ("", "page/2"))
        listed = [re.search(r'id="briefings".*?</ol>', html, re.S).group(0) for html in (one, two)]
        assert NATIONAL in listed[0] and NEWSWEEK in listed[1] and NEWSWEEK not in listed[0], entity.name
        assert '<ol class="compact" start="2">' in listed[1]
        assert 'class="companions"' in one and 'class="companions"' not in two and 'class="quotes"' not in two


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


def test_a_quantity_named_like_the_other_figures_page_gets_a_page_of_its_own(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for day in (1, 2):
        (content / f"{day}.md").write_text(f"---\ntitle: Day {day}\ndate: 2022-03-0{day}\nfigures:\n- value: {day}\n"
                                           f"  what: Other\n  claimant: Side {day}\n---\n\nText.\n")
    archive = link_archive(load_config(tmp_path / "site.yaml"), load_content(content).documents)
    assert [group.anchor for group in archive.figure_groups] == ["other-2"]


@pytest.mark.cli
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


def reference_related(briefings: list[Document], features: list[Features], settings: RelatedSettings) -> dict:
    """related_briefings written the straightforward way, pair by pair: what the fast path must give
    while the candidate cap (50 per briefing) cannot bind, as with 50 briefings or fewer."""
    found = Counter(key for f in features for key in _keys(f))
    common = settings.common_share * len(features) if len(features) >= settings.common_after else len(features)
    telling = {key for key, n in found.items() if 1 < n <= max(common, 2)}
    rarity = {key: 1.0 if len(features) < settings.common_after else
              min(1.0, max(0.0, math.log(n / len(features)) / math.log(_RARE_SHARE))) for key, n in found.items()}
    related = {}
    for i, (mine, a) in enumerate(zip(briefings, features)):
        scored = []
        for j, (theirs, b) in enumerate(zip(briefings, features)):
            if i != j and _keys(a) & _keys(b) & telling:
                score, reasons = _reference_score(mine, a, theirs, b, telling, rarity, settings)
                if score >= settings.threshold:
                    scored.append((-score, theirs.title, j, score, reasons))
        best = sorted(scored)[:settings.count]
        related[mine.url] = [(briefings[j].url, score, reasons) for _, _, j, score, reasons in best]
    return related


def _keys(feature: Features) -> set[tuple[str, str]]:
    keys = {(signal, key) for signal in SET_SIGNALS for key in feature.values[signal]}
    return keys | {("text", w) for w in feature.terms}


def _percent(logit: float) -> float:
    return float(round(100 / (1 + math.exp(-logit))))


def _reference_score(mine: Document, a: Features, theirs: Document, b: Features, telling: set, rarity: dict,
                     settings: RelatedSettings) -> tuple[int, list[tuple[str, str, float]]]:
    """The score and the reasons, each with the points it adds, for one pair."""
    logits, texts = {}, {}
    for signal in SET_SIGNALS:
        def weight(f: Features, key: str) -> float:
            return rarity[signal, key] * f.salience.get(signal, {}).get(key, 1.0) ** 2
        keys = [k for k in a.values[signal].keys() & b.values[signal].keys() if (signal, k) in telling]
        shared = sum(math.sqrt(weight(a, k) * weight(b, k)) for k in keys)
        norms = math.sqrt(sum(weight(a, k) for k in a.values[signal]) * sum(weight(b, k) for k in b.values[signal]))
        logits[signal] = math.sqrt(shared / max(1.0, norms))
        texts[signal] = _shared_text(signal, sorted(a.values[signal][k] for k in keys)) if keys else ""
    words = a.terms.keys() & b.terms.keys()
    cosine = sum(a.terms[w] * b.terms[w] for w in words)
    logits["text"] = math.sqrt(cosine) if cosine > _MIN_SIMILARITY else 0.0
    shown = sorted(words, key=lambda w: (-a.terms[w] * b.terms[w], w))[:4]
    labels = ", ".join(a.values.get("text", {}).get(w, w) for w in shown)
    texts["text"] = f"Similar wording ({round(100 * cosine)}% alike: {labels})"
    for signal, coefficient in zip(_REASONS, _COEFFICIENTS):
        logits[signal] = logits.get(signal, 0.0) * coefficient * max(0.0, settings.weights.get(signal, 1.0))
    if not any(logits[signal] > 0 for signal in _REASONS[:-1]):
        return -1, []
    days = abs((mine.date.date() - theirs.date.date()).days) if mine.date and theirs.date else None
    closeness = 0.0 if days is None else min(1.0, max(-1.0, 1 - days / max(1, settings.time_days)))
    logits["time"] = closeness * _COEFFICIENTS[-1] * max(0.0, settings.weights.get("time", 1.0))
    texts["time"] = "Published the same day" if days == 0 else f"Published {days} day{'s' if days != 1 else ''} apart"
    total = _INTERCEPT + sum(logits[signal] for signal in _REASONS)
    score = _percent(total)
    reasons = [(signal, texts[signal], 25 * logits[signal]) for signal in _REASONS
               if 25 * logits[signal] >= _MIN_POINTS]
    return int(score), reasons


def random_archive(seed: int, size: int) -> tuple[list[Document], list[Features]]:
    """Briefings sharing people, places, organisations, figures and words at random; some undated,
    some with the same title; a few words in nearly all of them (too common to find candidates)."""
    rng = random.Random(seed)
    pools = {signal: [f"{signal} {n}" for n in range(count)]
             for signal, count in (("people", 15), ("places", 6), ("organisations", 10), ("figures", 4))}
    vocabulary = [f"word{n}" for n in range(60)]
    briefings, features = [], []
    for i in range(size):
        values = {signal: {name.lower(): name for name in rng.sample(pool, rng.randint(0, 3))}
                  for signal, pool in pools.items()}
        words = rng.sample(vocabulary, rng.randint(3, 12)) + (["common", "usual"] if rng.random() < 0.9 else [])
        weights = {w: rng.random() + 0.01 for w in words}
        norm = math.sqrt(sum(v * v for v in weights.values()))
        salience = {signal: {key: rng.choice((0.3, 0.6, 1.0)) for key in keys} for signal, keys in values.items()}
        features.append(Features(values, {w: v / norm for w, v in weights.items()}, salience))
        date = None if rng.random() < 0.2 else dt.datetime(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 120))
        title = f"Story {rng.randint(0, size // 2)}"
        briefings.append(Document(path=Path(f"{i}.md"), source_path=f"{i}.md", url=f"b/{i}/", title=title,
                                  date=date, body_utf8=b"", body_line=1, meta={}, sha256=""))
    return briefings, features


@pytest.mark.parametrize("seed", range(4))
def test_related_briefings_match_a_straightforward_reference(seed):
    """Scored by one, two or three processes, each for its run of briefings."""
    briefings, features = random_archive(seed, 50)
    weights = {"people": 1.5, "places": 0 if seed == 1 else 1, "organisations": 1, "figures": 2, "text": 1,
               "time": 0 if seed == 2 else 1}
    settings = RelatedSettings(weights, threshold=10 + seed, count=3 + seed, common_share=0.5,
                               common_after=20 if seed % 2 else 100, time_days=60)
    fast = {url: [(r.document.url, r.score, [(x.signal, x.text, round(x.points, 9)) for x in r.reasons])
                  for r in relations]
            for url, relations in related_briefings(briefings, features, settings, processes=1 + seed % 3).items()}
    reference = {url: [(u, s, [(sig, text, round(p, 9)) for sig, text, p in reasons]) for u, s, reasons in relations]
                 for url, relations in reference_related(briefings, features, settings).items()}
    assert fast == reference
    assert sum(map(len, fast.values())) > len(briefings)  # the corpus relates briefings, the test tests something


def test_the_calibration_evidence_covers_every_pair_a_list_shows():
    """bench.related_eval --fit calibrates the model on candidate_evidence: one column per candidate pair."""
    briefings, features = random_archive(0, 50)
    settings = RelatedSettings({}, threshold=10, count=5, common_share=0.5, common_after=100, time_days=60)
    lo, hi, evidence = candidate_evidence(briefings, features, settings)
    pairs = set(zip(lo.tolist(), hi.tolist()))
    index = {b.url: i for i, b in enumerate(briefings)}
    shown = {tuple(sorted((index[url], index[r.document.url])))
             for url, relations in related_briefings(briefings, features, settings).items() for r in relations}
    assert shown and shown <= pairs and all(a < b for a, b in pairs)
    assert evidence.shape == (len(_REASONS), len(lo))


def test_the_devset_figures_intervals_are_wilson_scores_on_pairs_counted_once():
    """bench.related_eval --intervals: 8 of 10 is 0.49-0.94 (the Wilson interval, which stays
    within 0-1 at 10 of 10); a link or pair counted from both its briefings is one observation."""
    assert [round(x, 2) for x in wilson(8, 10)] == [0.49, 0.94]
    assert wilson(10, 10)[1] == 1.0 and wilson(0, 10)[0] == 0.0
    tally = Tally(shown=20, genuine=16)
    assert tally.row(intervals=True)[0] == "0.80 (16/20, 0.49-0.94)"
    assert tally.row()[0] == "0.80 (16/20)"


def test_pair_evidence_scores_any_pair_as_the_lists_do():
    """bench.related_eval --misses reads why a pair is missed from pair_evidence: for a pair a list
    shows, the same score, and points for the signals its reasons give; for any pair, what both hold."""
    briefings, features = random_archive(1, 50)
    settings = RelatedSettings({}, threshold=10, count=5, common_share=0.5, common_after=100, time_days=60)
    index = {b.url: i for i, b in enumerate(briefings)}
    shown = [(index[url], index[r.document.url], r) for url, relations in
             related_briefings(briefings, features, settings).items() for r in relations]
    assert shown
    for (a, b, relation), evidence in zip(shown, pair_evidence(briefings, features, settings,
                                                               [(a, b) for a, b, _ in shown])):
        assert evidence.score == relation.score and evidence.candidate
        assert {reason.signal for reason in relation.reasons} <= {s for s, points in evidence.points.items() if points}
        for signal in SET_SIGNALS:
            assert set(evidence.shared.get(signal, [])) == {
                label for key, label in features[a].values[signal].items() if key in features[b].values[signal]}
    unrelated = next((a, b) for a in range(50) for b in range(a + 1, 50)
                     if not any(features[a].values[s].keys() & features[b].values[s].keys() for s in SET_SIGNALS)
                     and not features[a].terms.keys() & features[b].terms.keys())
    assert pair_evidence(briefings, features, settings, [unrelated])[0].score == -1


@pytest.mark.parametrize("markup, targets, linked", [
    ('<p>Helen Reyes met Reyes. <a href="x">Helen Reyes</a></p><h2>Reyes</h2><p>Mr Reyes-Smith and O&rsquo;Brien, '
     "then O'Brien.</p>", {"Helen Reyes": "/a/", "Reyes": "/a/", "O'Brien": "/b/"},
     '<p><a class="entity" href="/a/">Helen Reyes</a> met Reyes. <a href="x">Helen Reyes</a></p><h2>Reyes</h2><p>Mr '
     "Reyes-Smith and <a class=\"entity\" href=\"/b/\">O&rsquo;Brien</a>, then O'Brien.</p>"),
    ("<p>Bay Bay Bay and Amber Bay Region, Amber Bay</p><pre>Amber Bay</pre><p>tail Amber Bay, Bay</p>",
     {"Bay Bay": "/c/", "Amber Bay": "/d/", "Amber Bay Region": "/e/", "Bay": "/f/"},
     '<p><a class="entity" href="/c/">Bay Bay</a> <a class="entity" href="/f/">Bay</a> and <a class="entity" '
     'href="/e/">Amber Bay Region</a>, <a class="entity" href="/d/">Amber Bay</a></p><pre>Amber Bay</pre><p>tail '
     "Amber Bay, Bay</p>"),
    ('<p title="Kyiv">Kyiv<code>Kyiv</code> AT&amp;T</p>', {"Kyiv": "/k/", "AT&T": "/t/"},
     '<p title="Kyiv"><a class="entity" href="/k/">Kyiv</a><code>Kyiv</code> <a class="entity" href="/t/">AT&amp;T</a></p>'),
])
def test_first_mentions_longest_spelling_first_whole_words_outside_tags(markup, targets, linked):
    """As one alternation of the spellings, longest first, over the text between tags would link them."""
    assert link_first_mentions(markup, targets) == linked


def _filler(rng: random.Random, count: int) -> str:
    """Words no other briefing is likely to use: what unrelated briefings have in common is chance."""
    return " ".join("".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4))
                    for _ in range(count))


def _briefing(name: str, title: str, body: str, day: int, people: tuple[str, ...] = (), places: tuple[str, ...] = (),
              meta: dict | None = None) -> Document:
    lists = {"people": list(people), "places": list(places), "organisations": [], "figures": [], "quotes": [],
             **(meta or {})}
    return Document(path=Path(f"{name}.md"), source_path=f"briefings/{name}.md", url=f"briefings/{name}/",
                    title=title, date=dt.datetime(2022, 1, 1) + dt.timedelta(days=day), body_utf8=body.encode(),
                    body_line=1, meta=lists, sha256=name)


def _related(tmp_path: Path, documents: list[Document]) -> dict[str, list[tuple[str, int, list[str]]]]:
    archive = link_archive(load_config(tmp_path / "site.yaml"), documents)
    return {url: [(r.document.url.split("/")[1], r.score, [reason.text for reason in r.reasons]) for r in relations]
            for url, relations in archive.related.items()}


def _unrelated(rng: random.Random, count: int, common: tuple[str, ...] = ()) -> list[Document]:
    """Briefings on nothing in common, every other one naming the `common` people in passing."""
    return [_briefing(f"other-{k}", f"Other story {k}",
                      _filler(rng, 120) + (f" {' and '.join(common)} spoke." if k % 2 else ""),
                      day=k % 7, people=common if k % 2 else ()) for k in range(count)]


def test_a_rare_shared_name_outweighs_names_a_third_of_the_archive_shares(tmp_path):
    """A person two briefings share is worth more than two people a third of the archive names; the
    reasons leave out a closeness in time that added nothing."""
    rng = random.Random(1)
    common = ("Joe Biden", "Olaf Scholz")
    rare = "Oleksii Reznikov"
    documents = [
        _briefing("a", "Reznikov visits the front", f"{rare} toured the front. {rare} met troops. {_filler(rng, 100)} "
                  f"{' and '.join(common)} spoke.", 0, people=(rare, *common)),
        _briefing("b", "Reznikov asks for arms", f"{rare} asked for arms. {rare} said so twice. {_filler(rng, 100)}",
                  400, people=(rare,)),
        *_unrelated(rng, 40, common),
    ]
    shown = _related_all(tmp_path, documents, "a")
    assert shown[0][0] == "b" and all(score < shown[0][1] for _, score, _ in shown[1:])
    assert "1 person in common: Oleksii Reznikov" in shown[0][2]
    assert not any("apart" in reason for reason in shown[0][2])  # 400 days apart: time added nothing
    assert any("Published" in reason for _, _, reasons in shown[1:] for reason in reasons)  # a week apart: it did


def test_briefings_far_apart_in_time_weigh_less_than_at_the_horizon(tmp_path):
    """The same name and words shared by briefings twice `time_days` (60) apart or more count for
    less than at 60 days (where closeness adds nothing): a region's standing names (a country, its
    leaders) join briefings years apart on other stories. The reasons never name time then."""
    rng = random.Random(4)
    shared = _filler(rng, 5)
    documents = [_briefing(name, "Reznikov in Geneva", f"Oleksii Reznikov spoke. {shared} {_filler(rng, 20)}", day,
                           people=("Oleksii Reznikov",))
                 for name, day in (("a", 0), ("horizon", 60), ("far", 800))] + _unrelated(rng, 30)
    scores = {name: (score, reasons) for name, score, reasons in _related_all(tmp_path, documents, "a")}
    assert scores["far"][0] < scores["horizon"][0] - 10
    assert not any("apart" in reason for reason in scores["far"][1] + scores["horizon"][1])


def test_a_name_a_briefing_is_about_outweighs_one_named_in_passing(tmp_path):
    """Named in the title or lead, or several times, a person counts fully; named once late in the
    text, much less (here both are named once); and a news agency credited in the text
    ("Associated Press") never counts."""
    rng = random.Random(2)
    person = "Mykola Tochytskyi"
    documents = [
        _briefing("about", f"{person} speaks in Geneva", f"{person} spoke in Geneva. {_filler(rng, 120)}", 0,
                  people=(person,)),
        _briefing("also-about", f"{person} warns of hunger", _filler(rng, 120), 1, people=(person,)),
        _briefing("in-passing", "Grain ships leave Odesa", f"{_filler(rng, 120)} A diplomat, {person}, was there.",
                  1, people=(person,)),
        _briefing("credited", "Floods in the north", f"{_filler(rng, 120)} (Associated Press)", 1,
                  people=("Associated Press",)),
        _briefing("credited-too", "Fires in the south", f"{_filler(rng, 120)} Associated Press contributed.", 1,
                  people=("Associated Press",)),
        *_unrelated(rng, 30),
    ]
    (tmp_path / "site.yaml").write_text("related:\n  threshold: 0\n  count: 100\n")
    archive = link_archive(load_config(tmp_path / "site.yaml"), documents)
    (tmp_path / "site.yaml").unlink()
    # The person's points, not the scores: two low scores may round to the same whole number.
    points = {r.document.url.split("/")[1]: sum(reason.points for reason in r.reasons if reason.signal == "people")
              for r in archive.related["briefings/about/"]}
    assert points["also-about"] > points.get("in-passing", 0)
    related = _related(tmp_path, documents)
    assert related["briefings/credited/"] == [] and related["briefings/credited-too/"] == []


def test_a_name_shared_under_two_kinds_is_a_name_in_common(tmp_path):
    """The extractor may take one name for a person in a briefing and for a place in another: the
    two briefings share it all the same, under the kind most briefings give it."""
    rng = random.Random(6)
    game = "Pellucid Harrow"
    documents = [
        _briefing("as-person", f"{game} stutters on launch", f"{game} stuttered. {_filler(rng, 120)}", 0,
                  people=(game,)),
        _briefing("as-place", f"{game} review", f"{game} is long. {_filler(rng, 120)}", 1, places=(game,)),
        _briefing("as-place-too", f"{game} patch", f"{game} was patched. {_filler(rng, 120)}", 2, places=(game,)),
        *_unrelated(rng, 30),
    ]
    shown = {name: reasons for name, _, reasons in _related_all(tmp_path, documents, "as-person")}
    assert f"1 place in common: {game}" in shown["as-place"]
    assert f"1 place in common: {game}" in shown["as-place-too"]


def test_who_a_credit_line_names_relates_nothing(tmp_path):
    """Two reviews on unrelated things, by the one reviewer a credit line names (and the extractor
    ran on into the price: "Quillfeather RRP"), show no list: a credit is not what a piece is about,
    in its names or its words."""
    rng = random.Random(5)
    credit = "**Tested by:** Jane Quillfeather **RRP:** £{} **More info:** shop"
    documents = [
        _briefing("gloves", "Winter gloves review", f"{credit.format(30)}\n\n{_filler(rng, 120)}", 0,
                  people=("Jane Quillfeather RRP",)),
        _briefing("manual", "Workshop manual review", f"{credit.format(24)}\n\n{_filler(rng, 120)}", 8,
                  people=("Jane Quillfeather RRP",)),
        *_unrelated(rng, 30),
    ]
    related = _related(tmp_path, documents)
    assert related["briefings/gloves/"] == [] and related["briefings/manual/"] == []


def test_a_short_piece_is_known_by_the_names_its_title_gives(tmp_path):
    """A teaser (a paywalled piece: a paragraph under a headline) whose body names nobody shares
    the names its title gives with the briefings whose bodies name them, as names it is about, and
    still names nobody on its page; a longer piece's title adds nothing its body does not name."""
    rng = random.Random(7)
    lexicon = Lexicon(load_config(tmp_path / "site.yaml").entities)
    teaser = _briefing("teaser", "Quillon Vantor and Marisca Delt sign a harbour deal",
                       "Shipping used to be simple. Now it is not, and nobody can say when it will be again.", 0)
    assert {key for _, key in facts_of(teaser, lexicon).title_names} == {fold("Quillon Vantor"), fold("Marisca Delt")}
    named = _briefing("named", "Harbour deal signed", f"Quillon Vantor and Marisca Delt signed. {_filler(rng, 120)}",
                      1, people=("Quillon Vantor", "Marisca Delt"))
    long = _briefing("long", "Quillon Vantor speaks at the harbour", _filler(rng, 120), 1,
                     people=("Amara Lusk", "Teodor Brenn", "Ilsa Marrow", "Oskar Vell"))
    assert facts_of(named, lexicon).title_names == () and facts_of(long, lexicon).title_names == ()
    documents = [teaser, named, long, *_unrelated(rng, 30)]
    listed = _related_all(tmp_path, documents, "teaser")
    shown = {name: reasons for name, _, reasons in listed}
    assert listed[0][0] == "named" and "2 people in common: Marisca Delt and Quillon Vantor" in shown["named"]
    assert not any("in common:" in reason for reason in shown.get("long", []))
    archive = link_archive(load_config(tmp_path / "site.yaml"), documents)
    assert archive.entities_of(teaser) == []  # the title's names relate it; its page lists what its body names


@pytest.mark.parametrize("body, credited", [
    ("**Tested by:** Jane Roe **RRP:** £20", {"Jane Roe RRP"}),
    ("By Jane Roe and John Doe, Reuters\n\nText.", {"Jane Roe", "John Doe"}),
    ("Words and pictures by Ann Lee", {"Ann Lee"}),
    ("They were killed by Russian troops.\n\nBy the time help came, Kyiv was quiet.", set()),
    ("Zelensky said by phone that Kyiv held.", set()),
    ("By Russia's count, 500 died.\n\nBy United Nations estimates, more.\n\nBy Wednesday, Kyiv was calm.", set()),
])
def test_credit_lines_name_who_wrote_tested_or_photographed(body, credited):
    assert credited_names(body) == credited


def _related_all(tmp_path: Path, documents: list[Document], name: str) -> list[tuple[str, int, list[str]]]:
    """One briefing's relations at any score (threshold 0)."""
    (tmp_path / "site.yaml").write_text("related:\n  threshold: 0\n  count: 100\n")
    try:
        return _related(tmp_path, documents)[f"briefings/{name}/"]
    finally:
        (tmp_path / "site.yaml").unlink()


def test_similar_wording_links_stories_on_one_topic_that_share_no_names(tmp_path):
    """Two briefings on one topic, in other words forms ("drought", "droughts"; "irrigated",
    "irrigating"), sharing no entity, are related by their wording alone."""
    rng = random.Random(3)
    documents = [
        _briefing("one", "Drought ruins the wheat harvest", "The drought ruined wheat harvests. Farmers irrigated "
                  "their fields, but reservoirs dried up and wells failed. Grain prices climbed as harvests shrank. "
                  f"Irrigation pumps ran day and night. {_filler(rng, 40)}", 0),
        _briefing("two", "Droughts shrink wheat harvests again", "Droughts are shrinking the wheat harvest. Farmers "
                  "irrigating fields saw reservoirs drying and a well failing. Grain price rises followed the "
                  f"harvest. Irrigating pumps run all night. {_filler(rng, 40)}", 3),
        *_unrelated(rng, 30),
    ]
    related = _related(tmp_path, documents)
    assert [name for name, _, _ in related["briefings/one/"]] == ["two"]
    assert related["briefings/one/"][0][2][0].startswith("Similar wording")


def test_briefings_sharing_only_what_many_share_show_no_list(tmp_path):
    """No filler: briefings of one week sharing only names a third of the archive names in passing
    get no related list at all."""
    rng = random.Random(4)
    common = ("Joe Biden", "Emmanuel Macron")
    documents = [_briefing(f"b{k}", f"Story {k}", f"{_filler(rng, 150)} {common[k % 2]} and {common[(k + 1) % 2]} "
                           "commented.", k % 5, people=() if k % 3 else common) for k in range(40)]
    assert all(not shown for shown in _related(tmp_path, documents).values())


@pytest.mark.parametrize("what, followed", [
    ("Russian troops killed", True), ("civilian casualties", True), ("people displaced", True),
    ("protesters killed", True), ("mph", False), ("points", False), ("people", False), ("years ago", False),
    ("people showed", False), ("Hong Kong dollars", False),
])
def test_only_figures_on_quantities_readers_follow_relate_briefings(what, followed):
    assert tracked(what) is followed


@pytest.mark.parametrize("words", [
    ("killed", "kills", "killing", "kill"), ("investigation", "investigating", "investigated"),
    ("harvests", "harvest"), ("planned", "plan"),
])
def test_forms_of_a_word_meet_in_one_stem(words):
    assert len({stem(word) for word in words}) == 1


def test_words_that_only_look_inflected_are_kept_whole():
    assert [stem(word) for word in ("crisis", "status", "news", "bus")] == ["crisis", "status", "news", "bus"]


def test_another_languages_common_words_are_no_wording_in_common():
    assert {"que", "uma", "para"} <= function_words("pt") and "und" in function_words("de")
    assert function_words("xx") == frozenset()
