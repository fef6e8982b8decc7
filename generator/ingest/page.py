"""Saved web pages -> Articles: trafilatura finds the article, our layers tidy what it keeps.

trafilatura (Markdown output, links kept, comments left out) picks the article body; its
favor_precision mode is not used, as on some pages it keeps one paragraph of a whole story. It is weakest at the edges of an article, so the layers here remove the
headline and standfirst it repeats, related-story link lists, headings left with nothing
under them and standing page furniture (copyright lines, "Comments"), and make its
Markdown safe: no raw HTML, links only to http(s) and mailto, no accidental code blocks.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import py3langid
import trafilatura
from lxml.html import HtmlElement

from generator.ingest.article import Article, Link, Seed
from generator.text.markdown_text import plain
from generator.ingest.page_meta import read_meta
from generator.problems import Problem, ProblemError

# A link starts at an unescaped "[", and neither its text nor its address holds another: from each
# "[" of many (nested, or unclosed) a search would otherwise run to the end of the text.
_LINK = re.compile(r"(!?)(?<!\\)\[((?:\\.|[^\[\]\\])*)\]\(([^)\s\[]*)\)")
# Hover cards repeat a link to the same address right after it: "[Ilhan Omar](u)[Ilhan Omar](u)".
_REPEATED_LINK = re.compile(r"((?<!\\)\[(?:\\.|[^\[\]\\])*\]\(([^)\s\[]*)\))(?:\[(?:\\.|[^\[\]\\])*\]\(\2\))+")
_BLOCK_START = re.compile(r"^(?:[-*+] |\d+[.)] |#{1,6} |\||>)")
_HEADING = re.compile(r"^#{1,6} ")
_INLINE_TAG = re.compile(r"</?(?:u|ins|mark|span|small|sup|sub|b|i|em|strong|font)\b[^>]*>", re.I)
_RAW_TAG = re.compile(r"\\?<(?=[A-Za-z/!?])")
_LABEL = re.compile(r"^[\s*_]*[\w’' .-]{1,30}:[\s*_]*")  # "**Read more:**" before a link
_FURNITURE = re.compile(
    r"^[\s*_#]*(?:©|\(c\)\s|copyright\b|all rights reserved|comments?$|comments are closed|source:|filed under|tags?:"
    r"|share (?:this|on)\b|print article$|order reprints$|you may also like|related (?:posts?|articles?|stories|coverage)\b"
    r"|most read\b|popular on\b|more:$|see also\b|https?://\S+$)",
    re.I,
)
_SHOWN_URL = re.compile(r"(?:https?://|www\.)\S+$")  # a link showing its address is content, not a related list
_SAFE_SCHEMES = ("http", "https", "mailto")
_MIN_LANGUAGE_TEXT = 200
_HEADLINE_WORDS = 25


def read_page(seed: Seed, raw: bytes) -> Article:
    tree = trafilatura.load_html(raw)
    if tree is None:
        raise ProblemError(Problem(seed.path, "not a readable HTML page"))
    hints = read_meta(tree)
    markdown = _extract(tree, str(hints.get("url") or ""))
    text, links = polish(markdown, str(hints.get("url") or ""), str(hints.get("title") or ""))
    if not text:
        raise ProblemError(Problem(seed.path, "no article text found in the page"))
    if language := _language(text, tree):
        hints["language"] = language
    return Article(seed, text, links, hints)


def _extract(tree: HtmlElement, url: str) -> str:
    return trafilatura.extract(
        tree, url=url or None, output_format="markdown", include_links=True, include_comments=False, with_metadata=False,
    ) or ""


def polish(markdown: str, base_url: str, title: str) -> tuple[str, list[Link]]:
    """trafilatura's Markdown -> safe, tidy Markdown and the links it keeps."""
    blocks = [_lines(block) for block in re.split(r"\n[ \t]*\n", markdown)]
    blocks = [[line for line in block if not _is_furniture(line)] for block in blocks]
    blocks = _drop_headline(blocks, title)
    blocks = _drop_empty_headings(blocks)
    links: list[Link] = []
    text = "\n\n".join("\n".join(_safe_line(line, base_url, links) for line in block) for block in blocks if block)
    return text, links


