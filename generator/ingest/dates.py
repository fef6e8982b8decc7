"""The publication date of an article: stated, or inferred as a window with its evidence.

A paste often carries its page's time stamp ("Published 18 November 2019", "Wed 20 Nov 2019
06.00 GMT" on a line of its own): that is the date, stated. Otherwise the date is bounded:
from below by every date the article mentions as past and by the dates of the stories it links
to (a linked story's date is never the article's), from above only by what dates the article
itself ("February 24, nearly two weeks ago"; "Updated Nov. 19, 2019"). A weekday ("said on
Thursday") says nothing of the date alone; tied to a date in its sentence ("on Wednesday the UN
said that between February 24 and March 8…") it falls on or after that date, and so does
publication. A year no text or link gives (site.yaml's ingest.default_year) is an
assumption: what rests on it is never more than low confidence, unless a weekday written with
the date agrees with it. A guess is never presented as fact: the result says how it was reached
and how sure it is.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from generator.ingest.article import Link
from generator.text.sentences import split_sentences

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY_NAME = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_TEXT_DATE = re.compile(  # the lookahead lets most positions fail at once
    rf"\b(?=[JFMASOND\d])(?:{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? {_MONTH.replace('month', 'month2')})(?:,? (?P<year>(?:19|20)\d\d))?\b(?!\s*(?:%|per|million|billion))"
)
_ISO_DATE = re.compile(r"\b(?P<year>20\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_MONTH_CUE = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")  # literals: found fast
_ISO_CUE = re.compile(r"20\d\d-\d\d-\d\d")
_STAMP_CUE = re.compile(r"published|posted|updated|modified")  # in the lower-cased text
_NUMERIC_DATE = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d\d)\b")
_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)(?P<sep>[/-])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?:/|-|$)")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"\b(?:on|late|early|last|since|from|by) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A weekday written with its date: "Thursday, March 17", "Thursday (March 17)", "March 17 (Thursday)".
_WEEKDAY_WITH_DATE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? \(?$")
_WEEKDAY_AFTER_DATE = re.compile(r"^,? \(?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_AGO = re.compile(r",?\s*(?P<hedge>nearly|almost|about|around|roughly|more than|over|just over|less than)?\s*(?P<n>\w+) (?P<unit>day|week|month)s? ago")
_FUTURE = re.compile(r"\b(?:will|would|shall|scheduled|due to|expected to|plans? to|next|until|deadline|by the end of)\b", re.I)
_NUMBERS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
# How old the story's main event is ("the three-week-old onslaught", "two weeks into the war"), and
# the cue that a date is when such an event began ("since its tanks rolled in on February 24").
_AGE = re.compile(r"\b(?P<n>\w+)[- ](?P<unit>day|week|month)[- ]old\b|\b(?P<n2>\w+) (?P<unit2>day|week|month)s into (?:the|its|a)\b", re.I)
_AGE_CUE = re.compile(r"-old\b|s into ")
# What every _AGE match holds, found fast (a letter to skip to, not a word at every boundary): most texts have none.
_AGE_UNIT = re.compile(r"[dDwWmM](?i:ay|eek|onth)(?i:[- ]old|s into )")  # as case-blind as _AGE
_BEGAN = re.compile(r"\b(?:since|began|begun|launched|started|invaded|broke out)\b", re.I)
_BEGAN_REACH = 80  # characters before a date in which its cue stands
# A page's time stamp pasted with the article: a date with its year, after "Published"/"Updated",
# or alone with at most a weekday, a time and a zone.
_FULL_DATE = (rf"(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? (?:19|20)\d\d|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH.replace('month', 'month2')},? (?:19|20)\d\d"
              r"|(?:19|20)\d\d-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d)")
_TIME = r"(?:,? (?:at )?\d{1,2}[:.]\d\d(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?)"
_STAMP_WORD = re.compile(
    rf"\b(?P<word>Published|Posted|First published|Updated|Last updated|Modified)(?: on)?:? (?:{_WEEKDAY_NAME},? )?(?P<date>{_FULL_DATE})", re.I)
_STAMP_ALONE = re.compile(rf"^\W*(?:{_WEEKDAY_NAME},? )?(?P<date>{_FULL_DATE}){_TIME}?\W*$", re.I)
_SETTINGS_YEAR = "site.yaml ingest.default_year"
_HEAD_LINES = 6
_LEAD_CHARS = 1000  # the lead's first two sentences are within this
_STAMP_CHARS = 1500  # a time stamp the paste carries stands near its start or end
_SENTENCE_ENDS = (". ", "? ", "! ", "\n")  # a time stamp on its own line is one near the top, not a live blog's entry
_SENTENCE_END = re.compile("|".join(map(re.escape, _SENTENCE_ENDS)))


@dataclass
class DateFinding:
    """What is known of the publication date. `date` is None when nothing pins it."""

    date: dt.date | None
    inferred: bool
    earliest: dt.date | None = None
    latest: dt.date | None = None
    confidence: str = "none"  # high, medium, low, none
    evidence: list[str] = field(default_factory=list)


@dataclass
class _Bounds:
    lower: list[dt.date] = field(default_factory=list)
    upper: list[dt.date] = field(default_factory=list)
    assumed: bool = False  # a bound rests on a year nothing in the article gives
    evidence: list[str] = field(default_factory=list)


def infer_date(text: str, links: list[Link], default_year: int | None, removed: Iterable[str] = ()) -> DateFinding:
    """`removed`: what cruft removal took from the paste, where a page's time stamp usually is."""
    removed = list(removed)
    stamp = _stated(removed, text)
    if stamp and stamp[0] == "published":
        _, day, words = stamp
        return DateFinding(day, True, day, day, "high", [f"the paste carries the page's time stamp “{words}”"])
    bounds = _Bounds()
    url_dates = _url_dates(links)
    for day, url in url_dates:
        bounds.lower.append(day)
        bounds.evidence.append(f"a linked story is dated {day}: published on or after it ({url})")
    if stamp:
        _, day, words = stamp
        bounds.upper.append(day)
        bounds.evidence.append(f"the paste says “{words}”: published on or before {day}")
    mentions = _dates_in(text)
    year, year_source = _year_for_text(mentions, url_dates, default_year)
    sentences = _sentences_around(text, mentions)
    for sentence in sentences:
        _read_sentence(sentence, year, year_source, bounds)
    _read_age(text, sentences, year, year_source, bounds)
    lead = next((m.group(1) for s in split_sentences(text[:_LEAD_CHARS])[:2] for m in _WEEKDAY.finditer(s)), None)
    return _conclude(bounds, lead)


