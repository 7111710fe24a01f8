"""The name readers see for a source: never a file name.

One fallback chain, used wherever a source is named: the outlet (from
`seeds/sources.yml` or the page's own metadata, merged at ingest), the host of its
original URL, a readable form of its file name, else "Source N".
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .models import Article

# A file-name word that is an identifier rather than a word: a hash or a number.
_ID_WORD = re.compile(r"(?=.*\d)[0-9a-f]{6,}|\d+", re.IGNORECASE)


def readable_file_name(name: str | None) -> str | None:
    """`wire_harbour-strike.txt` -> "Wire Harbour Strike"; None when the name is
    only identifiers (numbers, hashes), which would mean nothing to a reader."""
    if not name:
        return None
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = [w for w in re.split(r"[\s_.\-]+", stem) if w and not _ID_WORD.fullmatch(w)]
    # A lone letter is an ordering mark ("a_northern.txt"), unless it is all there is.
    words = [w for w in words if len(w) > 1] or words
    if not words:
        return None
    return " ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in words)


def url_host(url: str | None) -> str | None:
    """The host of an http(s) URL without `www.`, or None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.removeprefix("www.")


def source_name(article: Article, number: int) -> str:
    """What to call `article` (the `number`th source) in front of readers."""
    return (article.outlet or url_host(article.url) or readable_file_name(article.source_file)
            or f"Source {number}")
