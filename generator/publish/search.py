"""The search stage: a written site folder -> its Pagefind index in pagefind/ inside it.

Runs the Pagefind binary that the pinned `pagefind[bin]` package ships: Pagefind's Python API
adds records one at a time, far too slowly for an archive's pages. What is indexed is decided
by the templates: only pages with an element marked `data-pagefind-body`.

The pages are indexed in parts of at most `part_pages` (site.yaml's search_part_pages), each its
own Pagefind bundle in pagefind/<part>/, listed in pagefind/parts.json for search.js, which
searches them as one. Two reasons: Pagefind holds what it indexes in memory, in proportion to
the pages (a large site in one bundle would not fit a small machine), and a part whose pages
read the same, but for what Pagefind ignores, is kept instead of being indexed again. A page goes
to the part its path hashes to, so parts keep their pages as the archive grows, until the number
of parts changes; that number is kept (pagefind/parts.modulus) while parts stay within a quarter
of `part_pages`, so a site that crosses a multiple of it does not index every part again.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
import zlib
from collections.abc import Iterator, MutableMapping
from importlib import metadata
from pathlib import Path
from typing import Any

from generator import __version__
from generator.utils.filememo import FileMemo
from generator.utils.files import relative_files, write_atomic
from generator.publish.output import carry_over
from generator.problems import Problem

BUNDLE_FOLDER = "pagefind"  # the templates load url('pagefind/parts.json') and each part's pagefind.js
PARTS_FILE = "parts.json"
MODULUS_FILE = "parts.modulus"  # how many parts the pages were hashed into
SIGNATURE_FILE = "pages.sha256"  # in each part: what its pages were when it was indexed
DIGESTS_NAME = "search pages"  # in the store index_site is given: each page's digest, by its file
_INDEXED = re.compile(rb"<[a-zA-Z][^>]*?\sdata-pagefind-body[\s=>/]")
# How long a part may take (many times what a part of part_pages needs) before Pagefind is taken to hang: it never
# finishes when a file it reads is deleted meanwhile.
PAGEFIND_SECONDS = 120
PAGEFIND_SECONDS_PER_PAGE = 0.05
_TAG_NAME = re.compile(rb"[a-zA-Z][a-zA-Z0-9]*")

Pages = dict[str, str]  # page path in the site -> a digest of what Pagefind may read of it


def index_site(site_dir: Path, shown_as: Path | None = None, part_pages: int = 2500,
               store: MutableMapping[str, Any] | None = None, empty_ok: bool = False) -> list[Problem]:
    """Index site_dir in place. `shown_as` is the output folder a staging folder becomes: the last
    build's site, whose parts are kept where their pages read the same. `store`: where the
    pages' digests are kept (the build cache's), so only pages changed since are read. No page marked for search
    makes an index of no part, a problem unless `empty_ok` (an archive with no briefing yet): the
    templates are to mark the briefings. A failure is one Problem naming it, and the site itself
    is left as it is."""
    where = shown_as or site_dir
    try:
        from pagefind_bin import get_executable

        binary = get_executable()
    except (ImportError, FileNotFoundError) as error:
        return [Problem(where, f"search index not built: Pagefind is not installed ({error})")]
    bundle, last_bundle = site_dir / BUNDLE_FOLDER, where / BUNDLE_FOLDER
    for stale in site_dir.parent.glob(f"{_work_prefix(site_dir)}*"):  # left by a run that was stopped
        shutil.rmtree(stale, ignore_errors=True)
    made: dict[str, Path] = {}  # parts indexed now: their bundles, each in a work folder beside site_dir
    kept: dict[str, Path] = {}  # parts whose pages are the files they were: the last build's bundles
    try:
        memo = FileMemo(store, DIGESTS_NAME, (__version__, str(where))) if store is not None else None
        pages_now = indexed_pages(site_dir, memo)
        if not pages_now:  # Pagefind refuses to make an index of nothing
            _put_in_place(bundle, {}, {}, 0)
            return [] if empty_ok else [Problem(where, "search index empty: no page has a data-pagefind-body element "
                                                      "(the briefing layout marks its article with it)")]
        count = part_count(len(pages_now), part_pages, _read(last_bundle / MODULUS_FILE))
        for name, pages in split_in_parts(pages_now, count).items():
            signature = _signature(pages)
            if _read(last_bundle / name / SIGNATURE_FILE) == signature:
                kept[name] = last_bundle / name
                continue
            folder, problem = _index_part(binary, site_dir, pages, where)
            if problem:
                return [problem]
            write_atomic(folder / SIGNATURE_FILE, signature)
            made[name] = folder
        _put_in_place(bundle, made, kept, count)
    finally:
        for folder in made.values():
            shutil.rmtree(folder.parent, ignore_errors=True)
    return []


def indexed_pages(site_dir: Path, memo: FileMemo | None = None) -> Pages:
    """The HTML pages with a `data-pagefind-body` element, by path in the site; `memo` keeps each
    page's digest ("" for a page not indexed) while its file stays the same."""
    found: Pages = {}
    seen: set[str] = set()
    for relative, path, stat in _html_files(str(site_dir)):
        seen.add(relative)
        digest = memo.get(relative, stat) if memo else None
        if digest is None:
            digest = _digest(path)
            if memo:
                memo.put(relative, stat, digest)
        if digest:
            found[relative] = digest
    if memo:
        memo.save(seen)
    return found


