"""URLs: which are accepted, when two are the same, and safe seed file names from them."""

from __future__ import annotations

import unicodedata
from collections.abc import Container
from urllib.parse import urlsplit, urlunsplit

from slugify import slugify

SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Room for "-99" and ".html" inside the 255-byte name limit of common file systems.
_MAX_STEM = 80


class BadURL(ValueError):
    """Not an absolute http(s) URL."""


def check_url(url: str) -> str:
    """The URL without its fragment, or BadURL when it is not an absolute http(s) URL."""
    url = url.strip()
    if any(unicodedata.category(c) == "Cc" for c in url):
        # Never part of a real URL (they are percent-encoded); on a terminal, an escape.
        raise BadURL("not a valid URL (a control character in it)")
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a port out of range or not a number
    except ValueError as exc:
        raise BadURL(f"not a valid URL ({exc})") from exc
    if parts.scheme.lower() not in SCHEMES:
        raise BadURL("not an http(s) URL")
    if not parts.hostname:
        raise BadURL("no host in the URL")
    if parts.username is not None or parts.password is not None:
        # It would be recorded in sources.yml and published as the article's link.
        raise BadURL("a URL with a user name or password in it")
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))


def same_url_key(url: str) -> str:
    """A key equal for URLs that name the same page (case of scheme and host, default
    port, fragment); used to recognise a URL that was already added."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    """The host name of a URL, lower case, without a leading `www.`."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def seed_name(url: str, taken: Container[str], suffix: str = ".html") -> str:
    """A readable file name for a seed from its URL (host and path, slugified), never one
    in `taken` (lower-case names, as file systems may ignore case): `-2`, `-3` … is
    added until the name is free."""
    parts = urlsplit(url)
    words = f"{host_of(url)} {parts.path} {parts.query}"
    stem = slugify(words, max_length=_MAX_STEM, word_boundary=True, save_order=True) or "page"
    stem = stem.removesuffix("-html").removesuffix("-htm") or "page"
    name = f"{stem}{suffix}"
    number = 2
    while name.lower() in taken:
        name = f"{stem}-{number}{suffix}"
        number += 1
    return name
