"""The article text of an HTML page, block by block, with source lines and reasons.

trafilatura decides what the article is (its container search, link and text
density rules, and its readability/jusText fallbacks), in precision mode; this module
splits the same page into text blocks that carry their 1-based source lines, and marks
each block kept or removed by matching trafilatura's text back onto it. It then leaves
out blocks that are mostly links and takes back prose that precision mode drops between
article blocks. Every removed block gets a reason named from the kind of element it
sits in or the kind of text it is.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from lxml.etree import HTMLParser, ParserError, _Element, fromstring, iterwalk

from ..models import Block
from .html_header import UNNAMED, UNNAMED_SHORT, HeaderHint, mark_header

# Elements whose text is never article text.
_SKIP = frozenset({"script", "style", "template", "svg", "head", "noscript", "iframe",
                   "object", "math", "select", "option", "textarea", "input", "title", "meta",
                   "link"})
# Elements that start a new block of text.
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "br",
})
# Reasons for text left out, by the kind of element around it (nearest first).
_CONTEXT = {
    "nav": "navigation", "header": "page header", "footer": "page footer",
    "aside": "sidebar", "form": "form", "figcaption": "photo caption",
    "figure": "figure or photo caption", "button": "button", "label": "form label",
    "menu": "navigation", "address": "contact details", "caption": "table caption",
}
# Why a block that is mostly link text is left out.
LINKS = "links (navigation or other articles)"
# Control characters libxml2 refuses (trafilatura drops them too); none is a newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
# A block is article text when this share of its shingles is in the extracted article.
_MATCH = 0.5
_URL = re.compile(r"(?:https?://|www\.)\S+$")
# A block this much inside links points elsewhere (unless it shows a URL as text).
_LINKED = 0.8
# Gaps of up to this many blocks between article blocks are filled with their prose
# (blocks of at least _SENTENCE words).
_GAP = 5
_SENTENCE = 10


@dataclass
class TextRun:
    """Text between two block boundaries, with where and inside what it stands."""

    text: str
    lines: tuple[int, ...]
    tag: str  # the block element holding it
    context: str | None  # reason named by the nearest furniture element around it
    in_list: bool
    link_share: float  # share of its characters inside links
    # Positions (in the walk) of the block element holding it and of the one around that.
    holder: int = 0
    container: int = 0
    timed: bool = False  # holds a <time> element


def parse_html(text: str) -> _Element | None:
    """The page as an lxml tree whose elements carry their source lines; None if empty.

    A plain lxml tree, not lxml.html's: building its element proxies for every node
    walked costs more than parsing the page a second time for trafilatura.
    """
    if not text.strip():
        return None
    parser = HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                        huge_tree=True)
    try:
        root = fromstring(_CONTROL.sub("", text).encode("utf-8", "surrogatepass"), parser)
    except (ParserError, ValueError):
        return None
    return root if root is not None and root.getroottree().getroot() is not None else None


def text_blocks(root: _Element) -> list[TextRun]:
    """Every run of text on the page between block boundaries, in reading order."""
    runs: list[TextRun] = []
    line = 1
    parts: list[str] = []
    first = last = link_chars = 0
    timed = False
    tags: list[str] = []  # open elements, outermost first
    blocks: list[str] = ["html"]  # open block elements
    places: list[int] = [0, 0]  # their positions in the walk, for telling siblings apart

    def add(text: str | None, in_link: bool) -> None:
        nonlocal line, first, last, link_chars
        if not text:
            return
        stripped = text.strip()
        if stripped:
            start = line + text[: len(text) - len(text.lstrip())].count("\n")
            if not parts:
                first = start
            parts.append(text)
            last = start + stripped.count("\n")
            if in_link:
                link_chars += len(stripped)
        line += text.count("\n")

    def flush() -> None:
        nonlocal link_chars, timed
        content = " ".join(" ".join(parts).split())
        if content:
            runs.append(TextRun(content, tuple(range(first, last + 1)), blocks[-1],
                                _context(tags), "li" in tags, link_chars / len(content),
                                places[-1], places[-2], timed))
        parts.clear()
        link_chars = 0
        timed = False

    # Iterative: hostile pages nest deeper than Python's recursion limit.
    links = 0
    walker = iterwalk(root, events=("start", "end"))
    for step, (event, element) in enumerate(walker, 1):
        tag = element.tag if isinstance(element.tag, str) else ""
        skipped = tag in _SKIP or not tag
        if event == "start":
            if element.sourceline:
                line = max(line, element.sourceline)
            if skipped:
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                flush()
                blocks.append(tag)
                places.append(step)
            tags.append(tag)
            links += tag == "a"
            timed = timed or tag == "time"
            add(element.text, links > 0)
            continue
        if not skipped:
            if tag in _BLOCK_TAGS:
                flush()
                blocks.pop()
                places.pop()
            tags.pop()
            links -= tag == "a"
        add(element.tail, links > 0)
    flush()
    return runs


def _context(tags: list[str]) -> str | None:
    """The reason named by the nearest furniture element, inside the article's container."""
    for tag in reversed(tags):
        if tag in _CONTEXT:
            return _CONTEXT[tag]
        if tag in ("article", "main", "body"):
            return None
    return None


