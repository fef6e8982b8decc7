"""Link check of the built site: every internal link, image, script, stylesheet and #anchor resolves.

A URL is internal when it is relative, root-relative, or absolute on the base_url's origin. It is
resolved against the page's own URL under the base path, as a browser would, and must land
inside the base path on a file the output folder holds (a folder needs its index.html), and on an
`id` of that page when it has a #fragment. Each broken one is a Problem: page, line, href, why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from generator.config import Config
from generator.problems import Problem

# The attributes that load or link something, by tag.
LINK_ATTRIBUTES = {"a": ("href",), "area": ("href",), "link": ("href",), "img": ("src", "srcset"),
                   "script": ("src",), "source": ("src", "srcset"), "iframe": ("src",), "video": ("src", "poster"),
                   "audio": ("src",), "track": ("src",), "embed": ("src",), "form": ("action",)}
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


@dataclass
class _Reference:
    url: str
    line: int


@dataclass
class _ParsedPage:
    ids: set[str] = field(default_factory=set)
    references: list[_Reference] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.page.ids.add(values[name])
        for name in LINK_ATTRIBUTES.get(tag, ()):
            if name in values:
                urls = _srcset_urls(values[name]) if name == "srcset" else [values[name].strip()]
                self.page.references += [_Reference(url, self.getpos()[0]) for url in urls]


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def parse_page(path: Path) -> _ParsedPage:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.page


class LinkChecker:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.out = config.output_dir
        base = urlsplit(config.base_url)
        self.origin = (base.scheme, base.netloc) if base.netloc else None
        self._pages: dict[Path, _ParsedPage] = {}

    def check(self) -> list[Problem]:
        problems = []
        for path in sorted(self.out.rglob("*.html")):
            page_url = self.config.url(path.relative_to(self.out).as_posix())
            for reference in self._parsed(path).references:
                reason = self.broken(page_url, reference.url)
                if reason:
                    problems.append(Problem(path, f"broken link {reference.url}: {reason}", reference.line))
        return problems

    def broken(self, page_url: str, href: str) -> str | None:
        """Why `href` on the page at `page_url` does not resolve, or None when it does (or is external)."""
        if not href or href.lower().startswith(SKIPPED_SCHEMES):
            return None  # an empty href is the page itself
        target = urlsplit(urljoin(page_url, href))
        if target.scheme or target.netloc:
            if (target.scheme, target.netloc) != self.origin:
                return None  # another site
        path = unquote(target.path)
        base = self.config.base_path
        if not (path + "/").startswith(base):
            return f"outside the base path {base}"
        file = self._file(path[len(base):])
        if file is None:
            return "no such file in the output"
        if target.fragment and file.suffix == ".html" and unquote(target.fragment) not in self._parsed(file).ids:
            return f"no element with id {unquote(target.fragment)!r} on {file.relative_to(self.out).as_posix()}"
        return None

    def _file(self, site_path: str) -> Path | None:
        """The file GitHub Pages would serve for a path: the file, folder/index.html, or path.html."""
        candidate = self.out / site_path
        for path in (candidate, candidate / "index.html", candidate.with_name(candidate.name + ".html")):
            if path.is_file() and path.resolve().is_relative_to(self.out.resolve()):
                return path
        return None

    def _parsed(self, path: Path) -> _ParsedPage:
        if path not in self._pages:
            self._pages[path] = parse_page(path)
        return self._pages[path]


def check_site(config: Config) -> list[Problem]:
    """Every broken internal reference in the output folder."""
    return LinkChecker(config).check()
