"""Who says something in a sentence: the subject of "said", "estimated", "according to" and the like,
with pronouns and short references ("he", "it", "Mr Reznikov", "the ministry") resolved to the
names mentioned before them.

Work is bounded by the size of a claim, not of the text: a sentence's speech verbs are found once,
the subject is read in a window before its verb, and mentions are looked up by position and by
name (Mentions), so a long text with many figures and names stays linear."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property, lru_cache

from generator.text.entities import Mention, fold

SPEECH = (r"(?:said|says|say|told|tells|estimated|estimates|announced|announces|reported|reports|claimed|"
          r"claims|stated|states|added|warned|confirmed|confirms|insisted|acknowledged|admitted|believes|"
          r"believed|put|puts|noted)")
_SPEECH_VERB = re.compile(rf"\b{SPEECH}\b")
# A speech word that says nothing: a noun or adjective after a determiner ("an estimated 25 million",
# "some reports suggesting"), a passive ("were put under quarantine", "is estimated"), "added" with an
# object ("added his seventh", "added a goal") and "put" not putting a figure at a value.
_NOT_SPEECH_BEFORE = re.compile(r"\b(?:a|an|the|some|these|those|such|its|his|her|their|our|many|several|other|"
                                r"is|are|was|were|be|been|being)[ \t]+$", re.I)
_NOT_SPEECH_AFTER = {"added": re.compile(r"[ \t]+(?:a|an|the|his|her|their|its|another|more|\d)\b", re.I),
                     "put": re.compile(r"(?![^.;:]{0,60}\bat\b)")}
_QUOTE_MARK = re.compile(r'["“”]')
# Who ends at punctuation or a dash, a typed one too ("according to the Post -- there is …").
_ACCORDING = re.compile(r"\baccording to (?:the )?(?P<who>(?:(?!\s--)[^,.;:()—–]){2,80})", re.I)
# A clause starts after these; the subject of a speech verb lies between one and the verb.
_CLAUSE = re.compile(r"(?:^|[,;:—–(]|\b(?:that|when|as|and|but|while|after|which|who|where|though|although|"
                     r"because|if|whereas)\b)\s*", re.I)
_LEADING = re.compile(r"^(?:but|and|so|yet|however|meanwhile|also|the)\s+", re.I)
_TRAILING = re.compile(r"\s+(?:has|have|had|also|previously|earlier|later|on \w+|last \w+|this \w+)$", re.I)
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_THING_PRONOUNS = {"it", "they"}
_MAX_WORDS = 8
_SUFFIXES = {"jr", "sr", "ii", "iii"}  # "James P. Kennedy Jr." is "Kennedy"
# A subject is at most _MAX_WORDS words: one whose clause starts further back than this is none.
_SUBJECT_WINDOW = 300
# How many earlier organisations and places ending alike are tried for "the ministry": real text
# names far fewer; the bound keeps a text of thousands of such names linear.
_LOOK_BACK = 50
# "…, said Serene Gregg, local president": a speech verb opening its clause has its speaker after it.
_INVERTED = re.compile(r"[ \t]+(?P<who>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})")
_TIMES = set("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec today""".split())
_NOT_SUBJECTS = {"there", "this", "that", "these", "those", "which", "what", "who", "where", "here", "such", "a", "an"}


class Mentions:
    """A text's mentions (in order of position), indexed for the lookups resolve makes."""

    def __init__(self, mentions: list[Mention]):
        self.people = [m for m in mentions if m.kind == "people"]
        self.things = [m for m in mentions if m.kind != "people"]
        self.people_starts = [m.start for m in self.people]
        self.people_sentences = [m.sentence for m in self.people]
        self.thing_starts = [m.start for m in self.things]

    @cached_property
    def by_surname(self) -> dict[str, tuple[list[int], list[Mention]]]:
        """People by the last word of their name: (starts, mentions)."""
        found: dict[str, tuple[list[int], list[Mention]]] = {}
        for mention in self.people:
            if words := [w for w in fold(mention.name).split() if w not in _SUFFIXES]:
                starts, mentions = found.setdefault(words[-1], ([], []))
                starts.append(mention.start)
                mentions.append(mention)
        return found

    @cached_property
    def by_ending(self) -> dict[str, tuple[list[int], list[tuple[Mention, str]]]]:
        """Places and organisations by the last four characters of their name: (starts, (mention, name))."""
        found: dict[str, tuple[list[int], list[tuple[Mention, str]]]] = {}
        for mention in self.things:
            name = fold(mention.name)
            starts, mentions = found.setdefault(name[-4:], ([], []))
            starts.append(mention.start)
            mentions.append((mention, name))
        return found


