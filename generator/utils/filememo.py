"""The one rule for "this file is unchanged", and values derived from files kept by it.

A file is unchanged while its size, modification time and inode are those it had when it was
read: a stat costs a tenth of a read, so a run reads only the files that changed. A file modified
within RACY_NS of being read may change again without its time changing (within one tick of the
file system's clock): what was derived from it is kept, but not trusted, and it is read again
next time.

A FileMemo keeps such values by file name, in a store the caller gives (a mapping: the build
cache's `kept` table, generator/engine/cache.py, or a dict in memory), under a name of its own.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import MutableMapping
from typing import Any

from generator.utils.gcpause import collections_paused

RACY_NS = 2_000_000_000
UNREADABLE = "unreadable: "  # what file_sha256 gives, with the reason, for a file it cannot read

Identity = tuple[int, int, int]  # size, mtime_ns, inode


def identity(stat: os.stat_result) -> Identity:
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def trusted(stat: os.stat_result, read_at_ns: int | None = None) -> Identity | None:
    """The file's identity, to compare with the next run's; None when it was modified too shortly
    before it was read (at `read_at_ns`, by default now) to tell a later change by its time."""
    read_at_ns = time.time_ns() if read_at_ns is None else read_at_ns
    return None if read_at_ns - stat.st_mtime_ns < RACY_NS else identity(stat)


class FileMemo:
    def __init__(self, store: MutableMapping[str, Any] | None, name: str, header: object) -> None:
        """Values kept in `store[name]` (None: for this run only). `header`: what the values also
        depend on (a version, a folder): another one discards them."""
        self.store = store
        self.name = name
        self.header = header
        # file -> (identity, or None when the file was too new to trust; value): plain tuples load fastest
        self.entries: dict[str, tuple[Identity | None, Any]] = {}
        self.extra: Any = None  # one more value, kept whole (the check's: what links resolved to)
        self.changed = False
        try:
            with collections_paused():  # tens of thousands of entries, all kept
                stored = store.get(name) if store is not None else None
        except Exception:  # noqa: BLE001 - a value that no longer unpickles (a class since changed): derived again
            stored = None
        if isinstance(stored, tuple) and len(stored) == 3 and stored[0] == header:
            _, self.extra, self.entries = stored

    def get(self, file: str, stat: os.stat_result) -> Any:
        """The value kept for the file as it is now, or None."""
        entry = self.entries.get(file)
        return entry[1] if entry and entry[0] == identity(stat) else None

    def last(self, file: str) -> Any:
        """The value kept for the file, whatever it is now, or None."""
        entry = self.entries.get(file)
        return entry[1] if entry else None

    def put(self, file: str, stat: os.stat_result, value: Any) -> None:
        self.entries[file] = (trusted(stat), value)
        self.changed = True

    def save(self, files: set[str] | dict[str, Any], extra: Any = None) -> None:
        """Keep the values of these files only, and `extra`; written only when something changed."""
        if len(self.entries) != len(self.entries.keys() & files):
            self.entries = {file: entry for file, entry in self.entries.items() if file in files}
            self.changed = True
        if (self.changed or extra != self.extra) and self.store is not None:
            self.store[self.name] = (self.header, extra, self.entries)
        self.extra, self.changed = extra, False


def file_sha256(path: str) -> str:
    """The file's SHA-256; for one that cannot be read (a dangling link, no permission), why, after
    UNREADABLE: the stage that reads the file reports it, and the rest of the site still builds."""
    try:
        with open(path, "rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except OSError as error:
        return unreadable(error)


def unreadable(error: OSError) -> str:
    return f"{UNREADABLE}{error.strerror}"
