"""Key points (issue 25): which sentences are weighed, what makes one lean on the sentence before,
and what background is; each kind here is one the claims devset's key points missed."""

from __future__ import annotations

from pathlib import Path

from generator.config.settings import load_config
from generator.ingest.article import Seed
from generator.ingest.briefing import make_briefing
from generator.ingest.digest import continues, key_points, left_out, paragraph_sentences, paragraph_starts
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


def test_a_frame_with_a_measured_gap_is_dropped_like_any_frame():
    lead = "The New York attorney general is investigating WeWork, two people familiar with the matter said on Monday."
    points = key_points([lead, "A company spokesperson said in an email that it was cooperating with the inquiry.",
                         "This comes less than a week after Bloomberg reported WeWork is the subject of an SEC inquiry.",
                         "WeWork withdrew its filing for a public offering at the end of September."], skip=1)
    assert "Bloomberg reported WeWork is the subject of an SEC inquiry." in points, points


def test_news_measured_against_a_past_year_is_not_background():
    lead = "Americans went to the polls four times this month to vote in major statewide races across the country."
    sentences = [lead,
                 "Virginia Democrats won a legislative majority for the first time since 1993, flipping historically Republican districts.",
                 "The state's turnout was the highest since 2008 in a year without a race for governor or president.",
                 "The party last held both chambers in 1993, when the state voted for a Democratic governor.",
                 "Kentucky voters elected a new governor on Tuesday after a close count that lasted into the night."]
    points = key_points(sentences, skip=1)
    assert any(p.startswith("Virginia Democrats won") for p in points), points
    assert any(p.startswith("The state's turnout") for p in points), points
    assert not any(p.startswith("The party last held") for p in points), points


def test_a_pronoun_after_a_short_opening_is_named_or_the_sentence_is_held_back():
    sentences = [
        "Police released video showing the rescue of a girl who was kidnapped in broad daylight in Fort Worth.",
        "Patrick W. Carlineo Jr. told the court that he had followed the case from the start of the search.",
        "Michael Webb was convicted of kidnapping the girl by a federal jury in Fort Worth in September.",
        "Later that evening, he admitted that he took the child to a hotel, where he held her captive.",
        "Officers searched the hotel and the car park while the girl's mother waited at the police station.",
        "Suddenly, they found her in a clothes basket where she had been forced to hide from the officers.",
        "A family friend had spotted the suspect's car in the hotel parking lot and called 911 on Saturday.",
        "The mayor thanked the officers and the family friend at a news conference held on Monday."]
    points = key_points(sentences, skip=1)
    assert "Later that evening, Michael Webb admitted that he took the child to a hotel, where he held her captive." in points
    assert not any(p.startswith("Suddenly, they") for p in points), points


def test_a_name_suffix_is_not_the_surname_a_later_sentence_opens_with():
    sentences = [
        "A New York man pleaded guilty on Monday to threatening to kill a member of Congress in March.",
        "Patrick W. Carlineo Jr., 55, of Addison, pleaded guilty to threatening to assault and murder an official.",
        "His attorney, Sonya Zoghlin, said in an email to reporters that her client never intended any harm.",
        "Carlineo is a convicted felon and kept a loaded handgun and three rifles at his home, prosecutors said.",
        "He was convicted of criminal mischief in 1998 and was barred from possessing a firearm since then."]
    points = key_points(sentences, skip=1)
    assert any(p.startswith("Carlineo was convicted of criminal mischief") for p in points), points
    assert not any(p.startswith("Sonya Zoghlin was") for p in points), points


def test_a_he_after_a_sentence_about_someones_doing_names_that_person_not_a_speaker_before():
    sentences = [
        "Tariff threats have unsettled markets around the world this year, economists say.",
        "“Tensions are threatening to put the brakes on growth,” John Williams, the president of the Federal "
        "Reserve Bank of New York, said in a speech on Monday.",
        "Mr. Trump’s theatrical embrace is not limited to China.",
        "He has injected similar drama into trade talks with Europe, Japan, Canada and Mexico, threatening them "
        "with tariffs on Tuesday.",
        "Chinese economic growth has slowed to its lowest rate in nearly three decades, officials said on Tuesday.",
    ]
    points = key_points(sentences, 1)
    assert any(p.startswith("Mr. Trump has injected") for p in points), points
    assert not any(p.startswith("John Williams has") for p in points)


