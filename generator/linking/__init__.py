"""The link stage's parts, one job each; generator/link.py composes them into the Archive."""
