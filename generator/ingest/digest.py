"""A summary (the lead, one or two sentences) and 3-5 key points:
sentences of the article that together carry its distinct developments, each readable on its own.

Key points are picked one at a time, maximal-marginal-relevance style: the sentence with the
best news score plus what it adds (the share of its words neither the summary nor the points
already picked hold), less its likeness to a picked point (shared words, or standing next to it:
neighbouring sentences usually tell one development). So five casualty counts do not crowd out
the no-fly-zone call, the sanctions and the threat to a port. The news score favours reported
action ("said", "rejected", "on Tuesday"), figures and names, and disfavours background (past
years, "over the centuries"), quotes standing alone, sentences that lean on the one before and
sentences going on a paragraph (its first sentence tells its development, the rest add detail).
A sentence repeating the summary is never a point. A point's linking opening is trimmed ("But",
"As well as this,") and a leading "he"/"she" named from the sentences before it, so it stands alone.

The same openings tell where a paragraph of a text pasted as one line goes on (`continues`): a
sentence that leans on the one before stays in its paragraph; any other starts one.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import NamedTuple

from generator.text.gazetteer import given_names
from generator.text.sentences import split_sentences, starts_with_quote

# A pattern opening with a character class (or an alternation of single characters) lets the engine
# skip to the characters of that class; one opening with a look-ahead, \b or a look-behind is tried at
# every character. So the patterns below consume their first character, then look behind it for the
# word boundary before it and for which branch it opens.
_NUMBER = re.compile(r"[\dhtmb](?<=\b[\dhtmb])(?:(?<=\d)[\d,.]*\b|(?<=h)undreds\b|(?<=t)housands\b|(?<=m)illions\b|(?<=b)illions\b)")
# Words of reported action, news named as a noun (an attack, a ruling, a deal) and today's time:
# looked up in the set of a sentence's words, cheaper than an alternation scanning it each.
_ACTION = frozenset("""said says told tells announced estimated reported confirmed warned accused denied rejected
imposed expanded called urged agreed approved launched ruled dropped reopened arrested charged sentenced convicted
released freed fired resigned closed cut killed died confessed admitted ordered banned blocked declined decided found
offered refused welcomed criticized criticised demanded filed voted signed threatened seized struck attacked raided
quarantined evacuated deployed withdrew suspended investigating preparing plans will reiterated pledged vowed""".split())
_CALL_FOR = re.compile(r"\bcalls? for\b")
_EVENT = frozenset("""bombing bombed strike airstrike attack attacked shelling explosion blast crash fire siege raid
protest ban ruling verdict deal agreement sanctions talks ceasefire outbreak layoffs inquiry investigation""".split())
_WAR_CRIMES = re.compile(r"\bwar crimes\b", re.I)
_WHEN = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday today yesterday tonight".split())
# Capitalised words of an opening that name no one: "On Tuesday morning, he …".
_TIMES = _WHEN | frozenset("""January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split())
_WHEN_SPAN = re.compile(r"\b(?:this|last|next) (?:week|month)\b")
_LETTERS = re.compile(r"[A-Za-z]+")
# Background rather than news: history, a sentence set in a year long past ("in 2009", "since
# March 2012"); a year named in passing ("18 years after the 2001 attacks") does not make it one.
# The year is found first, then what stands before it: a case-blind alternation tried at every
# word would cost more.
_PAST_YEAR = re.compile(r"(?:1(?<=\b1)\d\d\d|2(?<=\b2)0(?:0\d|1[0-5]))\b")  # 1000-2015
_SET_IN = re.compile(r"\b(?:in|since|from|until|of)\s+(?:(?:early|late|mid-?|January|February|March|April|May|June|"
                     r"July|August|September|October|November|December)\s+)?$", re.I)
# A year compared with ("for the first time since 1993", "the highest level since 2008") is news
# measured against the past, not set in it.
_COMPARED = re.compile(r"\b(?:(?:first|last|only) time (?:since|in)|\w{2,}est(?: \w+){0,3} since)\s+(?:\w+\s+)?$", re.I)
_HISTORY = frozenset({"century", "centuries"})
_HISTORICALLY = re.compile(r"^Historically\b")  # "historically Republican districts" is no history
# Opening on the space, not a look-behind for it: the engine then skips to candidates.
_CAPITALISED = re.compile(r"\s([A-Z][a-z]+)")
# Words that tie a sentence to the one before: trimmed from a point's start ("But", "And, …", "As
# well as this,"); phrases only with their comma ("In addition, …", not "In addition to …").
_CONNECTIVE = re.compile(r"^(?:(?:but|and|yet|also),?\s+|(?:so|still|meanwhile|however|moreover|furthermore|"
                         r"in addition|additionally|as well as this|as well|besides|indeed|instead|then|"
                         r"at the same time|in turn|in sum|in short|all told),\s+)+", re.I)
