"""The offline copy (`build --offline`): the built site rewritten to open from a folder or a zip.

As MkDocs's offline plugin does: every internal link made relative to its page, and a folder's URL
made to end in index.html, since a browser opening files shows a folder as a listing. Browsers
refuse module scripts and fetches from files, so search cannot run there: the copy leaves the
index out and its pages say that search needs the site served (`data-offline` on <html>, which
the stylesheet reads). The site itself is left as it is; the copy is written beside it and
swapped in whole.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from generator.config.settings import Config
from generator.problems import Problem, ProblemError
from generator.utils.files import relative_files

SUFFIX = "-offline"
MARK = ".offline-copy"  # in every copy: a folder without it is not ours to replace
LEFT_OUT = ("pagefind",)  # the search index: nothing can read it from files
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src|action|poster)=")([^"]*)(")')
_REFRESH = re.compile(r'(<meta http-equiv="refresh" content="\d+;\s*url=)([^"]*)(")', re.IGNORECASE)
_HTML_TAG = re.compile(r"<html(?=[\s>])", re.IGNORECASE)


def offline_folder(config: Config) -> Path:
    return config.output_dir.with_name(config.output_dir.name + SUFFIX)


def write_offline_copy(config: Config) -> Path:
    """Copy the output folder to `offline_folder(config)`, links made relative. Raises ProblemError
    when that folder exists and is not an earlier copy (it is never overwritten then)."""
    target = offline_folder(config)
    if target.exists() and not (target / MARK).exists():
        raise ProblemError(Problem(target, "exists and is not an offline copy: not replaced (move it away)"))
    staging = target.with_name(f".{target.name}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    base = _Base(config)
    for relative, source in relative_files(config.output_dir):
        if relative.split("/", 1)[0] in LEFT_OUT or not os.path.isfile(source):
            continue
        copy = staging / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        if relative.endswith(".html"):
            text = Path(source).read_text(encoding="utf-8", errors="surrogateescape")
            copy.write_text(relative_links(text, relative, base, config.output_dir),
                            encoding="utf-8", errors="surrogateescape")
        else:
            shutil.copyfile(source, copy)
    (staging / MARK).write_text("Written by `build --offline`; replaced by the next one.\n", encoding="utf-8")
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target


class _Base:
    """The site's base path, and its base URL's origin when it names a host."""

    def __init__(self, config: Config) -> None:
        self.path = config.base_path
        parts = urlsplit(config.base_url)
        self.origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else None

    def site_path(self, url: str) -> str | None:
        """The path in the site that `url` points to (`briefings/x/`), or None when it is not internal."""
        if self.origin and url.startswith(self.origin + "/"):
            url = url[len(self.origin):]
        if url.startswith("//") or not url.startswith(self.path):
            return None
        return url[len(self.path):]


def relative_links(html: str, page: str, base: _Base, site: Path) -> str:
    """`html`, the page at `page` in the site, with its internal links relative to it."""
    folder = posixpath.dirname(page) or "."

    def relative(match: re.Match[str]) -> str:
        url = match.group(2)
        inside = base.site_path(url)
        if inside is None:
            return match.group(0)
        path, mark, rest = _split(inside)
        if not path or path.endswith("/"):
            path += "index.html"
        elif "." not in path.rsplit("/", 1)[-1] and (site / path).is_dir():
            path += "/index.html"
        return match.group(1) + posixpath.relpath(path, folder) + mark + rest + match.group(3)

    html = _URL_ATTRIBUTE.sub(relative, html)
    html = _REFRESH.sub(relative, html)
    return _HTML_TAG.sub("<html data-offline", html, count=1)


def _split(url: str) -> tuple[str, str, str]:
    """(path, the ? or # that ends it, the rest)."""
    for at, character in enumerate(url):
        if character in "?#":
            return url[:at], character, url[at + 1:]
    return url, "", ""
