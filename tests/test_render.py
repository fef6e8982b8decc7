"""The render stage's Jinja2 environment and filters."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

import jinja2
import pytest

from generator.render.renderer import _Environment, format_date

TEMPLATE = "{{ x.title }}|{{ x.items is callable }}|{{ x.missing is defined }}|{{ x.get('title') }}|{{ x['title'] }}"


@pytest.mark.parametrize("value", [
    {"title": "T"},
    {"title": "T", "items": "a key named like a dict method"},
    {"title": "T", "missing": None},
    OrderedDict(title="T"),  # not a dict as such: looked up as Jinja does
])
def test_dict_keys_looked_up_first_give_what_jinja_gives(value):
    ours = _Environment(undefined=jinja2.StrictUndefined).from_string(TEMPLATE)
    theirs = jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(TEMPLATE)
    assert ours.render(x=value) == theirs.render(x=value)


def test_a_missing_key_is_still_an_error():
    with pytest.raises(jinja2.UndefinedError):
        _Environment(undefined=jinja2.StrictUndefined).from_string("{{ x.nope }}").render(x={"title": "T"})


def test_a_dataclass_by_fields_is_fingerprinted_by_its_values():
    import datetime as dt
    from pathlib import Path

    from generator.content.documents import Document
    from generator.content.fingerprint import fingerprint
    from generator.linking.figures import Claim

    def claim(value: float, title: str = "A") -> Claim:
        document = Document(Path("a.md"), "a.md", "a/", title, None, b"", 1, {}, sha256=title)
        return Claim(value, "people displaced", "police", dt.date(2023, 5, 1), None, "…", document)

    assert fingerprint([claim(12)]) == fingerprint([claim(12)])
    assert len({fingerprint([claim(12)]), fingerprint([claim(13)]), fingerprint([claim(12, "B")])}) == 3


def test_datetimes_are_fingerprinted_by_their_time_and_offset():
    import datetime as dt

    from generator.content.fingerprint import fingerprint

    utc = dt.datetime(2022, 3, 9, 12, 0, tzinfo=dt.timezone.utc)
    assert fingerprint({"date": utc}) == fingerprint({"date": utc.replace()})
    assert fingerprint({"date": utc}) != fingerprint({"date": utc.replace(minute=1)})
    assert fingerprint({"date": utc}) != fingerprint({"date": utc.replace(tzinfo=None)})


def test_dates_read_as_strftime_writes_them_in_the_c_locale():
    for month in range(1, 13):
        day = dt.datetime(2024, month, 9, 15, 30)
        assert format_date(day) == f"{day.day} {day:%B %Y}"
        assert format_date(day.date(), "short") == f"{day.day} {day:%b %Y}"
        assert format_date(day, "iso") == day.date().isoformat()
    assert format_date(None) == ""