# An opening that needs the sentence before it: a point so opening is taken only when nothing else is left.
# "This year, …", "That night …", "This past May …" say when, not what came before; "There are now
# 140 …" says what exists, and "It is unclear whether …", "It's also possible that …" hold their
# subject in the clause after: none points back. ("It is expected to close" does: "to" is left out.)
# "The decision by Swedish prosecutors …", "The ministry of defence …" say which: only "the decision"
# alone points back.
_DANGLING = re.compile(r"^(?!(?:this|that) (?:past |coming )?(?:year|week|month|morning|afternoon|evening|night|"
                       r"weekend|spring|summer|autumn|fall|winter|season|January|February|March|April|May|June|July|"
                       r"August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
                       r"Saturday|Sunday)\b"
                       r"|there(?:['’]s| is| are| was| were| will be| ha(?:s|ve|d) been)\b"
                       r"|it(?:['’]s| is| was| remains| seems| appears)(?: (?:also|not|still|now|too|very|far|highly))*"
                       r" (?:(?:im)?possible|(?:un)?likely|(?:un)?clear|(?:un)?known|(?:un)?certain|true|important|"
                       r"expected|believed|thought|understood|reported|estimated|feared|alleged|hoped|obvious|evident|"
                       r"apparent|doubtful) (?:that|whether|if|how|why|who)\b)"
                       r"(?:he|she|it|they|this|that|these|those|his|her|its|their|there|such|the (?:move|"
                       r"decision|figure|city|ministry|minister|company|group|agency|official)s?\b"
                       r"(?! (?:by|of|to|from|for) ))\b", re.I)
# "He …", or "he" after a short opening saying when or how ("Later that evening, he admitted …"):
# a point so opening names the person the sentences before are about in its place.
_LEAD = r"[A-Z][\w’'-]*(?: [\w’'-]+){0,5}, "
_PERSON = re.compile(rf"^(?P<lead>{_LEAD})?(?P<pronoun>(?i:he|she))(?=\s)")
_LEAD_PRONOUN = re.compile(rf"^{_LEAD}(?:he|she|they)\s")
_LEAD_CHARS = 100  # an opening of six words and its pronoun fit in these
# A pronoun first or after the first comma: few sentences pass, and the engine drops the others
# within the first comma's characters.
_MAY_BE_PERSON = re.compile(r"(?:he|she)\s|[^,]{1,%d}, (?:he|she)\s" % _LEAD_CHARS, re.I)
# "He added that …", "Mr Reznikov said": a speaker, then the verb, opening the sentence after a quote.
_ATTRIBUTION = re.compile(r"^(?:he|she|they|we|i|(?:mr|mrs|ms|dr)\.? [A-Z][\w'’-]+|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
                          r" (?:said|says|added|adds|told|asked|wrote|explained|continued|went on)\b", re.I)
# A quote its speaker is told of by a pronoun ("“It was terrifying,” she said."): the person followed
# goes on speaking, so a "he" or "she" after it is still that person.
_PRONOUN_SAID = re.compile(r"[”\"] (?:he|she) (?:said|says|added|adds|told|tells|explained|recalled|noted|wrote|continued)\b")
# Words telling who a quote is from ("…,” Maley said", "according to", "she tweeted").
_TOLD = re.compile(r"\b(?:said|says|say|told|tells|added|adds|asked|wrote|writes|tweeted|posted|noted|explained|"
                   r"continued|stated|warned|insisted|argued|recalled|according to)\b")
# "Moscow denies this.": a few words pointing back at the sentence before answer it.
_REPLY = re.compile(r"^(?:\S+ ){1,6}(?:this|that|it|so|them)\W*$", re.I)
# "This comes as China has denounced …", "Their release came hours after the government freed …",
# "This comes less than a week after Bloomberg reported …":
# the frame ties the news to the sentence before; what follows "as"/"after" is the news itself.
_FRAME = re.compile(r"^(?:it|this|that|(?:their|his|her|its) \w+) (?:comes?|came) (?:(?:just|only) )?"
                    r"(?:(?:less|more) than )?(?:(?:a|an|one|two|three|four|five|six|\d+) )?(?:(?:hours?|days?|weeks?|months?) )?"
                    r"(?:as|after) ", re.I)
