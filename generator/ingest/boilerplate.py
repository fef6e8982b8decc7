"""Is this block of a pasted article page cruft? Scored the way jusText and trafilatura judge paragraphs.

A block is a line, or in a run-on line one of its sentences. Three questions are asked of it:

- `cruft_prefix`: does it open with a piece of cruft that has no full stop of its own ("Share this
  article", "By NAME | OUTLET", "Live coverage: TOPIC", "Photo: NAME/AGENCY") and so runs into the
  sentence after it? The answer is where that piece ends, found by the piece's own shape (a name is
  capitalised words, a topic a short noun phrase, a headline a run of capitalised words), never by
  searching ahead for something that may be anywhere in the article.
- `is_cruft`: is the whole block boilerplate? Known phrases give evidence, and so do its place
  (first or last blocks), its length, its share of stop words and of link text; a long block of
  prose is never boilerplate, whatever phrase it holds.
- `is_aside`, `aside_prefix`: is the block, or the piece that opens it, the page talking about itself
  ("Reuse this content", "Up next: …", "Sponsored by NAME")? Judged by the page's vocabulary by kind,
  and by cohesion: an aside's words are not the article's.

Everything here reads a block alone (asides also ask which words the rest of the article uses): a
rule can never take more than the block it judged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from generator.text.gazetteer import cities, countries, given_names, word_frequencies
from generator.text.entities import is_title
from generator.text.sentences import is_abbreviation

# Words that run prose: a block of 40+ words with many of these is an article's sentence.
_STOP_WORDS = frozenset("""
a about after against also an and are as at be because been but by can could did do does for from had has
have he her his how i if in into is it its last more most not of on one or our over said says she so some
than that the their them there these they this to up was we were what when which while who will with would
you""".split())
# Capitalised words that open a sentence: where a name, topic or headline glued to the text stops.
_SENTENCE_OPENERS = frozenset("""
a an the in on at it he she they we i this that these those but and as after when while for according if
since last more some many one two three four five there here his her its their our my your what why how
who officials police authorities""".split())
# The interface's own words: the verbs of its buttons (in every form: "Copied to clipboard") and the
# things they act on. A run of these alone, led by a verb or a count, is a page's controls or counters,
# not an article's sentence.
def _verb_forms(verbs: frozenset[str]) -> frozenset[str]:
    forms = set()
    for verb in verbs:
        stem = verb[:-1] if verb.endswith("e") else verb
        past = verb[:-1] + "ied" if verb.endswith("y") and verb[-2] not in "aeiou" else stem + "ed"
        forms |= {verb, verb + "s", past, stem + "ing"}
    return frozenset(forms)


_UI_VERBS = frozenset("""share print save copy skip jump back open close load subscribe log sign follow download comment
email tweet tap click play pause mute unmute expand collapse enlarge zoom scroll swipe hide show toggle view watch listen
bookmark reply register add read leave report edit delete manage enable allow continue explore discover refresh retry
submit send install upgrade enter cancel dismiss embed unsubscribe undo gift advertise buffer shop""".split())
_UI_VERB_FORMS = _verb_forms(_UI_VERBS)  # "Copied to clipboard", "Loading…"
_UI_THINGS = frozenset("page article articles story stories main content top bottom app link links now menu search home homepage "
                       "next previous more facebook twitter whatsapp linkedin reddit pinterest instagram telegram youtube "
                       "spotify tiktok newsletter newsletters video videos photo photos gallery image images caption "
                       "captions audio podcast podcasts transcript fullscreen clipboard notifications alerts inbox browser "
                       "javascript cookies account section sections topic topics tags feed comments comment views shares "
                       "likes replies reactions readers viewers people online min mins ad ads below above here".split())
_UI_WORDS = _UI_VERB_FORMS | _UI_THINGS | frozenset("to this the a an in on for with via up down us our your all".split())
_PRONOUNS = frozenset("i you we they he she it".split())  # "so you can:": a clause of the article's, no button's
_UI_PAIRS = frozenset({("sign", "up"), ("sign", "in"), ("log", "in"), ("sign", "out"), ("log", "out"), ("follow", "us")})
_COUNT = re.compile(r"\d[\d,.]*[km]?$")  # "18", "1,204", "3.4k": a counter's number
# "346 people" in a sentence counts victims or voters; a counter of the page's says what they do there
# ("18 people are reading this now"), so a count of these needs one of the page's verbs after it.
_COUNTED_BEINGS = frozenset("people readers viewers".split())
_MONTHS_DAYS = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split())
_LONG_PREPOSITIONS = frozenset("about above across after against along among around before behind below beneath beside "
                               "between beyond despite during except inside outside since through throughout toward "
                               "towards under until within without".split())
_ROLE_WORDS = r"(?i:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|critic|analyst)"

# First words of the pieces and sentences below: a block opening otherwise is not tried against them.
_OPENING_SIGNS = frozenset("©🎙🔊🎧")
_OPENING = re.compile(rf"\s*([{''.join(sorted(_OPENING_SIGNS))}])|\W*(\w[\w'’]*)")  # a sign, or the first word
_OPENING_WORDS = frozenset("""listen audio story article advertisement sponsored paid ad reading comments comment image
click tap gift most accept updated published posted last already people photo photograph photos picture credit credits source pictured live by
written words reported additional reporting writing editing research translation compiled read continue more related
recommended see also you trending watch must don't don’t dont editor's editor’s editors top topic topics tag tags
tagged filed edited reviewed verified translated illustrated curated photographed designed narrated fact checked
medically originally first appeared syndicated republished chart map graphic graphics illustration infographic""".split()) | _UI_VERB_FORMS | _OPENING_SIGNS
_SENTENCE_WORDS = frozenset("""listen watch this inconsistencies enjoy file copyright all follow like about sign subscribe register
newsletter don't don’t dont get topics topic tags tag posted filed by read see show load continue donate contribute join
support let tell email contact""".split()) | _OPENING_SIGNS
_CONTAINED_CLUES = ("voice", "cookie", "newsletter", "rights reserved", "your browser")
# A graphic's or a figure's credit on a line of its own: a label and a few words with no stop.
_CREDIT_LABEL = re.compile(r"[*_]*(?:chart|map|graphic|graphics|data|sources?|illustration|infographic)\s*:\s*\S", re.I)
_CREDIT_LINE_MOST = 10  # words
_BIO_VERBS = (" is ", " was ", " covers ", " writes ", " reports ")
_DAY_SHORT = frozenset("mon tue wed thu fri sat sun jan feb mar apr may jun jul aug sep oct nov dec".split())
_DATE_WORDS = frozenset("published updated posted last".split()) | _MONTHS_DAYS | _DAY_SHORT  # a date line opens so
_RESUMED_LEAST = 5  # words: a sentence glued on after a cruft sentence, not the rest of its own
READ_WINDOW = 400  # what a piece of cruft is read from: no rule here looks further, so no block is copied whole
_POSSESSIVE = re.compile(r"['’]s$")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
# A contact line: a few words and an address ("Send us your tips: tips@example.com", "Email the author at …").
_CONTACT = re.compile(r"(?:[A-Za-z][\w'’]*:? ){1,8}[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINK_TEXT = re.compile(r"(?<!\\)\[((?:\\.|[^\[\]\\])*)\]\([^)\s\[]*\)")  # as markdown_text's, linear

# Pieces with a shape of their own, matched at the start of a block. Each ends by its own pattern.
_VOICE = re.compile(
    r"(?:(?:🎙️?|🔊|🎧)\s*)?(?:listen to (?:this|the) (?:article|story)(?:\s*[·•|,-]\s*\d+\s*min(?:utes?|s)?\b\.?)?"
    r"|audio:?\s*\d+\s*min(?:utes?|s)?\b(?:\s*[·•|,-]\s*narrated by an? (?:ai|automated|computer)[- ]?(?:voice|narrator)?)?)",
    re.I)
_ADVERT = re.compile(r"(?:story continues below(?: advertisement)?|article continues (?:below|after (?:this )?(?:ad|advertisement))"
                     r"|advertisement|sponsored content|paid content|ad feature)(?![\w-])", re.I)
_FIXED_UI = re.compile(
    r"(?:reading time:?\s*\d+\s*min(?:utes?|s)?|comments?\s*\(\d+\)|image \d+ of \d+|click to enlarge|tap to (?:unmute|enlarge)"
    r"|gift this article|most (?:read|popular|viewed)|accept (?:all )?cookies"
    r"|(?:published|updated|posted|last updated)\s+\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago"
    r"|already a subscriber\?\s*(?:log|sign) in)(?![\w-])", re.I)
_CAPTION = re.compile(
    r"\((?:photo|image|picture|photograph|credit|pictured)\b[^()\n]{0,100}\)"
    r"|(?:image|picture|photo|media) (?:source|credit)s?\s*[,:]\s*(?-i:[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})"
    r"|(?:photo(?:graph)?|image|picture|credit|source)s?\s*:\s*[^.:;\n]{0,60}(?:/\s*[\w .-]{2,30}?\b(?:images|pictures)?|getty images|shutterstock|reuters|afp|associated press|\bap\b)(?![\w-])",
    re.I)
_BANNER = re.compile(
    r"live(?: updates| blog| coverage| news)?\s*[:|–—-]\s*(?:follow (?:the latest(?: news)?|our live coverage|live|along)\s+(?:on|of|with)[*_]*\s+)?"
    r"|live (?:updates|blog|coverage)\s+(?:follow (?:the latest(?: news)?|our live coverage|live)\s+(?:on|of)\s+)?", re.I)
_PLATFORMS = r"(?:twitter|facebook|instagram|google news|x|youtube|spotify|apple podcasts|tiktok|linkedin)"
_FOLLOW = re.compile(rf"(?:follow|like|listen to|watch|subscribe to) (?:us|him|her|them|me|\S+(?: (?-i:[A-Z0-9])\S*){{0,4}}) on {_PLATFORMS}"
                     rf"(?:(?:,| and| or) {_PLATFORMS})*(?![\w-])\.?", re.I)  # a piece: what follows it may be the article
_BYLINE = re.compile(r"(?:by|written by|words by|story by|reported by)\s+(?=(?-i:[A-Z]))", re.I)
# The article's making credited to people or a desk: "Reporting by A; Editing by B", "Fact checked by NAME staff".
_MAKING = (r"(?:reporting|writing|editing|research|translation|compiled|produced|edited|reviewed|verified|translated"
           r"|illustrated|curated|photographed|designed|narrated|(?:fact[- ]?)?check(?:ed|ing))")
_CREDIT = re.compile(rf"(?:additional |medically )?{_MAKING}(?: and \w+(?:ing|ed))? by\s+(?=(?-i:[A-Z]))", re.I)
_DESK = re.compile(r"(?:[A-Z][\w&'’.-]*(?: of| the| and| &)? ){0,4}[A-Z][\w&'’.-]* (?:staff|team|desk|editors|reporters|newsroom)\b")
# Where the article was first published: "Originally published on NAME", "First appeared in NAME".
_REPUBLISHED = re.compile(r"(?:originally |first )?(?:published|posted|appeared|syndicated|republished)(?: with permission)?"
                          r" (?:on|in|at|by|from|via)\s+(?=(?-i:[A-Z]))", re.I)
_DATELINE = re.compile(r"[A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3}(?:, [A-Z][\w.]+\.?(?: [A-Z][\w.]+)?)?(?: \([\w .&]{2,40}\))? ?[—–-]{1,2}\s")
# "Tags: world, politics", "Posted in News | Tagged Hong Kong, Trade": a label and its list, which in a
# one-line paste runs straight on into the article's next sentence.
_TAGS = re.compile(r"(?:topics?|tags?|tagged|posted in|filed under)\s*:?\s+(?=\w)", re.I)
_TAG_SEPARATOR = re.compile(r"\s*(?:[,|·•/;]|\band\b|\btagged\b:?|\btags?:)\s*", re.I)
_POINTED_MOST = 30  # words: a line led by a pointer's label ("Related: …") is the headline it points at, up to this
# A label ends on a colon or a bar ("Related: …", "ALSO READ | …"); a pointer's words without one may be a sentence's.
_LABEL_ENDS = (":", "|")
_POINTER = re.compile(
    r"(?:read more|continue reading|read the full (?:story|article)|more)\s+(?:on|at)\s+(?=\S)"
    r"|(?:related(?: stories| articles?| coverage)?|recommended|see also|also read|read more|read next|you (?:might|may) also like"
    r"|more from [^:|\n]{1,40}|trending(?: now)?|watch|must read|don'?t miss|editor'?s picks?|top stories|filed under)\s*[:|]\s*",
    re.I)  # "Filed under:" shows a section's or a story's name as often as a list of tags

_AFTER_STOP = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=\S)")  # where a sentence ends and something else starts
# A story's type and a bar before its headline: "Opinion | …", "Analysis | …".
_KICKER = re.compile(r"(?:opinion|analysis|review|explainer|exclusive|commentary|editorial|perspective|podcast|video|photos)"
                     r"\s*\|\s*\S", re.I)

# Whole blocks: sentence-shaped cruft.
# What a page mails its readers, by any of its names: "Sign up for NAME's weekly roundup" (meta.py
# reads the outlet's name from such a pitch).
MAILINGS = r"(?:newsletters?|briefings?|round-?ups?|digests?|bulletins?|dispatch(?:es)?)\b"
_CRUFT_SENTENCE = re.compile(
    r"^\W*(?:.{0,40}\bvoice is ai[- ]generated|inconsistencies may occur|enjoy more audio and podcasts"
    r"|this (?:story|article|report) (?:has been|was|is being) updated|©|copyright \d{4}|(?:.{0,60}\b)?all rights reserved"
    r"|this (?:article|story|piece) (?:originally )?(?:appeared|was (?:first )?published) (?:on|in)"
    r"|.{0,40}\bcookies?\b.{0,120}\b(?:policy|accept|consent|experience|settings)|by continuing to (?:browse|use)"
    r"|(?:sign up|subscribe|register|donate|contribute|join us|support us|(?:let|tell|email|contact) us(?: know)?)"
    r"(?: here| now| today)?\W*$|(?:read|see|show|load) more\W*$|continue reading\W*$"  # a call to the reader, alone
    rf"|(?:sign up|subscribe|register)\b.{{0,80}}\b(?:{MAILINGS}|inbox|updates|email)"
    r"|.{0,60}\bnewsletter\b.{0,80}\b(?:sign up|subscribe|inbox|free)"
    rf"|don'?t miss a (?:story|thing)|get (?:the|our) .{{0,40}}{MAILINGS}"
    r"|(?:sorry,? )?your browser (?:does not|doesn'?t|can ?not|can'?t|is not able to) (?:support|play|display))",  # a player's fallback
    re.I | re.S)
# Labels whose sentence is the cruft they open, whatever follows: a caption, a bio, the voice reading it.
_CRUFT_LABEL = re.compile(r"^\W*(?:file photo\b|newsletter:|about the (?:writer|author|reporter)s?\b"
                          r"|this (?:article|story|report) (?:was|is|has been) (?:read|narrated|voiced) by)", re.I)
# A note about the article itself and its making: "This article was produced in partnership with
# NAME.", "This post may contain affiliate links", "This is a developing story." Not "This video",
# "This feature" or "This episode", which an article describes as its subject.
_ITSELF = re.compile(r"\W*(?:(?:an? |an earlier |the )?(?:version|edition|part|portion)s? of )?(?:this|the following)"
                     r" (?:article|story|post|piece|page|content|newsletter)\b"
                     r"|\W*this is an? (?:\w+ ){0,2}(?:story|article)\b", re.I)
_ITS_MAKING = re.compile(r"\b(?:produced|published|appeared|appears|written|edited|updated|corrected|amended|funded|supported"
                         r"|sponsored|paid|contains?|includes?|affiliate|partnership|collaboration|syndicated|republished"
                         r"|adapted|excerpted|translated|generated|reviewed|checked|narrated|condensed|reproduced|licensed"
                         r"|permission|developing)\b", re.I)
_ITSELF_MOST = 30  # words: a note, not a paragraph
_ITSELF_OPENS = frozenset("this the a an version versions part parts portion portions".split())  # "A version of this article …"
_BIO = re.compile(
    rf"^\W*[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){{1,3}} (?:(?:is|was) (?:a|an|the|[A-Z][\w.&'’-]*(?:’s|'s)?)\b[^.]{{0,80}}\b{_ROLE_WORDS}"
    rf"|(?:covers|writes about|reports on|writes on)\b[^.]{{0,60}}\bfor\b)")
_STAMP_WORDS = r"(?i:published|updated|posted|last (?:updated|modified))(?: on)?:?\s*"
_DATE = (
    r"(?:[A-Z][a-z]{2,8}\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d\d-\d\d)"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)?")
_DATE_LINE = rf"(?:{_STAMP_WORDS})?{_DATE}"
_DATE_ONLY = re.compile(rf"^\W*{_DATE_LINE}\W*$")
_STAMP = re.compile(_STAMP_WORDS + _DATE)  # "Updated: Mar. 30, 2015 5:32 p.m. ET": a page's, wherever it stands
_DATE_PREFIX = re.compile(_DATE_LINE)


@dataclass(frozen=True)
class Block:
    text: str
    index: int  # its place among the article's blocks
    count: int  # how many blocks the article has
    lead: bool = False  # no prose is kept above it (a headline at most): where datelines and date lines stand


def cruft_prefix(text: str, at_start: bool, strong: bool = False) -> int:
    """Length of the cruft piece that opens `text` and runs on into it (0: none). `at_start`: the
    block is among the article's first, where datelines and bylines stand. `strong`: only pieces no
    sentence's words would make (not "By …", "Share …", "More on …")."""
    if "@" in text[:100] and (contact := _CONTACT.match(text)) and _stands_apart(text, contact.end()):
        return _through_space(text, contact.end())
    first = _opening_word(text)
    if first[:1].isdigit() and not at_start:
        return _ui_run(text, strong)  # "18 people are reading this now": a counter
    if first not in _OPENING_WORDS and not (at_start and (first.isdigit() or first in _MONTHS_DAYS or first[:3] in _DAY_SHORT
                                                          or text[:2].isupper())):
        return 0  # nothing cruft opens with: most sentences stop here, before any pattern runs
    opens = len(text) - len(text.lstrip("*_")) if text[:1] in "*_" else 0  # "**Live updates: …**": bold in Markdown
    for pattern, tail, sure in _OPENERS:
        found = (sure or not strong) and pattern.match(text, opens)
        if found and (end := tail(text, found.end())) and _stands_apart(text, end):
            if strong and tail is _pointer_end and not found.group().rstrip().endswith(_LABEL_ENDS):
                continue  # "More on Ukraine" may be a sentence's words; "Related: …" is not
            return _through_space(text, end)
    if strong:
        return _ui_run(text, strong)
    if at_start and (found := _DATELINE.match(text)) and len(text) > found.end() + 3:
        return found.end()
    if at_start and (found := _DATE_PREFIX.match(text)) and _stands_apart(text, found.end()):
        return _through_space(text, found.end())
    return _ui_run(text)