def _shingles(tokens: list[str]) -> list[tuple[str, ...]]:
    return [tuple(tokens[i:i + _SHINGLE]) for i in range(max(1, len(tokens) - _SHINGLE + 1))]


def _extracted(text: str) -> tuple[list[str], set[int]]:
    """trafilatura's article for the page: its lines of text and the source lines they hold."""
    from trafilatura import bare_extraction

    result = None
    # A fragment without <html> is wrapped on its first line, so lines stay where they are.
    for page in (text, f"<html><body>{text}"):
        result = bare_extraction(page, include_comments=False, with_metadata=False,
                                 include_tables=True, favor_precision=True)
        if result is not None or page.lstrip()[:5].lower() == "<html":
            break
    if result is None or result.body is None:
        return [], set()
    lines = {e.sourceline for e in result.body.iter() if e.sourceline}
    return (result.text or "").split("\n"), lines


def extract_blocks(root: _Element, text: str, meta: dict[str, str]) -> list[Block]:
    """The page's text blocks, the article's kept and everything else marked as debris.

    A block is the article's when most of its 4-word shingles occur in trafilatura's
    text (a block under four words: when it is one of its lines). Each shingle of
    that text backs one block only, and blocks on the source lines trafilatura took
    its elements from claim first, so a teaser repeating the lead is not taken twice.
    """
    runs = text_blocks(root)
    article, article_lines = _extracted(text)
    tokens = [_TOKEN.findall(line) for line in article]
    shingles: Counter[tuple[str, ...]] = Counter(
        s for line in tokens if len(line) >= _SHINGLE for s in _shingles(line))
    whole_lines: Counter[tuple[str, ...]] = Counter(tuple(line) for line in tokens if line)
    keep = [False] * len(runs)
    words = [_TOKEN.findall(run.text) for run in runs]
    ordered = sorted(range(len(runs)), key=lambda i: not article_lines.intersection(runs[i].lines))
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
    _fill_gaps(runs, words, keep)
    blocks = [_block(run, keep[i] and (run.link_share < _LINKED or bool(_URL.match(run.text))))
              for i, run in enumerate(runs)]
    mark_header(blocks, [HeaderHint(run.tag, run.timed) for run in runs], meta)
    return blocks


def _fill_gaps(runs: list[TextRun], words: list[list[str]], keep: list[bool]) -> None:
    """Prose between two article blocks is article text too (trafilatura's precision mode
    drops loose `<div>` and `<br>` text beside paragraphs).

    Only a short gap, and only runs of sentence length, in the same container as the
    article blocks around them (loose text beside `<p>`s, or a `<div>` among them), that
    are neither links nor inside a furniture element.
    """
    kept = [i for i, k in enumerate(keep) if k]
    for before, after in itertools.pairwise(kept):
        if 1 < after - before <= _GAP + 1:
            around = {runs[before].container, runs[after].container}
            for i in range(before + 1, after):
                run = runs[i]
                if len(words[i]) >= _SENTENCE and run.context is None and \
                        run.link_share < 0.5 and run.tag not in _HEADINGS and \
                        around & {run.holder, run.container}:
                    keep[i] = True


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


def _block(run: TextRun, kept: bool) -> Block:
    if not kept:
        return Block(run.text, run.lines, debris=_reason(run))
    heading = run.tag in _HEADINGS
    return Block(run.text, run.lines, bullet=run.in_list and not heading, heading=heading)


def _reason(run: TextRun) -> str:
    """Why a block is not article text, named for the kind of element or text it is."""
    if run.context:
        return run.context
    if run.link_share >= 0.5:
        return LINKS
    if run.tag in _HEADINGS:
        return "heading outside the article"
    if len(_TOKEN.findall(run.text)) < 10:
        return UNNAMED_SHORT
    return UNNAMED