# A clause, not a noun phrase, follows the frame: a finite verb within its first words, not one of
# a relative clause ("after an attack that killed nine").
_FINITE = re.compile(r"(?:(?!that |which |who )\S+ ){0,6}?(?:is|are|was|were|has|have|had|will|said|says|\w+ed)\b")
# Who a later "he" or "she" is: a person a sentence opens with as its subject, a name (a title and
# surname, or two or three capitalised words) and maybe a clause between commas, then a lowercase
# word, its verb ("Oleksii Reznikov said …", "Mr Reznikov, who …, told …", "Assange has denied …").
# A lone capitalised word is a person only as the surname of a full name seen before ("Persson"
# after "Eva-Marie Persson"): "Russia has …" names nobody.
_SUBJECT = re.compile(r"^((?:(?:Mr|Mrs|Ms|Dr)\.? )?[A-Z][\w-]+(?:[ ’'][A-Z][\w-]+){0,2})(?:,[^,]{1,100}(?:,[^,]{1,100})?,)? "
                      r"(?:(?P<speech>said|says|told|tells|added|warned|denied|announced|accused|called)\b|[a-z])")
# A person's possessive opening a sentence: a title and a name, or a full name ("Mr. Trump’s …").
_OWNER = re.compile(r"^((?:(?:Mr|Mrs|Ms|Dr)\.? )?[A-Z][\w-]+(?: [A-Z][\w-]+){0,2})[’']s ")
# A full name set off by commas after a role opening the sentence: its subject ("Veteran actress,
# Kate Henshaw, who …"; not after "According to his aunt,"); or a full name speaking inside it
# ("While …, team head Jennifer Ngo-Anh says").
_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)? (?:[A-Z]\. )?[A-Z][\w’'-]+"
_APPOSED = re.compile(rf"^[^,]{{1,60}}, ({_NAME}),")
# A full name after a title of capitalised words opening the sentence, then its verb: the person is
# its subject ("Interim BART Police Chief Ed Alvarez told …", "U.S. Defense Secretary Mark Esper on
# Wednesday accused …").
_TITLED = re.compile(rf"^(?:[A-Z][\w.’'&-]* ){{1,5}}?({_NAME})(?:,[^,]{{1,100}},)? [a-z]")
_THREE_CAPITALISED = re.compile(r"[A-Z]\S* [A-Z]\S* [A-Z]")  # what _TITLED needs first: most sentences fail it at once
_SPEAKING = re.compile(rf"\b({_NAME})(?:,[^,]{{1,100}},)? (?:said|says|told|tells|added|explained|noted|warned)\b")
_SAID_BY = re.compile(rf"\b(?:said|says|added|explained|noted|warned) ({_NAME})\b")  # "“…,” said Brent Sherwood, …"
# A full name: a given name (the gazetteer's), maybe an initial, then one or two capitalised words;
# matched at each capitalised word, so a title before it ("Police Chief Ed Alvarez") does not hide it.
_FULL_NAME = re.compile(r"\b(?=([A-Z][a-z]+)(?:-[A-Z][a-z]+)?(?: [A-Z]\.)?((?: [A-Z][a-z][\w’'-]*?){1,2})(?![\w’'-]))")
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
_NOT_NAMES = re.compile(r"\b(?:Services|Department|Ministry|Office|Agency|Council|Commission|Association|"
                        r"University|Police|Party|News|Times|Post|Government|Court|Union|Nations|States|House|"
                        r"Group|Company|Bank|Authority|Organization|Organisation|Forces|Army|Committee)\b")
# Capitalised words that open sentences without naming anyone.
_NOT_FIRST = set("""The A An In On At As After Before But And Or So Yet If When While Since Although Though This
That These Those There Here It Its They Their We Our You Your I My He She His Her Some Many Most All Both Each
Other Others Another One Two Three Several Such Last Next Earlier Later Meanwhile However Still Now Then Also
Even Only According Despite Under Over For From With Without Among Between During Until About Following
Police Officials
Authorities Prosecutors Officers Doctors Researchers Scientists Analysts Experts""".split())
_PROSE = re.compile(r"^[^(—–-].*[.!”\"’]$")  # headings, time stamps and related stories' titles end otherwise
_CONTENT = re.compile(r"[A-Za-z\d](?:(?<=[A-Za-z])[a-z'’]{3,}|(?<=[A-Z])[A-Z]+|(?<=\d)[\d,.]*)")
_STOP = set("""that this with from have were will would could their there which about after into they them
been said says also than when what while where other over more most only some such then these those told
year years week weeks month months time""".split())
# A capitalised place ("KYIV", "ST. JOSEPH, Mich.", "DUBAI, United Arab Emirates"), maybe an
# agency in brackets, then a dash.
_DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,3})?"
                       r"(?: \([A-Z][\w .]*\))? ?[—–-]+ (?=[A-Z“\"])")