def is_cruft(block: Block) -> bool:
    """Whether a whole block is boilerplate: evidence from phrases, and from its place and shape."""
    text = block.text.strip()
    plain = (_LINK_TEXT.sub(r"\1", text) if "](" in text else text).replace("\\", "")
    if not any(ch.isalnum() for ch in plain):
        return True  # a lone icon, rule or stray semicolon
    count = plain.count(" ") + 1  # words, near enough: only compared with bounds
    if count > 45 and _stop_share(plain.split()) > 0.25:
        return False  # prose, whatever phrase it holds
    if _cruft_sentence(plain) or count <= 40 and _bio(plain) or count <= _ITSELF_MOST and _about_itself(plain):
        return True
    if count <= 15 and "@" in plain and _EMAIL.search(plain):
        return True  # "Send us your tips: …@…", "Contact the author at …": a page's contact line
    if count <= _CREDIT_LINE_MOST and _CREDIT_LABEL.match(plain) and plain.rstrip()[-1:] not in ".!?)":
        return True  # "Chart: NAME analysis of state data", "Source: NAME research": a graphic's credit, no sentence
    if plain[:1].isdigit() or _opening_word(plain) in _DATE_WORDS:
        if _DATE_ONLY.match(plain):  # a date on its own line, by the headline or at the foot
            return block.lead or block.index < 8 or block.index >= block.count - 4
    if block.index >= block.count - 4 and count <= 30 and plain.rstrip().endswith(("...", "…")):
        return True  # a teaser cut short at the foot of the page: a bio's or a related story's
    if cruft_prefix(plain, block.lead) >= len(plain.rstrip(" .")):
        return True
    if count <= 10 and _interface_block(plain):
        return True
    return count <= 20 and _mostly_links(text, plain) and not plain.rstrip().endswith((".", "?", "!", "”", '"'))


