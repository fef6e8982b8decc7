"""Markdown converters chosen per body: syntax a body does not use is left out.

Python-Markdown runs every extension's processors over every body, even when the body has no
table, footnote or attribute list (`extra` alone adds about 15% to converting a briefing), and
tries each of its inline patterns on every piece of text, even when the body has no backtick,
image or HTML tag (about 40%). An extension listed in _MARKERS, or an inline pattern listed in
_TRIGGERS, changes nothing in a body without its marker, so a converter without it gives the
same HTML, sooner. The converters are made as bodies need them, one per set.

Block processors are tested on every block: four of them run a regex over it (three searching from
every character, the setext heading's reading its first line). Each first asks whether the block
has a character its regex needs (_BLOCK_NEEDS).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import markdown
from markdown import Extension
from markdown.blockprocessors import BlockProcessor, BlockQuoteProcessor, HashHeaderProcessor, HRProcessor, \
    SetextHeaderProcessor

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
# What a block must contain for the processor's test to match it: `#` for an ATX heading, `>` for
# a quote, a line starting with `=` or `-` under the first for a setext heading, three of `-`, `_`
# or `*` for a rule.
_BLOCK_NEEDS: dict[type[BlockProcessor], Callable[[str], bool]] = {
    HashHeaderProcessor: lambda block: "#" in block,
    BlockQuoteProcessor: lambda block: ">" in block,
    SetextHeaderProcessor: lambda block: "\n=" in block or "\n-" in block,
    HRProcessor: lambda block: block.count("-") >= 3 or block.count("_") >= 3 or block.count("*") >= 3,
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
            _quick_tests(converter)
        return converter.reset()


def _quick_tests(converter: markdown.Markdown) -> None:
    """Python-Markdown's own block processors test a block only when it has what their regex needs."""
    for processor in converter.parser.blockprocessors:
        needs = _BLOCK_NEEDS.get(type(processor))
        if needs:
            processor.test = lambda parent, block, test=processor.test, needs=needs: needs(block) and test(parent, block)


def _short(extension: str | Extension) -> str | None:
    return extension.removeprefix(_PREFIX) if isinstance(extension, str) else None
