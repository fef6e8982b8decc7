"""read_page on small hand-written pages: metadata hints, safe Markdown, gzipped seeds."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from generator.ingest.article import Seed
from generator.ingest.page import read_page
from generator.ingest.read import read_seed
from generator.problems import ProblemError

BODY = """
<p>The city council voted on Tuesday to expand the northern tram line by four kilometres, a project
that officials say will connect two hospitals and the university campus to the centre.</p>
<p>Construction is expected to begin next spring and last about three years, according to the
transport department, which put the cost at 180 million euros including new vehicles.</p>
<p>Opposition members said the budget was optimistic and asked for an independent review of the
figures before any contracts are signed, a request the mayor said she would consider.</p>
<p>Residents along the route will be consulted in a series of public meetings over the summer, and
the final design will be published before the end of the year on the council's website.</p>
"""


def page(head: str = "", body: str = BODY, lang: str = "en") -> bytes:
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>
<body><header><a href="/">Home</a></header><article>{body}</article>
<footer><p>© 2024 Example Media. All rights reserved.</p></footer></body></html>""".encode()


def read(html: bytes, name: str = "seeds/page.html") -> object:
    return read_page(Seed(path=Path("/site") / name, name=name, sha256="0"), html)


def test_title_drops_site_suffix_and_section_prefix() -> None:
    head = "<title>Council expands tram line to hospitals | City News</title>" \
           '<meta property="og:title" content="Opinion | Council expands tram line to hospitals">' \
           '<meta property="og:site_name" content="City News">'
    assert read(page(head)).hints["title"] == "Council expands tram line to hospitals"


def test_title_drops_the_site_name_its_domain_spells_out() -> None:
    head = ('<title>About bugs – Vortex Cannon Entertainment</title>'
            '<link rel="canonical" href="https://vortexcannon.org/about-bugs/">')
    assert read(page(head)).hints["title"] == "About bugs"


def test_title_prefers_the_h1_that_the_meta_title_contains() -> None:
    head = "<title>Council expands tram line to hospitals - The Daily Example</title>"
    body = "<h1>The Daily Example</h1><h1>Council expands tram line to hospitals</h1>" + BODY
    article = read(page(head, body))
    assert article.hints["title"] == "Council expands tram line to hospitals"
    assert "Council expands tram line" not in article.text  # the headline is not repeated in the body


def test_authors_are_cleaned_and_split() -> None:
    head = '<meta name="author" content="By JANE DOE and Sarah E. Miller, AP Staff Writers">'
    assert read(page(head)).hints["authors"] == ["Jane Doe", "Sarah E. Miller"]


def test_json_ld_authors_skip_the_outlet() -> None:
    ld = {"@type": "NewsArticle", "headline": "Tram line grows",
          "author": [{"@type": "Person", "name": "Ana Lima"}, {"@type": "Person", "name": "City News"},
                     {"@type": "Organization", "name": "City News Group"}],
          "publisher": {"@type": "Organization", "name": "City News"}}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    article = read(page(head))
    assert article.hints["authors"] == ["Ana Lima"]
    assert article.hints["outlet"] == "City News"


