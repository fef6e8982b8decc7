"""What a saved page states about itself: headline, authors, date, canonical URL, outlet.

Sources in order of trust: JSON-LD (written for search engines, rarely decorated), meta
tags, then the visible page (<h1>, <time>, bylines), then the page's own URL. Dates never
come from other pages' URLs: a link to an older story says nothing of this one's date.
"""

from __future__ import annotations

import copy
import datetime as dt
import email.utils
import json
import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from generator.ingest.meta import registrable_domain

_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Posting|Report|Review", re.I)
_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "publishdate", "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date",
    "article.published", "originalpublicationdate", "cxenseparse:recs:publishtime",
)
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "citation_author")
_ISO = re.compile(r"((?:19|20)\d\d)-?([01]\d)-?([0-3]\d)")
# One separator throughout: "/2019/11/florida-man" is a month, not 2019-1-1.
_URL_DATE = re.compile(r"/((?:19|20)\d\d)([/-])([01]?\d)\2([0-3]?\d)(?:/|-|_|\.|$)|/((?:19|20)\d\d)([01]\d)([0-3]\d)/")
_UTC = re.compile(r"(?:\d\d:\d\d(?::\d\d)?(?:\.\d+)?)(?:Z|\s*[+-]00:?00)\b|\bGMT\+?0*\b|\bUTC\b")
# A UTC stamp before 05:00 is the previous evening across the Americas: worth a look at the local time.
_EARLY_UTC = re.compile(r"T0[0-4]:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|\s*\+00:?00)\b")
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|«|»|·|•|/)\s+|:\s+")
# A role and its qualifiers after a name: "AP National Political Writer", "CNN Editor-at-large".
_ROLE = re.compile(
    r"(?:\b(?:[A-Z]{2,5}|senior|chief|staff|deputy|special|contributing|political|foreign|national|security|science|"
    r"technology|business|sports?|auto|news|breaking|investigative|associate|managing|executive|guest|wire)\s+)*"
    r"\b(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|author|photographer|producer|"
    r"analyst|critic|staff|reports|services)s?\b(?:-at-large)?.*$|\s+is an? .*$",
    re.I,
)
# Conjunctions only in lower case: "Sarah E. Needleman" and "Bruce Y. Lee" are one person each.
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\s(?:and|und|et|y|e|with)\s|(?<=\w\w)\.\s+(?=[A-Z]))\s*")
_DATE_WORDS = re.compile(
    r"\s*\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b.*$"
)
_AGENCY = re.compile(
    r"(?:the )?(?:associated press|ap|reuters|afp|agence france-presse|pti|ians|ani|upi|dpa|efe|ansa|xinhua|tass|"
    r"press association|pa media|news agencies|wire services|bloomberg)",
    re.I,
)
_PARTICLES = {"de", "da", "das", "do", "dos", "di", "del", "della", "van", "von", "der", "den", "ter", "le", "la", "du", "bin", "al", "el", "ibn"}
_NO_SPACES_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_NOT_A_NAME = re.compile(
    r"https?:|www\.|@|_|\d|\.(?:com|org|net|co|in|uk)\b|admin|^(?:staff|editor|unknown|anonymous)$|^the\s"
    r"|\b(?:international|news|media|staff|desk|bureau|team|editors|newsroom|online|digital|wire|services|press|agency)\b",
    re.I,
)


def read_meta(tree: HtmlElement) -> dict[str, object]:
    """The hints a page states outright; keys with nothing found are left out."""
    ld = _json_ld(tree)
    article = next((o for o in ld if _ARTICLE_TYPES.search(str(o.get("@type", "")))), {}) or _credited_page(ld)
    metas = _meta_tags(tree)
    url = _canonical_url(tree, metas, article)
    outlet = _outlet(metas, article, url)
    domain = registrable_domain(url) if url else None
    hints: dict[str, object] = {
        "title": _title(tree, metas, article, outlet, domain),
        "authors": _authors(tree, metas, article, ld, outlet, domain),
        "url": url,
        "outlet": outlet,
        "description": _description(metas, article),
    }
    date, source = _date(tree, metas, article, url)
    if date:
        hints.update(date=date, date_source=source)
    return {key: value for key, value in hints.items() if value}


def _json_ld(tree: HtmlElement) -> list[dict]:
    """Every object in the page's JSON-LD blocks, @graph members and nested ones included."""
    found: list[dict] = []
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        try:
            data = json.loads(script.text_content().strip().rstrip(";"))
        except ValueError:
            continue
        found.extend(_walk(data))
    return found


