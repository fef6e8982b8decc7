"""Briefing front-matter and body -> content/*.md, never overwriting an editor's changes.

Each generated file records `generated_sha256`: the hash of the file as the generator wrote
it (with that value blanked). A file whose hash no longer matches was edited by a person.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

import yaml

HASH_KEY = "generated_sha256"
# The front-matter's line opening with the key, always the file's first such line (the key is the
# last of the front-matter, and no earlier value starts a line with it): each use takes only that
# one, so an article or an editor's line in the body that happens to open with the key stays as it is.
# A line opening with the key: the key is found first (the engine looks for a pattern's opening
# literal fast), then checked to open its line; "^" first would be tried at every character.
_HASH_LINE = re.compile(rf"{HASH_KEY}:(?<=^{HASH_KEY}:).*$", re.M)
# libyaml writes the same text as PyYAML's pure-Python emitter, several times faster, except for
# a few inputs: characters outside the Basic Multilingual Plane, line breaks, control characters,
# and empty, long or non-ASCII keys. Those, and anything else unusual, PyYAML keeps writing.
_FAST_DUMPER = getattr(yaml, "CSafeDumper", None)
_NOT_FOR_LIBYAML = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]|[\u2028\u2029]")


def briefing_text(front: dict[str, Any], body: str) -> str:
    """The file's text, ending with its own `generated_sha256`."""
    front = {**front, HASH_KEY: None}
    dumper = _FAST_DUMPER if _FAST_DUMPER and _same_in_libyaml(front) else yaml.SafeDumper
    text = "---\n" + yaml.dump(front, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1000) \
        + "---\n\n" + body.strip() + "\n"
    text = _HASH_LINE.sub(f"{HASH_KEY}:", text, count=1)
    return _HASH_LINE.sub(f"{HASH_KEY}: {_digest(text)}", text, count=1)


def _same_in_libyaml(value: object) -> bool:
    """True when libyaml is known to write `value` exactly as PyYAML does (see _NOT_FOR_LIBYAML)."""
    if isinstance(value, str):
        return not _NOT_FOR_LIBYAML.search(value)
    if isinstance(value, dict):
        return all(isinstance(key, str) and key.isascii() and 0 < len(key) < 100 and _same_in_libyaml(key)
                   and _same_in_libyaml(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_same_in_libyaml(item) for item in value)
    return value is None or isinstance(value, (bool, int, float, dt.date))


def edited_by_person(text: str) -> bool:
    """True when the file no longer is what the generator wrote (or never carried a hash)."""
    found = _HASH_LINE.search(text)
    if not found:
        return True
    recorded = found.group(0).split(":", 1)[1].strip().strip("'\"")
    return recorded != _digest(_HASH_LINE.sub(f"{HASH_KEY}:", text, count=1))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def free_path(folder: Path, slug: str, taken: set[Path]) -> Path:
    """content/briefings/SLUG.md, or SLUG-2.md … when another briefing has that name."""
    path, n = folder / f"{slug}.md", 2
    while path.exists() or path in taken:
        path, n = folder / f"{slug}-{n}.md", n + 1
    return path
