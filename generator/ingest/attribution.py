"""Who says something in a sentence: the subject of "said", "estimated", "according to" and the like,
with pronouns and short references ("he", "it", "Mr Reznikov", "the ministry") resolved to the
names mentioned before them."""

from __future__ import annotations

import re

from generator.ingest.entities import Mention, fold

SPEECH = (r"(?:said|says|say|told|tells|estimated|estimates|announced|announces|reported|reports|claimed|"
          r"claims|stated|states|added|warned|confirmed|confirms|insisted|acknowledged|admitted|believes|"
          r"believed|put|puts|noted)")
_SPEECH_VERB = re.compile(rf"\b{SPEECH}\b")
_ACCORDING = re.compile(r"\baccording to (?:the )?(?P<who>[^,.;:()—–]{2,80})", re.I)
# A clause starts after these; the subject of a speech verb lies between one and the verb.
_CLAUSE = re.compile(r"(?:^|[,;:—–(]|\b(?:that|when|as|and|but|while|after|which|who|where)\b)\s*", re.I)
_LEADING = re.compile(r"^(?:but|and|so|yet|however|meanwhile|also|the)\s+", re.I)
_TRAILING = re.compile(r"\s+(?:has|have|had|also|previously|earlier|later|on \w+|last \w+|this \w+)$", re.I)
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_THING_PRONOUNS = {"it", "they"}
_MAX_WORDS = 8
_NOT_SUBJECTS = {"there", "this", "that", "these", "those", "which", "what", "who", "where", "here", "such", "a", "an"}


def claimant_before(sentence: str, position: int, offset: int, mentions: list[Mention],
                    last: str | None = None) -> str | None:
    """Who says what lies at `position` of the sentence: "according to X", or the subject of the last
    speech verb before it, or of the first one after it. `offset` is the sentence's start in the text."""
    according = _ACCORDING.search(sentence)
    if according:
        return resolve(according.group("who"), offset + according.start(), offset, mentions, last)
    verbs = list(_SPEECH_VERB.finditer(sentence))
    before = [v for v in verbs if v.start() < position]
    verb = before[-1] if before else (verbs[0] if verbs else None)
    if verb is None:
        return None
    head = sentence[:verb.start()].rstrip()
    starts = [m.end() for m in _CLAUSE.finditer(head)]
    return resolve(head[starts[-1]:] if starts else head, offset + verb.start(), offset, mentions, last)


def resolve(who: str, position: int, sentence_start: int, mentions: list[Mention],
            last: str | None = None) -> str | None:
    """Names for pronouns and short references, from the mentions before `position`: "he" is the
    first person named in the latest sentence naming one (its subject, usually); "it" is a place or
    organisation named earlier in the sentence, else `last`, the previous claimant."""
    who = _TRAILING.sub("", _LEADING.sub("", who.strip(" \"“”'‘’"))).strip()
    words = who.split()
    if not words or len(words) > _MAX_WORDS:
        return None
    earlier = [m for m in mentions if m.start < position]
    lower = who.lower()
    if lower in _PERSON_PRONOUNS:
        people = [m for m in earlier if m.kind == "people"]
        return next((m.name for m in people if m.sentence == people[-1].sentence), None) if people else None
    if lower in _THING_PRONOUNS:
        in_sentence = [m for m in earlier if m.start >= sentence_start and m.kind != "people"]
        return in_sentence[0].name if in_sentence else last
    if re.search(r"\d", who) or words[0].lower() in _NOT_SUBJECTS:
        return None
    return _named(who, earlier) or who


def _named(who: str, earlier: list[Mention]) -> str | None:
    """A full name for "Mr Reznikov" or "the Foreign Ministry": the mention it ends like."""
    key = fold(who)
    for mention in reversed(earlier):
        name = fold(mention.name)
        if mention.kind == "people" and key.split()[-1:] == name.split()[-1:] and len(key.split()) <= 2:
            return mention.name
        if mention.kind != "people" and name.endswith(key) and len(key) > 3:
            return mention.name
    return None
