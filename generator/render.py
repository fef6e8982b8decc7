"""Documents -> Pages: Markdown bodies through Python-Markdown, pages through Jinja2 layouts."""

from __future__ import annotations

import datetime as dt
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import markdown

from generator.config import Config
from generator.content import Document
from generator.problems import Problem, ProblemError


@dataclass(frozen=True)
class Page:
    path: str  # inside the output folder, such as "briefings/story/index.html"
    text: str


def format_date(value: dt.date | None, style: str = "long") -> str:
    if value is None:
        return ""
    if style == "iso":
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    return f"{value.day} {value:%B %Y}" if style == "long" else f"{value.day} {value:%b %Y}"


class Renderer:
    """Holds the Jinja2 environment and one reusable Markdown converter."""

    def __init__(self, config: Config):
        self.config = config
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(config.layouts_dir),
            autoescape=jinja2.select_autoescape(default=True),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(site=config, url=config.url, absolute_url=config.absolute_url)
        self.env.filters["date"] = format_date
        self.markdown = markdown.Markdown(extensions=list(config.markdown_extensions), output_format="html")

    def body_html(self, document: Document) -> str:
        self.markdown.reset()
        return self.markdown.convert(document.body)

    def render(self, template_name: str, **context: Any) -> str:
        """Render a layout; a template problem is raised naming the template file and line."""
        try:
            return self.env.get_template(template_name).render(**context)
        except jinja2.TemplateSyntaxError as error:
            path = Path(error.filename or self.config.layouts_dir / template_name)
            raise ProblemError(Problem(path, f"template syntax error: {error.message}", error.lineno)) from None
        except jinja2.TemplateNotFound as error:
            raise ProblemError(Problem(self.config.layouts_dir / str(error.name), "template not found")) from None
        except Exception as error:  # a template's runtime error: undefined names, bad filters
            raise ProblemError(self._runtime_problem(template_name, error)) from None

    def _runtime_problem(self, template_name: str, error: Exception) -> Problem:
        layouts = str(self.config.layouts_dir.resolve())
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(layouts)]
        if frames:
            return Problem(Path(frames[-1].filename), f"template error: {error}", frames[-1].lineno)
        return Problem(self.config.layouts_dir / template_name, f"template error: {type(error).__name__}: {error}")


def render_site(config: Config, documents: list[Document]) -> tuple[list[Page], list[Problem]]:
    renderer = Renderer(config)
    newest_first = sorted(documents, key=lambda d: (d.sort_date, d.title), reverse=True)
    pages: list[Page] = []
    problems: list[Problem] = []
    for document in newest_first:
        try:
            pages.append(_briefing_page(renderer, document))
            pages.extend(_alias_pages(renderer, document))
        except ProblemError as error:
            problems.append(error.problem)
    try:
        pages.extend(_listing_pages(renderer, newest_first))
    except ProblemError as error:
        problems.append(error.problem)
    return pages, problems


def _briefing_page(renderer: Renderer, document: Document) -> Page:
    layout = document.meta.get("layout", "briefing")
    html = renderer.render(f"{layout}.html", page=document, content=renderer.body_html(document))
    return Page(document.url + "index.html", html)


def _alias_pages(renderer: Renderer, document: Document) -> list[Page]:
    """Hugo-style aliases: old URLs that redirect to the briefing."""
    pages = []
    for alias in document.meta.get("aliases", []):
        path = alias.strip("/")
        path = path if path.endswith(".html") else f"{path}/index.html".lstrip("/")
        pages.append(Page(path, renderer.render("redirect.html", target=renderer.config.url(document.url))))
    return pages


def _listing_pages(renderer: Renderer, documents: list[Document]) -> list[Page]:
    """The home page and its numbered pages: /, /page/2/, … newest first."""
    size = renderer.config.paginate
    chunks = [documents[i : i + size] for i in range(0, len(documents), size)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        pager = {
            "number": number,
            "count": len(chunks),
            "previous": _listing_url(number - 1) if number > 1 else None,
            "next": _listing_url(number + 1) if number < len(chunks) else None,
        }
        html = renderer.render("list.html", briefings=chunk, pager=pager, total=len(documents))
        pages.append(Page(_listing_url(number) + "index.html", html))
    return pages


def _listing_url(number: int) -> str:
    return "" if number == 1 else f"page/{number}/"
