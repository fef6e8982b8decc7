"""Values derived from files, kept between runs in one pickle: each is valid while its file has the
same size, modification time and inode, so a run reads only the files that changed (at 10,000
briefings: 10,000 Markdown files and 13,000 pages), where a stat costs a tenth of a read.

A file modified within RACY_NS of being looked at may change again without its time changing
(within one tick of the file system's clock): what is derived from it is kept, but not trusted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from pathlib import Path
from typing import Any

from generator.utils.gcpause import collections_paused

RACY_NS = 2_000_000_000
UNREADABLE = "unreadable: "  # what file_sha256 gives, with the reason, for a file it cannot read

Identity = tuple[int, int, int]  # size, mtime_ns, inode


class FileMemo:
    def __init__(self, file: Path, header: object) -> None:
        """`header`: what the values also depend on (a version, a folder): another one discards them."""
        self.file = file
        self.header = header
        # name -> (identity, or None when the file was too new to trust; value): plain tuples load fastest
        self.entries: dict[str, tuple[Identity | None, Any]] = {}
        self.extra: Any = None  # one more value, kept whole (the check's: what links resolved to)
        self.changed = False
        try:
            with collections_paused():  # tens of thousands of entries, all kept
                header, self.extra, entries = pickle.loads(file.read_bytes())
            if header == self.header:
                self.entries = entries
            else:
                self.extra = None
        except Exception:  # noqa: BLE001 - none yet, or a damaged one: everything is derived again
            self.extra = None

    def get(self, name: str, stat: os.stat_result) -> Any:
        """The value kept for the file as it is now, or None."""
        entry = self.entries.get(name)
        return entry[1] if entry and entry[0] == identity(stat) else None

    def last(self, name: str) -> Any:
        """The value kept for the file, whatever it is now, or None."""
        entry = self.entries.get(name)
        return entry[1] if entry else None

    def put(self, name: str, stat: os.stat_result, value: Any) -> None:
        racy = time.time_ns() - stat.st_mtime_ns < RACY_NS
        self.entries[name] = (None if racy else identity(stat), value)
        self.changed = True

    def save(self, names: set[str] | dict[str, Any], extra: Any = None) -> None:
        """Keep the values of these files only, and `extra`; written only when something changed."""
        if len(self.entries) != len(self.entries.keys() & names):
            self.entries = {name: entry for name, entry in self.entries.items() if name in names}
            self.changed = True
        if not self.changed and extra == self.extra:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            partial = self.file.with_name(f"{self.file.name}.{os.getpid()}")
            partial.write_bytes(pickle.dumps((self.header, extra, self.entries), protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(self.file)  # whole or not at all, should two runs save at once
        except OSError:
            pass  # the memo only saves time


def identity(stat: os.stat_result) -> Identity:
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


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
