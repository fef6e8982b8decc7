"""The dev server's build loop: changed paths -> the engine's build of what they reach -> news for the open browsers.

A build that brings a new problem is not written: the site stays as the last good build, the
problem shows in the terminal and over the open pages, and the next good build clears it. No input
can stop the loop: anything raised is reported the same way.

The engine (generator/engine/pipeline.py) is kept in memory between saves. Edits to briefings are
previewed (their own pages, at once), then the full pass follows; that pass is cancelled as soon as
newer saves come in, so the next preview need not wait for it, and its changes are carried into
the next build.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from generator.config.settings import Config
from generator.engine.pipeline import Changes, LiveSite, MemoryStore, Site, classify
from generator.engine.result import BuildResult, Clock
from generator.problems import Problem, ProblemError
from generator.publish.search import index_site
from generator.serve.server import LiveState
from generator.utils.cancel import NEVER, Cancel, Cancelled
from generator.utils.sitelock import site_lock

RELOAD_WAIT = 1.0  # seconds the full pass waits, at most, for the pages a preview reloaded to load


class BuildLoop:
    def __init__(self, load_config: Callable[[], Config], site_file: Path, include_drafts: bool,
                 echo: Callable[[str], None], cancel: Cancel | None = None) -> None:
        """`cancel`: set when newer changes are waiting (then a briefings-only full pass gives way)."""
        self.load_config = load_config
        self.site_file = site_file
        self.include_drafts = include_drafts
        self.echo = echo
        self.config = load_config()
        self.site, self.output = self._engine()
        self.live = LiveState(self.config.output_dir, self.config.base_path)
        self.search = SearchRefresher(self.config, echo)
        self.accepted: set[Problem] = set()  # problems of the build now served
        self.cancel = cancel or Cancel()
        self.unfinished: set[Path] = set()  # the changes of a full pass that gave way, for the next one
        self.previewed = False  # pages were written by a preview since the search index was last refreshed

    def _engine(self) -> tuple[Site, LiveSite]:
        return Site(self.config, MemoryStore(), self.include_drafts), LiveSite(self.config)

    def first_build(self) -> None:
        with self._site_locked():
            self._build(None, always_write=True)

    def rebuild(self, paths: set[Path]) -> None:
        """Never raises: an unexpected error is reported like any build problem."""
        paths, self.unfinished = paths | self.unfinished, set()
        try:
            with self._site_locked():
                self._rebuild(paths)
        except Cancelled:
            self.unfinished = paths
            self.echo("Full pass dropped for newer changes")
        except Exception as error:  # a bug must not stop the server; the last good build stays
            self.echo(traceback.format_exc().rstrip())
            problem = Problem(Path(sorted(paths)[0]) if paths else self.config.root, f"build failed: {error!r}")
            self.live.set_problems([_shown(problem, self.config.root)])

    def _site_locked(self) -> AbstractContextManager[None]:
        """Each build holds the site's lock, as `build` and `deploy` do; it is let go between builds."""
        return site_lock(self.config.cache_dir, "serve", self.echo)

    def _rebuild(self, paths: set[Path]) -> None:
        changes = classify(self.config, self.site_file, paths)
        if changes.site:
            try:
                self.config = self.load_config()
            except ProblemError as error:
                return self._report([error.problem], "site.yaml not applied")
            self.site, self.output = self._engine()
            # The one refresher reads the settings at its next run. A second would run beside it, and each
            # index run clears the work folders beside the site, the other's too: Pagefind then hangs.
            self.search.config = self.config
            with self.live.site_lock:
                self.live.root, self.live.base_path = self.config.output_dir, self.config.base_path
            return self._build(None, always_write=True)
        static = self._write(self.output.write_static) if changes.static else []
        if changes.stylesheets_only:
            self.live.swap_css([self.config.url(path) for path in static if path.endswith(".css")])
            return self.echo(f"Stylesheet swapped: {', '.join(static) or 'no change'}")
        if changes.content_only:
            self._preview(changes)
            return self._build(changes, always_write=False, cancel=self.cancel)
        self._build(changes, always_write=False, static=static)

    def _preview(self, changes: Changes) -> None:
        """The edited briefings' own pages first: the author sees their edit before the rest is rebuilt."""
        started = time.perf_counter()
        pages = self.site.preview(changes)
        changed = self._write(lambda: self.output.write_preview(pages)) if pages else []
        if changed:
            self.previewed = True  # the full pass then finds those pages written: the index is due all the same
            reloading = self.live.reload(changed)
            self.echo(f"Preview: {', '.join(changed)} in {(time.perf_counter() - started) * 1000:.0f} ms")
            # The full pass would slow the reloaded pages' serving down (it holds the GIL): let them load first.
            self.live.await_reloaded(reloading, RELOAD_WAIT)

    def _build(self, changes: Changes | None, always_write: bool, static: list[str] = (),
               cancel: Cancel = NEVER) -> None:
        clock = Clock(BuildResult())
        pages = self.site.build(changes, self.output, clock, cancel=cancel)
        result = clock.result
        errors = result.errors
        new = [p for p in errors if p not in self.accepted]
        if pages is None or (new and not always_write):
            return self._report(errors, "not written, still serving the last good build")
        clock.start("write")
        changed = self._write(lambda: self.output.write(pages))
        clock.total()
        self.accepted = set(errors)
        for warning in result.warnings:
            self.echo(f"warning: {warning}")
        self._report(errors, None)
        if changed or static:
            self.live.reload([*changed, *static])
        if self.previewed or any(path.endswith(".html") for path in changed):
            self.previewed = False
            self.search.refresh(empty_ok=not result.rendered)
        self.echo(_summary(result, changed))

    def _write(self, write: Callable[[], list[str]]) -> list[str]:
        with self.live.site_lock:
            return write()

    def _report(self, problems: list[Problem], verdict: str | None) -> None:
        """Errors to the terminal and to the open pages' overlay (an empty list clears it)."""
        for problem in problems:
            self.echo(f"error: {problem}")
        if verdict:
            self.echo(f"Build: {len(problems)} problem(s), {verdict}")
        self.live.set_problems([_shown(p, self.config.root) for p in problems])


