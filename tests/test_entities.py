"""Entity extraction: rules and gazetteers over text the repository does not contain."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config.settings import load_config
from generator.text.entities import Lexicon, extract_entities, find_mentions, fold
from tests.helpers import REPO


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(load_config(REPO / "generator" / "config" / "default_site.yaml").entities)


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


def test_a_name_runs_on_over_an_initials_dot_and_a_connector_but_not_over_a_lowercase_word(lexicon):
    text = ("Patrick W. Carlineo Jr was charged on Monday, prosecutors said. Officials at the Bank of England "
            "declined to comment. The x-Ray Vision report was written by Ángel Ruiz über Berlin. Mr Carlineo said "
            "nothing. Carlineo's lawyer, Daniela Ortiz-Pérez, spoke to the Associated Press.")
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Patrick W. Carlineo Jr", "Ángel Ruiz", "Daniela Ortiz-Pérez"]
    assert found["organisations"] == ["Bank of England", "Associated Press"]
    assert found["places"] == ["Berlin"]


def test_a_name_that_opens_with_an_organisation_the_text_names_is_its_product_not_a_person(lexicon):
    text = ("Sales at the tech company Apple rose in the quarter. Its new Apple Thunderbolt display sold out in a "
            "day, analyst Jane Doe said. Her colleague Jim Roe agreed.")
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Jane Doe", "Jim Roe"]
    assert found["organisations"] == ["Apple"]


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


def test_the_folded_city_gazetteer_is_kept_in_the_store_given(monkeypatch):
    from generator.config.settings import EntitySettings
    from generator.text import entities

    store: dict = {}  # as the build cache keeps it between runs
    monkeypatch.setattr(entities, "FOLDED_CITIES", {})  # as in a new process
    folded = entities.Lexicon(EntitySettings({}, {}, ()), store).cities
    assert entities.GAZETTEER in store and folded[entities.fold("Kharkiv")] > 100_000
    monkeypatch.setattr(entities, "FOLDED_CITIES", {})
    monkeypatch.setattr(entities, "cities", lambda: {})  # not read again: the kept one is
    assert entities.Lexicon(EntitySettings({}, {}, ()), store).cities == folded


def test_new_opens_names_it_belongs_to(lexicon):
    found = extract_entities("Shares closed higher in New York on Tuesday, and New Zealand's central bank held rates. "
                             "New orders fell.", lexicon)
    assert {"New York", "New Zealand"} <= set(found["places"]) and "York" not in found["places"]


def test_possessives_are_stripped_and_join_the_full_name(lexicon):
    found = extract_entities("Historians say Adolf Hitler was born in Braunau. There was little resistance to "
                             "Hitler's rule, and Karl Renner's party said so.", lexicon)
    assert found["people"] == ["Adolf Hitler", "Karl Renner"]
    assert "Hitler" not in found["places"]


def test_clubs_events_and_works_are_not_people(lexicon):
    text = ("Jose Mourinho agreed a deal with Tottenham Hotspur after spells at Manchester United and Real Madrid. "
            "The Davis Cup Final began in Madrid on Monday. The studio released “Mary Poppins” again.")
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Jose Mourinho"]
    assert {"Tottenham Hotspur", "Manchester United", "Real Madrid"} <= set(found["organisations"])


def test_long_organisation_names_keep_their_head_and_place(lexicon):
    text = ("The company will list on the Hong Kong Stock Exchange, the Los Angeles Times reported. "
            "Dana Holt, portfolio manager at Tocqueville Asset Management, was cautious.")
    found = extract_entities(text, lexicon)
    assert {"Hong Kong Stock Exchange", "Los Angeles Times", "Tocqueville Asset Management"} <= set(found["organisations"])
    assert "Los Angeles" not in found["places"] and found["people"] == ["Dana Holt"]


def test_an_acronym_in_brackets_is_the_name_before_it(lexicon):
    text = ("Lawyers will ask the International Criminal Court (ICC) to open an inquiry. "
            "The ICC is expected to decide within weeks, and NASA will not comment. The CEO said OK.")
    assert extract_entities(text, lexicon)["organisations"] == ["International Criminal Court", "NASA"]


def test_sentence_starts_and_words_in_capitals_are_not_names(lexicon):
    text = ("Julia Marsh was arrested in May. Following Marsh's arrest, her lawyer asked for the case to resume. "
            "“Meth is a serious problem. We are here to get it OUT,” she said. I'm sure, she added. "
            "US-China talks stalled, and London-based analysts shrugged.")
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Julia Marsh"]
    assert found["organisations"] == []


def test_titles_and_role_words_name_people_and_the_organisations_they_speak_for(lexicon):
    text = ("Emirates President Tim Clark told reporters the airline would expand. Chargers coach Anthony Lynn "
            "said the team needed help. WeWork founder Adam Neumann stepped down as CEO.")
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Tim Clark", "Anthony Lynn", "Adam Neumann"]
    assert {"Emirates", "Chargers", "WeWork"} <= set(found["organisations"])


def test_neighbouring_names_are_not_glued(lexicon):
    text = ("Heyward said so, via Brian Batko of the Pittsburgh Post-Gazette. Browns DL Sheldon Richardson "
            "weighed in, and Patrick W. Carlineo Jr. pleaded guilty.")
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Brian Batko", "Sheldon Richardson", "Patrick W. Carlineo Jr"]
    assert "Pittsburgh Post-Gazette" in found["organisations"]


def test_names_agree_within_a_text(lexicon):
    text = ("Taylor Swift accused her former label. Swift said she wanted to perform. Sierra Nevada "
            "Corporation and others will bid; Sierra Nevada said it was ready. The Conservative Party denied it, "
            "and the Conservatives said no more.")
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Taylor Swift"]
    assert "SWIFT" not in found["organisations"] and "Swift" not in found["organisations"]
    assert found["organisations"].count("Sierra Nevada Corporation") == 1 and "Sierra Nevada" not in found["people"]
    assert "Conservatives" not in found["organisations"]


def test_given_names_come_from_the_census_lists():
    from generator.text.gazetteer import given_names

    names = given_names()
    assert {"john", "mary", "kevin"} <= names and "ministry" not in names


def test_the_devset_scores_at_least_what_the_issue_asks():
    from bench import entity_eval

    if not (entity_eval.AEB / "ground-truth.json").is_file():
        pytest.skip(f"no devset at {entity_eval.AEB}")
    lexicon = Lexicon(load_config(REPO / "generator" / "config" / "default_site.yaml").entities)
    tally = entity_eval.Tally()
    for article in entity_eval.load_articles(entity_eval.AEB):
        entity_eval.score(article, lexicon, tally, repeat=1)
    precision = sum(tally.found.values()) / sum(tally.given.values())
    recall = sum(tally.recalled.values()) / sum(tally.expected.values())
    assert precision >= 0.88 and recall >= 0.80, (precision, recall)


def test_products_table_rows_and_what_a_name_is_said_to_be(lexicon):
    text = ("HD THE HOME DEPOT INC. 225.86 -12.99\n"
            "Nissan unveiled the 2020 Sentra, and the 16-inch MacBook Pro ships in May. "
            "Ann Cole, 55, of Addison, a village southwest of Ithaca, pleaded guilty. "
            "The deal is the largest in years, Bloomberg reported.")
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Ann Cole"]
    assert {"Addison", "Ithaca"} <= set(found["places"])
    assert "Bloomberg" in found["organisations"]
    assert not {"HD THE HOME DEPOT INC", "Sentra", "MacBook Pro"} & set(found["organisations"] + found["people"])


def test_title_case_phrases_of_everyday_words_are_not_people(lexicon):
    text = ("The Grand Slam season ends in Madrid. Fans queued at the Box Office before the show. "
            "Tickets are available from Walmart. Magic Johnson and Hillary Clinton watched; "
            "David Law spoke to Peyton Manning.")
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Magic Johnson", "Hillary Clinton", "David Law", "Peyton Manning"]
    assert "Walmart" not in found["places"]


def test_word_frequencies_and_common_names_come_from_packages():
    from generator.text.gazetteer import common_given_names, common_surnames, word_frequencies

    frequency = word_frequencies()
    assert frequency["the"] > frequency["office"] > 4.0 > frequency.get("reznikov", 0.0)
    assert {"johnson", "manning"} <= common_surnames() and "office" not in common_surnames()
    assert "david" in common_given_names() and "star" not in common_given_names()


def test_handles_everyday_words_and_headline_verbs_are_not_names_but_an_address_says_nothing(lexicon):
    text = ("Ousted WeWork chief spoke on Monday; he was ousted in September. #MattBevin trended all day. "
            "Doctors at the camp said the doctors were tired. The club posted a photo on its Twitter account "
            "on Wednesday. pic.twitter.com/dUO6 — Dele (@dele)")
    found = extract_entities(text, lexicon)
    names = {name for kind in found.values() for name in kind}
    assert "WeWork" in found["organisations"] and "Ousted WeWork" not in names
    assert not {"MattBevin", "Doctors"} & names
    assert "Twitter" in found["organisations"]


def test_a_nationality_names_its_countrys_bodies_only_and_a_listed_name_runs_on_past_and(lexicon):
    text = ("The Russian Foreign Ministry protested. He flew American Airlines to meet the Palestinian Authority. "
            "Dr. Joneigh Khaldun of the Michigan Department of Health and Human Services spoke. "
            "The Bank of England and Barclays declined to comment.")
    found = extract_entities(text, lexicon)["organisations"]
    assert {"Russia's Foreign Ministry", "American Airlines", "Palestinian Authority",
            "Michigan Department of Health and Human Services", "Bank of England"} <= set(found)
    assert "Bank of England and Barclays" not in found


def test_an_everyday_word_glued_before_a_full_name_is_not_part_of_it(lexicon):
    text = "Employee Steve Castro tells the paper that he fought back. Republican Phil Bryant won twice."
    assert extract_entities(text, lexicon)["people"] == ["Steve Castro", "Phil Bryant"]


def test_a_centre_is_an_organisation_word_and_the_name_keeps_it(lexicon):
    text = ("Researchers at the Goddard Space Flight Center found water. Dana Holt of Tufts University's "
            "Feinstein International Center disagreed.")
    found = extract_entities(text, lexicon)["organisations"]
    assert {"Goddard Space Flight Center", "Feinstein International Center"} <= set(found)
    assert "Feinstein International" not in found


def test_a_lone_word_named_as_a_source_or_an_employer_is_an_organisation(lexicon):
    text = ("Analysts surveyed by Quvanta expected more. Talks stalled, according to The Brisket. "
            "This article was first published by Zentropia. Clegg now works for Orvalink.")
    found = extract_entities(text, lexicon)["organisations"]
    assert {"Quvanta", "Brisket", "Zentropia", "Orvalink"} <= set(found)


def test_what_an_organisation_has_after_its_possessive_says_what_it_is(lexicon):
    text = ("Three prisoners were freed, among them two of the Varkalon's members. "
            "Trading in Qorvex's shares was halted. Marcus Dole said nothing; Dole's lawyer declined to comment.")
    found = extract_entities(text, lexicon)
    assert {"Varkalon", "Qorvex"} <= set(found["organisations"])
    assert found["people"] == ["Marcus Dole"]


def test_what_a_name_is_said_to_be_after_it_covers_organisations_and_outlets(lexicon):
    text = ("Omar Lamrani, an analyst at Stratfor, the Texas-based geopolitical intelligence organization, "
            "said so. Gossipgist, a Nigerian news outlet, ran the claim.")
    found = extract_entities(text, lexicon)["organisations"]
    assert {"Stratfor", "Gossipgist"} <= set(found)


def test_a_lone_word_takes_the_kind_of_the_list_it_is_named_in(lexicon):
    text = ("He led acquisitions including Marvel Entertainment, Lucasfilm and BamTech. "
            "The virus has been found in Barry, Berrien, Calhoun, Cass, Kalamazoo and Van Buren counties. "
            "Moreover, Apple and Google declined to comment. Wistron and Global Lighting Technologies make the "
            "panels. Anna Marsh, Jones and Bob Clarke spoke.")
    found = extract_entities(text, lexicon)
    assert {"Lucasfilm", "Wistron"} <= set(found["organisations"])
    assert {"Berrien", "Calhoun", "Cass", "Kalamazoo"} <= set(found["places"])
    names = {name for kind in found.values() for name in kind}
    assert "Moreover" not in names and "Jones" not in names  # a lone word beside people may be part of a name


def test_a_us_state_abbreviated_after_a_city_is_the_state_and_the_city_a_place(lexicon):
    text = ("HAYWARD, Calif. (AP) — A man was stabbed on a train. The band plays Brevard, NC on June 5 and "
            "Sugar Holler, Tenn. a day later. BUFFALO, N.Y. — The team won. Jane Roe, CEO of Acme, spoke.")
    found = extract_entities(text, lexicon)
    assert {"California", "North Carolina", "Tennessee", "New York", "Brevard", "Sugar Holler"} <= set(found["places"])
    assert "Sugar Holler" not in found["people"] and "CEO" not in found["places"]


def test_words_around_a_name_that_say_it_is_a_place(lexicon):
    text = ("Netanyahu visited the Gush Etzion settlement bloc. Cheuk Hau-yip, the commander of Kowloon West "
            "district, spoke. A tip led Forest Hill police officers to the room. He was treated in the county of "
            "Huade, near the Pangram area of Sarkh. Fans flew to St. Louis and St. Croix.")
    found = extract_entities(text, lexicon)
    assert {"Gush Etzion", "Forest Hill", "Huade", "Sarkh", "St. Louis", "St. Croix"} <= set(found["places"])
    assert not {"Gush Etzion", "Forest Hill", "St. Croix"} & set(found["people"])


def test_a_body_a_state_has_one_of_is_named_without_the_state(lexicon):
    text = ("Omar is one of the first Muslim women elected to Congress. The Federal Reserve's decision to cut "
            "rates helped, and the Senate voted on Tuesday. The Foreign Ministry said nothing.")
    found = extract_entities(text, lexicon)["organisations"]
    assert {"Congress", "Federal Reserve", "Senate"} <= set(found) and "Foreign Ministry" not in found


def test_an_everyday_word_in_capitals_is_no_acronym(lexicon):
    text = "VISIT the fair on Monday. SPEND less, said the NFL and the BBC. By STAFF writers."
    assert extract_entities(text, lexicon)["organisations"] == ["NFL", "BBC"]


def test_an_organisations_product_is_not_another_organisation(lexicon):
    text = "Qorvex, the phone maker, had a good quarter. The Qorvex SkyPods Pro sold out. Zentel Inc did not."
    assert extract_entities(text, lexicon)["organisations"] == ["Qorvex", "Zentel Inc"]
    text = "Qorvex, the phone maker, had a good quarter, Qorvex Inc said."
    assert extract_entities(text, lexicon)["organisations"] == ["Qorvex Inc"]  # an organisation word: its name


def test_an_acronym_numbered_or_measured_is_a_product_or_a_unit(lexicon):
    text = ("The laptop has a GTX 1650 card, 512GB SSD storage and an HDMI 2.1 port. NBC 5 reported the sale, "
            "and the SBJ 40 Under 40 list named its founder.")
    assert extract_entities(text, lexicon)["organisations"] == ["NBC", "SBJ"]


def test_a_doctrine_or_a_disease_named_in_title_case_is_no_person(lexicon):
    text = ("Austria was the first victim of National Socialism, historians say. Cases of Eastern Equine "
            "Encephalitis rose, Anna Marsh said.")
    assert extract_entities(text, lexicon)["people"] == ["Anna Marsh"]


def test_the_words_companies_are_named_with_are_organisation_words(lexicon):
    text = ("The contracts went to Firefly Aerospace and Moon Express, and Take-Two Interactive said so. "
            "Prince Andrew was seen at Pizza Express.")
    found = extract_entities(text, lexicon)
    assert {"Firefly Aerospace", "Moon Express", "Take-Two Interactive", "Pizza Express"} <= set(found["organisations"])
    assert not {"Firefly Aerospace", "Moon Express", "Take-Two"} & set(found["people"])


def test_a_media_word_before_a_persons_name_is_their_role(lexicon):
    text = ("CBS Sports NFL Insider Jason La Canfora has reported that the NFL will fine him. "
            "Los Angeles Times Reporter Jane Doe wrote it up.")
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Jason La Canfora", "Jane Doe"]
    assert found["organisations"] == ["CBS Sports", "NFL", "Los Angeles Times"]


def test_an_organisations_name_runs_on_over_a_word_or_two_to_its_last_organisation_word(lexicon):
    text = ("Dana Holt, the chief of Brightline Media Capital Group, spoke at the Fairhaven Bank Arts Center. "
            "Times Reporter Jane Doe wrote it up.")
    found = extract_entities(text, lexicon)
    assert {"Brightline Media Capital Group", "Fairhaven Bank Arts Center"} <= set(found["organisations"])
    assert not {"Capital Group", "Arts Center"} & set(found["organisations"])
    assert "Jane Doe" in found["people"]


def test_a_bodys_name_joined_by_and_is_one_name_when_its_words_are_everyday_words(lexicon):
    text = ("Ranchers sued the Fish and Wildlife Service in Boise. It faces a U.S. Securities and Exchange "
            "Commission inquiry too.")
    found = extract_entities(text, lexicon)
    assert {"Fish and Wildlife Service", "U.S. Securities and Exchange Commission"} <= set(found["organisations"])
    text = "Apple sells phones in Europe. Shares of the Apple and Samsung Electronics rivals fell."
    assert "Apple and Samsung Electronics" not in extract_entities(text, lexicon)["organisations"]


def test_names_joined_by_an_ampersand_before_an_organisation_word_are_one_organisation(lexicon):
    text = "Shares of Harlow Gas & Electric Co. fell, and Procter & Gamble Co rose, Jane Doe said."
    found = extract_entities(text, lexicon)
    assert {"Harlow Gas & Electric Co", "Procter & Gamble Co"} <= set(found["organisations"])
    assert "Electric Co" not in found["organisations"]


def test_a_compass_word_capitalised_before_a_known_place_names_a_region(lexicon):
    text = ("Cases first appeared in West Michigan in August. Rain fell as Southern California braced, and the "
            "University of Southern California shut.")
    found = extract_entities(text, lexicon)
    assert {"West Michigan", "Southern California"} <= set(found["places"])
    assert "Michigan" not in found["places"] and "Southern California" not in found["organisations"]
    assert "University of Southern California" in found["organisations"]


def test_a_datelines_city_in_capitals_is_a_place(lexicon):
    found = extract_entities("KELDRA, SWITZERLAND\n\nVantor, a maker of pumps, said sales rose.", lexicon)
    assert found["places"] == ["Keldra", "Switzerland"] and "KELDRA" not in found["organisations"]
    found = extract_entities("ST. ALBAN, Mich. (AP) — Health officials said on Monday.", lexicon)
    assert found["places"] == ["St. Alban", "Michigan"]
    found = extract_entities("GIRLS BASKETBALL, Palm Bay won again on Friday.", lexicon)
    assert "Girls Basketball" not in found["places"]


def test_capitals_inside_a_code_written_with_slashes_are_no_acronym(lexicon):
    found = extract_entities("The suit, with Number KLM/QRT/03/095/2018, was filed by Ada Obi at the FBI.", lexicon)
    assert found["organisations"] == ["FBI"] and found["people"] == ["Ada Obi"]


def test_an_everyday_word_named_only_as_a_sentences_first_word_is_the_word(lexicon):
    text = ("The fund sold its stake. “Financial players like Kestrel Capital are making money,” said Jo Kuo. "
            "Apple analyst Jo Kuo said Apple will move to new keys.")
    found = extract_entities(text, lexicon)
    assert "Financial" not in found["organisations"]
    assert {"Kestrel Capital", "Apple"} <= set(found["organisations"])  # named inside a sentence too
    found = extract_entities("“Football players like Kestrel Capital are rich,” said Jo Kuo.", lexicon)
    assert found["organisations"] == ["Kestrel Capital"]  # a word with a doubled letter too


def test_two_names_the_text_writes_apart_joined_by_a_hyphen_are_an_adjective(lexicon):
    text = ("Quorvant bought a stake in Lyrene Vasko's company. The Quorvant-Lyrene Vasko deal pleased "
            "investors, said Ben Murray-Bruce of the Pittsburgh Post-Gazette.")
    found = extract_entities(text, lexicon)
    assert "Quorvant-Lyrene Vasko" not in found["people"]
    assert {"Lyrene Vasko", "Ben Murray-Bruce"} <= set(found["people"])
    assert "Pittsburgh Post-Gazette" in found["organisations"]


def test_a_us_state_or_a_country_written_whole_after_a_name_and_a_comma_makes_it_a_city(lexicon):
    found = extract_entities("Flu shots were offered at the Vel Orrin, California, processing centre.", lexicon)
    assert "Vel Orrin" in found["places"] and "Vel Orrin" not in found["organisations"]
    found = extract_entities("Kestrel Quarry, Georgia's biggest, shut on Monday.", lexicon)
    assert "Kestrel Quarry" not in found["places"]  # a possessive after the comma says nothing of it


def test_a_capitalised_word_with_a_websites_domain_is_an_organisation_named_with_it(lexicon):
    text = "Sources told Veritrack.info the claim was false. Tickets are at Tourlane.com. See http://www.Example.com/x."
    assert extract_entities(text, lexicon)["organisations"] == ["Veritrack.info", "Tourlane.com"]


def test_a_names_own_word_after_its_organisation_word_ends_the_name(lexicon):
    text = ("It made $3 million, according to Ticket Office Zorbo. Acme Holdings Smith said no. "
            "Spain top Group B of the Vantor League Cup.")
    found = extract_entities(text, lexicon)
    assert "Ticket Office Zorbo" in found["organisations"] and "Ticket Office" not in found["organisations"]
    assert not {"Acme Holdings Smith", "Group B"} & set(found["organisations"])


def test_an_acronyms_plural_after_the_is_no_team(lexicon):
    text = "She sang at the AMAs on Sunday and the Zorvers won on Monday, Jane Doe said."
    found = extract_entities(text, lexicon)
    assert "AMAs" not in found["organisations"] and "Zorvers" in found["organisations"]


def test_a_hyphenated_word_ending_in_a_lowercase_english_word_is_no_name(lexicon):
    text = ("The league-leading Celtics beat the Kremlin-friendly broadcaster's team. Quadruple-doubles are rare, "
            "said coach Ime Udoka. President Tsai Ing-wen and Kim Jong-un were not there.")
    found = extract_entities(text, lexicon)
    assert not any("leading" in name or "doubles" in name or "friendly" in name for names in found.values() for name in names)
    text = "The NBA-leading Lakers won again. Triple-doubles came from Hamidou Diallo."
    found = extract_entities(text, lexicon)
    assert not any("leading" in name or "doubles" in name for names in found.values() for name in names)
    assert "Hamidou Diallo" in found["people"]


def test_a_trade_word_ends_a_company_name(lexicon):
    text = ("Analysts at Mirae Securities and Axis Equities cut their targets. Tata Steel and Rocket Machines "
            "signed a deal with the Applied Physics Laboratory. The novelist Danielle Steel was not involved.")
    found = extract_entities(text, lexicon)
    assert "Danielle Steel" in found["people"]
    found |= {"organisations": found["organisations"] + extract_entities(
        "The U.S. Securities and Exchange Commission said nothing.", lexicon)["organisations"]}
    assert {"Mirae Securities", "Axis Equities", "Tata Steel", "Rocket Machines", "Applied Physics Laboratory",
            "U.S. Securities and Exchange Commission"} <= set(found["organisations"]), found
    assert not set(found["people"]) & {"Mirae Securities", "Axis Equities", "Rocket Machines"}
    found = extract_entities("The Securities and Exchange Commission said nothing.", lexicon)
    assert found["organisations"] == ["Securities and Exchange Commission"]


def test_a_place_that_is_a_given_name_before_a_surname_is_a_person(lexicon):
    text = ("The billionaire tangled with Elizabeth Warren over a wealth tax. Residents of Lincoln Park met in "
            "Elizabeth on Monday.")
    found = extract_entities(text, lexicon)
    assert "Elizabeth Warren" in found["people"], found
    assert "Warren" not in found["places"]
    assert "Lincoln Park" not in found["people"]  # "park" is an everyday word: no surname here


def test_job_titles_before_a_name_are_peeled(lexicon):
    text = ("State schools Superintendent Maria Delgado spoke first. Sheriff Tom Reddick and Detective Ana Ruiz "
            "followed, then Councilwoman Grace Obi. Delgado said the budget was short.")
    found = extract_entities(text, lexicon)
    assert {"Maria Delgado", "Tom Reddick", "Ana Ruiz", "Grace Obi"} <= set(found["people"]), found
    assert not any(name.split()[0] in {"Superintendent", "Sheriff", "Detective", "Councilwoman"}
                   for names in found.values() for name in names)


def test_a_players_position_before_the_name_is_dropped(lexicon):
    text = ("The Hornets waived G Malik Okafor and QB Tom Brady threw twice. Harry S Truman and J K Rowling "
            "were not there.")
    found = extract_entities(text, lexicon)
    assert {"Malik Okafor", "Tom Brady", "Harry S Truman", "J K Rowling"} <= set(found["people"]), found
    assert "G Malik Okafor" not in found["people"]


def test_a_name_before_a_word_for_a_work_or_a_product_is_no_person(lexicon):
    text = ("The company flew its Dream Racer vehicle again, and NASA flew the Silver Falcon spacecraft. "
            "It will be a Steven Spielberg film, said Mary Jones.")
    found = extract_entities(text, lexicon)
    assert "Dream Racer" not in found["people"] and "Silver Falcon" not in found["people"], found
    assert {"Steven Spielberg", "Mary Jones"} <= set(found["people"])


def test_a_venue_or_a_road_is_no_person(lexicon):
    text = ("The band plays the Harbor Lights Amphitheater on Friday and the Gexa Pavilion on Sunday. Police closed "
            "Gladstone Avenue. Tickets sold out, said Dana Hall.")
    found = extract_entities(text, lexicon)
    people = set(found["people"])
    assert not people & {"Harbor Lights Amphitheater", "Gexa Pavilion", "Gladstone Avenue"}, found
    assert "Dana Hall" in people


def test_a_newspaper_named_after_its_city(lexicon):
    text = ("The chain owns the Kansas City Star, the Baltimore Sun and the Boston Globe. Reporters in Baltimore "
            "said the Star's owner would sell.")
    found = extract_entities(text, lexicon)
    assert {"Kansas City Star", "Baltimore Sun", "Boston Globe"} <= set(found["organisations"]), found
    assert "Kansas City" not in found["places"] and "Baltimore" in found["places"]
    found = extract_entities("Lisa Kaczke of the Sioux Falls Argus Leader reported it.", lexicon)
    assert found["organisations"] == ["Sioux Falls Argus Leader"] and not found["places"], found


def test_a_sentence_opening_verb_before_an_acronym_and_a_name_opening_with_an_acronym(lexicon):
    text = "The clinic reopened on Monday. Read BBC Mundo for more. Follow KQED Noticias on Instagram."
    found = extract_entities(text, lexicon)
    assert {"BBC Mundo", "KQED Noticias"} <= set(found["organisations"]), found
    assert not found["people"]


def test_more_place_heads_name_places(lexicon):
    text = "Herders crossed the Tibetan Plateau and the Tarim Basin, far from the Tian Shan Highlands."
    found = extract_entities(text, lexicon)
    assert {"Tibetan Plateau", "Tarim Basin", "Tian Shan Highlands"} <= set(found["places"]), found
    assert not found["people"]


def test_acronyms_of_finance_and_technology_terms_are_no_organisations(lexicon):
    text = "Analysts expect EBITDA to rise, with ICT spending and CAPEX flat, said Sanjiv Bhasin of IIFL."
    found = extract_entities(text, lexicon)
    assert not {"EBITDA", "ICT", "CAPEX"} & set(found["organisations"]), found
    assert "IIFL" in found["organisations"]


def test_air_lines_and_cruise_lines_are_companies(lexicon):
    found = extract_entities("Delta Air Lines and Norwegian Cruise Lines cut routes, and Acme Air Lines followed.", lexicon)
    assert {"Delta Air Lines", "Norwegian Cruise Lines", "Acme Air Lines"} <= set(found["organisations"]), found
    assert not found["people"]


def test_a_longer_name_opening_with_a_work_or_a_product_is_no_person(lexicon):
    text = ("NASA flew the Silver Falcon spacecraft in May. Silver Falcon Endurance, its successor, flies next year, "
            "said Mary Jones.")
    found = extract_entities(text, lexicon)
    assert not {"Silver Falcon", "Silver Falcon Endurance"} & set(found["people"]), found
    assert "Mary Jones" in found["people"]


def test_a_known_name_with_and_inside_is_read_whole(lexicon):
    text = "Bosnia and Herzegovina beat Italy, and fans in Trinidad and Tobago watched."
    found = extract_entities(text, lexicon)
    assert {"Bosnia and Herzegovina", "Trinidad and Tobago"} <= set(found["places"]), found
    assert "Herzegovina" not in found["places"] and "Tobago" not in found["places"]


def test_a_plural_name_after_the_is_a_team_not_a_person(lexicon):
    text = ("The Grey Herons beat the Copper Foxes 3-1 on Sunday, a week after the Joint Chiefs met. "
            "Coach Anna Berg was pleased.")
    found = extract_entities(text, lexicon)
    assert {"Grey Herons", "Copper Foxes"} <= set(found["organisations"]), found
    assert not {"Grey Herons", "Copper Foxes"} & set(found["people"])
    assert "Joint Chiefs" not in found["organisations"]


def test_an_acronym_spelling_an_organisations_initials_is_that_organisation(lexicon):
    text = ("The Ohio Water Resources Commission met on Monday. OWRC staff said the Northern Grid Authority agreed, "
            "and Acme Widgets Corp said so too.")
    found = extract_entities(text, lexicon)
    assert "OWRC" not in found["organisations"], found
    assert "Ohio Water Resources Commission" in found["organisations"]


def test_brands_come_from_the_public_suffix_lists_own_domains():
    from generator.text.gazetteer import brands

    names = brands()
    assert {"netflix", "airbus", "nissan", "microsoft"} <= names
    assert not {"music", "app", "news", "ford", "chase"} & names  # open domains; surnames are as often people's


def test_a_lone_brand_is_an_organisation_but_not_a_word_of_a_title(lexicon):
    text = ("Taylor Swift said she could not sing her songs in a special for Netflix. The carrier also ordered "
            "jets from Airbus last week. His debut, Lucy in the Sky, is a quieter film.")
    organisations = set(extract_entities(text, lexicon)["organisations"])
    assert {"Netflix", "Airbus"} <= organisations and "Sky" not in organisations


def test_a_products_own_word_named_alone_is_the_product(lexicon):
    text = ("Apple cut the price of the Apple AirPods Pro this week. Shoppers who want AirPods should hurry, "
            "analysts at Apple said.")
    found = extract_entities(text, lexicon)
    assert "Apple" in found["organisations"] and "AirPods" not in found["organisations"]


def test_a_persons_possessive_before_an_organisation_is_its_owner(lexicon):
    text = ("President Xi Jinping spoke on Monday. The protests degrade Xi's Communist Party, and Xi knows it. "
            "Talent manager Scooter Braun bought the label; Braun's Ithaca Holdings paid $300 million. "
            "Soldiers of the People's Liberation Army stayed in barracks.")
    found = extract_entities(text, lexicon)
    assert {"Communist Party", "Ithaca Holdings", "People's Liberation Army"} <= set(found["organisations"])
    assert not [name for name in found["organisations"] if name.startswith(("Xi", "Braun"))]


def test_a_conjunction_opening_a_sentence_is_no_part_of_a_name(lexicon):
    text = "Owen Dempsey is a chest doctor. Because Dempsey suspected the duvet, the man threw it out."
    assert extract_entities(text, lexicon)["people"] == ["Owen Dempsey"]


def test_everyday_words_before_a_title_are_the_titles_and_a_brands_country_unit_is_a_company(lexicon):
    text = ("Lexus Project Manager Fumihiko Hazama said the roof folds in 16 seconds. Lexus Philippines sells "
            "most Lexus models.")
    found = extract_entities(text, lexicon)
    assert "Fumihiko Hazama" in found["people"]
    assert "Lexus Project" not in found["organisations"] and "Lexus Philippines" in found["organisations"]


def test_a_platform_named_by_its_post_or_page_is_an_organisation(lexicon):
    text = "In a Tumblr post she thanked fans. She also shared the photos on her Instagram page on Sunday."
    assert {"Tumblr", "Instagram"} <= set(extract_entities(text, lexicon)["organisations"])


def test_a_day_named_after_no_person_is_no_person(lexicon):
    text = "Shoppers spent billions on Singles Day, said Jane Roe. Doris Day sang."
    assert extract_entities(text, lexicon)["people"] == ["Jane Roe", "Doris Day"]


def test_hospitals_and_panels_are_organisations_and_a_body_runs_on_to_its_topic(lexicon):
    text = ("He saw a doctor at the Aberdeen Royal Infirmary, then at the Mayo Clinic. The Future Technology "
            "Advisory Panel agreed. The National Institute on Drug Abuse has estimated it, and the House Select "
            "Committee on Intelligence heard him. The Security Council on Monday met again.")
    organisations = set(extract_entities(text, lexicon)["organisations"])
    assert {"Aberdeen Royal Infirmary", "Mayo Clinic", "Future Technology Advisory Panel",
            "National Institute on Drug Abuse", "House Select Committee on Intelligence"} <= organisations
    assert "Security Council on Monday" not in organisations


def test_a_firm_whose_survey_is_cited_and_a_newspapers_joined_words_are_organisations(lexicon):
    text = ("Teens want earbuds, according to a new survey from Piper Jaffray. He said so, according to the "
            "Intelligencer, the Wheeling News-Register.")
    found = extract_entities(text, lexicon)
    assert {"Piper Jaffray", "Wheeling News-Register"} <= set(found["organisations"]) and not found["people"]


def test_a_surname_that_is_a_kin_word_and_a_citations_doi(lexicon):
    text = "SoftBank CEO Masayoshi Son has told WeWork executives to cut costs. DOI: 10.1007/978-3-319."
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Masayoshi Son"] and "DOI" not in found["organisations"]


def test_fold_is_cached_since_the_same_names_are_folded_again_and_again():
    fold.cache_clear()
    fold("Zelenskyy")
    fold("Zelenskyy")
    assert fold.cache_info().hits == 1


def test_a_sentences_first_word_before_a_name_the_text_names_without_it_is_the_sentences(lexicon):
    # "Key Security Council powers": the text names the body without "Key" and writes "key" in lowercase
    found = extract_entities("Key Carlyle Group investors sold. The Carlyle Group is a key backer of the deal.", lexicon)
    assert found["organisations"] == ["Carlyle Group"]
    # no lone "Reserve" elsewhere: "Federal" stays the name's, though the text writes "federal" too
    found = extract_entities("Federal Reserve officials met on Monday. The federal budget grew.", lexicon)
    assert found["organisations"] == ["Federal Reserve"]
    # whole words: "Nation" inside "National" is no mention of it without "News"
    found = extract_entities("News Nation tried to find out. The National Capital is breathing. It was a news.", lexicon)
    assert "Nation" not in found["organisations"]


def test_a_title_case_phrase_the_text_also_writes_in_lowercase_is_no_organisation(lexicon):
    text = "Get the Online Business Success Roadmap for an overview. It is for online business builders."
    assert not extract_entities(text, lexicon)["organisations"]
    found = extract_entities("Deep Space Systems will build the lander, the deep sea notwithstanding.", lexicon)
    assert found["organisations"] == ["Deep Space Systems"]


def test_names_written_only_in_title_case_headings_are_no_names(lexicon):
    text = ("A family friend found the car and called 911.\n\nMan Shot at Dallas Gas Station Dies at Hospital\n\n"
            "The video shows officers racing up a staircase.\n\n"
            "Updated Police Identify Man, Woman Found Dead in Plano Apartment\n\nOfficers arrested Webb.")
    found = extract_entities(text, lexicon)
    assert not found["organisations"] and not found["people"]
    # named in a sentence too, or a person's name opening with a given name: kept
    text = ("Taylor Swift: Big Machine Records Blocks Her Songs\n\n"
            "Big Machine Records said the claims were false, a spokesman said.")
    found = extract_entities(text, lexicon)
    assert "Big Machine Records" in found["organisations"] and "Taylor Swift" in found["people"]
    # a list of names, a post's credit and a sentence ending with a full stop are no headings
    text = "A: Bleacher Report, Uber Eats, and ParkMobile\n\nFollow NBC Latino on Facebook, Twitter and Instagram."
    assert {"ParkMobile", "NBC Latino"} <= set(extract_entities(text, lexicon)["organisations"])


def test_a_plural_before_of_is_a_phrase_not_a_team(lexicon):
    # "the Steelers" is a team; "the Laws of Physics", "the Wars of the Roses" are a phrase and a war
    found = extract_entities("The Laws of Physics apply to business. He wrote of the Wars of the Roses.", lexicon)
    assert not found["organisations"]
    assert extract_entities("He played against the Steelers on Sunday.", lexicon)["organisations"] == ["Steelers"]


def test_an_acronym_counted_by_a_number_is_a_statistic_or_a_unit(lexicon):
    text = "DL Larry Ogunjobi 63 85% 1 tackle (1 combined). 1 sack, 1 TFL, 2 QH. The NFL fined him."
    found = extract_entities(text, lexicon)
    assert "TFL" not in found["organisations"] and "NFL" in found["organisations"]


def test_a_models_last_word_names_a_product_not_a_person(lexicon):
    text = ("The Nintendo Switch Lite, the Zamazenta Edition and the DJI Mavic Mini are on sale, "
            "and so is the MacBook Pro, said Ken Max.")
    found = extract_entities(text, lexicon)
    assert not {"Switch Lite", "Zamazenta Edition", "Mavic Mini", "DJI Mavic Mini", "MacBook Pro"} & {
        *found["people"], *found["organisations"]}
    assert found["people"] == ["Ken Max"]  # after a given name, the word is a surname


def test_a_title_in_the_possessive_after_a_country_is_the_start_of_the_offices_name(lexicon):
    text = "The U.S. Attorney’s Office for the Western District of New York said so. The White House Press Secretary agreed."
    found = extract_entities(text, lexicon)
    assert "U.S. Attorney’s Office for the Western District of New York" in found["organisations"]
    assert "White House" in found["organisations"]  # a title without 's is the body's officer, read apart


def test_two_surnames_joined_by_an_ampersand_are_a_firm(lexicon):
    text = "It won awards from Frost & Sullivan, CTIA and Ernst & Young. Research & Development grew. Tom & Jerry aired."
    found = extract_entities(text, lexicon)
    assert {"Frost & Sullivan", "Ernst & Young"} <= set(found["organisations"])
    assert not {"Research & Development", "Tom & Jerry", "Sullivan", "Ernst"} & {*found["organisations"], *found["people"]}


def test_an_auxiliary_verb_opening_a_question_is_no_given_name(lexicon):
    text = "Elizabeth Warren leads. Will Warren continue to face the heat? Will Smith starred in the film."
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Elizabeth Warren", "Will Smith"]


def test_four_names_in_a_row_are_a_list_without_a_conjunction(lexicon):
    text = "Now they get attention, with names like Chime, Varo, SoFi, Current, GoBank, and even the rest."
    assert {"Chime", "Varo", "SoFi", "GoBank"} <= set(extract_entities(text, lexicon)["organisations"])


def test_a_possessive_opening_a_quotation_is_no_title_in_quotation_marks(lexicon):
    text = "“Google’s planned free tier is its ace,” says Ward. Games launch first for Google's platform."
    assert "Google" in extract_entities(text, lexicon)["organisations"]


def test_an_institution_word_after_a_persons_name_says_it_is_the_institutions(lexicon):
    text = "Trump made a trip to Walter Reed hospital on Saturday. Trump's visit to Walter Reed was unscheduled."
    found = extract_entities(text, lexicon)
    assert "Walter Reed" in found["organisations"] and "Walter Reed" not in found["people"]


def test_a_possessive_ending_does_not_break_a_list(lexicon):
    text = "It won clients including Ford, Macy’s, Kellogg’s, NBC, Fox and others."
    assert {"Macy", "Kellogg", "NBC"} <= set(extract_entities(text, lexicon)["organisations"])  # (keys fold 's away)


def test_a_word_glued_after_an_address_dot_and_common_acronyms_are_no_names(lexicon):
    text = "Contact the column at www.DearAbby.com. The HPV vaccine helps. Ramp up the catalog ASAP, he says."
    assert not extract_entities(text, lexicon)["organisations"]


def test_an_everyday_word_opening_a_sentence_before_a_name_named_alone_is_a_verb(lexicon):
    text = "Dear Abby is written by Jeanne Phillips. Contact Dear Abby at the address."
    found = extract_entities(text, lexicon)
    assert "Contact Dear Abby" not in found["people"] and "Jeanne Phillips" in found["people"]


def test_a_titles_of_names_its_body_not_a_titled_person(lexicon):
    text = ("Ivan Braiker served as the CEO of Hipcricket, a mobile marketing company. "
            "Secretary of State Mike Pompeo spoke.")
    found = extract_entities(text, lexicon)
    assert "Hipcricket" in found["organisations"] and found["people"] == ["Ivan Braiker", "Mike Pompeo"]


def test_a_registered_mark_names_a_product_or_a_brand_no_person(lexicon):
    text = "Digital Intuition®, the company’s patented algorithm, ranks ads. Don Victor™ honey sells well."
    assert not extract_entities(text, lexicon)["people"]


def test_where_someone_works_or_what_a_company_has_names_an_organisation(lexicon):
    text = ("“Prices will rise,” said Maria Okafor, the chief economist at Quendrix. Tomas Ruiz, a professor at "
            "Velmora, agreed. Shares of Brontica fell. General Ann Reyes, chairman of the Joint Chiefs of Staff, "
            "said nothing.")
    found = extract_entities(text, lexicon)
    assert {"Quendrix", "Velmora", "Brontica"} <= set(found["organisations"])
    assert "Joint Chiefs" not in found["organisations"]  # a name the run cut before its "of" is no workplace


def test_a_place_and_a_plural_name_a_team_unless_the_place_is_a_common_given_name(lexicon):
    found = extract_entities("We watched the Denver Broncos lose. Chad Thomas scored twice.", lexicon)
    assert found["organisations"] == ["Denver Broncos"] and found["people"] == ["Chad Thomas"]


def test_a_product_after_its_brand_is_no_person_nor_is_its_name_alone(lexicon):
    text = ("Buy it now at Zorblax, the retailer.\n\nZorblax Echo Pad for $45\n\n"
            "The new Echo Pad adds a clock. Rival Tim Cook said nothing.")
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Tim Cook"]  # a rare given name ("Echo") after a brand starts no person
    assert found["organisations"] == ["Zorblax"]


def test_an_acronym_grown_into_a_word_is_written_as_a_company_writes_its_name(lexicon):
    text = "Disclosure: QRVerge may earn a commission from some of the products on this page. Read more at QRVerge."
    assert extract_entities(text, lexicon)["organisations"] == ["QRVerge"]
    assert extract_entities("Both CEOs bought new LEDs.", lexicon)["organisations"] == []  # an acronym's plural


def test_a_models_plural_is_the_product_too(lexicon):
    assert extract_entities("Owners of older VaporBook Pros complained about the keys.", lexicon) == {
        "people": [], "places": [], "organisations": []}


def test_a_name_after_a_or_an_that_modifies_nothing_is_a_kind_of_thing(lexicon):
    text = ("Her son was posing as a Meal Delivery Service and a Hot Yoga Studio online. He had a QXR in the "
            "second half. A Goldman Sachs analyst said so.")
    assert extract_entities(text, lexicon)["organisations"] == ["Goldman Sachs"]


def test_a_name_of_words_after_the_is_no_person_unless_it_opens_with_a_given_name(lexicon):
    text = "This year we saw the Zentor Flux make a comeback, and the Marla Quinn campaign grow."
    assert extract_entities(text, lexicon)["people"] == ["Marla Quinn"]


def test_a_citys_name_that_a_company_runs_as_its_own_domain_is_decided_by_the_text(lexicon):
    from generator.text.gazetteer import brands_run_by_companies
    assert "toyota" in brands_run_by_companies() and "london" not in brands_run_by_companies()  # the city's domain
    text = "A plug-in version is coming, according to Toyota. Toyota says the battery is small. Sales in London rose."
    found = extract_entities(text, lexicon)
    assert found["organisations"] == ["Toyota"] and found["places"] == ["London"]


def test_the_largest_websites_are_brands_and_a_lone_one_an_organisation(lexicon):
    from generator.text.gazetteer import brands, large_websites

    assert {"facebook", "twitter", "weibo"} <= large_websites() <= brands()
    assert "otto" not in large_websites()  # a given name is as often a person's
    text = "He posted the video on Twitter on Monday, then on the Web."
    assert extract_entities(text, lexicon)["organisations"] == ["Twitter"]  # "the Web": a word after "the"


def test_a_name_only_ever_after_an_organisations_possessive_is_its_product(lexicon):
    text = "Buy it at Zorblax, the retailer. You can use Zorblax's StreamCast to play music, said Zorblax's Mira Holt."
    found = extract_entities(text, lexicon)
    assert found["organisations"] == ["Zorblax"] and found["people"] == ["Mira Holt"]


def test_a_unit_for_an_organisation_the_text_names_apart_is_two_names(lexicon):
    text = ("“It helps,” says Ana Weber, Head of Patient Systems for Corvexa. The deal widens ties between Corvexa "
            "and its partner.")
    found = extract_entities(text, lexicon)
    assert "Corvexa" in found["organisations"] and "Patient Systems for Corvexa" not in found["organisations"]


def test_healthcare_ends_a_companys_name_as_a_trade_word_does(lexicon):
    found = extract_entities("The deal adds to Novera Healthcare’s range. Healthcare costs rose.", lexicon)
    assert found == {"people": [], "places": [], "organisations": ["Novera Healthcare"]}


def test_daily_ends_a_newspapers_name(lexicon):
    found = extract_entities("On Monday the People's Daily warned of a crisis. Daily life goes on.", lexicon)
    assert found["organisations"] == ["People's Daily"]


def test_a_place_before_based_or_born_is_named(lexicon):
    found = extract_entities("The Cupertino-based company hired a Kyiv-born artist. The Kremlin-backed group left.", lexicon)
    assert found == {"people": [], "places": ["Cupertino", "Kyiv"], "organisations": []}


def test_examples_of_works_and_a_machine_named_for_a_person_are_no_people(lexicon):
    text = ("The service features popular franchises such as Ember Quest, Tomb Raider, Iron Harbor and more. The run "
            "needed the Hazel Hen supercomputer in Stuttgart. Games like Sun Dagger sold well, said Hazel Moss.")
    assert extract_entities(text, lexicon)["people"] == ["Hazel Moss"]


def test_a_two_letter_code_before_a_name_is_a_tables_column_not_part_of_the_name(lexicon):
    text = "LB Tavon Pryce 74 100% 1 tackle.\nCB Devaro Kemp 1 1% No stats registered.\nUK Prime Minister Rishi Sunak watched."
    found = extract_entities(text, lexicon)
    assert found["people"] == ["Tavon Pryce", "Devaro Kemp", "Rishi Sunak"] and found["places"] == ["United Kingdom"]


def test_a_lone_word_before_a_kind_of_product_is_its_maker(lexicon):
    text = "Velvox speakers have long been good. Velvox Move costs $400. Both run iOS and Android devices."
    assert extract_entities(text, lexicon) == {"people": [], "places": [], "organisations": ["Velvox"]}


def test_an_acronym_of_a_places_name_in_the_text_is_the_place(lexicon):
    found = extract_entities("Rents in New York City rose again. Landlords in NYC blamed taxes.", lexicon)
    assert found == {"people": [], "places": ["New York City"], "organisations": []}


def test_an_acronym_of_the_capitals_of_a_camel_cased_name_is_that_name(lexicon):
    text = "It was noted in the TradeWorld Journal this week. She is on the TWJ list of leaders."
    assert extract_entities(text, lexicon)["organisations"] == ["TradeWorld Journal"]


def test_the_noun_before_called_says_what_the_name_is(lexicon):
    text = ("We are launching an offering called ZAMBRO which gives access. She founded a startup called Quillet. "
            "A man named Oren Vasko called. The tool, a solution called Nexo Patient Watch, ships soon.")
    found = extract_entities(text, lexicon)
    assert found["organisations"] == ["Quillet"] and found["people"] == ["Oren Vasko"]


def test_a_provider_in_apposition_is_an_organisation_and_what_is_looked_into_no_place(lexicon):
    found = extract_entities("Zentrix, a global solutions provider, signed the deal. He urged investigations into "
                             "Vormara.", lexicon)
    assert found["organisations"] == ["Zentrix"] and found["places"] == []


def test_a_companys_chief_executive_names_the_company_not_a_chief_of_staff(lexicon):
    text = "Velmora's chief executive resigned on Monday. Trump's chief of staff stayed."
    assert extract_entities(text, lexicon)["organisations"] == ["Velmora"]


def test_a_lone_name_speaking_in_a_statement_is_a_body_unless_a_person_ends_with_it(lexicon):
    text = "Quorvo said in a statement that it would appeal. Reznikov said in a statement that he agreed, and Oleksii Reznikov left."
    found = extract_entities(text, lexicon)
    assert found == {"people": ["Oleksii Reznikov"], "places": [], "organisations": ["Quorvo"]}


def test_a_country_or_region_ending_an_organisations_run_is_its_unit_there(lexicon):
    text = ("Mara Voss, General Manager of Retail Systems Europe at Zorblax, said so. Kent Lamb, the Vantor Group "
            "Ukraine expert, agreed.")
    found = extract_entities(text, lexicon)
    assert {"Retail Systems Europe", "Vantor Group"} <= set(found["organisations"]) and found["places"] == ["Ukraine"]


def test_who_one_drives_or_delivers_for_is_an_organisation_and_so_is_its_list(lexicon):
    text = "Back then, driving for Zuvo or Karrly or Pentamo seemed like a good idea. As Zuvo and Karrly grew, pay fell."
    assert extract_entities(text, lexicon)["organisations"] == ["Zuvo", "Karrly", "Pentamo"]


def test_area_after_a_places_word_or_a_known_place_names_a_region(lexicon):
    found = extract_entities("Rents in the Bay Area rose, and the Greater Fresno Area too.", lexicon)
    assert found["places"] == ["Bay Area", "Greater Fresno Area"] and found["people"] == []


def test_two_capitals_that_speak_are_a_bodys_initials(lexicon):
    text = "Whatever the definition, QX says that it may only be a concept. The PM said nothing."
    assert extract_entities(text, lexicon)["organisations"] == ["QX"]


def test_a_whole_run_after_a_or_an_that_modifies_nothing_is_a_kind_of_thing_whatever_its_heads(lexicon):
    text = "It is about as long as a QX Atlas Cross Sport SUV. Whatever the definition, QX says it is a concept."
    assert extract_entities(text, lexicon)["organisations"] == ["QX"]


def test_a_hyphenated_word_alone_is_one_word_no_full_name(lexicon):
    # Invented text. "Fizz-Bolt" and "Kettering-Vane" written alone are one word each: no person's full name
    text = ("Shoppers bought Fizz-Bolt last spring. The scientist Ada Kettering-Vane found it; Kettering-Vane "
            "said so. Guests used Wi-Fi at the hotel.")
    found = extract_entities(text, lexicon)
    assert "Fizz-Bolt" not in found["people"]
    assert found["people"] == ["Ada Kettering-Vane"]  # a double surname alone still joins the full name
    assert "Wi-Fi" not in found["people"] + found["organisations"]


def test_an_acronym_counted_or_qualified_is_a_kind_of_thing_not_a_body(lexicon):
    # Invented text
    text = ("Banners earn little, but effective CPMs rose this year: the effective CPM is 30% higher, and "
            "feeds get the highest CTR and more clicks. The ZRF said on Monday that it would not comment; "
            "a lush BBC adaptation aired later.")
    organisations = extract_entities(text, lexicon)["organisations"]
    assert "CPM" not in organisations and "CTR" not in organisations
    assert "ZRF" in organisations and "BBC" in organisations  # a body speaks; an acronym qualifying a noun after it


def test_an_acronym_in_brackets_after_words_that_spell_it_is_what_they_name(lexicon):
    # Invented text
    text = ("Smell relies on G protein-coupled receptors (GPCRs) in the nose: a GPCR binds to a molecule. Its more "
            "powerful Lunar Upper Stage (LUS), could fly sooner; the LUS needs work. The Federal Widget Commission "
            "(FWC) fined the maker, and the FWC said more was due.")
    organisations = extract_entities(text, lexicon)["organisations"]
    assert not {"GPCR", "GPCRs", "LUS"} & set(organisations)
    assert "Federal Widget Commission" in organisations


def test_a_sentence_opening_word_in_capitals_before_a_determiner_is_a_verb_not_an_acronym(lexicon):
    # Invented text
    text = ("ATTEND a two-day clinic with rider Jane Moss in Elkton. CHEER ON Juniors at the show. "
            "ZRTA said on Monday that its trains would run.")
    organisations = extract_entities(text, lexicon)["organisations"]
    assert "ATTEND" not in organisations and "CHEER" not in organisations
    assert "ZRTA" in organisations


def test_a_model_year_before_a_maker_and_its_lowercase_first_product_leaves_the_maker(lexicon):
    # Invented text
    text = ("The 2021 Kestrel e-van goes on sale in May, and Kestrel says the 2021 Kestrel e-van will cost less. "
            "The 2020 Sentra gets a new grille, and the 2020 Sentra sells well.")
    organisations = extract_entities(text, lexicon)["organisations"]
    assert "Kestrel" in organisations
    assert "Sentra" not in organisations  # a model after its year is still a product


def test_organisation_words_alone_ending_with_a_publications_word_name_a_publication(lexicon):
    # Invented text
    text = ("The analyst told Business Insider in October that the plan would fail. Officials at the Foreign "
            "Ministry declined to comment.")
    organisations = extract_entities(text, lexicon)["organisations"]
    assert "Business Insider" in organisations
    assert "Foreign Ministry" not in organisations  # a generic body is only a name with its country


def test_a_school_ends_an_organisations_name(lexicon):
    # Invented text
    text = "Lars Penn, a professor at the Quarry School of Business, spoke first. The students went back to school."
    found = extract_entities(text, lexicon)
    assert "Quarry School of Business" in found["organisations"]
    assert "Quarry School" not in found["people"] and found["people"] == ["Lars Penn"]


def test_a_hyphenated_makers_word_and_a_list_it_ends_name_organisations(lexicon):
    # Invented text
    text = ("Zentro, Quibble and the recreational vehicle-maker Farrowby raised prices. Later, Dunmore and the "
            "senator Quintrell met in Ohio.")
    organisations = extract_entities(text, lexicon)["organisations"]
    assert {"Zentro", "Quibble", "Farrowby"} <= set(organisations)
    assert "Dunmore" not in organisations and "Quintrell" not in organisations  # a senator is no maker


def test_the_place_a_nationality_names_is_a_place_but_not_a_compass_word(lexicon):
    # Invented text
    text = ("Pilots trained in the Soviet Union before 1991. Police in Kowloon West said the road was shut.")
    found = extract_entities(text, lexicon)
    assert "Soviet Union" in found["places"] and "Soviet Union" not in found["organisations"]
    assert "West" not in found["places"]


def test_a_home_before_a_body_is_a_place_and_a_topic_list_ends_the_bodys_name(lexicon):
    # Invented text
    text = ("An analyst at the Pune-based Council on Water, Soil and Air told reporters the smog would lift. "
            "The Commission on Trade said on Monday it agreed; the Committee on Intelligence, Schiff said, met.")
    found = extract_entities(text, lexicon)
    assert "Council on Water, Soil and Air" in found["organisations"] and "Pune" in found["places"]
    assert "Committee on Intelligence" in found["organisations"]  # a comma and a name after it are no topic list
    assert not [name for name in found["organisations"] if "based" in name or "Intelligence, " in name]


def test_a_persons_name_ends_before_a_word_in_capitals_and_a_particle_after_a_given_name_starts_a_surname(lexicon):
    # Invented text
    text = ("Tested by: Harold Quimby RRP: 40 euros. Monica de Bolle, a senior fellow, said tariffs hurt. "
            "King Henry VIII married six times.")
    people = extract_entities(text, lexicon)["people"]
    assert "Harold Quimby" in people and "Monica de Bolle" in people
    assert "Henry VIII" in people  # a regnal number stays


def test_a_listed_company_is_an_organisation_unless_the_text_says_it_is_a_place(lexicon):
    from generator.text.gazetteer import listed_companies
    several, single = listed_companies()
    if not several:
        pytest.skip("pytickersymbols is not installed")
    assert "lockheed martin" in several and "boeing" in single
    assert not {"target", "visa", "ford"} & single  # an everyday word, a surname: as often no company
    text = ("The team includes Draper, Lockheed Martin and Northrop Grumman. It depends on what Boeing will "
            "invest. The tour plays June 24 -- Jiffy Lube Live, Bristow, VA, then Target Field.")
    found = extract_entities(text, lexicon)
    assert {"Lockheed Martin", "Northrop Grumman", "Boeing", "Draper"} <= set(found["organisations"])
    assert "Bristow" in found["places"] and "Bristow" not in found["organisations"]


def test_an_acronym_joined_to_a_common_noun_or_a_common_acronym_is_a_thing(lexicon):
    # Invented text
    text = ("The lower screen deals with HVAC, music, and other settings. The film is out on DVD and XOD. "
            "Fans can stream NFL football or ZBA basketball, and brands such as Ford, QXT and others signed up.")
    organisations = extract_entities(text, lexicon)["organisations"]
    assert "HVAC" not in organisations and "XOD" not in organisations
    assert {"ZBA", "QXT"} <= set(organisations)  # an acronym before a noun it qualifies; a list of bodies


def test_a_name_alone_in_quotation_marks_is_a_work_even_with_the_full_stop_inside(lexicon):
    # Invented text
    text = ("He said so on a previous episode of “ZWTS.” Those involved with “ZWTS” were sad, and the "
            "actor said on \"ZWTS,\" that he would return. The ZRTA said on Monday that trains would run.")
    organisations = extract_entities(text, lexicon)["organisations"]
    assert "ZWTS" not in organisations and "ZRTA" in organisations


def test_a_known_place_alone_in_quotation_marks_is_a_work_but_found_where_unquoted(lexicon):
    # Invented text
    text = ("She phoned in from the Chicago set of “Fargo,” then sang “Glasgow.” The role Glasgow plays in "
            "her life is large.")
    places = extract_entities(text, lexicon)["places"]
    assert "Fargo" not in places and {"Chicago", "Glasgow"} <= set(places)


def test_an_institution_named_after_its_place_is_one_name_not_the_places_body(lexicon):
    # Invented text
    text = ("Lawrence White, a professor at New York University's Stern School of Business, said so. The "
            "United States Justice Department declined to comment.")
    found = extract_entities(text, lexicon)
    assert "New York University" in found["organisations"] and "New York" not in found["places"]
    assert "United States's Justice Department" in found["organisations"]  # a body of the place


def test_what_a_paper_is_published_in_is_a_journal_not_a_place(lexicon):
    # Invented text
    text = ("A third paper in Quillon by Ann Moss made the case. The virus first appeared in Quillon County, and "
            "cases were reported in Dunmere.")
    found = extract_entities(text, lexicon)
    assert "Quillon" in found["organisations"] and "Quillon" not in found["places"]
    assert "Dunmere" not in found["organisations"]  # "reported in": a place still
