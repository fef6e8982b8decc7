"""Plain text -> key figures: numeric claims with what is counted, who claims it, and when.

"Ukraine's defence minister estimated that Russia had lost 14,000 troops" ->
{value: 14000, what: "Russian troops killed", wording: "troops lost", claimant: "Oleksii Reznikov", ...}.

`what` is the quantity's key, the same whatever the wording: whose (a nationality), the thing
counted (soldiers -> troops, planes -> aircraft) and its state (died/lost -> killed, taken out ->
destroyed), so claims about one quantity in different briefings are compared. `wording` keeps the
article's words when they differ. Whose is read from the phrase ("Russian troops"), the loser
("Russia had lost"), "of its own" (the claimant's), and else from the article: the side its other
claims about the same thing, or the same claimant's other losses, give.

Only what a reader tracks becomes a figure: a count someone claims, or a quantity of the kinds
news follows (casualties, the displaced, equipment destroyed, cases, arrests, organisations, users,
a country's people, trophies and medals); a plural the claimant only mentions inside a quotation is
none, and a number word ("three scripts") counts only for those kinds or in a claimed "there are …".
Events befalling people count people ("100 arrests", "30 injuries"), as does a bare number after
such a verb ("killed at least 12", "seven were killed") or such an act named before it ("the
detention of a million Uighurs"). A number with nothing counted after it counts what its clause
named before it ("the number of people … 660,000", "the death toll rose to 35"); money, shares
("eight out of ten") and the whole they are of ("ten of the 18 staffers"), the set one thing
belongs to ("one of Jupiter's 79 moons"), those besides the one told ("two other cases"), cases at
law, ranges' ends, changes ("rose by 7 million"), a study's sample and model numbers count
nothing. One count told twice in an article is one figure. A claim is dated when the sentence says
it was made ("on Monday", "two weeks ago"), else as the article; its claimant is one name per
article ("Ukraine's defence minister" is the person the next sentence names).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from typing import Any, NamedTuple

from generator.text.attribution import SPEECH, Mentions, claimant_before
from generator.text.entities import DEMONYMS, Mention, fold, sentence_spans

_WORD_VALUES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "hundred": 100, "dozens": 24, "hundreds": 200, "thousands": 2000}
# Number words are read, but only "two" to "ninety-nine": "hundreds"/"thousands" are no value to chart.
_COUNT_WORDS = [word for word, value in _WORD_VALUES.items() if 2 <= value < 100 and not word.endswith("s")]
_UNITS = {"one": 1, **{word: value for word, value in _WORD_VALUES.items() if value < 10}}  # "twenty-five"


def _alternatives(words: list[str]) -> str:
    """One pattern for the words, sharing their beginnings ("s(?:even(?:teen|ty)?|ix(?:teen|ty)?)"):
    the engine tries each letter once, not each word from its start."""
    firsts: dict[str, list[str]] = {}
    for word in words:
        firsts.setdefault(word[:1], []).append(word[1:])
    parts = []
    for first, rests in sorted(firsts.items()):
        ends = "" in rests
        inner = _alternatives([rest for rest in rests if rest]) if len(rests) > ends else ""
        parts.append(first + (f"(?:{inner})?" if ends else f"(?:{inner})" if "|" in inner else inner) if inner else first)
    return "|".join(parts)


_WORDS_PATTERN = _alternatives(_COUNT_WORDS)
# What a number can start with. A pattern opening with a look-ahead on it lets the engine pass over
# every other character cheaply: a look-behind or a case-blind alternation gets no such skip.
_STARTS_NUMBER = rf"(?=(?i:[\d{''.join(sorted({w[0] for w in _COUNT_WORDS}))}]))"
_NUMBER_BODY = (r"(?<![\w$£€.,/–-])(?:(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
                r"(?:\s+(?P<scale>million|billion|thousand)\b|(?P<abbr>m|bn)(?=[ \t]+[a-z]))?"  # "1.5m people"
                r"(?![\w%.,]\d|[\w%/–-])"
                rf"|(?P<word>(?i:{_WORDS_PATTERN}))(?:-(?P<unit>(?i:{_alternatives(list(_UNITS))})))?(?P<dozen>\s+dozen)?"
                r"(?:\s+(?P<wscale>million|billion)\b)?(?![\w'’-])")  # "three million Palestinians"
_NUMBER = re.compile(_STARTS_NUMBER + _NUMBER_BODY + ")")
# "a million or more Uighurs", "one billion people": read only in a sentence saying "million" or "billion".
_NUMBER_OR_ONE = re.compile(_STARTS_NUMBER[:-3] + "ao]))" + _NUMBER_BODY +
                            r"|(?P<one>(?i:an?|one))\s+(?P<oscale>million|billion)\b(?![\w'’-]))")
_HAS_NUMBER = re.compile(rf"{_STARTS_NUMBER}(?:\d|\b(?i:{_WORDS_PATTERN})\b)")
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_ABBREVIATED = {"m": "million", "bn": "billion", None: ""}
_QUALIFIER = re.compile(r"\b(more than|over|at least|around|about|nearly|almost|up to|some|fewer than|"
                        r"less than|roughly|approximately|an estimated|as many as)\s+$", re.I)
_OF = re.compile(r"[ \t]+of(?:[ \t]+the)?(?=[ \t])")
_OR_MORE = re.compile(r"[ \t]+(?:or|and)[ \t]+(?:more|so)\b")
_OWN = re.compile(r"\s+of (?:its|their|his|her)(?P<own> own)?\b", re.I)
# A word in scare quotes is read as the word: "140 million monthly active “businesses”".
_WORD = re.compile(r"[ \t]+(?:[“\"](?=[A-Za-z][A-Za-z-]*[”\"]))?((?:[A-Z]\.){2,}|[A-Za-z][A-Za-z-]*)[”\"]?(?![\w'’])")
_STOPS = set("""
had has have were was are is be been and or in on at since of to from by for with as after before
during into over who which that but while than when its their his her the a an per each between among
across under near inside outside around through including worldwide nationwide will would could may
might can remain remained being age aged this last next he she they we you him them
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
""".split())
_NOT_COUNTED = set("""
days day weeks week months month years year hours hour minutes minute seconds times per cent percent
am pm km miles metres meters kilometres kilometers inches inch feet foot millimeters millimetres
centimeters centimetres mph kph degrees tons tonnes acres hectares gallons points cities countries counties
states towns villages provinces regions microns nanometres nanometers grams kilograms kg pounds ounces
litres liters barrels watts kilowatts megawatts gigawatts bytes megabytes gigabytes terabytes
dollars euros yuan yen rupees roubles rubles pesos francs cents pence lakh crore
""".split())
_HEADS = {"soldiers": "troops", "servicemen": "troops", "troops": "troops", "service members": "troops",
          "planes": "aircraft", "jets": "aircraft", "aircraft": "aircraft", "warplanes": "aircraft",
          "people": "people", "persons": "people", "dead": "deaths", "armored": "armoured",
          "personnel": "troops", "members": "members", "immigrants": "migrants", "firms": "companies",
          "inhabitants": "residents"}
# "the United States' 200 service members": the words a key leaves out or joins.
_PHRASES = {"service members": "troops", "military personnel": "troops", "servicemen": "troops"}
# A number followed by one of these counts people an event befell: "584 deaths", "three fatalities",
# "100 arrests", "30 injuries", with a word that qualifies them ("9 million premature deaths") or
# picks from them ("2.5 million of these deaths").
_DEATHS = re.compile(r"(?:[ \t]+of[ \t]+(?:these|those|the|them|which))?(?:[ \t]+[a-z][a-z-]*)?"
                     r"[ \t]+(?P<event>deaths|dead|fatalities|arrests|injuries)\b", re.I)
_EVENT_STATES = {"deaths": "killed", "dead": "killed", "fatalities": "killed", "arrests": "arrested",
                 "injuries": "wounded"}
_OUTCOMES = {"killed": "killed", "died": "killed", "dead": "killed", "lost": "lost", "deaths": "killed",
             "wounded": "wounded", "injured": "wounded", "destroyed": "destroyed", "taken out": "destroyed",
             "shot down": "destroyed", "captured": "captured", "displaced": "displaced", "fled": "fled",
             "evacuated": "evacuated", "arrested": "arrested", "detained": "detained", "perished": "killed",
             "quarantined": "quarantined", "quarantine": "quarantined", "hospitalized": "hospitalised",
             "hospitalised": "hospitalised", "released": "released", "freed": "released", "sold": "sold",
             "purchased": "sold", "bought": "sold", "missing": "missing", "rescued": "rescued",
             "charged": "charged", "indicted": "charged", "convicted": "convicted", "laid off": "laid off",
             "eliminated": "cut", "slashed": "cut", "cut": "cut", "deported": "deported", "expelled": "deported",
             "evacuate": "evacuated", "flee": "fled"}  # "ordered 200,000 people to evacuate"
# The same acts told before the count ("arresting 210 people", "eliminating 195,600 jobs"), or
# named by a noun that befalls people ("the mass detention of a million or more Uighurs").
_GERUNDS = {"killing": "killed", "wounding": "wounded", "injuring": "wounded", "arresting": "arrested",
            "detaining": "detained", "displacing": "displaced", "evacuating": "evacuated", "destroying": "destroyed",
            "charging": "charged", "releasing": "released", "freeing": "released", "rescuing": "rescued",
            "laying off": "laid off", "eliminating": "cut", "cutting": "cut", "slashing": "cut",
            "deporting": "deported", "expelling": "deported", "detention of": "detained", "arrest of": "arrested",
            "evacuation of": "evacuated", "deportation of": "deported", "displacement of": "displaced"}
# Where the verb of a count's own clause must be: before a comma, a dash, or the next "and".
# "Two hostages — an American and an Australian — who had been held … were released", "300 Indians,
# including one woman, were deported": an aside right after the counted things is passed over to find their verb.
_ASIDE = re.compile(r"^\s*(?:—[^—]{1,60}—|–[^–]{1,60}–|\([^()]{1,60}\)|,\s*(?:including|among them|most of them|"
                    r"many of them|mostly|all of them)\b[^,;]{1,60},)", re.I)
# A count joined to the clause's subject shares what befell it.
_ALONG_WITH = re.compile(r"\b(?:along|together) with\s+(?:(?:more than|over|about|around|some|nearly|almost|at least|"
                         r"another|the other)\s+)?$", re.I)
_NEXT_CLAUSE = re.compile(r"[,;:—–(]|\band\b")
_OUTCOME = re.compile(r"\b(" + "|".join(_OUTCOMES) + r")\b")
_OUTCOME_BEFORE = re.compile(r"\b(" + "|".join([*_OUTCOMES, *_GERUNDS]) + r")\b")
# "1,424 civilian casualties: 516 killed and 908 injured": the killed are civilians, not casualties.
_RESTATED = {"civilian casualties": "civilians", "casualties": "people"}
_PEOPLE_HEADS = set("""troops people civilians children casualties fighters militants men women residents
refugees migrants workers patients journalists prisoners soldiers protesters hostages officers guards inmates
suspects victims students""".split())
# People counted by their relation to a service, a vote or a country: "10 million users", "600,000 Israelis".
_PEOPLE_ROLES = set("""users customers subscribers passengers voters candidates citizens immigrants tourists
visitors""".split())
# What news counts as won: "20 Grand Slam titles", "six trophies", "40 gold medals".
_ACHIEVEMENTS = set("trophies medals championships".split())  # not "titles": "22 launch titles", job titles
# Organisations news counts: "14 companies", "263 daily news organizations", "17 manufacturers".
_ORGANISATIONS = set("""companies firms businesses manufacturers automakers providers organizations organisations
banks lenders insurers airlines carriers retailers startups start-ups newspapers schools hospitals universities
colleges""".split())
# The kinds of quantity news follows: a count of one of these is a figure even with no claimant.
_TRACKED_HEADS = _PEOPLE_HEADS | _PEOPLE_ROLES | _ORGANISATIONS | set("""deaths tanks aircraft helicopters drones
vehicles artillery pieces launchers missiles rockets boats ships warships systems hostages cases infections homes
houses buildings jobs evacuees detainees protesters employees staff""".split()) | _ACHIEVEMENTS
# "There will be three SLS rockets", "there are three scripts still in contention": a sentence saying
# how many there are, its point the count.
_THERE_ARE = re.compile(r"\bthere[ \t]+(?:are|were|will be|would be|have been|had been|remain)[ \t]+(?:(?:now|still|currently|"
                        r"more than|over|about|around|some|nearly|almost|at least|only)[ \t]+)*$", re.I)
# "The five companies", "these two", "both": a number word after these refers to a count told before.
_TOLD_BEFORE = re.compile(r"\b(?:(?P<picks>other|first|last|remaining)|the|these|those|all|both|its|their)[ \t]+$", re.I)
# Words that judge or add to what is counted, not what it is: "120 hardworking employees" are employees.
_EVALUATIVE = set("""fellow hardworking hard-working relatively brave dedicated innocent ordinary additional
further extra""".split())
# Words saying how cases were counted, not what they are: "1,200 new cases", "50 confirmed cases" are cases.
_REPORTED = {"new", "confirmed", "reported", "recorded", "known", "total"}
# Heads that count without a plural -s, and counts that are events themselves ("three cases").
_INVARIANT = set("aircraft people personnel police staff children men women cattle sheep fish".split())
_EVENTS = {"cases", "deaths", "infections", "casualties"}
# Whose side a loss of these is can be read from the claimant's other losses; not so for civilians.
_MILITARY_HEADS = set("""troops fighters militants tanks aircraft helicopters drones vehicles pieces
launchers missiles rockets boats ships warships systems""".split())
_LOSSES = {"killed", "wounded", "destroyed", "captured"}
# What befalls only people: a number counting nothing else with one of these counts people.
# "is charged with three": a preposition before a bare number makes it count something else, not whom.
_OBJECT_BEFORE = re.compile(r"\b(?:with|of|by|to|from|for|in|on)[ \t]+(?:(?:more than|over|about|around|some|nearly|"
                            r"almost|at least)[ \t]+)?$", re.I)
_PEOPLE_STATES = {"killed", "wounded", "arrested", "detained", "evacuated", "rescued", "missing", "hospitalised",
                  "quarantined", "deported", "charged", "convicted", "displaced", "fled"}
_MODEL = re.compile(r"\d[ \t]+$")
_NEAR = 45
_NAME_BEFORE = re.compile(r"(?<![.!?:;,])[ \t][a-zA-Z]*[A-Z][\w]*[ \t]+$")  # a name's word right before: "iPhone 11"
_NAME_AFTER = re.compile(r"[ \t]+[A-Z]")  # and a name's word right after: "11 Pro"
_OUT_OF = re.compile(r"[ \t]+out[ \t]+of[ \t]+(?:every[ \t]+)?(?:\d|[a-z]+\b)", re.I)
_OUT_OF_BEFORE = re.compile(r"\bout[ \t]+of[ \t]+(?:every[ \t]+)?$", re.I)
# "Ten of the 18 staffers", "five of the 10 Democrats": the whole a share is of, not a count told.
_SHARE_OF_BEFORE = re.compile(rf"(?<![\w,.])(?:\d+|(?i:{_WORDS_PATTERN}))[ \t]+of[ \t]+(?:the|their|its|these|those)[ \t]+$",
                              re.I)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# After a number that could be a year, a people's plural and its verb make it a count: "2000 people were evacuated".
_COUNT_NOT_YEAR = re.compile(r"[ \t]+(?:people|residents|workers|employees|troops|soldiers|civilians|migrants|"
                             r"refugees|students|children|protesters)[ \t]+(?:were|have|had|are|was|died|fled)\b")
# A lowercase word no noun's plural: "false" in "false or misleading claims" (not "tanks and planes").
_ADJECTIVE = re.compile(r"[a-z][a-z-]*(?<![^su]s)")
_PLURAL = re.compile(r"[^su]s$")  # "companies", "news", not "glass" or "bus"
_NAMED_BEFORE = re.compile(r"\b(?:(?:number|total) of (?P<what>(?:[a-z][a-z-]* ){0,2}(?:[a-z][a-z-]*[^s\W]s|people|children))\b"
                           r"|(?P<toll>death toll)|population)\b", re.I)
_HOME_TO = re.compile(r"\b(?:home to|(?:city|town|country|nation|state|island|region|village|province) of)[ \t]+"
                      r"(?:(?:more than|over|about|around|some|nearly|almost|roughly|just)[ \t]+)?$", re.I)
_NEXT_CLAUSE_START = re.compile(r"[;:!?]|,[ \t]+(?:and|but|while|which)\b")
_NAMED_REACH = 160  # how far before a bare number "the number of …" is looked for
_SAMPLE_BEFORE = re.compile(r"\b(?:study|studies|trial|survey|poll|experiment)[ \t]+(?:in|of|with|among|involving)[ \t]+"
                            r"(?:(?:more than|over|about|around|nearly|almost|some|at least)[ \t]+)?$", re.I)
_RANGE_BEFORE = re.compile(r"(?P<start>\bfrom[ \t]+)?(?<![\w.,])\d[\d,.]*(?:[ \t]+(?:million|billion))?[ \t]*(?:to|–)[ \t]*$")
_CHANGE_BEFORE = re.compile(r"\b(?:rose|risen|rises|fell|fallen|falls|grew|grown|grows|increased|decreased|dropped|"
                            r"declined|boomed|jumped|climbed|surged|shrank|shrunk)[ \t]+by[ \t]+(?:(?:more than|over|"
                            r"about|around|nearly|almost|some|at least|roughly)[ \t]+)?$", re.I)
_SAMPLE_NOUNS = ("stud", "trial", "survey", "poll", "experiment")  # _SAMPLE_BEFORE's nouns, found cheaply first
_NAMED_NUMBER = re.compile(r"(?:911|999|112)[ \t]+(?:calls?|operators?|dispatch)")
_SOURCE_BEFORE = re.compile(r"\baccording to\s+$", re.I)
# "Europa, one of Jupiter's 79 moons": the set a thing belongs to, told in passing, not a count claimed.
_ONE_OF_BEFORE = re.compile(r"\bone of[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+|[A-Z][\w-]*(?:’s|'s)[ \t]+)?$", re.I)
# "two cases against Israel": cases at law, not of an illness.
_LEGAL_AFTER = re.compile(r"[ \t]+(?:against|filed|pending|before the court)\b", re.I)
_SOURCE_AFTER = re.compile(r"[ \t]+(?:people|sources|officials|persons)[ \t]+(?:familiar|close|briefed|with knowledge)\b")
_SIDE_LOST = re.compile(r"\b([A-Z][a-z]+)(?:’s|'s)?\s+(?:had |has |have )?(?:lost|losing)\s+$")
_MONTHS = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")
# Numbers in a list ("49 aircraft, 81 helicopters and seven drones had been taken out") share the
# list's verb and side: what lies between one's noun and the next number is only a separator.
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:(?:more than|over|about|around|some|"
                       r"nearly|almost|at least)\s+)?", re.I)
# Country -> its adjective ("Russia" -> "Russian"); reversed so the first adjective listed wins.
_COUNTRY_SIDES = {country: demonym for demonym, country in reversed(DEMONYMS.items())
                  if not demonym.isupper() and "." not in demonym}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WHEN = re.compile(r"\b(?:(?P<on>on|last)\s+(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                   r"|(?P<yesterday>yesterday)"
                   r"|(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                   r"(?P<unit>day|week|month)s?\s+ago)\b", re.I)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
_SAID_WHEN = re.compile(rf"\b{SPEECH}\s+$")
# A title standing for the person who holds it: "Ukraine's defence minister".
_NAME_MAX = 80  # a person's name is no longer: where one ending beside a title may start
_ROLE = re.compile(r"\b(?:minister|president|spokes(?:man|woman|person)|secretary|chancellor|governor|mayor|"
                   r"commander|ambassador|premier|chief|leader|director|head)\b", re.I)
# A claimant that is a common noun for a body stands for the organisation the article named last.
_BODIES = {"organization", "organisation", "company", "firm", "agency", "charity", "watchdog", "group", "regulator"}
# A number is read with the characters around it, so many before and after: every rule looks a
# few words away at most, and a long "sentence" (a list, a table flattened to one line) with many
# numbers would otherwise be read whole for each.
_BEFORE, _AFTER = 80, 200
# A figure keeps its sentence as evidence; a longer one is kept as this much around the number.
_SENTENCE_MAX = 600


class _Count(NamedTuple):
    """One number of a sentence and what it counts, before the article's context is applied."""
    match: re.Match[str]
    side: str  # a nationality, "own" (the claimant's) or ""
    noun: str
    outcome: str
    wording: str
    sentence: int
    run: tuple[int, int]  # (sentence, list): the counts of one list share their verb and side
    shares: bool = True  # "26 cases and 11 deaths": a count that is its own verb lends it to no other
    verb: str = ""  # its outcome in the article's word ("died" for killed), kept for its wording
    claimant: str | None = None
    when: str | None = None  # when the claim was made, as the sentence says it
    told_before: bool = False  # "the five companies": a number word referring back to a count
    # "the nine companies" may also be the first telling: it refers back only when the article gave the number before
    refers_back: bool = False
    there_are: bool = False  # "there are three scripts": the count is what the sentence says
    quoted: bool = False  # inside a quotation: the speaker's words, not a claim of a figure


