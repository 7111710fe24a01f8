"""Article Markdown <-> paragraph units with stable anchors (markdown-it-py, raw HTML off)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .models import fast_pickle
from .text import normalise

# Raw HTML in article text is shown as text, never passed through.
_MD = MarkdownIt("commonmark", {"html": False})


@fast_pickle
@dataclass(slots=True, frozen=True)
class Unit:
    kind: str  # "p" | "li" | "h" | "pre"
    text: str
    html: str


def parse_units(body: str) -> list[Unit]:
    """Split a Markdown body into anchorable units: paragraphs, list items, headings, code."""
    return [unit for unit, _ in units_with_lines(body)]


def units_with_lines(body: str) -> list[tuple[Unit, range]]:
    """`parse_units`, each unit with the 0-based lines of `body` it was read from."""
    units: list[tuple[Unit, range]] = []
    tokens = _MD.parse(body)
    open_items = 0
    previous: Token | None = None
    for token in tokens:
        span = range(*token.map) if token.map else range(0)
        if token.type == "list_item_open":
            open_items += 1
        elif token.type == "list_item_close":
            open_items -= 1
        elif token.type == "inline":
            kind = "h" if previous is not None and previous.type == "heading_open" else (
                "li" if open_items else "p")
            text = _plain(token.children or [])
            if text.strip():
                html = _MD.renderer.renderInline(token.children or [], _MD.options, {})
                units.append((Unit(kind, text, html), span))
        elif token.type in ("fence", "code_block") and token.content.strip():
            units.append((Unit("pre", token.content.rstrip("\n"),
                               _MD.utils.escapeHtml(token.content.rstrip("\n"))), span))
        previous = token
    return units


@lru_cache(maxsize=65_536)
def line_units(line: str) -> tuple[tuple[Unit, range], ...]:
    """`units_with_lines` of a one-line Markdown block, once per distinct line in a process
    (copies of one story repeat paragraphs)."""
    return tuple(units_with_lines(line))


def _plain(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def paragraph_ids(texts: list[str]) -> list[str]:
    """Anchor ids from each unit's own text, so editing one unit never moves another's id.

    Identical units within one article get -2, -3 ... in reading order.
    """
    ids: list[str] = []
    seen: dict[str, int] = {}
    for text in texts:
        base = _base_id(text)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


@lru_cache(maxsize=65_536)
def _base_id(text: str) -> str:
    """A unit's id before numbering, once per distinct text in a process (copies of one
    story repeat paragraphs, and a build works out each article's ids when it writes the
    file and again when it loads it)."""
    return "p-" + hashlib.blake2b(normalise(text).encode(), digest_size=4).hexdigest()


def forget_ids() -> None:
    """Drop the per-text caches of units and ids (the build holds on through analysis,
    and the processes it forks would inherit them)."""
    _base_id.cache_clear()
    line_units.cache_clear()


_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>])")
_LINE_START = re.compile(r"^(\s*\d*)([#>+\-=|.)])(?=\s|$)")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape_markdown(text: str) -> str:
    """Make plain article text render as exactly that text, not as Markdown or HTML."""
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
