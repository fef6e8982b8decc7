"""Pages and static assets -> the output folder, swapped in whole so a failed build leaves the old site."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from generator.render import Page

STATIC_FOLDER = "static"


def write_site(out_dir: Path, pages: list[Page], static_dir: Path,
               before_swap: Callable[[Path], object] | None = None) -> Path:
    """Write everything into a staging folder beside out_dir, then swap it in.

    before_swap runs on the finished staging folder (the search index is built there), so an
    interrupted build never leaves a half-made site in out_dir.
    """
    staging = out_dir.with_name(f".{out_dir.name}.staging")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    if static_dir.is_dir():
        shutil.copytree(static_dir, staging / STATIC_FOLDER)
    for page in pages:
        target = staging / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
    (staging / ".nojekyll").touch()
    if before_swap:
        before_swap(staging)
    _swap(staging, out_dir)
    return out_dir


def _swap(staging: Path, out_dir: Path) -> None:
    old = out_dir.with_name(f".{out_dir.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if out_dir.exists():
        out_dir.rename(old)
    staging.rename(out_dir)
    if old.exists():
        shutil.rmtree(old)