def extract_figures(text: str, mentions: list[Mention], date: dt.date | None) -> list[dict[str, Any]]:
    """Every numeric claim a reader would track, once per (what, value), in order."""
    counts: list[_Count] = []
    sentences: list[str] = []
    last: str | None = None
    indexed = Mentions(mentions)
    spans = sentence_spans(text)
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end]
        sentences.append(sentence)
        if not _HAS_NUMBER.search(sentence) and "illion" not in sentence:
            continue
        previous = (counts[-1].noun, counts[-1].outcome) if counts else None
        for count in _sentence_counts(sentence, index, previous):
            claimant = claimant_before(sentence, count.match.start(), start, indexed, last) or None
            last = claimant or last
            counts.append(count._replace(claimant=claimant, when=_when_said(sentence, count.match),
                                         quoted=_quoted(sentence, count.match.start())))
    said_in = {c.claimant: spans[c.sentence] for c in reversed(counts) if c.claimant}  # the first sentence naming each
    names = _one_name_each(said_in, text, spans, mentions)
    counts = _first_tellings(_with_sides([c._replace(claimant=names.get(c.claimant, c.claimant)) for c in counts]))
    # "150 Indians were deported … These 150 Indians had violated visa rules": the count restated
    # without its state is the same count, not a second one.
    stated = {(c.noun, _value(c.match)) for c in counts if c.outcome}
    # "the total of commercial providers to 14 … this community of 14 providers": one count told
    # twice, keyed by its plainest wording, where the article first told it.
    kept: dict[tuple[str, str, str, float], _Count] = {}
    for count in counts:
        if not count.outcome and (count.noun, _value(count.match)) in stated or not _tracked(count):
            continue
        same = (count.side, count.noun.split()[-1].lower(), count.outcome, _value(count.match))
        if same not in kept or len(count.noun.split()) < len(kept[same].noun.split()):
            kept[same] = count
    return [_figure(count, sentences[count.sentence], _what(count), date) for count in kept.values()]


