"""The ingest stage: every new or changed seed becomes (or refreshes) its briefing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Config
from generator.ingest.article import Seed
from generator.ingest.briefing import INGEST_VERSION, make_briefing
from generator.ingest.read import find_seeds, read_seed
from generator.ingest.write import briefing_text, edited_by_person, free_path, slugify, write_atomic
from generator.problems import Problem, ProblemError
from generator.yamlfile import split_front_matter

BRIEFINGS_FOLDER = "briefings"
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
    text: str
    sha256: str | None
    sidecar_sha256: str | None
    ingest_version: object  # the rules it was written with


def ingest_seeds(config: Config) -> IngestReport:
    report = IngestReport()
    existing = _briefings_by_seed(config.content_dir)
    taken: set[Path] = set()
    for seed in find_seeds(config.seeds_dir, config.root) if config.seeds_dir.is_dir() else []:
        known = existing.get(seed.name)
        same_seed = known and (known.sha256, known.sidecar_sha256) == (seed.sha256, seed.sidecar_sha256)
        if same_seed and (known.ingest_version == INGEST_VERSION or edited_by_person(known.text)):
            report.unchanged += 1  # up to date, or made by older rules but an editor's now
        elif known and edited_by_person(known.text):
            report.conflicts.append(Problem(known.path, f"{seed.name} changed, but this briefing was edited by hand: "
                                            "left as it is (delete it to regenerate)"))
        else:
            _ingest_one(seed, known.path if known else None, config, report, taken)
    return report


def _ingest_one(seed: Seed, path: Path | None, config: Config, report: IngestReport, taken: set[Path]) -> None:
    try:
        front, body = make_briefing(read_seed(seed), config.ingest, config.entities)
    except ProblemError as error:
        report.problems.append(error.problem)
        return
    if path is None:
        path = free_path(config.content_dir / BRIEFINGS_FOLDER, slugify(front["title"]), taken)
    taken.add(path)
    write_atomic(path, briefing_text(front, body))
    report.written.append(path)


def _briefings_by_seed(content_dir: Path) -> dict[str, _Existing]:
    """Briefings made from seeds, by seed path; found by front-matter, so they may be moved or renamed."""
    found: dict[str, _Existing] = {}
    for path in sorted(content_dir.rglob("*.md")) if content_dir.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        if "\nseed:" not in text:
            continue
        seed = _seed_record(text, path)
        if seed.get("path"):
            found[str(seed["path"])] = _Existing(path, text, seed.get("sha256"), seed.get("sidecar_sha256"),
                                                 seed.get("ingest_version"))
    return found


def _seed_record(text: str, path: Path) -> dict:
    """The `seed:` mapping; read from the raw lines when the front-matter is broken (the content
    stage reports that), so a briefing an editor broke still claims its seed and is not duplicated."""
    try:
        seed = split_front_matter(text, path).meta.data.get("seed")
        return seed if isinstance(seed, dict) else {}
    except ProblemError:
        found = _SEED_LINES.search(text)
        return {"path": found["path"], "sha256": found["sha256"]} if found else {}
