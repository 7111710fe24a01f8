"""The article text of an HTML page, block by block, with source lines and reasons.

trafilatura decides what the article is (its container search, link and text
density rules, and its readability/jusText fallbacks); this module splits the same
page into text blocks that carry their 1-based source lines, and marks each block
kept or removed by matching trafilatura's text back onto it. Every removed block
gets a reason named from the kind of element it sits in or the kind of text it is.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass

from lxml import html as lxml_html
from lxml.etree import ParserError, _Element, iterwalk

from ..models import Block

# Elements whose text is never article text.
_SKIP = {"script", "style", "template", "svg", "head", "noscript", "iframe", "object", "math",
         "select", "option", "textarea", "input", "title", "meta", "link"}
# Elements that start a new block of text.
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "br",
}
# Reasons for text left out, by the kind of element around it (nearest first).
_CONTEXT = {
    "nav": "navigation", "header": "page header", "footer": "page footer",
    "aside": "sidebar", "form": "form", "figcaption": "photo caption",
    "figure": "figure or photo caption", "button": "button", "label": "form label",
    "menu": "navigation", "address": "contact details", "caption": "table caption",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
# A block is article text when this share of its shingles is in the extracted article.
_MATCH = 0.5


@dataclass
class _Run:
    """Text collected between two block boundaries."""

    parts: list[str]
    first: int
    last: int
    link_chars: int
    element: _Element


def parse_html(text: str) -> _Element | None:
    """The page as an lxml tree (lines as in `text`), or None when it holds no markup.

    trafilatura's own loader first (its extraction is tuned to the tree it builds),
    then a plain document parse for fragments it declines.
    """
    from trafilatura.utils import load_html

    if not text.strip():
        return None
    tree = load_html(text)
    if tree is not None:
        return tree
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)
    try:
        return lxml_html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (ParserError, ValueError):
        return None


def text_blocks(root: _Element) -> list[tuple[str, tuple[int, ...], _Element, float]]:
    """Every run of text on the page between block boundaries, in reading order.

    Each run comes with its source lines, the element it sits in and its share of
    characters inside links.
    """
    runs: list[tuple[str, tuple[int, ...], _Element, float]] = []
    line = 1
    current: _Run | None = None

    def add(text: str | None, element: _Element, in_link: bool) -> None:
        nonlocal line, current
        if not text:
            return
        stripped = text.strip()
        if stripped:
            start = line + text[: len(text) - len(text.lstrip())].count("\n")
            end = start + stripped.count("\n")
            if current is None:
                current = _Run([], start, end, 0, element)
            current.parts.append(text)
            current.last = end
            if in_link:
                current.link_chars += len(stripped)
        line += text.count("\n")

    def flush() -> None:
        nonlocal current
        if current is not None:
            content = " ".join(" ".join(current.parts).split())
            if content:
                runs.append((content, tuple(range(current.first, current.last + 1)),
                             current.element, current.link_chars / max(len(content), 1)))
            current = None

    # Iterative: hostile pages nest deeper than Python's recursion limit.
    links = 0
    walker = iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if element.sourceline:
                line = max(line, element.sourceline)
            if tag in _BLOCK_TAGS:
                flush()
            if tag in _SKIP or not tag:
                walker.skip_subtree()
                continue
            links += tag == "a"
            add(element.text, element, links > 0)
            continue
        if tag in _SKIP or not tag:
            parent = element.getparent()
        else:
            links -= tag == "a"
            if tag in _BLOCK_TAGS:
                flush()
            parent = element.getparent()
        if parent is not None:
            add(element.tail, parent, links > 0)

    flush()
    return runs


def _shingles(tokens: list[str]) -> list[tuple[str, ...]]:
    return [tuple(tokens[i:i + _SHINGLE]) for i in range(max(1, len(tokens) - _SHINGLE + 1))]


def _extracted(root: _Element) -> tuple[list[str], set[int]]:
    """trafilatura's article for the page: its lines of text and the source lines they hold."""
    from trafilatura import bare_extraction

    result = bare_extraction(copy.deepcopy(root), include_comments=False, with_metadata=False,
                             include_tables=True)
    if result is None or result.body is None:
        return [], set()
    lines = {e.sourceline for e in result.body.iter() if e.sourceline}
    return (result.text or "").split("\n"), lines


def extract_blocks(root: _Element) -> list[Block]:
    """The page's text blocks, the article's kept and everything else marked as debris.

    A block is the article's when most of its 4-word shingles occur in trafilatura's
    text (a block under four words: when it is one of its lines). Each shingle of
    that text backs one block only, and blocks on the source lines trafilatura took
    its elements from claim first, so a teaser repeating the lead is not taken twice.
    """
    runs = text_blocks(root)
    article, article_lines = _extracted(root)
    tokens = [_TOKEN.findall(text) for text in article]
    shingles: Counter[tuple[str, ...]] = Counter(
        s for line in tokens if len(line) >= _SHINGLE for s in _shingles(line))
    whole_lines: Counter[tuple[str, ...]] = Counter(tuple(line) for line in tokens if line)
    keep = [False] * len(runs)
    words = [_TOKEN.findall(run[0]) for run in runs]
    ordered = sorted(range(len(runs)), key=lambda i: not article_lines & set(runs[i][1]))
    for i in ordered:
        if len(words[i]) >= _SHINGLE:
            keep[i] = _take(shingles, _shingles(words[i]), _MATCH)
    # Short blocks (table cells, labels, subheads): one of its lines, or words of it
    # between the first and last long block taken.
    long_kept = [i for i in range(len(runs)) if keep[i]]
    inside = range(long_kept[0], long_kept[-1] + 1) if long_kept else range(0)
    pieces = {tuple(line[i:i + n]) for line in tokens for n in range(1, _SHINGLE)
              for i in range(len(line) - n + 1)}
    for i in range(len(runs)):
        if words[i] and len(words[i]) < _SHINGLE:
            keep[i] = _take(whole_lines, [tuple(words[i])], 1.0) or (
                i in inside and tuple(words[i]) in pieces)
    blocks = []
    for i, (text, lines, element, link_share) in enumerate(runs):
        debris = None if keep[i] else _reason(text, element, link_share)
        blocks.append(_make_block(text, lines, element, debris))
    return blocks


def _take(available: Counter[tuple[str, ...]], wanted: list[tuple[str, ...]],
          share: float) -> bool:
    """Whether enough of `wanted` is available; if so, use those up."""
    found = sum(1 for s in wanted if available[s] > 0)
    if found < share * len(wanted):
        return False
    for s in wanted:
        if available[s] > 0:
            available[s] -= 1
    return True


def _make_block(text: str, lines: tuple[int, ...], element: _Element,
                debris: str | None) -> Block:
    kinds = {a.tag for a in element.iterancestors() if isinstance(a.tag, str)}
    kinds.add(element.tag)
    heading = debris is None and element.tag in _HEADINGS
    bullet = debris is None and "li" in kinds and not heading
    return Block(text=text, lines=lines, bullet=bullet, heading=heading, debris=debris)


def _reason(text: str, element: _Element, link_share: float) -> str:
    """Why a block is not article text, named for the kind of element or text it is."""
    for node in (element, *element.iterancestors()):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _CONTEXT:
            return _CONTEXT[tag]
        if tag in ("article", "main", "body"):
            break
    if link_share >= 0.5:
        return "links (navigation or other articles)"
    if element.tag in _HEADINGS:
        return "heading outside the article"
    if len(_TOKEN.findall(text)) < 10:
        return "short text outside the article"
    return "text outside the article"
