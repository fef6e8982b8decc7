"""Outlet and authors of a pasted article, from the clues a reader would use (meta.find_outlet, find_authors)."""

from __future__ import annotations

import pytest

from generator.ingest.article import Link
from generator.ingest.clean import clean
from generator.ingest.meta import find_authors, find_outlet

OUTLETS = {"newsweek.com": "Newsweek", "thenationalnews.com": "The National", "bbc.co.uk": "BBC"}
STORY = "The council voted on Tuesday to expand the tram line, officials said. Work starts next year."


def outlet(text: str, removed: tuple[str, ...] = (), links: tuple[str, ...] = ()) -> str | None:
    found = find_outlet(text, list(removed), [Link("x", url) for url in links], OUTLETS)
    return found.name if found else None


@pytest.mark.parametrize("clue, expected", [
    ("By Jane Doe | The Hill", "The Hill"),
    ("By Jane Doe, Twin Cities Pioneer Press", "Twin Cities Pioneer Press"),
    ("Jane Doe is a reporter at The Hill.", "The Hill"),
    ("Jane Doe covers technology for Space.com. Follow her on Twitter.", "Space.com"),
    ("Jane Doe is Newsweek's senior Europe correspondent.", "Newsweek"),
    ("About the writer Jane Doe is a Slate reporter based in London.", "Slate"),
    ("This article originally appeared on Remember 80/90.", "Remember 80/90"),
    ("© 2019 Polygraph.info. All rights reserved.", "Polygraph.info"),
    ("Yoav Schumacher is a reporter at my6sense.", "my6sense"),
    ("By Al Root, Barron's", "Barron's"),
    ("This article originally appeared on The Sun.", "The Sun"),
])
def test_each_kind_of_clue_names_the_outlet_as_the_text_writes_it(clue: str, expected: str) -> None:
    assert outlet(STORY, (clue,)) == expected
    assert outlet(f"{STORY} {clue} {STORY}") == expected  # the same clue inside a one-line paste


def test_a_one_line_paste_running_on_does_not_lengthen_the_name() -> None:
    assert outlet("By Eric Song | IGN Published 18 November 2019 Sony announced a new controller on Monday.") == "IGN"
    assert outlet("By Tom Carter | MoreBikes LONDON — The show opened on Monday.") == "MoreBikes"
    assert outlet("By Tess Bonn | The Hill Tue 19 Nov 2019 06.00 GMT The governor spoke.") == "The Hill"
    assert outlet("The story first appeared in 2014 on a blog. " + STORY) is None


def test_a_cited_sources_domain_outvotes_nothing() -> None:
    links = ("https://www.nato.int/cps/en/natohq/news.htm", "https://twitter.com/x/status/1", "https://www.gov.uk/news/a",
             "https://www.nato.int/b")
    assert outlet(STORY, links=links) is None
    assert outlet(STORY, ("Jane Doe is a reporter at The Hill.",), links + ("https://cnn.com/a",)) == "The Hill"


def test_the_outlets_own_links_name_it_from_the_settings_or_the_text() -> None:
    own = ("https://www.thenationalnews.com/world/a", "https://www.thenationalnews.com/tags/b", "https://x.org/c")
    assert outlet(STORY, links=own) == "The National"
    unknown = ("https://thehill.com/a", "https://thehill.com/b")
    assert outlet(STORY, ("© 2019 The Hill.",), unknown) == "The Hill"  # as the text names it, not "thehill.com"
    assert find_outlet(STORY, ["© 2019 The Hill."], [Link("x", u) for u in unknown], OUTLETS).domain == "thehill.com"


def test_told_in_a_quote_does_not_make_the_story_that_outlets() -> None:
    assert outlet("“We will rebuild,” the mayor told the BBC on Monday. " + STORY) is None
    assert outlet("“We will rebuild,” the mayor told BBC. " + STORY, ("Jane Doe is a reporter at The Hill.",)) == "The Hill"


def test_self_reference_and_agreement_of_clues() -> None:
    text = "Newsweek has contacted Russia's Foreign Ministry for comment. " + STORY
    assert outlet(text, ("Jack Dutton is a Newsweek Reporter based in London.",)) == "Newsweek"


def test_an_agency_dateline_names_the_agency_when_nothing_else_does() -> None:
    assert outlet("WASHINGTON (AP) — " + STORY) == "Associated Press"
    assert outlet("WASHINGTON (AP) — " + STORY, ("By Jane Doe | SFGate",)) == "SFGate"


@pytest.mark.parametrize("clue, expected", [
    ("By Jane Doe and John Roe | The Hill", ["Jane Doe", "John Roe"]),
    ("By Jane Doe, The New York Times", ["Jane Doe"]),
    ("By Jane Doe, John Roe and Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"]),
    ("BY CHRIS DAVIES", ["Chris Davies"]),
    ("Written by Sarah E. Needleman", ["Sarah E. Needleman"]),
    ("Jane Doe is a senior science correspondent for CNBC.", ["Jane Doe"]),
    ("Abigail Van Buren writes about culture for The Oregonian.", ["Abigail Van Buren"]),
])
def test_authors_from_bylines_and_bios(clue: str, expected: list[str]) -> None:
    assert find_authors(STORY, [clue]) == expected
    assert find_authors(f"{STORY} {clue} {STORY}", []) == expected


