"""One module per kind of page; each has make_pages(renderer, archive) -> pages.

PAGE_MAKERS make the whole site but its sitemap, which lists the others and so is made last
(site_files.sitemap_page), by whoever collected them: the engine. Each kind's pages come in a
fixed order, one by one as each is made, so that it can be written and let go.

After an edit (archive.reach set, generator/linking/reach.py), a kind whose module also has
changed_pages(renderer, archive) makes only the pages the edit may have changed: every other page
of that kind reads as the last build made it, and none is added or gone, so the engine keeps the
last build's pages of that kind as they are (generator/engine/kept.py). changed_pages returns None
when it cannot tell (then make_pages makes them all, each page reused where its inputs are the same)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from generator.linking.archive import Archive
from generator.pages import archives, briefings, entities, feeds, figures, listing, search, site_files, tags
from generator.render.renderer import Page, Renderer

PageMaker = Callable[[Renderer, Archive], Iterable[Page | None]]
ChangedPages = Callable[[Renderer, Archive], Iterable[Page | None] | None]

PAGE_MAKERS: tuple[PageMaker, ...] = (
    briefings.make_pages, listing.make_pages, feeds.make_pages, site_files.make_pages, search.make_pages,
    entities.make_pages, figures.make_pages, archives.make_pages, tags.make_pages)
CHANGED_PAGES: dict[PageMaker, ChangedPages] = {
    briefings.make_pages: briefings.changed_pages, listing.make_pages: listing.changed_pages,
    feeds.make_pages: feeds.changed_pages, entities.make_pages: entities.changed_pages,
    figures.make_pages: figures.changed_pages, archives.make_pages: archives.changed_pages,
    tags.make_pages: tags.changed_pages}


def changed_pages(make: PageMaker, renderer: Renderer, archive: Archive) -> Iterator[Page] | None:
    """Of the kind `make` makes, the pages an edit may have changed (see the module's doc); None
    when the kind cannot tell, or when there is no edit to tell by (a build of everything)."""
    tell = CHANGED_PAGES.get(make)
    changed = tell(renderer, archive) if tell is not None and archive.reach is not None else None
    return None if changed is None else kind_pages(renderer, changed)


def kind_pages(renderer: Renderer, pages: Iterable[Page | None]) -> Iterator[Page]:
    """The pages made that fall to the renderer's share."""
    for page in pages:
        if page is not None and renderer.owns(page.path):
            yield page
