"""The engine: one orchestration of the stages, for `build` and `serve` alike.

    ingest seeds -> load content -> link -> render -> write (and publish)

A Site keeps what its builds made (the loaded Documents, each briefing's facts, the render memo,
and for the dev server the Archive) in a Store, and `Site.build(changes)` redoes only the work the
changes reach:
- ingest runs for a build of everything, a changed seed, or a changed claim of a briefing on a
  seed (one deleted, moved, broken or re-pointed); it skips unchanged seeds by hash anyway;
- load parses only the content files whose hash changed; the others' Documents are kept; after
  saves of briefings in place, only the files saved are read, none listed or hashed again;
- link extracts facts only from briefings that changed, then composes the archive whole, since a
  new briefing can change what every other one relates to;
- render goes through a MemoRenderer (memo.py): a page is made again only when its inputs changed;
  after edits to briefings alone (the dev server's), each kind of page that can tell makes only the
  pages the edits may have changed, its others kept as they are (kept.py);
- write touches only the files whose bytes changed.

`build` (build.py) makes a Site whose Store is the build cache and calls build(None) once,
"everything may have changed": its pages go into a staging folder swapped in whole (StagedSite).
`serve` keeps a Site and its in-memory Store between saves and calls build with the paths each
save changed: its pages go into the served folder in place (LiveSite). Before that build, `preview`
renders the edited briefings' own pages against the last archive, so the page an author has open
shows their edit at once; the build that follows brings every page (that one included) in line.
A long build checks the current Cancel token (generator/utils/cancel.py) between steps.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import jinja2

from generator.config.settings import Config
from generator.content.documents import ContentSet, Document, load_content, load_or_problem, reload_in_place
from generator.engine.bodies import BodyConverter
from generator.engine.cache import BuildCache
from generator.engine.memo import MemoRenderer, RenderMemo
from generator.engine.progress import Tally
from generator.engine.result import BuildResult, Clock
from generator.ingest.stage import IngestReport, ingest_seeds
from generator.linking.archive import Archive, gather_facts, link_archive
from generator.linking.facts import Facts
from generator.engine.kept import KeptPages, KindMade, kept, listed_as_before, merged
from generator.pages import PAGE_MAKERS, changed_pages, kind_pages
from generator.pages.briefings import briefing_page, page_path
from generator.pages.site_files import sitemap_page, sitemap_reached
from generator.problems import Problem
from generator.publish.check import LinkChecker, ParsedPage, parse_written
from generator.publish.output import (NO_JEKYLL, STATIC_FOLDER, Mirror, PageWriter, discard, finish_site, remove_unmade,
                                      start_site, sync_static, update_site, write_changed, write_pages, write_site)
from generator.publish.search import BUNDLE_FOLDER, index_site
from generator.publish.stamp import FileHashes, write_stamp
from generator.render.renderer import Page, Renderer
from generator.utils.cancel import NEVER, Cancel, cancellable, checkpoint
from generator.utils.filememo import file_sha256
from generator.utils.gcpause import collections_paused, spare_survivors
from generator.utils.parallel import map_shares, processes_for


@dataclass
class Changes:
    """Changed files, sorted by what they feed. `build` passes None instead: everything may have changed."""

    site: bool = False  # site.yaml: everything is redone, by a new Site
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


def classify(config: Config, site_file: Path, paths: set[Path] | list[Path]) -> Changes:
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


# --- Where a Site keeps what its builds made -------------------------------------------------------

class Store(Protocol):
    """What a Site keeps between builds, and how its render workers hand back what they learnt."""

    keeps_archive: bool  # the archive and renderer are kept for the next build (and previews)

    def open(self) -> None: ...
    def documents(self, content_dir: Path) -> dict[tuple[str, str], Document]: ...
    def keep_documents(self, content_dir: Path, documents: dict[tuple[str, str], Document]) -> None: ...
    def facts(self) -> MutableMapping[str, Facts]: ...
    def kept(self) -> MutableMapping[str, Any]: ...  # what stages keep of files (utils/filememo.py's FileMemo)
    def render_memo(self, out_dir: Path, out_files: dict[str, tuple[int, int]]) -> RenderMemo: ...
    def body_converter(self, config: Config, documents: list[Document]) -> BodyConverter | None: ...
    def in_worker(self) -> None: ...
    def from_worker(self, memo: RenderMemo) -> Any: ...
    def gather(self, memo: RenderMemo, sent: Any) -> None: ...
    def finish(self, memo: RenderMemo) -> None: ...


class CachedStore:
    """`build`'s: the build cache (cache.py), read at the start and written as the build goes.
    Opened only once the output's mirroring process has forked, which must not share its connection."""

    keeps_archive = False

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.cache: BuildCache | None = None
        self._documents: set[tuple[str, str]] = set()

    def open(self) -> None:
        self.cache = BuildCache(self.folder)

    def _open(self) -> BuildCache:
        assert self.cache is not None, "the store is opened by Site.build"
        return self.cache

    def documents(self, content_dir: Path) -> dict[tuple[str, str], Document]:
        known = self._open().documents(content_dir)
        self._documents = set(known)
        return known

    def keep_documents(self, content_dir: Path, documents: dict[tuple[str, str], Document]) -> None:
        if set(documents) != self._documents:  # a large pickle: written only when a file was new, edited or gone
            self._open().keep_documents(content_dir, documents)

    def facts(self) -> MutableMapping[str, Facts]:
        return self._open().facts

    def kept(self) -> MutableMapping[str, Any]:
        return self._open().kept

    def render_memo(self, out_dir: Path, out_files: dict[str, tuple[int, int]]) -> RenderMemo:
        return self._open().memo(out_dir, out_files)

    def body_converter(self, config: Config, documents: list[Document]) -> BodyConverter | None:
        return BodyConverter(config, documents, self._open())

    def in_worker(self) -> None:
        cache = self._open()
        cache.connect()
        for table in (cache.tables["pages"], cache.tables["links"]):  # looked up for nearly every page
            table.read_all()

    def from_worker(self, memo: RenderMemo) -> set[str]:
        self._open().save()  # what the worker learnt goes to the database; only what it used comes back
        return memo.used

    def gather(self, memo: RenderMemo, sent: set[str]) -> None:
        memo.used |= sent

    def finish(self, memo: RenderMemo) -> None:
        self._open().finish(memo)