def claimant_before(sentence: str, position: int, offset: int, mentions: Mentions,
                    last: str | None = None) -> str | None:
    """Who says what lies at `position` of the sentence: "according to X", or the subject of the last
    speech verb before it, or of the first one after it. `offset` is the sentence's start in the text."""
    according, verbs = _speech(sentence)
    if according:
        return resolve(according.group("who"), offset + according.start(), offset, mentions, last)
    if not verbs:
        return None
    before = bisect_left(verbs, position)
    verb = verbs[before - 1] if before else verbs[0]
    window = max(0, verb - _SUBJECT_WINDOW)
    head_end = len(sentence[window:verb].rstrip()) + window
    starts = [m.end() for m in _CLAUSE.finditer(sentence, window, head_end)]
    if not starts and window:
        return None  # no clause starts within a subject's reach of the verb
    who = sentence[starts[-1] if starts else 0:head_end]
    if not who.strip(" \"“”'‘’") and (after := _speaker_after(sentence, verb)):
        who = after
    return resolve(who, offset + verb, offset, mentions, last)


def _speaker_after(sentence: str, verb: int) -> str | None:
    """The name right after a speech verb that opens its clause ("…, said Serene Gregg"), not a time."""
    end = _SPEECH_VERB.match(sentence, verb)
    found = _INVERTED.match(sentence, end.end()) if end else None
    if found is None or re.match(r"[A-Za-z]*", found["who"]).group(0).lower() in _TIMES:  # "Tuesday's report"
        return None
    return found["who"]


@lru_cache(maxsize=8)  # asked for each figure of a sentence, one sentence after another
def _speech(sentence: str) -> tuple[re.Match[str] | None, list[int]]:
    """A sentence's "according to X", and where its speech verbs start."""
    quoted = _quotations(sentence) if ('"' in sentence or "“" in sentence or "”" in sentence) else []
    return _ACCORDING.search(sentence), [verb.start() for verb in _SPEECH_VERB.finditer(sentence) if _says(sentence, verb)
                                         and not any(start <= verb.start() < end for start, end in quoted)]


def _quotations(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence quotes someone: a speech verb there is the quoted words' ("Taylor has
    admitted …" inside a company's statement), not the sentence's. A closing mark with no opening
    one before it ends a quotation the sentence starts inside."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(sentence):
        char = mark.group(0)
        if char == "“" or (char == '"' and opened is None):
            opened = mark.end() if opened is None else opened
        elif opened is not None:
            spans.append((opened, mark.start()))
            opened = None
        elif char == "”" and not spans:
            spans.append((0, mark.start()))
    if opened is not None:
        spans.append((opened, len(sentence)))
    return spans


def _says(sentence: str, verb: re.Match[str]) -> bool:
    """Whether a speech word is a verb someone says something with."""
    if _NOT_SPEECH_BEFORE.search(sentence, max(0, verb.start() - 12), verb.start()):
        return False
    after = _NOT_SPEECH_AFTER.get(verb.group(0).removesuffix("s"))  # "puts" as "put"
    return not (after and after.match(sentence, verb.end()))


def resolve(who: str, position: int, sentence_start: int, mentions: Mentions,
            last: str | None = None) -> str | None:
    """Names for pronouns and short references, from the mentions before `position`: "he" is the
    first person named in the latest sentence naming one (its subject, usually); "it" is a place or
    organisation named earlier in the sentence, else `last`, the previous claimant."""
    who = _LEADING.sub("", who.strip(" \"“”'‘’").lstrip(".,;:!? "))
    for _ in range(3):  # "The institute has also": each trailing word in turn
        who, trimmed = _TRAILING.subn("", who)
        if not trimmed:
            break
    who = who.strip()
    words = who.split()
    if not words or len(words) > _MAX_WORDS:
        return None
    lower = who.lower()
    if lower in _PERSON_PRONOUNS:
        latest = bisect_left(mentions.people_starts, position)
        if not latest:
            return None
        sentence = mentions.people_sentences[latest - 1]
        return mentions.people[bisect_left(mentions.people_sentences, sentence, hi=latest)].name
    if lower in _THING_PRONOUNS:
        first = bisect_left(mentions.thing_starts, sentence_start)
        in_sentence = first < len(mentions.things) and mentions.things[first].start < position
        return mentions.things[first].name if in_sentence else last
    if re.search(r"\d", who) or words[0].lower() in _NOT_SUBJECTS:
        return None
    return _named(who, position, mentions) or who


def _named(who: str, position: int, mentions: Mentions) -> str | None:
    """A full name for "Mr Reznikov" or "the Foreign Ministry": the latest mention before `position`
    it ends like (a person's surname, or the end of an organisation's or place's name)."""
    key = fold(who)
    found: list[Mention] = []
    if len(key.split()) <= 2 and (surname := key.split()[-1:]):
        starts, people = mentions.by_surname.get(surname[0], ([], []))
        if latest := bisect_left(starts, position):
            found.append(people[latest - 1])
    if len(key) > 3:
        starts, things = mentions.by_ending.get(key[-4:], ([], []))
        latest = bisect_left(starts, position)
        for mention, name in reversed(things[max(0, latest - _LOOK_BACK):latest]):
            if name.endswith(key):
                found.append(mention)
                break
    return max(found, key=lambda m: m.start).name if found else None
