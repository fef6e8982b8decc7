"""The search stage: a written site folder -> its Pagefind index in pagefind/ inside it.

Runs the Pagefind binary that the pinned `pagefind[bin]` package ships, once over the whole folder:
Pagefind's Python API costs about 100 ms per record in 1.5.2, too slow for tens of thousands.
What is indexed is decided by the templates: only elements marked `data-pagefind-body`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.problems import Problem

BUNDLE_FOLDER = "pagefind"  # the templates load url('pagefind/pagefind.js')


def index_site(site_dir: Path, shown_as: Path | None = None) -> list[Problem]:
    """Index site_dir in place; a failure is one Problem naming shown_as (the output folder the
    staging folder becomes), and the site itself is left as it is."""
    where = shown_as or site_dir
    try:
        from pagefind_bin import get_executable

        binary = get_executable()
    except (ImportError, FileNotFoundError) as error:
        return [Problem(where, f"search index not built: Pagefind is not installed ({error})")]
    command = [str(binary), "--site", str(site_dir), "--output-subdir", BUNDLE_FOLDER, "--quiet"]
    try:
        run = subprocess.run(command, capture_output=True, text=True)
    except OSError as error:
        return [Problem(where, f"search index not built: cannot run {binary.name}: {error}")]
    if run.returncode != 0:
        return [Problem(where, f"search index not built: pagefind: {_one_line(run.stderr or run.stdout, run.returncode)}")]
    return []


def _one_line(output: str, status: int) -> str:
    """Pagefind's error message (it may print it more than once, over several lines) as one line."""
    lines = dict.fromkeys(line.strip().removeprefix("Error: ") for line in output.splitlines() if line.strip())
    return " ".join(lines) or f"exit status {status}"