class MemoryStore:
    """`serve`'s: everything in memory, page texts included (to write only the pages that changed)."""

    keeps_archive = True

    def __init__(self) -> None:
        self._documents: dict[tuple[str, str], Document] = {}
        self._facts: dict[str, Facts] = {}
        self._kept: dict[str, Any] = {}
        self.memo = RenderMemo()

    def open(self) -> None:
        pass

    def documents(self, content_dir: Path) -> dict[tuple[str, str], Document]:
        return self._documents

    def keep_documents(self, content_dir: Path, documents: dict[tuple[str, str], Document]) -> None:
        self._documents = documents

    def facts(self) -> MutableMapping[str, Facts]:
        return self._facts

    def kept(self) -> MutableMapping[str, Any]:
        return self._kept

    def render_memo(self, out_dir: Path, out_files: dict[str, tuple[int, int]]) -> RenderMemo:
        return self.memo

    def body_converter(self, config: Config, documents: list[Document]) -> BodyConverter | None:
        return None  # the memo is this process's: a converter in another would convert for nothing

    def in_worker(self) -> None:
        pass

    def from_worker(self, memo: RenderMemo) -> tuple[dict, dict, dict, set[str]]:
        """A worker's memo, sent back: the pages it rendered (texts included), bodies and links."""
        pages = {path: memo.pages[path] for path in memo.used if path in memo.pages}
        return pages, dict(memo.bodies), dict(memo.links), memo.used

    def gather(self, memo: RenderMemo, sent: tuple[dict, dict, dict, set[str]]) -> None:
        pages, bodies, links, used = sent
        memo.pages.update(pages)
        memo.bodies.update(bodies)
        memo.links.update(links)
        memo.used |= used

    def finish(self, memo: RenderMemo) -> None:
        memo.prune()