def test_a_he_after_an_opening_saying_when_is_named_from_a_subject_set_off_by_two_commas():
    sentences = [
        "South Dakota’s anti-meth campaign drew mockery online after its launch this week, officials said.",
        "Jeff Sanborn, president of Chapter & Verse, a Spokane and Seattle advertising agency, said he thought "
        "the campaign was meant to raise eyebrows.",
        "On Tuesday morning, he posted materials from the campaign on the wall of the company’s kitchen.",
        "The governor defended the campaign on Monday, saying its point was to raise awareness of meth use.",
        "The state has paid the Minneapolis agency nearly $449,000 so far this year, records show.",
    ]
    points = key_points(sentences, 1)
    assert "On Tuesday morning, Jeff Sanborn posted materials from the campaign on the wall of the company’s kitchen." \
        in points, points


_PLACES = ["Lisbon", "Oslo", "Denver", "Nairobi", "Lima", "Osaka", "Quebec", "Tbilisi", "Hanoi", "Dakar",
           "Perth", "Bergen", "Austin", "Cusco", "Malmo", "Zagreb", "Accra", "Leeds", "Tucson", "Gdansk"] * 3
_THINGS = ["bridges", "clinics", "ferries", "schools", "libraries", "stadiums", "tunnels", "harbours", "museums",
           "orchards", "railways", "hostels", "bakeries", "theatres", "airports", "kiosks", "gardens", "markets",
           "foundries", "canals"] * 3


def _article(count: int) -> list[str]:
    """A lead, then `count` developments each in a sentence of its own, each followed by one leaning on it."""
    sentences = ["The regional government unveiled a sweeping spending plan for its cities on Monday."]
    for place, thing in zip(_PLACES[:count], _THINGS):
        sentences.append(f"Officials in {place} said on Tuesday that {len(place) * 7} new {thing} would be built.")
        sentences.append("It was the first such decision taken there in the memory of anyone who lives nearby.")
    return sentences


def test_a_long_article_gets_five_points_as_a_short_one_does_none_leaning_on_the_sentence_before():
    short, long = key_points(_article(10), skip=1), key_points(_article(60), skip=1)
    assert 3 <= len(short) <= 5, short  # 21 sentences
    assert len(long) == 5, long  # 121 sentences: still what an editor keeps, not one point in 25
    assert not any(point.startswith("It ") for point in long), long


def test_a_sentence_saying_what_there_is_or_what_is_unclear_does_not_lean_on_the_one_before():
    sentences = ["Square said on Tuesday that it would let small businesses accept payments through a new app.",
                 "The app works on phones and tablets and needs no card reader of any kind to take a payment.",
                 "There are now 140 million monthly active businesses on the platform, according to Square.",
                 "Shop owners can also send receipts by text message to the customers who ask for them.",
                 "It is unclear whether regulators in Italy and Canada will approve the service.",
                 "The company has been working on the feature with a small group of merchants for months.",
                 "It is expected to reach Europe in the spring, after a trial in two cities.",
                 "A spokesperson described the response of the first merchants as very encouraging indeed.",
                 "Some of the merchants in the trial were cafes and bakeries in the larger cities."]
    points = key_points(sentences, skip=1)
    assert any(p.startswith("There are now 140 million") for p in points), points
    assert any(p.startswith("It is unclear whether regulators") for p in points), points
    assert not any(p.startswith("It is expected") for p in points), points  # "it" is the service: it leans
    assert not continues(sentences[2], sentences[1]) and not continues(sentences[4], sentences[3])
    assert continues(sentences[6], sentences[5])


def test_a_sentence_set_wholly_in_brackets_is_a_point_without_them():
    sentences = ["The merger of the two newspaper chains became final on Tuesday, the companies said.",
                 "(Alden on Tuesday announced that it had become the largest shareholder of Tribune, paying $117.9 million.)",
                 "The merged company will own 263 daily newspapers across 47 states, executives said.",
                 "Analysts said the chain would need to cut costs by $300 million over two years."]
    points = key_points(sentences, skip=1)
    assert "Alden on Tuesday announced that it had become the largest shareholder of Tribune, paying $117.9 million." \
        in points, points


