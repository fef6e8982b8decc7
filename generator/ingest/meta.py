"""Title, outlet and author of an article, from what it declares or by rules over its text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.ingest.article import Link

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
_BIO = re.compile(
    r"\b(?:is|was) (?:a|an|the) ((?:[A-Z][\w.&'’-]*\s){1,4})(?:senior |chief |staff |deputy |political |foreign |news |breaking news )?(?:reporter|correspondent|writer|editor|journalist|columnist)",
    re.I,
)
_NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}"
_ABOUT_WRITER = re.compile(rf"about the (?:writer|author|reporter)\W+({_NAME}) (?:is|was|has|covers|writes)\b", re.I)
_BYLINE = re.compile(rf"^\W*By ({_NAME}(?:(?:, | and ){_NAME})*)\b", re.M)
_TOLD = re.compile(r"\btold ((?:The )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})")
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
    rest = sum(len(p.split()) for p in paragraphs[1:3])
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
    """Vote among link domains, self-references ("X has contacted … for comment") and writer bios."""
    votes: Counter[str] = Counter()
    evidence: dict[str, list[str]] = {}
    domain_of = {name.lower(): domain for domain, name in outlets.items()}
    known = set(domain_of)

    def vote(name: str, weight: int, why: str) -> None:
        name = re.sub(r"[’']s$", "", name.strip())
        votes[name] += weight
        evidence.setdefault(name, []).append(why)

    domains = Counter(d for link in links if (d := registrable_domain(link.url)))
    if domains:
        domain, count = domains.most_common(1)[0]
        if count * 2 >= len(links):
            vote(outlets.get(domain, domain), 2, f"{count} of {len(links)} links point to {domain}")
    everything = "\n".join([text, *removed])
    for found in _SELF_REFERENCE.finditer(everything) if _ASKED_FOR.search(everything) else ():
        vote(found[1], 2, f"self-reference: “{found[0][:80]}”")
    for found in _BIO.finditer(everything):
        vote(found[1], 2, f"writer bio: “{found[0]}”")
    for found in _TOLD.finditer(everything):
        if found[1].lower() in known:
            vote(found[1], 1, f"“{found[0]}”")
    if not votes:
        return None
    name = votes.most_common(1)[0][0]
    domain = domain_of.get(name.lower()) or (name if "." in name else None)
    return Outlet(name, domain, tuple(evidence[name]))


def find_authors(text: str, removed: Iterable[str]) -> list[str]:
    """Authors from a byline ("By A and B") or an "About the writer" bio."""
    everything = "\n".join([*removed, text])
    found = _ABOUT_WRITER.search(everything) or _BYLINE.search(everything)
    if not found:
        return []
    return [name.strip() for name in re.split(r", | and ", found[1]) if name.strip()]
