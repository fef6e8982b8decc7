"""The build stamp: what the site in the output folder was built from, so `deploy` can refuse a stale
one and `build` can skip a build whose result is already in place.

After writing the site, the build records a hash of every input file (seeds, content, layouts), of
the settings read from site.yaml and of the output folder in `.cache/build-stamp.json`, outside the
published files. The base URL is left out of the comparison: `build --base-url` is the usual way
to build for GitHub Pages, and the site it made is not stale for it. Each file's hash is kept in
the stamp too, with the file's identity, and read again only when the file changed by the rule of
generator/utils/filememo.py: re-checking a site costs a stat per file, not reading it.

The stamp is a file of its own, not a value in the build cache (generator/engine/cache.py):
`check` and `deploy`, which come before the engine, read it, and a build with nothing to do reads
nothing else.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path

from generator import __version__
from generator.config.settings import Config
from generator.ingest.briefing import INGEST_VERSION
from generator.utils.filememo import UNREADABLE, Identity, file_sha256, identity, trusted, unreadable
from generator.utils.files import relative_files, write_atomic
from generator.utils.gcpause import collections_paused
from generator.problems import Problem

STAMP_FILE = "build-stamp.json"
NOT_READ = "not read by the build"  # an input's hash in the stamp: the next build takes it as changed
# A file's hash as FileHashes keeps it: [its identity (a list), or None when too new to trust; sha256].
Known = list


def write_stamp(config: Config, drafts: bool = False, strict: bool = False,
                problems: tuple[list[Problem], list[Problem]] = ([], []), hashes: FileHashes | None = None,
                output: list[tuple[str, str]] | None = None) -> None:
    """`problems`: the build's errors and warnings, which building again unchanged would report again.
    `hashes`: the build's FileHashes, if it has them (read once: a site has several files per briefing).
    `output`: the output folder's files as relative_files lists them, if the build has just listed them."""
    hashes = hashes or FileHashes(config)
    read, hashes.used = hashes.used, {}
    errors, warnings = ([[str(p.path), p.message, p.line] for p in found] for found in problems)
    stamp = {"output_dir": str(config.output_dir), "base_url": config.base_url, "drafts": drafts, "strict": strict,
             "errors": errors, "warnings": warnings,
             "output": tree_hash(config.output_dir, hashes, output), "inputs": input_hashes(config, hashes, read)}
    hashes.save(stamp)


def read_stamp(config: Config) -> dict | None:
    try:
        with collections_paused():  # the file hashes: tens of thousands of entries, all kept
            stamp = json.loads((config.cache_dir / STAMP_FILE).read_bytes())
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def last_build(config: Config, drafts: bool, strict: bool,
               hashes: FileHashes | None = None) -> tuple[list[Problem], list[Problem]] | None:
    """When the output folder holds a build of the current inputs made the same way, the errors
    and warnings that build reported; else None."""
    hashes = hashes or FileHashes(config)
    stamp = hashes.stamp
    same_way = stamp is not None and (stamp.get("drafts"), stamp.get("strict"), stamp.get("base_url")) == (
        drafts, strict, config.base_url)
    if _staleness(config, hashes, stamp if same_way else None) is not None:
        return None
    assert stamp is not None
    return tuple([Problem(Path(path), message, line) for path, message, line in stamp[kind]]
                 for kind in ("errors", "warnings"))


def staleness(config: Config, hashes: FileHashes | None = None) -> str | None:
    """Why the output folder is not the build of the current inputs, or None when it is."""
    hashes = hashes or FileHashes(config)
    return _staleness(config, hashes, hashes.stamp)


def _staleness(config: Config, hashes: FileHashes, stamp: dict | None) -> str | None:
    """staleness() against `stamp`. The inputs are hashed first, stamp or not: a build that
    follows notes them all before it reads any (its stamp then has them as they were, not as a
    save during the build left them); and they are compared first: after an edit, the output
    folder (three times the files) is not read."""
    now = input_hashes(config, hashes)
    if stamp is None or stamp.get("output_dir") != str(config.output_dir):
        return f"{config.output_dir} has no record of being built here"
    then = stamp["inputs"]
    changed = sorted(name for name in now.keys() | then.keys() if now.get(name) != then.get(name))
    if changed:
        more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
        return f"changed since the last build: {', '.join(changed[:3])}{more}"
    if tree_hash(config.output_dir, hashes) != stamp["output"]:
        return f"{config.output_dir} changed since it was built"
    hashes.save(stamp)
    return None


