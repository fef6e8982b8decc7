"""Converters leave out the extensions a body does not use: the HTML must be what all of them make."""

from pathlib import Path

import markdown
import pytest

from generator.render.converters import Converters

EXTENSIONS = ["extra", "sane_lists", "toc", "generator.typography"]
ROOT = Path(__file__).resolve().parent.parent

BODIES = [
    "Plain text, with a [link](https://example.com) and *emphasis* -- and \"quotes\"...\n\n## A heading\n\n- one\n- two\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "A claim.[^1]\n\n[^1]: The source.\n",
    "The NATO summit.\n\n*[NATO]: North Atlantic Treaty Organization\n",
    "Term\n: Its definition\n\n1. item\n\n    Nested\n    : definition in a list\n",
    "```python\nprint('x')\n```\n\n~~~\nplain\n~~~\n",
    "## Heading {#custom-id .wide}\n\nA paragraph.\n{: .note }\n",
    '<div markdown="1">\n*inside*\n</div>\n\n<p>raw <b>html</b></p>\n\nafter\n',
    "At 10:30 the talks resumed: {not an attribute list} | not a table\n",
    "`code` and \\*escaped\\* and &amp; &copy; and ![alt](/img.png) and ![ref][r] and <https://example.com>\n\n[r]: /r.png\n",
    "Mail <someone@example.com>, a line  \nbreak, a tab\t\nbreak, a *star* and _under_ and **both** and __two__ and * lone *\n",
    "Windows\r\nline  \r\nends and <b>html</b> and [short] and [full][] and [x](y)\r\n\r\n[short]: /s\r\n[full]: /f\r\n",
    "Everything: | x | y |\n|--|--|\n| 1 | 2 |\n\nNote[^n] {: .c }\n\n[^n]: n\n\n*[HTML]: markup\n\nHTML <span>x</span>\n",
    # Block processors that test a block only when it has what their regex needs, nested too.
    "Title\n=====\n\nSub\n---\n\n> quoted\n> # heading in a quote\n>\n> Inner\n> -----\n\n- item\n\n    Nested\n    ======\n\n"
    "    > # deep\n\n- - -\n\n* * *\n\n___\n\nText -- with - dashes - here and a #tag\n\n1. one\n2. two\n    ***\n",
]


@pytest.mark.parametrize("body", BODIES + [p.read_text().split("\n---\n", 1)[-1] for p in sorted((ROOT / "content").rglob("*.md"))])
def test_same_html_as_every_extension(body: str) -> None:
    full = markdown.Markdown(extensions=EXTENSIONS, output_format="html")
    assert Converters(EXTENSIONS).for_body(body).convert(body) == full.convert(body)


def test_a_plain_body_gets_no_optional_extension() -> None:
    converters = Converters(EXTENSIONS)
    plain, table = converters.for_body("Just text.\n"), converters.for_body("A | table, `code`?\n")
    assert plain is not table
    assert [("table" in md.parser.blockprocessors, "footnote" in md.treeprocessors, "backtick" in md.inlinePatterns,
             "link" in md.inlinePatterns) for md in (plain, table)] == [(False, False, False, False), (True, False, True, False)]


def test_quick_block_processors_take_the_place_and_order_of_python_markdowns_own() -> None:
    """Replaced through the registry's public API: in the same order, each an instance of the
    processor it stands for, so the parser tries the blocks as Python-Markdown would."""
    body = "# H\n\nT\n===\n\n> q\n\n---\n\n| a |\n|---|\n| 1 |\n"
    extensions = ["tables", "sane_lists", "toc"]  # each one the body needs: the two have the same processors
    quick = list(Converters(extensions).for_body(body).parser.blockprocessors)
    full = list(markdown.Markdown(extensions=extensions, output_format="html").parser.blockprocessors)
    assert len(quick) == len(full) and all(isinstance(q, type(f)) for q, f in zip(quick, full))
    assert sum(type(q) is not type(f) for q, f in zip(quick, full)) == 4
