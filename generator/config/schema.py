"""A small declarative schema: check a parsed YAML mapping and convert its values.

Used for `site.yaml` and for briefing front-matter, so both report problems the same way:
one line each, naming the file, the line of the key and what is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.problems import Problem
from generator.config.yamlfile import Parsed

_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d %B %Y", "%B %d, %Y")


def to_text(value: Any) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise ValueError("must be text")


def to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError("must be true or false")


def to_int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError("must be a whole number")


def to_date(value: Any) -> dt.datetime:
    """Dates become timezone-aware datetimes; a bare date is midnight UTC."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if isinstance(value, str):
        text = value.strip()
        try:
            return to_date(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            pass
        for fmt in _DATE_FORMATS:
            try:
                return to_date(dt.datetime.strptime(text, fmt))
            except ValueError:
                continue
    raise ValueError(f"must be a date such as 2022-03-17 (got {value!r})")


def to_text_list(value: Any) -> list[str]:
    """A list of text; a single string is a one-item list (as Hugo and Jekyll allow)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    raise ValueError("must be a list of text")


def to_mapping(value: Any) -> dict:
    if isinstance(value, dict):
        return value
    raise ValueError("must be a mapping of `key: value` lines")


def to_any(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Field:
    convert: Callable[[Any], Any]
    help: str
    fields: dict[str, "Field"] | None = None  # for a nested mapping
    choices: tuple[str, ...] | None = None


def check(parsed: Parsed, schema: dict[str, Field], path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """Return the converted values of the known keys and the problems found.

    Unknown keys are kept unconverted: front-matter from other generators carries many.
    """
    return _check(parsed.data, schema, parsed.lines, path, "")


def _check(data: dict, schema: dict[str, Field], lines: dict[str, int], path: Path, prefix: str):
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, raw in data.items():
        name = f"{prefix}{key}"
        field = schema.get(str(key))
        if field is None:
            values[str(key)] = raw
            continue
        try:
            value = field.convert(raw)
            if field.choices and value not in field.choices:
                raise ValueError(f"must be one of {', '.join(field.choices)}")
        except ValueError as error:
            problems.append(Problem(path, f"`{name}` {error}", lines.get(name)))
            continue
        if field.fields is not None:
            value, inner = _check(value, field.fields, lines, path, name + ".")
            problems += inner
        values[str(key)] = value
    return values, problems
