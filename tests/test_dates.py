"""Publication dates of pasted articles: stated time stamps, and windows no wider or surer than the text allows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.config.settings import load_config
from generator.ingest.article import Link, Seed
from generator.ingest.briefing import make_briefing
from generator.ingest.dates import infer_date
from generator.ingest.read import read_seed

ROOT = Path(__file__).resolve().parents[1]
LEAD = "The council voted on Tuesday to expand the tram line, officials said."


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize("stamp, expected", [
    ("Published 18 November 2019", "2019-11-18"),
    ("Posted: Nov. 18, 2019 at 5:32 p.m. ET", "2019-11-18"),
    ("Wed 20 Nov 2019 06.00 GMT", "2019-11-20"),
    ("November 18, 2019", "2019-11-18"),
    ("18/11/2019 14:05", "2019-11-18"),
])
def test_a_pasted_time_stamp_is_the_date(stamp: str, expected: str) -> None:
    for found in (infer_date(LEAD, [], None, [stamp]), infer_date(f"{stamp}\n{LEAD}", [], None)):
        assert (found.date, found.confidence) == (day(expected), "high")


def test_stamps_that_disagree_or_read_two_ways_state_nothing() -> None:
    assert infer_date(LEAD, [], None, ["March 3, 2022", "March 4, 2022"]).confidence != "high"
    assert infer_date(LEAD, [], None, ["05/11/2019"]).date is None


def test_a_linked_storys_date_is_a_lower_bound_never_the_date() -> None:
    found = infer_date("Officials approved the plan.", [Link("x", "https://news.example/2022/03/17/older-story/")], None)
    assert found.date is None and found.earliest == day("2022-03-17") and found.latest is None
    assert found.confidence == "low"


def test_a_lead_weekday_with_only_a_lower_bound_gives_no_date() -> None:
    found = infer_date(LEAD + " The plan was first put forward on March 2, 2022.", [], None)
    assert found.earliest == day("2022-03-02") and found.latest is None
    assert found.confidence == "low" and found.date is None  # not the first Tuesday after an event the article recalls


def test_a_weekday_binds_to_a_date_only_in_its_sentence() -> None:
    text = ("The ministry said on Wednesday that 12,000 troops had died since February 24, 2022, nearly two weeks ago. "
            "In an update on Wednesday, the agency said that between February 24 and March 8 there were 1,424 casualties.")
    found = infer_date(text, [], None)
    assert (found.earliest, found.latest, found.confidence) == (day("2022-03-09"), day("2022-03-10"), "high")


def test_a_year_from_the_settings_is_an_assumption_unless_a_weekday_agrees() -> None:
    text = "Troops entered the city on February 24, nearly two weeks ago."
    assumed = infer_date(text, [], 2022)
    assert (assumed.earliest, assumed.latest, assumed.confidence) == (day("2022-03-06"), day("2022-03-10"), "low")
    agreed = infer_date("The theatre was hit on Wednesday, March 16, nearly a week ago.", [], 2023)
    assert agreed.earliest.year == 2022 and agreed.confidence != "low"  # March 16 is a Wednesday in 2022, not 2023


def test_the_texts_own_year_outranks_the_settings() -> None:
    text = "The report was released on November 1, 2019. Shares fell on Nov. 5, a day after the vote."
    assert infer_date(text, [], 2022).earliest == day("2019-11-05")


def test_hours_ago_alone_and_future_events_give_nothing() -> None:
    assert infer_date("Updated 2 hours ago. " + LEAD, [], 2022).date is None
    found = infer_date("The final vote will be held on December 3, 2019. " + LEAD, [], None)
    assert found.earliest is None and found.date is None


def test_an_update_stamp_bounds_from_above() -> None:
    found = infer_date("Shares fell on November 15, 2019, the exchange said.", [], None, ["Updated: Nov. 19, 2019 5:32 p.m. ET"])
    assert (found.earliest, found.latest) == (day("2019-11-15"), day("2019-11-19"))


def test_an_age_counted_from_the_one_start_the_text_gives_bounds_both_ways() -> None:
    text = ("Russia's three-week-old onslaught has largely stalled, Britain said. Troops have been killed since "
            "its tanks rolled into Ukraine on February 24, 2022.")
    found = infer_date(text, [], None)
    assert (found.earliest, found.latest, found.confidence) == (day("2022-03-17"), day("2022-03-23"), "medium")
    two_starts = text + " The siege of the city began on March 2, 2022."
    assert infer_date(two_starts, [], None).latest is None  # which began three weeks ago is unknown


@pytest.mark.parametrize("name, expected, earliest, latest", [
    ("000_b7715ab632626748.txt", "2022-03-17", "2022-03-17", "2022-03-23"),  # its "three-week-old onslaught" began on February 24
    ("003_bd12803d39086d5b.txt", "2022-03-09", "2022-03-09", "2022-03-10"),
])
def test_the_two_seeds_keep_their_dates_or_windows(name: str, expected: str | None, earliest: str, latest: str | None) -> None:
    path = ROOT / "seeds" / name
    front, _ = make_briefing(read_seed(Seed(path, f"seeds/{name}", "0")), load_config(ROOT / "site.yaml").ingest)
    inference = front["date_inference"]
    assert front.get("date") == (day(expected) if expected else None)
    assert (inference["earliest"], inference.get("latest")) == (day(earliest), day(latest) if latest else None)
