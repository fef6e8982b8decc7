"""Markdown converters chosen per body: syntax a body does not use is left out.

Python-Markdown runs every extension's processors over every body, even when the body has no
table, footnote or attribute list (`extra` alone adds a good share to converting a briefing), and
tries each of its inline patterns on every piece of text, even when the body has no backtick,
image or HTML tag, which most bodies lack. An extension listed in _MARKERS, or an inline pattern listed in
_TRIGGERS, changes nothing in a body without its marker, so a converter without it gives the
same HTML, sooner. The converters are made as bodies need them, one per set.

Block processors are tested on every block: four of them run a regex over it (three searching from
every character, the setext heading's reading its first line). Each is replaced, through the block
parser's registry, by a subclass that first asks whether the block has a character its regex needs.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

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
_PREFIX = "markdown.extensions."


class _QuickHashHeader(HashHeaderProcessor):
    def test(self, parent: Element, block: str) -> bool:
        return "#" in block and super().test(parent, block)


class _QuickBlockQuote(BlockQuoteProcessor):
    def test(self, parent: Element, block: str) -> bool:
        return ">" in block and super().test(parent, block)


class _QuickSetextHeader(SetextHeaderProcessor):
    def test(self, parent: Element, block: str) -> bool:  # a line starting with `=` or `-` under the first
        return ("\n=" in block or "\n-" in block) and super().test(parent, block)


class _QuickHR(HRProcessor):
    def test(self, parent: Element, block: str) -> bool:  # three of `-`, `_` or `*`
        return (block.count("-") >= 3 or block.count("_") >= 3 or block.count("*") >= 3) and super().test(parent, block)


# Python-Markdown's block processors, by the name and priority its block parser registers them
# with (markdown.blockprocessors.build_block_parser), and the quicker subclass of each.
_QUICK: dict[str, tuple[type[BlockProcessor], int, type[BlockProcessor]]] = {
    "hashheader": (HashHeaderProcessor, 70, _QuickHashHeader),
    "setextheader": (SetextHeaderProcessor, 60, _QuickSetextHeader),
    "hr": (HRProcessor, 50, _QuickHR),
    "quote": (BlockQuoteProcessor, 20, _QuickBlockQuote),
}


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
            for name in unused:
                converter.inlinePatterns.deregister(name, strict=False)
            _quick_tests(converter)
        return converter.reset()


def _quick_tests(converter: markdown.Markdown) -> None:
    """Python-Markdown's own block processors replaced by their quicker subclasses; one an
    extension registered in its place is left alone."""
    processors = converter.parser.blockprocessors
    for name, (stock, priority, quick) in _QUICK.items():
        if name in processors and type(processors[name]) is stock:
            processors.register(quick(converter.parser), name, priority)


def _short(extension: str | Extension) -> str | None:
    return extension.removeprefix(_PREFIX) if isinstance(extension, str) else None
