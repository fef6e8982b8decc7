"""Ingest: raw articles in seeds/ -> Markdown briefings in content/.

read (file -> Article) -> clean (cruft, paragraphs) -> meta/dates/digest (front-matter) -> write.
"""
