"""Markdown converters chosen per body: syntax a body does not use is left out.

Python-Markdown runs every extension's processors over every body, even when the body has no
table, footnote or attribute list (`extra` alone adds about 15% to converting a briefing), and
tries each of its inline patterns on every piece of text, even when the body has no backtick,
image or HTML tag (about 40%). An extension listed in _MARKERS, or an inline pattern listed in
_TRIGGERS, changes nothing in a body without its marker, so a converter without it gives the
same HTML, sooner. The converters are made as bodies need them, one per set.
"""

from __future__ import annotations

import re

import markdown
from markdown import Extension

# What a body must contain for the extension to change anything; "extra" stands for all seven.
_MARKERS = {
    "abbr": re.compile(r"\*\["),
    "attr_list": re.compile(r"\{"),
    "def_list": re.compile(r"^[ \t]*:", re.M),
    "fenced_code": re.compile(r"```|~~~"),
    "footnotes": re.compile(r"\[\^"),
    "md_in_html": re.compile(r"<"),
    "tables": re.compile(r"\|"),
}
_EXTRA = tuple(_MARKERS)
# Python-Markdown's inline patterns, by name: text they can match contains one of these. Tabs and
# carriage returns become spaces and newlines before the patterns run, so they may make a line break.
_TRIGGERS = {
    "backtick": ("`",), "escape": ("\\",), "entity": ("&",),
    "reference": ("[",), "link": ("[",), "short_reference": ("[",),
    "image_link": ("![",), "image_reference": ("![",), "short_image_ref": ("![",),
    "autolink": ("<",), "automail": ("<",), "html": ("<",),
    "linebreak": ("  \n", "\t", "\r"),
    "not_strong": ("*", "_"), "em_strong": ("*",), "em_strong2": ("_",),
}
_PREFIX = "markdown.extensions."


class Converters:
    """`extensions` as site.yaml lists them (names or Extension instances)."""

    def __init__(self, extensions: list[str | Extension]) -> None:
        names = [name for each in extensions
                 for name in (_EXTRA if _short(each) == "extra" else (each,))]
        self._optional = [name for name in dict.fromkeys(names) if _short(name) in _MARKERS]
        self._always = [each for each in names if each not in self._optional]
        self._made: dict[tuple[tuple[str, ...], frozenset[str]], markdown.Markdown] = {}

    def for_body(self, body: str) -> markdown.Markdown:
        """A reset converter with the extensions and inline patterns this body needs."""
        needed = tuple(name for name in self._optional if _MARKERS[_short(name)].search(body))
        unused = frozenset(name for name, triggers in _TRIGGERS.items() if not any(t in body for t in triggers))
        converter = self._made.get((needed, unused))
        if converter is None:
            converter = self._made[needed, unused] = markdown.Markdown(extensions=[*self._always, *needed],
                                                                       output_format="html")
            for name in unused & {pattern.name for pattern in converter.inlinePatterns._priority}:
                converter.inlinePatterns.deregister(name)
        return converter.reset()


def _short(extension: str | Extension) -> str | None:
    return extension.removeprefix(_PREFIX) if isinstance(extension, str) else None