def _credited_page(ld: list[dict]) -> dict:
    """A page typed as something other than an article ("MedicalWebPage") that credits an author."""
    return next((o for o in ld if "WebPage" in str(o.get("@type", "")) and o.get("author")), {})


def _walk(data: object) -> Iterator[dict]:
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _walk(value)
    elif isinstance(data, list):
        for value in data:
            yield from _walk(value)


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    """name/property/itemprop (lower-cased) -> the first non-empty content."""
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = _squash(meta.get("content") or meta.get("datetime") or "")
        if key and content and key not in metas:
            metas[key] = content
    return metas


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _text(value: object) -> str:
    """A JSON-LD value as text: strings as they are, objects by their name."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id") or ""
    return _squash(value) if isinstance(value, str) else ""


# --- URL and outlet ---------------------------------------------------------------------

def _canonical_url(tree: HtmlElement, metas: dict[str, str], article: dict) -> str | None:
    og_url = metas.get("og:url", "")
    candidates = [*tree.xpath('//link[@rel="canonical"]/@href'), og_url, _text(article.get("mainEntityOfPage")), _text(article.get("url"))]
    for candidate in candidates:
        url = urljoin(og_url, candidate.strip()) if candidate else ""
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc:
            return url
    return None


def _outlet(metas: dict[str, str], article: dict, url: str | None) -> str | None:
    name = metas.get("og:site_name") or _text(article.get("publisher")) or metas.get("application-name")
    if name and not name.startswith("http"):
        return name
    return registrable_domain(url) if url else None


# --- title ------------------------------------------------------------------------------

def _title(tree: HtmlElement, metas: dict[str, str], article: dict, outlet: str | None, domain: str | None) -> str | None:
    """The headline without site decoration: an <h1> that a meta title contains, else the
    meta title with its site-name segments cut."""
    declared = [t for t in (metas.get("og:title"), _text(article.get("headline")), metas.get("twitter:title"),
                            _squash(tree.findtext(".//title") or "")) if t]
    headings = [_squash(h.text_content()) for h in tree.iter("h1")][:5]
    for heading in headings:
        if len(heading) >= 10 and not _same(heading, outlet or "") and any(_is_headline_of(heading, t) for t in declared):
            return heading
    if not declared:
        return headings[0] if headings and len(headings[0]) >= 10 else None
    return _strip_site(declared[0], outlet, domain)


def _is_headline_of(heading: str, title: str) -> bool:
    """The heading is the title, or its main part: "Opinion | HEADING", "HEADING - Site"."""
    heading, title = _norm(heading), _norm(title)
    if heading == title:
        return True
    rest = title.removeprefix(heading) if title.startswith(heading) else title.removesuffix(heading)
    return rest != title and len(rest) < len(heading) and (title.startswith(heading + " ") or title.endswith(" " + heading))


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _same(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


def _strip_site(title: str, outlet: str | None, domain: str | None) -> str:
    """Cut leading/trailing segments that name the site or a section ("Opinion | …", "… - Reuters")."""
    site_words = {_norm(name) for name in (outlet, domain) if name}
    site_words |= {_norm(name.split(".")[0]) for name in (outlet, domain) if name and "." in name}
    parts = _SEPARATORS.split(title)
    separators = _SEPARATORS.findall(title)
    while len(parts) > 1 and _is_decoration(parts[-1], site_words, separators[-1]):
        parts.pop(), separators.pop()
    while len(parts) > 1 and _is_decoration(parts[0], site_words, separators[0]):
        parts.pop(0), separators.pop(0)
    rebuilt = parts[0] + "".join(sep + part for sep, part in zip(separators, parts[1:]))
    return rebuilt.strip()


def _is_decoration(segment: str, site_words: set[str], separator: str) -> bool:
    words = _norm(segment)
    if not words:
        return True
    squashed = words.replace(" ", "")
    if words in site_words or squashed in {w.replace(" ", "") for w in site_words}:
        return True
    # The site's name spelled out from its domain: "Vortex Cannon Entertainment" on vortexcannon.org.
    if any(len(w) >= 6 and " " not in w and squashed.startswith(w) for w in site_words) and segment.istitle():
        return True
    # A short all-capitalised segment behind a bar ("| CBC News", "Opinion |") is a site or section name.
    return separator.strip() in ("|", "::", "«", "»", "·", "•") and len(segment.split()) <= 3 and segment.istitle()


# --- authors ----------------------------------------------------------------------------

def _authors(tree: HtmlElement, metas: dict[str, str], article: dict, ld: list[dict], outlet: str | None, domain: str | None) -> list[str]:
    """The people the page credits: the first source that names one (JSON-LD, its byline field,
    meta tags, the visible byline, trafilatura's wider reading of the page's metadata), widened to
    the visible byline when that names them and more. When no person is named, the organisation
    credited instead ("Reuters", "BBC News")."""
    sites = [_squashed(name) for name in (outlet, _text(article.get("publisher")), domain and domain.split(".")[0]) if name]
    ld_credits = _ld_authors(article.get("author"), _by_id(ld))
    visible = _byline_authors(tree)
    sources = ([_text(c) for c in ld_credits if not _is_organisation(c)], _strings(article.get("byline")),
               [metas[k] for k in _AUTHOR_META if k in metas], visible)
    names = next((found for raw in sources if (found := _people(raw, sites))), []) or _people(_metadata_authors(tree), sites)
    shown = _people(visible, sites)
    if names and len(shown) > len(names) and {_squashed(n) for n in names} <= {_squashed(n) for n in shown}:
        names = shown  # metadata that lists only the first of the byline's writers
    if names:
        return names
    organisations = [_text(c) for c in ld_credits if _is_organisation(c)]
    agencies = [agency for raw in sources for text in raw if (agency := _agency(text))]
    return [(agencies + organisations)[0]] if agencies or organisations else []


def _people(raw: list[str], sites: list[str]) -> list[str]:
    names: list[str] = []
    for text in raw:
        for name in _clean_names(text):
            if not _names_site(name, sites) and _squashed(name) not in {_squashed(n) for n in names}:
                names.append(name)
    return names


def _by_id(ld: list[dict]) -> dict[str, dict]:
    """JSON-LD nodes that have a name, by their @id: what an {"@id": ...} author refers to."""
    return {node["@id"]: node for node in ld if isinstance(node.get("@id"), str) and node.get("name")}


def _ld_authors(value: object, by_id: dict[str, dict]) -> list[object]:
    items = value if isinstance(value, list) else [value] if value else []
    return [by_id.get(item.get("@id"), item) if isinstance(item, dict) and not item.get("name") else item for item in items]


def _is_organisation(item: object) -> bool:
    return isinstance(item, dict) and "Organization" in str(item.get("@type"))


def _strings(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [text for item in items if (text := _text(item))]


def _agency(text: str) -> str | None:
    """"By REUTERS", "The Associated Press" -> the agency's name as it is usually written."""
    text = re.sub(r"^(?:by\s+)?(?:the\s+)?", "", _squash(text), flags=re.I).strip(" .,;:")
    if not _AGENCY.fullmatch(text):
        return None
    return text.title() if text.isupper() and len(text) > 4 else text