def _what(count: _Count) -> str:
    return " ".join(part for part in (count.side, count.noun, count.outcome) if part)


def _first_tellings(counts: list[_Count]) -> list[_Count]:
    """"The nine companies" with no nine told before in the article is told here first: a count. Not
    "the two companies": that is how a pair named before is referred to, as "both" is."""
    told: set[float] = set()
    first = []
    for count in counts:
        value = _value(count.match)
        first.append(count._replace(told_before=False) if count.refers_back and value > 2 and value not in told
                     else count)
        told.add(value)
    return first


def _figure(count: _Count, sentence: str, what: str, date: dt.date | None) -> dict[str, Any]:
    match = count.match
    figure: dict[str, Any] = {"value": _value(match), "what": what}
    if fold(count.wording) != fold(what):
        figure["wording"] = count.wording
    qualifier = _QUALIFIER.search(sentence, max(0, match.start() - _BEFORE), match.start())
    if qualifier:
        figure["qualifier"] = qualifier.group(1).lower()
    if count.claimant:
        figure["claimant"] = count.claimant
    if count.when:
        figure["when"] = count.when  # kept: an article dated later dates the claim from it
    if said := said_on(count.when, date):
        figure["date"] = dt.date(said.year, said.month, said.day)  # its own object: no YAML anchors
    figure["sentence"] = _excerpt(sentence, match)
    return figure


