"""Pages and static assets -> the output folder, swapped in whole so a failed build leaves the old site."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Set as AbstractSet
from pathlib import Path

from generator.utils.parallel import Forked, forks
from generator.utils.filememo import identity
from generator.utils.files import relative_files, write_atomic
from generator.render.renderer import Page

STATIC_FOLDER = "static"
NO_JEKYLL = ".nojekyll"  # GitHub Pages then serves the site as it is


def write_site(out_dir: Path, pages: list[Page], static_dir: Path,
               before_swap: Callable[[Path], object] | None = None) -> Path:
    """Write everything into a staging folder beside out_dir, then swap it in.

    before_swap runs on the finished staging folder (the search index is built there), so an
    interrupted build never leaves a half-made site in out_dir.
    """
    staging = start_site(out_dir, static_dir)
    write_pages(staging, pages, out_dir)
    if before_swap:
        before_swap(staging)
    finish_site(staging, out_dir)
    return out_dir


def start_site(out_dir: Path, static_dir: Path) -> Path:
    """An empty staging folder beside out_dir, with the static assets in it."""
    staging = out_dir.with_name(f".{out_dir.name}.staging")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    for rel, file in static_files(static_dir).items():
        (staging / STATIC_FOLDER / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file, staging / STATIC_FOLDER / rel)
    (staging / NO_JEKYLL).touch()
    return staging


def write_pages(staging: Path, pages: list[Page], previous: Path, mirrored: AbstractSet[str] = frozenset()) -> None:
    writer = PageWriter(staging, previous, mirrored)
    for page in pages:
        writer.write(page)


class Mirror:
    """The previous site hard-linked into the staging folder by another process, while the build
    loads and links its archive: the render workers then find each unchanged page in place
    instead of making every folder and link themselves. Top-level
    entries in `skip` (made anew: static files, the search index) are left out."""

    def __init__(self, out_dir: Path, staging: Path, skip: set[str]) -> None:
        self._linked = (Forked("mirroring process", lambda: _link_tree(str(out_dir), str(staging), skip))
                        if forks() and out_dir.is_dir() else None)

    def files(self) -> set[str]:
        """The files linked, by path in the site, once the other process is done (WorkerDied if it died)."""
        if self._linked is None:
            return set()
        try:
            return self._linked.result()
        finally:
            self._linked.stop()

    def stop(self) -> None:
        """Ended, if the build ends before it asked for files()."""
        if self._linked is not None:
            self._linked.stop()


def _link_tree(source: str, target: str, skip: set[str], prefix: str = "", linked: set[str] | None = None) -> set[str]:
    """Folders made and files hard-linked from source into target (paths in the site: `prefix`
    below the top); symlinks and what cannot be linked are left out, for the build to write as
    it would into an empty folder."""
    linked = set() if linked is None else linked
    with os.scandir(os.path.join(source, prefix)) as entries:
        for entry in entries:
            if (not prefix and entry.name in skip) or entry.is_symlink():
                continue
            rel = prefix + entry.name
            if entry.is_dir():
                with contextlib.suppress(FileExistsError):
                    os.mkdir(os.path.join(target, rel))
                _link_tree(source, target, skip, rel + "/", linked)
            else:
                with contextlib.suppress(OSError):
                    os.link(entry.path, os.path.join(target, rel))
                    linked.add(rel)
    return linked


def remove_unmade(staging: Path, mirrored: set[str], made: set[str]) -> None:
    """Take out of the staging folder the previous site's files no page made this time."""
    for rel in mirrored - made:
        (staging / rel).unlink(missing_ok=True)
        _remove_empty_folders((staging / rel).parent, staging)


class PageWriter:
    """Pages into the staging folder. A page whose bytes are those of its file in the previous site
    (text None: known unchanged) is that file, hard-linked: never rewritten, its time kept.
    Paths are plain strings and each folder is made once, not asked for again with every page.
    Each file written anew is hashed as it is written (`hashes`, by its path in the site to be),
    so the build stamp need not read it back. Its hash is trusted however new the file: the build
    alone writes into its staging folder, so the bytes are those it wrote."""

    def __init__(self, staging: Path, previous: Path, mirrored: AbstractSet[str] = frozenset()) -> None:
        """`mirrored`: the previous site's files already hard-linked into staging (Mirror)."""
        self.staging = str(staging)
        self.previous = str(previous)
        self.mirrored = mirrored
        self.folders: set[str] = set()
        self.written: set[str] = set()
        self.hashes: dict[str, list] = {}  # as FileHashes keeps them: [[size, mtime_ns, inode], sha256]

    def write(self, page: Page) -> None:
        target = os.path.join(self.staging, inside_site(page.path))
        old = os.path.join(self.previous, page.path)
        data = None if page.text is None else page.text.encode("utf-8")
        same = data is None or _holds(old, data)  # the previous site's file is this page
        if page.path in self.written:
            os.unlink(target)  # two pages of one path: the later wins, the old site untouched
        elif page.path in self.mirrored:
            if same:
                self.written.add(page.path)
                return  # in place already
            os.unlink(target)  # the previous site's file: replaced, never written through
        else:
            self._folder(os.path.dirname(target))
        self.written.add(page.path)
        if same:
            carry_over(old, target)
        else:
            with open(target, "wb") as file:
                file.write(data)
            stat = os.stat(target)
            self.hashes[old] = [list(identity(stat)), hashlib.sha256(data).hexdigest()]

    def _folder(self, folder: str) -> None:
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            while folder.startswith(self.staging) and folder not in self.folders:
                self.folders.add(folder)
                folder = os.path.dirname(folder)