def is_photo_credit(piece: str) -> bool:
    """Whether a piece of cruft is a photo's credit ("Credit: NAME for AGENCY", "(Photo by NAME/Getty Images)")."""
    return bool(_CAPTION.match(piece))


def pointer_line(line: str, lead: bool = False) -> bool:
    """Whether a line is a pointer's label and the headline it points at, whatever the headline's
    words ("Recommended: Lynn: “We needed to win this game”", "You might also like: Is An 'Oxygen
    Bar' Offering Fresh Air?"): a line of its own led by "Related:" is no sentence of the article's.
    A headline ends on no full stop: one that does has a sentence of the article's run on after it."""
    line = line.strip()
    if line.count(" ") >= _POINTED_MOST or line.rstrip("\"”’'")[-1:] == ".":
        return False
    if not lead and _KICKER.match(line):
        return True  # "Opinion | HEADLINE" below the top: another story's; at the top it is this one's title
    if _opening_word(line) in _OPENING_WORDS and (label := _POINTER.match(line)):
        return label.group().rstrip().endswith(_LABEL_ENDS) and label.end() < len(line)
    return 0 < _page_label_end(line) < len(line)  # "Up next: …", "In this article: …": any label of the page's words


def pointer_tail(line: str) -> tuple[int, int] | None:
    """(start, end) of a pointer that closes a run-on line after the stop of the line's last sentence
    ("… he said. Up next: HEADLINE"), up to a table row glued after its headline. Only the line's
    last _POINTED_MOST words are read."""
    end = len(line.rstrip())
    for found in _AFTER_STOP.finditer(line, max(0, end - 12 * _POINTED_MOST), end):
        if pointer_line(line[found.end():end]):
            return found.end(), _before_row(line, found.end(), end)
    return None


def _interface_block(text: str) -> bool:
    """A short block of the interface's words: a thing of the page's at least, or a lone verb ("Show
    Jumping" is a heading), and at most one other word for each beyond the first ("Scroll down for
    video", "Read in app"). A sentence ("…." or "…:") only when it opens with a verb of the interface
    and has no other word ("Please enable JavaScript to view the comments.", but not "Read our review
    here." or "Click the link above so you can:", which an article says of its own links)."""
    words = [word for word in map(_bare, _without_own_name(text).split()) if word and word not in _STOP_WORDS
             and word != "please" and not _COUNT.match(word) and any(ch.isalpha() for ch in word)]
    things = sum(word in _UI_THINGS for word in words)
    verbs = sum(word in _UI_VERB_FORMS and word not in _UI_THINGS for word in words)
    other = len(words) - things - verbs
    if text.rstrip(" )]”\"’")[-1:] in ".!?:":
        opening = text.split(maxsplit=1)[0].lower()
        return ((opening in _UI_VERBS or opening == "please") and other == 0 and things > 0
                and not _PRONOUNS.intersection(map(_bare, text.split())))
    if other == 0 and sum(word in _UI_VERBS for word in words) >= 2:
        return True  # a row of controls: "Pause Play 0:00", "Like Reply Share"; not "Show Jumping"
    return (things > 0 or len(words) == 1 and verbs > 0) and other < things + verbs


_NAMED_AFTER = frozenset("to of by from on at for".split())  # "Back to NAME homepage", "Photo illustration by NAME"
_NAMED_MOST = 4  # words of the page's name after a preposition: "Twin Cities Pioneer Press"


def _without_own_name(text: str) -> str:
    """The text less the one name it gives after a preposition: a control or a credit of the page's
    names the page itself ("Back to NAME homepage", "Start your free trial of NAME"). A text naming
    more, or a longer name, keeps them: those are what it talks of."""
    if not any(ch.isupper() for ch in text[1:]):
        return text  # no name after the first word: most lines
    found = list(_NAME.finditer(text, 1))
    if len(found) != 1 or found[0].group().removeprefix("The ").count(" ") >= _NAMED_MOST:
        return text  # "The New York Times" is three words of a name and its article
    before = text[:found[0].start()].split()
    if not before or before[-1].lower() not in _NAMED_AFTER:
        return text
    return text[:found[0].start()] + text[found[0].end():]


def glued_starts(text: str) -> list[int]:
    """Where cruft starts inside a block, glued on after text that did not end a sentence ("…November
    18, 2019 About the writer …", "…in 2017 Reporting by …"): a word cruft opens with, a count of the
    page's things, or any capitalised word a few words before an address, after a token, from which a
    piece of cruft or a cruft sentence reads."""
    candidates = [found.span() for found in _GLUE_CANDIDATE.finditer(text)]
    if lowered := [found.span() for found in _LOWERCASE_AFTER_STOP.finditer(text)]:
        candidates = sorted({*candidates, *lowered})  # "… began. toggle caption The …": a control's label in lowercase
    if "@" in text:  # a contact line glued on opens by asking: "Send us your tips: tips@example.com"
        candidates = sorted({*candidates, *(found.span() for found in _CAPITAL_AFTER_SPACE.finditer(text)
                                            if "@" in text[found.end():found.end() + 100]
                                            and _opening_word(text[found.end():]) in _CONTACT_OPENERS)})
    starts = []
    for space, at in candidates:
        if _COUNT.match(text[:space].strip()):
            continue  # a count alone before it is the count of it: "12 Comments"
        before = text[space - 1]
        # After a lowercase word a capital is mostly a name or a title inside the sentence: only what
        # no sentence says ("Listen to this article", "Sign up for our newsletter") is cut there.
        after_word = before.islower() and before.isalpha() and not _URL_END.search(text, max(0, at - 80), at)
        rest = text[at:at + READ_WINDOW]
        if (cruft_prefix(rest, at_start=False, strong=after_word) or _cruft_sentence(rest)
                or not after_word and _about_itself(_SENTENCE_END.split(rest, 1)[0])):
            starts.append(at)  # "… chili flakes] This article was produced in partnership with NAME."
    return starts


def _glue_candidate() -> re.Pattern[str]:
    """Spaces after a non-space before a capitalised word cruft opens with (the words grouped by their
    first letter, so that the engine tries a handful of branches at each space, not every word), a
    count of the page's things, or a sign. Written to open with the space (not a look behind) so that
    the engine skips to spaces rather than trying the pattern at every character."""
    by_letter: dict[str, list[str]] = {}
    for word in sorted(_OPENING_WORDS | _SENTENCE_WORDS, key=len, reverse=True):
        if word[:1].isalpha():
            by_letter.setdefault(word[0], []).append(re.escape(word[1:]))
    words = "|".join(f"{letter.upper()}(?i:{'|'.join(rests)})" for letter, rests in sorted(by_letter.items()))
    things = "|".join(sorted(_UI_THINGS, key=len, reverse=True))
    firsts = "".join(sorted(by_letter)).upper()  # tried first: most words fail on their first letter alone
    return re.compile(rf"\s(?<=\S\s)\s*(?=[{firsts}\d©🎙🔊🎧(])(?=(?:{words})(?![\w'’])|\d[\d,.]*[km]? (?i:{things})(?![\w'’])|[©🎙🔊🎧(])")


_GLUE_CANDIDATE = _glue_candidate()
_CAPITAL_AFTER_SPACE = re.compile(r"\s(?<=\S\s)\s*(?=[A-Z])")
_LOWERCASE_AFTER_STOP = re.compile(r"(?<=[.!?])\s+(?=[a-z])")  # the sentence splitter glues these on
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
# How a contact line asks its reader, its first word: "Send us your tips", "Got a tip?", "Email the author".
_CONTACT_OPENERS = frozenset("""send email e-mail contact write reach call text tell follow got have tips tip questions
comments feedback drop message share know for""".split())
_URL_END = re.compile(r"\w\.\w{2,}$")
_CLIP_LENGTH = re.compile(r"\((?:[\w ]{1,12},? )?\d{1,2}:\d\d\)")  # "(video, 2:31)", "(2:31)": a clip's length
_URL_START = re.compile(r"https?:|www\.")


