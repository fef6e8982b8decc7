"""Link check of the built site: every internal link, image, script, stylesheet and #anchor resolves.

A URL is internal when it is relative, root-relative, or absolute on the base_url's origin. It is
resolved against the page's own URL under the base path, as a browser would, and must land
inside the base path on a file the output folder holds (a folder needs its index.html), and on an
`id` of that page when it has a #fragment. Each broken one is a Problem: page, line, href, why.

Built to check 10,000s of pages quickly: pages are read with one compiled regex (as html.parser
would read them: tags inside comments, <script> and <style> don't count), URLs are resolved as
strings against one listing of the output folder, and what each page holds (its ids and URLs) is
kept (in the store the engine gives: the build cache's), so a re-check after a build reads only
the pages that changed. So are
the problems each page had: while no file that links resolved to and no id has gone since the last
check, a page unchanged since, whose links all resolved then, still has them resolve, and only the
other pages are checked.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from generator.config.settings import Config
from generator.utils.filememo import FileMemo
from generator.problems import Problem

# The attributes that load or link something, by tag.
LINK_ATTRIBUTES = {"a": ("href",), "area": ("href",), "link": ("href",), "img": ("src", "srcset"),
                   "script": ("src",), "source": ("src", "srcset"), "iframe": ("src",), "video": ("src", "poster"),
                   "audio": ("src",), "track": ("src",), "embed": ("src",), "form": ("action",)}
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")

CACHE_NAME = "check"  # in the store LinkChecker is given
CACHE_VERSION = 3  # bump when parsing changes what a page yields

_ATTRIBUTES = r"""[^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+"""  # up to the tag's `>`, which may be quoted
# One match per start tag (groups: tag, attributes), comment (no groups), or <script>/<style> element
# (groups: raw tag, attributes) whose text is skipped to its end tag, as html.parser does.
_TAG = re.compile(rf"""
    <!--.*?--\s*>
  | <((?i:script|style))(?=[\s/>])({_ATTRIBUTES})(?<!/)>.*?(?:</\s*(?i:\1)\s*>|\Z)
  | <([a-zA-Z][^\t\n\r\f\ />\x00]*)({_ATTRIBUTES})>
""", re.DOTALL | re.VERBOSE)
# One attribute as html.parser reads it: name, then a '', "" or bare value (all empty when it has none).
_ATTRIBUTE = re.compile(r"""([^\s/>][^\s/=>]*)(?:\s*=+\s*(?:'([^']*)'|"([^"]*)"|(?!['"])([^>\s]*)))?""")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_PLAIN_PATH = re.compile(r"[^%?#\t\r\n]*")  # a page path its URL gives back unchanged


@dataclass
class ParsedPage:
    ids: set[str]
    urls: list[str]  # every URL the page references, in order


def _tags(text: str) -> Iterator[tuple[int, str, dict[str, str]]]:
    """(index among _TAG's matches, tag, raw attribute values) of each start tag that links or may carry an id."""
    for index, (raw, raw_attributes, tag, attributes) in enumerate(_TAG.findall(text)):
        if raw:
            tag, attributes = raw, raw_attributes
        if tag not in LINK_ATTRIBUTES:
            tag = tag.lower()
            if tag not in LINK_ATTRIBUTES and "id" not in attributes.lower():
                continue  # most tags (and comments): skipped before the costly part
        yield index, tag, {name.lower(): single or double or bare
                           for name, single, double, bare in _ATTRIBUTE.findall(attributes)}


def _urls(tag: str, values: dict[str, str]) -> list[str]:
    urls = []
    for name in LINK_ATTRIBUTES.get(tag, ()):
        if name in values:
            value = unescape(values[name])
            urls += _srcset_urls(value) if name == "srcset" else [value.strip()]
    return urls


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def parse_html(text: str) -> ParsedPage:
    page = ParsedPage(set(), [])
    for _, tag, values in _tags(text):
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                page.ids.add(sys.intern(unescape(values[name])))
        page.urls += map(sys.intern, _urls(tag, values))  # shared strings: a smaller, faster cache
    return page


def _reference_lines(text: str) -> list[int]:
    """The line of each URL parse_html(text).urls lists: counted only for pages with a broken one."""
    offsets = [match.start() for match in _TAG.finditer(text)]
    lines = []
    for index, tag, values in _tags(text):
        lines += [text.count("\n", 0, offsets[index]) + 1] * len(_urls(tag, values))
    return lines


def _read(path: Path) -> str:
    return _universal(path.read_bytes().decode("utf-8", errors="replace"))