def finish_site(staging: Path, out_dir: Path) -> None:
    """Swap the finished staging folder in as out_dir; the old site is deleted in the background
    (deleting thousands of folders takes seconds the build need not wait for)."""
    old = out_dir.with_name(f".{out_dir.name}.old-{time.time_ns()}")
    if out_dir.exists():
        out_dir.rename(old)
    staging.rename(out_dir)
    if old.exists():
        _delete_in_background(old)


def discard(folder: Path, out_dir: Path) -> None:
    """A folder beside out_dir the build is done with (a staging folder it gives up, an old site
    left behind), deleted in the background; named as an old site first, which the next build
    deletes should this deletion be stopped."""
    old = out_dir.with_name(f".{out_dir.name}.old-{time.time_ns()}")
    if folder.name.startswith(f".{out_dir.name}.old-"):
        old = folder
    else:
        try:
            folder.rename(old)
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
            return
    _delete_in_background(old)


def _delete_in_background(folder: Path) -> None:
    """At the lowest priority: deleting a large site takes seconds of a core, which the
    next build (one save after another in an editor) needs more."""
    script = "import os, shutil, sys; hasattr(os, 'nice') and os.nice(19); shutil.rmtree(sys.argv[1], True)"
    try:
        subprocess.Popen([sys.executable, "-c", script, str(folder)],
                         start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def _holds(path: str, data: bytes) -> bool:
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as file:
            return file.read() == data
    except OSError:
        return False


def carry_over(old: Path | str, target: Path | str) -> None:
    """target becomes old's file, hard-linked (copied where hard links are missing)."""
    try:
        os.link(old, target)
    except OSError:  # a file system without hard links
        shutil.copy2(old, target)


def _write_page(folder: Path, page: Page) -> None:
    """In place, in a folder being served: a browser never reads half a page."""
    write_atomic(folder / inside_site(page.path), page.text)


def update_site(out_dir: Path, pages: list[Page], written: dict[str, str]) -> list[str]:
    """Bring out_dir, which holds `written` (path -> text, kept up to date here), in line with pages.

    Only pages whose text changed are written and pages no longer made are deleted, in place: the
    dev server's way, where a whole rewrite would cost seconds. Returns the paths changed."""
    current = {page.path: page for page in pages}  # a later page of the same path wins, as in write_site
    changed = write_changed(out_dir, list(current.values()), written)
    gone = sorted(written.keys() - current.keys())
    for path in gone:  # only files this builder wrote, each inside the output folder
        (out_dir / inside_site(path)).unlink(missing_ok=True)
        _remove_empty_folders((out_dir / path).parent, out_dir)
        del written[path]
    return changed + gone


def write_changed(out_dir: Path, pages: list[Page], written: dict[str, str]) -> list[str]:
    """Write the pages whose text is not what out_dir holds (`written`, kept up to date); returns their paths."""
    changed = [page for page in pages if written.get(page.path) != page.text]
    for page in changed:
        _write_page(out_dir, page)
        written[page.path] = page.text
    return [page.path for page in changed]


def sync_static(static_dir: Path, out_dir: Path) -> list[str]:
    """Make out_dir/static a copy of static_dir, touching only files that differ; returns their paths."""
    target = out_dir / STATIC_FOLDER
    wanted = _files(static_dir)
    changed = [rel for rel in sorted(wanted) if not _same_file(static_dir / rel, target / rel)]
    for rel in changed:
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(static_dir / rel, target / rel)
    gone = sorted(_files(target) - wanted)
    for rel in gone:
        (target / rel).unlink()
        _remove_empty_folders((target / rel).parent, target)
    return [f"{STATIC_FOLDER}/{rel}" for rel in changed + gone]


def _files(folder: Path) -> set[str]:
    return set(static_files(folder))


def static_files(folder: Path) -> dict[str, str]:
    """The files under folder, by path below it, but links out of it (files.py's rule: the
    render reports them, pages/site_files.py)."""
    return dict(relative_files(folder))


def inside_site(path: str) -> str:
    """path (a page's, relative to the output folder), refused when it could lead anywhere else.
    Front-matter paths are made safe when loaded (generator/content/sitepaths.py): this is the last guard,
    where a file is written or deleted."""
    if not path or path.startswith(("/", "\\")) or "\0" in path or "\\" in path or ".." in path.split("/"):
        raise ValueError(f"refused to write {path!r}: not a path inside the output folder")
    return path


def _same_file(a: Path, b: Path) -> bool:
    return b.is_file() and a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()


def _remove_empty_folders(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