def _opening_word(text: str) -> str:
    """The sign a block opens with ("©", "🎙"), or its first word in lowercase."""
    found = _OPENING.match(text)
    return (found[1] or found[2].lower()) if found else ""


def _cruft_sentence(text: str) -> bool:
    return _may_be_cruft_sentence(text) and bool(_CRUFT_SENTENCE.match(text) or _CRUFT_LABEL.match(text))


def _may_be_cruft_sentence(text: str) -> bool:
    """What every cruft sentence has, told before its patterns run: an opening word of theirs or a clue inside."""
    head = text[:200].lower()
    return _opening_word(text) in _SENTENCE_WORDS or any(clue in head for clue in _CONTAINED_CLUES)


def cruft_sentence_end(text: str) -> int:
    """Where the article resumes inside a block a cruft sentence opens, glued on with no stop ("Sign up
    for our daily newsletter The minister said …"): after the phrase matched, the first run of
    capitalised words (not in capitals) that a lowercase word follows ("Ukraine's Foreign Ministry said …"), or an
    opening word before a figure ("In 2019, …"), with a sentence's length of words from it; 0 when
    none does, and the block is the cruft sentence's whole."""
    if not _may_be_cruft_sentence(text) or not (found := _CRUFT_SENTENCE.match(text)):
        return 0  # nor is a label's sentence (a caption, a bio) cut: it is its own, however it goes on
    tokens = _tokens_from(text, found.end(), READ_WINDOW)
    words = [word.lstrip("“\"‘") for _, _, word in tokens]
    at = 0 if text[found.end():found.end() + 1].isspace() else 1  # the match may end inside a word
    while at <= len(words) - _RESUMED_LEAST:
        if not words[at][:1].isupper() or words[at].isupper() and len(words[at]) > 1:
            at += 1  # a word in capitals is a time zone's or a dateline's as often as a subject's ("1:30 p.m. ET to …")
            continue
        last = at
        while last + 1 < len(words) and words[last + 1][:1].isupper():
            last += 1
        following = words[last + 1] if last + 1 < len(words) else ""
        if following[:1].islower() or last == at and words[at] in _CAPITALISED_OPENERS and following:
            return found.end() + tokens[at][0]
        at = last + 1
    return 0


def _about_itself(text: str) -> bool:
    """A note about the article itself (see _ITSELF): never a quote, which may be of another article."""
    return (_opening_word(text) in _ITSELF_OPENS and bool(_ITSELF.match(text)) and not any(mark in text for mark in "\"“”")
            and bool(_ITS_MAKING.search(text)))


def _bio(text: str) -> bool:
    words = text[:60].split(maxsplit=2)
    if len(words) < 3 or not (words[0][:1].isupper() and words[1][:1].isupper()):
        return False  # a bio opens with its writer's name
    return any(verb in text[:80] for verb in _BIO_VERBS) and bool(_BIO.match(text))


_GLUED_NAME = re.compile(r"(?<=[^\s.!?:;]) (?=[A-Z][\w'’-]+ [A-Z])")  # a capital after a word that ended no sentence
# A bio as only a bio reads: the writer's role at an outlet ("is a reporter at SlashGear", "covers
# energy for NAME"), not "is a former journalist who covered the war".
_OUTLET_BIO = re.compile(
    rf"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){{1,2}} (?:(?:is|was) (?:a|an|the) (?:[\w-]+ ){{0,3}}?{_ROLE_WORDS}s? (?:at|for|with) [A-Z]"
    rf"|(?:covers|writes about|reports on|writes on) [^.]{{1,60}}? (?:for|at) [A-Z])")


def glued_bio(text: str) -> int:
    """Where a writer's bio starts inside a block at the article's foot, run on from a line before it
    that ended no sentence ("… Grading on a Curve Chris Davies is a reporter at SlashGear."); 0 if
    none. The bio is the block's rest, opens with a given name and names the writer's role at an
    outlet: "Foreign Minister James Cleverly is a former journalist who …" is the article's."""
    if not any(verb in text for verb in _BIO_VERBS) or _OUTLET_BIO.match(text):
        return 0  # no bio, or the whole block is one
    for found in _GLUED_NAME.finditer(text):
        before = text[:found.start()].rsplit(maxsplit=1)[-1]
        if is_title(before) or before.lower() in given_names():
            continue  # "Foreign Secretary James Cleverly covers …" is named in a sentence; "Abigail Van Buren" is one name
        rest = text[found.end():]
        first = rest.split(maxsplit=1)[0]
        if rest.count(" ") < 40 and first.lower() in given_names() and _OUTLET_BIO.match(rest) and rest.rstrip()[-1:] in ".!":
            return found.end()
    return 0


def _stop_share(words: list[str]) -> float:
    return sum(w.lower().strip(".,;:!?\"“”‘’()") in _STOP_WORDS for w in words) / len(words)


def _mostly_links(text: str, plain: str) -> bool:
    if "](" not in text:
        return False
    linked = sum(len(m[1]) for m in _LINK_TEXT.finditer(text))
    return linked > 0.8 * len(plain.strip())


# --- where a piece without a full stop ends -------------------------------------------------------

def _tokens_from(text: str, start: int, most: int = 300) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words in the `most` characters after `start`, offsets from `start`."""
    tokens, at = [], 0
    for word in text[start:start + most].split(" "):
        if word:
            tokens.append((at, at + len(word), word))
        at += len(word) + 1
    return tokens


def _whole(text: str, end: int) -> int:
    return end


def _tags_end(text: str, start: int) -> int:
    """End of a list of tags or topics: items of at most three words between separators. The last item
    stops where a sentence's start follows it: a capital after a lowercase word, a word in capitals
    after one that is not, a capitalised function word, or a fourth word; and before a lowercase word,
    which would be the sentence's ("Topics: World Risks to the grant …" leaves "Risks to …")."""
    end = start
    while True:
        ends = _tag_item_ends(text, end)
        apart = [stop for stop in ends if _stands_apart(text, stop)]
        if not apart:
            return end if end > start else 0  # a label with no list after it is a sentence's words
        if apart[-1] != ends[-1]:
            return apart[-1]
        end = apart[-1]
        separator = _TAG_SEPARATOR.match(text, end)
        if not separator or separator.end() >= len(text):
            return end
        end = separator.end()


def _tag_item_ends(text: str, start: int) -> list[int]:
    """Where one item of a tag list may end: after each of its words but a function word."""
    ends, previous, last = [], "", start
    for count, word in enumerate(re.finditer(r"[\w'’&.-]+", text[start:start + 80])):
        value, at = word.group(), start + word.start()
        if count == 3 or count and text[last:at].strip():
            break  # a fourth word, or a separator before this one: the item ended
        if count and (previous[:1].islower() and value[:1].isupper() or value.isupper() and len(value) > 1
                      and not previous.isupper() or value.lower() in _STOP_WORDS and value[:1].isupper()
                      or _POSSESSIVE.search(value)):
            break  # a sentence's start: "World Ukraine's ministry said" ("Women's Health" opens with its possessive)
        if value.lower() not in _STOP_WORDS:  # "Posted in Kabul on Monday, …" is a sentence: no tag ends on "on"
            ends.append(start + word.end())
        previous, last = value, start + word.end()
    return ends


def _names_end(text: str, start: int) -> int:
    """End of a run of people's names ("Anna Smith", "ANNA SMITH and TOM JONES", "Sarah E. Needleman")."""
    tokens = _tokens_from(text, start)
    end, run, i = 0, 0, 0
    upper = tokens[0][2].isupper() if tokens else False
    while i < len(tokens):
        _, stop, word = tokens[i]
        bare = word.strip(",;|")
        if bare.lower() in ("and", "&") and run >= 2:
            run, i = 0, i + 1
            continue
        if bare.endswith(":") and run >= 1:
            break  # "By Jonathan Garber Topics: Politics": a label opens after the names, or a quote ("… Garber: ")
        if not _name_word(bare, upper) or run >= 4 or (run >= 2 and (bare.lower() in _SENTENCE_OPENERS or _POSSESSIVE.search(bare))):
            break  # "Tom Jones Ukraine's ministry said": a possessive opens the sentence, names have none
        if run >= 2 and i + 1 < len(tokens) and tokens[i + 1][2][:1].islower() and not upper:
            if run >= 3 and len(tokens[i - 1][2].rstrip(".")) > 1:  # "Editing by Maria Keller Mike Wall writes about …"
                end = start + tokens[i - 2][1]  # a name of two words is the next sentence's subject
            break  # "Anna Smith Officials said": a capitalised word before lowercase opens the sentence
        run, i = run + 1, i + 1
        if run >= 2:
            end = start + stop - (len(word) - len(word.rstrip(",;|")))
        if word.endswith((",", ";", "|")) and run >= 2:
            break
    return end


def _name_word(word: str, upper: bool) -> bool:
    if not word or not word[0].isupper() or word.lower() in _MONTHS_DAYS:
        return False
    return word.isupper() if upper else not word.isupper() or len(word) <= 2


