"""content/**/*.md -> Documents, with front-matter checked against the schema.

Briefings from seeds and briefings written by hand are the same kind of Document; the common
front-matter of Hugo and Jekyll (title, date, tags, summary, draft, aliases, slug, url) works.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.utils.filememo import file_sha256
from generator.utils.files import files_under, read_input
from generator.utils.gcpause import collections_paused
from generator.utils.parallel import map_shares, processes_for
from generator.problems import Problem, ProblemError
from generator.content.sanitise import allowed_url
from generator.config.schema import Field, check, to_bool, to_date, to_mapping, to_text, to_text_list
from generator.content.sitepaths import Claims, generated, page_file, site_path
from generator.config.yamlfile import split_front_matter

SOURCE_SCHEMA = {
    "name": Field(to_text, "the outlet's name"),
    "domain": Field(to_text, "the outlet's web domain"),
    "url": Field(to_text, "the original article's URL"),
    "evidence": Field(to_text_list, "how the outlet was identified"),
}
DATE_INFERENCE_SCHEMA = {
    "earliest": Field(to_date, "the earliest possible publication date"),
    "latest": Field(to_date, "the latest possible publication date"),
    "confidence": Field(to_text, "how sure the inference is", choices=("high", "medium", "low", "none")),
    "evidence": Field(to_text_list, "what the inference rests on"),
}


def to_source(value: Any) -> dict:
    """`source: Reuters` (other generators' style) or a mapping with name, domain and url."""
    return {"name": to_text(value)} if isinstance(value, str) else to_mapping(value)


def _records(required: tuple[str, ...]) -> Any:
    """A converter for a list of mappings that each have the `required` keys (figures, quotes)."""
    def convert(value: Any) -> list[dict]:
        if not isinstance(value, list) or not all(isinstance(v, dict) and all(k in v for k in required) for v in value):
            raise ValueError(f"must be a list of mappings, each with {' and '.join(required)}")
        return value
    return convert


FRONT_MATTER_SCHEMA = {
    "title": Field(to_text, "the headline"),
    "date": Field(to_date, "publication date, YYYY-MM-DD"),
    "lastmod": Field(to_date, "last update (Hugo)"),
    "date_inference": Field(to_mapping, "present when the date was inferred", fields=DATE_INFERENCE_SCHEMA),
    "draft": Field(to_bool, "true keeps it out of the site"),
    "summary": Field(to_text, "one or two sentences"),
    "description": Field(to_text, "a summary (Jekyll, Hugo)"),
    "key_points": Field(to_text_list, "the main facts"),
    "tags": Field(to_text_list, "free-form tags"),
    "categories": Field(to_text_list, "categories (Hugo, Jekyll)"),
    "aliases": Field(to_text_list, "old URLs that redirect here"),
    "slug": Field(to_text, "the last part of the URL"),
    "url": Field(to_text, "the whole URL path, such as /2022/03/story/"),
    "permalink": Field(to_text, "the whole URL path (Jekyll)"),
    "author": Field(to_text_list, "author or authors"),
    "authors": Field(to_text_list, "authors"),
    "source": Field(to_source, "the outlet (text) or a mapping: name, domain, url of the original", fields=SOURCE_SCHEMA),
    "language": Field(to_text, "language code"),
    "layout": Field(to_text, "template to render with, such as briefing"),
    "seed": Field(to_mapping, "the seed a briefing was made from"),
    "generated_sha256": Field(to_text, "hash of the file as the generator wrote it"),
    "people": Field(to_text_list, "people the briefing names (an editor's list wins over extraction)"),
    "places": Field(to_text_list, "places the briefing names"),
    "organisations": Field(to_text_list, "organisations the briefing names"),
    "figures": Field(_records(("value", "what")), "numeric claims: value, what, qualifier, claimant, date, sentence"),
    "quotes": Field(_records(("text", "speaker")), "quotes: text, speaker"),
}
_JEKYLL_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")


@dataclass
class Document:
    path: Path
    source_path: str  # relative to content/, with forward slashes
    url: str  # site-relative, such as "briefings/story/"
    title: str
    date: dt.datetime | None
    body_utf8: bytes  # the Markdown, encoded: half the memory of a str with a curly quote in it
    body_line: int
    meta: dict[str, Any]  # every front-matter value, converted where the schema knows the key
    sha256: str
    authors: list[str] = field(default_factory=list)
    # Values refused while loading, the briefing kept without them: errors (a path that would
    # leave the site) and warnings (a link with a scheme such as javascript:).
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    aliases_line: int | None = None  # where front-matter lists them, to name in a clash

    @property
    def body(self) -> str:
        return self.body_utf8.decode()

    @property
    def key(self) -> tuple[str, str]:
        """This file with these contents: what is derived from a Document is kept by it (a str
        pair hashes far faster than a Path)."""
        return self.source_path, self.sha256

    @property
    def draft(self) -> bool:
        return bool(self.meta.get("draft"))

    @property
    def summary(self) -> str:
        return self.meta.get("summary") or self.meta.get("description") or ""

    @property
    def date_inferred(self) -> bool:
        return "date_inference" in self.meta

    @property
    def sort_date(self) -> dt.datetime:
        """The date, or the earliest inferred one; undated briefings sort last."""
        inferred = self.meta.get("date_inference", {}).get("earliest")
        return self.date or inferred or dt.datetime.min.replace(tzinfo=dt.timezone.utc)


@dataclass
class ContentSet:
    documents: list[Document]
    problems: list[Problem]
    warnings: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # the content files listed, in path order
    _places: dict[str, int] | None = field(default=None, repr=False)  # file -> its Document's place in `documents`

    def place(self, file: str) -> int | None:
        """Where the Document loaded from `file` is in `documents`, as loaded (not left out, nor a
        copy with some aliases left out); None when it is not."""
        if self._places is None:
            self._places = {str(document.path): k for k, document in enumerate(self.documents)}
        return self._places.get(file)


@collections_paused()  # Documents are kept: collections while making them found nothing to free
def load_content(content_dir: Path, include_drafts: bool = False, known: dict[tuple[str, str], Document] | None = None,
                 jobs: int | None = 1, hash_of: Callable[[str], str] | None = None) -> ContentSet:
    """`known`: Documents an earlier build loaded, by (file, hash): reused, not parsed again; the
    caller keeps it (the build cache) and finds in it, afterwards, exactly this load's Documents.
    The files left to parse are shared among processes (`jobs`, None: as many as are worth it),
    since parsing front-matter is the costly part. `hash_of`: a file's SHA-256, by its path (the
    build's FileHashes, which has them already); by default each file is read and hashed."""
    known = {} if known is None else known
    hash_of = hash_of or file_sha256
    refused: list[Problem] = []  # links out of content/
    keys = [(file, hash_of(file)) for file in files_under(content_dir, ".md", refused)]
    # The workers read the missing files again: holding their bytes for them raised the peak
    # memory of a cold build and saved no time.
    missing = [Path(file) for file, digest in keys if (file, digest) not in known]
    shares = map_shares(lambda which, n: [load_or_problem(path, content_dir) for path in missing[which::n]],
                        processes_for(len(missing), jobs))
    parsed = {str(path): loaded for which, found in enumerate(shares)
              for path, loaded in zip(missing[which::len(shares)], found)}
    loaded = [known.get(key) or parsed[key[0]] for key in keys]
    known.clear()
    known.update(((str(each.path), each.sha256), each) for each in loaded if isinstance(each, Document))
    content = collect_content(loaded, include_drafts)
    content.problems[:0] = refused
    content.files = [file for file, _ in keys]
    return content


def reload_in_place(content: ContentSet, paths: Iterable[Path], content_dir: Path,
                    known: dict[tuple[str, str], Document]) -> ContentSet | None:
    """`content` (load_content's, or this function's) with the files at `paths` parsed again, when
    each is a plain file it lists whose briefing stays as it was placed: loaded, published, at the
    same URL with the same aliases, problems and warnings. Then no other briefing's place or claim
    changes, and nothing is walked: the dev server's save of a briefing. None otherwise (then
    load_content loads all). `known` is brought up to date, as load_content leaves it."""
    documents = list(content.documents)
    replaced: list[tuple[Document, Document]] = []
    for path in paths:
        file = str(path)
        place = content.place(file)
        if place is None or os.path.islink(file) or not os.path.isfile(file):
            return None
        old, new = documents[place], load_or_problem(path, content_dir)
        if not isinstance(new, Document) or not _placed_alike(old, new):
            return None
        documents[place] = new
        replaced.append((old, new))
    for old, new in replaced:
        known.pop((str(old.path), old.sha256), None)
        known[(str(new.path), new.sha256)] = new
    return dataclasses.replace(content, documents=documents, problems=list(content.problems),
                               warnings=list(content.warnings))


def _placed_alike(old: Document, new: Document) -> bool:
    """Whether `new`, loaded from the file `old` was, takes the same place among the briefings."""
    return (new.url, new.draft, new.meta.get("aliases"), new.problems, new.warnings) == (
        old.url, old.draft, old.meta.get("aliases"), old.problems, old.warnings)


def load_or_problem(path: Path, content_dir: Path) -> Document | Problem:
    try:
        return load_document(path, content_dir)
    except ProblemError as error:
        return error.problem


def collect_content(loaded: Iterable[Document | Problem], include_drafts: bool = False) -> ContentSet:
    """Loaded files, in path order -> the site's documents: drafts dropped, clashing URLs and
    aliases reported (a clashing alias is left out, its briefing kept).

    Split from loading so the dev server can re-load only the files that changed."""
    documents: list[Document] = []
    content = ContentSet(documents, [])
    claims = Claims()
    for document in loaded:
        if isinstance(document, Problem):
            content.problems += [document, *document.also]
            continue
        if document.draft and not include_drafts:
            continue
        content.problems += document.problems
        content.warnings += document.warnings
        taken = claims.taken(page_file(document.url))
        if taken is not None:
            content.problems.append(Problem(document.path, f"has the same URL /{document.url} as {taken}", 1))
            continue
        claims.claim(page_file(document.url), document.source_path)
        documents.append(document)
    for index, document in enumerate(documents):
        if "aliases" in document.meta:
            documents[index] = _claim_aliases(document, claims, content.problems)
    return content


def _claim_aliases(document: Document, claims: Claims, problems: list[Problem]) -> Document:
    """The document with the aliases no other page has; the rest reported. A copy when some are
    left out: the Document itself is kept between builds, which may not clash."""
    kept = []
    for alias in document.meta["aliases"]:
        file = page_file(alias)
        taken = claims.taken(file)
        if taken is not None:
            problems.append(Problem(document.path, f"`aliases`: /{alias} is already the page of {taken}: left out",
                                    document.aliases_line))
            continue
        claims.claim(file, f"an alias in {document.source_path}")
        kept.append(alias)
    if len(kept) == len(document.meta["aliases"]):
        return document
    return dataclasses.replace(document, meta={**document.meta, "aliases": kept})


def load_document(path: Path, content_dir: Path) -> Document:
    raw = read_input(path, content_dir)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProblemError(Problem(path, f"not UTF-8 text: {error.reason} at byte {error.start}")) from None
    split = split_front_matter(text, path)
    meta, problems = check(split.meta, FRONT_MATTER_SCHEMA, path)
    if problems:
        raise ProblemError(dataclasses.replace(problems[0], also=tuple(problems[1:])))
    relative = path.relative_to(content_dir)
    stem_date, stem = _split_jekyll_name(relative.stem)
    refused = _site_paths(meta, split.meta.lines, path)
    url = _url_for(path, relative, meta, stem)
    return Document(
        path=path,
        source_path=relative.as_posix(),
        url=url,
        title=meta.get("title") or _first_heading(split.body) or stem.replace("-", " ").capitalize(),
        date=meta.get("date") or stem_date,
        body_utf8=split.body.encode(),
        body_line=split.body_line,
        meta=meta,
        sha256=hashlib.sha256(raw).hexdigest(),
        authors=meta.get("authors") or meta.get("author") or [],
        problems=tuple(refused),
        warnings=tuple(_unsafe_links(meta, split, path)),
        aliases_line=split.meta.lines.get("aliases"),
    )


def _split_jekyll_name(stem: str) -> tuple[dt.datetime | None, str]:
    """Jekyll's 2022-03-17-title.md carries the date in the name."""
    found = _JEKYLL_NAME.match(stem)
    if not found:
        return None, stem
    try:
        day = dt.datetime(int(found[1]), int(found[2]), int(found[3]), tzinfo=dt.timezone.utc)
    except ValueError:
        return None, stem
    return day, found[4]


def _url_for(path: Path, relative: Path, meta: dict[str, Any], stem: str) -> str:
    """The page's URL in the site, always a folder (its page is URL + index.html): from `url` or
    `permalink` (already through _site_paths), else the file's folder and `slug` or name."""
    explicit = meta.get("url") or meta.get("permalink")
    if explicit:
        return f"{explicit}/"
    folder = relative.parent.as_posix()
    slug = meta.get("slug") or stem
    if slug in ("index", "_index"):
        url = f"{folder}/" if folder != "." else ""
    else:
        url = f"{slug}/" if folder == "." else f"{folder}/{slug}/"
    if generated(page_file(url)):
        raise ProblemError(Problem(path, f"its URL /{url} is where the generator makes {generated(page_file(url))}: "
                                   "give it a `slug` or `url`"))
    return url


_PATH_KEYS = ("url", "permalink", "slug")


def _site_paths(meta: dict[str, Any], lines: dict[str, int], path: Path) -> list[Problem]:
    """`url`, `permalink`, `slug` and `aliases` normalised in place (see sitepaths); a value that
    would leave the site or land on a file the generator makes is taken out, and reported."""
    problems = []
    for key in _PATH_KEYS:
        if key in meta:
            try:
                meta[key] = site_path(meta[key])
                where = generated(page_file(meta[key])) if key != "slug" else None
                if where or (key != "slug" and not meta[key]):
                    raise ValueError(f"/{meta[key]} is where the generator makes {where or '/index.html'}")
            except ValueError as error:
                problems.append(Problem(path, f"`{key}`: {error}: left out", lines.get(key)))
                del meta[key]
    aliases = []
    for alias in meta.get("aliases", []):
        try:
            normal = site_path(alias)
            where = generated(page_file(normal))
            if where:
                raise ValueError(f"/{normal} is where the generator makes {where}")
            aliases.append(normal if normal.endswith(".html") else f"{normal}/")
        except ValueError as error:
            problems.append(Problem(path, f"`aliases`: {error}: left out", lines.get("aliases")))
    if "aliases" in meta:
        meta["aliases"] = aliases
    return problems


# Link destinations in Markdown: after `](` (inline links and images) and `]:` (reference
# definitions), found with str.find (a regex tried at every character cost a third of loading a
# briefing); and, only in a body with a `<`, autolinks and raw HTML's href and src.
_DESTINATION = re.compile(r"[ \t]*<?((?:[^\s()<>]|\([^\s()]*\))+)")
_HTML_DESTINATIONS = re.compile(r"<([a-zA-Z][\w+.\-]*:[^\s>]*)>|\b(?:href|src)\s*=\s*[\"']?([^\"'\s>]+)", re.I)


def _destinations(body: str) -> Iterator[tuple[int, str]]:
    """(offset, URL) of each link destination in a Markdown body."""
    for marker in ("](", "]:"):
        at = body.find(marker)
        while at != -1:
            found = _DESTINATION.match(body, at + 2)
            if found:
                yield found.start(1), found[1]
            at = body.find(marker, at + 2)
    if "<" in body:
        for found in _HTML_DESTINATIONS.finditer(body):
            yield found.start(), found[1] or found[2]


def _unsafe_links(meta: dict[str, Any], split: Any, path: Path) -> list[Problem]:
    """Links with a scheme pages do not show (javascript:, data:, vbscript:...): front-matter's
    `source.url` taken out, the body's reported (the render drops them, unless unsafe_html)."""
    warnings = []
    source = meta.get("source")
    if isinstance(source, dict) and "url" in source and not allowed_url(source["url"]):
        warnings.append(Problem(path, f"`source.url` {source['url']!r} left out: only http(s), mailto and relative "
                                      "links are kept", split.meta.lines.get("source.url")))
        meta["source"] = {key: value for key, value in source.items() if key != "url"}
    body = split.body
    for at, url in sorted(_destinations(body)):
        if not url.startswith(("https://", "http://")) and not allowed_url(url):
            line = split.body_line + body.count("\n", 0, at)
            warnings.append(Problem(path, f"link to {url[:80]!r}: only http(s), mailto and relative links are "
                                          "kept (unless site.yaml's unsafe_html is true)", line))
    return warnings


def _first_heading(body: str) -> str | None:
    found = re.search(r"^#\s+(.+?)\s*#*\s*$", body, re.M)
    return found.group(1) if found else None
