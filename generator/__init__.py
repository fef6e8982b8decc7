"""A static site generator for a news briefing archive.

The build is a one-way pipeline of stages:
seeds -> ingest -> content/*.md -> content (load) -> render -> output (public/).
"""

__version__ = "0.4.1"  # in the keys of the cached Documents and of the build stamp: a new version loads and builds anew
