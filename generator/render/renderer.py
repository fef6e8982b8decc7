"""The render stage: an Archive -> Pages, through Python-Markdown and the Jinja2 layouts.

Each kind of page is made by its own module in generator/pages/, which asks a Renderer for it;
generator/pages/__init__.py lists them, and the engine runs them.
"""

from __future__ import annotations

import datetime as dt
import traceback
import zlib
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from jinja2.bccache import Bucket

from generator.config.settings import Config
from generator.content.documents import Document
from generator.render.converters import Converters
from generator.utils.files import inside
from generator.content.fingerprint import digest
from generator.render.markdown_links import BriefingLinks
from generator.problems import Problem, ProblemError
from generator.content.sanitise import safe_body
from generator.typography import smarten_plain


NOINDEX = '<meta name="robots" content="noindex">'  # in redirect pages and the 404 page


@dataclass(frozen=True)
class Page:
    path: str  # inside the output folder, such as "briefings/story/index.html"
    text: str | None  # None: the same as the file the last build wrote, which is kept
    source: Path | None = None  # the content file it shows, if any
    noindex: bool = False  # left out of the sitemap


def format_date(value: dt.date | None, style: str = "long") -> str:
    if value is None:
        return ""
    if style == "iso":
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    month = _MONTHS[value.month - 1]
    return f"{value.day} {month if style == 'long' else month[:3]} {value.year}"


# As strftime's %B gives them in the C locale, which a build runs in; strftime cost a microsecond a date.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


class _Environment(jinja2.Environment):
    """Jinja2's, with `x.name` on a dict looked up as a key first when dicts have no attribute of
    that name, so with the same result: Jinja tries the attribute first and catches the error
    it raises, which made half a microsecond per lookup, and pages get their values as dicts."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _LayoutsLoader(jinja2.FileSystemLoader):
    """Templates from layouts/, but none through a link out of it (generator/utils/files.py's rule)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if not inside(filename, self.searchpath[0]):
            raise _OutwardLink(0, f"a link to {Path(filename).resolve()}, outside {self.searchpath[0]}: not read", filename)
        return source, filename, uptodate


class KeptBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in a mapping between builds (the build cache's `kept` table): Jinja
    parses and compiles a template in far more time than it loads the compiled code, and an edit's
    build renders few pages. Jinja checks each against its template's source before using it."""

    def __init__(self, kept: MutableMapping[str, Any]) -> None:
        self.kept = kept

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.kept.get(f"template {bucket.key}")
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[f"template {bucket.key}"] = bucket.bytecode_to_string()


class _OutwardLink(OSError):
    """An OSError, as a template that cannot be read is, that says only why."""

    def __str__(self) -> str:
        return str(self.strerror)


@dataclass
class Renderer:
    """The Jinja2 environment, one reusable Markdown converter, and the problems met so far."""

    config: Config
    problems: list[Problem] = field(default_factory=list)
    share: tuple[int, int] = (0, 1)  # (which, of how many): render only the pages that fall to this share
    kept: MutableMapping[str, Any] | None = None  # where compiled templates are kept between builds, if anywhere

    def __post_init__(self) -> None:
        self.env = _Environment(
            loader=_LayoutsLoader(self.config.layouts_dir),
            autoescape=jinja2.select_autoescape(default=True),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # a build reads each template once; without this Jinja stats its file at every use
            bytecode_cache=KeptBytecode(self.kept) if self.kept is not None else None,
        )
        self.env.globals.update(site=self.config, url=self.config.url, absolute_url=self.config.absolute_url)
        self.env.filters["date"] = format_date
        # Titles, summaries and key points get the typography bodies get (`{{ page.title | typography }}`).
        self.env.filters["typography"] = (smarten_plain if "generator.typography" in self.config.markdown_extensions
                                          else markupsafe.escape)
        self._links = BriefingLinks(self.config.url, on_resolve=self.link_resolved)
        self.targets_key = ""
        self._converters = Converters([*self.config.markdown_extensions, self._links])

    def link_to(self, documents: list[Document]) -> None:
        """The briefings that links in Markdown, by file path or URL, can point at."""
        self._links.set_targets(documents)
        self.targets_key = digest(tuple((d.source_path, d.url) for d in documents))  # what a body's links depend on

    def resolve_link(self, document: Document, href: str) -> str | None:
        """Where a link in the document's body points now; None when not to a briefing (left alone)."""
        self._links.current = document
        return self._links.resolve(href)

    def link_resolved(self, href: str, target: str | None) -> None:
        """A hook, told of each link a body's conversion resolves, and to what (see MemoRenderer)."""

    def links_key(self, document: Document) -> object:
        """What a body's HTML depends on besides its text: where its links point (here, every briefing)."""
        return self.targets_key

    def body_html(self, document: Document) -> str:
        """The body as pages and feeds show it: sanitised (see generator/content/sanitise.py), unless the
        site trusts its authors with raw HTML (`unsafe_html`). Sanitised on every use, not kept:
        a change of the setting then needs no cache cleared."""
        html = self.markdown_html(document)
        return html if self.config.unsafe_html else safe_body(html, document.body)

    def markdown_html(self, document: Document) -> str:
        """What Python-Markdown makes of the body, raw HTML and all (what the build cache keeps)."""
        self._links.current = document
        body = document.body
        return self._converters.for_body(body).convert(body)

    def owns(self, path: str) -> bool:
        """Whether the page at path falls to this share: worker processes split the pages this way."""
        which, shares = self.share
        return shares == 1 or zlib.crc32(path.encode()) % shares == which

    def page(self, path: str, template_name: str, source: Path | None = None, **context: Any) -> Page | None:
        """Render one page; on a template problem, record it and return None so the rest still builds.
        None too for a page that is not this share's."""
        if not self.owns(path):
            return None
        try:
            text = self.render(template_name, **context)
            return Page(path, text, source, NOINDEX in text)
        except ProblemError as error:
            self.problems.append(error.problem)
            return None

    def made(self, path: str, make: Callable[[], str], inputs: object) -> Page | None:
        """A page that code makes rather than a template (feeds); `inputs`: all that make() reads."""
        return Page(path, make()) if self.owns(path) else None

    def render(self, template_name: str, **context: Any) -> str:
        """Render a layout; a template problem is raised naming the template file and line."""
        try:
            return self.env.get_template(template_name).render(**context)
        except jinja2.TemplateSyntaxError as error:
            path = Path(error.filename or self.config.layouts_dir / template_name)
            raise ProblemError(Problem(path, f"template syntax error: {error.message}", error.lineno)) from None
        except jinja2.TemplateNotFound as error:
            raise ProblemError(Problem(self.config.layouts_dir / str(error.name), "template not found")) from None
        except OSError as error:  # one that cannot be read
            path = Path(error.filename or self.config.layouts_dir / template_name)
            raise ProblemError(Problem(path, f"cannot read the file: {error.strerror}")) from None
        except Exception as error:  # a template's runtime error: undefined names, bad filters
            raise ProblemError(self._runtime_problem(template_name, error)) from None

    def _runtime_problem(self, template_name: str, error: Exception) -> Problem:
        layouts = str(self.config.layouts_dir.resolve())
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(layouts)]
        if frames:
            return Problem(Path(frames[-1].filename), f"template error: {error}", frames[-1].lineno)
        return Problem(self.config.layouts_dir / template_name, f"template error: {type(error).__name__}: {error}")