def test_credit_lines_and_photo_credits_are_not_bylines() -> None:
    assert find_authors(STORY, ["Reporting by Maria Keller; Editing by Tom Ashby", "(Photo by Sam Whitfield/Getty Images)"]) == []
    assert find_authors("Editing by Maria Keller Mike Wall writes about sport for Space.com. " + STORY, []) == ["Mike Wall"]


def test_the_two_seeds_clues() -> None:
    assert outlet("Newsweek has contacted Russia's Foreign Ministry for comment.", ("Jack Dutton is a Newsweek Reporter based in London.",)) == "Newsweek"
    assert find_authors(STORY, ["Jack Dutton is a Newsweek Reporter based in London."]) == ["Jack Dutton"]


def test_a_clue_in_the_paste_and_in_what_cruft_removal_took_counts_once() -> None:
    clue = "© 2019 The Hill."
    found = find_outlet(f"{STORY}\n{clue}", [clue], [], OUTLETS)
    assert found is not None and found.evidence == ("“© 2019 The Hill”",)


@pytest.mark.parametrize("byline, writer", [
    ("Words by Laura Winter Washington, DC, United States: Getting to the Moon has been done.", "Laura Winter"),
    ("By Tom Phillips Beijing, China — The talks resumed on Monday.", "Tom Phillips"),
    ("By Anna Smith Chicago, Ill. — The council voted on Monday.", "Anna Smith")])
def test_a_byline_run_on_into_a_dateline_names_the_writer_and_no_outlet(byline: str, writer: str) -> None:
    assert find_authors(byline, []) == [writer]
    assert find_outlet(byline, [], [], {}) is None


def test_a_byline_with_an_outlet_named_after_a_place_keeps_its_outlet() -> None:
    text = "By Mary Jordan, Washington Post The talks resumed on Monday."
    assert find_authors(text, []) == ["Mary Jordan"]
    assert find_outlet(text, [], [], {}).name == "Washington Post"


@pytest.mark.parametrize("bio, writer", [
    ("2019 Audi e-tron Review: Grading on a Curve Chris Davies is a reporter at SlashGear.", "Chris Davies"),
    ("Mary Kay Ash is a reporter at Example News.", "Mary Kay Ash")])
def test_a_bio_run_on_from_a_headline_names_the_writer_from_a_given_name(bio: str, writer: str) -> None:
    assert find_authors(bio, []) == [writer]


@pytest.mark.parametrize("line, outlet", [
    ("Originally published on Washington Examiner", "Washington Examiner"),
    ("Fact checked by The Wall Street Journal staff", "The Wall Street Journal"),
    ("By Ann Lee | IGN 18/11/2019 14:05 The game opens on Friday.", "IGN"),
    ("By Ann Lee | CNN Ad Feedback The game opens on Friday.", "CNN"),
    ("By Ann Lee | CBS Sports This article may contain affiliate links.", "CBS Sports"),
    ("Continue reading on my6sense Get the app The game opens on Friday.", "my6sense"),
    ("Read more on The Hollywood Reporter Share this article The game opens on Friday.", "The Hollywood Reporter")])
def test_provenance_and_desk_credits_name_the_outlet_and_run_on_words_are_left_out(line: str, outlet: str) -> None:
    assert find_outlet(line, [], [], {}).name == outlet


@pytest.mark.parametrize("line, outlet", [
    ("Download the Houston Chronicle app for the latest news", "Houston Chronicle"),
    ("Enjoy unlimited access to Inexhibit for just $1 a week.", "Inexhibit"),
    ("Sign up for The Daily Example's weekly roundup", "The Daily Example"),
    ("Residents have access to Medicare for $20 a month.", None), ("Sign up for our weekly roundup", None),
    ("Voters can sign up for the ballot by mail.", None),
    ("You can download the app for free from the store.", None)])
def test_the_pages_own_offers_name_the_outlet_and_an_articles_sentence_does_not(line: str, outlet: str | None) -> None:
    found = find_outlet(f"The plant will close in March, the company said. {line}", [line], [], {})
    assert (found and found.name) == outlet


def test_a_credits_label_glued_after_the_outlet_is_no_word_of_its_name() -> None:
    """Cruft removal cuts the byline where the next credit's label opens, so that its outlet does not run on."""
    pasted = f"By Sarah Lee, The Wall Street Journal Source: The Wall Street Journal research {STORY}"
    removed = clean(pasted, ()).removed
    assert "By Sarah Lee, The Wall Street Journal" in removed
    assert outlet(pasted, tuple(removed)) == "The Wall Street Journal"
