"""Fingerprints of templates' inputs: the same fingerprint, the same page.

A value's fingerprint is a digest of its own identifying parts and its children's fingerprints,
so it is the same in every process and every build (the build cache keeps them on disk). An
object met many times in one build (a Document in every listing) is fingerprinted once, by id.
The walk is iterative (archives are deep graphs); a reference back to an object still being
walked is written as how many steps up it is, so a cycle has the same fingerprint build after build.

Contract: stages after load treat a Document as read-only, so it is fingerprinted by path and hash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

from generator.content import Document

_ATOMS = (str, bytes, int, float, bool, type(None), Path)
_DOCUMENT_FIELDS = frozenset(f.name for f in fields(Document))


@dataclass(frozen=True)
class Deferred:
    """Markup made only if a template shows it; `key` (all that it is made from) stands for it in
    fingerprints, so a page found unchanged never pays for making it."""

    key: tuple
    make: Callable[[], str]

    def __html__(self) -> str:
        return self.make()

    __str__ = __html__


class Fingerprints:
    """One per build: remembers what it walked, by id, so keep the values alive while it is used."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[object, str]] = {}  # id -> (object kept alive, fingerprint)

    def of(self, value: object) -> object:
        if _is_atom(value):
            return value
        walking: dict[int, int] = {}  # id -> depth, for the objects on the current path
        stack: list[tuple[object, tuple | None]] = [(value, None)]
        while stack:
            item, split = stack[-1]
            if split is None:
                if id(item) in self._seen:
                    stack.pop()
                    continue
                split = _split(item)
                walking[id(item)] = len(walking)
                stack[-1] = (item, split)
                stack += [(child, None) for child in reversed(split[1])
                          if not _is_atom(child) and id(child) not in self._seen and id(child) not in walking]
                continue
            stack.pop()
            del walking[id(item)]
            parts = split[0] + tuple(self._reference(child, walking) for child in split[1])
            self._seen[id(item)] = (item, digest(parts))
        return self._seen[id(value)][1]

    def _reference(self, child: object, walking: dict[int, int]) -> object:
        if _is_atom(child):
            return child
        if id(child) in walking:
            return ("up", len(walking) - walking[id(child)])
        return self._seen[id(child)][1]


def digest(parts: tuple) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _is_atom(value: object) -> bool:
    return isinstance(value, _ATOMS) or type(value).__module__ == "datetime"


def _split(value: object) -> tuple[tuple, list]:
    """What identifies a value by itself, and the values it holds."""
    if isinstance(value, Deferred):
        return ("Deferred",), [value.key]
    if isinstance(value, Document):  # read-only after load: its file and hash say it all
        return ("Document", str(value.path), value.sha256), [
            {k: v for k, v in vars(value).items() if k not in _DOCUMENT_FIELDS}]
    if isinstance(value, dict):
        return ("dict", len(value)), [item for pair in value.items() for item in pair]
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else list(value)
        return (type(value).__name__,), items
    if callable(value) and hasattr(value, "__qualname__"):
        owner = getattr(value, "__self__", None)
        return (value.__module__, value.__qualname__), [] if owner is None else [owner]
    if hasattr(value, "__dict__"):
        return (type(value).__module__, type(value).__qualname__), [vars(value)]
    return (type(value).__qualname__, repr(value)), []