def _byline_end(text: str, start: int) -> int:
    """"By NAME", with " | OUTLET", ", OUTLET", " • OUTLET" after it."""
    end = _names_end(text, start)
    if not end:
        return 0
    after = re.match(r"\s*(?:[|,•·/]|[—–-](?=\s))\s*(?=\S)", text[end:])
    if after:
        lowercase = re.match(r"[a-z][\w.-]*(?=\s+[A-Z]|\s*$)", text[end + after.end():])  # "| my6sense"
        outlet = end + after.end() + lowercase.end() if lowercase else _capitalised_end(text, end + after.end(), 5)
        return outlet or end
    return end


_GRAPHIC_CREDIT = re.compile(r"(?:chart|map|graphic|graphics|sources?|illustration|infographic)\s*:\s+(?=[A-Z])", re.I)
_GRAPHIC_WORK_MOST = 4  # lowercase words after the name: "research", "analysis of state data"
_GRAPHIC_WORK = frozenset("""research analysis analyses calculations estimates data survey surveys reporting figures
census records of and from by state federal government official staff""".split())


def _graphic_credit_end(text: str, start: int) -> int:
    """"Source: NAME research", "Chart: NAME analysis of state data" glued to the sentence after it:
    capitalised words, at most four words of what a credit says they did, then a sentence's start (a
    capital or a quote) or the end. Anything else after them ("Source: The ministry said …") is a sentence's."""
    tokens = _tokens_from(text, start, 160)
    names = 0
    while names < min(5, len(tokens)) and tokens[names][2][:1].isupper() and (
            not names or tokens[names][2].lower() not in _SENTENCE_OPENERS):
        names += 1
    work = names
    while work < min(names + _GRAPHIC_WORK_MOST, len(tokens)) and tokens[work][2] in _GRAPHIC_WORK:
        work += 1
    if not names or tokens[work - 1][2][-1:] in ".,;:!?":
        return 0
    if work < len(tokens) and not (tokens[work][2][:1].isupper() or tokens[work][2][:1] in "“\"‘"):
        return 0
    return start + tokens[work - 1][1]


def _credit_end(text: str, start: int) -> int:
    """"Reporting by A and B; Editing by C", "Fact checked by NAME staff": every role and its names,
    a person's or a desk's."""
    end = _credited_end(text, start)
    while end:
        more = _MORE_CREDIT.match(text, end)
        if not more or not (following := _credited_end(text, more.end())):
            break
        end = following
    return end


_MORE_CREDIT = re.compile(rf"[;,]?\s*(?:and )?(?:additional )?{_MAKING}(?: and \w+ing)?(?: by)?\s+(?:[^;.]{{0,30}}?\bby\s+)?(?=[A-Z])", re.I)


def _credited_end(text: str, start: int) -> int:
    """End of who a credit names: an outlet's desk ("The Wall Street Journal staff"), people (" in
    London" after them), or an outlet."""
    if desk := _DESK.match(text, start):
        return desk.end()
    if people := _names_end(text, start):
        return _place_end(text, people)
    return _capitalised_end(text, start, 5)


def _republished_end(text: str, start: int) -> int:
    """End of the outlet an article was first published by: not a clause ("Published in Nature, the
    study …"), and not a table row glued after it ("… on Autoracing 37 Drew Herring 8 0 0 0": where
    numbers follow the name, a number in it ("NBC 5 Dallas-Fort Worth") opened the row)."""
    end = _before_row(text, start, _capitalised_end(text, start, 5))
    return end if end > start and not text.startswith((",", ";"), end) else 0


_NUMBERS = re.compile(r"(?<= )\d[\d.,]*(?: \d[\d.,]*){2,}(?= |$)")  # "8 0 0 0": a table row's figures
_NUMBER_WORD = re.compile(r"(?<= )\d")


def _before_row(text: str, start: int, end: int) -> int:
    """A name or headline glued before a table row ("… on Autoracing 37 Drew Herring 8 0 0 0"): where
    a row's run of figures starts inside it or right after it, its first number opened the row (one
    number alone is the name's: "NBC 5 Dallas-Fort Worth")."""
    row = _NUMBERS.search(text, start + 1, end + READ_WINDOW) if end else None
    if row and row.start() <= end + 1 and (number := _NUMBER_WORD.search(text, start + 1, row.start() + 1)):
        return number.start() - 1
    return end


_PLACE = re.compile(r",? in [A-Z]\w+(?: [A-Z]\w+(?! [a-z]))?(?=[;,.]|\s|$)")  # "in New York", not "in Kyiv Military analysts"


def _place_end(text: str, end: int) -> int:
    """After a name in a credit line: " in London"."""
    where = _PLACE.match(text, end) if end else None
    return where.end() if where else end


# A company's legal or trade suffix ends its name: "Produced by Fox Business Studios Home Depot shares …".
_NAME_ENDS = frozenset("studios productions inc ltd llc plc gmbh corp".split())


def _capitalised_end(text: str, start: int, most: int) -> int:
    """End of an outlet's or a topic's name: capitalised words (and "of", "the"), stopping where a new
    sentence opens: a sentence opener, or a capitalised word followed by lowercase once a word is in,
    or after a company's suffix."""
    tokens = _tokens_from(text, start)
    end, run = 0, 0
    for i, (_, stop, word) in enumerate(tokens):
        if run >= most:
            break
        bare = word.rstrip(".,;:")
        lower = bare.lower()
        if run and lower in ("of", "the", "and", "&", "for") and i + 1 < len(tokens) and tokens[i + 1][2][:1].isupper():
            run += 1
            continue
        if not bare[:1].isupper() and not bare[:1].isdigit():
            break
        if run and (lower in _SENTENCE_OPENERS or bare.endswith(("'s", "’s")) or lower in _MONTHS_DAYS or lower in _DAY_SHORT):
            break  # "By Anna Smith | The Hill Tue 19 Nov 2019": a date follows the outlet
        if run and word.endswith(":") and _CREDIT_LABEL.match(text, start + tokens[i][0]):
            break  # "By NAME, The Wall Street Journal Source: …": a credit's label opens the next piece
        if run and i + 1 < len(tokens) and tokens[i + 1][2][:1].islower() and tokens[i + 1][2].lower() not in ("of", "and"):
            break
        run, end = run + 1, start + stop - (len(word) - len(bare))
        if word != bare or lower in _NAME_ENDS:
            break
    return end


def _topic_end(text: str, start: int) -> int:
    """End of a banner's topic ("Russia-Ukraine", "the trade war", "Hong Kong protests"): up to five
    words, ending before a word that opens the article's first sentence."""
    tokens = _tokens_from(text, start)
    if len(tokens) <= 6 and not re.search(r"[.!?]\W*$", text[start:].rstrip()) and start + 300 >= len(text):
        return len(text.rstrip())  # the banner is the whole block: its topic runs to the end
    for i, (at, _, word) in enumerate(tokens[1:6], 1):
        if word[:1].isupper() and word.lower() in _SENTENCE_OPENERS:
            break  # "Live updates: US politics As of 29 November …": the text opens before its date
        if word[:2].isupper() and _DATELINE.match(text, start + at) or _DATE_PREFIX.match(text, start + at):
            return start + tokens[i - 1][1]  # "Live updates: Hong Kong protests BERLIN — …", "… the economy 19/11/2019 …"
    end, previous = 0, ""
    for i, (_, stop, word) in enumerate(tokens[:5]):
        bare = word.strip("*_")
        if i and bare[:1].isupper() and (bare.lower() in _SENTENCE_OPENERS or bare.endswith(("'s", "’s"))
                                         or previous[:1].islower() and previous.lower() not in ("the", "of", "a", "an", "on", "in", "and")
                                         or i + 1 < len(tokens) and tokens[i + 1][2][:1].islower() and previous[:1].isupper()
                                         and not _one_place(previous, bare)):
            break  # "… Ukraine Officials said": but "Hong Kong protests" is one topic
        end, previous = start + stop, bare
        if word.endswith((".", ":", ";")):
            end -= 1
            break
    return end


def _one_place(first: str, second: str) -> bool:
    """Whether two capitalised words are one place's name ("Hong Kong", "Sri Lanka"), not a topic and a sentence's first word."""
    name = f"{first} {second}"
    return name in cities() or name in countries()


def _headline_end(text: str, start: int) -> int:
    """End of a related story's headline glued to the text: at most 20 words, to the word before one
    that opens a sentence, or through the length of the clip it links to ("… (video, 2:31)"), and
    before a table row glued after it."""
    return _before_row(text, start, _headline_words_end(text, start))


# A headline does not end on these: the capital after one is the headline's ("come to the U.S. border").
_HEADLINE_NEVER_ENDS = frozenset("the a an of to for and or with from by at into as that this their its his her".split())


