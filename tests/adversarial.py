"""Adversarial inputs for bounded-work tests: text shaped to make a backtracking regex, or a loop
over sentences, words or matches, take time quadratic (or worse) in its length.

Each maker takes a size in characters and returns text of about that size, so a test can time a
function at one size and at several times that size and compare."""

from __future__ import annotations

from collections.abc import Callable

_REALISTIC = (
    "Ukraine's defence minister estimated on Thursday that Russia had lost 14,000 troops, "
    "and Oleksii Reznikov said 450 tanks were destroyed, according to the ministry. "
    "“The fate of the people of Ukraine moves us deeply,” Chancellor Olaf Scholz said in Berlin. "
)


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * max(1, size // len(unit))


def _nested(opening: str, closing: str) -> Callable[[int], str]:
    return lambda size: opening * (size // 2) + closing * (size // 2)


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "one long word": _repeat("a"),
    "one long capitalised word": lambda size: "A" + "b" * (size - 1),
    "a line of punctuated words, no spaces": _repeat("Word,said.THAT;(x)'s-"),
    "a line of digits and commas": _repeat("1,000,"),
    "spaces": _repeat(" "),
    "blank lines": _repeat("\n"),
    "capitalised words": _repeat("Alpha Beta "),
    "capitalised words with connectors": _repeat("Ministry of the Defence "),
    "capitalised words with possessives": _repeat("Russia's Kyiv’s "),
    "lowercase words": _repeat("the talks "),
    "many commas": _repeat("word, "),
    "many numbers": _repeat("12 troops 3 "),
    "repeated said": _repeat("said "),
    "repeated Officials said that": _repeat("Officials said that "),
    "repeated according to": _repeat("according to "),
    "repeated when phrases": _repeat("On Monday, "),
    "repeated dates": _repeat("March 3, 2022 "),
    "repeated By names": _repeat("By Anna Smith and "),
    "repeated bio openings": _repeat("About the writer Anna Smith\n"),
    "nested parentheses": _nested("(", ")"),
    "nested brackets": _nested("[", "]"),
    "nested curly quotes": _nested("“", "”"),
    "straight quotes": _repeat('"'),
    "unclosed quote": lambda size: "“" + "word " * (size // 5),
    "markdown markers": _repeat("*_`\\"),
    "link openings": _repeat("[a]("),
    "html-like openings": _repeat("<a "),
    "urls": _repeat("https://example.com/2022/03/03/a "),
    "one long url": lambda size: "https://" + "a" * size,
    "emails": _repeat("a@b.c "),
    "a long sentence of clauses": _repeat("officials said 12 troops were killed, and "),
    "realistic text, one paragraph": _repeat(_REALISTIC),
    "realistic text, paragraphs": _repeat(_REALISTIC + "\n"),
}