# --- Where a build's pages go ---------------------------------------------------------------------

class PageSink(Protocol):
    """A render worker's end of the output: each page as it is made."""

    def write(self, page: Page) -> Page: ...  # what the main process keeps of the page
    def report(self) -> Any: ...  # sent back to the output when the worker is done


class Output(Protocol):
    def start(self) -> None: ...
    def abandon(self) -> None: ...
    def open(self) -> None: ...
    def sink(self) -> PageSink: ...
    def gather(self, report: Any) -> None: ...
    def close(self, pages: list[Page], failed: set[str]) -> None: ...
    def publish(self, result: BuildResult, clock: Clock, store: Store, made: Made) -> None: ...


@dataclass
class Made:
    memo: RenderMemo | None
    pages: list[Page] | None  # None: the inputs cannot make the site (see Site._make)
    no_briefings: bool = False


class _StagingWriter:
    """A worker's pages written into the staging folder at once, their texts let go."""

    def __init__(self, staged: StagedSite) -> None:
        self.writer = PageWriter(staged.staging, staged.config.output_dir, staged.mirrored)
        self.written: dict[str, ParsedPage] = {}

    def write(self, page: Page) -> Page:
        self.writer.write(page)  # at once: a share's texts add up to hundreds of megabytes on a large archive
        if page.text is not None and page.path.endswith(".html"):
            self.written[page.path] = parse_written(page.text)
        return Page(page.path, None, page.source, page.noindex)

    def report(self) -> tuple[dict[str, list], dict[str, ParsedPage]]:
        return self.writer.hashes, self.written


class StagedSite:
    """`build`'s output: a staging folder beside the output folder, holding the previous site's
    files hard-linked (Mirror, on another core meanwhile), into which the workers write; then
    indexed for search and swapped in whole, or discarded when the inputs cannot make the site.
    `hashes` learns the hashes of the files written, for the stamp."""

    def __init__(self, config: Config, hashes: FileHashes, include_drafts: bool, strict: bool) -> None:
        self.config, self.hashes = config, hashes
        self.include_drafts, self.strict = include_drafts, strict
        self.staging = config.output_dir
        self.mirror: Mirror | None = None
        self.mirrored: set[str] = set()
        self.written: dict[str, ParsedPage] = {}  # the links and ids of the pages written anew, for the check

    def start(self) -> None:
        out_dir = self.config.output_dir
        for old in out_dir.parent.glob(f".{out_dir.name}.old-*"):  # left by a build killed meanwhile
            discard(old, out_dir)
        self.staging = start_site(out_dir, self.config.layouts_dir / STATIC_FOLDER)
        self.mirror = Mirror(out_dir, self.staging, {STATIC_FOLDER, BUNDLE_FOLDER, NO_JEKYLL})

    def abandon(self) -> None:
        if self.mirror is not None:
            self.mirror.stop()
        discard(self.staging, self.config.output_dir)

    def open(self) -> None:
        if self.mirror is not None:
            self.mirrored = self.mirror.files()

    def sink(self) -> _StagingWriter:
        return _StagingWriter(self)

    def gather(self, report: tuple[dict[str, list], dict[str, ParsedPage]]) -> None:
        file_hashes, written = report
        self.hashes.learn(file_hashes)
        self.written |= written

    def close(self, pages: list[Page], failed: set[str]) -> None:
        """The sitemap (the last page) written; the previous site's files no page made taken out,
        except those of pages that failed to render, which keep their last good version."""
        write_pages(self.staging, pages[-1:], self.config.output_dir, self.mirrored)
        remove_unmade(self.staging, self.mirrored, {page.path for page in pages} | failed)

    def publish(self, result: BuildResult, clock: Clock, store: Store, made: Made) -> None:
        """The one place that decides: the new site replaces the last one unless its inputs are
        broken (then every briefing page would be missing). A kept site keeps its stamp, so the
        next build (and `deploy`) finds it stale."""
        if made.pages is None:
            self.abandon()
            result.kept = True
            result.once_each()
            return
        assert made.memo is not None
        clock.start("search index")
        config = self.config
        result.errors += index_site(self.staging, config.output_dir, config.search_part_pages, store.kept(),
                                    made.no_briefings)
        finish_site(self.staging, config.output_dir)
        store.finish(made.memo)  # only now: the memo describes the files in place
        clock.start("check")
        checker = LinkChecker(config, self.written, store.kept())
        (result.errors if self.strict else result.warnings).extend(checker.check())
        clock.start("stamp")
        result.once_each()
        write_stamp(config, self.include_drafts, self.strict, (result.errors, result.warnings), self.hashes,
                    checker.listing.tree(config.output_dir))  # the output as the check listed it: not walked again