def _html_files(folder: str) -> Iterator[tuple[str, str, os.stat_result]]:
    """(path in the site, full path, stat) of each HTML file, but those of the search bundle."""
    for relative, path in relative_files(Path(folder), ".html"):
        if not relative.startswith(f"{BUNDLE_FOLDER}/"):
            yield relative, path, os.stat(path)


def _digest(path: str) -> str:
    """A digest of what Pagefind reads of the page, or "" when it is not to be indexed."""
    with open(path, "rb") as file:
        html = file.read()
    if b"data-pagefind-body" in html and _INDEXED.search(html):
        return hashlib.blake2b(_readable(html), digest_size=16).hexdigest()
    return ""


def _readable(html: bytes) -> bytes:
    """The page without the elements Pagefind ignores (a related list that changed re-indexes
    nothing). Each is cut up to the first end tag of its name: never past its own end, so what is
    cut is never indexed."""
    kept, at, searched = [], 0, 0
    while (attribute := html.find(b"data-pagefind-ignore", searched)) >= 0:
        searched = attribute + 1
        start = html.rfind(b"<", at, attribute)
        if start < 0 or html.find(b">", start, attribute) >= 0:
            continue  # the words in text, not an attribute in a start tag
        name = _TAG_NAME.match(html, start + 1)
        end = html.find(b"</" + name.group(0), attribute) if name else -1
        if end >= 0:
            kept.append(html[at:start])
            at = searched = end
    kept.append(html[at:])
    return b"".join(kept)


def part_count(pages: int, part_pages: int, last: str | None) -> int:
    """How many parts: the last build's number while its parts average within a quarter of
    part_pages, else as many as part_pages needs."""
    if last and last.isdigit() and math.ceil(pages / (1.25 * part_pages)) <= int(last) <= math.ceil(pages / (0.75 * part_pages)):
        return int(last)
    return max(1, math.ceil(pages / part_pages))


def split_in_parts(pages: Pages, count: int) -> dict[str, Pages]:
    """The pages by part, named by number; a part no page hashes to is left out."""
    parts: dict[str, Pages] = {}
    for path, key in pages.items():
        parts.setdefault(str(zlib.crc32(path.encode()) % count), {})[path] = key
    return parts


def _signature(pages: Pages) -> str:
    """The part's pages, and what indexed them: a new generator or Pagefind indexes every part again."""
    lines = "".join(f"{path}\0{digest}\n" for path, digest in sorted(pages.items()))
    return hashlib.sha256(f"{__version__} {metadata.version('pagefind')}\n{lines}".encode()).hexdigest()


def _index_part(binary: Path, site_dir: Path, pages: Pages, where: Path) -> tuple[Path, Problem | None]:
    """A Pagefind bundle of these pages alone, in a new work folder beside site_dir."""
    work = Path(tempfile.mkdtemp(prefix=_work_prefix(site_dir), dir=site_dir.parent))
    source = work / "pages"
    for path in pages:
        (source / path).parent.mkdir(parents=True, exist_ok=True)
        carry_over(site_dir / path, source / path)
    command = [str(binary), "--site", str(source), "--output-path", str(work / "bundle"), "--quiet"]
    seconds = PAGEFIND_SECONDS + PAGEFIND_SECONDS_PER_PAGE * len(pages)
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=seconds)
        failure = None if run.returncode == 0 else f"pagefind: {_one_line(run.stderr or run.stdout, run.returncode)}"
    except subprocess.TimeoutExpired:  # it hangs for good when a file it reads goes away
        failure = f"pagefind did not finish in {seconds:.0f} s, and was stopped"
    except OSError as error:
        failure = f"cannot run {binary.name}: {error}"
    shutil.rmtree(source, ignore_errors=True)
    if failure is None:
        return work / "bundle", None
    shutil.rmtree(work, ignore_errors=True)
    return work, Problem(where, f"search index not built: {failure}")


def _work_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}.search-"


def _put_in_place(bundle: Path, made: dict[str, Path], kept: dict[str, Path], count: int) -> None:
    """bundle/ holds these parts, the list of them and their modulus, nothing else."""
    bundle.mkdir(exist_ok=True)
    for old in list(bundle.iterdir()):
        if kept.get(old.name) != old:  # anything but a part kept where it is
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    for name, folder in kept.items():
        if folder != bundle / name:
            shutil.copytree(folder, bundle / name, copy_function=carry_over)
    for name, folder in made.items():
        folder.rename(bundle / name)
    write_atomic(bundle / PARTS_FILE, json.dumps(sorted([*made, *kept], key=int)))
    write_atomic(bundle / MODULUS_FILE, str(count))


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _one_line(output: str, status: int) -> str:
    """Pagefind's error message (it may print it more than once, over several lines) as one line."""
    lines = dict.fromkeys(line.strip().removeprefix("Error: ") for line in output.splitlines() if line.strip())
    return " ".join(lines) or f"exit status {status}"