def _byline_authors(tree: HtmlElement) -> list[str]:
    """trafilatura's reading of the visible byline (rel=author, byline classes...)."""
    from trafilatura.metadata import extract_author

    return (extract_author(tree) or "").split(";")


def _metadata_authors(tree: HtmlElement) -> list[str]:
    """trafilatura's whole metadata reading (a user name tidied, more markup read): the last resort,
    as it costs tens of milliseconds."""
    from trafilatura.metadata import extract_metadata

    return ((extract_metadata(copy.deepcopy(tree)).author or "").split(";"))  # it may prune the tree


def _squashed(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _names_site(name: str, sites: list[str]) -> bool:
    """'Business Insider', 'LinkNaija', 'Telegraph Sport' on their own sites are not people."""
    squashed = _squashed(name)
    return any(len(site) >= 3 and (site in squashed or squashed in site) for site in sites)


def _clean_names(text: str) -> list[str]:
    """'Analysis by JANE DOE and John Roe, AP Staff Writers' -> ['Jane Doe', 'John Roe']."""
    text = re.sub(r"^.*?\b(?:by|von|par|por|door|di|text|texto|текст)\b\s*:?\s*", "", _squash(text), count=1, flags=re.I)
    text = re.sub(r"\s*[|(].*$", "", text)  # "Name | Outlet", "Name (Reuters)"
    names = []
    for part in _NAME_SPLIT.split(text):
        part = _ROLE.sub("", _DATE_WORDS.sub("", part)).strip(" .,;:-–—")
        part = re.sub(rf"\s+{_AGENCY.pattern}$", "", part, flags=re.I)  # "ERIC TUCKER Associated Press"
        if _is_name(part):
            names.append(part.title() if part.isupper() else part)
    return names


def _is_name(part: str) -> bool:
    """Two to four words (one for scripts written without spaces), no digits, links or agencies."""
    words = part.split()
    if not words or len(words) > 4 or _NOT_A_NAME.search(part) or _AGENCY.fullmatch(part):
        return False
    if any(word[0].islower() and word not in _PARTICLES for word in words):  # "Colin Rust commented on"
        return False
    return len(words) > 1 or bool(_NO_SPACES_SCRIPT.search(part))


# --- description ------------------------------------------------------------------------

def _description(metas: dict[str, str], article: dict) -> str | None:
    for text in (metas.get("og:description"), metas.get("description"), metas.get("twitter:description"), _text(article.get("description"))):
        if text and len(text) >= 40:
            return text
    return None


# --- date -------------------------------------------------------------------------------

def _date(tree: HtmlElement, metas: dict[str, str], article: dict, url: str | None) -> tuple[dt.date | None, str]:
    url_day = url_date(url) if url else None
    for raw, source in _stated_dates(tree, metas, article):
        if date := parse_date(raw):
            # A UTC time stamp just after midnight is the previous evening where the story was
            # filed; the URL, written in local time, tells which day the publisher meant.
            if url_day and url_day == date - dt.timedelta(days=1) and _UTC.search(raw):
                return url_day, f"the article's URL ({source} is a day later in UTC)"
            if _EARLY_UTC.search(raw) and not url_day:  # no URL to tell: the local time the page shows
                local, _ = _htmldate(tree)
                if local == date - dt.timedelta(days=1):
                    return local, f"the page's local time ({source} is a day later in UTC)"
            return date, source
    if url_day:
        return url_day, "the article's URL"
    found = _htmldate(tree)
    return found if found[0] else _htmldate(tree, extensive=True)


def _stated_dates(tree: HtmlElement, metas: dict[str, str], article: dict) -> Iterator[tuple[str, str]]:
    yield _text(article.get("datePublished")), "JSON-LD datePublished"
    for key in _DATE_META:
        if key in metas:
            yield metas[key], f"meta {key}"
    for time in tree.xpath('//time[@itemprop="datePublished" or @pubdate or contains(@class, "publish")] | //article//time | //time'):
        yield time.get("datetime") or time.get("content") or "", "the page's <time> element"


def parse_date(text: str) -> dt.date | None:
    """ISO 8601 or RFC 2822 text -> the date as written (no time-zone shift)."""
    if not text:
        return None
    found = _ISO.search(text)
    try:
        date = dt.date(int(found[1]), int(found[2]), int(found[3])) if found else email.utils.parsedate_to_datetime(text).date()
    except (ValueError, TypeError):
        return None
    return date if _plausible(date) else None


def url_date(url: str) -> dt.date | None:
    found = _URL_DATE.search(urlsplit(url).path)
    if not found:
        return None
    year, month, day = (int(found[g]) for g in ((1, 3, 4) if found[1] else (5, 6, 7)))
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date if _plausible(date) else None


def _plausible(date: dt.date) -> bool:
    return dt.date(1990, 1, 1) <= date <= dt.date.today() + dt.timedelta(days=1)


def _htmldate(tree: HtmlElement, extensive: bool = False) -> tuple[dt.date | None, str]:
    """htmldate's reading of the markup; when the page states no date anywhere else, of its
    text too ("publiziert am 25. September 2018"), kept only when that day is written out in
    the page's text: the text search also reads links to other stories and copyright years."""
    from htmldate import find_date  # imported lazily: most pages state their date plainly

    found = find_date(copy.deepcopy(tree), extensive_search=extensive, original_date=True)  # it prunes the tree
    date = parse_date(found or "")
    if date and extensive and not _written_out(date, tree.text_content()):
        return None, ""
    return (date, "the page's markup (htmldate)" if not extensive else "a date written on the page (htmldate)") if date else (None, "")


def _written_out(date: dt.date, text: str) -> bool:
    """"25. September 2018", "Sept 25, 2018", "25.09.2018": the day's number and the year, close."""
    day, year = rf"\b0?{date.day}\b", rf"\b{date.year}\b"
    return bool(re.search(rf"{day}[^\d]{{1,15}}{year}|{day}\D{{0,2}}0?{date.month}\D{{0,2}}{year}", text))