def _lines(block: str) -> list[str]:
    """A block's lines, rejoined where trafilatura broke a sentence around an inline element.

    Such breaks carry the page's indentation; a <br> break has none. Leading spaces go, so
    nothing becomes an indented code block.
    """
    lines: list[str] = []
    previous = ""
    for raw in block.split("\n"):
        line = raw.strip()
        if not line:
            continue
        broken = raw[:1].isspace() or previous[-1:].isspace()
        if lines and broken and not _BLOCK_START.match(line) and not _HEADING.match(lines[-1]):
            lines[-1] += " " + line
        else:
            lines.append(line)
        previous = raw
    return lines


def _is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line)) or _is_link_list(line)


def _is_link_list(line: str) -> bool:
    """A line that is nothing but headline-length links, perhaps after a label ("Read more:"):
    a related-stories list. A whole paragraph made a link (deal posts do it) is kept."""
    labels = [plain(found[2]) for found in _LINK.finditer(line)]
    if not labels or any(len(label.split()) > _HEADLINE_WORDS or _SHOWN_URL.match(label) for label in labels):
        return False
    rest = _LABEL.sub("", _LINK.sub(" ", line))
    return len(re.findall(r"\w+", rest)) <= 1


def _drop_headline(blocks: list[list[str]], title: str) -> list[list[str]]:
    """Remove the headline trafilatura repeats at the top, what sits above it (kicker,
    section link) and the standfirst headings right below it: the title is shown apart."""
    flat = [(b, i) for b, block in enumerate(blocks) for i in range(len(block))]
    target = _words(title)
    for position, (b, i) in enumerate(flat[:4]):
        if target and _words(blocks[b][i]) == target:
            end = position + 1
            while end < len(flat) and _HEADING.match(blocks[flat[end][0]][flat[end][1]]):
                end += 1
            drop = set(flat[:end])
            return [[line for i, line in enumerate(block) if (b, i) not in drop] for b, block in enumerate(blocks)]
    return blocks


def _words(line: str) -> str:
    return " ".join(re.findall(r"\w+", plain(line).casefold()))


def _drop_empty_headings(blocks: list[list[str]]) -> list[list[str]]:
    """A heading with no text under it (followed by another heading or by the end) is a
    widget title ("Most popular", "Sign up"), not a section of the article."""
    result: list[list[str]] = []
    next_is_text = False
    for block in reversed(blocks):
        kept = []
        for line in reversed(block):
            if _HEADING.match(line):
                if not next_is_text:
                    continue
                next_is_text = False
            else:
                next_is_text = True
            kept.append(line)
        result.append(kept[::-1])
    return result[::-1]


def _safe_line(line: str, base_url: str, links: list[Link]) -> str:
    """Resolve links, keep only safe ones (others become their text), escape raw HTML."""

    def link(found: re.Match[str]) -> str:
        bang, label, url = found.groups()
        url = urljoin(base_url, url) if base_url else url
        if bang or urlsplit(url).scheme.lower() not in _SAFE_SCHEMES or not plain(label):
            return label if not bang else ""
        links.append(Link(plain(label), url))
        return f"[{label}]({url})"

    line = _REPEATED_LINK.sub(r"\1", _INLINE_TAG.sub("", line))
    line = _RAW_TAG.sub("&lt;", line)
    return _LINK.sub(link, line)


def _language(text: str, tree: HtmlElement) -> str | None:
    """Detected from the text when there is enough of it, else the page's lang attribute."""
    body = plain(text)
    if len(body) >= _MIN_LANGUAGE_TEXT:
        return py3langid.classify(body[:3000])[0]
    declared = (tree.get("lang") or "").split("-")[0].strip().lower()
    return declared or None
