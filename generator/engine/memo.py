"""Rendering that reuses what an earlier build made: a page is rendered again only when its
template files or its inputs changed, a briefing's Markdown converted again only when its file
changed or a link in it now resolves differently.

The memory it reuses is a RenderMemo: in memory for the dev server (page texts kept, so changed
pages can be compared and written), or on disk in the build cache for `build` (generator/engine/cache.py:
page texts not kept, an unchanged page's file is carried over from the last build).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta

from generator.content.documents import Document
from generator.content.fingerprint import fingerprint
from generator.render.markdown_links import Targets
from generator.render.renderer import Page, Renderer


@dataclass(frozen=True)
class Body:
    sha256: str
    links: tuple[tuple[str, str | None], ...]  # every link the converter resolved, and to what
    html: str


@dataclass(frozen=True)
class Rendered:
    """What the memo keeps of a page: its inputs and, in memory, its text."""

    inputs: tuple
    text: str | None
    size: int  # bytes, to notice a file changed or gone since
    noindex: bool


@dataclass
class RenderMemo:
    """What earlier renders made, kept for the next build (in memory: the dev server's)."""

    pages: MutableMapping[str, Rendered] = field(default_factory=dict)
    bodies: MutableMapping[str, Body] = field(default_factory=dict)  # by content file
    links: MutableMapping[str, tuple[str, tuple]] = field(default_factory=dict)  # each body's (sha256, links) alone:
    # read for every briefing on every build, where unpickling whole Bodies (their HTML) would cost more than the check
    globals: object = None  # the fingerprint of the templates' globals the pages were made with
    targets: object = None  # the fingerprint of every briefing Markdown links can point at
    linked: tuple[list[tuple[str, str]], Targets] | None = None  # those briefings' paths and URLs, and their tables
    used: set[str] = field(default_factory=set)
    out_dir: Path | None = None  # set when page texts are not kept: they are the files in out_dir
    out_files: dict[str, tuple[int, int]] = field(default_factory=dict)  # file -> (size, mtime_ns) when built
    env: jinja2.Environment | None = None  # kept: Jinja recompiles only templates whose files changed
    references: dict[str, tuple[str, tuple[str | None, ...]]] = field(default_factory=dict)  # name -> (source, names)

    def remember(self, inputs: tuple, page: Page) -> Rendered:
        assert page.text is not None
        return Rendered(inputs, None if self.out_dir else page.text, len(page.text.encode()), page.noindex)

    def still_there(self, path: str, known: Rendered) -> bool:
        """Whether what was made last time is still to hand: its file as built, when texts are not kept."""
        if self.out_dir is None:
            return True
        file = os.path.join(self.out_dir, path)  # a string: pathlib would cost as much as the stat, once a page
        try:
            stat = os.stat(file)
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == self.out_files.get(file) and stat.st_size == known.size

    def prune(self) -> None:
        """Forget what this build did not ask for (deleted briefings, renamed pages)."""
        for table in (self.pages, self.bodies, self.links):
            for key in [k for k in table if k not in self.used]:
                del table[key]
        self.used = set()


@dataclass
class MemoRenderer(Renderer):
    """A Renderer that reuses a page when its inputs are the same as last time."""

    memo: RenderMemo = field(default_factory=RenderMemo)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.memo.env is not None:
            self.env = self.memo.env
            _forget_edited_templates(self.env)
        self.memo.env = self.env
        self._digests: dict[str, str] = {}
        globals_now = fingerprint(dict(self.env.globals))
        if globals_now != self.memo.globals:  # compared once here, not in every page's inputs
            self.memo.pages.clear()
            self.memo.globals = globals_now
        self._resolved: list[tuple[str, str | None]] = []
        self.failed: set[str] = set()  # pages whose render failed: the build keeps their last good version
        self._same_targets = False

    def finish(self) -> None:
        """After the build: keep for the next one only what this one used."""
        self.memo.prune()

    def link_resolved(self, href: str, target: str | None) -> None:
        """Each link a conversion resolves, noted with its target: what a body's HTML depends on."""
        self._resolved.append((href, target))

    def link_to(self, documents: list[Document]) -> None:
        paths_and_urls = [(d.source_path, d.url) for d in documents]
        if self.memo.linked is not None and self.memo.linked[0] == paths_and_urls:  # an edit's build, mostly
            self._links.targets = self.memo.linked[1]
            self.targets_key = self.memo.targets
        else:
            super().link_to(documents)
            self.memo.linked = (paths_and_urls, self._links.targets)
        self._same_targets = self.targets_key == self.memo.targets  # then every link resolves as it did
        self.memo.targets = self.targets_key

    def links_key(self, document: Document) -> object:
        """Where the body's links point now: a new briefing elsewhere then leaves the key, and the
        page, as they were. A body not converted before is converted now, to know its links."""
        key = str(document.path)
        known = self.memo.links.get(key)
        if known is None or known[0] != document.sha256:
            body = self.memo.bodies.get(key)
            if body is None or body.sha256 != document.sha256:
                self.markdown_html(document)
                body = self.memo.bodies[key]
            known = self.memo.links[key] = (body.sha256, body.links)
        return tuple(self.resolve_link(document, href) for href, _ in known[1])

    def markdown_html(self, document: Document) -> str:
        key = str(document.path)
        self.memo.used.add(key)
        known = self.memo.bodies.get(key)
        if known and known.sha256 == document.sha256 and (
                self._same_targets or self._same_links(document, known.links)):
            return known.html
        self._resolved = []
        html = super().markdown_html(document)
        body = self.memo.bodies[key] = Body(document.sha256, tuple(self._resolved), html)
        self.memo.links[key] = (body.sha256, body.links)
        return html

    def _same_links(self, document: Document, links: tuple[tuple[str, str | None], ...]) -> bool:
        return all(self.resolve_link(document, href) == target for href, target in links)

    def page(self, path: str, template_name: str, source: Path | None = None, **context: Any) -> Page | None:
        if not self.owns(path):
            return None  # before fingerprinting: the other workers' pages cost nothing here
        inputs = (self._template_digest(template_name), str(source), fingerprint(context))
        page = self._reused(path, inputs, source) or self._remember(inputs, super().page(path, template_name, source, **context))
        if page is None:
            self.failed.add(path)
        return page

    def made(self, path: str, make: Callable[[], str], inputs: object) -> Page | None:
        if not self.owns(path):
            return None
        key = ("made", fingerprint(inputs))
        return self._reused(path, key, None) or self._remember(key, super().made(path, make, inputs))

    def _reused(self, path: str, inputs: tuple, source: Path | None) -> Page | None:
        """Last build's page if its inputs are the same; else None, and the page made next is remembered."""
        self.memo.used.add(path)
        known = self.memo.pages.get(path)
        if known and known.inputs == inputs and self.memo.still_there(path, known):
            return Page(path, known.text, source, known.noindex)
        return None

    def _remember(self, inputs: tuple, page: Page | None) -> Page | None:
        if page is not None:  # a failure is not remembered: the next build reports it again
            self.memo.pages[page.path] = self.memo.remember(inputs, page)
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
        if known is None and self.kept is not None:  # a build's memo starts empty: parsing costs more than a look-up
            known = self.kept.get(f"template references {name}")
        if known is None or known[0] != source:
            try:
                found = tuple(jinja2.meta.find_referenced_templates(self.env.parse(source)))
            except jinja2.TemplateError:
                return None
            known = (source, found)
            if self.kept is not None:
                self.kept[f"template references {name}"] = known
        self.memo.references[name] = known
        return known[1]

    def _source(self, name: str) -> str:
        try:
            return self.env.loader.get_source(self.env, name)[0]
        except (jinja2.TemplateNotFound, OSError):  # the render says why
            return ""


def _forget_edited_templates(env: jinja2.Environment) -> None:
    """The env is kept between builds without auto_reload: drop the templates whose files changed since."""
    for key, template in list(env.cache.items()) if env.cache is not None else []:
        if not template.is_up_to_date:
            del env.cache[key]
