"""Check that every internal link and #anchor of a built site resolves."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in ("href", "src") and not (tag == "a" and name == "src"):
                self.links.append(value)


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def broken_links(root: Path) -> list[str]:
    """`page: link` for every internal link or anchor in `root` that does not resolve."""
    pages = {p.relative_to(root).as_posix(): _parse(p) for p in sorted(root.rglob("*.html"))}
    problems: list[str] = []
    for page, parsed in pages.items():
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue  # external
            target = page
            if parts.path:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page),
                                                           unquote(parts.path)))
                if link.endswith("/") or (root / target).is_dir():
                    target = posixpath.join(target, "index.html")
            if target.startswith("../") or not (root / target).is_file():
                problems.append(f"{page}: broken link {link}")
                continue
            if parts.fragment and target.endswith(".html"):
                ids = pages[target].ids if target in pages else set()
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{page}: missing anchor {link}")
    return problems
