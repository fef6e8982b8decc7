"""Paths in the output folder from what editors write (front-matter `url`, `permalink`, `slug`,
`aliases`): normalised, or refused with the reason.

Every such value becomes a file the build writes, and a file the dev server deletes when the
value goes; so none may lead out of the output folder, whatever its spelling (`..`, percent-encoded
dots, backslashes, NUL, absolute URLs), nor land where the generator writes a file of its own.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

# The files and folders the generator itself makes at the top of the site (pages/*.py, output.py,
# search.py): a briefing or an alias there would replace one, or be replaced.
GENERATED_FILES = frozenset({"index.html", "404.html", "feed.xml", "feed.json", "sitemap.xml", "robots.txt", "CNAME",
                             ".nojekyll"})
GENERATED_FOLDERS = frozenset({"static", "pagefind", "page", "search", "figures", "people", "places", "organisations",
                               "tags", "timeline"})
_ARCHIVE_PAGE = re.compile(r"\d{4}/(?:\d{2}/)?(?:page/\d+/)?index\.html")  # year and month archives
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DECODINGS = 4  # %252e is %2e once decoded, `.` twice: decoded until it stays the same, so many times at most


def site_path(value: str) -> str:
    """`value` (`/old/story/`, `2022/03/x.html`) as a path in the site, without slashes at its ends
    ("" for the site's root); ValueError says why it cannot be one."""
    text = value.strip()
    for _ in range(_DECODINGS):
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    else:
        raise ValueError(f"{value!r} is percent-encoded too many times over")
    if _CONTROL.search(text):
        raise ValueError(f"{value!r} has a control character in it")
    if "\\" in text:
        raise ValueError(f"{value!r} has a backslash in it: paths in the site are written with /")
    parts = urlsplit(text)
    if parts.scheme or parts.netloc:
        raise ValueError(f"{value!r} is not a path in the site (such as /2022/03/story/)")
    if parts.query or parts.fragment or "?" in text or "#" in text:
        raise ValueError(f"{value!r} has a query or #fragment, which no file can have")
    segments = [segment for segment in text.split("/") if segment not in ("", ".")]
    if ".." in segments:
        raise ValueError(f"{value!r} leads out of the site (..)")
    if any(segment.startswith(".") for segment in segments):
        raise ValueError(f"{value!r} names a hidden file or folder")
    return "/".join(segments)


def page_file(path: str) -> str:
    """The file a page at `path` (a path in the site, as site_path gives it or a Document's URL) is
    written to: `x.html` itself, else `x/index.html`, as pages/briefings.py writes them."""
    path = path.strip("/")
    return path if path.endswith(".html") else f"{path}/index.html".lstrip("/")


def generated(file: str) -> str | None:
    """What the generator makes at `file` (a path in the site), if it makes something there."""
    top = file.split("/", 1)[0]
    if file in GENERATED_FILES or (top in GENERATED_FILES and top != file):
        return f"/{top}"
    if top in GENERATED_FOLDERS and top != file:
        return f"/{top}/"
    if _ARCHIVE_PAGE.fullmatch(file):
        return "a year or month archive"
    return None


class Claims:
    """The files pages claim so far, and the folders those files need: a later claim of the same
    file, of a folder as a file or of a file as a folder, is a collision."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}  # file -> who claimed it
        self.folders: dict[str, str] = {}

    def taken(self, file: str) -> str | None:
        """Who already claimed file, or a file or folder in its way; None when it is free."""
        if file in self.files:
            return self.files[file]
        if file in self.folders:
            return self.folders[file]
        folder = file
        while "/" in folder:
            folder = folder.rsplit("/", 1)[0]
            if folder in self.files:
                return self.files[folder]
        return None

    def claim(self, file: str, who: str) -> None:
        self.files[file] = who
        folder = file
        while "/" in folder:
            folder = folder.rsplit("/", 1)[0]
            self.folders.setdefault(folder, who)
