"""One reader per seed format: plain text as scraped, HTML, Markdown with front matter."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .. import safe_yaml
from ..errors import SiteError
from ..models import META_FIELDS, Block, RawDocument
from .decode import BinaryFileError, decode

SEED_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown")
_BULLET = re.compile(r"^\s*(?:[-*•–▪◦]|\d{1,2}[.)])\s+(?=\S)")


def read_seed(path: Path, name: str) -> RawDocument:
    """Read one seed file into blocks; raises SiteError for unreadable input."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SiteError(f"cannot read: {exc.strerror or exc}", name) from exc
    try:
        text, notes = decode(data)
    except BinaryFileError as exc:
        raise SiteError(str(exc), name) from exc
    sha = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix, read_text)
    doc = reader(text, name)
    doc.sha256 = sha
    doc.notes = notes + doc.notes
    return doc


def read_text(text: str, name: str) -> RawDocument:
    """Plain text as scraped: one block per line, or per paragraph when hard-wrapped."""
    lines = text.split("\n")
    blocks = _wrapped_blocks(lines) if _looks_hard_wrapped(lines) else _line_blocks(lines)
    return RawDocument(source_file=name, sha256="", blocks=blocks)


def _line_blocks(lines: list[str]) -> list[Block]:
    return [_block(line, (number,)) for number, line in enumerate(lines, 1)
            if len(line) > MAX_BLOCK_CHARS or line.strip()]


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped text: lines that run on into the next all end near one column."""
    run_on = [len(a.rstrip()) for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]
    filled = sum(1 for ln in lines if ln.strip())
    if filled < 8 or len(run_on) < filled * 0.5:
        return False
    column = sorted(run_on)[len(run_on) * 3 // 4]
    near = sum(1 for width in run_on if column - 20 <= width <= column + 5)
    return 50 <= column <= 100 and near >= len(run_on) * 0.8


def _wrapped_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []

    def flush() -> None:
        if current:
            text = " ".join(part.strip() for _, part in current)
            blocks.append(_block(text, tuple(n for n, _ in current)))
            current.clear()

    for number, line in enumerate(lines, 1):
        if not line.strip():
            flush()
        else:
            if _BULLET.match(line):
                flush()
            current.append((number, line))
    flush()
    return blocks


# No paragraph is this long: minified code, base64 or a page flattened onto one line.
MAX_BLOCK_CHARS = 20_000


def _block(text: str, lines: tuple[int, ...], debris: str | None = None) -> Block:
    if len(text) > MAX_BLOCK_CHARS:
        return Block(text=" ".join(text[:200].split()), lines=lines,
                     debris=f"overlong line ({len(text):,} characters), not a paragraph")
    text = " ".join(text.split())
    bullet = bool(_BULLET.match(text))
    if bullet:
        text = _BULLET.sub("", text, count=1)
    return Block(text=text, lines=lines, bullet=bullet, debris=debris)


# --- Markdown -----------------------------------------------------------------

# libyaml's C dumper when PyYAML has it (its wheels do): ~10x faster.
YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, name: str) -> tuple[dict, str, int]:
    """Split `---` YAML front matter from a Markdown body.

    Returns the metadata, the body and the number of lines before the body.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0
    try:
        meta = safe_yaml.load(match.group(1)) or {}
    except safe_yaml.YAMLProblem as exc:  # +1: the opening `---` line
        raise SiteError(f"invalid YAML front matter: {exc.problem}", name,
                        exc.line + 1 if exc.line else None, exc.column) from exc
    if not isinstance(meta, dict):
        raise SiteError("front matter must be a mapping of keys to values", name, 2)
    return meta, text[match.end() :], match.group(0).count("\n")


def read_markdown(text: str, name: str) -> RawDocument:
    """Markdown with front matter: metadata from the front matter, body passes through."""
    meta, body, offset = split_front_matter(text, name)
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(body.split("\n"), offset + 1):
        if line.strip():
            current.append((number, line))
        elif current:
            blocks.append(_markdown_block(current))
            current = []
    if current:
        blocks.append(_markdown_block(current))
    declared = {k: _text(meta.get(k)) for k in META_FIELDS if meta.get(k) not in (None, "")}
    return RawDocument(source_file=name, sha256="", blocks=blocks,
                       meta=declared, passthrough=True)


def _markdown_block(lines: list[tuple[int, str]]) -> Block:
    # Kept as written: the content writer passes Markdown seeds through.
    return Block(text="\n".join(line for _, line in lines), lines=tuple(n for n, _ in lines),
                 markdown=True)


def _text(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# --- HTML ---------------------------------------------------------------------

# Elements that hold page furniture rather than article text.
_FURNITURE = {
    "nav": "navigation", "header": "page header", "footer": "page footer",
    "aside": "sidebar", "form": "form", "figure": "figure or photo caption",
    "figcaption": "photo caption", "button": "button", "noscript": "script fallback",
    "iframe": "embedded frame", "select": "form control",
}
_SKIP = {"script", "style", "template", "svg", "head"}
_BLOCKS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "figcaption")


