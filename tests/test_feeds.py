"""Atom and JSON Feed 1.1 feeds: valid, absolute URLs under the base path, linked from every page."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlsplit

import feedparser

from generator.config.settings import load_config
from generator.content.documents import load_content
from generator.pages.feeds import feed_pages
from generator.render.renderer import Renderer
from tests.helpers import NATIONAL_SLUG, NEWSWEEK_SLUG, SUBPATH_URL, build, output


def test_atom_feed_parses_with_feedparser(site):
    build(site, "--base-url", SUBPATH_URL)
    feed = feedparser.parse(output(site, "feed.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Ukraine war briefings"
    assert feed.feed.link == SUBPATH_URL
    assert [entry.link for entry in feed.entries] == [f"{SUBPATH_URL}briefings/{NATIONAL_SLUG}/",
                                                      f"{SUBPATH_URL}briefings/{NEWSWEEK_SLUG}/"]
    newsweek = feed.entries[1]
    assert newsweek.id == newsweek.link and newsweek.author == "Jack Dutton"
    assert newsweek.published_parsed[:3] == (2022, 3, 9)
    assert newsweek.summary.startswith("Ukraine's Foreign Ministry said on Wednesday")
    assert "Military analysts say" in newsweek.content[0].value


def test_json_feed_has_the_1_1_fields(site):
    """feedparser 6.0 reads no JSON Feed, so the 1.1 fields are checked one by one."""
    build(site, "--base-url", SUBPATH_URL)
    feed = json.loads(output(site, "feed.json"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Ukraine war briefings" and feed["language"] == "en"
    assert feed["home_page_url"] == SUBPATH_URL and feed["feed_url"] == f"{SUBPATH_URL}feed.json"
    assert feed["authors"] == [{"name": "Ukraine war briefings"}]
    assert len(feed["items"]) == 2
    for item in feed["items"]:
        assert item["id"] == item["url"] and item["url"].startswith(f"{SUBPATH_URL}briefings/")
        assert item["title"] and item["content_html"].startswith("<p>")
        dt.datetime.fromisoformat(item["date_published"])  # RFC 3339
        assert all(set(author) == {"name"} for author in item["authors"])


def test_every_page_links_to_the_feeds(site):
    build(site, "--base-url", SUBPATH_URL)
    for path in ("index.html", f"briefings/{NEWSWEEK_SLUG}/index.html", "404.html"):
        page = output(site, path)
        assert 'type="application/atom+xml" title="Ukraine war briefings (Atom)" href="/briefings/feed.xml"' in page
        assert 'type="application/feed+json" title="Ukraine war briefings (JSON Feed)" href="/briefings/feed.json"' in page


def test_feed_pages_for_any_list_of_briefings(site):
    """What an entity page uses: feeds of its own briefings beside it."""
    build(site)
    config = load_config(site / "site.yaml", base_url=SUBPATH_URL)
    documents = [d for d in load_content(config.content_dir).documents if NEWSWEEK_SLUG in d.url]
    atom, json_feed = feed_pages(Renderer(config), "Jack Dutton", "entities/jack-dutton/", documents)
    assert (atom.path, json_feed.path) == ("entities/jack-dutton/feed.xml", "entities/jack-dutton/feed.json")
    parsed = feedparser.parse(atom.text)
    assert not parsed.bozo and parsed.feed.title == "Jack Dutton"
    assert parsed.feed.link == f"{SUBPATH_URL}entities/jack-dutton/"
    assert [e.link for e in parsed.entries] == [f"{SUBPATH_URL}briefings/{NEWSWEEK_SLUG}/"]
    assert json.loads(json_feed.text)["feed_url"] == f"{SUBPATH_URL}entities/jack-dutton/feed.json"


def test_each_entity_has_feeds_linked_from_its_page(site):
    build(site, "--base-url", SUBPATH_URL)
    feed = feedparser.parse(output(site, "people/volodymyr-zelensky/feed.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title.startswith("Volodymyr Zelensky")
    assert {entry.link for entry in feed.entries} == {f"{SUBPATH_URL}briefings/{NATIONAL_SLUG}/",
                                                      f"{SUBPATH_URL}briefings/{NEWSWEEK_SLUG}/"}
    assert json.loads(output(site, "people/volodymyr-zelensky/feed.json"))["version"] == "https://jsonfeed.org/version/1.1"
    page = output(site, "people/volodymyr-zelensky/index.html")
    assert f'href="{urlsplit(SUBPATH_URL).path}people/volodymyr-zelensky/feed.xml"' in page
