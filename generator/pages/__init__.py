"""One module per kind of page; each has make_pages(renderer, archive) -> pages.

`site_pages` is the whole site but its sitemap, which lists the others and so is made last
(site_files.sitemap_page), by whoever collected them: the engine."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from generator.linking.archive import Archive
from generator.pages import archives, briefings, entities, feeds, figures, listing, search, site_files, tags
from generator.render.renderer import Page, Renderer

PageMaker = Callable[[Renderer, Archive], Iterable[Page | None]]

PAGE_MAKERS: tuple[PageMaker, ...] = (
    briefings.make_pages, listing.make_pages, feeds.make_pages, site_files.make_pages, search.make_pages,
    entities.make_pages, figures.make_pages, archives.make_pages, tags.make_pages)


def site_pages(renderer: Renderer, archive: Archive) -> Iterator[Page]:
    """Every page but the sitemap that falls to the renderer's share, in a fixed order, one by one
    as each is made, so that it can be written and let go."""
    for make in PAGE_MAKERS:
        for page in make(renderer, archive):
            if page is not None and renderer.owns(page.path):
                yield page