_SUMMARY_MIN = 140
# Points: up to five, what an editor keeps of an article however long; three at least, and fewer
# than five only where what is left leans on other sentences or says little.
_POINTS = 5
_MIN_POINTS = 3
_MIN_WORDS = 6
# Sentences after the summary a point is chosen from: enough for a long feature's later sections,
# and the work (each candidate weighed against each point) stays bounded however long the article.
_CONSIDERED = 150
# What coming later costs, at the article's end: news puts what matters first, but a long article's
# later sections carry developments as a short one's later sentences do, so the cost is of the
# share of the article read before the sentence, not of its count (counted as of _SHORT sentences
# at least, so a short article's last sentence is not held back as a long one's).
_LATER = 1.0
_SHORT = 20
# What going on a paragraph costs a sentence: a news paragraph tells one development, its first
# sentence telling it and the ones after adding detail, a quote or colour.
_GOES_ON = 1.0
_LOOK_BACK = 3  # sentences back a "he" may name someone from: further back, who it is is unsure
_REPEATS = 0.5  # a sentence sharing this much of its words with the summary repeats it
_NOVELTY = 2.0  # what a point's share of new words is worth against its score
_LIKENESS = 2.0  # what its likeness to a chosen point costs
_NEAR = {1: 0.5, 2: 0.25}  # likeness of sentences so many apart


class _Candidate(NamedTuple):
    index: int
    point: str
    score: float


def summarise(sentences: list[str]) -> str:
    """The lead sentence, and the next one too when the lead is short; without a dateline
    ("KYIV (Reuters) -", "SANTA FE, N.M. (AP) —"): where the story was filed is not its news."""
    return _DATELINE.sub("", " ".join(sentences[:lead_length(sentences)]), count=1)


def lead_length(sentences: list[str]) -> int:
    """How many sentences the summary takes: the key points start after them. Counted here, not
    read back from the summary's stops, which abbreviations ("U.S. Rep.", "Oct. 25") also make."""
    if not sentences:
        return 0
    short = len(sentences[0]) < _SUMMARY_MIN and len(sentences) > 1 and not starts_with_quote(sentences[1])
    return 2 if short else 1


def key_points(sentences: list[str], skip: int, starts: Collection[int] | None = None) -> list[str]:
    """Three to five sentences after the first `skip` (the summary's), in article order, standing alone.
    `starts`: the indices of the sentences opening a paragraph (paragraph_starts); without them,
    each sentence is taken as a paragraph of its own."""
    summary = _words(" ".join(sentences[:skip]))
    # Best score first: a point's gain is at most its score and _NOVELTY, so a round stops reading
    # at the first candidate that cannot beat the best gain found, and the words of most
    # candidates of a long article are never counted.
    candidates = sorted(_candidates(sentences, skip, starts), key=lambda c: (-c.score, c.index))
    words: dict[int, frozenset[str]] = {}
    chosen: list[_Candidate] = []
    alike: dict[int, tuple[float, int]] = {}  # a candidate's likeness to the points, and how many it was weighed against
    said = set(summary)
    while len(chosen) < _POINTS:
        best, best_gain = None, 0.0
        for candidate in candidates:
            if best is not None and candidate.score + _NOVELTY < best_gain:
                break
            if candidate.index not in words:
                words[candidate.index] = _words(candidate.point)
            if summary and _overlap(words[candidate.index], summary) >= _REPEATS:
                continue  # it repeats the summary
            gain = _gain(candidate, words, said, chosen, alike)
            if best is None or gain > best_gain or gain == best_gain and candidate.index < best.index:
                best, best_gain = candidate, gain
        if best is None or len(chosen) >= _MIN_POINTS and (best_gain < 0 or _leans(best.point)):
            break  # what is left leans on other sentences or says little: three points are enough
        chosen.append(best)
        candidates.remove(best)
        said |= words[best.index]
    return [c.point for c in sorted(chosen)]


