"""Fingerprints of templates' inputs: the same fingerprint, the same page.

A value's fingerprint is a digest of its pickle, so it is the same in every process and every
build (the build cache keeps them on disk). Pickling runs in C, much faster than
walking the values in Python; it is written without its memo (`fast`), so two equal values give
the same bytes whether or not they share objects. Template inputs hold no sets, whose order
changes from process to process, and no cycles.

Contract: stages after load treat a Document as read-only, so it is fingerprinted by path (in content/)
and hash.
"""

from __future__ import annotations

import copyreg
import dataclasses
import datetime as dt
import hashlib
import io
import operator
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from generator.content.documents import Document

T = TypeVar("T")


@dataclass(frozen=True)
class Deferred:
    """Markup made only if a template shows it; `key` (all that it is made from) stands for it in
    fingerprints, so a page found unchanged never pays for making it."""

    key: tuple
    make: Callable[[], str]

    def __html__(self) -> str:
        return self.make()

    __str__ = __html__


def fingerprint(value: object) -> str:
    buffer = io.BytesIO()
    pickler = _Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).hexdigest()


def digest(parts: tuple) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def by_fields(cls: type[T]) -> type[T]:
    """Class decorator: a dataclass in templates' inputs is fingerprinted as its name and field
    values. Pickled as itself, it takes copyreg's generic path, twice as slow: the claims on a
    briefing page made half of its fingerprint's cost."""
    values = operator.attrgetter(*(each.name for each in dataclasses.fields(cls)))  # type: ignore[arg-type]
    _Pickler.dispatch_table[cls] = lambda value: (_stands_for, (cls.__qualname__, values(value)))
    return cls


def _stands_for(*parts: object) -> None:
    """What a Document or a Deferred is pickled as: never unpickled, only compared."""


class _Pickler(pickle.Pickler):
    dispatch_table = {
        **copyreg.dispatch_table,  # how re.Pattern and others pickle
        Document: lambda document: (_stands_for, ("Document", document.source_path, document.sha256)),
        Deferred: lambda deferred: (_stands_for, ("Deferred", deferred.key)),
        dt.datetime: lambda value: (_stands_for, ("datetime", value.isoformat())),  # its timezone took copyreg's slow path
    }
