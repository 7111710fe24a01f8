"""Check that every internal link and #anchor of a built site resolves."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

# Attributes of the pages we write (any quote style). A regular expression is ~20x
# faster than an HTML parser here, and the pages come from our own templates.
_ATTRIBUTE = re.compile(r"""<(\w+)|\s(id|href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


def _parse(path: Path) -> _Page:
    page = _Page()
    tag = ""
    for match in _ATTRIBUTE.finditer(path.read_text(encoding="utf-8")):
        if match.group(1):
            tag = match.group(1).lower()
            continue
        value = html.unescape(match.group(3) if match.group(3) is not None else match.group(4))
        if match.group(2) == "id":
            page.ids.add(value)
        elif not (tag == "a" and match.group(2) == "src"):
            page.links.append(value)
    return page


def broken_links(root: Path) -> list[str]:
    """`page: link` for every internal link or anchor in `root` that does not resolve."""
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    folders = {posixpath.dirname(f) for f in files}
    pages = {f: _parse(root / f) for f in sorted(files) if f.endswith(".html")}
    problems: list[str] = []
    for page, parsed in pages.items():
        base = posixpath.dirname(page)
        for link in parsed.links:
            if ":" in link.split("/", 1)[0] or link.startswith("//"):
                continue  # external (a scheme) or protocol-relative
            path, _, fragment = link.partition("#")
            path = path.partition("?")[0]
            target = page
            if path:
                target = posixpath.normpath(posixpath.join(base, unquote(path)))
                if path.endswith("/") or target in folders:
                    target = posixpath.join(target, "index.html")
            if target not in files:
                problems.append(f"{page}: broken link {link}")
            elif fragment and target.endswith(".html") and \
                    unquote(fragment) not in pages[target].ids:
                problems.append(f"{page}: missing anchor {link}")
    return problems