class SearchRefresher:
    """Re-runs the search stage in the background after content changes; saves during a run make one more run."""

    def __init__(self, config: Config, echo: Callable[[str], None]) -> None:
        self.config, self.echo = config, echo
        self._lock = threading.Lock()
        self._running = False
        self._again = False
        self.empty_ok = False
        self.digests: dict[str, Any] = {}  # what index_site keeps of each page between refreshes (one thread's)

    def refresh(self, empty_ok: bool = False) -> None:
        """`empty_ok`: the site shows no briefing, so an index of no page is no problem."""
        with self._lock:
            self.empty_ok = empty_ok
            if self._running:
                self._again = True
                return
            self._running = True
        threading.Thread(target=self._run, name="search-index", daemon=True).start()

    def _run(self) -> None:
        while True:
            started = time.perf_counter()
            try:
                for problem in index_site(self.config.output_dir, part_pages=self.config.search_part_pages,
                                          store=self.digests, empty_ok=self.empty_ok):
                    self.echo(f"warning: {problem}")
                self.echo(f"Search index refreshed in {time.perf_counter() - started:.2f}s")
            except Exception as error:  # a page a build removed while it was read: the next refresh tries again
                self.echo(f"warning: search index not refreshed: {error!r}")
            with self._lock:
                if not self._again:
                    self._running = False
                    return
                self._again = False


def _shown(problem: Problem, root: Path) -> dict:
    path = problem.path.relative_to(root) if problem.path.is_relative_to(root) else problem.path
    return {"file": path.as_posix(), "line": problem.line, "message": problem.message}


def _summary(result: BuildResult, changed: list[str]) -> str:
    laps = ", ".join(f"{name} {seconds * 1000:.0f}" for name, seconds in result.stages.items())
    return (f"Built: {len(changed)} files written or removed of {result.pages} pages, "
            f"{result.failed} failed ({laps} ms)")
