"""The build pipeline: ingest seeds -> load content -> link -> render -> write the site, indexed for search.

What an earlier build computed is reused from the build cache (generator/engine/cache.py), and the costly
stages (what each briefing says, rendering and writing pages) run on every core (generator/utils/parallel.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.engine.bodies import BodyConverter
from generator.engine.build import BuildResult, Clock
from generator.engine.cache import BuildCache
from generator.publish.check import ParsedPage, check_site, parse_written
from generator.config.settings import Config
from generator.content.documents import load_content
from generator.ingest.stage import ingest_seeds
from generator.linking.archive import Archive, gather_facts, link_archive
from generator.engine.memo import MemoRenderer, RenderMemo
from generator.publish.output import (NO_JEKYLL, STATIC_FOLDER, Mirror, PageWriter, discard, finish_site, remove_unmade,
                              start_site, write_pages)
from generator.pages.briefings import page_path
from generator.utils.parallel import map_shares, processes_for
from generator.problems import Problem
from generator.engine.progress import Tally
from generator.render.renderer import Page, Renderer, page_makers
from generator.publish.search import BUNDLE_FOLDER, index_site
from generator.publish.stamp import FileHashes, write_stamp


def run_stages(config: Config, result: BuildResult, hashes: FileHashes, clock: Clock, include_drafts: bool,
               strict: bool, jobs: int | None) -> None:
    """Every stage, into `result`, timed by `clock`. The site is made in a staging folder and
    published (swapped in as the output folder) only by _publish_or_keep; a build that raises
    (a dead worker, a full disk, Ctrl-C) leaves no staging folder and the last site in place."""
    _remove_leftovers(config.output_dir)
    staging = start_site(config.output_dir, config.layouts_dir / STATIC_FOLDER)
    mirror = Mirror(config.output_dir, staging, {STATIC_FOLDER, BUNDLE_FOLDER, NO_JEKYLL})  # meanwhile, on another core
    try:
        cache = BuildCache(config.cache_dir)  # after the fork: the mirroring process has no database connection
        made = _make_site(config, result, hashes, clock, include_drafts, jobs, staging, mirror, cache)
    except BaseException:
        mirror.stop()
        discard(staging, config.output_dir)
        raise
    _publish_or_keep(config, result, hashes, clock, include_drafts, strict, staging, cache, made)


def _make_site(config: Config, result: BuildResult, hashes: FileHashes, clock: Clock, include_drafts: bool,
               jobs: int | None, staging: Path, mirror: Mirror, cache: BuildCache) -> _Made:
    """Ingest, load, link, render and index the site into staging."""
    unreadable = _unreadable_folders(config)
    if unreadable:  # a site made without them would be a site without their briefings
        result.errors += unreadable
        return _Made(None, {}, broken=True)
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
    result.warnings += content.warnings
    processes = processes_for(len(content.documents), jobs)
    clock.start("link")
    converter = BodyConverter(config, content.documents, cache) if processes > 1 else None
    try:
        facts = gather_facts(config, content.documents, cache.facts, processes)
        archive = link_archive(config, content.documents, facts, processes=processes)
    except BaseException:
        if converter:
            converter.abandon()
        raise
    if converter:
        converter.stop()
    del facts  # the words in them served linking only
    clock.start("render and write")
    if not config.layouts_dir.is_dir():
        result.errors.append(Problem(config.layouts_dir, "no such folder: it should hold the page templates "
                                     "(site.yaml's layouts_dir, by default layouts/)"))
    renderer = MemoRenderer(config, memo=cache.memo(config.output_dir, hashes.recorded()))
    broken = _broken_templates(renderer)  # compiled here: the workers inherit them
    if broken and config.output_dir.is_dir():  # with no site yet, the pages that do not need them are made
        result.errors += broken
        return _Made(renderer.memo, {}, broken=True)
    briefings = clock.progress.tally(len(archive.briefings), "briefings")
    pages, written = _render_and_write(config, archive, renderer, cache, hashes, staging, mirror.files(), processes,
                                       result, briefings)
    result.count(content.documents, pages)
    no_briefings = not archive.briefings
    del content, archive  # not needed from here: the search index and the check may use their memory
    clock.start("search index")
    result.errors += index_site(staging, config.output_dir, config.search_part_pages, config.cache_dir, no_briefings)
    return _Made(renderer.memo, written, broken=False)


@dataclass
class _Made:
    memo: RenderMemo | None
    written: dict[str, ParsedPage]  # the links and ids of the pages written anew, for the check
    broken: bool  # the inputs cannot make the site (an input folder unreadable, templates that do not compile)


def _publish_or_keep(config: Config, result: BuildResult, hashes: FileHashes, clock: Clock, include_drafts: bool,
                     strict: bool, staging: Path, cache: BuildCache, made: _Made) -> None:
    """The one place that decides: the new site replaces the last one unless its inputs are
    broken (then every briefing page would be missing; see _make_site). Pages that failed alone keep their last
    good version (see _render_and_write), and the build reports them. A kept site keeps its stamp,
    so the next build (and `deploy`) finds it stale."""
    if made.broken:
        discard(staging, config.output_dir)
        result.kept = True
        result.once_each()
        return
    assert made.memo is not None
    finish_site(staging, config.output_dir)
    cache.finish(made.memo)  # only now: the memo describes the files in place
    clock.start("check")
    (result.errors if strict else result.warnings).extend(check_site(config, made.written))
    clock.start("stamp")
    result.once_each()
    write_stamp(config, include_drafts, strict, (result.errors, result.warnings), hashes)


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


def _remove_leftovers(out_dir: Path) -> None:
    """Old sites a build swapped out and could not delete (it was killed meanwhile)."""
    for old in out_dir.parent.glob(f".{out_dir.name}.old-*"):
        discard(old, out_dir)


def _render_and_write(config: Config, archive: Archive, renderer: MemoRenderer, cache: BuildCache,
                      hashes: FileHashes, staging: Path, mirrored: set[str], processes: int, result: BuildResult,
                      briefings: Tally) -> tuple[list[Page], dict[str, ParsedPage]]:
    """Every page rendered (or carried over unchanged) into staging, by `processes` workers, each
    with its share of the pages; then the sitemap, which lists them all; then the previous site's
    files that staging holds (`mirrored`) but no page made are taken out, except those of pages
    that failed to render, which keep their last good version. `hashes`: the build's
    FileHashes, which has the size and time of each file the last build made, and learns the
    hashes of those written now. `briefings` counts the briefing pages made, as the workers go.
    Also returns the links and ids of the pages written anew, for the check."""
    memo = renderer.memo
    briefing_pages = {page_path(d) for d in archive.briefings}
    renderer.link_to(archive.briefings)  # here, so the workers inherit one set of checks

    def share(which: int, shares: int) -> tuple[list[Page], int, dict[str, ParsedPage], list[Problem], set[str], dict,
                                                set[str]]:
        cache.connect()
        for table in (cache.tables["pages"], cache.tables["links"]):  # looked up for nearly every page
            table.read_all()
        renderer.share = (which, shares)
        made: list[Page] = []
        remade = 0
        written: dict[str, ParsedPage] = {}
        writer = PageWriter(staging, config.output_dir, mirrored)
        for page in _share_pages(renderer, archive):
            writer.write(page)  # at once: a share's texts add up to 300 MB at 10,000 briefings
            made.append(Page(page.path, None, page.source, page.noindex))
            if page.path in briefing_pages:
                briefings.add()
            if page.text is not None:
                remade += 1
                if page.path.endswith(".html"):
                    written[page.path] = parse_written(page.text)
        cache.save()
        return made, remade, written, renderer.problems, memo.used, writer.hashes, renderer.failed

    pages: list[Page] = []
    written: dict[str, ParsedPage] = {}
    failed: set[str] = set()
    for made, remade, parsed, problems, used, file_hashes, not_made in map_shares(share, processes):
        failed |= not_made
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
    remove_unmade(staging, mirrored, {page.path for page in pages} | {sitemap.path} | failed)
    return pages + [sitemap], written


def _share_pages(renderer: Renderer, archive: Archive) -> Iterator[Page]:
    """render_share's pages one by one as they are made, so that each can be written and let go."""
    for make in page_makers():
        for page in make(renderer, archive):
            if page is not None and renderer.owns(page.path):
                yield page


