"""Entity extraction: rules and gazetteers over text the repository does not contain."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_config
from generator.ingest.entities import Lexicon, extract_entities, find_mentions, fold
from tests.conftest import REPO


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(load_config(REPO / "generator" / "default_site.yaml").entities)


def test_spelling_variants_fold_to_one_key():
    assert fold("Zelensky") == fold("Zelenskyy") == fold("Zelenskiy")
    assert fold("Oleksii Reznikov") == fold("Oleksiy Reznikov")
    assert fold("NATO") == fold("Nato") and fold("U.N.") == fold("UN")
    assert fold("Odessa") == fold("Odesa")
    assert fold("Kyiv") != fold("Kiev")  # the alias table joins these


def test_people_places_and_organisations_with_titles_and_possessives(lexicon):
    text = ("Britain's Prime Minister Rishi Sunak met French President Emmanuel Macron in Paris on Monday. "
            "Mr Macron said the talks had gone well.\nThe Bank of England raised rates, and the Russian "
            "Foreign Ministry protested. Kenya's Foreign Ministry said nothing.")
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Rishi Sunak", "Emmanuel Macron"]  # "Mr Macron" is the same person
    assert found["places"][:3] == ["United Kingdom", "France", "Paris"] or "Paris" in found["places"]
    assert {"Bank of England", "Russia's Foreign Ministry", "Kenya's Foreign Ministry"} <= set(found["organisations"])


def test_old_place_names_and_acronym_house_styles_take_the_alias_tables_name(lexicon):
    found = extract_entities("Shelling hit Kiev and Odessa overnight, a Nato official told the U.N. on Friday.", lexicon)
    assert {"Kyiv", "Odesa"} <= set(found["places"])
    assert {"NATO", "United Nations"} <= set(found["organisations"])


def test_sentence_starts_weekdays_and_lone_words_are_not_people(lexicon):
    text = "Military analysts were surprised. On Tuesday, Officials met. Meanwhile Negotiations stalled in Istanbul."
    found = extract_entities(text, lexicon)
    assert found["people"] == []
    assert "Istanbul" in found["places"]


def test_the_stop_list_and_kinds_from_site_yaml_win(tmp_path: Path):
    (tmp_path / "site.yaml").write_text("entities:\n  stop: [Jane Roe]\n  kinds:\n    organisations: [Acme Widgets]\n")
    lexicon = Lexicon(load_config(tmp_path / "site.yaml").entities)
    found = extract_entities("Jane Roe of Acme Widgets spoke to John Smith.", lexicon)
    assert found["people"] == ["John Smith"] and found["organisations"] == ["Acme Widgets"]


def test_bad_entity_settings_are_one_clear_line(tmp_path: Path):
    (tmp_path / "site.yaml").write_text("entities:\n  stop: 3\n")
    with pytest.raises(Exception) as error:
        load_config(tmp_path / "site.yaml")
    assert "site.yaml:2: `entities.stop` must be a list of text" in str(error.value)


def test_datelines_surnames_and_a_countrys_ministry(lexicon):
    text = ("WASHINGTON (Reuters) - U.S. Secretary of State Antony Blinken arrived in Beijing for talks. "
            "Blinken is expected to meet President Xi Jinping. China's Ministry of Foreign Affairs said little. "
            "Russian strikes hit Kharkov and Zaporozhye overnight.")
    mentions = find_mentions(text, lexicon)
    assert [m.name for m in mentions if m.kind == "people"] == ["Antony Blinken", "Antony Blinken", "Xi Jinping"]
    found = extract_entities(text, lexicon)
    assert found["places"] == ["Washington", "United States", "Beijing", "China", "Kharkiv", "Zaporizhzhia"]
    assert found["organisations"] == ["Reuters", "China's Ministry of Foreign Affairs"]  # the dateline's agency too


@pytest.mark.parametrize("name", ["Zelenskyy", "Mr. Smith's", "Kyiv’s", "Ŝevĉenko", "O'Brien", "U.S.", "Ahmed al-Sharaa"])
def test_fold_of_ascii_names_takes_a_short_cut_to_the_same_key(name):
    import unicodedata

    general = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    assert fold(name) == fold.__wrapped__(general) == fold.__wrapped__(name)


def test_the_folded_city_gazetteer_is_kept_in_the_cache_folder(tmp_path, monkeypatch):
    from generator.ingest import entities

    entities._folded_cities.cache_clear()
    folded = entities._folded_cities(tmp_path)
    assert (tmp_path / entities.GAZETTEER_FILE).is_file() and folded[entities.fold("Kharkiv")] > 100_000
    entities._folded_cities.cache_clear()
    monkeypatch.setattr(entities, "cities", lambda: {})  # not read again: the kept one is
    assert entities._folded_cities(tmp_path) == folded
    entities._folded_cities.cache_clear()
