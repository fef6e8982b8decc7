"""site.yaml -> a typed, checked Config.

Each setting is declared once: its default in default_site.yaml beside this file (the Config's
fields have none of their own), its type and meaning in SITE_SCHEMA. tests/test_settings.py keeps
the two, and README's settings table, in step."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from generator.problems import Problem, ProblemError
from generator.config.schema import Field, check, to_bool, to_int, to_mapping, to_text, to_text_list
from generator.config.yamlfile import Parsed, load_yaml_file

DEFAULTS = Path(__file__).with_name("default_site.yaml")


def _to_optional_year(value: object) -> int | None:
    return None if value is None else to_int(value)


def _to_optional_text(value: object) -> str | None:
    return None if value is None else to_text(value)


def _to_number(value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise ValueError("must be a number")


def _to_megabytes(value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return float(value)
    raise ValueError("must be a number of megabytes greater than 0")


def _to_alias_table(value: object) -> dict[str, tuple[str, ...]]:
    """`Name: [other, spellings]` lines (a single spelling may be written without brackets)."""
    return {to_text(name): tuple(to_text_list(spellings or [])) for name, spellings in to_mapping(value).items()}


INGEST_SCHEMA = {
    "default_year": Field(_to_optional_year, "year assumed for dates written without one, when nothing in the article gives it"),
    "cruft": Field(to_text_list, "regular expressions for page cruft to remove from seeds"),
    "outlets": Field(to_mapping, "domain -> outlet name"),
    "max_text_mb": Field(_to_megabytes, "text seeds (.txt, .md) larger than this many megabytes are refused"),
    "max_page_mb": Field(_to_megabytes, "saved pages larger than this many megabytes, once decompressed, are refused"),
}

ENTITY_KINDS_SCHEMA = {kind: Field(to_text_list, f"names that are {kind}") for kind in ("people", "places", "organisations")}
ENTITIES_SCHEMA = {
    "aliases": Field(_to_alias_table, "a name -> its other spellings, merged into it"),
    "kinds": Field(to_mapping, "names the rules cannot classify, by kind", fields=ENTITY_KINDS_SCHEMA),
    "stop": Field(to_text_list, "names that are never entities"),
}
RELATED_WEIGHTS_SCHEMA = {signal: Field(_to_number, f"weight of {signal}")
                          for signal in ("people", "places", "organisations", "figures", "text", "time")}
RELATED_SCHEMA = {
    "weights": Field(to_mapping, "a weight per signal", fields=RELATED_WEIGHTS_SCHEMA),
    "threshold": Field(_to_number, "the score (0-100) a briefing needs to be shown as related"),
    "count": Field(to_int, "how many related briefings to show"),
    "common_share": Field(_to_number, "drop values found in more than this share of briefings"),
    "common_after": Field(to_int, "... once the archive has this many briefings"),
    "time_days": Field(to_int, "briefings this many days apart or more get no closeness in time"),
}

SITE_SCHEMA = {
    "title": Field(to_text, "the site's name"),
    "description": Field(to_text, "one line describing the site"),
    "language": Field(to_text, "the site's language code, such as en"),
    "base_url": Field(to_text, "where the site is published, such as https://user.github.io/briefings/"),
    "cname": Field(_to_optional_text, "a custom domain for GitHub Pages, such as news.example.org (written to CNAME)"),
    "paginate": Field(to_int, "briefings per listing page"),
    "paginate_compact": Field(to_int, "briefings per page of the compact lists: entity pages, year and month archives, the timeline"),
    "search_part_pages": Field(to_int, "pages per part of the search index: Pagefind holds a part in memory while it indexes it"),
    "figures_shown": Field(to_int, "the newest claims a figure group's pages show (0: all); each claim stays on its briefing's page"),
    "seeds_dir": Field(to_text, "folder of raw articles"),
    "content_dir": Field(to_text, "folder of Markdown briefings"),
    "output_dir": Field(to_text, "folder the site is built into"),
    "layouts_dir": Field(to_text, "folder of Jinja2 templates and static assets"),
    "cache_dir": Field(to_text, "folder of build state"),
    "markdown_extensions": Field(to_text_list, "Python-Markdown extensions"),
    "unsafe_html": Field(to_bool, "true keeps raw HTML and any link in bodies as written: only for sites whose every author is trusted"),
    "ingest": Field(to_mapping, "settings for turning seeds into briefings", fields=INGEST_SCHEMA),
    "entities": Field(to_mapping, "entity aliases, kinds and stop list", fields=ENTITIES_SCHEMA),
    "related": Field(to_mapping, "how related briefings are scored", fields=RELATED_SCHEMA),
}


MEGABYTE = 1 << 20


@dataclass(frozen=True)
class IngestSettings:
    default_year: int | None
    cruft: tuple[re.Pattern[str], ...]
    outlets: dict[str, str]
    max_text_bytes: int  # a seed of text; larger ones are refused, unread
    max_page_bytes: int  # a saved page, decompressed


@dataclass(frozen=True)
class EntitySettings:
    aliases: dict[str, tuple[str, ...]]  # canonical name -> other spellings
    kinds: dict[str, tuple[str, ...]]  # people/places/organisations -> names
    stop: tuple[str, ...]

    def get(self, key: str, default: object = None) -> object:
        """Templates may read these settings as the mapping site.yaml wrote."""
        return getattr(self, key, default)


@dataclass(frozen=True)
class RelatedSettings:
    weights: dict[str, float]  # signal -> weight
    threshold: float
    count: int
    common_share: float
    common_after: int
    time_days: int


@dataclass(frozen=True)
class Config:
    root: Path
    title: str
    description: str
    language: str
    base_url: str
    paginate: int
    seeds_dir: Path
    content_dir: Path
    output_dir: Path
    layouts_dir: Path
    cache_dir: Path
    markdown_extensions: tuple[str, ...]
    ingest: IngestSettings
    cname: str | None  # custom domain for GitHub Pages
    entities: EntitySettings
    related: RelatedSettings
    search_part_pages: int
    figures_shown: int
    paginate_compact: int
    unsafe_html: bool  # bodies' raw HTML kept unsanitised (generator/content/sanitise.py)

    @property
    def base_path(self) -> str:
        """The path part of base_url, always with slashes at both ends: "/" or "/repo/"."""
        path = urlsplit(self.base_url).path.strip("/")
        return f"/{path}/" if path else "/"

    def url(self, path: str) -> str:
        """A site-relative path ("briefings/x/") as a link under the base path."""
        return self.base_path + path.lstrip("/")

    def absolute_url(self, path: str) -> str:
        """A full URL when base_url names a host, else the same as url()."""
        parts = urlsplit(self.base_url)
        origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
        return origin + self.url(path)


def load_config(site_file: Path, **overrides: str | None) -> Config:
    """Read site.yaml over the defaults; `overrides` (from the command line) win.

    Raises ProblemError listing the first problem; paths are relative to site.yaml's folder.
    """
    defaults = load_yaml_file(DEFAULTS)
    parsed = load_yaml_file(site_file) if site_file.exists() else Parsed({})
    values, problems = check(parsed, SITE_SCHEMA, site_file)
    merged = _merge(defaults.data, values)
    merged.update({key: value for key, value in overrides.items() if value is not None})
    cruft = _compile_cruft(merged["ingest"]["cruft"], site_file, parsed)
    if problems:
        raise ProblemError(problems[0])
    root = site_file.resolve().parent
    return Config(
        root=root,
        title=merged["title"],
        description=merged["description"],
        language=merged["language"],
        base_url=merged["base_url"],
        paginate=max(1, merged["paginate"]),
        paginate_compact=max(1, merged["paginate_compact"]),
        search_part_pages=max(1, merged["search_part_pages"]),
        figures_shown=max(0, merged["figures_shown"]),
        seeds_dir=root / merged["seeds_dir"],
        content_dir=root / merged["content_dir"],
        output_dir=root / merged["output_dir"],
        layouts_dir=root / merged["layouts_dir"],
        cache_dir=root / merged["cache_dir"],
        markdown_extensions=tuple(merged["markdown_extensions"]),
        ingest=IngestSettings(
            default_year=merged["ingest"]["default_year"],
            cruft=cruft,
            outlets={str(k).lower(): str(v) for k, v in merged["ingest"]["outlets"].items()},
            max_text_bytes=int(merged["ingest"]["max_text_mb"] * MEGABYTE),
            max_page_bytes=int(merged["ingest"]["max_page_mb"] * MEGABYTE),
        ),
        cname=merged.get("cname") or None,
        entities=EntitySettings(
            aliases=merged["entities"]["aliases"],
            kinds={kind: tuple(names) for kind, names in merged["entities"]["kinds"].items()},
            stop=tuple(merged["entities"]["stop"]),
        ),
        related=RelatedSettings(**merged["related"]),
        unsafe_html=merged["unsafe_html"],
    )


@functools.cache
def default_config() -> Config:
    """The settings of a site that sets none: default_site.yaml's (read as its own site.yaml)."""
    return load_config(DEFAULTS)


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merge(base[key], value)
        else:
            merged[key] = value
    return merged


def _compile_cruft(patterns: list[str], site_file: Path, parsed: Parsed) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.I | re.M))
        except re.error as error:
            line = parsed.lines.get("ingest.cruft")
            raise ProblemError(Problem(site_file, f"`ingest.cruft` pattern {pattern!r}: {error}", line)) from None
    return tuple(compiled)