def _candidates(sentences: list[str], skip: int, starts: Collection[int] | None = None) -> list[_Candidate]:
    """The sentences weighed as points, each as it would read standing alone, with its news score."""
    window = [_unbracketed(s) for s in sentences[:skip + _CONSIDERED]]
    trimmed = [_CONNECTIVE.sub("", s).strip() for s in window]
    # The summary's dateline ("HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper …") hides who it opens with.
    trimmed[:skip] = [_DATELINE.sub("", s, count=1) for s in trimmed[:skip]]
    # Who a "he" is matters only to a point opening so: it is worked out as far as the last of them.
    openings = [index for index in range(skip, len(window)) if _MAY_BE_PERSON.match(trimmed[index])
                and _person(trimmed[index])]
    subjects = _subjects(trimmed[:openings[-1]]) if openings else []
    candidates = []
    for index, sentence in enumerate(window):
        if index < skip or not _PROSE.search(sentence) or len(sentence.split()) < _MIN_WORDS:
            continue  # a question, a heading, a time stamp, a related story's title
        point = _standalone(trimmed[index], subjects[index - 1] if 0 < index <= len(subjects) else None)
        goes_on = starts is not None and index not in starts
        later = _LATER * index / max(_SHORT, len(sentences))
        candidates.append(_Candidate(index, point, _score(point) - later - (_GOES_ON if goes_on else 0.0)))
    return candidates


def left_out(sentences: list[str], skip: int, index: int) -> str:
    """Why the sentence at `index`, which gave no key point, gave none, in the rules' terms: so the
    claims devset's report (bench/claims_eval.py) says which kind of miss to fix, not only how many."""
    if index < skip:
        return "in the summary's sentences"
    candidate = next((c for c in _candidates(sentences, skip) if c.index == index), None)
    if candidate is None:
        return "past the sentences weighed" if index >= skip + _CONSIDERED else "not prose, or too short"
    summary = _words(" ".join(sentences[:skip]))
    if summary and _overlap(_words(candidate.point), summary) >= _REPEATS:
        return "repeats the summary"
    if _leans(candidate.point):
        return "leans on the sentence before"
    if starts_with_quote(candidate.point):
        return "a quote"
    return "outranked"


def _unbracketed(sentence: str) -> str:
    """A sentence the article sets wholly in brackets, without them: an aside in the article's
    flow ("(Alden on Tuesday announced …)") may be news of its own, and a point needs no brackets."""
    if sentence[:1] == "(" and sentence[-1:] == ")" and sentence.find(")") == len(sentence) - 1:
        return sentence[1:-1].strip()
    return sentence


def _gain(candidate: _Candidate, words: dict[int, frozenset[str]], said: set[str], chosen: list[_Candidate],
          alike: dict[int, tuple[float, int]]) -> float:
    """What choosing the candidate adds: its score, the share of its words not yet said, less its
    likeness to the point it is most like (kept in `alike` and weighed only against the points
    chosen since: a long article's later rounds cost no more than its first)."""
    own = words[candidate.index]
    novelty = len(own - said) / len(own) if own else 0.0
    likeness, weighed = alike.get(candidate.index, (0.0, 0))
    for point in chosen[weighed:]:
        likeness = max(likeness, _likeness(candidate, own, point, words[point.index]))
    alike[candidate.index] = likeness, len(chosen)
    return candidate.score + _NOVELTY * novelty - _LIKENESS * likeness


def _likeness(candidate: _Candidate, own: frozenset[str], point: _Candidate, its: frozenset[str]) -> float:
    shared = len(own & its) / len(own | its) if its else 0.0
    return max(shared, _NEAR.get(abs(candidate.index - point.index), 0.0))


def _subjects(sentences: list[str]) -> list[str | None]:
    """For each sentence (its linking opening trimmed), the person it is about as far as a "he" or
    "she" after it goes: the person it opens with, or, when it opens with "he"/"she" itself or
    quotes "he"/"she" saying, the one before it; forgotten after _LOOK_BACK sentences naming nobody."""
    surnames: set[str] = set()
    found: list[str | None] = []
    current, age = None, 0
    for sentence in sentences:
        surnames.update(_surnames(sentence))
        name = _person_subject(sentence, surnames) or _introduced(sentence, following=current is not None)
        if name:
            current, age = name, 0
        elif not (_MAY_BE_PERSON.match(sentence) and _person(sentence) or _PRONOUN_SAID.search(sentence)):
            age += 1
            if age >= _LOOK_BACK:
                current = None
        found.append(current)
    return found


