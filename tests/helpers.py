"""Helpers for the hosting tests: build a throwaway site as a user would, read what it wrote."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli

SUBPATH_URL = "https://user.github.io/briefings/"
NEWSWEEK_SLUG = "more-than-12000-russian-troops-killed-ukraines-foreign-ministry-says"
NATIONAL_SLUG = "russia-has-lost-14000-troops-ukraines-defence-minister-estimates"


def build(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run_cli(site, "build", *args)
    assert result.returncode == 0, result.stderr
    return result


def write_briefing(site: Path, name: str, front_matter: str, body: str = "Text.\n") -> Path:
    path = site / "content" / "briefings" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front_matter.strip()}\n---\n\n{body}", encoding="utf-8")
    return path


def output(site: Path, path: str) -> str:
    return (site / "public" / path).read_text(encoding="utf-8")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commits in test repositories need an author, whatever the machine's git configuration."""
    for name, value in {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
                        "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}.items():
        monkeypatch.setenv(name, value)
