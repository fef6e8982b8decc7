"""The dev server's pages kept between builds, by kind (generator/pages/__init__.py's PAGE_MAKERS).

After an edit, a kind that can tell which of its pages the edit may have changed makes only those;
its other pages are the last build's, kept here as they are: not visited, looked up or compared one
by one, which for the 20,000 pages of a 10,000-briefing archive cost more than the edit's own work.
A kind is not kept when a page of it failed to render (its next build makes every page of it, so
the failure is tried, and reported, again), nor when two of its pages share a path (the later is
written, but the sitemap lists both, as a build of everything does).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.render.renderer import Page


@dataclass(frozen=True)
class KindMade:
    """One kind's pages as a build made them."""

    pages: list[Page]
    only_changed: bool  # only those an edit may have changed: the kind's other pages are the last build's
    failed: bool  # a page of the kind failed to render


@dataclass(frozen=True)
class KeptPages:
    kinds: tuple[dict[str, Page] | None, ...]  # per kind, its pages by path; None: not kept
    sitemap: Page

    def of_kind(self, kind: int) -> dict[str, Page] | None:
        return self.kinds[kind] if kind < len(self.kinds) else None


def merged(last: KeptPages | None, made: list[KindMade]) -> list[list[Page]]:
    """Each kind's pages now: those made, in place of the last build's where only the changed
    ones were made (in the last build's order)."""
    kinds = []
    for kind, each in enumerate(made):
        if each.only_changed:
            before = last.of_kind(kind) if last is not None else None
            assert before is not None, "a kind makes only its changed pages when its last ones are kept"
            kinds.append(list({**before, **{page.path: page for page in each.pages}}.values()))
        else:
            kinds.append(each.pages)
    return kinds


def listed_as_before(last: KeptPages | None, made: list[KindMade]) -> bool:
    """Whether the pages now are the last build's, with the same sources and noindex marks: then
    the sitemap lists the same pages."""
    return last is not None and all(_listed_as_before(last.of_kind(kind), each) for kind, each in enumerate(made))


def _listed_as_before(before: dict[str, Page] | None, made: KindMade) -> bool:
    """Whether the kind's pages now are `before`'s paths, with the same sources and noindex marks."""
    paths = {page.path for page in made.pages}
    if before is None or not (made.only_changed or len(paths) == len(made.pages) == len(before)):
        return False
    return all(_alike(before.get(page.path), page) for page in made.pages)


def _alike(known: Page | None, page: Page) -> bool:
    return known is not None and (known.source, known.noindex) == (page.source, page.noindex)


def kept(kinds: list[list[Page]], made: list[KindMade], sitemap: Page) -> KeptPages:
    """What the next build keeps of these pages."""
    by_path = [{page.path: page for page in pages} for pages in kinds]
    return KeptPages(tuple(None if each.failed or len(pages) != len(pages_now) else pages
                           for pages, pages_now, each in zip(by_path, kinds, made)), sitemap)
