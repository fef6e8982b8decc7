"""Short lines a user's seeds repeat across stories go as page furniture, whatever their words."""

from __future__ import annotations

from generator.config.settings import load_config
from generator.ingest import stage
from generator.ingest.clean import clean
from generator.ingest.furniture import repeated_lines, seed_lines

# Three different stories, each a few sentences long, with no words in common but function words.
STORIES = [
    ["The city council approved a new budget for its schools on Tuesday after a long debate.",
     "Teachers had asked for more money to hire staff and repair old buildings across the district.",
     "The mayor said the plan would be paid for without raising property taxes this year."],
    ["Heavy rain flooded several villages in the valley overnight, forcing hundreds of families from their homes.",
     "Rescue teams used boats to reach residents stranded on rooftops as the river kept rising.",
     "Forecasters expect the storm to move east by Thursday, bringing more rain to the coast."],
    ["The football club signed a young striker from a rival team for a record transfer fee.",
     "Supporters gathered outside the stadium to welcome him before his first training session.",
     "The coach said the forward would need a few weeks to settle into the squad."],
    ["Scientists found traces of water vapour above a distant moon using a telescope in Hawaii.",
     "The discovery suggests that an ocean may lie beneath the icy surface of the moon.",
     "Further observations are planned with a spacecraft that will fly past it next decade."],
]
WIDGET = "Toggle sidebar widgets"  # a line no vocabulary of the page's words knows


def _seed(story: list[str], line: str = WIDGET, one_line: bool = False) -> str:
    lines = [story[0], line, *story[1:]]
    return " ".join(lines) if one_line else "\n".join(lines)


def test_a_short_line_repeated_in_three_stories_is_furniture():
    furniture = repeated_lines(seed_lines(_seed(story)) for story in STORIES[:3])
    assert furniture.lines == {"toggle sidebar widgets"}
    assert not repeated_lines(seed_lines(_seed(story)) for story in STORIES[:2]).lines


def test_seeds_of_one_story_count_once():
    """Three saves of one live page share its sentences: the line they repeat is not shown to be the page's."""
    copies = [_seed(STORIES[0] + [extra]) for extra in ("One update.", "Another update.", "A third update.")]
    assert not repeated_lines(seed_lines(text) for text in copies).lines


def test_many_saves_of_one_live_page_count_once():
    """More saves than any sentence is paired across in full still make one story, at a cost linear in the saves."""
    copies = [_seed(STORIES[0] + [f"Update number {n}."]) for n in range(80)]
    assert not repeated_lines(seed_lines(text) for text in copies).lines


def test_sentences_questions_labels_and_numbers_are_never_furniture():
    for line in ("No injuries were reported.", "What happens next?", "Key facts:", "3.", "23 Ricky Smith 679 0 0 1 3"):
        assert not repeated_lines(seed_lines(_seed(story, line)) for story in STORIES).lines, line


def test_the_repeated_line_goes_from_each_seed_and_takes_nothing_else():
    furniture = repeated_lines(seed_lines(_seed(story)) for story in STORIES)
    for story in STORIES:
        for one_line in (False, True):
            body = " ".join(clean(_seed(story, one_line=one_line), (), furniture).paragraphs)
            assert body.split() == " ".join(story).split(), body


def test_a_repeated_line_glued_between_sentences_goes_whole_and_alone():
    """In a one-line paste a repeated line stands after a sentence's end: the splitter glues one that
    opens in lowercase to the sentence before, and splits one at its own "?"."""
    for line in ("toggle the caption view", "Was this article helpful? Yes No"):
        furniture = repeated_lines(seed_lines(_seed(story, line)) for story in STORIES)
        for story in STORIES:
            for one_line in (False, True):
                body = " ".join(clean(_seed(story, line, one_line), (), furniture).paragraphs)
                assert body.split() == " ".join(story).split(), (line, body)


