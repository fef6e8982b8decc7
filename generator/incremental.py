"""The build kept in memory between runs, redoing only what changed files need: the dev server's build.

The same stages as build.py in the same order, and the same output byte for byte
(tests/test_incremental.py builds both ways and compares every file):

- ingest runs only when a seed changed (it skips unchanged seeds by hash anyway);
- content files are re-loaded only when they changed; the rest of the Documents are kept;
- link runs whole, since a new briefing can change what every other one relates to, but
  what it extracts from each briefing is kept by file and hash;
- render goes through a MemoRenderer: a page is re-rendered only when its template files or its
  context changed, a briefing's Markdown re-converted only when its file changed or a link in it
  now resolves differently;
- write touches only the pages whose text changed (output.update_site).

Contract: stages after load treat a Document as read-only, so it is fingerprinted by path and hash.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta

from generator.build import BuildResult
from generator.config import Config
from generator.content import Document, collect_content, load_or_problem
from generator.ingest.stage import IngestReport, ingest_seeds
from generator.link import link_archive
from generator.linking.facts import Facts
from generator.output import STATIC_FOLDER, sync_static, update_site, write_site
from generator.problems import Problem
from generator.render import Page, Renderer, render_site

_ATOMS = (str, bytes, int, float, bool, type(None), Path)
_DOCUMENT_FIELDS = frozenset(f.name for f in fields(Document))


@dataclass
class Changes:
    """Changed files, sorted by what they feed."""

    site: bool = False  # site.yaml: everything is redone, by a new builder
    seeds: bool = False
    content: set[Path] = field(default_factory=set)
    templates: bool = False
    static: set[Path] = field(default_factory=set)

    @property
    def stylesheets_only(self) -> bool:
        """Only CSS changed: browsers can swap it in without a page being rebuilt or reloaded."""
        return bool(self.static) and all(p.suffix == ".css" for p in self.static) and not (
            self.site or self.seeds or self.content or self.templates)


def classify(config: Config, site_file: Path, paths: Iterable[Path]) -> Changes:
    changes = Changes()
    static_dir = config.layouts_dir / STATIC_FOLDER
    for path in paths:
        if path == site_file.resolve():
            changes.site = True
        elif path.is_relative_to(config.seeds_dir):
            changes.seeds = True
        elif path.is_relative_to(config.content_dir):
            changes.content.add(path)
        elif path.is_relative_to(static_dir):
            changes.static.add(path)
        elif path.is_relative_to(config.layouts_dir):
            changes.templates = True
    return changes


@dataclass
class Rendered:
    result: BuildResult
    pages: list[Page]
    seconds: dict[str, float]  # per stage, to show where the time goes


class IncrementalBuilder:
    def __init__(self, config: Config, include_drafts: bool = False) -> None:
        self.config = config
        self.include_drafts = include_drafts
        self.loaded: dict[Path, Document | Problem] = {}
        self._order: list[Path] = []  # self.loaded's keys in load_content's order
        self.ingest = IngestReport()
        self.memo = RenderMemo()
        self.facts: dict[tuple, Facts] = {}  # what the link stage extracted, by (file, hash)
        self.written: dict[str, str] | None = None  # page path -> text now in the output folder

    def render(self, changes: Changes | None = None) -> Rendered:
        """Ingest, load, link and render what `changes` need; None means everything (the first build)."""
        clock = _Clock()
        result = BuildResult()
        claims_changed = self._reload(None if changes is None else changes.content)
        if changes is None or changes.seeds or claims_changed:
            self.ingest = ingest_seeds(self.config)
            result.ingested = self.ingest.written
            self._reload(set(self.ingest.written))
        result.errors += self.ingest.problems
        result.warnings += self.ingest.conflicts
        clock.lap("ingest and load")
        content = collect_content((self.loaded[path] for path in self._order), self.include_drafts)
        result.errors += content.problems
        current = {(d.path, d.sha256) for d in content.documents}
        self.facts = {key: facts for key, facts in self.facts.items() if key in current}
        archive = link_archive(self.config, content.documents, self.facts)
        clock.lap("link")
        renderer = MemoRenderer(self.config, memo=self.memo)
        pages, problems = render_site(self.config, archive, renderer)
        renderer.finish()
        result.errors += problems
        result.count(content.documents, pages)
        clock.lap("render")
        return Rendered(result, pages, clock.laps)

    def write(self, pages: list[Page]) -> list[str]:
        """Pages into the output folder: whole the first time, then only what changed. Returns paths changed."""
        out_dir = self.config.output_dir
        if self.written is None:
            write_site(out_dir, pages, self.config.layouts_dir / STATIC_FOLDER)
            self.written = {page.path: page.text for page in pages}
            return sorted(self.written)
        return update_site(out_dir, pages, self.written)

    def write_static(self) -> list[str]:
        return sync_static(self.config.layouts_dir / STATIC_FOLDER, self.config.output_dir)

    def _reload(self, paths: set[Path] | None) -> bool:
        """Re-load the content files at or under paths (None: all). True when which briefing claims
        which seed may have changed (one deleted, moved, broken or re-pointed): ingest must run again."""
        content_dir = self.config.content_dir
        if paths is None:
            self.loaded = {}
            paths = {content_dir}
        before: dict[Path, object] = {}
        for path in paths:
            if path.suffix == ".md":
                touched = [path]
            else:  # a folder made, moved or deleted: redo everything under it
                touched = [k for k in self.loaded if k.is_relative_to(path)]
                touched += path.rglob("*.md") if path.is_dir() else []
            for each in touched:
                before.setdefault(each, _seed_claim(self.loaded.pop(each, None)))
                if each.is_file():
                    self.loaded[each] = load_or_problem(each, content_dir)
        if set(self._order) != self.loaded.keys():
            self._order = sorted(self.loaded)
        return any(_seed_claim(self.loaded.get(path)) != claim or isinstance(claim, Problem)
                   for path, claim in before.items())


def _seed_claim(loaded: Document | Problem | None) -> object:
    """The seed a content file was made from; a Problem when unreadable (ingest reads it its own way)."""
    return loaded.meta.get("seed") if isinstance(loaded, Document) else loaded


class _Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self._last
        self._last = now


@dataclass
class RenderMemo:
    """What earlier renders made, kept for the next build."""

    pages: dict[str, tuple[tuple, str]] = field(default_factory=dict)  # path -> (inputs, text)
    bodies: dict[Path, _Body] = field(default_factory=dict)
    used: set[str | Path] = field(default_factory=set)
    fingerprints: dict[tuple, _Token] = field(default_factory=dict)  # last build's (see Fingerprints)
    globals: object = None  # the fingerprint of the templates' globals the pages were made with
    targets: tuple[tuple[str, str], ...] = ()  # (file, URL) of every briefing Markdown links can point at
    env: jinja2.Environment | None = None  # kept: Jinja recompiles only templates whose files changed
    references: dict[str, tuple[str, tuple[str | None, ...]]] = field(default_factory=dict)  # name -> (source, names)

    def prune(self) -> None:
        """Forget what this build did not ask for (deleted briefings, renamed pages)."""
        self.pages = {k: v for k, v in self.pages.items() if k in self.used}
        self.bodies = {k: v for k, v in self.bodies.items() if k in self.used}
        self.used = set()


@dataclass(frozen=True)
class _Body:
    sha256: str
    links: tuple[tuple[str, str | None], ...]  # every link the converter resolved, and to what
    html: str


@dataclass
class MemoRenderer(Renderer):
    """A Renderer that reuses a page when its inputs are the same as last time."""

    memo: RenderMemo = field(default_factory=RenderMemo)

    def __post_init__(self) -> None:
        super().__post_init__()
        self.env = self.memo.env = self.memo.env or self.env
        self._fingerprints = Fingerprints(self.memo.fingerprints)
        self._digests: dict[str, str] = {}
        globals_now = self._fingerprints.of(dict(self.env.globals))
        if globals_now != self.memo.globals:  # compared once here, not in every page's inputs
            self.memo.pages.clear()
            self.memo.globals = globals_now
        self._resolved: list[tuple[str, str | None]] = []
        self._same_targets = False
        self._links.resolve = self._recording(self._links.resolve)

    def finish(self) -> None:
        """After the build: keep for the next one only what this one used."""
        self.memo.fingerprints = self._fingerprints.interned
        self.memo.prune()

    def _recording(self, resolve: Callable[[str], str | None]) -> Callable[[str], str | None]:
        """The link extension's resolve, noting each link and its target: what a body's HTML depends on."""
        def recorded(href: str) -> str | None:
            target = resolve(href)
            self._resolved.append((href, target))
            return target
        return recorded

    def link_to(self, documents: list[Document]) -> None:
        super().link_to(documents)
        targets = tuple((d.source_path, d.url) for d in documents)
        self._same_targets = targets == self.memo.targets  # then every link resolves as it did
        self.memo.targets = targets

    def body_html(self, document: Document) -> str:
        self.memo.used.add(document.path)
        known = self.memo.bodies.get(document.path)
        if known and known.sha256 == document.sha256 and (
                self._same_targets or self._same_links(document, known.links)):
            return known.html
        self._resolved = []
        html = super().body_html(document)
        self.memo.bodies[document.path] = _Body(document.sha256, tuple(self._resolved), html)
        return html

    def _same_links(self, document: Document, links: tuple[tuple[str, str | None], ...]) -> bool:
        self._links.current = document
        return all(self._links.resolve(href) == target for href, target in links)

    def page(self, path: str, template_name: str, source: Path | None = None, **context: Any) -> Page | None:
        inputs = (self._template_digest(template_name), source, self._fingerprints.of(context))
        self.memo.used.add(path)
        known = self.memo.pages.get(path)
        if known and known[0] == inputs:
            return Page(path, known[1], source)
        page = super().page(path, template_name, source, **context)
        if page is not None:  # a failure is not remembered: the next build reports it again
            self.memo.pages[path] = (inputs, page.text)
        return page

    def _template_digest(self, name: str) -> str:
        """A hash of the template and every template it extends, includes or imports."""
        if name not in self._digests:
            names = self._template_closure(name) or sorted(self.env.list_templates())
            digest = hashlib.sha256()
            for each in sorted(names):
                digest.update(each.encode() + b"\0" + self._source(each).encode() + b"\0")
            self._digests[name] = digest.hexdigest()
        return self._digests[name]

    def _template_closure(self, name: str) -> set[str] | None:
        """None when it cannot be known (a syntax error, a name computed at run time)."""
        seen: set[str] = set()
        todo = [name]
        while todo:
            each = todo.pop()
            if each in seen:
                continue
            seen.add(each)
            found = self._references(each)
            if found is None or None in found:
                return None
            todo += found
        return seen

    def _references(self, name: str) -> tuple[str | None, ...] | None:
        """The templates one template names (None for a computed name); None when it does not parse."""
        source = self._source(name)
        known = self.memo.references.get(name)
        if known is None or known[0] != source:
            try:
                found = tuple(jinja2.meta.find_referenced_templates(self.env.parse(source)))
            except jinja2.TemplateError:
                return None
            self.memo.references[name] = known = (source, found)
        return known[1]

    def _source(self, name: str) -> str:
        try:
            return self.env.loader.get_source(self.env, name)[0]
        except jinja2.TemplateNotFound:
            return ""


class _Token:
    """A fingerprint: one object per distinct input value, kept from build to build."""

    __slots__ = ()


class Fingerprints:
    """Fingerprints of templates' inputs: the same fingerprint, the same page.

    One per build. A value's fingerprint is a token for the tuple of its parts' fingerprints
    (hash-consing): the same parts as last build give last build's very token, so comparing a
    page's inputs with last time's is one identity check, however much of the archive they hold.
    An object met many times (a Document in every listing) is fingerprinted once, by id. The walk
    is iterative (archives are deep graphs); a reference back to an object still being walked is
    written as how many steps up it is, so a cycle has the same fingerprint build after build."""

    def __init__(self, previous: dict[tuple, _Token]) -> None:
        self.previous = previous
        self.interned: dict[tuple, _Token] = {}  # this build's, for the next one
        self._seen: dict[int, tuple[object, _Token]] = {}  # id -> (object kept alive, fingerprint)

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
            token = self.interned.get(parts) or self.previous.get(parts) or _Token()
            self.interned[parts] = token
            self._seen[id(item)] = (item, token)
        return self._seen[id(value)][1]

    def _reference(self, child: object, walking: dict[int, int]) -> object:
        if _is_atom(child):
            return child
        if id(child) in walking:
            return ("up", len(walking) - walking[id(child)])
        return self._seen[id(child)][1]


def _is_atom(value: object) -> bool:
    return isinstance(value, _ATOMS) or type(value).__module__ == "datetime"


def _split(value: object) -> tuple[tuple, list]:
    """What identifies a value by itself, and the values it holds."""
    if isinstance(value, Document):  # read-only after load: its file and hash say it all
        return (Document, value.path, value.sha256), [{k: v for k, v in vars(value).items() if k not in _DOCUMENT_FIELDS}]
    if isinstance(value, dict):
        return (dict, len(value)), [item for pair in value.items() for item in pair]
    if isinstance(value, (list, tuple, set, frozenset)):
        return (type(value),), list(value)
    if callable(value) and hasattr(value, "__qualname__"):
        owner = getattr(value, "__self__", None)
        return (value.__module__, value.__qualname__), [] if owner is None else [owner]
    if hasattr(value, "__dict__"):
        return (type(value),), [vars(value)]
    return (type(value), repr(value)), []
