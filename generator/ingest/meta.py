"""Title, outlet and author of an article, from what it declares or by rules over its text."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.ingest.article import Link
from generator.ingest.boilerplate import MAILINGS
from generator.text.gazetteer import LARGE_CITY, cities, countries, given_names, us_state_abbreviations

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WHEN = re.compile(
    rf",?\s+(?:(?:late|early) )?(?:on|last|this) (?:{_WEEKDAY}|{_MONTH} \d{{1,2}})(?: (?:morning|afternoon|evening|night))?"
    rf"|,?\s+(?:yesterday|today|on {_MONTH} \d{{1,2}}(?:, \d{{4}})?)"
)
_SUBORDINATE = re.compile(r"\s+(?:as|since|while|after|before|because|when|although|amid|despite|—|–)\s|,\s+(?:which|who|saying|adding|according)\b|;")
_ATTRIBUTION = re.compile(
    r"^(?P<who>[A-Z][^,;]{2,60}?) (?P<verb>said|says|estimated|estimates|announced|claimed|reported|warned|confirmed|stated|argued|insisted"
    r"|told (?:reporters|journalists))(?: that)? (?P<what>.{12,})$"
)
_PRESENT = {"said": "says", "estimated": "estimates", "announced": "announces", "claimed": "claims",
            "reported": "reports", "warned": "warns", "confirmed": "confirms", "stated": "states",
            "argued": "argues", "insisted": "insists", "showed": "shows", "told reporters": "says",
            "told journalists": "says"}
# What comes before the news in a lead: a dateline ("KYIV, Ukraine (AP) — "), or a time, place or
# source phrase set off by a comma ("On Tuesday, ", "Since July, ", "In a statement, ").
_LEAD_IN = re.compile(
    r"^(?:[A-Z][A-Z .'’-]+(?:, [A-Z][\w .'’-]+)?(?: \([\w .]+\))? ?[—–-]+ )?"
    r"(?:(?:On|In|Since|Earlier|Later|Last|This|Late|Early|Overnight|Meanwhile)\b[^,]{0,40}, )?"
)
# Credit at the end of a lead: "…, the agriculture ministry said", "…, figures published this week showed".
_CREDIT_AFTER = re.compile(
    r",\s+(?P<who>[\w'’.&-]+(?: [\w'’.&-]+){0,6}) (?P<verb>said|says|estimated|announced|claimed|reported|warned"
    r"|confirmed|stated|showed|show|shows)$"
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "this", "that"}
# Plural heads of a subject, for the verb of a title in the present: "Officials in Kyiv say",
# "The talks have stalled". A lowercase noun in -s is plural unless listed below; a capitalised
# one (a name, or a noun opening the sentence) only when it is in the first list.
_PLURAL_NOUNS = set("""
activists analysts authorities campaigners citizens critics diplomats doctors economists experts
families farmers forces investigators investors journalists lawmakers leaders medics militants
ministers negotiators observers officers officials people police prosecutors protesters rebels
reporters rescuers researchers residents scientists soldiers sources talks troops voters witnesses
workers""".split())
_SINGULAR_IN_S = {"news", "gas", "series", "species", "means", "politics", "economics", "physics", "chaos"}
_HEAD_ENDS = re.compile(r" (?:in|at|of|from|for|with|on|near|close to|\w+ed) ")  # where a speaker's noun phrase ends
_TRAILING_PHRASE = re.compile(r"\s+(?:in|of|during|at|for|over|across|into|from|to)\s[^,]*$")
_TITLE_MAX = 100
_TITLE_TARGET = 80
_LEAD_MAX = 600  # a lead is cut here before the rules run: past it no title is made from it anyway
_HEADLINE_WORDS = 30
_HEADLINE_CHARS = 250
_HEADLINE_END = re.compile(r"(?:[^.,;:]|\.\.\.|…)$")  # ends as a headline: not at a full stop

_SELF_REFERENCE = re.compile(
    r"\b((?:The )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}) (?:has|have|had) (?:contacted|reached out to|approached|asked)\b[^.]{0,120}?\bfor (?:comment|a response|a statement)"
)
_ASKED_FOR = re.compile(r"for (?:comment|a response|a statement)")  # how _SELF_REFERENCE ends: a quick test first
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu"}


def headline(lead: str) -> str:
    """A headline-style title from a plain-text lead sentence, at most about 100 characters.

    "X said on Wednesday that Y had been killed since Z" -> "Y killed, X says";
    "On Tuesday, Y was approved, officials said" -> "Y approved, officials say".
    """
    text = _LEAD_IN.sub("", _WHEN.sub("", lead.strip()[:_LEAD_MAX].rstrip(".")))
    text = text[:1].upper() + text[1:]
    credit = _CREDIT_AFTER.search(text)
    if credit:
        text = text[:credit.start()]
    clause = _SUBORDINATE.split(text, maxsplit=1)[0].strip()
    if len(clause.split()) >= 4:
        text = clause
    if not credit and (credit := _ATTRIBUTION.match(text)):
        text = credit["what"]
    what = _simplify_tense(text)
    if credit and credit["who"].split()[0].lower() not in _PRONOUNS:
        who = _credited(credit["who"], credit["verb"])
        if len(what) + len(who) > _TITLE_TARGET:
            what = _TRAILING_PHRASE.sub("", what) or what
        what += who
    what = what.strip(" ,.;:")
    return _shorten(what[:1].upper() + what[1:])


def pasted_headline(paragraphs: list[str]) -> str | None:
    """The first paragraph, when it is a headline pasted on a line of its own above the article.

    A headline is short, does not end at a full stop, comma or colon, and the article follows it
    with more words than it has; a lead sentence ends at a full stop.
    """
    if len(paragraphs) < 2:
        return None
    first = paragraphs[0].strip()
    words = first.split()
    ending = first.rstrip("\"”’)]*_ ")  # “…said.” ends at its full stop
    if not words or len(words) > _HEADLINE_WORDS or len(first) > _HEADLINE_CHARS or not _HEADLINE_END.search(ending):
        return None
    rest = sum(len(p.split()) for p in paragraphs[1:6])
    return first if rest > len(words) and first[:1] not in "-#*" else None


def _credited(who: str, verb: str) -> str:
    """", officials in Lviv say": who, and the verb in the present, agreeing with its head noun."""
    first = who.split()[0]
    if first.lower() in _PLURAL_NOUNS | {"the", "a"}:  # capitalised only as the sentence's first word
        who = first.lower() + who[len(first):]
    phrase = _HEAD_ENDS.split(who, maxsplit=1)[0].split()  # "officials" of "officials in Lviv"
    plural = _plural(phrase[-1]) or phrase[0] in _PLURAL_NOUNS  # "people familiar with the matter"
    present = _PRESENT.get(verb, verb if verb.endswith("s") else verb + "s")  # "says", "show"
    return f", {who} {present[:-1] if plural else present}"


def _simplify_tense(text: str) -> str:
    text = re.sub(r"\b(?:had|have|has) been (\w+ed)\b|\b(?:was|were) (\w+ed)\b", lambda found: found[1] or found[2], text)
    # The lookbehind starts a match only at a word's start: without it a long word is tried from
    # each of its characters, each try running to its end (quadratic).
    return re.sub(r"(?<![\w'’-])([\w'’-]+) had (?=\w)", lambda found: f"{found[1]} {'have' if _plural(found[1]) else 'has'} ", text)


def _plural(head: str) -> bool:
    """Whether a subject headed by this noun takes a plural verb: "talks", "officials", "police"; not
    "crisis", "news", "Russia", "Paris", "Williams"."""
    lower = head.lower()
    if lower in _PLURAL_NOUNS:
        return True
    return head == lower and lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and lower not in _SINGULAR_IN_S


def _shorten(text: str) -> str:
    if len(text) <= _TITLE_MAX:
        return text
    cut = text[: _TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


# --- outlet and authors of a pasted article ------------------------------------------------------
# Each clue a reader uses names a writer, an outlet or both; the outlet is the one the clues agree
# on, weighed by how surely each kind names the publisher rather than a source it cites.

# An outlet's name as pasted: words capitalised, or brands written in lower case with a digit or
# capital inside ("my6sense", "iMore"), with dots inside ("Space.com") but never at the end, joined
# by the odd "of", "&" or "and".
_OUTLET_WORD = r"(?:[A-Z0-9]|[a-z]+(?=[\w]*[A-Z0-9]))[\w&'’/+-]*(?:\.[\w&'’/+-]+)*"
# A capitalised word a determiner follows opens a clause, and ends no name: "… on my6sense Get the app".
_CLAUSE_OPENS = r" (?:the|a|an|this|these|our|your|my|up)\b"
_OUTLET_NAME = rf"(?:[Tt]he )?{_OUTLET_WORD}(?: (?:{_OUTLET_WORD}(?!{_CLAUSE_OPENS})|of|de|del|and|&|on|am)){{0,5}}"
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]+)"  # a full stop only after an initial: "J. Abrams. Abrams" is two sentences
_PERSON = rf"{_NAME_WORD}(?: (?:{_NAME_WORD}|de|da|van|von|der|bin|al|el|le|la|di|du)){{1,3}}"
# A list ends at "and": in "By A, OUTLET" the comma sets off the outlet, in "By A, B and C" a writer.
_PEOPLE = rf"{_PERSON}(?:(?:, {_PERSON})*,? (?:and|AND|&) {_PERSON})?"
_JOB = (r"(?:[\w-]+ ){0,3}?(?i:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer"
        r"|critic|analyst|photographer|intern|fellow)s?")
_END = r"(?=[.,;:!?)]*(?:\s|$))"
# Bylines: "By A and B", "BY A, OUTLET", "Written by A | OUTLET". Never "Reporting by" or "Photo by".
_BYLINE_FORM = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?] ))\W*(?:By|BY|Written by|Words by|Story by|Text by|Analysis by|Opinion by)\s+"
    rf"(?P<people>{_PEOPLE})(?:\s*[|,–—-]\s*(?P<outlet>{_OUTLET_NAME}){_END}|(?=\s*(?:[|,–—-]|\n|$)|\s+[A-Z]))"
)
# Bios: "A is a reporter at OUTLET", "A covers X for OUTLET", "A is OUTLET's Y correspondent",
# "About the writer: A is a OUTLET reporter".
_BIO_FORMS = [
    re.compile(rf"(?P<people>{_PERSON}) (?:is|was) (?:a|an|the) {_JOB} (?:at|for|with) (?P<outlet>{_OUTLET_NAME}){_END}"),
    re.compile(rf"(?P<people>{_PERSON}) (?:covers|writes about|reports on|writes on|has covered|reports) [^.]{{1,60}}? "
               rf"(?:for|at) (?P<outlet>{_OUTLET_NAME}){_END}"),
    re.compile(rf"(?P<people>{_PERSON}) (?:is|was) (?:a |an |the )?(?P<outlet>{_OUTLET_NAME})['’]s? {_JOB}\b"),
    re.compile(rf"(?P<people>{_PERSON}) (?:is|was) (?:a|an) (?P<outlet>{_OUTLET_NAME}) {_JOB}\b"),
]
_ABOUT_WRITER = re.compile(rf"\babout the (?:writer|author|reporter)s?\W+(?P<people>{_PERSON}) (?:is|was|has|covers|writes)\b", re.I)
# Lines by which a page names itself: "© 2019 OUTLET", "This article originally appeared on OUTLET",
# and its offers: "Download the OUTLET app", "Enjoy unlimited access to OUTLET for just $1 a week",
# "Sign up for OUTLET's weekly roundup".
_PROVENANCE = re.compile(
    rf"(?:©|\(c\)|Copyright)\s*(?:19|20)\d\d,?\s+(?P<a>{_OUTLET_NAME}){_END}"
    rf"|\b(?:Read more|Continue reading|(?:[Oo]riginally|[Ff]irst) (?:appeared|published)|(?:appeared|published) first) (?:on|in|at) (?P<b>{_OUTLET_NAME}){_END}"
    rf"|\bFollow (?P<c>{_OUTLET_NAME}) on (?:Twitter|Facebook|Instagram|X|Google News|LinkedIn)\b"
    rf"|\b(?:Get|Sign up for|Subscribe to) (?:the )?(?P<d>{_OUTLET_NAME}(?<!['’]s))(?:['’]s)? (?:[\w-]+ )?{MAILINGS}"
    rf"|\bMore from (?P<e>{_OUTLET_NAME}):"
    rf"|\b(?:checked|edited|reviewed|reported|written) by (?P<f>{_OUTLET_NAME}) (?:staff|editors|newsroom)\b"
    rf"|\b[Dd]ownload the (?P<g>{_OUTLET_NAME}) app\b|\b(?:[Uu]nlimited|[Dd]igital) access to (?P<h>{_OUTLET_NAME}) for (?:just |only )?[$€£]"
)
_AGENCY_DATELINE = re.compile(r"\b[A-Z][A-Z .'’-]+(?:, [A-Z][\w .'’-]+)? \((?P<agency>Reuters|AP|AFP|dpa|PTI|IANS|ANI|UPI|Xinhua)\)\s*[—–-]")
_AGENCIES = {"AP": "Associated Press"}
_RUN_ON_CAPITALS = re.compile(r"[A-Z]{4,}")
_RUN_ON_STAMP = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}:\d\d|(?:19|20)\d\d")  # a date or a time: "IGN 18/11/2019"
# Words that end a name when a one-line paste runs the next span on: "IGN Published 18 November".
_NOT_IN_NAME = set("""Published Updated Posted Share Follow Advertisement Listen Subscribe Sign Read Photo
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December All Reporting Editing Writing Additional Image Click Ad Ads Like Tweet Print
Email Save Skip Watch Download Loading Translate This That These It He She They We But When While""".split())
# Short forms end a name only beside a number: "The Hill Tue 19 Nov", but "The Sun".
_SHORT_DATE_WORDS = set("Mon Tue Wed Thu Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
# Domains links point to for what they cite, never as the outlet's own: social networks, governments,
# alliances, reference sites.
_CITED_ONLY = re.compile(
    r"(?:^|\.)(?:twitter|x|t|facebook|fb|instagram|youtube|youtu|tiktok|linkedin|reddit|telegram|t\.me|wikipedia"
    r"|archive|google|apple|bit|ow|doi|europa|nato|un|who|imf|worldbank|state|whitehouse|kremlin|mil|gov)\.[a-z.]+$"
    r"|\.(?:gov|mil|int)(?:\.[a-z]{2})?$|(?:^|\.)gov\.[a-z]{2}$"
)
_PARTICLES = {"de", "da", "van", "von", "der", "bin", "al", "el", "le", "la", "di", "du"}
_NOT_WORD = re.compile(r"\W+")
_HEAD_CHARS, _TAIL_CHARS = 600, 1500
# Literal cues a credit of each kind contains (bylines as written, the rest lower-cased), and how
# far before and after a cue its pattern can match.
_CUES = {
    "byline": (re.compile(r"By |BY |(?:Written|Words|Story|Text|Analysis|Opinion) by "), 6, 200),
    "bio": (re.compile(r"reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|critic|analyst"
                       r"|photographer|intern|fellow|covers |writes |reports |has covered |about the "), 120, 160),
    "provenance": (re.compile(r"©|\(c\)|copyright|read more|continue reading|appeared|published|follow |get |more from |sign up for |subscribe to "
                              r"|(?:checked|edited|reviewed|reported|written) by |download the |access to "), 24, 100),
    "dateline": (re.compile(r"\((?:reuters|ap|afp|dpa|pti|ians|ani|upi|xinhua)\)"), 60, 6),
}
_WEIGHTS = {"byline": 3, "bio": 3, "self": 2, "provenance": 2, "dateline": 1, "links": 1}


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str | None
    evidence: tuple[str, ...]


def registrable_domain(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def find_outlet(text: str, removed: Iterable[str], links: list[Link], outlets: dict[str, str]) -> Outlet | None:
    """The outlet the clues agree on: bylines and bios naming it, the article naming itself ("X has
    contacted … for comment", "© 2019 X"), an agency dateline, and the domain most links point to
    unless it is a cited source's. A text clue outweighs the links; the name is as the text writes
    it, else the one `outlets` gives the domain, else the bare domain. `text` is the article as
    pasted, `removed` what cruft removal took from it: a clue found in both counts once."""
    votes: Counter[str] = Counter()
    names: dict[str, str] = {}  # key -> the name as first written
    evidence: dict[str, list[str]] = {}

    def vote(name: str, kind: str, why: str) -> None:
        if not (name := _outlet_name(name)) or why in evidence.get(_key(name), ()):
            return
        key = _key(name)
        names.setdefault(key, name)
        votes[key] += _WEIGHTS[kind]
        evidence.setdefault(key, []).append(why)

    for kind, name, clue in _outlet_clues(_where_credits_are(text, removed), text):
        vote(name, kind, clue)
    domain, count = _own_domain(links)
    if domain:
        named = next((key for key in votes if _names_domain(key, domain)), None)
        vote(names.get(named, outlets.get(domain, domain)) if named else outlets.get(domain, domain), "links",
             f"{count} of {len(links)} links point to {domain}")
    if not votes:
        return None
    key = _merge_run_ons(votes).most_common(1)[0][0]
    name = names[key]
    known = {_key(n): d for d, n in outlets.items()}
    found_domain = known.get(key) or (domain if domain and _names_domain(key, domain) else None) or (name if "." in name else None)
    return Outlet(name, found_domain, tuple(evidence[key]))


def find_authors(text: str, removed: Iterable[str]) -> list[str]:
    """The writers a byline ("By A and B | OUTLET") or a bio ("A is a reporter at OUTLET") names."""
    credits = _where_credits_are(text, removed)
    lowered = credits.lower()
    windows = {kind: _near(kind, credits, lowered) for kind in ("bio", "byline")}
    for kind, forms in (("bio", [_ABOUT_WRITER]), ("byline", [_BYLINE_FORM]), ("bio", _BIO_FORMS)):
        for form in forms:
            for found in (found for window in windows[kind] for found in form.finditer(window)):
                people = _people(_byline(found)[0] if form is _BYLINE_FORM else _last_name_in_run(found["people"]))
                if people:
                    return people
    return []


@functools.lru_cache(maxsize=8)  # find_authors and find_outlet read the same credits, one after the other
def _near(kind: str, text: str, lowered: str) -> tuple[str, ...]:
    """The stretches of `text` around the cues of a kind of credit: the full patterns run only there,
    which costs a fraction of running them over every position of a long paste."""
    cue, before, after = _CUES[kind]
    spans: list[list[int]] = []
    for found in cue.finditer(text if kind == "byline" else lowered):
        start, end = max(0, found.start() - before), found.end() + after
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return tuple(text[start:end] for start, end in spans)


def _last_name_in_run(words: str) -> str:
    """A bio's subject where a one-line paste ran the line before into it: "Maria Keller Mike Wall
    writes…" -> "Mike Wall" (a name of four capitalised words is rarer than such a run)."""
    parts = words.split()
    if len(parts) == 3 and parts[0].lower() not in given_names() and parts[1].lower() in given_names():
        return " ".join(parts[1:])  # "… Grading on a Curve Chris Davies is a reporter": a given name opens the name
    if len(parts) <= 3:
        return words
    start = len(parts) - 2
    while start > 0 and (parts[start - 1].endswith(".") or parts[start - 1].lower() in _PARTICLES):
        start -= 1
    return " ".join(parts[start:])


def _where_credits_are(text: str, removed: Iterable[str]) -> str:
    """What cruft removal took, and the article's start and end: where bylines, bios and provenance
    lines stand. Reading only these keeps the cost of a seed flat however long its article."""
    edges = text if len(text) <= _HEAD_CHARS + _TAIL_CHARS else f"{text[:_HEAD_CHARS]}\n{text[-_TAIL_CHARS:]}"
    return "\n".join([*removed, edges])


def _outlet_clues(text: str, article: str) -> Iterable[tuple[str, str, str]]:
    """(kind, name, the words that say it) for every clue `text` gives; self-references, which stand
    anywhere, from the whole `article`."""
    lowered = text.lower()
    for found in (found for window in _near("byline", text, lowered) for found in _BYLINE_FORM.finditer(window)):
        people, outlet = _byline(found)
        if outlet and _people(people):
            yield "byline", outlet, f"byline: “{found[0].strip()[:80]}”"
    for window in _near("bio", text, lowered):
        for found in (found for form in _BIO_FORMS for found in form.finditer(window)):
            yield "bio", found["outlet"], f"writer bio: “{found[0][:80]}”"
    for found in (found for window in _near("provenance", text, lowered) for found in _PROVENANCE.finditer(window)):
        yield "provenance", next(g for g in found.groups() if g), f"“{found[0][:80]}”"
    for found in _SELF_REFERENCE.finditer(article) if _ASKED_FOR.search(article) else ():
        yield "self", found[1], f"self-reference: “{found[0][:80]}”"
    for found in (found for window in _near("dateline", text, lowered) for found in _AGENCY_DATELINE.finditer(window)):
        yield "dateline", _AGENCIES.get(found["agency"], found["agency"]), f"dateline: “{found[0].strip()}”"


def _byline(found: re.Match[str]) -> tuple[str, str | None]:
    """A byline's people and outlet, unless what reads as its outlet is a region after a city the
    name ran on into ("By Laura Winter Washington, DC, United States: …"): then a dateline follows the
    writer, and names no outlet."""
    people, outlet = found["people"], found["outlet"]
    if outlet and " " in people:
        writer, city = people.rsplit(" ", 1)
        if " " in writer and _region(outlet) and cities().get(city, 0) >= LARGE_CITY:
            return writer, None
    return people, outlet


def _region(name: str) -> bool:
    """A US state or a country, as a dateline names it after a city ("DC", "Calif.", "Ukraine")."""
    name, states = name.strip().rstrip("."), us_state_abbreviations()
    return (name in ("DC", "D.C") or name in states or f"{name}." in states or name in states.values()
            or name in countries())


def _outlet_name(name: str) -> str:
    """The name without a trailing full stop or words a run-on paste added: from a word that starts
    a date or a line of page furniture, or a dateline's capitals ("The Hill WASHINGTON"). A name
    needs a letter ("first appeared in 2014" names nothing)."""
    words = name.strip().rstrip(".").split()
    cut = next((i for i, word in enumerate(words) if i and (word in _NOT_IN_NAME or _RUN_ON_CAPITALS.fullmatch(word)
                                                          and not words[i - 1].isupper() or _RUN_ON_STAMP.fullmatch(word)
                                                          or _short_date(words, i))), len(words))
    words = words[:cut]
    while words and (words[-1] in _NOT_IN_NAME or words[-1].lower() in {"of", "de", "del", "and", "&", "on", "am", "the"}):
        words.pop()
    name = " ".join(words)
    stop = {"", "he", "she", "they", "it", "we", "this", "that", "our", "us", "newsletter"}
    return "" if _key(name) in stop or not re.search(r"[^\W\d_]", name) else name


def _short_date(words: list[str], i: int) -> bool:
    beside = words[i - 1:i] + words[i + 1:i + 2]
    return words[i].rstrip(".") in _SHORT_DATE_WORDS and any(word[:1].isdigit() for word in beside)


def _merge_run_ons(votes: Counter[str]) -> Counter[str]:
    """"IGN" and "IGN Published" (a one-line paste run on) are one clue: the shorter name takes both."""
    merged = Counter(votes)
    for key in sorted(votes, key=len):
        for longer in [k for k in merged if k != key and k.startswith(key) and key in merged]:
            merged[key] += merged.pop(longer)
    return merged


def _own_domain(links: list[Link]) -> tuple[str | None, int]:
    """The domain most links point to, when it is at least half of them and not a cited source's."""
    domains = Counter(d for link in links if (d := registrable_domain(link.url)) and not _CITED_ONLY.search(d))
    if not domains:
        return None, 0
    domain, count = domains.most_common(1)[0]
    return (domain, count) if count * 2 >= len(links) else (None, 0)


def _names_domain(key: str, domain: str) -> bool:
    """"thenational" and thenationalnews.com; "newsweek" and newsweek.com."""
    label = re.sub(r"\W+", "", domain.rsplit(".", 1)[0].split(".")[-1])
    return len(key) >= 3 and (key in label or label in key or key.removeprefix("the") in label)


@functools.lru_cache(maxsize=4096)  # the settings' outlet names are keyed for every seed
def _key(name: str) -> str:
    return _NOT_WORD.sub("", name.casefold())


def _people(names: str) -> list[str]:
    """"JANE DOE and John Roe" -> ["Jane Doe", "John Roe"]; nothing when a part is not a name."""
    parts = [p.strip(" .") for p in re.split(r",\s*|\s+(?:and|AND|&)\s+", names) if p.strip(" .")]
    people = []
    for part in parts:
        words = part.split()
        if not 2 <= len(words) <= 4 or any(w in _NOT_IN_NAME for w in words):
            return []
        people.append(part.title() if part.isupper() else part)
    return people