def test_a_summing_up_opening_is_trimmed():
    sentences = ["WeWork will cut jobs across the company this week, people familiar with the matter said.",
                 "Employees in the legal department will receive notice on Monday, a person familiar said.",
                 "In sum, more than 4,000 people are expected to receive notice in the coming weeks.",
                 "The company agreed on Friday to move 1,000 maintenance workers to a contractor, JLL."]
    points = key_points(sentences, skip=1)
    assert "More than 4,000 people are expected to receive notice in the coming weeks." in points, points


def test_why_a_sentence_gave_no_point_is_told_in_the_rules_terms():
    sentences = ["The port of Odesa reopened to grain ships on Monday, the infrastructure ministry said.",
                 "It had been closed for a week after a missile struck a warehouse near the grain terminal.",
                 "“Ready,” the harbour master said.",
                 "“We are ready to ship the grain again,” the harbour master told reporters at the quay.",
                 "Ships will sail under naval escort, the ministry said on Tuesday in a statement.",
                 "The port of Odesa reopened to grain ships on Monday, officials confirmed."]
    assert left_out(sentences, 1, 0) == "in the summary's sentences"
    assert left_out(sentences, 1, 1) == "leans on the sentence before"
    assert left_out(sentences, 1, 2) == "not prose, or too short"
    assert left_out(sentences, 1, 3) == "a quote"
    assert left_out(sentences, 1, 4) == "outranked"
    assert left_out(sentences, 1, 5) == "repeats the summary"


def test_a_he_names_a_person_after_a_title_or_named_after_their_quote():
    titled = ["A man was stabbed to death on a commuter train near San Francisco on Tuesday, officials said.",
              "Interim BART Police Chief Ed Alvarez told reporters that the first calls came in on Tuesday afternoon.",
              "He says transit officers boarded the train at the next stop and found a man bleeding on Tuesday."]
    assert "Ed Alvarez says transit officers boarded the train at the next stop and found a man bleeding on Tuesday." \
        in key_points(titled, 1)
    quoted = ["Instagram will let users see who visited their profiles, the company said on Tuesday.",
              "“I was stunned to see how many people visited my profile,” said Joseph Minga, a student in Ohio.",
              "He learned around 75 to 100 people view his profile a week, out of around 1,500 followers."]
    assert "Joseph Minga learned around 75 to 100 people view his profile a week, out of around 1,500 followers." \
        in key_points(quoted, 1)


def test_a_he_after_the_summary_names_the_person_its_dateline_stood_before():
    sentences = ["HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China of using "
                 "coercion and intimidation to advance its claims in the South China Sea.",
                 "He urged Vietnam and the other nations of the region to push back against the pressure from Beijing.",
                 "Vietnam has protested the presence of a Chinese survey ship in waters it claims as its own.",
                 "The United States will give Vietnam a second coast guard cutter to patrol its long coastline."]
    assert "Mark Esper urged Vietnam and the other nations of the region to push back against the pressure from " \
           "Beijing." in key_points(sentences, skip=1)


def test_a_quote_its_speaker_is_told_of_by_she_keeps_her_the_person_a_later_she_names():
    sentences = ["The actress Mary Steenburgen won a songwriting award in Los Angeles on Monday for a film's ballad.",
                 "Mary Steenburgen began writing songs after an operation on her arm in 2007 left her hearing music.",
                 "“It was terrifying,” she said.",
                 "“The first session I did was a total disaster, and I went back to my car and cried.”",
                 "“I had no idea where any of it was coming from, or why it would not go away.”",
                 "She wrote hundreds of songs that summer and sent twelve of them to a music lawyer in Nashville."]
    assert "Mary Steenburgen wrote hundreds of songs that summer and sent twelve of them to a music lawyer in " \
           "Nashville." in key_points(sentences, skip=1)


def test_a_definite_noun_saying_which_it_is_does_not_lean_on_the_sentence_before():
    previous = "Prosecutors in Sweden dropped their investigation into the rape allegation on Tuesday."
    assert not continues("The decision by Swedish prosecutors means there will be no rival extradition request.", previous)
    assert not continues("The ministry of justice said it would not appeal against the ruling.", previous)
    assert continues("The decision means there will be no rival extradition request.", previous)