def _headline_words_end(text: str, start: int) -> int:
    tokens = _tokens_from(text, start)
    if not tokens:
        return 0
    if clip := _CLIP_LENGTH.search(text, start, start + 200):
        return clip.end()
    if len(tokens) <= 20 and start + 300 >= len(text) and not re.search(r"[.!?\"”]\W*$", text):
        return len(text.rstrip())  # the headline is the rest of its line: nothing of a sentence follows
    caps = [w[:1].isupper() for _, _, w in tokens[:6] if len(w) > 3]
    title_case = bool(caps) and sum(caps) / len(caps) >= 0.75
    end = 0
    for i, (at, stop, word) in enumerate(tokens[:20]):
        if i >= 2 and (word[:1].isupper() and word.lower().strip(".,") in _SENTENCE_OPENERS or word[:1] in "“\"‘"):
            break
        if i and word[:2].isupper() and _DATELINE.match(text, start + at):
            break  # "… COLUMBIA, S.C. (AP) — About a dozen": the article's dateline opens its text
        if not any(ch.isalnum() for ch in word) and word not in ("–", "—", "-", "&", "|"):
            break  # an icon or a zero-width space between the headline and the text
        if i >= 2 and title_case and word[:1].isupper() and tokens[i - 1][2][:1].islower() and len(tokens[i - 1][2]) > 3:
            break
        if i >= 2 and title_case and word[:1].isupper() and i + 1 < len(tokens) and _prose_word(tokens[i + 1][2]):
            break  # "… Never Read Google's long-gestating foray": a title-case headline has no such lowercase word
        if (i >= 2 and not title_case and word[:1].isupper() and tokens[i - 1][2].lower() not in _HEADLINE_NEVER_ENDS
                and (i + 1 < len(tokens) and tokens[i + 1][2][:1].islower() or _POSSESSIVE.search(word.rstrip(".,")))):
            break  # "…from Odesa Russia accuses…": in a sentence-case headline a capital before lowercase opens the text
        end = start + stop
        if not title_case and (word.endswith(("?", "!")) or word.endswith(".") and not is_abbreviation(word)):
            break  # a sentence-case headline ends on its stop, not on "U.S." of "the U.S. border?"
    return end


def _prose_word(word: str) -> bool:
    """A lowercase word a title-case headline would have capitalised: not a short function word."""
    return word[:1].islower() and len(word) > 4 and word not in _STOP_WORDS and word not in _LONG_PREPOSITIONS


def _pointer_end(text: str, start: int) -> int:
    if re.search(r"(?:on|at)\s*$", text[:start], re.I):
        if len(text) - start < 40 and len(text[start:].split()) <= 3:
            return len(text.rstrip())  # "Read more on comwrap" closing the block: whatever the name's case
        return _capitalised_end(text, start, 5)
    return _headline_end(text, start)


def _ui_run(text: str, strong: bool = False) -> int:
    """A run of interface words ("Share on Facebook Share via Email", "Skip to main content", "18 people
    are reading this now"), led by a verb of the page's or a count, ending on one of its words that is
    not a function word ("Save the Children" is a name, not "Save the" and a name), and standing before a
    capitalised word or the end. `strong` (glued on after a word): not a lone word."""
    tokens = _tokens_from(text, 0, 160)
    lead = _bare(tokens[0][2]) if tokens else ""
    counted = bool(_COUNT.match(lead))
    if lead not in _UI_VERB_FORMS and not (counted and len(tokens) > 1 and _bare(tokens[1][2]) in _UI_THINGS):
        return 0  # a count counts the page's things: "18 people …", "12 comments", not "2015 Print this page"
    best, previous = 0, ""
    needs_verb = counted and _bare(tokens[1][2]) in _COUNTED_BEINGS
    for i, (_, stop, word) in enumerate(tokens):
        bare = _bare(word)
        if i and bare not in _UI_WORDS and not (counted and bare in _STOP_WORDS) and word.strip("·•|") != "":
            break
        if needs_verb and i > 1 and bare in _UI_VERB_FORMS:
            needs_verb = False
        following = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        ends = (bare in _UI_VERBS or bare in _UI_THINGS or (previous, bare) in _UI_PAIRS
                or bare == "this" and previous in _UI_VERB_FORMS  # "Share this", "19 people have shared this"
                or not following and not strong and bare not in _UI_VERB_FORMS)  # "Share via" ends its block, "Show Jumping" is a heading
        if ends and not needs_verb and (i or len(tokens) == 1 and not strong) and (not following[:1].islower() or _URL_START.match(following)):
            best = stop  # the longest run after which a sentence can start ("Subscribe now Instagram …")
        previous = bare
    return best


def _bare(word: str) -> str:
    return word.lower().strip(".,:!|·•…()")


def _stands_apart(text: str, end: int) -> bool:
    """A piece glued to the text is followed by a sentence's start, not by more of its own sentence
    ("Advertisement campaigns are…" is no advertisement notice)."""
    rest = text[end:end + 20].lstrip(" \t·•|")
    return not rest or not rest[:1].islower()


def _through_space(text: str, end: int) -> int:
    while end < len(text) and text[end] in " \t·•|":
        end += 1
    return end


# (pattern, where its piece ends, strong): a strong piece is told apart even glued on after a word.
_OPENERS = [
    (_VOICE, _whole, True), (_ADVERT, _whole, True), (_FIXED_UI, _whole, True), (_CAPTION, _whole, True),
    (_BANNER, _topic_end, True), (_CREDIT, _credit_end, True), (_REPUBLISHED, _republished_end, True), (_FOLLOW, _whole, True), (_STAMP, _whole, True), (_POINTER, _pointer_end, True),
    (_TAGS, _tags_end, False), (_GRAPHIC_CREDIT, _graphic_credit_end, False),
    (_BYLINE, _byline_end, False),
]


# --- asides: the page talking about itself ---------------------------------------------------------

# What a page says of itself, by kind rather than by phrase: its parts and media, its navigation, and
# the reader's dealings with the publication (reading, supporting, being advertised to). A block
# made of these and of function words, that shares no other word with the article, is the page's
# ("Reuse this content", "This video can not be played", "Our journalism needs your support.").
_PAGE_VERBS = frozenset("""reuse republish license discover explore support donate contribute join rate vote favourite
favorite like push customise customize personalise personalize translate display browse visit return unlock become
keep turn""".split())
_PAGE_THINGS = _UI_THINGS | frozenset("""post posts site website homepage feeds edition headline headlines thread threads
error errors correction corrections favourites favorites bookmarks notification settings preferences profile privacy
terms policy cookie player playlist slideshow galleries clip clips livestream stream streams podcasts media multimedia
journalism journalists supporters subscription subscriptions subscriber subscribers member members membership
donation donations reader advert adverts advertisement advertisements advertising advertiser sponsor sponsors premium
exclusive exclusives offer offers newsroom editor editors url urls episode episodes channel channels feedback access
trial screen tag promoted partner partners picks highlights navigation sidebar footer alert window tab slide slides standards
slideshows dialog typo typos map maps chart charts graphic graphics infographic author authors keyboard shortcut shortcuts licence license button buttons icon icons carousel thumbnail
font archive archives illustration illustrations reprints permissions""".split())
_READER = frozenset("your yours us".split())  # the page addressing its reader
# Where on the page, not what: "next", "more" alone name none of its things ("What comes next").
_PLACES = frozenset("next previous more all up down back top bottom now here below above".split())
_PAGE_TALK = (_UI_VERB_FORMS | _verb_forms(_PAGE_VERBS) | _PAGE_THINGS
              | frozenset("previous prev latest related recommended popular trending featured sponsored also full free live breaking".split())
              | _READER)
_ASIDE_MOST = 8  # words: a line of the page's interface, not a heading or a list item of the article's
_ASIDE_LABEL_MOST = 6  # words of such a line glued ahead of a sentence in a one-line paste
_ASIDE_WORD = re.compile(r"[^\W_](?:[\w'-]*[^\W_])?")
# A page's partner credited: "Sponsored by", "Produced by", "Brought to you by", "In partnership with".
_CREDITS = frozenset("""sponsored produced presented powered brought supported funded paid partnership association
courtesy provided""".split())
_PAGE_LABEL = re.compile(r"((?:[\w'’]+ ){1,2}[\w'’]+)\s*[:|]\s+(?=[“\"‘'\[(]?[^\W_])")
_PAGE_CREDIT = re.compile(r"((?:[\w'’]+ ){1,3}?)(?:by|from|with) (?=[A-Z0-9])", re.I)
_CAPS_AFTER = re.compile(r"(?<=[a-z]) (?=[A-Z]{2})")  # a word in capitals after one that is not: a dateline
_CAPITALISED_OPENERS = frozenset(word.capitalize() for word in _SENTENCE_OPENERS)
_COMMON = 3.0  # Zipf frequency: a word English uses at least once per million words
_TOPICLESS = 5.0  # and at least once per hundred thousand: "needs", "said", "people" tell no topic


def _lowered(text: str) -> str:
    return text.lower().replace("’", "'")


def aside_words(text: str) -> list[str] | None:
    """The block's words in lowercase, if it may be an aside: no figures, and no word but its first
    capitalised unless it is one of the page's (a name marks the article's), or of the page's own
    name after a preposition ("Back to NAME homepage"), which is left out."""
    text = _without_own_name(text)  # "Exclusive offer for VG247 readers"
    if any(ch.isdigit() for ch in text):
        return None
    for token in text.split()[1:]:
        if token.lstrip("\"'“‘([*_")[:1].isupper() and not all(w in _PAGE_TALK for w in _ASIDE_WORD.findall(token.lower())):
            return None
    return [_POSSESSIVE.sub("", word) for word in _ASIDE_WORD.findall(_lowered(text))] or None


