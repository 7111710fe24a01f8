"""Where each page lives in the output folder; the one place that decides URLs."""

from __future__ import annotations

import re
from pathlib import Path

from ..models import Ref

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def _checked(slug: str) -> str:
    """The slug itself, when it is one folder name of lower-case letters, digits and dashes."""
    if not _SLUG.fullmatch(slug):
        raise ValueError(f"unsafe slug {slug!r}")
    return slug


def article_path(slug: str) -> str:
    """The output file of an article's page."""
    return f"articles/{_checked(slug)}/index.html"


def topic_path(slug: str) -> str:
    """The output file of a topic's page."""
    return f"topics/{_checked(slug)}/index.html"


def pretty_url(path: str) -> str:
    """The URL a static host serves a page at: `topics/japan/` for `topics/japan/index.html`."""
    return path[: -len("index.html")] if path.endswith("index.html") else path


def safe_join(root: Path, relative: str) -> Path:
    """`root / relative`, refusing anything that would land outside `root`.

    Decided from the path's text (no `..`, not absolute, not empty): every folder under
    `root` is one a build made, so no link inside it leads out, and resolving each of a
    site's tens of thousands of paths on disk cost seconds per build.
    """
    parts = relative.replace("\\", "/").split("/")
    if not relative or relative.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"path {relative!r} escapes the output folder")
    return root / relative


def relative_url(from_path: str, target: str | Ref) -> str:
    """A link from page `from_path` to `target` (a site path or a paragraph), relative.

    Links name index.html explicitly so the site also works from file://.
    """
    up = "../" * from_path.count("/")
    if isinstance(target, Ref):
        return f"{up}{article_path(target.article)}#{target.paragraph}"
    return up + target
