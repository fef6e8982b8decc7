"""generator.typography: SmartyPants quotes and dashes, the same as Python-Markdown's smarty."""

import markdown
import pytest

SAMPLES = [
    'He said "no" -- twice... and left --- quickly.',
    "Ukraine's 'defence' minister, in the '90s",
    '*"Emphasised"* and "quoted *words*" and "more".',
    '"A paragraph that opens with a quote."\n\n"And another."',
    "- 'list item'\n- \"another\"",
    "> \"Quoted in a blockquote,\" she said.",
    'A [link "title"](https://example.org/a--b "the \'title\'") with "text"',
]


@pytest.mark.parametrize("text", SAMPLES)
def test_matches_smarty(text: str) -> None:
    theirs = markdown.markdown(text, extensions=["extra", "smarty"])
    ours = markdown.markdown(text, extensions=["extra", "generator.typography"])
    assert ours == theirs


def test_a_quote_after_inline_markup_closes() -> None:
    """smarty reads each text node alone, so it opens this quote again; we see the word before."""
    html = markdown.markdown('"quoted *words*"', extensions=["generator.typography"])
    assert html == "<p>&ldquo;quoted <em>words</em>&rdquo;</p>"


def test_code_and_attributes_are_left_alone() -> None:
    html = markdown.markdown('`"code" -- here` and <span title="a--b">"x"</span>',
                             extensions=["generator.typography"])
    assert '<code>"code" -- here</code>' in html
    assert 'title="a--b"' in html
    assert "&ldquo;x&rdquo;" in html


def test_plain_text_gets_the_same_typography_and_is_escaped():
    """The templates' `typography` filter, for titles, summaries and key points."""
    from generator.typography import smarten_plain

    assert smarten_plain("Ukraine's \"war\" -- <b>& more...") == (
        "Ukraine&rsquo;s &ldquo;war&rdquo; &ndash; &lt;b&gt;&amp; more&hellip;")
    assert smarten_plain("Ukraine's war") == markdown.markdown("Ukraine's war", extensions=["generator.typography"])[3:-4]
    from markupsafe import Markup

    assert smarten_plain(Markup("<em>Kyiv's</em> &amp; more")) == "<em>Kyiv&rsquo;s</em> &amp; more"  # HTML: not escaped again