class ArticleWords:
    """How often each word of the article (in lowercase, as `aside_words` gives them) is in it,
    counted when first asked: most blocks are told from an aside before any word is looked up.
    Each distinct block counts once: a page repeats its asides ("Translate this page" at every
    section), and a copy must not vouch for another as the article's words."""

    def __init__(self, blocks: Iterable[str]) -> None:
        self._blocks = list(dict.fromkeys(blocks))
        self._counts: Counter[str] | None = None
        self._sentences: list[str] | None = None
        self._sentence_counts: Counter[str] = Counter()

    def get(self, word: str, default: int = 0) -> int:
        """In any block: a topical word found anywhere, even in the headline, is the article's."""
        if self._counts is None:
            self._counts = _word_counts(self._blocks)
        return self._counts.get(word, default)

    def in_sentences(self, word: str, judged: str) -> bool:
        """Whether the article's sentences (blocks longer than an aside) name `word` outside the copies
        of `judged` they hold. The page's own words ("subscriber", "page") vouch for an aside only from
        there: two of the page's lines, or two copies of one glued to two sentences, would vouch for each other."""
        if self._sentences is None:
            self._sentences = [_lowered(block) for block in self._blocks if block.count(" ") >= _ASIDE_MOST]
            self._sentence_counts = _word_counts(self._sentences)
        found = self._sentence_counts.get(word, 0)
        if not found:
            return False
        judged = _lowered(judged)
        copies = sum(judged in sentence for sentence in self._sentences)
        return found > copies * _word_counts([judged])[word]


def _word_counts(blocks: list[str]) -> Counter[str]:
    return Counter(_ASIDE_WORD.findall(_lowered("\n".join(blocks))))


def is_aside(text: str, article: ArticleWords) -> bool:
    """Whether a whole block is an aside of the page's (`article`: the article's words): a short
    line of the page's words, or a sentence of the page's to its reader."""
    return _page_line(text, article) or _page_notice(text, article)


def _page_line(text: str, article: ArticleWords) -> bool:
    """A line of at most eight words, the page's. Not a question or a label, which open what
    follows, nor a clause with a subject ("You can read it here."), nor a sentence that bids the
    reader do something (those are `_page_notice`'s to judge)."""
    if text.count(" ") >= _ASIDE_MOST:
        return False  # most blocks are sentences: told by their length before their words are read
    end = text.rstrip(" )]”\"’*_")[-1:]
    if end in "?:" or end == "." and _bare(text.split(maxsplit=1)[0]) in _UI_VERBS | _PAGE_VERBS:
        return False  # "Read the original article.": an article's word to its reader, as a sentence
    words = aside_words(text)
    if words and len(words) <= 3 and words[0] in _CREDITS and words[-1] in ("by", "with"):
        return True  # "Supported by", "In partnership with": a partner's credit whose name was a logo
    return bool(words) and not has_subject(words) and _page_run(words, article, text)


# The page addressing its reader about the reader's dealings with it: an account, access, alerts,
# an app, a comment form ("You have 3 free articles left this month.", "Your email address will not
# be published.", "We may earn a commission on purchases."). Its things, beyond the page's parts above; they
# count only in such a notice.
_DEALINGS = frozenset("""access free unlimited offer offers trial account email address inbox alerts news fields
reply consent preferences views author opinions affiliate affiliates commission commissions purchase purchases
earn conversation discussion""".split())
_NOTICE_THINGS = (_PAGE_THINGS | _DEALINGS) - _PLACES
_NOTICE_VERBS = _UI_VERB_FORMS | _verb_forms(_PAGE_VERBS) | _verb_forms(frozenset("enjoy get manage start".split()))
_NOTICE_MOST = 24  # words: a sentence of the page's, not a paragraph
_APPEAL_MOST = 5  # words: "Support independent journalism", not a sentence about supporting it
_NOTICE_WORD = re.compile(r"\$?\d[\d,.]*|[^\W\d_](?:[\w'’-]*[^\W_])?")
_SELF = re.compile(r"\b(?:this|our) (?:article|story|page|site|website|post|video|newsletter|app)\b", re.I)
_OBJECT_PREPOSITIONS = frozenset("for to with from by".split())
# The page's readers named as its notice's subject: "Subscribers can gift up to 10 articles each month."
_READERS = frozenset("subscribers subscriber members readers".split())  # not "users" of an app the article is about
_NAME = re.compile(r"\b[A-Z][\w'’&-]*(?:\.[\w-]+)*(?: [A-Z][\w'’&-]*(?:\.[\w-]+)*)*")  # capitalised words, a domain: "Polygraph.info"
_OWN_NAME_MOST = 3  # words: how the page names itself; more capitalised words are what it talks of


def _own_name(text: str) -> set[str]:
    """The words of the one name a notice gives after its first word ("Download the Polygraph.info app"):
    the page's own. A notice naming more, or longer names, names things of the article's topic."""
    found = _NAME.findall(text, 1)
    if len(found) != 1 or found[0].count(" ") >= _OWN_NAME_MOST:
        return set()
    return {word.lower() for word in _NOTICE_WORD.findall(found[0])}


def has_subject(words: list[str]) -> bool:
    """Whether a pronoun stands as a clause's subject ("so you can"), not after a preposition ("Recommended for you")."""
    return any(word in _PRONOUNS and (at == 0 or words[at - 1] not in _OBJECT_PREPOSITIONS) for at, word in enumerate(words))


def _page_notice(text: str, article: ArticleWords) -> bool:
    """A sentence of the page's to its reader: it addresses the reader ("you", "your", an opening
    verb of the page's, "this article", its readers as "Subscribers"), names two or more of the page's things or the reader's
    dealings with it, more of its content words are the page's than the article's topic, and it
    shares at most half of the page's words with the article, and none of its topical words unless
    three of the page's are the notice's alone (an article about an app or a paywall uses those
    words again). A name is no topic here: the page names itself ("Download the NAME app"), and the
    article's credits name it too. Never a quote or a question."""
    if text.count(" ") >= _NOTICE_MOST or any(mark in text for mark in "\"“”‘") or text.rstrip()[-1:] == "?":
        return False  # most blocks are longer sentences: told apart before their words are read
    opening = _opening_word(text)
    if "you" not in text.lower() and opening not in _NOTICE_VERBS and opening not in _READERS and not _SELF.search(text):
        return False  # no reader addressed: most of the rest, told apart before the words are read
    words = [_POSSESSIVE.sub("", word.lower()) for word in _NOTICE_WORD.findall(text)]
    if not 3 <= len(words) <= _NOTICE_MOST:
        return False
    if not (_READER.intersection(words) or "you" in words or words[0] in _NOTICE_VERBS or words[0] in _READERS
            or _SELF.search(text)):
        return False
    own = Counter(words)
    things = [w for w in words if w in _NOTICE_THINGS]
    page = [w for w in words if (w in _NOTICE_THINGS or w in _NOTICE_VERBS or w in _PAGE_TALK) and w not in _STOP_WORDS]
    others = [w for w in words if w[0].isalpha() and w not in _STOP_WORDS and w not in page and w not in _READER]
    names = _own_name(text)
    topical = [w for w in others if word_frequencies().get(w, 0) < _TOPICLESS and w not in names]
    if len(set(things)) < (1 if _appeal(words) else 2) or len(page) <= len(topical):
        return False
    alone = sum(not article.in_sentences(w, text) for w in things)  # things of the page the article never names
    if 2 * alone < len(things):
        return False
    return alone >= 3 or all(article.get(w, 0) <= own[w] for w in topical)


def _appeal(words: list[str]) -> bool:
    """A few words opening with a verb of the reader's dealings with the page ("Support independent
    journalism.", "Explore the gallery."): one thing of the page's is enough for a notice."""
    return len(words) <= _APPEAL_MOST and words[0] in _PAGE_VERBS


def speaks_of_the_page(text: str) -> bool:
    """Whether a word of `text` is one of the page's: its things, its controls' verbs, or the reader's
    dealings with it ("Like", "Press play to listen", "Already a subscriber?")."""
    return any((word := _POSSESSIVE.sub("", found)) in _PAGE_TALK or word in _NOTICE_THINGS or word in _NOTICE_VERBS
               for found in _ASIDE_WORD.findall(text.lower()))


def shares_no_topic(text: str, article: ArticleWords) -> bool:
    """Whether none of a line's topical words (rarer than _TOPICLESS) is found elsewhere in the article."""
    return topic_share(text, article) == 0


def topic_share(text: str, article: ArticleWords) -> float:
    """The share of a line's topical words (rarer than _TOPICLESS) found elsewhere in the article."""
    own = Counter(_POSSESSIVE.sub("", word) for word in _ASIDE_WORD.findall(_lowered(text)))
    topical = [word for word in own if word_frequencies().get(word, 0) < _TOPICLESS]
    return sum(article.get(word, 0) > own[word] for word in topical) / len(topical) if topical else 0.0


def aside_prefix(text: str, article: ArticleWords) -> int:
    """Length of an aside that opens `text` and may run into a sentence glued after it: a label of
    the page's words and the headline it shows ("Up next: …"), a credit of the page's partner
    ("Sponsored by NAME"), or a run of the page's words ("Reuse this content The Steelers …")."""
    return _page_label(text) or _page_credit(text) or _page_words_prefix(text, article) or _notice_prefix(text, article)


def _page_label(text: str) -> int:
    """"Up next: HEADLINE", "More videos: HEADLINE": two or three of the page's words and a colon, then
    a headline of its own shape (see _headline_end). One word ("Next:") may open an article's list."""
    label = _page_label_end(text)
    end = label and _headline_end(text, label)
    return _through_space(text, end) if end and _stands_apart(text, end) else 0


