"""Key points (issue 25): which sentences are weighed, what makes one lean on the sentence before,
and what background is; each kind here is one the claims devset's key points missed."""

from __future__ import annotations

from pathlib import Path

from generator.config.settings import load_config
from generator.ingest.article import Seed
from generator.ingest.briefing import make_briefing
from generator.ingest.digest import key_points
from generator.ingest.read import read_seed
from tests.helpers import REPO


def briefing(folder: Path, text: str) -> dict:
    config = load_config(REPO / "site.yaml")
    path = folder / "seed.txt"
    path.write_text(text, encoding="utf-8")
    front, _ = make_briefing(read_seed(Seed(path, path.name, "0"), config.ingest), config.ingest, config.entities)
    return front


def test_points_start_after_the_summarys_sentences_however_many_abbreviations_it_holds(tmp_path: Path):
    front = briefing(tmp_path, (
        "Threat to a congresswoman\n\n"
        "A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan Omar (D-Minn.), the U.S. "
        "Attorney's Office for the Western District of New York announced Monday.\n\n"
        "Patrick Carlineo Jr., 55, could face up to 10 years in prison after pleading guilty to threatening a U.S. official.\n\n"
        "His sentencing is scheduled for Feb. 14, according to the office's release.\n\n"
        "Carlineo was arrested in April for a March 21 phone call he made to Omar's office in Washington.\n\n"
        "Omar asked for compassion during the sentencing in a letter posted on Twitter on Tuesday.\n"))
    assert front["summary"].startswith("A New York man") and "10 years" not in front["summary"]
    assert any("10 years" in point for point in front["key_points"]), front["key_points"]


def test_a_sentence_opening_with_when_it_happened_does_not_lean_on_the_one_before():
    sentences = ["Delhi's air was the worst in the world on Sunday, with schools closed across the city.",
                 "Experts say the problem has deep roots in the politics of the surrounding farm states.",
                 "Farmers burn the stubble of their crops every autumn to clear the fields quickly.",
                 "This year, officials in Delhi banned firecrackers ahead of Diwali, arresting 210 people.",
                 "That night, police in the city confiscated 3.7 metric tons of illicit incendiaries."]
    points = key_points(sentences, skip=1)
    assert any(p.startswith("This year, officials in Delhi banned firecrackers") for p in points), points
    assert any(p.startswith("That night, police") for p in points), points