def _surnames(sentence: str) -> list[str]:
    """The surname of each full name: its last word that is no suffix ("Patrick W. Carlineo Jr." -> "Carlineo")."""
    given = given_names()
    return [[word for word in m.group(2).split() if word not in _SUFFIXES][-1]
            for m in _FULL_NAME.finditer(sentence) if m.group(1).lower() in given and m.group(2).split()[0] not in _SUFFIXES]


def _person_subject(sentence: str, surnames: set[str]) -> str | None:
    """The person the sentence opens with: a title and a name, a full name, or a known surname; or
    a full name after a title of capitalised words."""
    if (owner := _OWNER.match(sentence)) and not _NOT_NAMES.search(owner.group(1)) and owner.group(1).split()[0] not in _NOT_FIRST:
        words = owner.group(1).split()  # "Mr. Trump’s theatrical embrace …": the sentence is about him
        titled = words[0].rstrip(".") in ("Mr", "Mrs", "Ms", "Dr")
        return owner.group(1) if (titled and len(words) > 1) or (len(words) > 1 and words[-1] in surnames) else None
    match = _SUBJECT.match(sentence)
    if not match or _NOT_NAMES.search(match.group(1)):
        titled = _THREE_CAPITALISED.match(sentence) and sentence.split(" ", 1)[0] not in _NOT_FIRST
        return _named_subject(sentence, _TITLED) if titled else None
    words = match.group(1).split()
    if words[0] in _NOT_FIRST or "’" in match.group(1) or "'" in match.group(1):
        return None  # "The …", "Russia’s president": not a name alone
    titled = words[0].rstrip(".") in ("Mr", "Mrs", "Ms", "Dr")
    speaking = bool(match["speech"]) and len(words) > 1  # "Oleksii Reznikov said": a name the census lacks
    return match.group(1) if titled or speaking or words[-1] in surnames else None


def _introduced(sentence: str, following: bool) -> str | None:
    """A person the sentence names without opening with them: set off after a role that opens it
    (not after "According to his aunt,"), or speaking inside it, when no one else is being followed:
    the speaker of a clause is less surely who a "he" after it is than the sentence's subject."""
    if sentence.split(" ", 1)[0] not in _NOT_FIRST and (name := _named_subject(sentence, _APPOSED)):
        return name
    return None if following else _named_subject(sentence, _SPEAKING) or _named_subject(sentence, _SAID_BY)


def _named_subject(sentence: str, pattern: re.Pattern[str]) -> str | None:
    """The one full name (its given name the census's) the pattern finds in the sentence, if one."""
    given = given_names()
    found = {m.group(1) for m in pattern.finditer(sentence) if m.group(1).split()[0].split("-")[0].lower() in given}
    return found.pop() if len(found) == 1 else None


def _standalone(trimmed: str, subject: str | None) -> str:
    """The sentence, its linking opening trimmed ("As well as this, it said …" -> "it said …"), as a
    point: capitalised, "he" or "she" opening it named as `subject`, the person the sentences
    before are about, and a frame tying it to them dropped ("This comes as China …" -> "China …")."""
    if (pronoun := _person(trimmed)) and subject and not _names_in(pronoun["lead"]):
        return trimmed[:pronoun.start("pronoun")] + subject + trimmed[pronoun.end():]
    if (frame := _FRAME.match(trimmed)) and _FINITE.match(trimmed, frame.end()):
        trimmed = trimmed[frame.end():]
    return trimmed[:1].upper() + trimmed[1:]


