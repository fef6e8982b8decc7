"""The build pipeline: ingest seeds -> load content -> link -> render -> write the site, indexed for search."""

from __future__ import annotations

import time
from pathlib import Path
from dataclasses import dataclass, field

from generator.check import check_site
from generator.config import Config
from generator.content import Document, load_content
from generator.ingest.stage import ingest_seeds
from generator.link import link_archive
from generator.output import STATIC_FOLDER, write_site
from generator.problems import Problem
from generator.render import Page, render_site
from generator.search import index_site
from generator.stamp import write_stamp


@dataclass
class BuildResult:
    ingested: list[Path] = field(default_factory=list)  # briefings written from seeds
    rendered: int = 0
    pages: int = 0
    seconds: float = 0.0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def count(self, documents: list[Document], pages: list[Page]) -> None:
        """Briefings rendered (those some page shows) and pages made."""
        shown = {page.source for page in pages}
        self.rendered = sum(1 for d in documents if d.path in shown)
        self.pages = len(pages)

    def summary(self, out: str) -> str:
        line = (f"Built {out}: {len(self.ingested)} ingested, {self.rendered} rendered, {self.failed} failed, "
                f"{self.pages} pages in {self.seconds:.2f}s")
        return line + (f" ({len(self.warnings)} warnings)" if self.warnings else "")


def build_site(config: Config, include_drafts: bool = False, strict: bool = False) -> BuildResult:
    """`strict` makes a broken internal link in the output an error instead of a warning."""
    started = time.perf_counter()
    result = BuildResult()
    ingest = ingest_seeds(config)
    result.ingested = ingest.written
    result.errors += ingest.problems
    result.warnings += ingest.conflicts
    content = load_content(config.content_dir, include_drafts)
    result.errors += content.problems
    archive = link_archive(config, content.documents)
    pages, render_problems = render_site(config, archive)
    result.errors += render_problems
    result.count(content.documents, pages)
    write_site(config.output_dir, pages, config.layouts_dir / STATIC_FOLDER,
               before_swap=lambda staging: result.errors.extend(index_site(staging, config.output_dir)))
    (result.errors if strict else result.warnings).extend(check_site(config))
    write_stamp(config)
    result.seconds = time.perf_counter() - started
    return result
