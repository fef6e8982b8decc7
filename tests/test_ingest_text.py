"""Ingest of text seeds: cruft, links, paragraphs, title, outlet, author, date, digest."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest

from generator.config.settings import load_config
from generator.ingest.article import Seed
from generator.ingest.briefing import INGEST_VERSION, make_briefing
from generator.ingest.meta import headline
from generator.ingest.read import read_seed
from generator.ingest.boilerplate import kicker_prefix
from generator.text.sentences import split_sentences
from tests.helpers import REPO

NATIONAL = REPO / "seeds" / "000_b7715ab632626748.txt"
NEWSWEEK = REPO / "seeds" / "003_bd12803d39086d5b.txt"


def brief(path: Path, default_year: int | None = 2022, **settings):
    config = load_config(REPO / "site.yaml")
    ingest = config.ingest.__class__(**{**config.ingest.__dict__, "default_year": default_year, **settings})
    seed = Seed(path, path.name, hashlib.sha256(path.read_bytes()).hexdigest())
    return make_briefing(read_seed(seed), ingest)


def write_seed(tmp_path: Path, text: str, name: str = "story.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_national_seed_loses_its_banner_and_voice_notice_but_keeps_links():
    front, body = brief(NATIONAL)
    assert "Live updates" not in body and "follow the latest news" not in body
    assert "Voice is AI-generated" not in body and "🎙" not in body
    for url in ("https://www.thenationalnews.com/tags/russia/",
                "https://www.thenationalnews.com/world/2022/03/13/russia-and-ukraine-admit-heavy-military-losses-nearly-three-weeks-into-war/",
                "https://www.thenationalnews.com/world/2022/03/17/russian-strike-hits-mariupol-theatre-in-ukraine-sheltering-1000-civilians/"):
        assert f"]({url})" in body
    assert "[bombing a theatre in Mariupol](" in body
    assert "<" not in body  # no raw HTML reaches content/


def test_national_seed_gets_paragraphs_back():
    _, body = brief(NATIONAL)
    paragraphs = body.split("\n\n")
    assert len(paragraphs) >= 12
    assert all(len(split_sentences(p)) <= 3 for p in paragraphs)
    assert any(p.startswith("“By air, by tanks") for p in paragraphs), "a quote starts its own paragraph"


@pytest.mark.parametrize("notice", ["🔊 Voice is AI-generated. Inconsistencies may occur.", "Voice is AI generated."])
def test_an_ai_voice_notice_goes_with_its_icon_or_without(tmp_path, notice):
    _, body = brief(write_seed(tmp_path, f"{notice}\nThe council met on Tuesday to discuss the new budget for schools.\n"))
    assert body == "The council met on Tuesday to discuss the new budget for schools."


def test_national_seed_outlet_title_and_date_window():
    front, _ = brief(NATIONAL)
    assert front["source"]["name"] == "The National"
    assert front["source"]["domain"] == "thenationalnews.com"
    assert "authors" not in front  # none stated: no guess
    title = front["title"]
    assert len(title) <= 100 and "14,000" in title and not title.startswith("Ukraine’s defence minister estimated on Thursday")
    inference = front["date_inference"]
    assert inference["earliest"] == dt.date(2022, 3, 17)  # the newest linked story is a lower bound
    assert inference["latest"] == dt.date(2022, 3, 23)  # the "three-week-old onslaught" began on February 24
    assert front["date"] == dt.date(2022, 3, 17)  # the lead's Thursday within the window
    assert inference["confidence"] == "medium"
    assert any("on or after" in line for line in inference["evidence"])
    assert any("three-week-old" in line for line in inference["evidence"])


@pytest.mark.parametrize("lead, title", [
    ("KYIV, Ukraine (AP) — Russian forces shelled the city overnight, officials said.",
     "Russian forces shelled the city overnight, officials say"),
    ("On Tuesday, the European Union agreed to phase out Russian gas imports by 2027.",
     "The European Union agreed to phase out Russian gas imports by 2027"),
    ("In a statement on Monday, the ministry said 40 people had been killed in the strike.",
     "40 people killed in the strike, the ministry says"),
    ("Ukraine's grain exports fell by a third in March, the agriculture ministry said on Friday.",
     "Ukraine's grain exports fell by a third in March, the agriculture ministry says"),
    ("Since July, spending on the budget talks has risen by 12 per cent, figures published this week showed.",
     "Spending on the budget talks has risen by 12 per cent, figures published this week show"),
    ("At least 12 people were killed when a missile struck a building in Dnipro, officials said.",
     "At least 12 people killed, officials say"),
    ("Earlier this week, Zelensky told reporters that the counteroffensive had begun.",
     "The counteroffensive has begun, Zelensky says"),
    ("Ukraine says that its forces have retaken three villages near the front.",  # a KeyError crashed the build
     "Its forces have retaken three villages near the front, Ukraine says"),
    ("The bridge was reopened to traffic, he said.", "The bridge reopened to traffic"),
    ("Delta Province argued that the ceasefire plan had slowed.", "The ceasefire plan has slowed, Delta Province argues"),
])
def test_a_title_made_from_the_lead_leaves_out_lead_ins_and_credits_at_the_end(lead, title):
    assert headline(lead) == title


@pytest.mark.parametrize("lead, title", [
    ("Jamal Weber estimated on Sunday that the budget talks had slowed after 488 people were affected.",
     "The budget talks have slowed, Jamal Weber estimates"),
    ("West Region announced that the ceasefire plan had stalled.", "The ceasefire plan has stalled, West Region announces"),
    ("Officials in Lviv said the talks would continue.", "The talks would continue, officials in Lviv say"),
    ("Ukrainian officials said that grain exports had resumed.", "Grain exports have resumed, Ukrainian officials say"),
    ("Williams said that the crisis had deepened.", "The crisis has deepened, Williams says"),
    ("Analysts at the bank warned that the news had come too late.", "The news has come too late, analysts at the bank warn"),
    ("People familiar with the matter said the deal had collapsed.", "The deal has collapsed, people familiar with the matter say"),
])
def test_a_title_made_from_the_lead_agrees_in_number(lead, title):
    assert headline(lead) == title


def test_newsweek_seed_outlet_author_and_no_cruft():
    front, body = brief(NEWSWEEK)
    assert front["source"]["name"] == "Newsweek"
    assert any(why.startswith("self-reference: “Newsweek has contacted") for why in front["source"]["evidence"])
    assert front["authors"] == ["Jack Dutton"]
    assert "About the writer" not in body and "Read more" not in body and "Voice is AI" not in body
    assert body.startswith("Ukraine's Foreign Ministry said on Wednesday")
    assert body.rstrip().endswith("through talks instead of war.")
    assert "12,000" in front["title"] and len(front["title"]) <= 100


def test_newsweek_date_is_pinned_to_a_window_using_the_default_year():
    front, _ = brief(NEWSWEEK)
    inference = front["date_inference"]
    assert front["date"] == dt.date(2022, 3, 9)  # the first Wednesday after "March 8"
    assert (inference["earliest"], inference["latest"]) == (dt.date(2022, 3, 9), dt.date(2022, 3, 10))
    assert inference["confidence"] == "low", "what rests on an assumed year is low confidence"
    assert any("default_year" in line for line in inference["evidence"])


def test_without_a_year_the_date_is_not_guessed():
    front, _ = brief(NEWSWEEK, default_year=None)
    assert "date" not in front
    assert front["date_inference"]["confidence"] == "none"


def test_summary_and_key_points_are_sentences_of_the_article():
    for seed in (NATIONAL, NEWSWEEK):
        front, body = brief(seed)
        flat = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)
        assert 1 <= len(split_sentences(front["summary"])) <= 2
        assert front["summary"] in flat
        assert 3 <= len(front["key_points"]) <= 5
        # Sentences of the article, their opening at most trimmed or named ("But he said" -> "Oleksii Reznikov said").
        assert all(point.split(" ", 2)[-1] in flat for point in front["key_points"])


def test_seed_path_and_hash_are_recorded():
    front, _ = brief(NEWSWEEK)
    assert front["seed"] == {"path": NEWSWEEK.name, "sha256": hashlib.sha256(NEWSWEEK.read_bytes()).hexdigest(),
                             "ingest_version": INGEST_VERSION}


def test_inline_html_is_sanitised(tmp_path):
    seed = write_seed(tmp_path, 'Officials said on Monday that <a href="javascript:alert(1)" onclick="x()">the talks</a> '
                      'had failed. <script>alert("x")</script><iframe src="https://evil.example/"></iframe>'
                      '<img src=x onerror=alert(1)> The <a href="https://example.org/2021/05/01/a">minister</a> left.')
    front, body = brief(seed)
    assert "javascript" not in body and "script" not in body and "iframe" not in body and "onerror" not in body
    assert "[minister](https://example.org/2021/05/01/a)" in body
    assert "the talks" in body


@pytest.mark.parametrize("markup", ["", " It was <b>sold out</b>."])
def test_angle_brackets_around_a_title_are_the_texts_with_or_without_markup_beside_them(tmp_path, markup):
    seed = write_seed(tmp_path, "Visitors came to Jeongdong Theater to watch <The Palace: Tale of Jang Noksu> and left their "
                      f"reviews of the show on Tuesday.{markup} <Scrip evil=1>The theater said it would run again in spring.")
    _, body = brief(seed)
    assert "The Palace: Tale of Jang Noksu" in body and "<The" not in body and "Scrip evil" in body


def test_generic_cruft_lines_are_removed(tmp_path):
    seed = write_seed(tmp_path, "Share this article\nThe army said on Monday it had taken the town.\n"
                      "Sign up for our daily newsletter\nFighting continued into the night, officials said.\n"
                      "Advertisement\n")
    _, body = brief(seed)
    assert body == "The army said on Monday it had taken the town.\n\nFighting continued into the night, officials said."


def test_byline_gives_authors_and_is_not_the_title_or_the_text(tmp_path):
    seed = write_seed(tmp_path, "By Anna Smith and Tom Jones\nThe port reopened on Tuesday, officials said.\n"
                      "By Monday the ships were back.")
    front, body = brief(seed)
    assert front["authors"] == ["Anna Smith", "Tom Jones"]
    assert front["title"] == "The port reopened, officials say"
    assert body == "The port reopened on Tuesday, officials said.\n\nBy Monday the ships were back."


def test_sidecar_overrides_fields(tmp_path):
    write_seed(tmp_path, "The port reopened on Tuesday, officials said. Ships queued outside.")
    (tmp_path / "story.yaml").write_text("title: Port reopens\ndate: 2023-05-02\ntags: [shipping]\n")
    config = load_config(REPO / "site.yaml")
    from generator.ingest.read import find_seeds
    [found] = find_seeds(tmp_path, tmp_path)
    front, _ = make_briefing(read_seed(found), config.ingest)
    assert front["title"] == "Port reopens" and front["date"] == dt.date(2023, 5, 2) and front["tags"] == ["shipping"]
    assert "date_inference" not in front, "a stated date is not an inference"
    assert front["seed"]["sidecar_sha256"]


@pytest.mark.parametrize("text", ["", "   \n\n", "Share this article\n"])
def test_empty_or_all_cruft_seed_is_a_problem(tmp_path, text):
    from generator.problems import ProblemError
    with pytest.raises(ProblemError) as error:
        brief(write_seed(tmp_path, text))
    assert str(error.value.problem.path).endswith("story.txt")


def test_text_that_looks_like_html_never_renders_as_html(tmp_path):
    import markdown
    plain_seed = write_seed(tmp_path, "The hackers posted <script>alert(1)</script> and &lt;b&gt; on AT&T's site, officials said.", "a.md")
    linked_seed = write_seed(tmp_path, 'Officials said &lt;script&gt;alert(1)&lt;/script&gt; was <a href="https://x.org/">posted</a>.', "b.txt")
    pages = [markdown.markdown(brief(seed)[1]) for seed in (plain_seed, linked_seed)]
    assert all("<script" not in html and "<b>" not in html and "alert" not in html.split("&lt;script&gt;")[0] for html in pages)
    assert "AT&amp;T" in pages[0], "real tags are sanitised away, the text around them kept"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[1], "escaped markup stays visible text"


@pytest.mark.parametrize("front", [
    {"title": "Russia lost 14,000 troops, Ukraine's defence minister says", "date": dt.date(2022, 3, 8),
     "figures": [{"value": 14000, "what": "Russian troops killed", "sentence": "“It is,” he said: #1 - ok"}],
     "tags": [], "summary": "yes", "quotes": ["null", "12:30", " lead", "trail ", "a: b", "'q'", "x" * 1200]},
    {"title": "An emoji 😀 and a\nline break", "": "empty key", "é": 1},  # written by PyYAML
])
def test_briefing_text_is_the_same_whichever_yaml_emitter_writes_it(front):
    import yaml

    from generator.ingest.write import HASH_KEY, briefing_text

    pure = yaml.safe_dump({**front, HASH_KEY: None}, sort_keys=False, allow_unicode=True, width=1000)
    assert briefing_text(front, "Body.").startswith("---\n" + pure.split(f"{HASH_KEY}:")[0])


def test_a_body_line_opening_with_the_hash_key_is_kept_and_its_edit_is_seen():
    from generator.ingest.write import HASH_KEY, briefing_text, edited_by_person

    body = f"The leaked file read:\n\n{HASH_KEY}: deadbeef\n\nOfficials declined to comment."
    text = briefing_text({"title": "A leak"}, body)
    assert text.endswith(body + "\n"), "the body's own line is not rewritten"
    assert not edited_by_person(text)
    assert edited_by_person(text.replace(f"{HASH_KEY}: deadbeef", f"{HASH_KEY}: cafe"))


# --- cruft as whole blocks: what a rule takes, what is warned about, what a title is --------------

from collections import Counter  # noqa: E402

from generator.ingest.clean import WARN_SHARE, clean  # noqa: E402
from generator.text.markdown_text import plain  # noqa: E402

_ARTICLE = [
    "Ukraine's Foreign Ministry said on Wednesday that more than 12,000 Russian troops had been killed since the invasion began.",
    "The ministry made the announcement through its social media channels, listing aircraft, helicopters and tanks.",
    "Russia accuses Kyiv of shelling the plant. Moscow denies this.",
    "Military analysts say Russia has been surprised by the strength of the opposition its forces have met.",
    "The European Union on Wednesday expanded sanctions against Russia and its ally Belarus.",
]
# Cruft of many shapes: those the issue lists and others; each must go and take nothing else.
_CRUFT = [
    "Listen to this article", "🎙️ Voice is AI-generated. Inconsistencies may occur.", "This article was read by an AI voice.",
    "Live updates: follow the latest news on the war in Ukraine", "Live coverage: Hong Kong protests", "By Anna Smith | The Daily Example",
    "By Anna Smith, The Daily Example", "Anna Smith is a reporter at The Daily Example.", "Anna Smith covers energy for The Daily Example.",
    "Reporting by Anna Smith; Editing by Tom Jones", "Read more on The Daily Example", "Sign up for our daily newsletter to get the news in your inbox.",
    "Share this article", "Share on Facebook Share on Twitter Share via Email", "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "(Photo by Anna Smith/Getty Images)", "Advertisement", "Related: Grain exports resume from Odesa",
    "© 2022 The Daily Example. All rights reserved.", "Published 9 March 2022", "Reading time: 4 minutes",
    "Sign up for The Daily Example's weekly roundup", "Get our morning briefing in your inbox every weekday",
    "ALSO READ | Grain exports resume from Odesa", "Subscribers can gift up to 10 articles each month.",
    "Sign up for our daily newsletter", "Click to share on Reddit (Opens in new window)", "Have a story idea? Tell us.",
    "Support our newsroom. Donate today.", "Photo gallery: 12 photos", "What do you think? Leave a comment below.", "12 Comments",
    "Up next: ‘The Medium is the Message’: the 7th Amsterdam Light Festival", "toggle caption", "19 people have shared this",
    "Source: Slate research", "Chart: The Daily Example analysis of state data", "Back to The Daily Example homepage",
    "Pause Play % buffered 00:00", "Like Reply Share", "Must watch: How This Man’s Bedding Gave Him ‘Feather Duvet Lung’",
    "More from this author", "© Provided by The Daily Example", "Gift article", "Shop now",
]


def _cleaned(text: str) -> str:
    config = load_config(REPO / "site.yaml")
    return "\n\n".join(plain(p) for p in clean(text, config.ingest.cruft).paragraphs)


def _words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.casefold()))


@pytest.mark.parametrize("where", ["top", "middle", "bottom"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_a_cruft_rule_never_takes_words_outside_the_cruft(where, one_line):
    for cruft in _CRUFT:
        pieces = list(_ARTICLE)
        pieces.insert({"top": 0, "middle": 2, "bottom": len(pieces)}[where], cruft)
        body = _cleaned((" " if one_line else "\n").join(pieces))
        assert not _words(" ".join(_ARTICLE)) - _words(body), f"{cruft!r} ({where}) took article words: {body!r}"
        assert cruft not in body, f"{cruft!r} ({where}) was left"


def test_a_seed_that_loses_much_to_cruft_is_warned_about_by_name(tmp_path):
    seed = write_seed(tmp_path, "\n".join(["Share this article", "Listen to this article", _ARTICLE[0], "Advertisement",
                                           "Sign up for our daily newsletter to get the news in your inbox.",
                                           "Anna Smith is a reporter at The Daily Example.", "Accept all cookies"]))
    warnings = []
    config = load_config(REPO / "site.yaml")
    make_briefing(read_seed(Seed(seed, seed.name, "x")), config.ingest, warn=warnings.append)
    [warning] = warnings
    assert warning.path == seed and f"{WARN_SHARE:.0%}" < warning.message.split("(")[1]
    assert "Sign up for our daily newsletter" in warning.message and "Share this article" in warning.message
    quiet = []
    make_briefing(read_seed(Seed(NEWSWEEK, NEWSWEEK.name, "x")), config.ingest, warn=quiet.append)
    assert quiet == [], "a seed with a little cruft is not worth a warning"


@pytest.mark.parametrize("text", [
    "Troops enter the city\nTroops enter the city.",
    "Listen to this article Troops enter the city\nAdvertisement",
])
def test_no_briefing_body_is_only_its_title(tmp_path, text):
    from generator.problems import ProblemError
    try:
        front, body = brief(write_seed(tmp_path, text))
    except ProblemError as error:
        assert "no article text" in error.problem.message
        return
    assert _words(plain(body)) - _words(front["title"]), f"the body {body!r} only repeats the title"


@pytest.mark.parametrize("separator", [" ", "\n"], ids=["one-line", "paragraphs"])
def test_a_pasted_headline_is_the_title_exactly_and_not_the_first_paragraph(tmp_path, separator):
    title = "Russia has lost 12,000 troops, Ukraine says — and the toll is rising"
    seed = write_seed(tmp_path, f"{title}\n" + separator.join(["Live coverage: Russia-Ukraine war", "By Anna Smith | The Daily Example", *_ARTICLE]))
    front, body = brief(seed)
    assert front["title"] == title
    assert not body.startswith("Russia has lost") and not front["summary"].startswith("Russia has lost")
    assert "Live coverage" not in body and "Anna Smith" not in body


def test_a_title_made_from_the_text_is_never_a_byline_or_banner(tmp_path):
    seed = write_seed(tmp_path, "By Anna Smith | The Daily Example Live updates: the war in Ukraine " + " ".join(_ARTICLE))
    front, _ = brief(seed)
    assert "Anna Smith" not in front["title"] and "Live" not in front["title"]


def test_a_one_line_paste_keeps_quotes_with_their_attribution_and_replies_with_what_they_answer():
    text = " ".join([
        "The minister spoke to the European parliament in Brussels on Monday, describing weeks of shelling in the east.",
        "“We are not machines, we are not animals, but our people are fighting,” he said.",
        "“Our forces are holding every line.”",
        "He added that aid convoys were arriving in Kharkiv and Sumy despite the fighting on the roads.",
        "Russia is accused by Ukraine of bombing a theatre in Mariupol where women and children had been sheltering.",
        "Moscow denies this.",
        "The United Nations said on Tuesday that at least 1,424 civilians had been hurt since the start of the invasion.",
        "Officials in Lviv said the count was far higher and that many bodies were still under the rubble of flats.",
    ])
    paragraphs = clean(text, ()).paragraphs
    assert any("“Our forces are holding every line.” He added that aid convoys" in p for p in paragraphs), paragraphs
    assert any("sheltering. Moscow denies this." in p for p in paragraphs), paragraphs
    assert all(not p.startswith("Moscow denies") for p in paragraphs)


@pytest.mark.slow
def test_a_long_one_word_seed_ingests_in_seconds(tmp_path):
    import time
    seed = write_seed(tmp_path, "Ukrainian" * 133_000)  # 1.2 MB, one word
    brief(NEWSWEEK)  # rules compiled, settings read
    started = time.perf_counter()
    front, body = brief(seed)
    assert time.perf_counter() - started < 5
    assert len(front["title"]) <= 100 and len(body) > 1_000_000


# --- the text devset and its scoring -------------------------------------------------------------

AEB = REPO.parent / "shared" / "devset" / "aeb"


@pytest.mark.slow
@pytest.mark.skipif(not (AEB / "ground-truth.json").exists(), reason="the saved pages are not beside the clone")
def test_the_text_devset_is_made_the_same_way_every_time(tmp_path):
    from bench.devset.text.make import make_devset

    first = make_devset(AEB, tmp_path / "a")
    again = make_devset(AEB, tmp_path / "b")
    assert len(first) >= 150 and first == again
    assert all((tmp_path / "a" / s.file).read_bytes() == (tmp_path / "b" / s.file).read_bytes() for s in first)
    made = [s for s in first if not s.id.startswith("seeds/")]
    assert abs(sum(s.shape == "one-line" for s in made) - len(made) / 2) <= 1
    assert abs(sum(bool(s.title) for s in made) - len(made) / 2) <= 10  # pages without a title paste none
    assert all(s.cruft for s in made) and sum(s.byline for s in made) > 40 and sum(s.outlet_clue for s in made) > 80


def test_the_text_eval_scores_each_field_by_itself():
    from bench.devset.text.make import SeedTruth
    from bench.text_eval import Outcome, author_scores, body_words, cruft_left, lost, outlet_scores, title_kept

    truth = SeedTruth("x", "x.txt", "one-line", "Troops enter the city", ["Anna Smith"], "The Daily Example", "2022-03-09",
                      None, True, True, False, ["Share this article", "By Anna Smith | The Daily Example"],
                      body="Troops entered the city on Monday, officials said.")
    good = Outcome(truth, {"title": "Troops enter the city", "authors": ["Anna Smith"], "source": {"name": "Daily Example"},
                           "summary": "Troops entered the city on Monday, officials said."},
                   body="Troops entered the city on Monday, officials said.")
    bad = Outcome(truth, {"title": "Share this article", "authors": ["Tom Jones"], "source": {"name": "Example"}},
                  body="Share this article Troops entered the city.")
    assert body_words(good) == (1.0, 1.0) and not lost(good) and lost(bad)
    assert cruft_left(good) == [] and cruft_left(bad) == ["Share this article"]
    assert title_kept(good) and not title_kept(bad)
    assert outlet_scores([good, bad])["recall"] == 0.5 and author_scores([good, bad])["precision"] == 0.5


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["Advertisement ", "Share this article ", "Related: ", "The army said. ", "Live updates: "])
def test_a_long_run_of_cruft_or_short_sentences_is_cleaned_in_seconds(unit):
    import time
    started = time.process_time()  # CPU time: what the rules cost, whatever else the machine runs
    clean(unit * (200_000 // len(unit)), load_config(REPO / "site.yaml").ingest.cruft)  # 200 KB on one line
    assert time.process_time() - started < 10, "a rule reads past its piece, or a paragraph is re-measured"


# Interface words glued on after a word in a one-line paste: each piece goes, the sentence around it stays.
@pytest.mark.parametrize("cruft", [
    "Jump to comments", "Skip to main content", "Open in app", "Back to top", "Tap to unmute", "Print this page",
    "18 people are reading this now", "Send us your tips: tips@example.com",
    "Watch: Esper accuses China of intimidating smaller Asian nations (video, 2:31)",
])
def test_interface_words_glued_after_a_word_go_and_take_nothing_else(cruft):
    article = ["Ukraine's Foreign Ministry said on Wednesday that troops had been killed in Oregon",
               "The ministry made the announcement through its social media channels."]
    body = _cleaned(f" {cruft} ".join(article))
    assert not _words(" ".join(article)) - _words(body), f"{cruft!r} took article words: {body!r}"
    assert cruft not in body, f"{cruft!r} was left: {body!r}"


@pytest.mark.parametrize("sentence", [
    "Volunteers from Save the Children Fund arrived, and 3 people were hurt in the crash.",
    "Officials will Back up Kyiv's claims, said the Open Championship organisers.",
    "The 2015 Print this week Award went to 18 people reading poems.",
    "Two crashes in less than five months killed a total of 346 people. Its fleet has been grounded since March.",
    "The rally drew 5,000 people Tuesday, and 200 readers Wrote to the paper.",
])
def test_names_and_counts_in_a_sentence_are_not_interface_words(sentence):
    article = [_ARTICLE[0], sentence, _ARTICLE[1]]
    assert not _words(" ".join(article)) - _words(_cleaned(" ".join(article)))


def test_a_quote_opened_curly_and_closed_straight_ends_its_sentence():
    text = '“It is popular," she said. "Shoppers can look forward to it." Prices are climbing. Anna Smith is a reporter.'
    assert split_sentences(text)[-2:] == ["Prices are climbing.", "Anna Smith is a reporter."]


@pytest.mark.parametrize("text, kept", [
    ("Live updates: Hong Kong protests BERLIN — Google Stadia launches tomorrow, the company said.",
     "Google Stadia launches tomorrow, the company said."),
    ("Trending: UEFA Euro 2020 qualifying: Tracking every team to clinch a spot\nGoogle Stadia launches tomorrow, the company said.",
     "Google Stadia launches tomorrow, the company said."),
    ("Recommended: The Resurrection of the Greatest Writer You’ve Never Read Google's long-gestating foray into gaming is here.",
     "Google's long-gestating foray into gaming is here."),
])
def test_a_topic_or_headline_glued_to_the_text_ends_where_the_text_begins(text, kept):
    assert _cleaned(text) == kept


@pytest.mark.parametrize("cruft", ["Scroll down for video", "Copied to clipboard", "Leave a comment below.", "Loading…",
                                   "Listen to The Daily Example on Spotify", "Follow this topic", "12 comments",
                                   "Previous slide Next slide", "Report a typo", "Enter your email address"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_a_block_of_the_interfaces_words_goes(cruft, one_line):
    pieces = [_ARTICLE[0], _ARTICLE[1], cruft, _ARTICLE[2]]
    body = _cleaned((" " if one_line else "\n").join(pieces))
    assert not _words(" ".join(_ARTICLE[:3])) - _words(body) and cruft not in body, body


# Asides of kinds the rules hold no phrase for: the page's things, its navigation, its appeals.
@pytest.mark.parametrize("aside", ["Reuse this content", "This video can not be played", "Our journalism needs your support.",
                                   "Manage your subscription", "Back to the homepage", "Comments are closed for this story"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_an_aside_of_the_page_goes_and_takes_no_word_of_the_article(aside, one_line):
    pieces = [_ARTICLE[0], _ARTICLE[1], aside, _ARTICLE[3], _ARTICLE[4]]
    body = _cleaned((" " if one_line else "\n").join(pieces))
    assert _words(body) == _words(" ".join(_ARTICLE[:2] + _ARTICLE[3:])), body


@pytest.mark.parametrize("aside", ["Up next: The Resurrection of the Greatest Writer You’ve Never Read", "Sponsored by The Daily Example",
                                   "Discover more from The Daily Example", "Brought to you by Example Motors"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_a_label_or_credit_of_the_pages_goes_with_its_headline_or_name(aside, one_line):
    """Glued to a sentence, a name ends where "The" opens the sentence; before "Military analysts …" it
    would not be told from a name's last word, and the credit would stay."""
    pieces = [_ARTICLE[0], _ARTICLE[1], _ARTICLE[3], aside, _ARTICLE[4]]
    body = _cleaned((" " if one_line else "\n").join(pieces))
    assert _words(body) == _words(" ".join(_ARTICLE[:2] + _ARTICLE[3:])), body


