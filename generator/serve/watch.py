"""File watching for the dev server: watchdog events -> a queue of changed paths, handed out in debounced batches."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

# Editors' temporary, swap and backup files: saving through them must not start a build of its own.
EDITOR_TEMP = re.compile(r"^\.|^#.*#$|~$|\.sw[a-px]$|^4913$|\.tmp$|\.part$|\.crdownload$|___jb_(tmp|old)___$")
_IGNORED_EVENTS = {"opened", "closed_no_write"}


def is_editor_temp(path: Path) -> bool:
    return bool(EDITOR_TEMP.search(path.name))


class ChangeQueue:
    """Paths changed since the last batch; `take` waits for a burst of saves to settle."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._paths: set[Path] = set()
        self._last = 0.0
        self._closed = False

    def add(self, paths: list[Path]) -> None:
        with self._condition:
            self._paths.update(paths)
            self._last = time.monotonic()
            self._condition.notify_all()

    def pending(self) -> bool:
        """Whether something changed since the last batch was taken."""
        with self._condition:
            return bool(self._paths)

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._condition.notify_all()

    def take(self, quiet: float) -> set[Path] | None:
        """Block until something changed and then `quiet` seconds passed with no more; None once closed."""
        with self._condition:
            self._condition.wait_for(lambda: self._paths or self._closed)
            while not self._closed and (left := self._last + quiet - time.monotonic()) > 0:
                self._condition.wait(left)
            if self._closed:
                return None
            paths, self._paths = self._paths, set()
            return paths


class _Forward(FileSystemEventHandler):
    def __init__(self, queue: ChangeQueue, folders: list[Path], files: list[Path]) -> None:
        self.queue, self.folders, self.files = queue, folders, files

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _IGNORED_EVENTS or (event.is_directory and event.event_type == "modified"):
            return
        paths = [Path(str(p)) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        wanted = [p for p in paths if not is_editor_temp(p) and self._watched(p)]
        if wanted:
            self.queue.add(wanted)

    def _watched(self, path: Path) -> bool:
        return path in self.files or any(path.is_relative_to(folder) for folder in self.folders)


def watch(folders: list[Path], files: list[Path], queue: ChangeQueue) -> Observer:
    """Start watching folders (recursively) and single files; changes go to queue."""
    folders = [f for f in folders if f.is_dir()]
    handler = _Forward(queue, folders, files)
    observer = Observer()
    for folder in folders:
        observer.schedule(handler, str(folder), recursive=True)
    for parent in {f.parent for f in files if f.parent.is_dir()}:
        observer.schedule(handler, str(parent), recursive=False)
    observer.daemon = True
    observer.start()
    return observer
