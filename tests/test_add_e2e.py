"""End to end: `sitebuild add` a feed of five local pages, then `sitebuild build --strict`
builds a digest with their outlets and dates; `sitebuild serve` picks new seeds up."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from add_helpers import LocalSite, Route, article_html, rss, serve
from local_server import free_port, get, wait_for

from site_builder.linkcheck import broken_links

# Five outlets reporting one (invented) story, each in its own words.
OUTLETS = ["River Post", "Valley Times", "Northern Courier", "Harbour Daily", None]
STORY = [
    "Flood water closed the Elm Street bridge in Carrow on {day} after the river rose "
    "{rise} metres overnight, the county council said.",
    "Council engineer Maria Lind said inspectors found damage to two of the bridge's "
    "supports and that the crossing would stay shut for at least {weeks} weeks.",
    "About {homes} homes near the river were evacuated, and the emergency shelter at the "
    "Carrow sports hall took in families through the night.",
    "Local businesses said the detour adds {minutes} minutes to journeys between the "
    "{market} and the railway station.",
    "The council plans to open a temporary footbridge once the water level has fallen, "
    "according to a statement {statement}.",
]
FACTS = [
    {"day": "Monday", "rise": "two", "weeks": "six", "homes": "300", "minutes": "20",
     "market": "the market square", "statement": "published on Tuesday"},
    {"day": "Monday", "rise": "2.1", "weeks": "six", "homes": "320", "minutes": "25",
     "market": "the old market", "statement": "from its transport office"},
    {"day": "Monday", "rise": "two", "weeks": "eight", "homes": "300", "minutes": "30",
     "market": "the town centre", "statement": "issued late on Monday"},
    {"day": "Monday night", "rise": "two", "weeks": "six", "homes": "about 300",
     "minutes": "15", "market": "the high street", "statement": "seen by this newspaper"},
    {"day": "Monday", "rise": "nearly two", "weeks": "six", "homes": "300", "minutes": "35",
     "market": "the harbour", "statement": "read out at a meeting"},
]


@pytest.fixture()
def local() -> Iterator[LocalSite]:
    yield from serve(LocalSite())


def _story_feed(local: LocalSite) -> tuple[str, list[str], list[datetime]]:
    """Five article pages and an RSS feed of them; the first four pages state their
    date, the fifth leaves it to the feed."""
    urls, dates = [], []
    for n, (outlet, facts) in enumerate(zip(OUTLETS, FACTS, strict=True)):
        when = datetime(2024, 3, 4 + n, 8, 15, tzinfo=UTC)
        paragraphs = [p.format(**facts) for p in STORY]
        shown = when.isoformat() if n < 4 else None
        urls.append(local.page(f"/{n}/carrow-bridge-closed", article_html(
            f"Carrow bridge closed after flood ({n + 1})", outlet, paragraphs, shown)))
        dates.append(when)
    local.routes["/feed.xml"] = Route(body=rss(list(zip(urls, dates, strict=True))),
                                      content_type="application/rss+xml")
    return local.url("/feed.xml"), urls, dates


def _sitebuild(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "site_builder", *args],
                          capture_output=True, text=True, timeout=300)


def test_add_a_feed_then_build_strict(local: LocalSite, tmp_path: Path):
    site = tmp_path / "site"
    feed, _, dates = _story_feed(local)
    added = _sitebuild("add", "--site", str(site), "--allow-private", "--delay", "0", feed)
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "added 5 articles to seeds/"
    built = _sitebuild("build", "--site", str(site), "--strict", "--quiet")
    assert built.returncode == 0, built.stderr
    digest = json.loads((site / "output" / "digest.json").read_text())
    articles = {a["url"]: a for a in digest["articles"]}
    assert len(articles) == 5
    by_source = {(a["outlet"], a["published"][:10]) for a in articles.values()}
    hosts = "127.0.0.1"
    assert by_source == {(outlet or hosts, d.date().isoformat())
                         for outlet, d in zip(OUTLETS, dates, strict=True)}
    for article in digest["articles"]:
        assert len(article["paragraphs"]) == len(STORY), article["source_file"]
    assert broken_links(site / "output") == []








def test_serve_picks_up_added_seeds(local: LocalSite, tmp_path: Path):
    site = tmp_path / "site"
    feed, _, _ = _story_feed(local)
    first = _sitebuild("add", "--site", str(site), "--allow-private", "--delay", "0",
                       "--limit", "2", feed)
    assert first.returncode == 0, first.stderr
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "site_builder", "serve", "--site", str(site), "--port",
         str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: get(base) is not None or process.poll() is not None, 90,
                 "the preview server")
        assert process.poll() is None

        def articles() -> int:
            return len(json.loads(get(base + "digest.json") or '{"articles": []}')["articles"])

        assert articles() == 2
        more = _sitebuild("add", "--site", str(site), "--allow-private", "--delay", "0", feed)
        assert more.returncode == 0, more.stderr
        wait_for(lambda: articles() == 5, 90, "the rebuilt digest with five articles")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
