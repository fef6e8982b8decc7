"""Claims keyed by what they count, dated when made, one claimant per article, only what a reader
tracks; key points that carry distinct developments and stand alone; the seeds' figure groups."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest

from generator.config.settings import load_config
from generator.content.documents import Document
from generator.ingest.article import Seed
from generator.ingest.briefing import make_briefing
from generator.ingest.clean import clean
from generator.text import claims
from generator.text.claims import extract_figures
from generator.ingest.digest import key_points, summarise
from generator.text.entities import Lexicon, find_mentions
from generator.text.quotes import extract_quotes
from generator.ingest.read import read_seed
from generator.text.sentences import split_sentences
from generator.linking.facts import Facts
from generator.linking.figures import group_figures
from tests.helpers import REPO, run_cli

THURSDAY = dt.date(2022, 3, 17)
LEXICON = Lexicon(load_config(REPO / "generator" / "config" / "default_site.yaml").entities)


def figures(text: str, date: dt.date | None = THURSDAY) -> list[dict]:
    return extract_figures(text, find_mentions(text, LEXICON), date)


def keyed(text: str) -> list[tuple]:
    return [(f["value"], f["what"], f.get("claimant")) for f in figures(text)]


def test_the_same_quantity_has_one_key_whatever_the_wording():
    national = ("Oleksii Reznikov said 14,000 Russian soldiers had been killed. "
                "Russia said 498 soldiers had died and 1,597 had been wounded.")
    newsweek = "Russia says that 498 of its own troops have been killed in the fighting."
    assert keyed(national) == [(14000, "Russian troops killed", "Oleksii Reznikov"),
                               (498, "Russian troops killed", "Russia"), (1597, "Russian troops wounded", "Russia")]
    assert keyed(newsweek) == [(498, "Russian troops killed", "Russia")]
    # The article's own words, for display: its verb too ("died", "taken out"), not the key's.
    assert [f.get("wording") for f in figures(national)] == ["soldiers killed", "soldiers died", "troops wounded"]
    listed = figures("The Foreign Ministry said 49 Russian aircraft and 81 helicopters had been taken out.")
    assert [f.get("wording") for f in listed] == ["aircraft taken out", "helicopters taken out"]


def test_a_list_shares_its_verb_and_side_and_number_words_count():
    text = ("Ukraine's Foreign Ministry said 49 Russian aircraft, 81 helicopters, 317 tanks and seven drones "
            "had been taken out. It said the Russians had lost 1,070 armored vehicles and 120 artillery pieces.")
    assert [(v, w) for v, w, _ in keyed(text)] == [
        (49, "Russian aircraft destroyed"), (81, "Russian helicopters destroyed"), (317, "Russian tanks destroyed"),
        (7, "Russian drones destroyed"), (1070, "Russian armoured vehicles destroyed"),
        (120, "Russian artillery pieces destroyed")]


def test_a_loss_without_a_side_takes_the_claimants_other_losses_side():
    text = ("Oleksii Reznikov said 14,000 Russian soldiers had been killed. "
            "He said the Ukrainian resistance had destroyed 450 tanks and 750 planes.")
    assert keyed(text)[1:] == [(450, "Russian tanks destroyed", "Oleksii Reznikov"),
                               (750, "Russian aircraft destroyed", "Oleksii Reznikov")]


def test_a_title_and_the_person_holding_it_are_one_claimant():
    text = ("Ukraine's defence minister estimated on Thursday that Russia had lost 14,000 troops. "
            "Oleksii Reznikov said Russian losses were mounting.")
    assert keyed(text) == [(14000, "Russian troops killed", "Oleksii Reznikov")]


def test_a_claim_is_dated_when_it_was_made():
    text = ("Russia has made only one acknowledgement of casualties, more than two weeks ago, when it said "
            "498 soldiers had died. The ministry said on Monday that 120 tanks had been destroyed.")
    found = figures(text)
    assert [(f["value"], f["date"], f.get("when")) for f in found] == [
        (498, dt.date(2022, 3, 3), "two weeks ago"), (120, dt.date(2022, 3, 14), "on Monday")]
    assert claims.said_on("two weeks ago", None) is None and claims.said_on(None, THURSDAY) == THURSDAY


def test_counts_nobody_tracks_stay_in_the_text():
    text = ("The European Union expanded sanctions, adding 14 oligarchs and 146 members of the Federation "
            "Council to its list. The two sides met for three hours. A total of 28 people who were in close "
            "contact with the patient were put under medical quarantine, according to two people familiar "
            "with the matter.")
    assert [(v, w) for v, w, _ in keyed(text)] == [(28, "people quarantined")]


def test_the_act_told_before_the_count_and_deaths_with_a_qualifier_are_read():
    text = ("Officials banned firecrackers, arresting 210 people. The study found 9 million premature deaths "
            "worldwide; India suffered more than 2.5 million of these deaths. Tariffs would reduce wages while "
            "eliminating 195,600 jobs. Two federal prison officers were charged on Tuesday. The particles are "
            "smaller than 2.5 microns.")
    assert [(v, w) for v, w, _ in keyed(text)] == [
        (210, "people arrested"), (9_000_000, "people killed"), (2_500_000, "people killed"), (195_600, "jobs cut"),
        (2, "federal prison officers charged")]
    assert "wording" not in figures(text)[0]  # worded as the key ("people arrested"), not "people arresting"


def test_a_speaker_named_after_the_speech_verb_claims():
    text = ("At the time, there were more than 30 staff vacancies at the facility, said Serene Gregg, local "
            "president of the union. There were 40 staff vacancies, said Tuesday's report.")
    assert keyed(text) == [(30, "staff vacancies", "Serene Gregg")]


def test_an_aside_after_the_counted_things_is_passed_over_to_their_verb():
    text = ("Two hostages — an American and an Australian — who had been held since 2016 were released on "
            "Tuesday.")
    assert [(v, w) for v, w, _ in keyed(text)] == [(2, "hostages released")]


def test_a_count_joined_to_the_subject_shares_what_befell_it():
    text = "The man was quarantined after the diagnosis, along with 28 people he came into contact with."
    assert [(v, w) for v, w, _ in keyed(text)] == [(28, "people quarantined")]


def test_a_count_restated_without_its_state_is_the_same_count():
    text = ("More than 300 Indians, including one woman, were deported by the authorities. These 300 Indians "
            "had violated visa rules, the officials said.")
    assert [(v, w) for v, w, _ in keyed(text)] == [(300, "Indians deported")]


def test_others_count_the_thing_before_and_only_troops_tanks_or_jobs_are_lost_as_a_loss():
    text = ("NASA said the 5 companies currently selected join 9 others. The coach said the team lost "
            "10 games, and the club said it lost 14 followers and 300 jobs.")
    assert [(v, w) for v, w, _ in keyed(text)] == [
        (5, "companies"), (9, "companies"), (10, "games"), (14, "followers"), (300, "jobs cut")]


def _document(name: str, figures: list[dict]) -> tuple[Document, Facts]:
    document = Document(Path(name), f"{name}.md", f"briefings/{name}/", name.title(), None, b"", 1, {}, name)
    return document, Facts({}, figures, [], "", ())


def test_a_figure_nobody_claims_is_never_compared_or_charted():
    pairs = [_document("a", [{"value": 3, "what": "people killed"}, {"value": 5, "what": "tanks", "claimant": "X"}]),
             _document("b", [{"value": 4, "what": "people killed"}, {"value": 9, "what": "tanks", "claimant": "Y"}])]
    groups = {g.what + ("" if g.claimants else " (unclaimed)"): g
              for g in group_figures([d for d, _ in pairs], {d.url: f for d, f in pairs})}
    assert groups["tanks"].compared and groups["tanks"].disputed
    assert not groups["people killed (unclaimed)"].compared


def test_key_points_carry_distinct_developments_and_stand_alone():
    config = load_config(REPO / "site.yaml")
    path = REPO / "seeds" / "003_bd12803d39086d5b.txt"
    front, _ = make_briefing(read_seed(Seed(path, path.name, "0"), config.ingest), config.ingest, config.entities)
    points = front["key_points"]
    assert 3 <= len(points) <= 5
    assert sum(len(re.findall(r"\d[\d,]*", p)) >= 2 for p in points) <= 2  # not five sentences of counts
    assert any("Poland" in p for p in points) and any("no-fly" in p for p in points)
    assert not any(re.match(r"(?:But|And|As well as this|It|He|She)\b", p) for p in points)
    assert not any(set(split_sentences(front["summary"])) & set(points))


def test_a_point_opening_mid_thought_is_trimmed_or_named():
    sentences = ["Ukraine's defence minister said Russia had lost 14,000 troops on Thursday in the war.",
                 "Oleksii Reznikov said Russian losses were mounting in every region of the country.",
                 "But he said the resistance had destroyed 450 tanks and 750 planes in three weeks.",
                 "As well as this, the ministry said 60 tankers had also been destroyed near Kyiv."]
    points = key_points(sentences, skip=1)
    assert "Oleksii Reznikov said the resistance had destroyed 450 tanks and 750 planes in three weeks." in points
    assert "The ministry said 60 tankers had also been destroyed near Kyiv." in points
    sentences[3] = "Also, the Red Cross said 30 lorries of aid had reached the besieged city of Mariupol."
    assert "The Red Cross said 30 lorries of aid had reached the besieged city of Mariupol." \
        in key_points(sentences, skip=1)


def test_a_frame_tying_a_point_to_the_sentence_before_is_dropped_when_a_clause_follows():
    lead = "Hong Kong police laid siege to a university on Monday, pinning students inside for a second night."
    points = key_points([lead, "This comes as China has denounced a Hong Kong court ruling on the mask ban.",
                         "Their release came hours after the government freed three Taliban prisoners in Qatar.",
                         "It came after an attack that killed nine people in the north of the country."], skip=1)
    assert points[:2] == ["China has denounced a Hong Kong court ruling on the mask ban.",
                          "The government freed three Taliban prisoners in Qatar."]
    assert points[2].startswith("It came after an attack")  # "An attack that killed nine …" would be no sentence


def test_a_leading_he_is_named_from_the_person_the_sentences_before_are_about():
    sentences = ["Sweden dropped its investigation into Julian Assange on Tuesday after a review of the evidence.",
                 "Assange has denied both allegations made against him in Sweden nine years ago.",
                 "The US wants the UK to extradite him over the release of classified military files.",
                 "He now faces a maximum sentence of 175 years in prison in the US if convicted."]
    assert "Assange now faces a maximum sentence of 175 years in prison in the US if convicted." \
        in key_points(sentences, skip=1)
    # A country opening a sentence is no "he"; nor is a person named too many sentences back.
    sentences = ["Russia's defence ministry spoke on Thursday about the war in the east of Ukraine.",
                 "Russia has made only one acknowledgement of its casualties since the invasion began.",
                 "He accused a fifth column of dissenting Russians of trying to stir civil unrest at home.",
                 "Oleksii Reznikov said Russian losses were mounting in every region of the country.",
                 "The ministry said 60 tankers had also been destroyed near Kyiv in three weeks.",
                 "Shelling went on in Kharkiv and Mariupol through the night, the regional governor reported.",
                 "A convoy of aid lorries reached the besieged port city of Mariupol early on Friday.",
                 "He said the ceasefire had been broken within hours of being agreed by both sides."]
    points = key_points(sentences, skip=1)
    assert not any(p.startswith(("Russia accused", "Oleksii Reznikov said the ceasefire")) for p in points)


def test_the_seeds_give_one_disputed_group_of_four_claims_dated_when_made(site: Path):
    (site / "seeds" / "000_b7715ab632626748.yaml").write_text("date: 2022-03-17\n", encoding="utf-8")
    assert run_cli(site, "build").returncode == 0
    figures_dir = site / "public" / "figures"
    troops = unescape((figures_dir / "russian-troops-killed" / "index.html").read_text(encoding="utf-8"))
    assert "disputed" in troops and "4 claims" in troops
    for claim in ("498 Russian troops killed, according to Russia (3 Mar 2022)",
                  "498 Russian troops killed, according to Russia (9 Mar 2022)",
                  "more than 12,000 Russian troops killed, according to Ukraine’s Foreign Ministry (9 Mar 2022)",
                  "14,000 Russian troops killed, according to Oleksii Reznikov (17 Mar 2022)"):
        assert claim in re.sub(r"<[^>]+>", "", troops)
    for group in ("russian-tanks-destroyed", "russian-aircraft-destroyed"):
        page = (figures_dir / group / "index.html").read_text(encoding="utf-8")
        assert "2 claims" in page and "according to" in page
    assert not (figures_dir / "troops-killed").exists() and not (figures_dir / "tanks").exists()


def test_a_dateline_stays_out_of_the_summary():
    for lead in ("KYIV (Reuters) - Russia said on Monday it had taken the city.",
                 "SANTA FE, N.M. (AP) — A cat who has been missing for five years has been found.",
                 "ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a sixth death."):
        assert summarise([lead, "A second sentence that is long enough to be the summary's as well, it is."]) \
            .startswith(("Russia said", "A cat", "Michigan health"))


def test_quote_speakers_are_people_or_bodies_a_reader_can_find():
    text = ("James P. Kennedy Jr. is the US attorney. “The case highlights that free speech carries duties,” "
            "Kennedy said. “The cause of the crash is under investigation, preliminary reports say,” the statement "
            "said. He added nothing.")
    speakers = [q["speaker"] for q in extract_quotes(text, find_mentions(text, LEXICON))]
    assert [s.rstrip(".") for s in speakers] == ["James P. Kennedy Jr"]


def test_a_quote_speaker_is_a_name_not_a_role_a_pronoun_or_the_sentence_before():
    text = ("Pacific Gas & Electric is cutting power. “We know this is a hardship for our customers and we regret it,” "
            "said company CEO Andy Vesey.\nRobert Aderholt asked whether the lander would be ready in time for 2024. "
            "Bridenstine said: “We are going to land on the Moon with the first woman and the next man.”\n"
            "“The production will go on with a different cast and a new director next year,” the production company "
            "said.\n“Our flexibility will lead us to fulfil more and more complex missions soon,” he said.")
    speakers = [q["speaker"] for q in extract_quotes(text, find_mentions(text, LEXICON))]
    assert speakers[0].endswith("Andy Vesey") and not any(word.islower() for word in speakers[0].split())
    assert speakers[1] == "Bridenstine"
    assert not [s for s in speakers[2:] if not s[:1].isupper() or s.split()[0].lower() in ("he", "she")]


def test_a_quote_with_no_attribution_of_its_own_goes_on_with_the_one_before_it_in_its_paragraph():
    text = ("“The fate of the people of Ukraine moves us deeply,” Olaf Scholz said. “It is important that the fate of "
            "these young people also becomes known in Russia.” The chancellor met Nato's chief in Berlin.\n"
            "“We are not machines, we are not animals, but our people are fighting,” said Mr Reznikov. It came as a "
            "British assessment said the invasion had stalled.\n"
            "“The case highlights that free speech carries duties,” Kennedy said. “The cause of the crash is under "
            "investigation, preliminary reports say,” the statement said.")
    quotes = [(q["speaker"], q["text"][:20]) for q in extract_quotes(text, find_mentions(text, LEXICON))]
    assert ("Olaf Scholz", "It is important that") in quotes, quotes
    assert any(speaker.endswith("Reznikov") and words.startswith("We are not") for speaker, words in quotes), quotes
    assert not [speaker for speaker, words in quotes if words.startswith("The cause")], "its own attribution names nobody"


def test_a_one_line_paste_breaks_between_developments_and_keeps_what_leans_on_the_sentence_before():
    text = " ".join([
        "Ukraine's defence minister said Russia had lost 14,000 troops in three weeks of fighting in the country.",
        "But he said the resistance had destroyed 450 tanks, a figure higher than Russia's losses in Chechnya.",
        "German Chancellor Olaf Scholz, meeting Nato's secretary general in Berlin, called on Russians to see the war.",
        "“By air, by tanks and by missiles it is being erased from the face of the earth,” Mr Reznikov said.",
        "“What the Kremlin is doing today is really barbaric.”",
        "Russia is accused by Ukraine of bombing a theatre in Mariupol where women and children had been sheltering.",
        "Moscow denies this.",
        "The United Nations said on Tuesday that at least 1,424 civilians had been hurt since the start of the invasion.",
    ])
    paragraphs = clean(text, ()).paragraphs
    assert any(p.startswith("German Chancellor Olaf Scholz") for p in paragraphs), paragraphs
    assert any(p.startswith("Ukraine's defence minister") and p.endswith("Chechnya.") for p in paragraphs), paragraphs
    assert any(p.startswith("“By air") and p.endswith("really barbaric.”") for p in paragraphs), paragraphs
    assert any(p.endswith("sheltering. Moscow denies this.") for p in paragraphs), paragraphs


def test_a_key_point_opening_she_is_named_from_a_speaker_the_sentence_before_names_inside_it():
    sentences = [
        "The European Space Agency says putting astronauts into a state of suspended animation could help reach Mars.",
        "While slowing down metabolism is not possible yet, research team head Jennifer Ngo-Anh says the idea is sound.",
        "She noted that similar methods are already used in hospitals to save trauma victims after accidents.",
        "Veteran Nollywood actress, Kate Henshaw, who won an award in 2008, has posted new photographs on Instagram.",
        "She flaunted a hand bag which had the colours of the Nigerian flag at a gala in Lagos on Sunday.",
    ]
    points = key_points(sentences, 1)
    assert "Jennifer Ngo-Anh noted that similar methods are already used in hospitals to save trauma victims after accidents." in points
    assert any(p.startswith("Kate Henshaw flaunted") for p in points), points


def test_a_surname_is_known_from_a_full_name_after_a_title():
    sentences = [
        "A man was stabbed to death on a commuter train in the San Francisco Bay Area on Tuesday afternoon.",
        "Interim BART Police Chief Ed Alvarez told reporters that officials began receiving calls on Tuesday.",
        "Alvarez says transit officers searched the area and were able to arrest a suspect within the hour.",
        "He said there is no threat to the public because it was a fight between two people on the train.",
    ]
    assert "Alvarez said there is no threat to the public because it was a fight between two people on the train." \
        in key_points(sentences, 1)


def test_speech_words_that_say_nothing_name_no_claimant():
    # A determiner or a passive before the word, "added" with an object: nobody says anything.
    assert keyed("The pandemic killed an estimated 25 million people in Europe.") == [(25000000, "people killed", None)]
    assert keyed("A total of 28 people who were in close contact with the patient were put under medical "
                 "quarantine.") == [(28, "people quarantined", None)]
    assert keyed("Anthony Beauvillier added his seventh, and Semyon Varlamov stopped 27 shots as New York "
                 "won its last 15 games.") == []
    # The subject starts after "though"; a trailing "has also" is no part of the name.
    assert keyed("Three cases of plague have been diagnosed, though officials say the risk is low.") == \
        [(3, "cases", "officials")]
    assert keyed("The National Institute on Drug Abuse has also estimated that 964,000 people age 12 and older use it.") == \
        [(964000, "people", "National Institute on Drug Abuse")]
    # Speech is still speech.
    assert keyed("The Associated Press reports that 28 people were quarantined.") == \
        [(28, "people quarantined", "Associated Press")]
    assert keyed("Officials put the number of people killed at 300, and Dr Lee added that 12 people died.")[-1][:2] == \
        (12, "people killed")
    assert keyed("Officials put the number of people killed at 300, and Dr Lee added that 12 people died.")[-1][2] in \
        ("Lee", "Dr Lee")


def test_a_count_is_read_whole_and_what_is_no_count_is_left_out():
    # A number word with its scale, "a million or more"; the thing counted ends before a weekday,
    # takes "false or misleading" whole, and ends at the verb after "people".
    assert keyed("Officials said more than three million Palestinians were displaced.") == \
        [(3000000, "Palestinians displaced", "Officials")]
    assert keyed("Officials said a million or more Uighurs were detained.") == [(1000000, "Uighurs detained", "Officials")]
    assert keyed("Police arrested six people Monday during a narcotics investigation.") == [(6, "people arrested", None)]
    assert keyed("The Post said Trump has made more than 13,000 false or misleading claims.") == \
        [(13000, "false or misleading claims", "Post")]
    assert keyed("The institute said 964,000 people use it.") == [(964000, "people", "institute")]
    # Money, a study's sample and an emergency number's name count nothing.
    assert keyed("Analysts said 176 Hong Kong dollars is likely to be the price.") == []
    assert keyed("Researchers said one study in 77 people showed that exercise helped.") == []
    assert keyed("The chief said officials began receiving 911 calls Tuesday afternoon.") == []


def test_counts_of_organisations_users_and_nationals_are_tracked_and_shares_and_models_are_not():
    assert keyed("The 14 companies currently in the program can bid.") == [(14, "companies", None)]
    assert keyed("NASA was adding five companies to the contract, bringing the total to 14 firms.") == \
        [(5, "companies", None), (14, "companies", None)]  # "firms" are companies: one key
    # "The five companies" refers back to a count the article told before; else it is told here first.
    assert keyed("NASA added five companies. The five companies can now vie for contracts.") == \
        [(5, "companies", "NASA")]
    assert keyed("The five companies can now vie for contracts.") == [(5, "companies", None)]
    # But "the two companies" is how a pair named before is referred to, as "both" is.
    assert keyed("Gannett and GateHouse will merge. The two companies have 260 newspapers.") == \
        [(260, "newspapers", None)]
    assert keyed("The company struggled with the more than 10 million users who activated their accounts.") == \
        [(10000000, "users", None)]
    assert keyed("More than 600,000 Israelis live in settlements.") == [(600000, "Israelis", None)]
    # A share, a model's number and a range's ends count nothing.
    assert keyed("Eight out of ten companies are writing apps, Cook told Benioff.") == []
    assert keyed("Some iPhone 11 Pro users will jump on board, analysts said.") == []
    assert keyed("The population fell to 350–375 million.") == []


def test_a_number_with_nothing_counted_after_it_counts_what_its_clause_named_before():
    assert keyed("The utility cut the number of people who could be affected from an original estimate of "
                 "about 660,000 based on forecasts.") == [(660000, "people", None)]
    assert keyed("The population in the camp has fluctuated and currently is estimated at around 40,000.") == \
        [(40000, "people", None)]
    assert keyed("The death toll rose to 35 on Monday.") == [(35, "people killed", None)]
    assert keyed("The doctors said three deaths of detained children were avoidable.") == \
        [(3, "children killed", "doctors")]
    # A number with a verb of its own goes on with the count before it, not with "death toll".
    assert keyed("At least 106 protesters have been killed, and the real death toll may be higher, with "
                 "as many as 200 killed.") == [(106, "protesters killed", None), (200, "protesters killed", None)]


def test_a_range_a_change_and_a_count_told_before_are_no_new_counts_and_judging_words_are_no_key():
    assert keyed("The jet seats 242 to 330 passengers, Boeing said.") == []
    assert keyed("The death toll rose from 20 to 35 people killed, officials said.")[-1][:2] == (35, "people killed")
    assert keyed("The population has boomed by more than 7 million people.") == []
    assert keyed("The first two infected patients were quarantined.") == []
    assert keyed("Two infected patients were quarantined.") == [(2, "infected patients quarantined", None)]
    # "hardworking", "fellow", "additional": the key is what is counted; the wording keeps them.
    assert keyed("The company said it employs 120 hardworking employees.") == [(120, "employees", "company")]
    assert [f.get("wording") for f in figures("Officials said 2,000 additional troops were sent.")] == \
        ["additional troops"]



KINDS = [  # (sentence, the counts it gives as (value, key))
    ("Police made more than 100 arrests over the weekend.", [(100, "people arrested")]),
    ("The blast killed at least 12, officials said.", [(12, "people killed")]),  # a bare number after its verb
    ("Seven were killed and 20 wounded in a second blast.", [(7, "people killed"), (20, "people wounded")]),
    ("Noel is charged with five counts; Thomas is charged with three.", []),  # three counts, not three people
    ("Health officials reported 1,200 new cases.", [(1200, "cases")]),
    ("Officials ordered 200,000 people to evacuate.", [(200_000, "people evacuated")]),
    ("Twenty-five people were killed.", [(25, "people killed")]),
    ("Seventeen people were arrested.", [(17, "people arrested")]),
    ("A twenty-five-year-old man ran the 100m sprint.", []),
    ("The floods have affected 1.5m people.", [(1_500_000, "people")]),
    ("The region is home to about 2 million.", [(2_000_000, "people")]),
    ("The town has 50,000 inhabitants.", [(50_000, "residents")]),
    ("Liverpool won six trophies and China won 40 gold medals.", [(6, "trophies"), (40, "gold medals")]),
    ('"We have 40 engineers working on it," he said.', []),  # a speaker's aside in a quote is no claim
    ("About 2000 people were evacuated on Sunday.", [(2000, "people evacuated")]),  # a count, not a year
    ("In 2019 protesters took to the streets.", []),
    # A word in scare quotes is the word; a count is read as before when the quotes hold more.
    ("There are now 140 million monthly active “businesses” on the site.", [(140_000_000, "monthly active businesses")]),
    ('Police said 30 "very angry" protesters were arrested.', [(30, "people arrested")]),
    # The set one thing belongs to is no count; the count it is told from still is.
    ("Water was seen on Europa, one of Jupiter’s 79 moons.", []),
    ("The victim was one of two people who contracted the virus.", []),
    ("NASA chose 14 companies, and one of them will fly first.", [(14, "companies")]),
    # An act befalling people, named by a noun before the count, is its state; not without its "of".
    ("The mass detention of a million or more Uighurs and others began in 2017.", [(1_000_000, "Uighurs detained")]),
    ("The arrest of 30 protesters drew crowds.", [(30, "protesters arrested")]),
    ("After the arrest, 30 protesters marched.", [(30, "protesters")]),
    # "Two other cases" are those besides the one told, no total; "482 other vehicles" ending a list are the rest.
    ("A third case was found after two other plague cases were revealed last week.", []),
    ("They destroyed 120 artillery pieces and 482 other vehicles.",
     [(120, "artillery pieces destroyed"), (482, "other vehicles destroyed")]),
    # The whole a share is of is no count told.
    ("Six of the 20 employees were working overtime.", []),
    ("The 20 employees were working overtime.", [(20, "employees")]),
    # Workers, men and women are people a count of is tracked; a number word still needs what befell them.
    ("The company employs 1,000 maintenance workers.", [(1000, "maintenance workers")]),
    ("Two men walked into the bank.", []),
    # A claimed "there are three …" says how many: the count is its point. Unclaimed, it lists points.
    ("At current rates, Bridenstine said, there will be three SLS rockets produced by 2024.", [(3, "SLS rockets")]),
    ("There are three scripts still in contention, according to The Wrap.", [(3, "scripts")]),
    ("There are two problems with this potential disruption.", []),
    # Cases at law are no cases of an illness.
    ("The court will rule on two cases against Israel.", []),
    ("Officials reported two cases of plague.", [(2, "cases")]),
]


@pytest.mark.parametrize(("sentence", "expected"), KINDS)
def test_events_number_words_populations_and_trophies_are_counted(sentence, expected):
    assert [(v, w) for v, w, _ in keyed(sentence)] == expected


def test_a_body_named_by_a_common_noun_is_the_organisation_named_last():
    text = ("Amnesty International said at least 106 protesters have been killed. The organization believes "
            "as many as 200 have been killed.")
    assert {claimant for _, _, claimant in keyed(text)} == {"Amnesty International"}


def test_a_speech_verb_inside_a_quotation_names_no_claimant():
    text = '"The truth is, Taylor has admitted owing millions to our company, which is responsible for 120 hardworking employees."'
    assert [claimant for _, _, claimant in keyed(text)] == [None]


def test_according_to_names_whom_up_to_a_dash_typed_as_two_hyphens():
    text = ("Given that history -- and the fact that Trump has made more than 13,000 false or misleading claims, "
            "according to The Washington Post's Fact Checker -- there is every reason to doubt it.")
    assert keyed(text) == [(13000, "false or misleading claims", "Washington Post's Fact Checker")]
    # A hyphenated word is no dash: the name goes on.
    assert keyed("At least 200 people were killed, according to state-run media.") == \
        [(200, "people killed", "state-run media")]


def test_one_count_told_twice_is_one_figure_keyed_by_its_plainest_wording():
    assert keyed("The company has 300 full-time employees. The 300 employees will move to Denver.") == \
        [(300, "employees", None)]
    # The same number of other things, or of another side's, is another count.
    assert keyed("Police arrested 12 protesters and 12 journalists.") == \
        [(12, "protesters arrested", None), (12, "journalists arrested", None)]
    assert keyed("The Taliban released 2 American hostages and 2 Australian hostages.") == \
        [(2, "American hostages released", None), (2, "Australian hostages released", None)]
