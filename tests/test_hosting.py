"""GitHub Pages hosting: site files, briefing metadata, links between briefings, the Pages workflow."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.helpers import NEWSWEEK_SLUG, REPO, SUBPATH_URL, build, output, write_briefing

pytestmark = pytest.mark.cli  # builds the site, runs make and the workflow linters

TOOLS = Path(sys.executable).parent  # check-jsonschema and zizmor come with the test extra
WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"


def json_ld(page: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert found, "no JSON-LD"
    return json.loads(found.group(1))


def meta(page: str, key: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', page)
    assert found, f"no {key} meta"
    return html.unescape(found.group(1))


def test_site_files_under_a_subpath(site):
    build(site, "--base-url", SUBPATH_URL)
    public = site / "public"
    assert (public / ".nojekyll").is_file() and not (public / "CNAME").exists()
    not_found = output(site, "404.html")
    assert 'href="/briefings/static/style.css"' in not_found, "styled from any depth: absolute asset URLs"
    assert 'href="/briefings/">' in not_found and '<meta name="robots" content="noindex">' in not_found
    assert output(site, "robots.txt").endswith(f"Sitemap: {SUBPATH_URL}sitemap.xml\n")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
            for u in ET.fromstring(output(site, "sitemap.xml")).findall("s:url", ns)}
    assert urls[SUBPATH_URL] is None
    assert urls[f"{SUBPATH_URL}briefings/{NEWSWEEK_SLUG}/"] == "2022-03-09"
    assert not any("404" in url for url in urls)


def test_cname_from_site_yaml(site):
    with (site / "site.yaml").open("a") as settings:
        settings.write("cname: news.example.org\n")
    build(site)
    assert output(site, "CNAME") == "news.example.org\n"


def test_briefing_metadata(site):
    build(site, "--base-url", SUBPATH_URL)
    page = output(site, f"briefings/{NEWSWEEK_SLUG}/index.html")
    canonical = f"{SUBPATH_URL}briefings/{NEWSWEEK_SLUG}/"
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert meta(page, "og:url") == canonical and meta(page, "og:type") == "article"
    assert meta(page, "og:title").startswith("More than 12,000 Russian troops killed")
    assert meta(page, "description") == meta(page, "og:description") == meta(page, "twitter:description")
    assert meta(page, "description").startswith("Ukraine's Foreign Ministry said on Wednesday")
    assert meta(page, "twitter:card") == "summary"
    article = json_ld(page)
    assert article["@context"] == "https://schema.org" and article["@type"] == "NewsArticle"
    assert article["headline"] == meta(page, "og:title")
    assert article["datePublished"].startswith("2022-03-09")
    assert article["author"] == [{"@type": "Person", "name": "Jack Dutton"}]
    assert article["publisher"] == {"@type": "Organization", "name": "Ukraine war briefings", "url": SUBPATH_URL}
    assert article["isBasedOn"] == "https://newsweek.com/", "no source.url: the outlet's site"


def test_json_ld_cannot_be_broken_out_of(site):
    title = 'Talks end </script><script>alert("x")</script> & more'
    write_briefing(site, "hostile", f"""
title: '{title}'
date: 2022-03-01
source: {{name: Reuters, url: "https://www.reuters.com/world/talks/"}}
""")
    build(site)
    page = output(site, "briefings/hostile/index.html")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in script and ">" not in script
    article = json_ld(page)
    assert article["headline"] == title
    assert article["isBasedOn"] == "https://www.reuters.com/world/talks/"
    assert article["author"] == {"@type": "Organization", "name": "Reuters"}


def test_links_between_briefings_follow_the_base_path(site):
    write_briefing(site, "target", "title: Target\ndate: 2022-03-01", "## Casualties\n\nText.\n")
    write_briefing(site, "source", "title: Source\ndate: 2022-03-02", (
        "[by file](target.md), [by path](../briefings/target.md#casualties), [by URL](/briefings/target/), "
        "[by slug](target), [home](/), [outside](https://example.com/target.md)\n"))
    (site / "content" / "notes").mkdir()
    write_briefing(site, "../notes/aside", "title: Aside\ndate: 2022-03-03", "[up](../briefings/target.md)\n")
    build(site, "--base-url", SUBPATH_URL, "--strict")
    hrefs = re.findall(r'<a href="([^"]*)">(by|home|outside|up)', output(site, "briefings/source/index.html"))
    assert hrefs == [("/briefings/briefings/target/", "by"), ("/briefings/briefings/target/#casualties", "by"),
                     ("/briefings/briefings/target/", "by"), ("/briefings/briefings/target/", "by"),
                     ("/briefings/", "home"), ("https://example.com/target.md", "outside")]
    assert '<a href="/briefings/briefings/target/">up</a>' in output(site, "notes/aside/index.html")


def test_makefile_passes_the_base_url():
    dry_run = subprocess.run(["make", "-n", "-C", str(REPO), "build", f"BASE_URL={SUBPATH_URL}"],
                             capture_output=True, text=True, check=True).stdout
    assert f"-m generator build --base-url '{SUBPATH_URL}'" in dry_run


def test_pages_workflow_is_valid_and_clean():
    workflow = WORKFLOW.read_text()
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert re.search(re.escape(action) + r"[0-9a-f]{40} ", workflow), f"{action} pinned to a commit"
    assert "BASE_URL: ${{ steps.pages.outputs.base_url }}" in workflow and "run: make build" in workflow
    assert "cache: pip" in workflow
    schema = subprocess.run([TOOLS / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", WORKFLOW],
                            capture_output=True, text=True)
    assert schema.returncode == 0, schema.stdout + schema.stderr
    audit = subprocess.run([TOOLS / "zizmor", "--offline", "--persona=auditor", "--format=json", WORKFLOW],
                           capture_output=True, text=True)
    assert audit.returncode == 0, audit.stdout + audit.stderr
    assert json.loads(audit.stdout) == [], "no findings at all, even informational ones"
