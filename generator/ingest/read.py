"""Seed files -> Articles. Plain text and text with inline HTML here; saved pages in page.py."""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable
from pathlib import Path

from generator.filememo import file_sha256
from generator.files import files_under, read_input
from generator.ingest.article import Article, Seed
from generator.ingest.inline_html import escape_markdown, has_html, html_to_markdown
from generator.problems import Problem, ProblemError

TEXT_SUFFIXES = (".txt", ".text", ".md")
PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


def find_seeds(seeds_dir: Path, root: Path, hash_of: Callable[[str], str] | None = None,
               refused: list[Problem] | None = None) -> list[Seed]:
    """Every seed file under seeds_dir, sorted, with its hash and optional NAME.yaml sidecar.
    `hash_of`: a file's SHA-256 by its path (the build's FileHashes, which has them already:
    10,000 saved pages are gigabytes to hash); by default each file is read and hashed. Paths
    are strings until a seed is found (pathlib made 10,000 seeds take 0.4 s). Links out of
    seeds_dir are no seeds: each is reported in `refused` (generator/files.py)."""
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


def read_seed(seed: Seed) -> Article:
    raw = read_input(seed.path)
    name = seed.path.name.lower()
    if name.endswith(".gz"):
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as error:
            raise ProblemError(Problem(seed.path, f"not a readable gzip file: {error}")) from None
    if name.endswith(PAGE_SUFFIXES):
        from generator.ingest.page import read_page  # trafilatura is slow to import; only pages need it

        return read_page(seed, raw)
    return read_text(seed, decode(raw, seed.path))


def decode(raw: bytes, path: Path) -> str:
    if b"\x00" in raw[:4096]:
        raise ProblemError(Problem(path, "looks like a binary file, not an article"))
    for encoding in _ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ProblemError(Problem(path, "cannot decode the text"))  # unreachable: latin-1 decodes anything


def read_text(seed: Seed, text: str) -> Article:
    """Plain text, or text with inline HTML links and markup (sanitised, then Markdown)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if has_html(text):
        markdown, links = html_to_markdown(text.replace("\n", "<br>"))
    else:
        markdown, links = escape_markdown(text), []
    if not markdown.strip():
        raise ProblemError(Problem(seed.path, "the seed has no text"))
    return Article(seed, markdown, links)
