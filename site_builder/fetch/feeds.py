"""RSS and Atom feeds (through feedparser): the links of their entries, with dates."""

from __future__ import annotations

import calendar
import io
from dataclasses import dataclass
from datetime import UTC, datetime

import feedparser

from .urls import BadURL, check_url

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml")


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a feed: its link and when the feed says it was published."""

    url: str
    published: datetime | None


class NotAFeed(ValueError):
    """The bytes are not an RSS or Atom feed."""


def parse_feed(body: bytes, base_url: str = "") -> list[FeedEntry]:
    """The entries of an RSS or Atom feed that link to an http(s) page, in feed order;
    relative links resolve against `base_url`. NotAFeed when it is not a feed."""
    # A file object, never a string: feedparser would fetch a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(body), response_headers={
        "content-location": base_url, "content-type": "application/xml"})
    if not parsed.get("version") and not parsed.entries:
        raise NotAFeed("not an RSS or Atom feed")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = _entry_link(entry)
        if not link:
            continue
        try:
            url = check_url(link)
        except BadURL:
            continue
        if url in seen:
            continue
        seen.add(url)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None
        entries.append(FeedEntry(url, published))
    return entries


def _entry_link(entry: feedparser.FeedParserDict) -> str:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return str(entry.get("link") or "")


def select(entries: list[FeedEntry], since: datetime | None,
           limit: int | None) -> tuple[list[FeedEntry], int]:
    """Entries published on or after `since` (undated ones are left out then), the
    `limit` newest first; also how many undated entries `since` left out."""
    undated = 0
    if since is not None:
        undated = sum(1 for e in entries if e.published is None)
        entries = [e for e in entries if e.published is not None and e.published >= since]
    if limit is not None:
        # Newest first; undated entries keep their feed order after the dated ones.
        ordered = sorted(enumerate(entries), key=lambda item: (
            item[1].published is None,
            -(item[1].published.timestamp() if item[1].published else 0), item[0]))
        entries = [entry for _, entry in ordered[:limit]]
    return entries, undated


def looks_like_feed(body: bytes) -> bool:
    """True when the start of `body` is an RSS, RDF or Atom document."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2:].lstrip()
    while head.startswith(b"<!--") or head.startswith(b"<?"):
        end = head.find(b"-->" if head.startswith(b"<!--") else b"?>")
        if end < 0:
            return False
        head = head[end + 3 if head.startswith(b"<!--") else end + 2:].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))