def input_hashes(config: Config, hashes: FileHashes, read: dict[str, list] | None = None) -> dict[str, str]:
    """Every input file, by its path relative to the site folder, with the hash of its bytes; with
    `read` (FileHashes.used during a build), as the build last looked at them, so that a file saved,
    made or deleted since is new to the next build."""
    found = {}
    for folder in (config.seeds_dir, config.content_dir, config.layouts_dir):
        prefix = _name(folder, config.root) + "/"
        files = relative_files(folder)
        found.update((prefix + relative, hashes.of(path, read)) for relative, path in files)
        if read is not None:
            found.update((prefix + relative, read[path][1]) for relative, path in _gone(folder, files, read))
    # A new generator builds anew, and so do new ingest rules: the seeds give other briefings.
    settings = f"{dataclasses.replace(config, base_url='')!r}{__version__} {INGEST_VERSION}"
    found["the settings in site.yaml or the generator's rules"] = hashlib.sha256(settings.encode()).hexdigest()
    return found


def tree_hash(folder: Path, hashes: FileHashes, files: list[tuple[str, str]] | None = None) -> str:
    """`files`: the folder's, as relative_files lists them, when already listed."""
    digest = hashlib.sha256()
    for relative, path in relative_files(folder) if files is None else files:
        digest.update(f"{relative}\0{hashes.of(path)}\0".encode())
    return digest.hexdigest()


class FileHashes:
    """File hashes, remembered with each file's identity in the stamp (`files`)."""

    def __init__(self, config: Config) -> None:
        self.file = config.cache_dir / STAMP_FILE
        self.stamp = read_stamp(config)  # the last build's, as it was read
        files = self.stamp.get("files") if self.stamp else None
        self.known: dict[str, Known] = files if isinstance(files, dict) else {}
        self.hashed: dict[str, Known] = {}  # in this run: the stamp then reads no file that ingest or load read
        self.used: dict[str, Known] = {}

    def learn(self, known: dict[str, Known]) -> None:
        """Hashes of files just written, by whoever wrote them, by path, as `known` holds them."""
        self.known.update(known)

    def recorded(self) -> dict[str, tuple[int, int]]:
        """Each file the last stamp hashed, with its size and modification time then."""
        return {path: (kept[0][0], kept[0][1]) for path, kept in self.known.items() if kept[0]}

    def of(self, path: str, read: dict[str, list] | None = None) -> str:
        """The file's hash (for one that cannot be read, why). With `read` (FileHashes.used during
        a build): as the build last found it, or NOT_READ for a readable file it never looked at
        (one made during the build, after it began)."""
        if read is not None and path in read:
            self.used[path] = read[path]
            return read[path][1]
        digest = self._hash(path)
        return NOT_READ if read is not None and not digest.startswith(UNREADABLE) else digest

    def _hash(self, path: str) -> str:
        try:
            stat = os.stat(path)
        except OSError as error:  # a dangling link: the stage that reads it says so
            return unreadable(error)
        now = list(identity(stat))
        known = self.known.get(path)
        if not known or known[0] != now:
            known = self.hashed.get(path)
            if not known or known[0] != now:
                digest = file_sha256(path)
                if digest.startswith(UNREADABLE):
                    return digest  # not kept: hashed once it can be read, its time unchanged or not
                known = self.hashed[path] = [_listed(trusted(stat)), digest]
        self.used[path] = known
        return known[1]

    def save(self, stamp: dict) -> None:
        """The stamp written with the hashes of the files used since the last save; when it is the
        stamp read, only if those hashes differ from the ones read (the file is big)."""
        if stamp is self.stamp and self.used == self.known:
            return
        with collections_paused():
            write_atomic(self.file, json.dumps({**stamp, "files": self.used}, sort_keys=True))
        self.stamp, self.known = stamp, self.used


def _listed(found: Identity | None) -> list | None:
    """An identity as JSON gives it back, so that the two compare equal."""
    return list(found) if found else None


def _gone(folder: Path, files: list[tuple[str, str]], read: dict[str, Known]) -> list[tuple[str, str]]:
    """The files under folder that the build read and that are no longer there, as relative_files lists them."""
    inside = os.path.join(str(folder), "")
    there = {path for _, path in files}
    return [(path[len(inside):].replace(os.sep, "/"), path) for path in read
            if path.startswith(inside) and path not in there]


def _name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