def _dates_in(text: str) -> list[re.Match[str]]:
    """Every date the text writes, found from its month names and ISO years: the full pattern run
    only there costs a fraction of running it over a long article."""
    found: dict[tuple[int, int], re.Match[str]] = {}
    for cue in _MONTH_CUE.finditer(text):
        if (match := _TEXT_DATE.search(text, max(0, cue.start() - 6), cue.end() + 30)) and match.span() not in found:
            found[match.span()] = match
    for cue in _ISO_CUE.finditer(text):
        if match := _ISO_DATE.match(text, cue.start()):
            found[match.span()] = match
    return sorted(found.values(), key=lambda match: match.start())


def _sentences_around(text: str, mentions: list[re.Match[str]]) -> list[str]:
    """The sentences that mention a date, each once: only they can bound the date, and finding
    them from the mentions costs less than splitting a long article into sentences."""
    spans: dict[tuple[int, int], None] = {}
    marks = [(mark.start(), mark.end()) for mark in _SENTENCE_END.finditer(text)]  # found once: a search
    starts, stops = [start for start, _ in marks], [stop for _, stop in marks]  # from each date would be quadratic
    for found in sorted(mentions, key=lambda m: m.start()):
        before = bisect.bisect_right(stops, found.start())  # the marks that end before the date
        after = bisect.bisect_left(starts, found.end())  # the first mark after it
        spans[(starts[before - 1] + 1 if before else 0, (starts[after] if after < len(starts) else len(text)) + 1)] = None
    return [text[start:end].strip() for start, end in spans]


def _read_sentence(sentence: str, year: int | None, year_source: str, bounds: _Bounds) -> None:
    """The bounds one sentence sets: its past dates, "DATE, N weeks ago", a weekday tied to a date."""
    if _FUTURE.search(sentence):
        return
    latest_here: dt.date | None = None
    for found, day, assumed in _text_dates(sentence, year, year_source == _SETTINGS_YEAR):
        note = f"the text mentions “{found.group(0)}”" + ("" if found["year"] else f" (year {day.year} from {year_source})")
        bounds.lower.append(day)
        bounds.assumed |= assumed
        bounds.evidence.append(f"{note}: published on or after {day}")
        latest_here = max(latest_here or day, day)
        if window := _ago_window(sentence[found.end():], day):
            bounds.lower.append(window[0])
            bounds.upper.append(window[1])
            bounds.evidence.append(f"“{found.group(0)}” is said to be “{window[2]}”: published between {window[0]} and {window[1]}")
    if latest_here:
        for weekday in _WEEKDAY.finditer(sentence):
            tied = _next_weekday(latest_here, _WEEKDAYS.index(weekday.group(1).lower()))
            bounds.lower.append(tied)
            bounds.evidence.append(f"“{weekday.group(0)}” in the sentence that dates {latest_here}: "
                                   f"that {weekday.group(1)} is {tied} or later")


