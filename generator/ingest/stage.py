"""The ingest stage: every new or changed seed becomes (or refreshes) its briefing."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import __version__
from generator.config.settings import Config
from generator.utils.filememo import FileMemo
from generator.utils.files import files_under, write_atomic
from generator.ingest.article import Seed
from generator.ingest.briefing import INGEST_VERSION, make_briefing
from generator.ingest.furniture import NO_FURNITURE, Furniture, SeedLines, repeated_lines, seed_lines
from generator.ingest.read import TEXT_SUFFIXES, find_seeds, read_seed
from generator.ingest.write import briefing_text, edited_by_person, free_path
from generator.text.slugs import slugify
from generator.utils.parallel import map_shares, processes_for
from generator.problems import Problem, ProblemError
from generator.config.yamlfile import front_matter_text, load_yaml, split_front_matter

BRIEFINGS_FOLDER = "briefings"
SEED_RECORDS = "seed records"  # in the store ingest_seeds is given: which briefing was made from which seed
SEED_LINES = "seed lines"  # and each text seed's short lines, by its hash (furniture.py)
_SEED_BLOCK = re.compile(r"^seed:.*\n(?:[ \t]+.*\n|[ \t]*\n)*", re.M)  # the key's line and those indented under it
_HASH = re.compile(r"[0-9a-f]{64}")
_SEED_LINES = re.compile(r"^seed:\s*\n\s+path:\s*['\"]?(?P<path>[^'\"\n]+?)['\"]?\s*\n\s+sha256:\s*(?P<sha256>[0-9a-f]{64})", re.M)


@dataclass
class IngestReport:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[Problem] = field(default_factory=list)  # warnings: the briefing was kept
    problems: list[Problem] = field(default_factory=list)  # errors: the seed could not be read


@dataclass(frozen=True)
class _Existing:
    path: Path
    sha256: str | None
    sidecar_sha256: str | None
    ingest_version: object  # the rules it was written with
    edited: bool  # by a person, since the generator wrote it


def ingest_seeds(config: Config, hash_of: Callable[[str], str] | None = None, jobs: int | None = None,
                 store: MutableMapping[str, Any] | None = None) -> IngestReport:
    """`hash_of` as find_seeds takes it; `jobs`: processes to read briefings' seed records with
    (None: as many as are worth it); `store`: where the briefings' seed records are kept between
    runs (the build cache's, generator/engine/cache.py; None: read anew)."""
    report = IngestReport()
    seeds = find_seeds(config.seeds_dir, config.root, hash_of, report.problems) if config.seeds_dir.is_dir() else []
    existing, unreadable = _briefings_by_seed(config.content_dir, store, jobs) if seeds else ({}, set())
    originals = _originals(seeds, existing)
    due: list[tuple[Seed, Path | None]] = []
    for seed in seeds:
        known = existing.get(seed.name)
        original = originals.get((seed.sha256, seed.sidecar_sha256), seed)
        if original is not seed:
            report.conflicts.append(Problem(seed.path, f"the same bytes as {original.name}: not made a second briefing"))
            continue
        same_seed = known and (known.sha256, known.sidecar_sha256) == (seed.sha256, seed.sidecar_sha256)
        if same_seed and (known.ingest_version == INGEST_VERSION or known.edited):
            report.unchanged += 1  # up to date, or made by older rules but an editor's now
        elif known and known.edited:
            report.conflicts.append(Problem(known.path, f"{seed.name} changed, but this briefing was edited by hand: "
                                            "left as it is (delete it to regenerate)"))
        else:
            due.append((seed, known.path if known else None))
    furniture = _furniture(seeds, config, store) if due else NO_FURNITURE
    taken: set[Path] = set()
    for seed, path in due:
        _ingest_one(seed, path, config, report, taken, unreadable, furniture)
    return report


def _furniture(seeds: list[Seed], config: Config, store: MutableMapping[str, Any] | None) -> Furniture:
    """The short lines the text seeds repeat across stories (furniture.py). Each seed's lines are
    kept in `store` by its hash: one new seed reads only itself."""
    header = (__version__, INGEST_VERSION)  # lines read by other rules are read again
    kept = store.get(SEED_LINES) if store is not None else None
    known: dict[str, tuple[frozenset[str], frozenset[int]]] = kept[1] if isinstance(kept, tuple) and kept[0] == header else {}
    lines: dict[str, tuple[frozenset[str], frozenset[int]]] = {}
    read = False
    for seed in seeds:
        if seed.path.name.lower().endswith(TEXT_SUFFIXES) and _HASH.fullmatch(seed.sha256):
            if seed.sha256 not in known:
                try:
                    found = seed_lines(read_seed(seed, config.ingest).text)
                except (ProblemError, OSError):
                    continue  # its ingest says why
                known[seed.sha256] = (found.short, found.long)
                read = True
            lines[seed.sha256] = known[seed.sha256]
    if store is not None and (read or len(lines) < len(known)):
        store[SEED_LINES] = (header, lines)
    return repeated_lines(SeedLines(*value) for value in lines.values())


def _originals(seeds: list[Seed], existing: dict[str, _Existing]) -> dict[tuple[str, str | None], Seed]:
    """The seed each content (its bytes and sidecar's) is ingested from: the one with a briefing
    already, else the first by name. Unreadable seeds are left out: their "hash" is the reason."""
    originals: dict[tuple[str, str | None], Seed] = {}
    for seed in sorted(seeds, key=lambda seed: seed.name not in existing):  # stable: by name within each
        if _HASH.fullmatch(seed.sha256):
            originals.setdefault((seed.sha256, seed.sidecar_sha256), seed)
    return originals


def _ingest_one(seed: Seed, path: Path | None, config: Config, report: IngestReport, taken: set[Path],
                unreadable: set[Path], furniture: Furniture) -> None:
    """`unreadable`: briefings that cannot be read, so their seeds are unknown: a new seed whose
    briefing would be named like one is taken to be its seed, and not made a second briefing."""
    try:
        front, body = make_briefing(read_seed(seed, config.ingest), config.ingest, config.entities, report.conflicts.append,
                                    furniture)
    except ProblemError as error:
        report.problems.append(error.problem)
        return
    except Exception as error:  # a rule that fails on one article must not stop the archive's build
        report.problems.append(Problem(seed.path, f"not made into a briefing: the generator failed on it ({error!r}); "
                                       "please report it with this seed"))
        return
    if path is None:
        folder, slug = config.content_dir / BRIEFINGS_FOLDER, slugify(front["title"])
        if folder / f"{slug}.md" in unreadable:
            report.problems.append(Problem(seed.path, f"not made into a briefing again: {folder / slug}.md, "
                                           "probably made from it, cannot be read"))
            return
        path = free_path(folder, slug, taken)
    taken.add(path)
    write_atomic(path, briefing_text(front, body))
    report.written.append(path)


def _briefings_by_seed(content_dir: Path, store: MutableMapping[str, Any] | None,
                       jobs: int | None) -> tuple[dict[str, _Existing], set[Path]]:
    """Briefings made from seeds, by seed path; found by front-matter, so they may be moved or
    renamed. What each file says is kept (in `store`) while the file stays the same: reading
    the front-matter of every briefing on every build is slow in a large archive. Also: the briefings that
    cannot be read (not remembered: their record is unknown until they can be)."""
    memo = FileMemo(store, SEED_RECORDS, (__version__, str(content_dir)))
    stats = {file: stat for file in files_under(content_dir, ".md") if (stat := _stat(file))}
    records = {file: memo.get(file, stat) for file, stat in stats.items()}
    missing = [file for file, record in records.items() if record is None]
    shares = map_shares(lambda which, n: [_existing(Path(file)) for file in missing[which::n]],
                        processes_for(len(missing), jobs))
    for which, found in enumerate(shares):  # a cold build reads them all: on every core
        for file, record in zip(missing[which::len(shares)], found):
            if record is not None:
                memo.put(file, stats[file], record)
                records[file] = record
    memo.save(set(stats))
    unreadable = {Path(file) for file, record in records.items() if record is None}
    return {str(record[0]): _Existing(Path(file), *record[1:]) for file, record in records.items() if record}, unreadable


def _stat(file: str) -> os.stat_result | None:
    """None for a dangling link: the content stage reports it."""
    try:
        return os.stat(file)
    except OSError:
        return None


def _existing(path: Path) -> tuple | None:
    """(seed path, seed hash, sidecar hash, ingest version, edited) of a briefing made from a seed;
    () of another; None when it cannot be read (the content stage reports it)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    seed = _seed_record(text, path) if "\nseed:" in text else {}
    if not seed.get("path"):
        return ()
    return (seed["path"], seed.get("sha256"), seed.get("sidecar_sha256"), seed.get("ingest_version"),
            edited_by_person(text))


def _seed_record(text: str, path: Path) -> dict:
    """The `seed:` mapping. Its own lines are read first, as a YAML snippet: parsing a whole
    front-matter costs many times more, and a cold build reads every briefing's. The whole
    front-matter is parsed when they do not give a mapping with a path; the raw lines are read
    when it is broken (the content stage reports that), so a briefing an editor broke still
    claims its seed and is not duplicated."""
    blocks = _SEED_BLOCK.findall(front_matter_text(text) or "")
    if len(blocks) == 1:
        try:
            seed = load_yaml(blocks[0], path).data.get("seed")
            if isinstance(seed, dict) and seed.get("path"):
                return seed
        except ProblemError:
            pass  # not a snippet that stands on its own: the whole front-matter says
    try:
        seed = split_front_matter(text, path).meta.data.get("seed")
        return seed if isinstance(seed, dict) else {}
    except ProblemError:
        found = _SEED_LINES.search(text)
        return {"path": found["path"], "sha256": found["sha256"]} if found else {}