def test_past_three_points_a_sentence_leaning_on_the_one_before_is_no_point_however_newsy():
    sentences = ["Democratic candidates sharpened their attacks on the front-runner ahead of the next debate.",
                 "Senator Elizabeth Warren said on Monday that her health care plan would cost $20 trillion.",
                 "Former Vice President Joe Biden won the endorsement of the Congressional Black Caucus on Tuesday.",
                 "Mayor Pete Buttigieg raised $19 million in the quarter, his campaign announced on Sunday.",
                 "Those issues will play out on Wednesday night when 10 candidates face off in Atlanta, Georgia."]
    points = key_points(sentences, skip=1)
    assert len(points) == 3 and not any(point.startswith("Those") for point in points), points


def test_a_quote_with_no_word_of_who_said_it_leans_on_the_sentence_naming_its_speaker():
    sentences = ["Shares of the beauty company Coty rose more than 2% on Monday after it bought a stake in a cosmetics brand.",
                 "The company took a 51% stake in the brand in a deal worth $600 million, announced on Monday.",
                 "“This is a stock that until this year had been getting clobbered,” the strategist Matt Maley said on Monday.",
                 "“It fell 60% in four years to $3 on Monday, and the rally of 2019 has only just broken its 200-day line.”",
                 "The brand's founder still has a partnership with Ulta Beauty to sell her products in its stores.",
                 "Ulta reported several quarters of revenue growth after the partnership began last November."]
    points = key_points(sentences, skip=1)
    assert not any(point.startswith("“It fell") for point in points), points
    assert left_out(sentences, 1, 3) == "leans on the sentence before"


_CITY_COUNCIL = [
    "The city council approved a budget for the coming year at a late meeting on Monday night.",
    "Bus fares will rise by 20 cents in March, the transport committee said on Tuesday.",
    "Councillors had argued over the fares for weeks, with some calling for them to stay frozen until the spring.",
    "The council also agreed to hire 40 more teachers for the schools in the northern districts.",
    "Parents in those districts had written to the mayor about crowded classrooms and long waiting lists.",
    "A new library will open in the old post office building, the mayor announced in a statement.",
    "Police funding was left unchanged after a vote that split the council in two.",
    "Residents can comment on the plan at three public meetings to be held in the town hall."]


def test_a_sentence_going_on_its_paragraph_yields_to_one_opening_a_paragraph():
    paragraphs = [[_CITY_COUNCIL[0]], _CITY_COUNCIL[1:3], _CITY_COUNCIL[3:5], [_CITY_COUNCIL[5]], [_CITY_COUNCIL[6]],
                  [_CITY_COUNCIL[7]]]
    points = key_points(_CITY_COUNCIL, skip=1, starts=paragraph_starts(paragraphs))
    assert not any(p.startswith(("Councillors", "Parents")) for p in points), points
    # Told nothing of paragraphs, each sentence is taken as one of its own: the detail may win a place.
    assert any(p.startswith(("Councillors", "Parents")) for p in key_points(_CITY_COUNCIL, skip=1)), \
        key_points(_CITY_COUNCIL, skip=1)


def test_a_sentence_going_on_its_paragraph_is_still_a_point_when_it_carries_the_news():
    sentences = ["The city council approved a budget for the coming year at a late meeting on Monday night.",
                 "Councillors spoke for hours about the state of the roads and the parks in the older districts.",
                 "On Tuesday, the mayor said 1,200 jobs would be cut from the city's payroll by March.",
                 "Residents can comment on the plan at three public meetings to be held in the town hall.",
                 "Many of the speakers at the meeting were retired people who had lived in the city for decades.",
                 "Some of the speakers brought photographs of potholes and broken lamps to show the council.",
                 "The meeting ended shortly before midnight after a long debate about the local parks."]
    starts = paragraph_starts([sentences[:1], sentences[1:3], sentences[3:4], sentences[4:6], sentences[6:]])
    assert any(p.startswith("On Tuesday, the mayor said 1,200 jobs") for p in key_points(sentences, 1, starts))


def test_paragraph_starts_count_the_sentences_of_paragraphs_past_headings_and_lists():
    split = paragraph_sentences(["One sentence here. Another one there.", "## A heading", "- an item",
                                 "A paragraph of its own.", "Third one. And more. Still more."])
    assert paragraph_starts(split) == {0, 2, 3}
