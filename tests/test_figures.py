"""Key figures: numeric claims with what is counted, who claims it and when; the figures page."""

from __future__ import annotations

import datetime as dt

from generator.ingest.claims import extract_figures
from generator.ingest.entities import Lexicon, find_mentions
from generator.config import load_config
from tests.conftest import REPO

DAY = dt.date(2023, 5, 2)


def figures(text: str) -> list[dict]:
    lexicon = Lexicon(load_config(REPO / "generator" / "default_site.yaml").entities)
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
