"""The render stage's Jinja2 environment."""

from __future__ import annotations

from collections import OrderedDict

import jinja2
import pytest

from generator.render import _Environment

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