def _read_age(text: str, sentences: list[str], year: int | None, year_source: str, bounds: _Bounds) -> None:
    """"The three-week-old onslaught" with "since ... on February 24" elsewhere in the text: published
    three to four weeks after February 24. Only when the text gives exactly one such start, so that
    the age and the start are surely of the same event."""
    if not _AGE_UNIT.search(text) or not _AGE_CUE.search(text) or not (age := _AGE.search(text)):
        return
    count_word, unit = (age["n"], age["unit"]) if age["n"] else (age["n2"], age["unit2"])
    count = _NUMBERS.get(count_word.lower()) or (int(count_word) if count_word.isdigit() else None)
    starts = {day: (found.group(0), assumed)
              for sentence in sentences
              for found, day, assumed in _text_dates(sentence, year, year_source == _SETTINGS_YEAR)
              if _BEGAN.search(sentence[max(0, found.start() - _BEGAN_REACH):found.start()])}
    if count is None or len(starts) != 1:
        return
    start, (words, assumed) = next(iter(starts.items()))
    days = count * _UNIT_DAYS[unit.lower()]
    low, high = start + dt.timedelta(days=days), start + dt.timedelta(days=days + _UNIT_DAYS[unit.lower()] - 1)
    bounds.lower.append(low)
    bounds.upper.append(high)
    bounds.assumed |= assumed
    bounds.evidence.append(f"“{age.group(0)}” counted from “{words}”, when it began: published between {low} and {high}")


def _conclude(bounds: _Bounds, lead_weekday: str | None) -> DateFinding:
    evidence = list(dict.fromkeys(bounds.evidence))
    if not bounds.lower and not bounds.upper:
        return DateFinding(None, True, evidence=evidence or ["no date found in the article"])
    earliest = max(bounds.lower, default=None)
    latest = min(bounds.upper, default=None)
    if earliest and latest and latest < earliest:
        evidence.append(f"the bounds disagree ({earliest} is after {latest}); keeping only the lower bound")
        latest = None
    estimate = _estimate(earliest, latest, lead_weekday)
    confidence = _confidence(earliest, latest, bounds.assumed)
    if bounds.assumed and confidence == "low" and latest and earliest and (latest - earliest).days <= 7:
        evidence.append("the year is assumed (site.yaml ingest.default_year): low confidence")
    return DateFinding(estimate, True, earliest, latest, confidence, evidence)


def _estimate(earliest: dt.date | None, latest: dt.date | None, lead_weekday: str | None) -> dt.date | None:
    """A day to show, only in a window bounded on both sides: the lead's weekday where it falls in
    it, else its start. With no upper bound there is none: the lower bound is the date of something
    the article mentions or links to, not its own."""
    if earliest is None or latest is None:
        return None
    guess = _next_weekday(earliest, _WEEKDAYS.index(lead_weekday.lower())) if lead_weekday else None
    return guess if guess and guess <= latest else earliest


def _confidence(earliest: dt.date | None, latest: dt.date | None, assumed: bool) -> str:
    if earliest is None or latest is None:
        return "low"
    span = (latest - earliest).days
    confidence = "high" if span <= 2 else "medium" if span <= 7 else "low"
    return "low" if assumed else confidence


def _stated(removed: list[str], text: str) -> tuple[str, dt.date, str] | None:
    """("published" or "updated", the day, the words) of a time stamp the paste carries: one after
    "Published" or "Updated" anywhere, or a date alone in a removed piece or a line near the top.
    Several different stamps alone (a live blog's entries) state nothing."""
    edges = text if len(text) <= 2 * _STAMP_CHARS else f"{text[:_STAMP_CHARS]}\n{text[-_STAMP_CHARS:]}"
    for piece in [*removed, edges]:
        for cue in _STAMP_CUE.finditer(piece.lower()):
            found = _STAMP_WORD.search(piece, max(0, cue.start() - 6), cue.end() + 60)
            if found and (day := _full_date(found["date"])):
                kind = "updated" if found["word"].lower() in ("updated", "last updated", "modified") else "published"
                return kind, day, found.group(0)
    alone = {day: found.group(0).strip() for piece in [*removed, *text.split("\n")[:_HEAD_LINES]]
             if (found := _STAMP_ALONE.match(piece.strip())) and (day := _full_date(found["date"]))}
    if len(alone) == 1:
        day, words = next(iter(alone.items()))
        return "published", day, words
    return None


