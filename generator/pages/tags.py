"""Pages for front-matter tags, as Hugo makes them: /tags/ lists every tag, and a page per tag
(/tags/SLUG/) its briefings newest first, in pages of `paginate_compact`. An archive whose
briefings have no tags has none of them."""

from __future__ import annotations

from collections.abc import Iterator

from generator.linking.archive import Archive
from generator.linking.tags import FOLDER
from generator.pages.pager import paginate
from generator.pages.views import briefing_item, lists_reached
from generator.render.renderer import Page, Renderer


def make_pages(renderer: Renderer, archive: Archive) -> Iterator[Page | None]:
    tags = archive.tags.tags
    if not tags:
        return
    listed = [{"name": tag.name, "url": tag.url, "count": len(tag.briefings)} for tag in tags]
    yield renderer.page(f"{FOLDER}/index.html", "tags.html", tags=listed)
    for tag, shown in zip(tags, listed):
        for briefings, pager in paginate(tag.briefings, renderer.config.paginate_compact, tag.url):
            path = pager["url"] + "index.html"
            if renderer.owns(path):  # views are made only for this process's pages
                yield renderer.page(path, "tag.html", tag=shown, briefings=[briefing_item(d) for d in briefings],
                                    pager=pager)


def changed_pages(renderer: Renderer, archive: Archive) -> list[Page | None] | None:
    """After an edit: none when the edited briefings carry the same tags (the same tags, each of
    as many briefings) and the briefings' items read as before; else None (all made)."""
    assert archive.reach is not None
    return None if archive.reach.tags or lists_reached(archive) else []
