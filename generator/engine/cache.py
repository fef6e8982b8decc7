"""The build cache (`build --cache-dir`, by default .cache/ at the site root): what earlier builds
computed, so the next one redoes only what changed. Deleting the folder gives a cold build.

One SQLite file, build.sqlite, with a table per kind of thing, values pickled:
- facts: what the link stage extracted from each briefing, by file, content hash and entity settings;
- pages, bodies and links: the RenderMemo of `build` (generator/engine/memo.py), whose page texts are not kept:
  they are the files in the output folder, carried over while their inputs stay the same;
- state: single values, such as whether the last build finished (if not, no page is carried over);
- kept: whole values by name, written at once: the Documents the last build loaded (DOCUMENTS,
  and DOCUMENTS_ADDED: those it lacks, while few), and what stages keep of files by the rule of
  generator/utils/filememo.py (which briefing came from which seed, each page's links and
  problems for the check, what the search index read of each page).

The file records the version of this layout (SCHEMA, as SQLite's user_version): a file of another
version raises OtherVersion, a damaged one sqlite3.DatabaseError, and the build discards either and
builds anew. Files earlier versions kept beside it (FORMER_FILES) are removed when it is opened.

Worker processes read it and buffer what they add, writing it in short transactions of
FLUSH_EVERY values, so two of them never wait on each other for long.
"""

from __future__ import annotations

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
SCHEMA = 2  # the layout of the tables and of the values in them: another one is discarded
DOCUMENTS = "documents"  # in `kept`
DOCUMENTS_ADDED = "documents added"  # those loaded since DOCUMENTS was written, while few
ADDED_AT_MOST = 0.1  # a share of all: past it, DOCUMENTS is written again
_TABLES = ("facts", "pages", "bodies", "links", "state", "kept")
_FINISHED = "finished"
# What earlier versions kept in the cache folder, each now a value in the database: nothing reads them.
FORMER_FILES = ("documents.pickle", "documents-added.pickle", "seed-records.pickle", "check.pickle",
                "search-pages.pickle", "cities.pickle", "file-hashes.json")
FLUSH_EVERY = 500  # values buffered before they are written: bounds a worker's memory (bodies' HTML)


class OtherVersion(sqlite3.DatabaseError):
    """The database was written by a generator of another layout: not damaged, but not readable here."""


class Table(MutableMapping[str, Any]):
    def __init__(self, cache: BuildCache, name: str, flush_every: int = FLUSH_EVERY, big: bool = False) -> None:
        """`big`: values are read through SQLite's blob API, which reads a value of megabytes many
        times faster than a SELECT does."""
        self.cache = cache
        self.name = name
        self.flush_every = flush_every
        self.big = big
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
        elif self.big:
            value = self._read_big(key)
        else:
            row = self.cache.db.execute(f"SELECT value FROM {self.name} WHERE key = ?", (key,)).fetchone()
            if row is None:
                raise KeyError(key)
            value = row[0]
        return pickle.loads(value)

    def _read_big(self, key: str) -> bytes:
        with self.cache.reading():  # the row cannot be replaced between finding it and reading it
            row = self.cache.db.execute(f"SELECT rowid FROM {self.name} WHERE key = ?", (key,)).fetchone()
            if row is None:
                raise KeyError(key)
            with self.cache.db.blobopen(self.name, "value", row[0], readonly=True) as blob:
                return blob.read()

    def items(self) -> list[tuple[str, Any]]:  # type: ignore[override]
        """Every key and value, read in one pass over the table: Mapping.items() would make a
        query per key, and there is one key per briefing."""
        self.flush()
        return [(key, pickle.loads(value)) for key, value in self.cache.db.execute(f"SELECT key, value FROM {self.name}")]

    def __setitem__(self, key: str, value: Any) -> None:
        self.pending[key] = value
        if len(self.pending) >= self.flush_every:
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
        # `kept` is written at once: its values are whole, and read by whoever opens the cache next
        self.tables = {name: Table(self, name, 1, big=True) if name == "kept" else Table(self, name) for name in _TABLES}
        self._kept: tuple[set, set] = (set(), set())  # the keys of the Documents in the two values
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in FORMER_FILES:
            (folder / name).unlink(missing_ok=True)
        self.connect()

    def connect(self) -> None:
        """Open the database; again in each worker process, which must not share its parent's connection.
        OtherVersion when it is of another SCHEMA, sqlite3.DatabaseError when it is damaged."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.folder / DATABASE, timeout=120, isolation_level=None)
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA:
            if self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                self.db.close()
                raise OtherVersion(f"the build cache was written by another version of the generator (layout {version}, "
                                   f"this one reads {SCHEMA})")
            self.db.execute(f"PRAGMA user_version = {SCHEMA}")
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

    @property
    def kept(self) -> Table:
        """Whole values by name, for the stages that keep what they derived from files (FileMemo)."""
        return self.tables["kept"]

    def documents(self, content_dir: Path) -> dict[tuple[str, str], Document]:
        """The Documents the last build loaded from content_dir, by (file, hash), as load_content
        takes them (and maybe some of earlier builds: more than it needs does no harm); none when
        what is kept cannot be read."""
        base = self._read_documents(DOCUMENTS, content_dir)
        added = self._read_documents(DOCUMENTS_ADDED, content_dir) if base else {}
        self._kept = (set(base), set(added))
        return base | added

    def keep_documents(self, content_dir: Path, documents: dict[tuple[str, str], Document]) -> None:
        """Pickled together, as one value: loaded, they share their repeated strings again. While
        they are few, those the value lacks (new or edited ones) go in a second, small one, so an
        edit does not write the big one again. Call documents() first: what the two hold is kept."""
        in_base, in_added = self._kept
        added = {key: document for key, document in documents.items() if key not in in_base}
        if in_base and len(added) <= ADDED_AT_MOST * len(documents):
            if added.keys() != in_added:
                self._write_documents(DOCUMENTS_ADDED, content_dir, added)
                self._kept = (in_base, set(added))
        else:
            with self.writing():  # the two together, or neither
                self._write_documents(DOCUMENTS, content_dir, documents)
                del self.kept[DOCUMENTS_ADDED]  # none there is no error
            self._kept = (set(documents), set())

    @collections_paused()  # a million objects, all kept: collections while unpickling them cost half the time
    def _read_documents(self, name: str, content_dir: Path) -> dict[tuple[str, str], Document]:
        try:
            key, documents = self.kept[name]
        except Exception:  # noqa: BLE001 - none yet, or a value damaged or of classes since changed: parsed again
            return {}
        return documents if key == _documents_key(content_dir) else {}

    def _write_documents(self, name: str, content_dir: Path, documents: dict[tuple[str, str], Document]) -> None:
        self.kept[name] = (_documents_key(content_dir), documents)

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
    def reading(self) -> Iterator[None]:
        """One snapshot for several reads."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.execute("COMMIT")

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