def _value(match: re.Match[str]) -> float:
    if match["one"] if "one" in match.re.groupindex else None:
        return _SCALES[match["oscale"]]
    if match["word"]:
        value = _WORD_VALUES[match["word"].lower()] + _UNITS.get((match["unit"] or "").lower(), 0)
        return value * (12 if match["dozen"] else 1) * _SCALES.get(match["wscale"] or "", 1)
    value = float(match["digits"].replace(",", "")) * _SCALES.get(match["scale"] or _ABBREVIATED.get(match["abbr"], ""), 1)
    return int(round(value)) if abs(value - round(value)) < 1e-6 else value  # 16.6 million is whole


def _excerpt(sentence: str, match: re.Match[str]) -> str:
    """The sentence, or the part of it around the number when it is too long to be one."""
    if len(sentence) <= _SENTENCE_MAX:
        return sentence
    side = (_SENTENCE_MAX - len(match[0])) // 2
    start, end = max(0, match.start() - side), min(len(sentence), match.end() + side)
    return ("…" if start else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")


def _tracked(count: _Count) -> bool:
    """A count someone claims, or one of the kinds news follows; a number word only for the latter
    ("two sides", "three options" are no figures)."""
    last = count.noun.split()[-1]
    head = last.lower()
    if head not in _INVARIANT and not head.endswith("s"):
        return False  # "its 737 Max jet": a name, not a count
    if count.match["word"] and not count.match["wscale"]:  # "two sides", "two people who contracted it": no figure without what befell them
        if count.told_before:  # "the five companies", "the first two infected patients": a count told before
            return False
        return head in _TRACKED_HEADS and bool(count.outcome) or head in _EVENTS or head in _ORGANISATIONS \
            or head in _ACHIEVEMENTS or (count.there_are and _claimed(count))
    tracked = head in _TRACKED_HEADS or last[:-1] in DEMONYMS or (bool(count.outcome) and head not in _NOT_COUNTED)
    return tracked or _claimed(count)


def _claimed(count: _Count) -> bool:
    """A count its claimant gives, but not one they mention in passing in their own words."""
    return bool(count.claimant) and count.noun.endswith("s") and not count.quoted


def _quoted(sentence: str, position: int) -> bool:
    """Whether `position` is inside a quotation the sentence opens (looked for in the few hundred
    characters before it: a long sentence of many numbers is not read whole for each)."""
    before = sentence[max(0, position - _SENTENCE_MAX):position]
    if "“" in before:
        return before.rfind("“") > before.rfind("”")
    return before.count('"') % 2 == 1


def _sentence_counts(sentence: str, index: int, previous: tuple[str, str] | None) -> list[_Count]:
    """The sentence's numbers that count something, a list's sharing its verb and side. `previous`
    is (noun, outcome) of the last count before the sentence: "as many as 200 have been killed"."""
    found: list[tuple[re.Match[str], tuple[str, list[str], bool, int], str, str]] = []
    for match in (_NUMBER_OR_ONE if "illion " in sentence else _NUMBER).finditer(sentence):
        phrase = _phrase(sentence, match)
        if phrase is not None:
            event = _DEATHS.match(sentence, match.end())  # "584 deaths", "100 arrests": what befell them
            died = _EVENT_STATES[event["event"].lower()] if event else "killed" if phrase[1] == ["deaths"] else ""
            if died and phrase[1] == ["deaths"]:  # "the death toll rose to 35"
                phrase = (phrase[0], ["people"], phrase[2], phrase[3])
            found.append((match, phrase, "" if died else _outcome_after(sentence, phrase[3]), died))
    counts: list[_Count] = []
    run = 0
    for i, (match, (side, words, own, _end), verb, died) in enumerate(found):
        outcome = died or _OUTCOMES.get(verb, "")
        listed = bool(i) and bool(_LIST_GAP.fullmatch(sentence, found[i - 1][1][3], match.start()))
        if i and not listed:
            run += 1
        if words and words[0].lower() == "other" and not listed:
            continue  # "two other plague cases": those besides the one told; in a list, "482 other vehicles" are the rest
        if previous and [w.lower() for w in words] == ["others"]:  # "five companies join nine others"
            words = previous[0].split()
        borrowed = not words
        if borrowed:  # "498 soldiers had died and 1,597 had been wounded": the same soldiers, the same side
            state = outcome or _meaning(_outcome_before(sentence, match))
            if not state:
                continue
            if previous is not None and (state not in _PEOPLE_STATES or
                                         _RESTATED.get(previous[0], previous[0]).split()[-1] in _PEOPLE_HEADS):
                words = _RESTATED.get(previous[0], previous[0]).split()
            elif state in _PEOPLE_STATES and not _OBJECT_BEFORE.search(sentence, max(0, match.start() - 30), match.start()):
                words = ["people"]  # "the blast killed at least 12", "seven were killed": people
            else:
                continue
        if words[-1].lower() in _NOT_COUNTED:
            continue
        in_run = counts[-1].run if borrowed and counts else (index, run)
        told = _TOLD_BEFORE.search(sentence, max(0, match.start() - 12), match.start()) if match["word"] else None
        there_are = bool(match["word"]) and bool(_THERE_ARE.search(sentence, max(0, match.start() - 60), match.start()))
        counts.append(_Count(match, side or ("own" if own else ""), _noun(words), outcome,
                             " ".join(words), index, in_run, not (died or borrowed), verb, told_before=bool(told),
                             refers_back=bool(told) and not told["picks"], there_are=there_are))
        previous = (counts[-1].noun, outcome)
    return _share_in_lists(sentence, counts)


def _share_in_lists(sentence: str, counts: list[_Count]) -> list[_Count]:
    """A count with no verb of its own takes its list's: the one after the list's last item, or
    before its first; and the side its first item names."""
    runs: dict[tuple[int, int], list[_Count]] = {}
    for count in counts:
        runs.setdefault(count.run, []).append(count)
    shared: list[_Count] = []
    for members in runs.values():
        last = members[-1]
        verb = (last.verb if last.shares else "") or _outcome_before(sentence, members[0].match)
        side = members[0].side if len(members) > 1 else ""
        for count in members:
            own_verb = count.verb or (_outcome_before(sentence, count.match)
                                      if count is members[0] and not count.outcome else "")
            own = count.outcome or _meaning(own_verb)
            outcome = _settled(own or _meaning(verb), count.noun)
            said = (own_verb if own else verb) or outcome  # the article's word for it
            said = outcome if said in _GERUNDS else said  # "arresting 210 people": "people arrested"
            wording = count.wording if not outcome or said in count.wording else f"{count.wording} {said}"
            shared.append(count._replace(outcome=outcome, side=count.side or side, wording=wording))
    return shared


def _meaning(verb: str) -> str:
    return _OUTCOMES.get(verb) or _GERUNDS.get(verb, "")


def _settled(outcome: str, noun: str) -> str:
    if outcome == "lost":  # lost troops were killed, lost tanks destroyed, lost jobs cut; lost games lost
        head = noun.split()[-1].lower()
        return "killed" if head in _PEOPLE_HEADS else "destroyed" if head in _MILITARY_HEADS else \
            "cut" if head == "jobs" else ""
    return outcome


def _phrase(sentence: str, match: re.Match[str]) -> tuple[str, list[str], bool, int] | None:
    """(side, noun words, "of its own", where the phrase ends) for a number, or None for a date or year."""
    before = sentence[max(0, match.start() - _BEFORE):match.start()]
    digits = match["digits"]
    near = len(before) - _NEAR  # the rules below look at the last few words before the number only
    if _MODEL.search(before) or (_NAME_AFTER.match(sentence, match.end()) and _NAME_BEFORE.search(before, near)):
        return None  # "400 737 Max jets", "iPhone 11 Pro users": a model's number, not a count
    if _OUT_OF.match(sentence, match.end()) or (before.rstrip().endswith("of") and _OUT_OF_BEFORE.search(before, near)):
        return None  # "eight out of ten companies": a share, not a count
    if " of " in before[-_NEAR:] and _SHARE_OF_BEFORE.search(before, near):
        return None
    tail = before[-_NEAR:].rstrip()
    if (tail.endswith(("to", "–")) and (range_ := _RANGE_BEFORE.search(before, near)) and not range_["start"]) or \
            (" by" in tail[-40:] and _CHANGE_BEFORE.search(before, near)):
        return None  # "seating 242 to 330 passengers": a range's end; "boomed by 7 million people": a change
    if digits and (_MONTHS.search(before) or (_YEAR.fullmatch(digits) and not match["scale"]
                                              and not _COUNT_NOT_YEAR.match(sentence, match.end()))):
        return None  # a date or a year; but "1900 workers were laid off" counts them
    if _SOURCE_BEFORE.search(before) or _SOURCE_AFTER.match(sentence, match.end(), match.end() + 40):
        return None  # "according to two people familiar with the matter": who says, not what
    if "one of" in before[-_NEAR:] and _ONE_OF_BEFORE.search(before, near):
        return None
    if (any(noun in before[-_NEAR:] for noun in _SAMPLE_NOUNS) and _SAMPLE_BEFORE.search(before, near)) or \
            (digits and _NAMED_NUMBER.match(sentence, match.start())):
        return None  # "one study in 77 people": a sample, not a count; "911 calls": a number's name
    if deaths := _DEATHS.match(sentence, match.end()):
        if whose := _deaths_of(sentence, deaths.end()):  # "three deaths of detained children": children killed
            return (*_side(whose[0], before), False, whose[1])
        return "", ["people"], False, deaths.end()
    own = _OWN.match(sentence, match.end(), match.end() + _AFTER)
    start = own.end() if own else match.end()
    if more := _OR_MORE.match(sentence, start):  # "a million or more Uighurs"
        start = more.end()
    words, end = _noun_phrase(sentence, start)
    if words and words[-1].lower() == "cases" and _LEGAL_AFTER.match(sentence, end):
        return None
    # Nothing, an adverb or a participle after the number: "from 16 currently", "about 660,000 based on".
    bare = not words or (words[0].islower() and words[0].endswith(("ly", "ed")))
    # A verb of its own after it ("as many as 200 have been killed") leaves it to the count before.
    if bare and not own and (named := _named_before(sentence[max(0, match.start() - _NAMED_REACH):match.start()])) \
            and not _outcome_after(sentence, end):
        words = named  # "the number of electric vehicles … to grow from 16 to 80", "the death toll rose to 35"
    side, words = _side(words, before)
    return side, words, own is not None, end


def _deaths_of(sentence: str, end: int) -> tuple[list[str], int] | None:
    """The people whose deaths a count is, "of" after it: "deaths of (detained) children"."""
    if not (of := _OF.match(sentence, end)):
        return None
    whose = _noun_phrase(sentence, of.end())
    if not whose[0] and (state := _WORD.match(sentence, of.end())) and _OUTCOME.fullmatch(state.group(1).lower()):
        whose = _noun_phrase(sentence, state.end())  # "of detained children": the state is theirs, not the count's
    return whose if whose[0] and whose[0][-1].lower() in _PEOPLE_HEADS else None


def _named_before(before: str) -> list[str] | None:
    """What a number with no noun after it counts, named before it in its clause: "the number of
    people who could be affected from an original estimate of about 660,000", "the population …
    is estimated at 40,000" (people), "the death toll rose to 35" (deaths)."""
    if ("home to" in before[-40:] or " of " in before[-40:]) and _HOME_TO.search(before, max(0, len(before) - 40)):
        return ["people"]  # "the region is home to 2 million", "a city of 8 million": its people
    if "umber of" not in before and "otal of" not in before and "toll" not in before and "opulation" not in before:
        return None  # the patterns' words, looked for cheaply first
    found = None
    for found in _NAMED_BEFORE.finditer(before):
        pass
    if found is None or _NEXT_CLAUSE_START.search(before, found.end()):
        return None
    return found["what"].split() if found["what"] else ["deaths"] if found["toll"] else ["people"]


def _noun_phrase(sentence: str, position: int) -> tuple[list[str], int]:
    """The words right after a number, up to four, until a verb, preposition or punctuation; and where they end."""
    words: list[str] = []
    while len(words) < 4:
        match = _WORD.match(sentence, position)
        if match and words and match.group(1) == "or" and _ADJECTIVE.fullmatch(words[-1]) \
                and words[-1] not in _INVARIANT:
            joined = _WORD.match(sentence, match.end())  # "false or misleading claims": one thing
            if joined and joined.group(1).islower() and joined.group(1) not in _STOPS:
                words[-1:] = [f"{words[-1]} {match.group(1)} {joined.group(1)}"]
                position = joined.end()
                continue
        if not match or match.group(1).lower() in _STOPS or _OUTCOME.fullmatch(match.group(1).lower()):
            break
        if words and match.group(1).endswith("ed"):  # "people registered": a verb after the noun
            break
        if words and (words[-1].islower() or words[-1][:-1] in DEMONYMS) \
                and (_PLURAL.search(words[-1]) or words[-1] in _INVARIANT) \
                and match.group(1).islower() and not _PLURAL.search(match.group(1)):
            break  # "five companies join", "964,000 people use", "600,000 Israelis live": a plural noun ends the phrase
        words.append(match.group(1))
        position = match.end()
    return words, position


def _outcome_after(sentence: str, end: int) -> str:
    """The verb after the counted things, in their clause and before the next number, as the
    article words it ("died"; _OUTCOMES gives what it means)."""
    after = _ASIDE.sub("", sentence[end:end + 160], count=1)[:100]
    clause = _NEXT_CLAUSE.split(after, maxsplit=1)[0][:80]
    found = _OUTCOME.search(clause)
    return found.group(1) if found else ""


def _outcome_before(sentence: str, match: re.Match[str]) -> str:
    start = match.start()
    if joined := _ALONG_WITH.search(sentence, max(0, start - 40), start):
        start = joined.start()  # "was quarantined after the diagnosis, along with 28 people": the subject's verb
        found = list(_OUTCOME_BEFORE.finditer(sentence, max(0, start - _BEFORE), start))
        return found[-1].group(1) if found else ""
    found = _OUTCOME_BEFORE.search(sentence, max(0, start - 25), start)
    return found.group(1) if found else ""


def _side(words: list[str], before: str) -> tuple[str, list[str]]:
    """Whose things: a nationality in the phrase, or "Russia had lost N"."""
    if len(words) > 2 and " ".join(words[:2]) in _COUNTRY_SIDES:  # "United States service members"
        return _COUNTRY_SIDES[" ".join(words[:2])], words[2:]
    if words and words[0] in DEMONYMS and len(words) > 1:  # "US troops", "American troops": one side
        return _COUNTRY_SIDES.get(DEMONYMS[words[0]], words[0]), words[1:]
    lost = _SIDE_LOST.search(before)
    if lost:
        name = lost.group(1)
        if name in _COUNTRY_SIDES:
            return _COUNTRY_SIDES[name], words
        if name.endswith("s") and name[:-1] in DEMONYMS:  # "the Russians had lost"
            return name[:-1], words
    return "", words


def _noun(words: list[str]) -> str:
    """The counted thing with names kept as written and nouns normalised: "Russian troops"."""
    words = [w if w[:1].isupper() else w.lower() for w in words]
    words = [w for w in words[:-1] if w not in _EVALUATIVE and not (w in _REPORTED and words[-1] in _EVENTS)] + words[-1:]
    if len(words) > 1 and (phrase := _PHRASES.get(" ".join(words[-2:]).lower())):
        words = [*words[:-2], phrase]
    words = [_HEADS.get(w, w) for w in words[:-1]] + [_HEADS.get(words[-1].lower(), words[-1])]
    return " ".join(words)


def _with_sides(counts: list[_Count]) -> list[_Count]:
    """Sides the phrase leaves out, from the article: "of its own" is the claimant's country's; a
    loss of a thing the article gives one side for elsewhere is that side's; a military loss with
    no side is the side of the same claimant's other military losses, when they are all one side's."""
    counts = [c._replace(side=_COUNTRY_SIDES.get(_country(c.claimant), "")) if c.side == "own" else c
              for c in counts]
    by_thing: dict[tuple[str, str], set[str]] = {}
    by_claimant: dict[str | None, set[str]] = {}
    for count in counts:
        if count.side:
            by_thing.setdefault((count.noun, count.outcome), set()).add(count.side)
            if _military_loss(count):
                by_claimant.setdefault(count.claimant, set()).add(count.side)
    sided = []
    for count in counts:
        if not count.side and count.outcome in _LOSSES:
            sides = by_thing.get((count.noun, count.outcome)) or \
                (by_claimant.get(count.claimant, set()) if count.claimant and _military_loss(count) else set())
            if len(sides) == 1:
                count = count._replace(side=next(iter(sides)))
        sided.append(count)
    by_run: dict[tuple[tuple[int, int], str], str] = {(c.run, c.noun): c.side for c in sided if c.side}
    return [c if c.side else c._replace(side=by_run.get((c.run, c.noun), "")) for c in sided]


def _military_loss(count: _Count) -> bool:
    return count.outcome in _LOSSES and count.noun.split()[-1].lower() in _MILITARY_HEADS


def _country(claimant: str | None) -> str:
    """The country a claimant is or belongs to: "Russia", "Ukraine's Foreign Ministry" -> "Ukraine"."""
    if not claimant:
        return ""
    owner = re.match(r"([A-Z][\w ]*?)(?:'s|’s)\s", claimant)
    return owner.group(1) if owner else claimant


def _when_said(sentence: str, match: re.Match[str]) -> str | None:
    """When the claim was made, in the sentence's words: a time right after its speech verb ("said
    on Monday"), else the last one before the number ("two weeks ago, when it said 498 …")."""
    times, ends, said = _times(sentence)
    if said:
        return said
    before = bisect.bisect_right(ends, match.start())
    return times[before - 1] if before else None


@functools.lru_cache(maxsize=8)  # asked for each figure of a sentence: found once per sentence
def _times(sentence: str) -> tuple[list[str], list[int], str | None]:
    """The sentence's times, where each ends, and the first right after a speech verb."""
    times = list(_WHEN.finditer(sentence))
    said = next((t.group(0) for t in times if _SAID_WHEN.search(sentence, max(0, t.start() - 20), t.start())), None)
    return [t.group(0) for t in times], [t.end() for t in times], said


def said_on(when: str | None, date: dt.date | None) -> dt.date | None:
    """The day `when` ("on Monday", "two weeks ago", "yesterday") names, counted back from `date`,
    the article's; `date` itself when `when` names none."""
    found = _WHEN.search(when or "")
    if date is None or found is None:
        return date
    if found["weekday"]:
        back = (date.weekday() - _WEEKDAYS.index(found["weekday"].lower())) % 7
        return date - dt.timedelta(days=back or (7 if found["on"].lower() == "last" else 0))
    if found["yesterday"]:
        return date - dt.timedelta(days=1)
    count = found["count"].lower()
    number = int(count) if count.isdigit() else 1 if count in ("a", "an", "one") else _WORD_VALUES[count]
    return date - dt.timedelta(days=number * _UNIT_DAYS[found["unit"].lower()])


def _one_name_each(claimants: dict[str, tuple[int, int]], text: str, spans: tuple[tuple[int, int], ...],
                   mentions: list[Mention]) -> dict[str, str]:
    """claimant -> the name the article uses for it: a title ("Ukraine's defence minister") is the
    person named beside it, or starting the next sentence; "Foreign Ministry" is "Ukraine's Foreign
    Ministry" when the article names that. `claimants` maps each to the span of the first sentence
    it claims in. Lookups go by position and by name ending, so an article of thousands of
    claimants and names stays linear."""
    people = [m for m in mentions if m.kind == "people"]
    people_names = {m.name for m in people}
    starts = [m.start for m in people]
    sentence_starts = [start for start, _ in spans]
    names: dict[str, str] = {}
    for claimant, (start, stop) in claimants.items():
        if _ROLE.search(claimant) and claimant not in people_names:
            if person := _holder(claimant, text.find(claimant, start, stop), sentence_starts, people, starts):
                names[claimant] = person
    organisations = [m for m in mentions if m.kind == "organisations"]
    organisation_starts = [m.start for m in organisations]
    for claimant, (start, stop) in claimants.items():  # "the organization believes": the body named last
        if claimant.lower() in _BODIES and (at := text.find(claimant, start, stop)) >= 0 \
                and (latest := bisect.bisect_left(organisation_starts, at)):
            names[claimant] = organisations[latest - 1].name
    longer: dict[str, set[str]] = {}  # a folded name's last words -> the claimants ending so
    for claimant in claimants:
        words = fold(claimant).split()
        for cut in range(1, len(words)):
            longer.setdefault(" ".join(words[cut:]), set()).add(claimant)
    for claimant in claimants:
        found = longer.get(fold(claimant), set())
        if len(found) == 1 and claimant not in names:
            names[claimant] = next(iter(found))
    return names


def _holder(role: str, at: int, sentence_starts: list[int], people: list[Mention], starts: list[int]) -> str | None:
    """The person a title found at `at` stands for."""
    if at < 0:
        return None
    end = at + len(role)
    # "Ukraine's defence minister, Oleksii Reznikov" or "Oleksii Reznikov, Ukraine's defence minister"
    for person in people[bisect.bisect_left(starts, at - _NAME_MAX):bisect.bisect_right(starts, end + 3)]:
        if 0 <= person.start - end <= 3 or 0 <= at - (person.start + len(person.name)) <= 3:
            return person.name
    sentence = bisect.bisect_right(sentence_starts, at)  # the next sentence's index
    if sentence >= len(sentence_starts):
        return None
    following = bisect.bisect_left(starts, sentence_starts[sentence])
    if following < len(people) and people[following].start == sentence_starts[sentence]:
        return people[following].name
    return None
