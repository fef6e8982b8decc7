"""The build pipeline: ingest seeds -> load content -> link -> render -> write the site, indexed for search.

What an earlier build computed is reused from the build cache (generator/cache.py), and the costly
stages (what each briefing says, rendering and writing pages) run on every core (generator/parallel.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.bodies import BodyConverter
from generator.cache import BuildCache
from generator.check import ParsedPage, check_site, parse_written
from generator.config import Config
from generator.content import Document, load_content
from generator.ingest.stage import ingest_seeds
from generator.link import Archive, gather_facts, link_archive
from generator.memo import MemoRenderer, RenderMemo
from generator.output import (NO_JEKYLL, STATIC_FOLDER, Mirror, PageWriter, finish_site, remove_unmade, start_site,
                              write_pages)
from generator.parallel import map_shares, processes_for
from generator.problems import Problem
from generator.render import Page, Renderer, page_makers
from generator.search import BUNDLE_FOLDER, index_site
from generator.stamp import FileHashes, last_build, write_stamp

Progress = Callable[[str], None]


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
        if self.unchanged:
            return f"Built {out}: nothing changed since the last build ({self.seconds:.2f}s)"
        line = (f"Built {out}: {len(self.ingested)} ingested, {self.rendered} rendered, {self.failed} failed, "
                f"{self.pages} pages ({self.remade} new or changed) in {self.seconds:.2f}s")
        return line + (f" ({len(self.warnings)} warnings)" if self.warnings else "")


def build_site(config: Config, include_drafts: bool = False, strict: bool = False, jobs: int | None = None,
               progress: Progress = lambda stage: None) -> BuildResult:
    """`strict` makes a broken internal link in the output an error instead of a warning; `jobs` is
    how many processes (default: one per core, when there is enough to do)."""
    result = BuildResult()
    clock = _Clock(result, progress)
    hashes = FileHashes(config)
    last = last_build(config, include_drafts, strict, hashes)
    if last is not None:  # the site in place is this build's already: say again what it said
        result.errors, result.warnings = last
        result.unchanged = True
        result.seconds = clock.total()
        return result
    staging = start_site(config.output_dir, config.layouts_dir / STATIC_FOLDER)
    mirror = Mirror(config.output_dir, staging, {STATIC_FOLDER, BUNDLE_FOLDER, NO_JEKYLL})  # meanwhile, on another core
    cache = BuildCache(config.cache_dir)  # after the fork: the mirroring process has no database connection
    clock.start("ingest")
    ingest = ingest_seeds(config, hashes.of, jobs)
    result.ingested = ingest.written
    result.errors += ingest.problems
    result.warnings += ingest.conflicts
    clock.start("load")
    known = cache.documents(config.content_dir)
    before = set(known)
    content = load_content(config.content_dir, include_drafts, known, jobs, hashes.of)
    if set(known) != before:  # 70 MB at 10,000 briefings: written only when a file was new, edited or gone
        cache.keep_documents(config.content_dir, known)
    result.errors += content.problems
    processes = processes_for(len(content.documents), jobs)
    clock.start("link")
    converter = BodyConverter(config, content.documents, cache) if processes > 1 else None
    facts = gather_facts(config, content.documents, cache.facts, processes)
    archive = link_archive(config, content.documents, facts, processes=processes)
    if converter:
        converter.stop()
    del facts  # the words in them served linking only
    clock.start("render and write")
    if not config.layouts_dir.is_dir():
        result.errors.append(Problem(config.layouts_dir, "no such folder: it should hold the page templates "
                                     "(site.yaml's layouts_dir, by default layouts/)"))
    pages, memo, written = _render_and_write(config, archive, cache, hashes, staging, mirror.files(), processes, result)
    result.count(content.documents, pages)
    del content, archive  # not needed from here: the search index and the check may use their memory
    clock.start("search index")
    result.errors += index_site(staging, config.output_dir, config.search_part_pages, config.cache_dir)
    finish_site(staging, config.output_dir)
    cache.finish(memo)  # only now: the memo describes the files in place
    clock.start("check")
    (result.errors if strict else result.warnings).extend(check_site(config, written))
    clock.start("stamp")
    result.once_each()
    write_stamp(config, include_drafts, strict, (result.errors, result.warnings), hashes)
    result.seconds = clock.total()
    return result


def _render_and_write(config: Config, archive: Archive, cache: BuildCache, hashes: FileHashes, staging: Path,
                      mirrored: set[str], processes: int,
                      result: BuildResult) -> tuple[list[Page], RenderMemo, dict[str, ParsedPage]]:
    """Every page rendered (or carried over unchanged) into staging, by `processes` workers, each
    with its share of the pages; then the sitemap, which lists them all; then the previous site's
    files that staging holds (`mirrored`) but no page made are taken out. `hashes`: the build's
    FileHashes, which has the size and time of each file the last build made, and learns the
    hashes of those written now. Also returns the links and ids of the pages written anew, for
    the check."""
    memo = cache.memo(config.output_dir, hashes.recorded())
    renderer = MemoRenderer(config, memo=memo)  # made here, so the workers inherit one set of checks
    renderer.link_to(archive.briefings)

    def share(which: int, shares: int) -> tuple[list[Page], int, dict[str, ParsedPage], list[Problem], set[str], dict]:
        cache.connect()
        renderer.share = (which, shares)
        made: list[Page] = []
        remade = 0
        written: dict[str, ParsedPage] = {}
        writer = PageWriter(staging, config.output_dir, mirrored)
        for page in _share_pages(renderer, archive):
            writer.write(page)  # at once: a share's texts add up to 300 MB at 10,000 briefings
            made.append(Page(page.path, None, page.source, page.noindex))
            if page.text is not None:
                remade += 1
                if page.path.endswith(".html"):
                    written[page.path] = parse_written(page.text)
        cache.save()
        return made, remade, written, renderer.problems, memo.used, writer.hashes

    pages: list[Page] = []
    written: dict[str, ParsedPage] = {}
    for made, remade, parsed, problems, used, file_hashes in map_shares(share, processes):
        pages += made
        result.remade += remade
        written |= parsed
        result.errors += problems
        memo.used |= used
        hashes.learn(file_hashes)
    memo.used |= {str(d.path) for d in archive.briefings}  # bodies: kept even when no page needed one made
    from generator.pages.site_files import sitemap_page  # the sitemap lists every other page

    sitemap = sitemap_page(config, pages, archive)
    write_pages(staging, [sitemap], config.output_dir, mirrored)
    result.remade += 1
    remove_unmade(staging, mirrored, {page.path for page in pages} | {sitemap.path})
    return pages + [sitemap], memo, written


def _share_pages(renderer: Renderer, archive: Archive) -> Iterator[Page]:
    """render_share's pages one by one as they are made, so that each can be written and let go."""
    for make in page_makers():
        for page in make(renderer, archive):
            if page is not None and renderer.owns(page.path):
                yield page


class _Clock:
    """Seconds per stage into the result, and the stage's name to `progress` as it starts."""

    def __init__(self, result: BuildResult, progress: Progress) -> None:
        self.result = result
        self.progress = progress
        self.started = self.last = time.perf_counter()
        self.stage = ""

    def start(self, stage: str) -> None:
        self._lap()
        self.stage = stage
        self.progress(stage)

    def total(self) -> float:
        self._lap()
        return time.perf_counter() - self.started

    def _lap(self) -> None:
        now = time.perf_counter()
        if self.stage:
            self.result.stages[self.stage] = now - self.last
        self.last = now
