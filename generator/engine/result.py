"""What a build reports (BuildResult) and how long each of its stages took (Clock): shared by the
engine (generator/engine/pipeline.py), `build` (build.py) and the dev server (generator/serve/)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.engine.progress import Progress
from generator.problems import Problem
from generator.utils.parallel import raise_deaths

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


class Clock:
    """Seconds per stage into the result; `progress` is told of each stage as it starts."""

    def __init__(self, result: BuildResult, progress: Progress | None = None) -> None:
        self.result = result
        self.progress = progress or Progress()
        self.started = self.last = time.perf_counter()
        self.stage = ""

    def start(self, stage: str) -> None:
        raise_deaths()  # a process of the build killed meanwhile stops it here
        self._lap()
        self.stage = stage
        self.progress.stage(stage)

    def total(self) -> float:
        self._lap()
        self.stage = ""
        return time.perf_counter() - self.started

    def _lap(self) -> None:
        now = time.perf_counter()
        if self.stage:
            self.result.stages[self.stage] = self.result.stages.get(self.stage, 0.0) + now - self.last
        self.last = now