def _universal(text: str) -> str:
    """Universal newlines, as read_text() gives, so line numbers count \r and \r\n endings too."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def parse_page(path: Path) -> ParsedPage:
    return parse_html(_read(path))


def parse_written(text: str) -> ParsedPage:
    """What parse_page will find in a file written with this text: the build parses pages as it
    writes them, on every core, so the check need not read them again."""
    return parse_html(_universal(text))


@dataclass
class _Listing:
    """The output folder, listed once: links resolve against this rather than the filesystem."""

    files: set[str]  # regular files reached without following a symlink, as relative POSIX paths
    symlinks: set[str]  # symlinks (to files or folders): resolved on the filesystem when a link goes through one
    pages: dict[str, os.stat_result]  # every *.html file to check, including symlinked ones
    others: set[str]  # anything else but folders (a fifo, a socket)

    def tree(self, out: Path) -> list[tuple[str, str]] | None:
        """The folder's files as generator/utils/files.relative_files lists them, so the build
        stamp need not walk the folder again; None when a symlink or an odd file makes the two
        listings differ."""
        if self.symlinks or self.others:
            return None
        top = os.path.join(str(out), "")
        return [(rel, top + rel) for rel in sorted(self.files, key=lambda rel: rel.split("/"))]


def _list(out: Path) -> _Listing:
    listing = _Listing(set(), set(), {}, set())
    folders = [""]
    while folders:
        folder = folders.pop()
        with os.scandir(os.path.join(out, folder)) as entries:
            for entry in entries:
                rel = f"{folder}/{entry.name}" if folder else entry.name
                if entry.is_symlink():
                    listing.symlinks.add(rel)
                    if entry.name.endswith(".html") and entry.is_file():
                        listing.pages[rel] = entry.stat()
                elif entry.is_dir():
                    folders.append(rel)
                elif entry.is_file():
                    listing.files.add(rel)
                    if entry.name.endswith(".html"):
                        listing.pages[rel] = entry.stat()
                else:
                    listing.others.add(rel)
    return listing


class _PageCache(FileMemo):
    """Each page's ids, URLs and problems ((message, line) pairs), kept between runs; and, as the
    extra value, the files links resolved to and the symlinks the last checks saw."""

    def __init__(self, config: Config, store: MutableMapping[str, Any] | None) -> None:
        super().__init__(store, CACHE_NAME, (CACHE_VERSION, str(config.output_dir), config.base_url))

    def parsed(self, rel: str, stat: os.stat_result) -> ParsedPage | None:
        entry = self.get(rel, stat)
        return ParsedPage(entry[0], entry[1]) if entry else None

    def problems(self, rel: str, stat: os.stat_result) -> tuple | None:
        """The problems the page had when last checked, if it is unchanged since."""
        entry = self.get(rel, stat)
        return entry[2] if entry else None

    def ids_lost(self, rel: str, page: ParsedPage) -> bool:
        """Whether the page, parsed anew, lacks an id it had when last parsed."""
        entry = self.last(rel)
        return entry is not None and not entry[0] <= page.ids


class LinkChecker:
    def __init__(self, config: Config, written: dict[str, ParsedPage] | None = None,
                 store: MutableMapping[str, Any] | None = None) -> None:
        """`written`: pages parsed as they were written (parse_written), by output path; `store`:
        where what each page holds is kept between checks (None: every page is read)."""
        self.config = config
        self._written = written or {}
        self.out = config.output_dir
        base = urlsplit(config.base_url)
        self.origin = (base.scheme, base.netloc) if base.netloc else None
        self.listing = _list(self.out)
        self.cache = _PageCache(config, store)
        self._pages: dict[str, ParsedPage] = {}
        self._fine: set[str] = set()  # URLs known to resolve from any page
        self._reasons: dict[str, str] = {}  # and those known not to
        self._targets: set[str] = set()  # the files links resolved to

    def check(self) -> list[Problem]:
        problems = []
        kept = self._still_there()
        for rel in sorted(self.listing.pages, key=lambda rel: rel.split("/")):
            stat = self.listing.pages[rel]
            if kept and self.cache.problems(rel, stat) == ():
                continue  # unchanged, and all it links to is still there
            found = self._page_problems(rel)
            page = self._parsed(rel)
            self.cache.put(rel, stat, (page.ids, page.urls, tuple((p.message, p.line) for p in found)))
            problems += found
        targets = self._targets | (self.cache.extra[0] if kept else set())  # skipped pages' links resolved as before
        self.cache.save(self.listing.pages, (targets, self.listing.symlinks))
        return problems

    def _still_there(self) -> bool:
        """Whether every file that links resolved to, every symlink and every id the last checks saw is still there."""
        if self.cache.extra is None:
            return False
        targets, symlinks = self.cache.extra
        if symlinks != self.listing.symlinks or not targets <= self.listing.files:
            return False
        for rel, stat in self.listing.pages.items():
            if self.cache.parsed(rel, stat) is None and self.cache.ids_lost(rel, self._parsed(rel)):
                return False
        return True

    def _page_problems(self, rel: str) -> list[Problem]:
        page = self._parsed(rel)
        page_url = self.config.url(rel)
        broken = {}
        for url in set(page.urls).difference(self._fine):  # most URLs recur on every page: checked once
            reason = self._reasons.get(url) or self._broken_on(rel, page_url, url)
            if reason:
                broken[url] = reason
            if _same_from_any_page(url):
                if reason:
                    self._reasons[url] = reason
                else:
                    self._fine.add(url)
        if not broken:
            return []
        lines = _reference_lines(_read(self.out / rel))
        return [Problem(self.out / rel, f"broken link {url}: {broken[url]}", line)
                for url, line in zip(page.urls, lines) if url in broken]

    def _broken_on(self, rel: str, page_url: str, href: str) -> str | None:
        """broken(), quicker for the commonest links: an #anchor on the page itself, and a
        root-relative path that resolves to itself (most of a page's links)."""
        if href.startswith("#") and rel in self.listing.files and _PLAIN_PATH.fullmatch(rel):
            fragment = unquote(urlsplit(href).fragment)
            if fragment and fragment not in self._parsed(rel).ids:
                return f"no element with id {fragment!r} on {rel}"
            return None
        if href.startswith("/") and not href.startswith("//"):
            path, _, fragment = href.partition("#")
            if _PLAIN_PATH.fullmatch(path) and "/." not in path:  # no query, %-escape or dot segment
                return self._broken_path(path, unquote(fragment))
        return self.broken(page_url, href)

    def broken(self, page_url: str, href: str) -> str | None:
        """Why `href` on the page at `page_url` does not resolve, or None when it does (or is external)."""
        if not href or href.lower().startswith(SKIPPED_SCHEMES):
            return None  # an empty href is the page itself
        target = urlsplit(urljoin(page_url, href))
        if target.scheme or target.netloc:
            if (target.scheme, target.netloc) != self.origin:
                return None  # another site
        return self._broken_path(unquote(target.path), unquote(target.fragment))

    def _broken_path(self, path: str, fragment: str) -> str | None:
        """broken() for a path on this site's origin and the #fragment after it, both unquoted."""
        base = self.config.base_path
        if not (path + "/").startswith(base):
            return f"outside the base path {base}"
        file = self._file(path[len(base):])
        if file is None:
            return "no such file in the output"
        if fragment and posixpath.splitext(file)[1] == ".html" and fragment not in self._parsed(file).ids:
            return f"no element with id {fragment!r} on {file}"
        return None

    def _file(self, site_path: str) -> str | None:
        """The file GitHub Pages would serve for a path: the file, folder/index.html, or path.html."""
        if site_path.startswith("/"):
            return None  # "base//x": an absolute path on the filesystem, never in the output
        parts = [part for part in site_path.split("/") if part not in ("", ".")]  # as pathlib reads it
        path = "/".join(parts)
        candidates = [f"{path}/index.html", f"{path}.html"] if path else ["index.html"]
        for candidate in [path, *candidates] if path else candidates:
            if self._is_file(candidate):
                if candidate in self.listing.files:  # (through a symlink: the symlinks are compared whole)
                    self._targets.add(candidate)
                return candidate
        return None

    def _is_file(self, rel: str) -> bool:
        """Whether rel is a file in the output folder, where a symlink out of it doesn't count."""
        if rel in self.listing.files:
            return True
        if ".." in rel.split("/") or (self.listing.symlinks and self._through_symlink(rel)):
            path = self.out / rel  # rare: ask the filesystem
            return path.is_file() and path.resolve().is_relative_to(self.out.resolve())
        return False

    def _through_symlink(self, rel: str) -> bool:
        parts = rel.split("/")
        return any("/".join(parts[:end]) in self.listing.symlinks for end in range(1, len(parts) + 1))

    def _parsed(self, rel: str) -> ParsedPage:
        if rel not in self._pages:
            stat = self.listing.pages.get(rel)
            page = self.cache.parsed(rel, stat) if stat else None
            self._pages[rel] = page or self._written.pop(rel, None) or parse_page(self.out / rel)
        return self._pages[rel]


def _same_from_any_page(url: str) -> bool:
    """Whether url resolves the same way from every page: root-relative, or with a scheme."""
    return not url or url.startswith("/") or bool(_SCHEME.match(url))


def check_site(config: Config, written: dict[str, ParsedPage] | None = None,
               store: MutableMapping[str, Any] | None = None) -> list[Problem]:
    """Every broken internal reference in the output folder; `written` and `store` as LinkChecker takes them."""
    return LinkChecker(config, written, store).check()
