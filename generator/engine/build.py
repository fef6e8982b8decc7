"""`build`: the site in the output folder made from the current inputs, or, when the stamp says
it already is (generator/publish/stamp.py), left as it is, which takes a stat per input and output file.

The stages are run by the engine (generator/engine/pipeline.py), imported only when there is something
to build: Markdown, Jinja, numpy and the rest take longer to import than a build with nothing to do.
A build is the engine's build of everything, its memory read from the build cache.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from generator.config.settings import Config
from generator.engine.progress import Progress
from generator.engine.result import BuildResult, Clock
from generator.problems import Problem
from generator.publish.stamp import FileHashes, last_build
from generator.utils.parallel import WorkerDied
from generator.utils.sitelock import site_lock, tell_stderr


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
    from generator.engine.pipeline import CachedStore, Site, StagedSite  # only now: see the module's docstring

    def run() -> None:
        site = Site(config, CachedStore(config.cache_dir), include_drafts, jobs)
        site.build(None, StagedSite(config, hashes, include_drafts, strict), clock, hashes)

    try:
        try:
            run()
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError):  # locked, full, unwritable: not damage
                raise
            discarded = _discard_cache(config, error)
            result = clock.result = BuildResult()
            run()
            result.warnings.insert(0, discarded)  # after the stamp: the next build has nothing to say of it
    except (WorkerDied, OSError, sqlite3.OperationalError) as error:  # no stage can go on: the last site stays
        result.errors.append(_stopped(config, error))
        result.kept = True
    result.seconds = clock.total()
    return result


def _discard_cache(config: Config, error: Exception) -> Problem:
    """The build cache's database deleted, as a damaged one would fail every build."""
    from generator.engine.cache import DATABASE, OtherVersion

    for suffix in ("", "-wal", "-shm"):
        (config.cache_dir / (DATABASE + suffix)).unlink(missing_ok=True)
    what = str(error) if isinstance(error, OtherVersion) else f"the build cache was damaged ({error})"
    return Problem(config.cache_dir / DATABASE, f"{what}: discarded, building anew")


def _stopped(config: Config, error: Exception) -> Problem:
    """One line for what stopped the build."""
    if isinstance(error, OSError):
        where = Path(error.filename) if error.filename else config.output_dir
        return Problem(where, f"the build stopped: {error.strerror or error}")
    return Problem(config.output_dir, f"the build stopped: {error}")
