"""Files: those under a folder, found as strings (pathlib costs several times more, and a build
lists its folders more than once), the bytes of an input, or a Problem when they cannot be read,
and the one way every writer of the build replaces a file (write_atomic).

One rule for links among inputs (seeds/, content/, layouts/, layouts/static/): a file is read only
when its real path lies inside the real path of the input folder it was found in. Git stores
symlinks, so a committed `seeds/x.txt -> /etc/passwd` would otherwise publish the build machine's
files; a link that stays inside its folder (two names for one briefing) is read as usual."""

from __future__ import annotations

import os
from pathlib import Path

from generator.problems import Problem, ProblemError


def files_under(folder: Path, suffix: str = "", refused: list[Problem] | None = None) -> list[str]:
    """Every file under folder whose name ends with `suffix`, in the order pathlib sorts paths
    (part by part); links to folders are not followed, as os.walk and Path.rglob leave them.
    A link leading out of folder is left out, and reported in `refused` when given."""
    found: list[str] = []
    if os.path.isdir(folder):
        _walk(str(folder), suffix, found, refused)
    return sorted(found, key=lambda file: file.split(os.sep))


def relative_files(folder: Path, suffix: str = "") -> list[tuple[str, str]]:
    """files_under's files as (path below folder, with "/"; full path)."""
    top = os.path.join(str(folder), "")
    return [(file[len(top):].replace(os.sep, "/"), file) for file in files_under(folder, suffix)]


def _walk(folder: str, suffix: str, found: list[str], refused: list[Problem] | None, top: str | None = None) -> None:
    top = top if top is not None else os.path.realpath(folder)
    try:
        entries = list(os.scandir(folder))
    except OSError:  # unreadable or gone: its files are missing, as os.walk leaves them
        return
    for entry in entries:
        if entry.is_symlink():
            if os.path.exists(entry.path) and not inside(entry.path, top):  # a dangling one: reading it says why
                if refused is not None and entry.name.endswith(suffix):
                    refused.append(outward_link(Path(entry.path)))
                continue
            if entry.is_dir():
                continue  # not followed: a link to a folder inside would list its files twice
        elif entry.is_dir():
            _walk(entry.path, suffix, found, refused, top)
            continue
        if entry.name.endswith(suffix):
            found.append(entry.path)


def inside(path: str | Path, top: str | Path) -> bool:
    """Whether path's real path (every link resolved) is top's real path or lies under it."""
    real, top = os.path.realpath(path), os.path.realpath(top)
    return real == top or real.startswith(os.path.join(top, ""))


def outward_link(path: Path) -> Problem:
    return Problem(path, f"a link to {os.path.realpath(path)}, outside its folder: not read (links among inputs "
                         "must stay inside the folder they are in)")


def read_input(path: Path, top: Path | None = None) -> bytes:
    """A seed's or briefing's bytes; one that cannot be read (a dangling link, no permission, gone
    since it was listed) is a Problem, so the rest of the site still builds. `top`: the input
    folder it belongs to; a link out of it is a Problem too (see the module's rule)."""
    if top is not None and os.path.islink(path) and os.path.exists(path) and not inside(path, top):
        raise ProblemError(outward_link(path))
    try:
        return path.read_bytes()
    except OSError as error:
        raise ProblemError(Problem(path, f"cannot read the file: {error.strerror}")) from None


def write_atomic(path: Path, data: str | bytes) -> None:
    """path holds data whole or, if this is interrupted, what it held before: never part of it.
    The partial file's name carries the process id, so two processes writing at once do not mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
