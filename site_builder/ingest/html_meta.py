"""Metadata an HTML page declares: headline, author, date, canonical URL, outlet.

Structured data (JSON-LD) comes first where it names a person or a date, then
Open Graph and other meta tags, then visible markup. Values are checked before they
are used: an author is a name (no URL, weekday or date in it), a date is ISO 8601
inside a sane window, and JSON-LD of any shape is read without failing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from lxml.etree import _Element

from ..dates import WEEKDAYS, normalise_timestamp

# JSON-LD types that describe the article itself.
_ARTICLE_TYPE = re.compile(r"(?:Article|BlogPosting|Posting|Report)$")
# How deep JSON-LD is searched for the article item: real pages nest two or three levels.
_MAX_DEPTH = 6
_MAX_ITEMS = 500
_MONTH_WORDS = ("january|february|march|april|may|june|july|august|september|october|"
                "november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")
# Date and time words glued onto a byline name ("Jane Doe Monday", "Jane Doe, Updated 3 May").
_DATE_WORDS = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    rf"{_MONTH_WORDS}|today|yesterday|updated|published|posted|am|pm|a\.m\.|p\.m\.|"
    r"gmt|utc|[ap]\.?m\.?)\b\.?|\d[\d:/.,-]*", re.I)
_BY = re.compile(r"^\s*(?:by|written by|words by|author:?)\s+", re.I)
# The value of the first of the given <meta> names that the page has.
_MetaLookup = Callable[..., str | None]


def html_meta(root: _Element) -> tuple[dict[str, str], list[str]]:
    """The page's metadata fields, and warnings about values found and ignored."""
    notes: list[str] = []
    metas = _meta_tags(root)
    ld = _json_ld_article(root)

    def meta(*keys: str) -> str | None:
        return next((metas[k] for k in keys if metas.get(k)), None)

    found: dict[str, str | None] = {
        "title": meta("og:title", "twitter:title") or _ld_text(ld.get("headline"))
        or _element_text(root, "//h1") or _element_text(root, "//title"),
        "author": _author(root, ld, meta),
        "published": _published(root, ld, meta, notes),
        "url": _canonical(root) or meta("og:url") or _ld_text(ld.get("url")),
    }
    found["outlet"] = (meta("og:site_name", "application-name")
                       or _ld_name(ld.get("publisher")) or _host(found["url"]))
    return {key: " ".join(value.split()) for key, value in found.items() if value}, notes


def _meta_tags(root: _Element) -> dict[str, str]:
    """`<meta>` values by lower-cased property or name; the first of each wins."""
    values: dict[str, str] = {}
    for tag in root.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        content = (tag.get("content") or "").strip()
        if key and content and key not in values:
            values[key] = content
    return values


def _element_text(root: _Element, path: str) -> str | None:
    found = root.xpath(path)
    return " ".join("".join(found[0].itertext()).split()) or None if found else None


def _canonical(root: _Element) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href").strip() or None
    return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


# --- author ---------------------------------------------------------------------

def _author(root: _Element, ld: dict, meta: _MetaLookup) -> str | None:
    """A person's name: JSON-LD's author, then meta tags, then byline markup."""
    candidates = [
        _ld_name(ld.get("author"), people_only=True),
        meta("author", "article:author", "dc.creator", "parsely-author", "sailthru.author"),
        _ld_name(ld.get("author")),
        _element_text(root, "//*[@rel='author']"),
        _element_text(root, "//*[@itemprop='author']"),
    ]
    for candidate in candidates:
        name = clean_name(candidate)
        if name:
            return name
    return None


def clean_name(value: str | None) -> str | None:
    """A byline name without "By", URLs, weekdays, dates or times; None if nothing is left."""
    if not value or re.match(r"\s*(?:https?://|www\.)", value):
        return None
    value = _BY.sub("", value)
    # What follows a separator in a byline is a date, place or role, not the name.
    value = re.split(r"\s+[|•·–—]\s+|\s*\|\s*", value)[0]
    value = _DATE_WORDS.sub(" ", value)
    value = " ".join(value.split()).strip(" ,;:-–—/")
    return value if re.search(r"\w", value) else None


# --- date -----------------------------------------------------------------------

def _published(root: _Element, ld: dict, meta: _MetaLookup, notes: list[str]) -> str | None:
    """The first publication date that is a real date, as ISO 8601."""
    times = [t.get("datetime") for t in root.iter("time") if t.get("datetime")]
    candidates = [
        _ld_text(ld.get("datePublished")),
        meta("article:published_time", "datepublished", "date", "pubdate", "publishdate",
             "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date"),
        _ld_text(ld.get("dateCreated")),
        times[0] if times else None,
    ]
    for value in candidates:
        if not value:
            continue
        stamp, problem = normalise_timestamp(value)
        if stamp:
            return stamp
        notes.append(f"publication date {value[:40]!r} ignored: {problem}")
    return None


# --- JSON-LD --------------------------------------------------------------------

def _json_ld_article(root: _Element) -> dict:
    """The first schema.org article item in the page's JSON-LD, or {}."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and _ARTICLE_TYPE.search(k) for k in kinds):
                return item
    return {}


def _ld_items(data: object) -> list[dict]:
    """Every mapping in JSON-LD, through lists and @graph, breadth first, bounded."""
    items: list[dict] = []
    level = [data]
    for _ in range(_MAX_DEPTH):
        following: list[object] = []
        for value in level:
            if isinstance(value, dict):
                items.append(value)
                following.append(value.get("@graph"))
            elif isinstance(value, list):
                following.extend(value[:_MAX_ITEMS])
        level = following
        if not level or len(items) > _MAX_ITEMS:
            break
    return items


def _ld_text(value: object) -> str | None:
    """A JSON-LD value as text: a string, or the first string of a list."""
    if isinstance(value, list):
        return next((t for t in map(_ld_text, value[:_MAX_ITEMS]) if t), None)
    if isinstance(value, dict):
        return _ld_text(value.get("@value") or value.get("@id"))
    return value.strip() or None if isinstance(value, str) else None


def _ld_name(value: object, people_only: bool = False, depth: int = 0) -> str | None:
    """Names from a JSON-LD person, organisation or list of them, joined by commas."""
    if depth > _MAX_DEPTH:
        return None
    if isinstance(value, list):
        names = [n for v in value[:_MAX_ITEMS] if (n := _ld_name(v, people_only, depth + 1))]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        kind = value.get("@type")
        if people_only and kind is not None and kind != "Person" and not (
                isinstance(kind, list) and "Person" in kind):
            return None
        return _ld_name(value.get("name"), people_only, depth + 1)
    return value.strip() or None if isinstance(value, str) else None