def ld_page(*nodes: dict, body: str = BODY) -> bytes:
    return page(f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@graph": list(nodes)})}</script>', body)


def test_json_ld_author_by_reference_is_resolved_through_the_graph() -> None:
    person = {"@type": "Person", "@id": "https://news.example/#/schema/person/1a2b", "name": "Anna Menin"}
    article = {"@type": "Article", "headline": "Tram line grows", "author": {"@id": person["@id"]}}
    assert read(ld_page(article, person)).hints["authors"] == ["Anna Menin"]


def test_a_reference_to_a_user_name_falls_through_to_the_visible_byline() -> None:
    person = {"@type": "Person", "@id": "https://news.example/#author", "name": "kei_eno"}
    article = {"@type": "Article", "headline": "Tram line grows", "author": {"@id": person["@id"]}}
    body = '<p class="byline">By <a rel="author" href="/authors/ana">Ana Lima</a></p>' + BODY
    assert read(ld_page(article, person, body=body)).hints["authors"] == ["Ana Lima"]


def test_a_user_name_is_read_as_trafilatura_tidies_it_when_nothing_else_names_a_writer() -> None:
    person = {"@type": "Person", "@id": "https://news.example/#author", "name": "kei_eno"}
    article = {"@type": "Article", "headline": "Tram line grows", "author": {"@id": person["@id"]}}
    assert read(ld_page(article, person)).hints["authors"] == ["Kei Eno"]


def test_json_ld_byline_field() -> None:
    article = {"@type": "NewsArticle", "headline": "Tram line grows", "byline": "By Ana Lima and Rui Costa"}
    assert read(ld_page(article)).hints["authors"] == ["Ana Lima", "Rui Costa"]


@pytest.mark.parametrize("credit, expected", [
    ({"@type": "Person", "name": "The Associated Press"}, "Associated Press"),
    ("REUTERS", "Reuters"),
    ({"@type": "NewsMediaOrganization", "name": "BBC News"}, "BBC News"),
])
def test_an_agency_or_newsroom_is_the_author_when_no_person_is_named(credit: object, expected: str) -> None:
    article = {"@type": "NewsArticle", "headline": "Tram line grows", "author": credit,
               "publisher": {"@type": "Organization", "name": "BBC News"}}
    assert read(ld_page(article)).hints["authors"] == [expected]


def test_a_person_outranks_an_agency_and_a_credit_that_is_not_a_person_is_left_out() -> None:
    article = {"@type": "NewsArticle", "headline": "Tram line grows",
               "author": [{"@type": "Organization", "name": "Reuters"}, {"@type": "Person", "name": "Ana Lima"},
                          {"@type": "Person", "name": "Sputnik International"}, {"@type": "Person", "name": "The Russian"}]}
    assert read(ld_page(article)).hints["authors"] == ["Ana Lima"]


def test_the_visible_byline_completes_metadata_that_names_only_its_first_writer() -> None:
    head = '<meta name="author" content="Stefan Becket">'
    body = '<p class="content__meta-byline">By Stefan Becket, Kathryn Watson</p>' + BODY
    assert read(page(head, body)).hints["authors"] == ["Stefan Becket", "Kathryn Watson"]


def test_a_year_and_month_in_the_url_are_no_date() -> None:
    head = '<link rel="canonical" href="https://news.example/entertainment/2019/11/tram-line.html">'
    assert "date" not in read(page(head)).hints


def test_a_utc_stamp_after_midnight_is_the_evening_before_the_page_shows() -> None:
    head = '<meta property="article:published_time" content="2019-11-19T01:19:34.819Z">'
    body = '<p class="date">Posted Nov 18, 2019, 8:19 p.m.</p><time datetime="2019-11-18T20:19:00-05:00">Nov 18</time>' + BODY
    article = read(page(head, body))
    assert article.hints["date"] == dt.date(2019, 11, 18)


def test_a_date_written_on_the_page_is_read_when_nothing_else_states_one() -> None:
    body = "<p>Von Anna Berg publiziert am 25. September 2018</p>" + BODY
    assert read(page(body=body)).hints["date"] == dt.date(2018, 9, 25)


def test_date_from_json_ld() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+01:00"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    article = read(page(head))
    assert article.hints["date"] == dt.date(2024, 3, 5)
    assert article.hints["date_source"] == "JSON-LD datePublished"


def test_date_never_comes_from_an_outbound_link() -> None:
    body = BODY + '<p>Earlier: <a href="https://other.example/2019/01/02/older-story">an older story</a> on the plan.</p>'
    head = '<link rel="canonical" href="https://news.example/local/tram-line">'
    assert "date" not in read(page(head, body)).hints


def test_date_from_the_articles_own_url() -> None:
    head = '<link rel="canonical" href="https://news.example/2024/03/05/tram-line">'
    article = read(page(head))
    assert article.hints["date"] == dt.date(2024, 3, 5)
    assert article.hints["date_source"] == "the article's URL"


def test_canonical_url_and_outlet_from_the_domain() -> None:
    head = '<link rel="canonical" href="/local/tram-line"><meta property="og:url" content="https://www.news.example/x">'
    article = read(page(head))
    assert article.hints["url"] == "https://www.news.example/local/tram-line"
    assert article.hints["outlet"] == "news.example"


def test_links_are_resolved_and_listed() -> None:
    body = BODY + '<p>The full plan is on <a href="/docs/tram-plan">the council site</a> for anyone to read.</p>'
    head = '<link rel="canonical" href="https://news.example/local/tram-line">'
    article = read(page(head, body))
    assert "[the council site](https://news.example/docs/tram-plan)" in article.text
    assert any(link.url == "https://news.example/docs/tram-plan" for link in article.links)


def test_non_english_page() -> None:
    body = """<p>Der Stadtrat hat am Dienstag beschlossen, die nördliche Straßenbahnlinie um vier Kilometer
    zu verlängern. Das Projekt soll zwei Krankenhäuser und den Campus der Universität anbinden.</p>
    <p>Die Bauarbeiten sollen im nächsten Frühjahr beginnen und etwa drei Jahre dauern, teilte die
    Verkehrsbehörde mit, die die Kosten auf 180 Millionen Euro schätzt.</p>
    <p>Die Opposition hält das Budget für zu optimistisch und fordert eine unabhängige Prüfung der Zahlen,
    bevor Verträge unterzeichnet werden. Die Bürgermeisterin will den Antrag prüfen.</p>"""
    head = "<title>Straßenbahn wird verlängert – Stadtzeitung</title>"
    article = read(page(head, body, lang="de"))
    assert article.hints["language"] == "de"
    assert "Straßenbahnlinie" in article.text


def test_nothing_executable_reaches_the_text() -> None:
    body = BODY + """
    <script>alert('x')</script><style>p { color: red }</style>
    <iframe src="https://evil.example/frame"></iframe>
    <p onclick="steal()">Council members said &lt;script&gt;alert(1)&lt;/script&gt; was found in a form, and
    <a href="javascript:alert(2)">this link</a> was reported to the city's security team last week.</p>"""
    text = read(page("", body)).text
    lowered = text.lower()
    for bad in ("<script", "<style", "<iframe", "onclick", "javascript:", "alert('x')", "color: red", "steal()"):
        assert bad not in lowered
    assert "this link" in text  # an unsafe link keeps its words, loses its address
    assert "&lt;script>" in text  # text that looks like a tag is escaped


def test_no_indented_code_blocks_or_broken_sentences() -> None:
    body = BODY + """<p>Shares of the builder
            <a href="https://news.example/quote/ABC">ABC Corp</a>
        rose after the vote was announced at the end of the meeting on Tuesday evening.</p>"""
    text = read(page("", body)).text
    assert "Shares of the builder [ABC Corp](https://news.example/quote/ABC) rose after" in text
    assert not any(line.startswith((" ", "\t")) for line in text.splitlines())


def test_related_link_lists_and_furniture_are_removed() -> None:
    body = BODY + """<p><b>Read more:</b> <a href="https://news.example/a">Bus fares to rise in May</a></p>
    <ul><li><a href="https://news.example/b">Bridge repairs delayed again</a></li></ul>"""
    text = read(page("", body)).text
    assert "Bus fares" not in text and "Bridge repairs" not in text
    assert "All rights reserved" not in text


def test_gzipped_page_through_read_seed(tmp_path: Path) -> None:
    path = tmp_path / "seeds" / "story.html.gz"
    path.parent.mkdir()
    path.write_bytes(gzip.compress(page("<title>Council expands tram line | City News</title>")))
    article = read_seed(Seed(path=path, name="seeds/story.html.gz", sha256="0"))
    assert "tram line by four kilometres" in article.text
    assert article.hints["title"] == "Council expands tram line"


def test_a_page_without_text_is_a_problem() -> None:
    with pytest.raises(ProblemError, match="no article text"):
        read(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