def read_html(text: str, name: str) -> RawDocument:
    """HTML: article text from block elements; headline, byline, date, URL from markup."""
    soup = BeautifulSoup(text, "html.parser")
    meta = _html_meta(soup)
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks: list[Block] = []
    for element in root.find_all(_BLOCKS):
        if element.find(_BLOCKS) is not None:
            continue  # the inner block elements carry the text
        if any(parent.name in _SKIP for parent in element.parents):
            continue
        content = element.get_text(" ", strip=True)
        if not content:
            continue
        start = element.sourceline or 1
        end = start + str(element).count("\n")
        furniture = next((_FURNITURE[p.name] for p in [element, *element.parents]
                          if isinstance(p, Tag) and p.name in _FURNITURE), None)
        block = _block(content, tuple(range(start, end + 1)), debris=furniture)
        if element.name in ("h2", "h3", "h4", "h5", "h6") and not furniture:
            block = Block(block.text, block.lines, heading=True)
        if element.name == "li" and not furniture:
            block = Block(block.text, block.lines, bullet=True)
        blocks.append(block)
    if not any(b.debris is None for b in blocks):
        blocks += _loose_text_blocks(root)
    return RawDocument(source_file=name, sha256="", blocks=blocks, meta=meta)


_BREAKS = {"br", "div", "section", "article", "main", "td", "tr", "table", "hr", "ul", "ol"}


def _loose_text_blocks(root: Tag) -> list[Block]:
    """Text not in paragraph elements (`<div>` text split by `<br>`), one block per run."""
    blocks: list[Block] = []
    parts: list[str] = []
    line = seen = root.sourceline or 1  # text nodes have no line: count from the last tag

    def flush() -> None:
        text = " ".join(" ".join(parts).split())
        if text:
            blocks.append(_block(text, (line,)))
        parts.clear()

    for node in root.descendants:
        if isinstance(node, Tag):
            seen = node.sourceline or seen
            if node.name in _BREAKS:
                flush()
            continue
        if not isinstance(node, NavigableString) or isinstance(node, Comment):
            continue
        parent = node.parent
        if any(p.name in _SKIP or p.name in _FURNITURE for p in [parent, *parent.parents]
               if isinstance(p, Tag)):
            continue
        if node.strip():
            if not parts:
                text = str(node)
                line = seen + text[: len(text) - len(text.lstrip())].count("\n")
            parts.append(str(node))
    flush()
    return blocks


def _html_meta(soup: BeautifulSoup) -> dict[str, str]:
    def meta_content(*keys: str) -> str | None:
        for key in keys:
            tag = (soup.find("meta", attrs={"property": key})
                   or soup.find("meta", attrs={"name": key}))
            if tag and tag.get("content", "").strip():
                return tag["content"].strip()
        return None

    ld = _json_ld_article(soup)
    found: dict[str, str | None] = {
        "title": meta_content("og:title", "twitter:title") or ld.get("headline")
        or _tag_text(soup.find("h1")) or _tag_text(soup.title),
        "author": meta_content("author", "article:author", "byl", "dc.creator")
        or ld.get("author") or _tag_text(soup.find(attrs={"rel": "author"}))
        or _tag_text(soup.find(attrs={"itemprop": "author"})),
        "published": meta_content("article:published_time", "date", "pubdate", "publishdate",
                                  "dc.date", "dc.date.issued") or ld.get("datePublished")
        or _time_attr(soup),
        "url": _canonical(soup) or meta_content("og:url") or ld.get("url"),
        "outlet": meta_content("og:site_name", "application-name") or ld.get("publisher"),
    }
    if found["author"] and found["author"].startswith(("http://", "https://")):
        found["author"] = None  # article:author is often a profile URL, not a name
    if found["author"]:
        found["author"] = re.sub(r"^by\s+", "", found["author"], flags=re.I)
    return {key: " ".join(value.split()) for key, value in found.items() if value}


def _tag_text(tag: Tag | None) -> str | None:
    return tag.get_text(" ", strip=True) or None if tag else None


def _time_attr(soup: BeautifulSoup) -> str | None:
    tag = soup.find("time", attrs={"datetime": True})
    return tag["datetime"].strip() or None if tag else None


def _canonical(soup: BeautifulSoup) -> str | None:
    for link in soup.find_all("link", href=True):
        if "canonical" in (link.get("rel") or []):
            return link["href"].strip() or None
    return None


def _json_ld_article(soup: BeautifulSoup) -> dict[str, str]:
    """The first schema.org *Article in the page's JSON-LD, flattened to strings."""
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data])
        for item in items:
            if isinstance(item, dict) and str(item.get("@type", "")).endswith("Article"):
                return {key: value for key in ("headline", "datePublished", "url", "author",
                                               "publisher")
                        if (value := _ld_name(item.get(key)))}
    return {}


def _ld_name(value: object) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        return _ld_name(value.get("name"))
    return str(value).strip() or None if isinstance(value, str) else None


_READERS: dict[str, Callable[[str, str], RawDocument]] = {
    ".txt": read_text, ".html": read_html, ".htm": read_html,
    ".md": read_markdown, ".markdown": read_markdown,
}