def _score(sentence: str) -> float:
    words = set(_LETTERS.findall(sentence))
    lower = set(map(str.lower, words))
    score = min(len(_NUMBER.findall(sentence)), 2) * 1.0
    acts = not words.isdisjoint(_ACTION) or ("call" in words or "calls" in words) and bool(_CALL_FOR.search(sentence))
    score += 1.0 if acts else 0.0
    when = not words.isdisjoint(_WHEN) or ("week" in words or "month" in words) and bool(_WHEN_SPAN.search(sentence))
    score += 2.0 if when else 0.0  # today's news, not background
    event = not lower.isdisjoint(_EVENT) or ("war" in lower and "crimes" in lower) and bool(_WAR_CRIMES.search(sentence))
    score += 1.0 if event else 0.0
    score += min(len(set(_CAPITALISED.findall(sentence))), 4) * 0.5
    score -= 3.0 if _background(sentence, lower) else 0.0
    score -= 2.0 if starts_with_quote(sentence) or sentence.count("“") + sentence.count('"') > 2 else 0.0
    score -= 2.5 if len(sentence) > 400 else 1.0 if len(sentence) > 280 or len(sentence) < 50 else 0.0
    score -= 4.0 if _leans(sentence) else 0.0
    return score


def _leans(point: str) -> bool:
    """Whether the point still needs the sentence before it: its opening points back, a pronoun
    after a short opening stands for nobody named, or it is a quote with no word of who said it
    (the speaker is in the sentence before: "“It was down for four straight years …”")."""
    return bool(_DANGLING.match(point)) or _leans_after_lead(point) or starts_with_quote(point) and not _TOLD.search(point)


def _names_in(lead: str | None) -> bool:
    """Whether an opening names someone a pronoun after it may stand for ("When Carlineo was
    approached, he …"): a capitalised word after its first."""
    return bool(lead) and any(word[:1].isupper() and word.strip(",") not in _TIMES for word in lead.split()[1:])


def _person(sentence: str) -> re.Match[str] | None:
    """_PERSON's match, tried only where the cheaper _MAY_BE_PERSON finds a pronoun early on."""
    return _PERSON.match(sentence) if _MAY_BE_PERSON.match(sentence) else None


def _leans_after_lead(sentence: str) -> bool:
    """"Suddenly, they found her …": a pronoun nobody was found for, after a short opening naming nobody."""
    head = sentence[:_LEAD_CHARS]
    if ", he " not in head and ", she " not in head and ", they " not in head:
        return False
    return bool(_LEAD_PRONOUN.match(sentence)) and not _names_in(sentence[:sentence.find(",")])


def _background(sentence: str, lower: set[str]) -> bool:
    if not lower.isdisjoint(_HISTORY) or _HISTORICALLY.match(sentence):
        return True
    return any(_SET_IN.search(sentence, max(0, year.start() - 30), year.start())
               and not _COMPARED.search(sentence, max(0, year.start() - 40), year.start())
               for year in _PAST_YEAR.finditer(sentence))


def _words(text: str) -> frozenset[str]:
    """Content words, plurals folded, and "#" for a sentence of figures: figures are one topic."""
    found = _CONTENT.findall(text)
    words = {lower.rstrip("s") for w in found if (lower := w.lower()) not in _STOP}
    return frozenset(words | ({"#"} if sum(w[0].isdigit() for w in found) >= 2 else set()))


def _overlap(words: frozenset[str], other: frozenset[str]) -> float:
    return len(words & other) / len(words) if words else 0.0


def continues(sentence: str, previous: str) -> bool:
    """Whether a sentence of a text that lost its breaks belongs in the paragraph of the one before:
    it leans on it (opens "He", "This", "But …": what a key point trims or names), goes on with its
    quote, names the speaker of a quote left unattributed, or answers it in a few words ("Moscow
    denies this."). Anything else opens a paragraph: news paragraphs are one development each, and
    how long the paragraph so far is says nothing of where the next starts."""
    if starts_with_quote(sentence):
        return starts_with_quote(previous)
    if starts_with_quote(previous) and previous.rstrip().endswith(("”", '"', "’")) and _ATTRIBUTION.match(sentence):
        return True
    return bool(_REPLY.match(sentence) or _DANGLING.match(sentence) or _CONNECTIVE.match(sentence))


def sentences_of(paragraphs: list[str]) -> list[str]:
    return [s for each in paragraph_sentences(paragraphs) for s in each]


def paragraph_sentences(paragraphs: list[str]) -> list[list[str]]:
    """Each paragraph's sentences; headings and list items ("#", "- ") give none."""
    return [split_sentences(p) for p in paragraphs if not p.startswith(("#", "- "))]


def paragraph_starts(split: list[list[str]]) -> frozenset[int]:
    """The indices, among all the sentences of `split` (paragraph_sentences) in order, of those opening a paragraph."""
    starts, at = set(), 0
    for each in split:
        if each:
            starts.add(at)
        at += len(each)
    return frozenset(starts)
