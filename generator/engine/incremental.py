"""The build kept in memory between runs, redoing only what changed files need: the dev server's build.

The same stages as build.py in the same order, and the same output byte for byte
(tests/test_incremental.py builds both ways and compares every file):

- ingest runs only when a seed changed (it skips unchanged seeds by hash anyway);
- content files are re-loaded only when they changed; the rest of the Documents are kept;
- link runs whole, since a new briefing can change what every other one relates to, but
  what it extracts from each briefing is kept by file and hash;
- render goes through a MemoRenderer (generator/engine/memo.py) with its memory kept here;
- write touches only the pages whose text changed (output.update_site).

Before all that, `preview` renders the pages of the briefings just edited against the last
build's archive, so the page an author has open shows their edit at once, whatever the size of
the archive; the full pass that follows brings every page (that one included) in line.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.engine.build import BuildResult
from generator.config.settings import Config
from generator.content.documents import Document, collect_content, load_or_problem
from generator.ingest.stage import IngestReport, ingest_seeds
from generator.linking.archive import Archive, gather_facts, link_archive
from generator.linking.facts import Facts
from generator.engine.memo import MemoRenderer, RenderMemo
from generator.publish.output import STATIC_FOLDER, sync_static, update_site, write_changed, write_site
from generator.pages.briefings import briefing_page
from generator.pages.site_files import sitemap_page
from generator.utils.parallel import map_shares, processes_for
from generator.problems import Problem
from generator.render.renderer import Page, render_share, render_site
from generator.utils.superseded import never


@dataclass
class Changes:
    """Changed files, sorted by what they feed."""

    site: bool = False  # site.yaml: everything is redone, by a new builder
    seeds: bool = False
    content: set[Path] = field(default_factory=set)
    templates: bool = False
    static: set[Path] = field(default_factory=set)

    @property
    def content_only(self) -> bool:
        return bool(self.content) and not (self.site or self.seeds or self.templates or self.static)

    @property
    def stylesheets_only(self) -> bool:
        """Only CSS changed: browsers can swap it in without a page being rebuilt or reloaded."""
        return bool(self.static) and all(p.suffix == ".css" for p in self.static) and not (
            self.site or self.seeds or self.content or self.templates)


def classify(config: Config, site_file: Path, paths: Iterable[Path]) -> Changes:
    changes = Changes()
    static_dir = config.layouts_dir / STATIC_FOLDER
    for path in paths:
        if path == site_file.resolve():
            changes.site = True
        elif path.is_relative_to(config.seeds_dir):
            changes.seeds = True
        elif path.is_relative_to(config.content_dir):
            changes.content.add(path)
        elif path.is_relative_to(static_dir):
            changes.static.add(path)
        elif path.is_relative_to(config.layouts_dir):
            changes.templates = True
    return changes


@dataclass
class Rendered:
    result: BuildResult
    pages: list[Page]
    seconds: dict[str, float]  # per stage, to show where the time goes


class IncrementalBuilder:
    def __init__(self, config: Config, include_drafts: bool = False, jobs: int | None = None) -> None:
        """`jobs`: how many processes a build of everything (the first) uses; by default one per core."""
        self.config = config
        self.include_drafts = include_drafts
        self.jobs = jobs
        self.loaded: dict[Path, Document | Problem] = {}
        self._order: list[Path] = []  # self.loaded's keys in load_content's order
        self.ingest = IngestReport()
        self.memo = RenderMemo()
        self.facts: dict[tuple, Facts] = {}  # what the link stage extracted, by Document.key
        self.written: dict[str, str] | None = None  # page path -> text now in the output folder
        self.archive: Archive | None = None  # the last build's, and the renderer it was rendered with
        self.renderer: MemoRenderer | None = None

    def render(self, changes: Changes | None = None, superseded: Callable[[], bool] = never) -> Rendered:
        """Ingest, load, link and render what `changes` need; None means everything (the first build).
        Raises Superseded once `superseded()` says newer changes came in (asked between steps):
        what was done stays consistent, and the next render with those changes too picks up from it."""
        clock = _Clock()
        result = BuildResult()
        claims_changed = self._reload(None if changes is None else changes.content)
        if changes is None or changes.seeds or claims_changed:
            self.ingest = ingest_seeds(self.config)
            result.ingested = self.ingest.written
            self._reload(set(self.ingest.written))
        result.errors += self.ingest.problems
        result.warnings += self.ingest.conflicts
        clock.lap("ingest and load")
        content = collect_content((self.loaded[path] for path in self._order), self.include_drafts)
        result.errors += content.problems
        result.warnings += content.warnings
        current = {d.key for d in content.documents}
        self.facts = {key: facts for key, facts in self.facts.items() if key in current}
        unknown = [d for d in content.documents if d.key not in self.facts]
        self.facts |= gather_facts(self.config, unknown, {}, processes_for(len(unknown), self.jobs))  # the first build's
        archive = link_archive(self.config, content.documents, self.facts, superseded)
        clock.lap("link")
        renderer = MemoRenderer(self.config, memo=self.memo)
        processes = processes_for(len(content.documents), self.jobs) if changes is None else 1
        if processes > 1:
            pages, problems = self._render_in_shares(archive, renderer, processes)
        else:
            pages, problems = render_site(self.config, archive, renderer, superseded)
        renderer.finish()
        self.archive, self.renderer = archive, renderer
        result.errors += problems
        result.count(content.documents, pages)
        result.once_each()
        clock.lap("render")
        return Rendered(result, pages, clock.laps)

    def _render_in_shares(self, archive: Archive, renderer: MemoRenderer, processes: int) -> tuple[list[Page], list[Problem]]:
        """render_site's pages made by forked workers, a share each, which send back what they made
        and what their memo learnt: the texts included, which the dev server keeps."""
        renderer.link_to(archive.briefings)
        memo = self.memo

        def share(which: int, shares: int) -> tuple[list[Page], list[Problem], dict, dict, dict, set[str]]:
            renderer.share = (which, shares)
            made = render_share(renderer, archive)
            learnt = {page.path: memo.pages[page.path] for page in made if page.path in memo.pages}
            return made, renderer.problems, learnt, dict(memo.bodies), dict(memo.links), memo.used

        pages: list[Page] = []
        problems: list[Problem] = []
        for made, found, learnt, bodies, links, used in map_shares(share, processes):
            pages += made
            problems += found
            memo.pages.update(learnt)
            memo.bodies.update(bodies)
            memo.links.update(links)
            memo.used |= used
        return [*pages, sitemap_page(self.config, pages, archive)], problems

    def preview(self, changes: Changes) -> list[Page]:
        """The pages of the briefings edited in place (same URL, still loading, still published),
        rendered against the last build's archive: their cross-links are refreshed by the full
        pass. Nothing for any other kind of change, or when a page fails: the full pass reports it."""
        if self.archive is None or self.renderer is None or not changes.content_only or not all(
                path.suffix == ".md" and path.is_file() for path in changes.content):  # not a move or deletion
            return []
        by_url = {d.url: d for d in self.archive.briefings}
        edited = [load_or_problem(path, self.config.content_dir) for path in changes.content]
        if not all(isinstance(d, Document) and not d.draft and d.url in by_url for d in edited):
            return []
        renderer = self.renderer  # its links already point at the archive's briefings (10 ms a thousand to redo)
        renderer.problems = []
        pages = [briefing_page(renderer, document, self.archive) for document in edited]
        return [] if renderer.problems or None in pages else pages

    def write_preview(self, pages: list[Page]) -> list[str]:
        return write_changed(self.config.output_dir, pages, self.written) if self.written is not None else []

    def write(self, pages: list[Page]) -> list[str]:
        """Pages into the output folder: whole the first time, then only what changed. Returns paths changed."""
        out_dir = self.config.output_dir
        if self.written is None:
            write_site(out_dir, pages, self.config.layouts_dir / STATIC_FOLDER)
            self.written = {page.path: page.text for page in pages}
            return sorted(self.written)
        return update_site(out_dir, pages, self.written)

    def write_static(self) -> list[str]:
        return sync_static(self.config.layouts_dir / STATIC_FOLDER, self.config.output_dir)

    def _reload(self, paths: set[Path] | None) -> bool:
        """Re-load the content files at or under paths (None: all). True when which briefing claims
        which seed may have changed (one deleted, moved, broken or re-pointed): ingest must run again."""
        content_dir = self.config.content_dir
        if paths is None:
            self.loaded = {}
            paths = {content_dir}
        before: dict[Path, object] = {}
        for path in paths:
            if path.suffix == ".md":
                touched = [path]
            else:  # a folder made, moved or deleted: redo everything under it
                touched = [k for k in self.loaded if k.is_relative_to(path)]
                touched += path.rglob("*.md") if path.is_dir() else []
            for each in touched:
                before.setdefault(each, _seed_claim(self.loaded.pop(each, None)))
                if each.is_file() or each.is_symlink():  # a dangling link: a problem, as `build` says
                    self.loaded[each] = load_or_problem(each, content_dir)
        if set(self._order) != self.loaded.keys():
            self._order = sorted(self.loaded)
        return any(_seed_claim(self.loaded.get(path)) != claim or isinstance(claim, Problem)
                   for path, claim in before.items())


def _seed_claim(loaded: Document | Problem | None) -> object:
    """The seed a content file was made from; a Problem when unreadable (ingest reads it its own way)."""
    return loaded.meta.get("seed") if isinstance(loaded, Document) else loaded


class _Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self._last
        self._last = now