class _Keeper:
    def write(self, page: Page) -> Page:
        return page

    def report(self) -> None:
        return None


class LiveSite:
    """`serve`'s output: the served folder, written whole the first time, then in place with only
    the pages whose text changed (`written`: each page's text in the folder now). The dev server's
    loop writes a build's pages once it accepts them (write); the search index is its own."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.written: dict[str, str] | None = None

    def start(self) -> None:
        pass

    def abandon(self) -> None:
        pass

    def open(self) -> None:
        pass

    def sink(self) -> _Keeper:
        return _Keeper()

    def gather(self, report: None) -> None:
        pass

    def close(self, pages: list[Page], failed: set[str]) -> None:
        pass

    def publish(self, result: BuildResult, clock: Clock, store: Store, made: Made) -> None:
        if made.pages is None:
            result.kept = True
        elif made.memo is not None:
            store.finish(made.memo)
        result.once_each()

    def write(self, pages: list[Page]) -> list[str]:
        """Pages into the output folder: whole the first time, then only what changed. Returns paths changed."""
        out_dir = self.config.output_dir
        if self.written is None:
            write_site(out_dir, pages, self.config.layouts_dir / STATIC_FOLDER)
            self.written = {page.path: page.text for page in pages if page.text is not None}
            return sorted(self.written)
        return update_site(out_dir, pages, self.written)

    def write_preview(self, pages: list[Page]) -> list[str]:
        return write_changed(self.config.output_dir, pages, self.written) if self.written is not None else []

    def write_static(self) -> list[str]:
        return sync_static(self.config.layouts_dir / STATIC_FOLDER, self.config.output_dir)


# --- The engine -----------------------------------------------------------------------------------

class Site:
    """One site's builds. `jobs`: how many processes a build of everything uses (default: one
    per core, when there is enough to do); a build of a few changes runs in this process."""

    def __init__(self, config: Config, store: Store, include_drafts: bool = False, jobs: int | None = None) -> None:
        self.config = config
        self.store = store
        self.include_drafts = include_drafts
        self.jobs = jobs
        self.ingest = IngestReport()
        self.archive: Archive | None = None  # the last build's, and the renderer it was rendered with
        self.archive_whole = False  # the archive is as its build finished it
        self.linked_whole = True  # the last build linked the archive whole (kept none of the last one's parts)
        self.renderer: MemoRenderer | None = None
        self.kept_pages: KeptPages | None = None  # the last build's pages, by kind (kept.py)
        self.content: ContentSet | None = None  # the last load's

    def build(self, changes: Changes | None, output: Output, clock: Clock, hashes: FileHashes | None = None,
              cancel: Cancel = NEVER) -> list[Page] | None:
        """Every stage `changes` reaches (None: all of them) into clock.result, the pages to
        `output`, which publishes them. `hashes`: the inputs' and last output's file hashes, for
        a build of everything (build's, from the stamp); without them each input is read. Raises Cancelled once
        `cancel` is set: what was done stays consistent, and a next build with those changes
        too picks up from it. Returns the pages made; None when the inputs cannot make a site."""
        output.start()
        try:
            self.store.open()
            with cancellable(cancel):
                made = self._make(changes, output, clock, hashes)
        except BaseException:
            output.abandon()
            raise
        output.publish(clock.result, clock, self.store, made)
        if self.store.keeps_archive:
            spare_survivors(collect=self.linked_whole)
        return made.pages

    def _make(self, changes: Changes | None, output: Output, clock: Clock, hashes: FileHashes | None) -> Made:
        result = clock.result
        unreadable = _unreadable_folders(self.config)
        if unreadable:  # a site made without them would be a site without their briefings
            result.errors += unreadable
            return Made(None, None)
        content = self._ingest_and_load(changes, clock, hashes.of if hashes else None)
        documents = content.documents
        processes = processes_for(len(documents), self.jobs) if changes is None else 1
        clock.start("link")
        # After edits to briefings alone, the parts of the last archive they leave as they were are
        # kept, and only the pages the edits reach are made again (generator/linking/reach.py).
        # Its parts are made current as the link goes: after a build that gave way they may hold
        # briefings no archive was finished from (still right for a preview), so none is kept then.
        last = self.archive if changes is not None and changes.content_only and self.archive_whole else None
        self.archive_whole = False
        archive = self._link(documents, processes, last)
        self.linked_whole = archive.reach is None
        clock.start("render and write")
        if not self.config.layouts_dir.is_dir():
            result.errors.append(Problem(self.config.layouts_dir, "no such folder: it should hold the page templates "
                                         "(site.yaml's layouts_dir, by default layouts/)"))
        out_files = hashes.recorded() if hashes else {}
        renderer = MemoRenderer(self.config, memo=self.store.render_memo(self.config.output_dir, out_files),
                                kept=self.store.kept())
        broken = _broken_templates(renderer)  # compiled here: the workers inherit them
        if broken and self.config.output_dir.is_dir():  # with no site yet, the pages that do not need them are made
            result.errors += broken
            return Made(renderer.memo, None)
        output.open()
        tally = clock.progress.tally(len(archive.briefings), "briefings")
        # An edit's render makes few pages: with no collections while it runs, the objects it makes
        # go straight out of them after the build (spare_survivors), never gone through.
        with collections_paused() if archive.reach is not None else contextlib.nullcontext():
            pages, failed, kept_pages = self._render(archive, renderer, output, processes, result, tally)
        output.close(pages, failed)
        result.count(documents, pages)
        if self.store.keeps_archive:
            self.archive, self.renderer, self.archive_whole = archive, renderer, True
            self.kept_pages = kept_pages
        return Made(renderer.memo, pages, no_briefings=not archive.briefings)

    def _ingest_and_load(self, changes: Changes | None, clock: Clock, hash_of: Callable[[str], str] | None) -> ContentSet:
        """Ingest first for everything or changed seeds; after a content change, ingest again only
        when which briefing claims which seed may have changed."""
        result = clock.result
        clock.start("ingest")
        ingested = changes is None or changes.seeds
        if ingested:
            self.ingest = ingest_seeds(self.config, hash_of if changes is None else None, self.jobs, self.store.kept())
        clock.start("load")
        changed = None if changes is None else changes.content | set(self.ingest.written if ingested else ())
        content, claims_changed = self._load(changed, hash_of)
        if claims_changed and not ingested:
            clock.start("ingest")
            self.ingest = ingest_seeds(self.config, None, self.jobs, self.store.kept())
            clock.start("load")
            if self.ingest.written:
                content, _ = self._load(set(self.ingest.written), None)
        result.ingested = self.ingest.written
        result.errors += self.ingest.problems + content.problems
        result.warnings += self.ingest.conflicts + content.warnings
        return content

    def _load(self, changed: set[Path] | None, hash_of: Callable[[str], str] | None) -> tuple[ContentSet, bool]:
        """The content (None: every file may have changed), re-parsing only the files whose hash
        changed, and after saves of briefings in place only those files, the folder not listed
        again (a folder among `changed`, as the watcher gives when it lost events, lists it); also
        whether a briefing's claim on a seed changed (one made, deleted, moved, broken or re-pointed)."""
        content_dir = self.config.content_dir
        known = self.store.documents(content_dir)
        if changed is not None and self.content is not None:  # a save of briefings: no walk, when in place
            seeds = _seeds(self.content, changed)
            reloaded = reload_in_place(self.content, changed, content_dir, known)
            if reloaded is not None:
                self.store.keep_documents(content_dir, known)
                self.content = reloaded
                return reloaded, _seeds(reloaded, changed) != seeds
        before = dict(known)
        if changed is not None:
            hash_of = _changed_or_known(known, changed)
        content = load_content(content_dir, self.include_drafts, known, self.jobs if changed is None else 1, hash_of)
        self.store.keep_documents(content_dir, known)
        self.content = content
        touched = {file for file, _ in before.keys() ^ known.keys()}
        return content, _claims(before, touched) != _claims(known, touched)

    def _link(self, documents: list[Document], processes: int, last: Archive | None) -> Archive:
        converter = self.store.body_converter(self.config, documents) if processes > 1 else None
        try:
            facts = gather_facts(self.config, documents, self.store.facts(), processes, self.store.kept())
            archive = link_archive(self.config, documents, facts, processes=processes, last=last)
        except BaseException:
            if converter:
                converter.abandon()
            raise
        if converter:
            converter.stop()
        return archive

    def _render(self, archive: Archive, renderer: MemoRenderer, output: Output, processes: int,
                result: BuildResult, briefings: Tally) -> tuple[list[Page], set[str], KeptPages | None]:
        """Every page rendered (or reused unchanged) by `processes` workers, each with its share of
        the pages, each page handed to the output as it is made; then the sitemap, which lists them
        all. After an edit, each kind that can tell makes only the pages the edit may have changed,
        and keeps its others as the last build made them (kept.py). Returns the pages, the paths
        of those that failed, and what the next build keeps of them (for a store that keeps the archive)."""
        memo, store = renderer.memo, self.store
        last = self.kept_pages if archive.reach is not None else None
        briefing_pages = {page_path(d) for d in archive.briefings} if briefings.total else set()  # for a bar shown
        renderer.link_to(archive.briefings)  # here, so the workers inherit one set of checks

        def share(which: int, shares: int) -> tuple[list[KindMade], int, Any, list[Problem], Any, set[str]]:
            store.in_worker()
            renderer.share = (which, shares)
            sink = output.sink()
            kinds: list[KindMade] = []
            remade = 0
            for kind, make in enumerate(PAGE_MAKERS):
                failed_before = len(renderer.failed)
                changed = changed_pages(make, renderer, archive) if last and last.of_kind(kind) is not None else None
                made: list[Page] = []
                for page in kind_pages(renderer, make(renderer, archive)) if changed is None else changed:
                    checkpoint()
                    remade += page.text is not None
                    made.append(sink.write(page))
                    if page.path in briefing_pages:
                        briefings.add()
                kinds.append(KindMade(made, changed is not None, len(renderer.failed) > failed_before))
            return kinds, remade, sink.report(), renderer.problems, store.from_worker(memo), renderer.failed

        made: list[KindMade] = []
        failed: set[str] = set()
        for kinds, remade, report, problems, learnt, not_made in map_shares(share, processes):
            made = [KindMade([*mine.pages, *theirs.pages], theirs.only_changed, mine.failed or theirs.failed)
                    for mine, theirs in zip(made, kinds)] if made else kinds
            result.remade += remade
            output.gather(report)
            result.errors += problems
            store.gather(memo, learnt)
            failed |= not_made
        kinds_now = merged(last, made)
        pages = [page for pages_of_kind in kinds_now for page in pages_of_kind]
        for each, pages_of_kind in zip(made, kinds_now):
            if each.only_changed:  # the kept pages are this build's too: the memo keeps them
                memo.used.update(page.path for page in pages_of_kind)
        memo.used |= {str(d.path) for d in archive.briefings}  # bodies: kept even when no page needed one made
        renderer.share = (0, 1)  # the sitemap is this process's
        sitemap = (last.sitemap if last and listed_as_before(last, made) and not sitemap_reached(archive)
                   else sitemap_page(renderer, pages, archive))
        assert sitemap is not None
        memo.used.add(sitemap.path)
        result.remade += sitemap.text is not None
        return [*pages, sitemap], failed, kept(kinds_now, made, sitemap) if store.keeps_archive else None

    def preview(self, changes: Changes) -> list[Page]:
        """The pages of the briefings edited in place (same URL, still loading, still published),
        rendered against the last build's archive: their cross-links are refreshed by the build
        that follows. Nothing for any other kind of change, or when a page fails: the build reports it."""
        if self.archive is None or self.renderer is None or not changes.content_only or not all(
                path.suffix == ".md" and path.is_file() for path in changes.content):  # not a move or deletion
            return []
        by_url = {d.url: d for d in self.archive.briefings}
        edited = [load_or_problem(path, self.config.content_dir) for path in changes.content]
        if not all(isinstance(d, Document) and not d.draft and d.url in by_url for d in edited):
            return []
        renderer = self.renderer  # its links already point at the archive's briefings
        renderer.problems = []
        pages = [briefing_page(renderer, document, self.archive) for document in edited]
        return [] if renderer.problems or None in pages else pages


def _seeds(content: ContentSet, paths: set[Path]) -> dict[str, object]:
    """The seed each of the briefings at `paths` was made from, among those `content` holds that name one."""
    seeds = {}
    for file in map(str, paths):
        place = content.place(file)
        if place is not None and (seed := content.documents[place].meta.get("seed")):
            seeds[file] = seed
    return seeds


def _claims(known: dict[tuple[str, str], Document], files: set[str]) -> dict[str, object]:
    """The seed each of `files` was made from, among those that name one."""
    return {file: document.meta["seed"] for (file, _), document in known.items()
            if file in files and document.meta.get("seed")}


def _changed_or_known(known: dict[tuple[str, str], Document], changed: set[Path]) -> Callable[[str], str]:
    """A content file's hash: as last loaded, unless it is at or under a changed path (then read)."""
    kept = {file: digest for file, digest in known}
    prefixes = tuple(str(path) for path in changed)
    folders = tuple(os.path.join(prefix, "") for prefix in prefixes)

    def hash_of(file: str) -> str:
        if file in kept and file not in prefixes and not file.startswith(folders):
            return kept[file]
        return file_sha256(file)
    return hash_of


def _broken_templates(renderer: Renderer) -> list[Problem]:
    """A problem for each template file that does not compile or cannot be read."""
    problems = []
    for name in renderer.env.list_templates(filter_func=lambda n: not n.startswith(f"{STATIC_FOLDER}/")):
        try:
            renderer.env.get_template(name)
        except jinja2.TemplateSyntaxError as error:
            path = Path(error.filename or renderer.config.layouts_dir / name)
            problems.append(Problem(path, f"template syntax error: {error.message}", error.lineno))
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(renderer.config.layouts_dir / name, f"cannot read the template: {error}"))
    return problems


def _unreadable_folders(config: Config) -> list[Problem]:
    """A problem for each input folder that is there but cannot be listed (no permission)."""
    problems = []
    for folder in (config.seeds_dir, config.content_dir, config.layouts_dir):
        try:
            with os.scandir(folder):
                pass
        except FileNotFoundError:
            continue  # none yet: nothing to build from it
        except OSError as error:
            problems.append(Problem(folder, f"cannot read the folder: {error.strerror}"))
    return problems
