"""One module per kind of page; each has make_pages(renderer, archive) -> pages."""