@pytest.mark.parametrize("text", ["Supported by Washington, the rebels advanced on the city.",
                                  "He added: “The refugees must not be forced to leave.”",
                                  "Produced by Example Motors Kym Lino, a spokesperson for the maker, confirmed the date.",
                                  "Produced by Example Motors Home Depot shares are up 39 percent this year.",
                                  "Next article CLICK FOR FULL STATE SWIM RESULTS"])
def test_a_sentence_opening_like_a_label_or_credit_keeps_its_words(text):
    body = _cleaned("\n".join([_ARTICLE[0], text, _ARTICLE[1]]))
    assert not (_words(text) - _words("Next article")) - _words(body), body


@pytest.mark.parametrize("line", ["Supporters and members", "Media and video", "What you can read here?", "Reports:"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_a_short_line_of_the_pages_words_that_the_article_shares_or_that_opens_what_follows_stays(line, one_line):
    """The page's words that the article also says are the article's; a question or a label opens its next words."""
    article = _ARTICLE[:4] + ["A video of the announcement, shared on social media, had wide support among members and supporters."]
    body = _cleaned((" " if one_line else "\n").join([article[0], article[1], line, *article[2:]]))
    assert not _words(" ".join([line, *article])) - _words(body), body


@pytest.mark.parametrize("line", ["Show Jumping", "Read our review-in-progress here.", "Click the link above so you can:",
                                  "(You can read it here.)", "Users can share photos and videos on the app.", "Share prices",
                                  "Support the troops.", "Explore the caves of Cappadocia.", "What do you think?", "He added:"])
def test_an_articles_short_lines_about_its_links_or_with_a_verb_of_the_interface_stay(line):
    assert line in _cleaned("\n".join([_ARTICLE[0], line, _ARTICLE[1]]))


def test_a_banners_topic_never_takes_the_words_before_a_date_in_the_text():
    text = "Live updates: US politics As of 29 November 2018, thirty artworks will light up the city."
    assert _cleaned(text) == "As of 29 November 2018, thirty artworks will light up the city."


def test_a_one_line_paste_has_no_pasted_headline_and_keeps_every_sentence(tmp_path):
    # The first paragraph rebuilt from one long line may end at a question, as headlines do: it is
    # still the article's, so it stays in the body and the title is derived from it.
    text = ("Words by Anna Smith Washington, DC, United States: Getting to the Moon, while not easy, has been done. "
            "Staying on the Moon and reaching Mars, however, haven't. Why? Because space travel and sustaining life "
            "off Earth are anything but easy. You might also like: One of the top-performing beauty stocks could surge "
            "after 'Kylie Jenner' makeover It is for that reason that the agency on Monday enlisted the engineering "
            "muscle of the industry's upstarts to prepare the ground for its crewed moon shot. "
            + "“We have a need and saw a need to bring on some additional providers,” the agency said on Monday. " * 4)
    seed = tmp_path / "moon.txt"
    seed.write_text(text)
    front, body = make_briefing(read_seed(Seed(seed, "seeds/moon.txt", "x")), load_config(REPO / "site.yaml").ingest)
    assert "Staying on the Moon" in body and "Why?" in body


@pytest.mark.parametrize("tags, rest", [
    ("Posted in News | Tagged world, politics", "According to evidence presented at trial, the man grabbed the girl on the avenue."),
    ("Topics: Politics, Economy, World", "Risks to the success of the grant are real, the charity said on its site."),
    ("Tags: Hong Kong, US politics, Trade war", "NEW YORK — The market rose on Tuesday after the talks resumed."),
])
def test_a_tag_list_in_a_one_line_paste_goes_and_takes_no_sentence_after_it(tags, rest):
    article = "The jury convicted the man of kidnapping the girl after a two-day trial."
    body = _cleaned(f"{article} {tags} {rest}")
    assert tags not in body and not _words(article + " " + rest.replace("NEW YORK — ", "")) - _words(body), body


def test_a_sentence_that_opens_like_a_tag_label_is_kept():
    text = "Posted in Kabul on Monday, the letter said the talks would go on. Officials confirmed it later."
    assert not _words(text) - _words(_cleaned(text))


# The page addressing its reader about their dealings with it: said in words no list here holds.
@pytest.mark.parametrize("notice", ["You have 2 free stories remaining this week.", "Enjoy unlimited access to The Example for $2 a month.",
                                    "Get the latest alerts sent straight to your inbox", "Download our app for the latest news",
                                    "The opinions expressed in this post are the author's alone.", "Manage your consent preferences",
                                    "Recommended for you", "Posted 3 days ago"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_the_pages_notice_to_its_reader_goes_and_takes_no_word_of_the_article(notice, one_line):
    pieces = [_ARTICLE[0], _ARTICLE[1], notice, _ARTICLE[3], _ARTICLE[4]]
    body = _cleaned((" " if one_line else "\n").join(pieces))
    assert _words(body) == _words(" ".join(_ARTICLE[:2] + _ARTICLE[3:])), body


@pytest.mark.parametrize("credit", ["Supported by", "Image source, Reuters", "Picture credit: Jane Smith"])
def test_a_credit_on_a_line_of_its_own_goes(credit):
    """Glued before "Military analysts …" in a one-line paste, where its name ends is not in the text: it stays."""
    body = _cleaned("\n".join([_ARTICLE[0], _ARTICLE[1], credit, _ARTICLE[3]]))
    assert _words(body) == _words(" ".join(_ARTICLE[:2] + _ARTICLE[3:4])), body


@pytest.mark.parametrize("sentence", [
    "You can download the app and open an account in minutes, the bank said of its new app and its account offers.",
    "“Get the app, open an account and your money is safe,” the bank's chief told customers.",
    "What it means for you",
    "Your email address is not a password, the regulator's guidance on the bank's app says."])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_an_articles_sentence_to_its_reader_about_apps_and_accounts_stays(sentence, one_line):
    """An article about a bank's app names the app, the account and the email again: its words are the article's."""
    article = ["The bank launched a new app on Monday for its two million customers.",
               "Customers can open an account with an email address and a phone number, the bank said.",
               sentence, "Regulators said the app met the rules on security."]
    body = _cleaned((" " if one_line else "\n").join(article))
    assert not _words(" ".join(article)) - _words(body), body


def test_a_partners_credit_without_its_name_goes_and_the_sentence_after_it_stays():
    body = _cleaned(f"{_ARTICLE[0]} Supported by The tie was already decided when the doubles began. {_ARTICLE[1]}")
    assert "Supported by" not in body and "The tie was already decided when the doubles began." in body


@pytest.mark.parametrize("aside", ["Translate this page", "Subscriber exclusive", "Report an error"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_an_aside_the_page_repeats_goes_every_time(aside, one_line):
    """No copy of a repeated aside, nor another aside sharing its words ("page"), vouches for it as the article's."""
    pieces = [_ARTICLE[0], aside, _ARTICLE[1], aside, _ARTICLE[3], "Print this page", _ARTICLE[4]]
    body = _cleaned((" " if one_line else "\n").join(pieces))
    assert _words(body) == _words(" ".join([_ARTICLE[0], _ARTICLE[1], _ARTICLE[3], _ARTICLE[4]])), body


def test_a_short_sentence_of_the_article_naming_its_topic_stays():
    """"Facebook" is one of the page's words, but "Clegg" is the article's, named in its longer sentence."""
    text = ("A confident 2010 appearance by former Liberal Democrat leader Nick Clegg sparked a wave of support for him. "
            "Clegg now works for Facebook. The party has since lost most of its seats in parliament.")
    assert not _words(text) - _words(_cleaned(text))


@pytest.mark.parametrize("credit", ["Fact checked by The Wall Street Journal staff", "Medically reviewed by Jane Doe",
                                    "Originally published on NBC 5 Dallas-Fort Worth", "First appeared in The Conversation",
                                    "Edited by Tom Brown; Additional reporting by Anna Smith in Kyiv"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_an_editorial_credit_goes_and_takes_no_word_of_the_article(credit, one_line):
    pieces = [_ARTICLE[0], _ARTICLE[1], credit, _ARTICLE[3], _ARTICLE[4]]
    body = _cleaned((" " if one_line else "\n").join(pieces))
    assert _words(body) == _words(" ".join(_ARTICLE[:2] + _ARTICLE[3:])), body


@pytest.mark.parametrize("text", [
    "Published in Nature, the study found that the glacier lost a third of its ice.",
    "Published in March, the report said the plant would close. Officials confirmed it.",
    "Originally published on Autoracing 37 Drew Herring 8 0 0 0 0",
    "Recommended: The Weird Plumes of Europa Are Spewing Water Vapor 37 Drew Herring 8 0 0 0 0 38 Blake Jones 6 0 0 0 0",
    "Reviewed by regulators for two years, the drug was approved on Monday."])
def test_a_sentence_or_a_table_row_after_a_credits_words_stays(text):
    kept = re.sub(r"^(?:Originally published on Autoracing|Recommended: .* Vapor) ", "", text)
    assert not _words(kept) - _words(_cleaned(f"{_ARTICLE[0]} {text}"))


def test_a_note_about_the_article_glued_after_a_bracket_goes():
    body = _cleaned(f"{_ARTICLE[0]} Tanks [1 cup, 2 tsp. oil] This article was produced in partnership with The Example Blog. {_ARTICLE[1]}")
    assert _words(body) == _words(f"{_ARTICLE[0]} Tanks [1 cup, 2 tsp. oil] {_ARTICLE[1]}"), body


@pytest.mark.parametrize("note", ["This article was produced in partnership with The Example Foundation.",
                                  "This post may contain affiliate links.", "This is a developing story.",
                                  "This story has been adapted from its original source.",
                                  "We may earn a commission when you buy through links on our site.",
                                  "An earlier version of this story appeared in print with the headline: Grain Exports Resume."])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_a_note_about_the_article_itself_goes(note, one_line):
    pieces = [_ARTICLE[0], _ARTICLE[1], note, _ARTICLE[3]]
    body = _cleaned((" " if one_line else "\n").join(pieces))
    assert _words(body) == _words(" ".join(_ARTICLE[:2] + _ARTICLE[3:4])), body


@pytest.mark.parametrize("notice", ["Download the Polygraph.info app for the latest news",
                                    "Enjoy unlimited access to Connecticut Post for just $1 a week."])
def test_a_notice_naming_the_outlet_goes_though_the_article_names_the_outlet_too(notice):
    named = "Polygraph.info and the Connecticut Post asked the ministry for its figures."
    body = _cleaned("\n".join([_ARTICLE[0], named, notice, _ARTICLE[1], "Read more on Polygraph.info"]))
    assert _words(body) == _words(" ".join([_ARTICLE[0], named, _ARTICLE[1]])), body


def test_a_line_naming_many_things_after_a_notices_words_is_the_articles():
    """Only one short name in a notice is the page's own: a reference after "Email the author" names the topic."""
    reference = "[2] Joint Commission National Patient Safety Goal: Alarm Management |ECRI top 10 Health Technology Hazard"
    text = "\n".join(["Alarm fatigue harms patient safety, the Joint Commission and ECRI say.", _ARTICLE[0],
                     f"Email the author {reference}"])
    assert "Joint Commission National Patient Safety Goal" in _cleaned(text)


@pytest.mark.parametrize("sentence", [
    "This video, published by the ministry on Monday, shows troops crossing the river.",
    "“This article was written to mislead,” the minister said of the report.",
    "This feature was introduced last year and includes a map of the front line."])
def test_an_articles_sentence_about_a_video_a_quote_or_a_feature_stays(sentence):
    text = f"{_ARTICLE[0]} {sentence} {_ARTICLE[1]}"
    assert not _words(text) - _words(_cleaned(text))


@pytest.mark.parametrize("text", ["Kym Lino, a spokesperson for the studio, confirmed the date.",
                                  "Home Depot shares are up 39 percent this year."])
def test_a_credit_whose_name_ends_in_a_companys_suffix_goes_and_the_sentence_after_it_stays(text):
    body = _cleaned("\n".join([_ARTICLE[0], f"Produced by Example Studios {text}", _ARTICLE[1]]))
    assert "Produced by" not in body and text in body, body


@pytest.mark.parametrize("cruft", ["Like Reply Share", "Press play to listen · 6 min", "Have a news tip? Email us.",
                                   "Already a subscriber? Log in"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_what_cruft_leaves_of_itself_goes_too(cruft, one_line):
    """A rule may take part of a line ("Reply Share"); the rest ("Like") names nothing of the article and goes with it."""
    body = _cleaned((" " if one_line else "\n").join([cruft, _ARTICLE[0], _ARTICLE[1]]))
    assert _words(body) == _words(" ".join(_ARTICLE[:2])), body


def test_what_cruft_leaves_on_its_line_goes_even_where_the_article_shares_its_words():
    article = "Netflix said its subscribers pay more for the service this year. The subscriber count rose again, it said."
    body = _cleaned("\n".join([article, "Already a subscriber? Log in", _ARTICLE[0]]))
    assert _words(body) == _words(f"{article} {_ARTICLE[0]}"), body


@pytest.mark.parametrize("caption", ["The scene on Tuesday.", "Soldiers near the front line in Ukraine's east."])
def test_a_caption_on_its_credits_line_goes(caption):
    body = _cleaned("\n".join([_ARTICLE[0], f"{caption} Credit: Anna Smith for The Associated Press", _ARTICLE[1]]))
    assert _words(body) == _words(" ".join(_ARTICLE[:2])), body


def test_a_caption_naming_nothing_of_the_topic_goes_from_a_run_on_line():
    body = _cleaned(" ".join([_ARTICLE[0], "The scene on Tuesday.", "Credit: Anna Smith for The Associated Press", _ARTICLE[1]]))
    assert _words(body) == _words(" ".join(_ARTICLE[:2])), body


@pytest.mark.parametrize("sentence", ["He threw five touchdowns and the crowd was rocking!", "In such way you can help make my games better.",
                                      "Thank you, everyone, for the kind messages.",
                                      "CLICK FOR FULL STATE SWIM RESULTS", "Ticker Security Last Change Change %",
                                      "They also act as turn signals.", "It was not possible to verify the claim."])
@pytest.mark.parametrize("credit", ["(Image credit: Shutterstock)", "Credit: Anna Smith for The Associated Press",
                                    "Photograph: Anna Smith/AP"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_a_sentence_no_caption_would_be_before_a_credit_stays(sentence, credit, one_line):
    """A caption may not have been pasted: the sentence before the credit may be the article's."""
    text = (" " if one_line else "\n").join([_ARTICLE[0], sentence, credit, _ARTICLE[1]])
    assert sentence in _cleaned(text)


@pytest.mark.parametrize("line", ["Recommended: Anthony Lynn: “We needed to win this game”",
                                  "You might also like: Fact Check: Is An 'Oxygen Bar' In Delhi Offering Fresh Air For Rs 300?",
                                  "Related: Grain Exports Resume — And Prices Fall!", "ALSO READ | Grain exports resume from Odesa",
                                  "Watch live: Grain Exports Resume From Odesa", "Filed under: Grain exports resume from Odesa as prices fall",
                                  "Our Standards: The Daily Example Trust Principles."])
def test_a_line_led_by_a_pointers_label_goes_whole_whatever_its_headlines_words(line):
    body = _cleaned("\n".join([_ARTICLE[0], line, _ARTICLE[1]]))
    assert _words(body) == _words(" ".join(_ARTICLE[:2])), body


@pytest.mark.parametrize("line", ["Up next: ‘The Medium is the Message’: the 7th Amsterdam Light Festival",
                                  "Up next: 악녀의 덫에 걸린 이유리, 의외로 막장극 어울리는 남상미",
                                  "In this article: Fact Check: Is An 'Oxygen Bar' In Delhi Offering Fresh Air For Rs 300?",
                                  "More videos: ‘Meth. We’re on it.’: Spokane ad agencies divided on the campaign"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_a_pointer_labelled_by_any_of_the_pages_words_goes_whole_on_its_line_or_closing_it(line, one_line):
    """The label is two or three of the page's words, whatever they are; the headline may open with
    a quote or a letter of a script without case, and hold stops of its own, where it closes a line."""
    body = _cleaned((" " if one_line else "\n").join(_ARTICLE[:2]) + " " + line if one_line
                    else "\n".join([_ARTICLE[0], line, _ARTICLE[1]]))
    assert _words(body) == _words(" ".join(_ARTICLE[:2])), body


@pytest.mark.parametrize("line", ["He added: “We needed to win this game”", "The reason: Prices Rose Again Last Week",
                                  "Next steps: the council votes on the plan", "Key findings: Prices Rose In Most Regions",
                                  "In this article: we explain how the grain deal works."])
def test_a_label_not_of_the_pages_words_or_before_a_sentence_stays_closing_a_line(line):
    body = _cleaned(f"{_ARTICLE[0]} {line}")
    assert _words(body) == _words(f"{_ARTICLE[0]} {line}"), body


@pytest.mark.parametrize("cruft", ["toggle caption", "19 people have shared this", "Source: Slate research",
                                   "Chart: The Daily Example analysis of state data", "© Provided by The Daily Example",
                                   "Join the conversation", "More from this author", "Leave a Reply Cancel reply"])
@pytest.mark.parametrize("one_line", [True, False], ids=["one-line", "paragraphs"])
def test_a_control_a_counter_or_a_credit_between_two_sentences_goes_and_takes_nothing_else(cruft, one_line):
    """Glued on after a stop in a one-line paste, even in lowercase, which the sentence splitter
    joins to the sentence before."""
    body = _cleaned((" " if one_line else "\n").join([_ARTICLE[0], cruft, _ARTICLE[1]]))
    assert _words(body) == _words(" ".join(_ARTICLE[:2])), body


@pytest.mark.parametrize("kicker", ["Opinion | Daily Deals: More Grain Deals Are Live, Including Wheat, Barley and More",
                                    "Review | The Best Phones Of The Year", "Analysis | Calendário Stock Car 2018"])
def test_another_storys_type_and_title_case_headline_glued_before_a_sentence_goes(kicker):
    body = _cleaned(f"{_ARTICLE[0]} {kicker} {_ARTICLE[1]}")
    assert _words(body) == _words(" ".join(_ARTICLE[:2])), body
    body = _cleaned(f"{_ARTICLE[0]} {kicker} “We needed to win this game,” he said.")
    assert _words(body) == _words(f"{_ARTICLE[0]} We needed to win this game he said"), body


def test_a_kickers_headline_longer_than_the_window_read_takes_nothing():
    """A headline read to the end of the window, not of the text, may run on into a sentence."""
    text = "Opinion | " + " ".join(["Extraordinarily"] * 30) + " the ministry said on Monday."
    assert kicker_prefix(text) == 0


@pytest.mark.parametrize("run_on", ["Opinion | Markets Rally Stocks rose on Monday as The company said it would.",
                                    "Opinion | Calendário Stock Car 2018 Kepa Arrizabalaga will undergo a medical today.",
                                    "Analysis | Why the grain deal matters to The ministry and others."])
def test_a_kickers_headline_with_no_sure_end_before_the_sentence_is_left_whole(run_on):
    """Where the headline ends is a guess there: a guess may take the sentence's first words."""
    body = _cleaned(f"{_ARTICLE[0]} {run_on}")
    assert _words(body) == _words(f"{_ARTICLE[0]} {run_on}"), body


@pytest.mark.parametrize("line", ["Back to The Daily Example homepage", "Photo illustration by The Daily Example",
                                  "Back to The New York Times homepage", "Exclusive offer for Twin Cities Pioneer Press readers",
                                  "Exclusive offer for VG247 readers", "Shop now",
                                  "Must watch: How This Man’s Bedding Gave Him ‘Feather Duvet Lung’",
                                  "Start your free trial of Example News", "Pause Play % buffered 00:00", "Like Reply Share",
                                  "Gift article", "Reprints & Permissions", "From the archive: Grain Exports Resume From Odesa"])
def test_a_line_of_controls_or_of_the_page_naming_itself_goes(line):
    """The page's own name after a preposition counts as the page's word; a row of control verbs, with a player's
    clock, is the page's."""
    body = _cleaned("\n".join([_ARTICLE[0], line, _ARTICLE[1]]))
    assert _words(body) == _words(" ".join(_ARTICLE[:2])), body


@pytest.mark.parametrize("line", ["Show Jumping", "Welcome to New York", "Back to Kyiv and Kharkiv", "Photos of the flooded town",
                                  "Start the day with a walk in Central Park."])
def test_a_heading_naming_a_place_or_a_verb_and_a_thing_not_the_pages_stays(line):
    body = _cleaned("\n".join([_ARTICLE[0], line, _ARTICLE[1]]))
    assert _words(body) == _words(" ".join([_ARTICLE[0], line, _ARTICLE[1]])), body


@pytest.mark.parametrize("sentence", ["Source: The ministry said on Monday that talks had stalled.",
                                      "Source: officials familiar with the matter said talks had stalled.",
                                      "Chart: Prices Rose in most regions, the survey found.",
                                      "and so the talks went on.", "share prices fell sharply this week."])
def test_a_sentence_after_a_credits_label_or_opening_in_lowercase_stays(sentence):
    body = _cleaned(f"{_ARTICLE[0]} {sentence} {_ARTICLE[1]}")
    assert _words(body) == _words(f"{_ARTICLE[0]} {sentence} {_ARTICLE[1]}"), body


def test_a_headline_a_pointer_shows_ends_on_its_stop_not_on_an_abbreviations():
    body = _cleaned(f"{_ARTICLE[0]} Watch: What is the value of drugs that come to the U.S. border? {_ARTICLE[1]}")
    assert _words(body) == _words(" ".join(_ARTICLE[:2])), body


def test_a_contact_line_glued_after_a_banners_topic_opens_where_it_asks():
    body = _cleaned(f"Live updates: follow the latest news on Hong Kong protests Send us your tips: tips@example.com {_ARTICLE[0]}")
    assert _words(body) == _words(_ARTICLE[0]), body
    body = _cleaned(f"{_ARTICLE[0]} Contact Anna Smith at anna@example.com {_ARTICLE[1]}")
    assert _words(body) == _words(" ".join(_ARTICLE[:2])), body


def test_a_bio_run_on_from_a_headline_at_the_foot_goes_and_an_office_holder_in_a_sentence_stays():
    headline = "2019 Audi e-tron Review: Grading on a Curve"
    body = _cleaned(f"{_ARTICLE[0]} {_ARTICLE[1]} {headline} Chris Davies is a reporter at SlashGear.")
    assert _words(body) == _words(f"{_ARTICLE[0]} {_ARTICLE[1]} {headline}"), body
    for sentence in ["Britain's Foreign Secretary James Cleverly covers the war for The Times.",
                     "Its founder James Cleverly is a former journalist who covered the war for Reuters."]:
        body = _cleaned(f"{_ARTICLE[0]} {_ARTICLE[1]} {sentence}")
        assert sentence in body, body


def test_a_dateline_behind_a_fragment_of_cruft_at_the_top_goes_as_a_leads():
    body = _cleaned(f"Russia's losses mount\nPress play to listen · 34 min SYDNEY — {_ARTICLE[0]} {_ARTICLE[1]}")
    assert _words(body) == _words(f"Russia's losses mount {_ARTICLE[0]} {_ARTICLE[1]}"), body


def test_an_aside_before_text_in_a_script_without_capitals_goes():
    korean = "다만 MBC 숨바꼭질은 방영을 시작한 지 얼마 되지 않았다."
    body = _cleaned(f"{_ARTICLE[0]} Translate this page {korean} {_ARTICLE[1]}")
    assert _words(body) == _words(f"{_ARTICLE[0]} {korean} {_ARTICLE[1]}"), body


@pytest.mark.parametrize("fallback", ["Your browser does not support the audio element.",
                                      "Sorry, your browser doesn't support embedded videos."])
def test_a_players_fallback_text_goes_and_a_sentence_about_browsers_stays(fallback):
    article = "The company said your browser does not support the new format, which annoyed users."
    body = _cleaned(" ".join([article, fallback, _ARTICLE[0]]))
    assert _words(body) == _words(f"{article} {_ARTICLE[0]}"), body


@pytest.mark.parametrize("bio", ["Mike Wall writes about space for Space.com.", "Keris Lahiff is a senior correspondent for CNBC."])
def test_a_bio_glued_after_a_credits_names_goes_whole(bio):
    body = _cleaned(f"{_ARTICLE[0]} {_ARTICLE[1]} Reporting by Anna Smith; Editing by Maria Keller {bio}")
    assert _words(body) == _words(" ".join(_ARTICLE[:2])), body


def test_a_byline_stops_before_a_label_glued_after_it():
    body = _cleaned(f"Written by Jonathan Garber Topics: Politics, Economy, World {_ARTICLE[0]} {_ARTICLE[1]}")
    assert _words(body) == _words(" ".join(_ARTICLE[:2])), body


@pytest.mark.parametrize("line", ["He said, she said", "Why?", "Oil prices fell sharply", "Background", "SWIM RESULTS",
                                  "Piloto Pontos Vitórias Poles", "Ticket details: http://www.example.com/"])
def test_a_short_line_of_the_articles_beside_cruft_stays(line):
    text = "\n".join(["Advertisement", line, "Oil prices fell sharply on Monday as traders sold.", "Advertisement",
                      "Prices fell for a third day, the ministry said."])
    body = _cleaned(text)
    assert line in body, body


def test_a_kicker_and_headline_below_the_top_goes_and_at_the_top_is_the_title(tmp_path):
    kicker = "Opinion | Grain exports resume from Odesa as prices fall"
    body = _cleaned("\n".join([_ARTICLE[0], _ARTICLE[1], kicker, _ARTICLE[3]]))
    assert _words(body) == _words(" ".join(_ARTICLE[:2] + _ARTICLE[3:4])), body
    front, _ = brief(write_seed(tmp_path, "\n".join([kicker, *_ARTICLE])))
    assert front["title"] == kicker


@pytest.mark.parametrize("line, gone", [("Chart: The Daily Example analysis of state data", True),
                                        ("Source: The Daily Example research", True),
                                        ("Map data © OpenStreetMap contributors", True),
                                        ("(Graphic: Global assets in 2019 - here)", False),
                                        ("Source: the ministry, which said 40 people had died.", False)])
def test_a_graphics_credit_on_its_line_goes_and_a_pointer_or_sentence_after_a_label_stays(line, gone):
    body = _cleaned("\n".join([_ARTICLE[0], _ARTICLE[1], line, _ARTICLE[3]]))
    assert (line not in body) == gone, body