def _full_date(text: str) -> dt.date | None:
    """A date written with its year; "05/11/2019" is left out, as it reads two ways."""
    if found := _ISO_DATE.search(text):
        return _make_date(int(found["year"]), int(found["month"]), int(found["day"]))
    if found := _NUMERIC_DATE.search(text):
        a, b = int(found["a"]), int(found["b"])
        if a > 12 >= b:
            return _make_date(int(found["year"]), b, a)
        if b > 12 >= a:
            return _make_date(int(found["year"]), a, b)
        return _make_date(int(found["year"]), a, b) if a == b else None
    if (found := _TEXT_DATE.search(text)) and found["year"]:
        return _make_date(int(found["year"]), _month_number(found["month"] or found["month2"]), int(found["day"] or found["day2"]))
    return None


def _url_dates(links: list[Link]) -> list[tuple[dt.date, str]]:
    found = []
    for link in links:
        match = _URL_DATE.search(link.url)
        if match and (day := _make_date(int(match["year"]), int(match["month"]), int(match["day"]))):
            found.append((day, link.url))
    return found


def _year_for_text(mentions: list[re.Match[str]], url_dates: list[tuple[dt.date, str]],
                   default_year: int | None) -> tuple[int | None, str]:
    """The year of dates written without one: the latest the text writes with a date, else the latest
    linked story's, else site.yaml's (an assumption)."""
    written = [int(found["year"]) for found in mentions if found["year"]]
    if written:
        return max(written), "the dates the text writes with a year"
    if url_dates:
        return max(d for d, _ in url_dates).year, "the linked URLs"
    if default_year:
        return default_year, _SETTINGS_YEAR
    return None, ""


def _text_dates(sentence: str, year: int | None, year_assumed: bool) -> Iterator[tuple[re.Match[str], dt.date, bool]]:
    """(match, day, whether its year is assumed) for each date the sentence mentions."""
    for found in _dates_in(sentence):
        if found.re is _ISO_DATE:
            if day := _make_date(int(found["year"]), int(found["month"]), int(found["day"])):
                yield found, day, False
            continue
        month, day_number = _month_number(found["month"] or found["month2"]), int(found["day"] or found["day2"])
        if found["year"]:
            if day := _make_date(int(found["year"]), month, day_number):
                yield found, day, False
            continue
        if year is None:
            continue
        weekday = _weekday_written_with(sentence, found)
        day = _year_agreeing(year, month, day_number, weekday) if weekday else _make_date(year, month, day_number)
        if day:
            yield found, day, year_assumed and weekday is None


def _weekday_written_with(sentence: str, found: re.Match[str]) -> int | None:
    before = _WEEKDAY_WITH_DATE.search(sentence[max(0, found.start() - 12):found.start()])
    after = _WEEKDAY_AFTER_DATE.match(sentence[found.end():found.end() + 14])
    name = (before or after)[1] if before or after else None
    return _WEEKDAYS.index(name.lower()) if name else None


def _year_agreeing(year: int, month: int, day_number: int, weekday: int) -> dt.date | None:
    """"Thursday, March 17": the year nearest the given one in which March 17 is a Thursday."""
    for candidate in (year, year - 1, year + 1, year - 2, year + 2):
        if (day := _make_date(candidate, month, day_number)) and day.weekday() == weekday:
            return day
    return None


def _month_number(name: str) -> int:
    return next(i + 1 for i, month in enumerate(_MONTHS) if month.startswith(name.lower()[:3]))


def _ago_window(after: str, day: dt.date) -> tuple[dt.date, dt.date, str] | None:
    """"February 24, nearly two weeks ago" -> publication about 14 days after February 24."""
    found = _AGO.match(after)
    if not found:
        return None
    count = _NUMBERS.get(found["n"].lower()) or (int(found["n"]) if found["n"].isdigit() else None)
    if count is None:
        return None
    days = count * _UNIT_DAYS[found["unit"]]
    slack = max(1, days // 7)
    hedge = (found["hedge"] or "").lower()
    low, high = {"nearly": (-2 * slack, 0), "almost": (-2 * slack, 0), "less than": (-2 * slack, 0),
                 "more than": (0, 2 * slack), "over": (0, 2 * slack), "just over": (0, slack)}.get(hedge, (-slack, slack))
    return day + dt.timedelta(days=days + low), day + dt.timedelta(days=days + high), found.group(0).strip(" ,")


def _next_weekday(start: dt.date, weekday: int) -> dt.date:
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
