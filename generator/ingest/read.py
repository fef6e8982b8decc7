"""Seed files -> Articles. Plain text and text with inline HTML here; saved pages in page.py."""

from __future__ import annotations

import codecs
import gzip
import os
import re
import zlib
from collections.abc import Callable
from pathlib import Path

from generator.config.settings import MEGABYTE, IngestSettings, default_config
from generator.utils.filememo import file_sha256
from generator.utils.files import files_under, read_input
from generator.ingest.article import Article, Seed
from generator.ingest.inline_html import escape_markdown, has_html, html_to_markdown
from generator.problems import Problem, ProblemError

TEXT_SUFFIXES = (".txt", ".text", ".md")
PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
_ENCODINGS = ("utf-8", "cp1252", "latin-1")


def find_seeds(seeds_dir: Path, root: Path, hash_of: Callable[[str], str] | None = None,
               refused: list[Problem] | None = None) -> list[Seed]:
    """Every seed file under seeds_dir, sorted, with its hash and optional NAME.yaml sidecar.
    `hash_of`: a file's SHA-256 by its path (the build's FileHashes, which has them already:
    an archive's saved pages are too many bytes to hash twice); by default each file is read and hashed. Paths
    are strings until a seed is found (a Path for every file would slow the walk). Links out of
    seeds_dir are no seeds: each is reported in `refused` (generator/utils/files.py)."""
    hash_of = hash_of or file_sha256
    files = files_under(seeds_dir, refused=refused)
    present = set(files)
    inside = str(root) + os.sep
    seeds = []
    for file in files:
        name = os.path.basename(file)
        if name.lower().endswith(TEXT_SUFFIXES + PAGE_SUFFIXES) and not name.startswith(".") and (
                os.path.isfile(file) or os.path.islink(file)):  # a dangling link: reading it says why it fails
            sidecar = _sidecar(file, present)
            seeds.append(Seed(
                path=Path(file),
                name=Path(file[len(inside):]).as_posix() if file.startswith(inside) else file,
                sha256=hash_of(file),
                sidecar=Path(sidecar) if sidecar else None,
                sidecar_sha256=hash_of(sidecar) if sidecar else None,
            ))
    return seeds


def _sidecar(file: str, present: set[str]) -> str | None:
    stem = os.path.join(os.path.dirname(file), os.path.basename(file).split(".")[0])
    for suffix in (".yaml", ".yml"):
        if stem + suffix in present and os.path.isfile(stem + suffix):
            return stem + suffix
    return None


def read_seed(seed: Seed, settings: IngestSettings | None = None) -> Article:
    """The seed's Article. Sizes are checked before anything is read whole: a seed larger than
    the settings allow is refused, and a gzip file is decompressed only up to its limit."""
    limits = settings or default_config().ingest
    name = seed.path.name.lower()
    page = name.endswith(PAGE_SUFFIXES)
    limit = limits.max_page_bytes if page else limits.max_text_bytes
    setting = "ingest.max_page_mb" if page else "ingest.max_text_mb"
    size = _size(seed.path)
    if size > limit and not name.endswith(".gz"):
        raise ProblemError(Problem(seed.path, f"{_megabytes(size)}, larger than {setting} ({_megabytes(limit)}): not read"))
    raw = _gunzip(seed.path, limit, setting) if name.endswith(".gz") else read_input(seed.path)
    if page:
        from generator.ingest.page import read_page  # trafilatura is slow to import; only pages need it

        return read_page(seed, raw)
    return read_text(seed, decode(raw, seed.path))


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reading it says why it cannot be read


def _gunzip(path: Path, limit: int, setting: str) -> bytes:
    """The decompressed bytes, read in pieces and stopped past `limit`: a small file can expand
    a thousandfold."""
    try:
        file = open(path, "rb")
    except OSError as error:
        raise ProblemError(Problem(path, f"cannot read the file: {error.strerror}")) from None
    try:
        with file, gzip.GzipFile(fileobj=file) as unzipped:
            raw = unzipped.read(limit + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise ProblemError(Problem(path, f"not a readable gzip file: {error}")) from None
    if len(raw) > limit:
        raise ProblemError(Problem(path, f"decompresses to more than {setting} ({_megabytes(limit)}): not read"))
    return raw


def _megabytes(size: int) -> str:
    return f"{size / MEGABYTE:.1f} MB"


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))  # UTF-32's LE mark starts like UTF-16's
# C0 and C1 controls other than tab, line feed and carriage return, and the bytes cp1252
# leaves undefined (latin-1 reads them as C1 controls): text has next to none, binary data about
# one in ten.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BINARY_SHARE = 0.01
_BLANK_LINES = re.compile(r"\n{3,}")


def decode(raw: bytes, path: Path) -> str:
    """Text from a seed's bytes: by its byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8, else
    cp1252 (latin-1 for its five undefined bytes). Bytes that decode to many control characters
    are binary data, refused; the few a text may carry are dropped (feeds cannot hold them)."""
    text = _by_mark(raw, path)
    if text is None:
        if b"\x00" in raw[:4096]:
            raise ProblemError(Problem(path, "looks like a binary file, not an article (a NUL byte in its first 4 KB; "
                                       "UTF-16 or UTF-32 text needs a byte-order mark)"))
        text = _first_decoding(raw)
    controls = len(text) - len(stripped := _CONTROL.sub("", text))
    if controls > _BINARY_SHARE * len(text):
        raise ProblemError(Problem(path, f"looks like a binary file, not an article ({controls} control characters "
                                   f"in {len(text)})"))
    return stripped


def _by_mark(raw: bytes, path: Path) -> str | None:
    for mark, encoding in _BOMS:
        if raw.startswith(mark):
            try:
                return raw[len(mark):].decode(encoding)
            except UnicodeDecodeError as error:
                raise ProblemError(Problem(path, f"starts with a {encoding} byte-order mark but is not {encoding}: "
                                           f"{error.reason} at byte {error.start + len(mark)}")) from None
    return None


def _first_decoding(raw: bytes) -> str:
    for encoding in _ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")  # unreachable: latin-1 decodes anything


def read_text(seed: Seed, text: str) -> Article:
    """Plain text, or text with inline HTML links and markup (sanitised, then Markdown)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if has_html(text):
        # Runs of blank lines end as one blank line anyway: as tags they cost the sanitiser much.
        markdown, links = html_to_markdown(_BLANK_LINES.sub("\n\n", text).replace("\n", "<br>"))
    else:
        markdown, links = escape_markdown(text), []
    if not markdown.strip():
        raise ProblemError(Problem(seed.path, "the seed has no text"))
    return Article(seed, markdown, links)
