"""Problems with the user's input, reported as values rather than tracebacks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file: printed as `file:line: message`."""

    path: Path
    message: str
    line: int | None = None
    also: tuple[Problem, ...] = ()  # the same file's other problems, found in the same pass and reported with it

    def __str__(self) -> str:
        shown = self.path.relative_to(Path.cwd()) if self.path.is_absolute() and self.path.is_relative_to(Path.cwd()) else self.path
        where = f"{shown}:{self.line}" if self.line else str(shown)
        return f"{where}: {self.message}"


class ProblemError(Exception):
    """Raised inside a stage for one file; the stage catches it and records the Problem."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem
