"""Seed files -> Articles. Plain text and text with inline HTML here; saved pages in page.py."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

from generator.filememo import file_sha256
from generator.ingest.article import Article, Seed
from generator.ingest.inline_html import escape_markdown, has_html, html_to_markdown
from generator.problems import Problem, ProblemError

TEXT_SUFFIXES = (".txt", ".text", ".md")
PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


def find_seeds(seeds_dir: Path, root: Path, hash_of: Callable[[str], str] | None = None) -> list[Seed]:
    """Every seed file under seeds_dir, sorted, with its hash and optional NAME.yaml sidecar.
    `hash_of`: a file's SHA-256 by its path (the build's FileHashes, which has them already:
    10,000 saved pages are gigabytes to hash); by default each file is read and hashed."""
    hash_of = hash_of or file_sha256
    seeds = []
    for path in sorted(seeds_dir.rglob("*")):
        if path.is_file() and path.name.lower().endswith(TEXT_SUFFIXES + PAGE_SUFFIXES) and not path.name.startswith("."):
            sidecar = _sidecar(path)
            seeds.append(Seed(
                path=path,
                name=path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path),
                sha256=hash_of(str(path)),
                sidecar=sidecar,
                sidecar_sha256=hash_of(str(sidecar)) if sidecar else None,
            ))
    return seeds


def _sidecar(path: Path) -> Path | None:
    stem = path.name.split(".")[0]
    for suffix in (".yaml", ".yml"):
        candidate = path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def read_seed(seed: Seed) -> Article:
    raw = seed.path.read_bytes()
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
