"""The link stage's parts, one job each; generator/linking/archive.py composes them into the Archive."""
