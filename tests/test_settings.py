"""Each setting is declared once: its default in default_site.yaml, its meaning in SITE_SCHEMA; the
README's settings table is checked against both, so none of the three drifts from the others."""

from __future__ import annotations

import dataclasses
import re

import pytest
import yaml

from generator.config.schema import Field
from generator.config.settings import DEFAULTS, SITE_SCHEMA, Config, default_config
from tests.helpers import REPO


def names(schema: dict[str, Field], data: dict, prefix: str = "") -> tuple[set[str], set[str]]:
    """The dotted names the schema declares and those the defaults give, down every nested mapping
    the schema declares fields for."""
    declared, given = set(), set()
    for key, field in schema.items():
        declared.add(prefix + key)
        if field.fields is not None and isinstance(data.get(key), dict):
            inner = names(field.fields, data[key], f"{prefix}{key}.")
            declared |= inner[0]
            given |= inner[1]
    given |= {prefix + str(key) for key in data}
    return declared, given


def default(name: str) -> object:
    value = yaml.safe_load(DEFAULTS.read_text(encoding="utf-8"))
    for part in name.split("."):
        value = value[part]
    return value


def readme_rows() -> list[tuple[list[str], list[str]]]:
    """(the settings a row names, the defaults it gives, in the same order) for each row of the
    README's settings table."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        settings = re.findall(r"`([^`]+)`", cells[0])
        defaults = [item.strip() for item in re.findall(r"(?:`[^`]*`|[^,`])+", cells[1]) if item.strip()]
        rows.append((settings, defaults))
    return rows


def test_every_setting_has_one_default_and_one_meaning():
    declared, given = names(SITE_SCHEMA, yaml.safe_load(DEFAULTS.read_text(encoding="utf-8")))
    assert sorted(declared - given) == [], "declared in SITE_SCHEMA without a default in default_site.yaml"
    assert sorted(given - declared) == [], "a default in default_site.yaml that SITE_SCHEMA does not declare"


def test_the_config_takes_every_default_from_default_site_yaml():
    """No field of the Config or its parts carries a default of its own, which could differ."""
    config = default_config()
    for settings in (config, config.ingest, config.entities, config.related):
        own = [f.name for f in dataclasses.fields(settings)
               if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING]
        assert own == [], f"{type(settings).__name__} declares defaults of its own: {own}"
    assert isinstance(config, Config) and config.paginate == default("paginate")
    assert config.ingest.max_text_bytes == default("ingest.max_text_mb") * (1 << 20)


@pytest.mark.parametrize(("settings", "defaults"), readme_rows(), ids=lambda value: ",".join(value))
def test_the_readme_table_names_settings_that_exist_with_their_defaults(settings, defaults):
    declared, _ = names(SITE_SCHEMA, yaml.safe_load(DEFAULTS.read_text(encoding="utf-8")))
    assert set(settings) <= declared, f"README names settings SITE_SCHEMA does not have: {set(settings) - declared}"
    if not defaults:
        return
    assert len(defaults) == len(settings), f"README gives {defaults} for {settings}"
    for name, shown in zip(settings, defaults):
        if shown == "none":
            assert default(name) is None, f"README says {name} has no default"
        elif shown.startswith("all `"):  # each value of a mapping
            assert set(default(name).values()) == {yaml.safe_load(shown[4:].strip("`"))}, f"README's default for {name}: {shown}"
        elif shown.startswith("`"):
            assert yaml.safe_load(shown.strip("`")) == default(name), f"README's default for {name}: {shown}"
