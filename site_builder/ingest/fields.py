"""Metadata fields that scrapers write above the article text ("date 2024-03-27", "url: ...")."""

from __future__ import annotations

import re

from ..dates import find_dates, parse_datetime
from ..models import Block

# Field names scrapers and export tools use, mapped to the metadata they carry.
# None: a known field whose value the site does not use (language, tags, ...).
_FIELDS: dict[str, str | None] = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "pubdate": "published",
    "publication date": "published", "published at": "published", "datetime": "published",
    "author": "author", "authors": "author", "byline": "author",
    "url": "url", "link": "url", "canonical": "url", "permalink": "url",
    "source": "source", "outlet": "outlet", "site": "outlet", "site name": "outlet",
    "publisher": "outlet", "publication": "outlet",
    "updated": None, "modified": None, "language": None, "lang": None, "tags": None,
    "keywords": None, "category": None, "section": None, "description": None, "id": None,
    "scraped": None, "fetched": None, "retrieved": None, "crawled": None, "accessed": None,
}
_KEYS = "|".join(sorted((re.escape(k) for k in _FIELDS), key=len, reverse=True))
# "key: value", "key = value", "key<TAB>value", "[key] value" or a bare "key value".
_FIELD = re.compile(rf"^\s*[\[(]?(?P<key>{_KEYS})[\])]?(?P<sep>\s*[:=]|\t|\s)\s*(?P<value>.+)$",
                    re.I)
# A URL, with or without its scheme ("news.example/world/story").
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+/\S*$", re.I)
# A line of only rule characters between the fields and the article ("---", "====").
_RULE = re.compile(r"^[-=_*#~]{3,}$")
# At most this many words in a field's value for a name ("source: The Daily Example").
_NAME_WORDS = 8
_DATE_WORDS = 6


def metadata_prefix(blocks: list[Block]) -> tuple[int, dict[str, str]]:
    """How many leading blocks are metadata fields, and the metadata they clearly state.

    A field counts only at the top of the file, in an unbroken run, and only when its
    value has the right shape: a date that parses, a URL, a short name. A first line
    that merely starts with a field word ("Source of the delay: ...") is not a field.
    """
    found: dict[str, str] = {}
    count = 0
    for block in blocks:
        if _RULE.match(block.text):
            if not count:
                break
            count += 1
            continue
        parsed = _field(block.text)
        if parsed is None:
            break
        key, value = parsed
        if key and key not in found:
            found[key] = value
        count += 1
    return count, found


def is_field(text: str) -> bool:
    """Whether a line reads as one metadata field ("date 2024-03-27", "url: ...")."""
    return _field(text) is not None


def _field(text: str) -> tuple[str | None, str] | None:
    match = _FIELD.match(text)
    if not match:
        return None
    name = " ".join(match.group("key").lower().split())
    value = match.group("value").strip()
    clear = match.group("sep").strip() != "" or match.group("sep") == "\t"
    kind = _FIELDS[name]
    if kind == "published":
        # A date in any common form ("2024-03-27", "27/03/2024", "March 27, 2024"), and
        # little else: a field value, not a sentence that happens to start with "date".
        stamp = parse_datetime(value) if (find_dates(value) or re.search(r"\d", value)) and \
            len(value.split()) <= _DATE_WORDS else None
        return ("published", stamp) if stamp else None
    if kind in ("url", "source") and _URL.match(value):
        return "url", value
    if not clear:
        return None  # "Source of the delay ...": a field word at the start of prose
    if kind == "title":
        return "title", value
    if kind in ("source", "outlet", "author") and len(value.split()) <= _NAME_WORDS:
        return ("outlet" if kind == "source" else kind), value
    if kind is None:
        return None, value
    return None
