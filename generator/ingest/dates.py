"""The publication date of an article: stated, or inferred as a window with its evidence.

Inference collects lower bounds (an article cannot cite a date after it was published, nor
link to a story published later: URL dates are lower bounds only), then narrows them with
"DATE, N weeks ago" phrases and weekday mentions ("said on Thursday"), which in news copy
refer to the last seven days. A guess is never presented as fact: the result says how it
was reached and how sure it is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator.ingest.article import Link
from generator.ingest.sentences import split_sentences

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_TEXT_DATE = re.compile(
    rf"\b(?:{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? {_MONTH.replace('month', 'month2')})(?:,? (?P<year>(?:19|20)\d\d))?\b(?!\s*(?:%|per|million|billion))"
)
_ISO_DATE = re.compile(r"\b(?P<year>20\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)(?:/|-|$)")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"\b(?:on|late|early|last|since) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_AGO = re.compile(r",?\s*(?P<hedge>nearly|almost|about|around|roughly|more than|over|just over|less than)?\s*(?P<n>\w+) (?P<unit>day|week|month)s? ago")
_FUTURE = re.compile(r"\b(?:will|would|shall|scheduled|due to|expected to|plans? to|next|until|deadline|by the end of)\b", re.I)
_NUMBERS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


@dataclass
class DateFinding:
    """What is known of the publication date. `date` is None when nothing pins it."""

    date: dt.date | None
    inferred: bool
    earliest: dt.date | None = None
    latest: dt.date | None = None
    confidence: str = "none"  # high, medium, low, none
    evidence: list[str] = field(default_factory=list)


def infer_date(text: str, links: list[Link], default_year: int | None) -> DateFinding:
    evidence: list[str] = []
    lower: list[dt.date] = []
    url_dates = _url_dates(links)
    for day, url in url_dates:
        evidence.append(f"a linked URL is dated {day} (a lower bound: {url})")
        lower.append(day)
    year, year_source = _year_for_text(url_dates, default_year)
    sentences = split_sentences(text)
    windows: list[tuple[dt.date, dt.date]] = []
    for sentence in sentences:
        for found, day in _text_dates(sentence, year):
            if _FUTURE.search(sentence):
                continue
            note = f"the text mentions “{found.group(0)}”" + (f" (year {year} from {year_source})" if not found.group("year") else "")
            evidence.append(f"{note}: published on or after {day}")
            lower.append(day)
            window = _ago_window(sentence[found.end() :], day)
            if window:
                evidence.append(f"“{found.group(0)}” is said to be “{window[2]}”: published between {window[0]} and {window[1]}")
                windows.append(window[:2])
    weekdays = [m.group(1) for s in sentences for m in _WEEKDAY.finditer(s)]
    return _conclude(lower, windows, weekdays, evidence, assumed_year=year_source == "site.yaml ingest.default_year")


def _conclude(lower: list[dt.date], windows: list[tuple[dt.date, dt.date]], weekdays: list[str], evidence: list[str], assumed_year: bool) -> DateFinding:
    if not lower and not windows:
        return DateFinding(None, True, evidence=evidence or ["no date found in the article"])
    earliest = max(lower + [w[0] for w in windows])
    latest = min([w[1] for w in windows], default=None)
    if latest is not None and latest < earliest:
        evidence.append(f"the windows disagree; keeping the lower bound {earliest}")
        latest = None
    estimate = earliest
    if weekdays:
        lead = weekdays[0]
        estimate = _next_weekday(earliest, _WEEKDAYS.index(lead.lower()))
        if latest is None or latest > earliest + dt.timedelta(days=6):
            latest = earliest + dt.timedelta(days=6)
        evidence.append(f"the lead's weekday, {lead}, first falls on {estimate}; weekday mentions place publication within a week")
        if latest < estimate:
            estimate = latest
    span = (latest - earliest).days if latest else None
    confidence = "high" if span is not None and span <= 2 else "medium" if span is not None and span <= 7 else "low"
    if assumed_year and confidence == "high":
        confidence = "medium"
    return DateFinding(estimate, True, earliest, latest, confidence, evidence)


def _url_dates(links: list[Link]) -> list[tuple[dt.date, str]]:
    found = []
    for link in links:
        match = _URL_DATE.search(link.url)
        if match and (day := _make_date(int(match["year"]), int(match["month"]), int(match["day"]))):
            found.append((day, link.url))
    return found


def _year_for_text(url_dates: list[tuple[dt.date, str]], default_year: int | None) -> tuple[int | None, str]:
    if url_dates:
        return max(d for d, _ in url_dates).year, "the linked URLs"
    if default_year:
        return default_year, "site.yaml ingest.default_year"
    return None, ""


def _text_dates(sentence: str, year: int | None):
    for found in _TEXT_DATE.finditer(sentence):
        month = _MONTHS_BY_PREFIX(found["month"] or found["month2"])
        day_year = int(found["year"]) if found["year"] else year
        if day_year and (day := _make_date(day_year, month, int(found["day"] or found["day2"]))):
            yield found, day
    for found in _ISO_DATE.finditer(sentence):
        if day := _make_date(int(found["year"]), int(found["month"]), int(found["day"])):
            yield found, day


def _MONTHS_BY_PREFIX(name: str) -> int:
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