def test_a_repeated_line_glued_after_a_heading_goes_and_a_short_one_stays():
    """After a heading, a name or a price, with no stop between, a repeated line of three words or
    more is the page's; two words there may end the heading ("Morning Edition")."""
    for line, goes in (("Manage consent preferences", True), ("Morning Edition", False)):
        furniture = repeated_lines(seed_lines(_seed(story, line)) for story in STORIES)
        assert line.lower() in furniture.lines
        for story in STORIES:
            pasted = f"Heading Of The Story {line} {' '.join(story)}"
            body = " ".join(clean(pasted, (), furniture).paragraphs)
            assert (line not in body) == goes, (line, body)
            assert set(" ".join(story).split()) <= set(body.split()), body


DISCLOSURE = ("Disclosure statement: the author does not work for, consult, own shares in or receive funding "
              "from any company that would benefit from this piece.")


def test_a_long_sentence_repeated_in_three_stories_goes_and_takes_nothing_else():
    """Stories that share one long sentence (a disclosure) are apart: two shared make one story."""
    furniture = repeated_lines(seed_lines(_seed(story, DISCLOSURE)) for story in STORIES)
    assert len(furniture.sentences) == 1
    for story in STORIES:
        for one_line in (False, True):
            body = " ".join(clean(_seed(story, DISCLOSURE, one_line), (), furniture).paragraphs)
            assert body.split() == " ".join(story).split(), body


def test_a_background_sentence_stories_of_one_topic_repeat_stays():
    """Wire stories on one topic repeat their background paragraph word for word: it names the topic
    the rest of each article names, and is the article's."""
    background = ("The dam on the upper river burst after days of heavy rain, flooding villages downstream "
                  "and forcing thousands of families from their homes.")
    stories = [[f"Villages downstream of the burst dam flooded again on {day} as the river rose.",
                f"Families forced from their homes by the heavy rain sheltered in schools, {who} said.", background]
               for day, who in (("Monday", "officials"), ("Tuesday", "rescuers"), ("Friday", "the governor"))]
    seeds = [" ".join(story) for story in stories]
    furniture = repeated_lines(seed_lines(text) for text in seeds)
    assert furniture.sentences  # found in three stories: only the article's topic keeps it
    for text in seeds:
        assert background in " ".join(clean(text, (), furniture).paragraphs)


def test_a_repeated_line_the_article_is_about_stays():
    """A heading of the article's that other stories repeat stays where the article names its topic again."""
    line = "Flood warnings"
    furniture = repeated_lines(seed_lines(_seed(story, line)) for story in STORIES)
    assert "flood warnings" in furniture.lines
    about_floods = STORIES[1] + ["Flood warnings remain in place for the valley until Friday."]
    assert line in clean(_seed(about_floods, line), (), furniture).paragraphs[1:2][0]


def test_the_ingest_stage_removes_lines_its_seeds_repeat_and_keeps_each_seeds_lines(site):
    """Learnt from the seeds where the line stands on its own, it goes from the one-line paste too."""
    for number, story in enumerate(STORIES):
        (site / "seeds" / f"story-{number}.txt").write_text(_seed(story, one_line=number == 3), encoding="utf-8")
    config = load_config(site / "site.yaml")
    kept: dict = {}
    report = stage.ingest_seeds(config, store=kept)
    assert len(report.written) == 6 and not report.problems
    for path in report.written:
        assert WIDGET not in path.read_text(encoding="utf-8")
    assert len(kept[stage.SEED_LINES][1]) == 6  # each text seed's lines, for the next new seed


def test_a_new_seed_reads_only_itself_for_the_lines_seeds_repeat(site, monkeypatch):
    for number, story in enumerate(STORIES[:3]):
        (site / "seeds" / f"story-{number}.txt").write_text(_seed(story), encoding="utf-8")
    config = load_config(site / "site.yaml")
    kept: dict = {}
    stage.ingest_seeds(config, store=kept)
    read = []
    monkeypatch.setattr(stage, "seed_lines", lambda text, real=stage.seed_lines: read.append(text) or real(text))
    (site / "seeds" / "story-3.txt").write_text(_seed(STORIES[3]), encoding="utf-8")
    report = stage.ingest_seeds(config, store=kept)
    assert len(report.written) == 1 and len(read) == 1 and WIDGET not in report.written[0].read_text(encoding="utf-8")
