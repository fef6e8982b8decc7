"""`build`: the site in the output folder made from the current inputs, or, when the stamp says
it already is (generator/publish/stamp.py), left as it is, which takes a stat per input and output file.

The stages themselves are in generator/engine/pipeline.py, imported only when there is something to
build: Markdown, Jinja, numpy and the rest take a third of a second to import, as long as a build
with nothing to do takes at 10,000 briefings.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.config.settings import Config
from generator.utils.parallel import WorkerDied, raise_deaths
from generator.problems import Problem
from generator.engine.progress import Progress
from generator.utils.sitelock import site_lock, tell_stderr
from generator.publish.stamp import FileHashes, last_build

if TYPE_CHECKING:
    from generator.content.documents import Document
    from generator.render.renderer import Page


@dataclass
class BuildResult:
    ingested: list[Path] = field(default_factory=list)  # briefings written from seeds
    rendered: int = 0
    pages: int = 0
    remade: int = 0  # pages rendered anew, not carried over unchanged from the last build
    seconds: float = 0.0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)  # seconds each stage took
    unchanged: bool = False  # nothing changed since the last build: nothing was done
    kept: bool = False  # the build failed as a whole: the output folder holds the last site, untouched

    @property
    def failed(self) -> int:
        return len(self.errors)

    def once_each(self) -> None:
        """Each problem listed once: a missing template, say, fails many pages alike."""
        self.errors, self.warnings = list(dict.fromkeys(self.errors)), list(dict.fromkeys(self.warnings))

    def count(self, documents: list[Document], pages: list[Page]) -> None:
        """Briefings rendered (those some page shows) and pages made."""
        shown = {page.source for page in pages}
        self.rendered = sum(1 for d in documents if d.path in shown)
        self.pages = len(pages)

    def summary(self, out: str) -> str:
        if self.kept:
            return f"Not built: {out} is left as the last build made it ({self.failed} failed, {self.seconds:.2f}s)"
        if self.unchanged:
            return f"Built {out}: nothing changed since the last build ({self.seconds:.2f}s)"
        line = (f"Built {out}: {len(self.ingested)} ingested, {self.rendered} rendered, {self.failed} failed, "
                f"{self.pages} pages ({self.remade} new or changed) in {self.seconds:.2f}s")
        return line + (f" ({len(self.warnings)} warnings)" if self.warnings else "")


def build_site(config: Config, include_drafts: bool = False, strict: bool = False, jobs: int | None = None,
               progress: Progress | None = None, waiting: Callable[[str], None] = tell_stderr) -> BuildResult:
    """`strict` makes a broken internal link in the output an error instead of a warning; `jobs` is
    how many processes (default: one per core, when there is enough to do). One build of a site
    runs at a time: `waiting` is told when this one waits for another (generator/utils/sitelock.py)."""
    with site_lock(config.cache_dir, "build", waiting):
        return _build(config, include_drafts, strict, jobs, progress or Progress())


def _build(config: Config, include_drafts: bool, strict: bool, jobs: int | None, progress: Progress) -> BuildResult:
    result = BuildResult()
    clock = Clock(result, progress)
    hashes = FileHashes(config)
    last = last_build(config, include_drafts, strict, hashes)
    if last is not None:  # the site in place is this build's already: say again what it said
        result.errors, result.warnings = last
        result.unchanged = True
        result.seconds = clock.total()
        return result
    from generator.engine.pipeline import run_stages  # only now: see the module's docstring

    try:
        try:
            run_stages(config, result, hashes, clock, include_drafts, strict, jobs)
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError):  # locked, full, unwritable: not damage
                raise
            discarded = _discard_cache(config, error)
            result = clock.result = BuildResult()
            run_stages(config, result, hashes, clock, include_drafts, strict, jobs)
            result.warnings.insert(0, discarded)  # after the stamp: the next build has nothing to say of it
    except (WorkerDied, OSError, sqlite3.OperationalError) as error:  # no stage can go on: the last site stays
        result.errors.append(_stopped(config, error))
        result.kept = True
    result.seconds = clock.total()
    return result


def _discard_cache(config: Config, error: Exception) -> Problem:
    """The build cache's database deleted, as a damaged one would fail every build."""
    from generator.engine.cache import DATABASE

    for suffix in ("", "-wal", "-shm"):
        (config.cache_dir / (DATABASE + suffix)).unlink(missing_ok=True)
    return Problem(config.cache_dir / DATABASE, f"the build cache was damaged ({error}): discarded, building anew")


def _stopped(config: Config, error: Exception) -> Problem:
    """One line for what stopped the build."""
    if isinstance(error, OSError):
        where = Path(error.filename) if error.filename else config.output_dir
        return Problem(where, f"the build stopped: {error.strerror or error}")
    return Problem(config.output_dir, f"the build stopped: {error}")


class Clock:
    """Seconds per stage into the result; `progress` is told of each stage as it starts."""

    def __init__(self, result: BuildResult, progress: Progress) -> None:
        self.result = result
        self.progress = progress
        self.started = self.last = time.perf_counter()
        self.stage = ""

    def start(self, stage: str) -> None:
        raise_deaths()  # a process of the build killed meanwhile stops it here
        self._lap()
        self.stage = stage
        self.progress.stage(stage)

    def total(self) -> float:
        self._lap()
        return time.perf_counter() - self.started

    def _lap(self) -> None:
        now = time.perf_counter()
        if self.stage:
            self.result.stages[self.stage] = now - self.last
        self.last = now
