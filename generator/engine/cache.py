"""The build cache (`build --cache-dir`, by default .cache/ at the site root): what earlier builds
computed, so the next one redoes only what changed. Deleting the folder gives a cold build.

One SQLite file, build.sqlite, with a table per kind of thing, values pickled:
- facts: what the link stage extracted from each briefing, by file, content hash and entity settings;
- pages, bodies and links: the RenderMemo of `build` (generator/engine/memo.py), whose page texts are not kept:
  they are the files in the output folder, carried over while their inputs stay the same;
- state: single values, such as whether the last build finished (if not, no page is carried over).

Beside it, documents.pickle: the Documents the last build loaded, by file and content hash (and
documents-added.pickle: those it lacks, while few).

Worker processes read it and buffer what they add, writing it in short transactions of
FLUSH_EVERY values, so two of them never wait on each other for long.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator import __version__
from generator.content.documents import Document
from generator.utils.gcpause import collections_paused
from generator.engine.memo import RenderMemo

DATABASE = "build.sqlite"
DOCUMENTS = "documents.pickle"
DOCUMENTS_ADDED = "documents-added.pickle"  # those loaded since documents.pickle was written, while few
ADDED_AT_MOST = 0.1  # a share of all: past it, documents.pickle is written again
_TABLES = ("facts", "pages", "bodies", "links", "state")
_FINISHED = "finished"
FLUSH_EVERY = 500  # values buffered before they are written: bounds a worker's memory (bodies' HTML)


class Table(MutableMapping[str, Any]):
    def __init__(self, cache: BuildCache, name: str) -> None:
        self.cache = cache
        self.name = name
        self.pending: dict[str, Any] = {}
        self.rows: dict[str, bytes] | None = None  # every row, still pickled, once read_all() has read them

    def read_all(self) -> None:
        """Every row read in one pass and kept, for a process that will look most of them up and
        that alone writes the keys it looks up: a render worker, which would otherwise make a query
        per page and per briefing."""
        self.flush()
        self.rows = dict(self.cache.db.execute(f"SELECT key, value FROM {self.name}"))

    def __getitem__(self, key: str) -> Any:
        if key in self.pending:
            return self.pending[key]
        if self.rows is not None:
            value = self.rows[key]
        else:
            row = self.cache.db.execute(f"SELECT value FROM {self.name} WHERE key = ?", (key,)).fetchone()
            if row is None:
                raise KeyError(key)
            value = row[0]
        return pickle.loads(value)

    def items(self) -> list[tuple[str, Any]]:  # type: ignore[override]
        """Every key and value, read in one pass over the table: Mapping.items() would make a
        query per key, and there is one key per briefing."""
        self.flush()
        return [(key, pickle.loads(value)) for key, value in self.cache.db.execute(f"SELECT key, value FROM {self.name}")]

    def __setitem__(self, key: str, value: Any) -> None:
        self.pending[key] = value
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()

    def __delitem__(self, key: str) -> None:
        self.flush()
        self.cache.db.execute(f"DELETE FROM {self.name} WHERE key = ?", (key,))
        if self.rows is not None:
            self.rows.pop(key, None)

    def __iter__(self) -> Iterator[str]:
        self.flush()
        return iter([key for (key,) in self.cache.db.execute(f"SELECT key FROM {self.name}")])

    def __len__(self) -> int:
        self.flush()
        return self.cache.db.execute(f"SELECT count(*) FROM {self.name}").fetchone()[0]

    def clear(self) -> None:
        self.pending.clear()
        self.cache.db.execute(f"DELETE FROM {self.name}")
        if self.rows is not None:
            self.rows.clear()

    def flush(self) -> None:
        if self.pending:
            rows = [(k, pickle.dumps(v, pickle.HIGHEST_PROTOCOL)) for k, v in self.pending.items()]
            with self.cache.writing():
                self.cache.db.executemany(f"INSERT OR REPLACE INTO {self.name} (key, value) VALUES (?, ?)", rows)
            if self.rows is not None:
                self.rows.update(rows)
            self.pending.clear()


def _documents_key(content_dir: Path) -> str:
    return f"documents {__version__} {content_dir.resolve()}"


class BuildCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.tables = {name: Table(self, name) for name in _TABLES}
        self._kept: tuple[set, set] = (set(), set())  # the keys of the Documents in the two files
        self.connect()

    def connect(self) -> None:
        """Open the database; again in each worker process, which must not share its parent's connection."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.folder / DATABASE, timeout=120, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        for name in _TABLES:
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {name} (key TEXT PRIMARY KEY, value BLOB)")

    @property
    def facts(self) -> Table:
        return self.tables["facts"]

    @property
    def state(self) -> Table:
        return self.tables["state"]

    def documents(self, content_dir: Path) -> dict[tuple[str, str], Document]:
        """The Documents the last build loaded from content_dir, by (file, hash), as load_content
        takes them (and maybe some of earlier builds: more than it needs does no harm)."""
        base = self._read_documents(DOCUMENTS, content_dir)
        added = self._read_documents(DOCUMENTS_ADDED, content_dir) if base else {}
        self._kept = (set(base), set(added))
        return base | added

    def keep_documents(self, content_dir: Path, documents: dict[tuple[str, str], Document]) -> None:
        """In a file of their own, pickled together: loaded, they share their repeated strings again,
        and the pickle (70 MB at 10,000 briefings) is streamed, never held whole in memory. While
        they are few, those the file lacks (new or edited ones) go in a second, small file, so an
        edit does not write the 70 MB again. Call documents() first: what the files hold is kept."""
        in_base, in_added = self._kept
        added = {key: document for key, document in documents.items() if key not in in_base}
        if in_base and len(added) <= ADDED_AT_MOST * len(documents):
            if added.keys() != in_added:
                self._write_documents(DOCUMENTS_ADDED, content_dir, added)
                self._kept = (in_base, set(added))
        else:
            self._write_documents(DOCUMENTS, content_dir, documents)
            (self.folder / DOCUMENTS_ADDED).unlink(missing_ok=True)
            self._kept = (set(documents), set())

    @collections_paused()  # a million objects, all kept: collections while unpickling them took 0.3 s of 0.55
    def _read_documents(self, name: str, content_dir: Path) -> dict[tuple[str, str], Document]:
        try:
            with open(self.folder / name, "rb") as file:
                key, documents = pickle.load(file)
            return documents if key == _documents_key(content_dir) else {}
        except Exception:  # noqa: BLE001 - none yet, or damaged: the files are parsed again
            return {}

    def _write_documents(self, name: str, content_dir: Path, documents: dict[tuple[str, str], Document]) -> None:
        partial = self.folder / f"{name}.{os.getpid()}"
        with open(partial, "wb") as file:
            pickle.dump((_documents_key(content_dir), documents), file, pickle.HIGHEST_PROTOCOL)
        partial.replace(self.folder / name)

    def memo(self, out_dir: Path, out_files: dict[str, tuple[int, int]]) -> RenderMemo:
        """The render memo of the site in out_dir, whose files were as `out_files` (path -> size and
        time) after the last build; empty of pages if the last build did not finish."""
        memo = RenderMemo(pages=self.tables["pages"], bodies=self.tables["bodies"], links=self.tables["links"],
                          out_dir=out_dir, out_files=out_files, globals=self.state.get("globals"),
                          targets=self.state.get("targets"))
        if not self.state.get(_FINISHED, False):
            memo.pages.clear()
        self.state[_FINISHED] = False
        self.save()
        return memo

    def finish(self, memo: RenderMemo) -> None:
        """After the new site is in place: keep what it was made from."""
        with self.writing():
            memo.prune()
            self.state.update(globals=memo.globals, targets=memo.targets, finished=True)
            self.save()

    def save(self) -> None:
        with self.writing():
            for table in self.tables.values():
                table.flush()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One transaction (sqlite3 would otherwise commit each statement on its own)."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