def kicker_prefix(text: str) -> int:
    """Length of another story's type, bar and title-case headline glued ahead of a sentence in a
    run-on line ("Opinion | HEADLINE “They need …”"): the headline ends where a sentence surely
    starts (see _surely_opens). After one word and a bar, where a headline ends is otherwise a
    guess, and a guess may take a sentence's first words; a headline in sentence case, or one
    running into a lowercase word, is left. Below the article's top only: at the top it is this
    article's own title."""
    kicker = _KICKER.match(text)
    if not kicker:
        return 0
    start = kicker.end() - 1
    tokens = _tokens_from(text, start)[:_KICKER_HEADLINE_MOST + 1]
    for i, (at, _, word) in enumerate(tokens):
        if i >= 2 and _surely_opens(text[start + at:start + at + READ_WINDOW]):
            return start + at
        if len(word) > 3 and word[:1].islower():
            return 0  # a sentence's word: the headline ran into the article, or is in sentence case
    ends_text = bool(tokens) and start + tokens[-1][1] >= len(text.rstrip())  # not only the window read
    return len(text) if ends_text and len(tokens) <= _KICKER_HEADLINE_MOST else 0


_KICKER_HEADLINE_MOST = 20  # words


def _surely_opens(text: str) -> bool:
    """Whether a sentence surely starts here: a quote, an opening word before a lowercase one ("The
    ministry …", not "The Year"), a dateline, or a piece of cruft."""
    words = text.split(maxsplit=2)
    return (text[:1] in "“\"‘" or _opens_sentence(text) and len(words) > 1 and words[1][:1].islower()
            or bool(_DATELINE.match(text)) or bool(cruft_prefix(text, at_start=False)))


def _page_label_end(text: str) -> int:
    """End of a label of two or three of the page's words and its colon or bar, before a headline's
    first word: a capital, a figure, or a letter of a script without case ("Up next: 악녀의 …"),
    maybe quoted ("Up next: ‘The Medium is the Message’"). Not a clause's subject ("He added: …")."""
    label = _PAGE_LABEL.match(text)
    if not label or text[label.end():label.end() + 2].lstrip("“\"‘'[(")[:1].islower():
        return 0
    words = label[1].lower().split()
    return label.end() if _page_lead(words, 2) and not _PRONOUNS.intersection(words) else 0


def _page_credit(text: str) -> int:
    """"Sponsored by NAME", "Discover more from NAME", "Produced by NAME Studios": the page's words,
    "by", "from" or "with", and a name, before a sentence's start or the block's end."""
    credit = _PAGE_CREDIT.match(text)
    if not credit or not _page_lead(credit[1].lower().split(), 1):
        return 0
    following = _tokens_from(text, credit.end(), 60)[:2]
    if len(following) == 2 and following[0][2] in _CAPITALISED_OPENERS and following[1][2][:1].islower():
        return credit.end()  # "Supported by The tie was …": the partner's name was a logo, the sentence follows
    end = _capitalised_end(text, credit.end(), 5)
    if caps := _CAPS_AFTER.search(text, credit.end(), end):
        end = caps.start()  # "Sponsored by The Hill HONG KONG —": the dateline opens the text
    for at, _, word in _tokens_from(text, credit.end(), end - credit.end())[1:]:
        if word in _CAPITALISED_OPENERS:
            end = credit.end() + at - 1  # "… The Daily Example The European Union …": "The" opens the text
            break
    if not end or text[end:end + 1] in (",", ";") or not _stands_apart(text, end):
        return 0  # "Supported by Washington, the rebels …": a sentence's opening clause
    rest = text[end:].lstrip()
    if (rest and not (_opens_sentence(rest) or rest[:2].isupper() or cruft_prefix(rest[:READ_WINDOW], at_start=False))
            and _bare(text[:end].split()[-1]) not in _NAME_ENDS):
        return 0  # "Produced by Wired Home Kym Lino, a spokesperson …": where the name ends is not in the text
    return _through_space(text, end)


def _opens_sentence(text: str) -> bool:
    """Whether `text` surely opens a sentence: with an opening word ("The", "In"). A capitalised word
    may be the end of the name before it ("… Studios Home Depot shares are up …")."""
    return text.split(maxsplit=1)[0] in _CAPITALISED_OPENERS


def _opens_word(word: str) -> bool:
    """Whether a word may open a sentence by its first letter: a capital, or a letter of a script
    without case ("Translate this page 다만 MBC …")."""
    return word[:1].isupper() or word[:1].isalpha() and not word[:1].islower()


def _page_lead(words: list[str], least: int) -> bool:
    """At least `least` words, each the page's, a credit's or a function word, one of them not a
    function word."""
    return (len(words) >= least and all(w in _PAGE_TALK or w in _CREDITS or w in _UI_WORDS or w in _STOP_WORDS
                                         or w in _LABEL_MODALS for w in words)
            and any(w in _PAGE_TALK or w in _CREDITS for w in words))


_LABEL_MODALS = frozenset("must don't don’t dont".split())  # "Must watch: …", "Don't miss: …"


def _page_words_prefix(text: str, article: ArticleWords) -> int:
    """The longest run of at most six words that is an aside, ends on one of the page's words, has
    no pronoun (a clause's subject), and stands before a sentence's start: an opening word, a
    capitalised word before a lowercase one, or after two words or more any capitalised word (a
    dateline: "Add to favourites Washington, DC: …")."""
    heads = text[:120].split(maxsplit=_ASIDE_LABEL_MOST + 1)[:_ASIDE_LABEL_MOST + 1]
    if not any(_opens_word(following.lstrip("“\"‘")) and (_bare(word) in _PAGE_TALK or _bare(word) == "you")
               for word, following in zip(heads, heads[1:])):
        return 0  # no word of the page's before a capital: most sentences stop here
    tokens = _tokens_from(text, 0, 200)
    best = 0
    for k in range(1, min(_ASIDE_LABEL_MOST, len(tokens) - 4) + 1):
        last, following, after = tokens[k - 1][2], tokens[k][2], tokens[k + 1][2]
        following = following.lstrip("“\"‘")  # "Reuse this content “Their immune system …"
        ends_on_reader = k > 1 and _bare(last) == "you" and _bare(tokens[k - 2][2]) == "for"  # "Recommended for you"
        if not (_bare(last) in _PAGE_TALK or ends_on_reader) or last[-1:] in ".:;,!?" or not _opens_word(following):
            continue  # a stop or a label's colon is another rule's piece, or a sentence's end
        if last.isupper() and not tokens[0][2].isupper():
            break  # "Previous article CLICK FOR FULL …": a line in capitals is the article's
        surely = following.lower() in _SENTENCE_OPENERS or len(following) > 2 and following.rstrip(",").isupper()
        opens = surely or after[:1].islower() and not following.isupper()  # "Sections DUBAI, …": a dateline
        if not opens and (k == 1 or following.lower().rstrip(".") in _MONTHS_DAYS | _DAY_SHORT):
            continue  # "Correction added Nov. 18, 2019: …" is a correction's date
        if k == 1 and not surely:
            continue  # "Home Depot shares …": one word of the page's may open a name, the sentence's subject
        run = text[:tokens[k - 1][1]]
        words = aside_words(run)
        if words and not has_subject(words) and _page_run(words, article, run, whole=False):
            best = tokens[k][0]
    return best


def _notice_prefix(text: str, article: ArticleWords) -> int:
    """A notice of the page's to its reader (see _page_notice) glued ahead of a sentence in a one-line
    paste, with no stop of its own ("Download the X app for the latest news The minister …"): the
    longest one that ends on a word of the page's and before a sentence's visible start (as in
    _page_words_prefix)."""
    first = _opening_word(text)
    if first not in _NOTICE_VERBS and first not in ("you", "your"):
        return 0  # a notice glued on opens with its verb or its reader
    tokens = _tokens_from(text, 0, 240)
    for k in range(min(_NOTICE_MOST, len(tokens) - 2), 2, -1):
        last, following, after = tokens[k - 1][2], tokens[k][2].lstrip("“\"‘"), tokens[k + 1][2]
        if _bare(last) not in _NOTICE_THINGS or last[-1:] in ".:;,!?" or not following[:1].isupper():
            continue
        if (following.lower() in _SENTENCE_OPENERS or after[:1].islower() and not following.isupper()
                or len(following) > 2 and following.rstrip(",").isupper()) and _page_notice(text[:tokens[k - 1][1]], article):
            return tokens[k][0]
    return 0


def _page_run(words: list[str], article: ArticleWords, judged: str, whole: bool = True) -> bool:
    """A short run of the page's words naming one of its things (not only "next" or "more"): more
    than half its content words are the page's, at least half of those are found nowhere else in the
    article (a subheading shares its words with the text below it), and the others are common words,
    found nowhere else unless so common they tell no topic ("needs", "see"), which count for neither.
    Not `whole` (a run glued ahead of a sentence): it ends on one of the page's words or a function word.
    `judged`: the text the words were read from, whose copies in the article vouch for nothing."""
    if not 0 < len(words) <= _ASIDE_MOST or not whole and words[-1] not in _PAGE_TALK and words[-1] not in _STOP_WORDS:
        return False
    if len(words) == 1 and len(words[0]) < 4:
        return False  # "min.", "ad": a fragment's word, not a heading of the page's
    common, own = word_frequencies(), Counter(words)
    page = [w for w in words if w in _PAGE_TALK and w not in _STOP_WORDS]
    others = [w for w in words if w not in _PAGE_TALK and w not in _STOP_WORDS]
    topical = [w for w in others if common.get(w, 0) < _TOPICLESS]
    names = any(w in _PAGE_THINGS and w not in _PLACES for w in words) or words[-2:] == ["for", "you"]
    if not names or len(page) <= len(topical):
        return False  # the page names a thing of its own, or its reader: "Show Jumping" is two verbs and a heading
    cited = [w for w in page if w not in _READER]
    if 2 * sum(not article.in_sentences(w, judged) for w in cited) < len(cited):
        return False
    return all(common.get(w, 0) >= _COMMON and article.get(w, 0) <= own[w] for w in topical)

