"""One reader per seed format: plain text as scraped, HTML, Markdown with front matter."""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .. import safe_yaml
from ..dates import normalise_published
from ..errors import SiteError
from ..models import META_FIELDS, Block, RawDocument
from .decode import BinaryFileError, decode
from .fields import is_field
from .html_extract import extract_blocks, parse_html
from .html_meta import html_meta

SEED_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown")
# A live blog runs to a few thousand paragraphs; a seed with more lines or blocks than
# this is a log, a dump or a book, which cleaning and analysis would take minutes over
# (a 60 MB log of short lines, hours) to make one unreadable page of.
MAX_BLOCKS = 10_000
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
    if len(doc.blocks) > MAX_BLOCKS:
        raise SiteError(f"{len(doc.blocks):,} blocks of text, more than any article has "
                        f"({MAX_BLOCKS:,}): not one article", name)
    doc.sha256 = sha
    doc.notes = notes + doc.notes
    return doc


def read_text(text: str, name: str) -> RawDocument:
    """Plain text as scraped: one block per line, or per paragraph when hard-wrapped."""
    lines = text.split("\n")
    blocks = _wrapped_blocks(lines) if _looks_hard_wrapped(lines) else _line_blocks(lines)
    return RawDocument(source_file=name, sha256="", blocks=blocks)


def _line_blocks(lines: list[str]) -> list[Block]:
    return [_block(line if len(line) > MAX_BLOCK_CHARS else _TABS.sub(" | ", line.strip()),
                   (number,))
            for number, line in enumerate(lines, 1)
            if len(line) > MAX_BLOCK_CHARS or line.strip()]


# Tabs inside a line of scraped text separate table cells; kept as " | " so the cleaner
# still sees the cells once whitespace is collapsed.
_TABS = re.compile(r"[ ]*\t[\t ]*")


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

    fields = True  # metadata fields a scraper wrote atop the file are one line each
    for number, line in enumerate(lines, 1):
        if not line.strip():
            flush()
        elif fields and is_field(line.strip()):
            flush()
            current.append((number, line))
            flush()
        else:
            fields = False
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
    notes = []
    if "published" in declared:
        # The date every page and feed shows as ISO 8601; one that is no date is left
        # out with a note, as an HTML page's placeholder date is (nothing is invented).
        iso, problem = normalise_published(meta["published"])
        if iso is None:
            key = re.search(r"^published\s*:", text, re.M)
            line = f" (line {text.count(chr(10), 0, key.start()) + 1})" if key else ""
            notes.append(f"front matter published{line}: {problem} "
                         f"({str(meta['published'])[:40]!r}); no date used")
            del declared["published"]
        else:
            declared["published"] = iso
    url = declared.get("url", "").strip()
    if url and urlsplit(url).scheme.lower() not in ("http", "https"):
        # Pages link only http(s): say so, or the editor looks for a link that never comes.
        key = re.search(r"^url\s*:", text, re.M)
        line = f" (line {text.count(chr(10), 0, key.start()) + 1})" if key else ""
        notes.append(f"front matter url{line} is not an http:// or https:// URL, so pages "
                     f"do not link it ({url[:40]!r})")
    return RawDocument(source_file=name, sha256="", blocks=blocks,
                       meta=declared, passthrough=True, notes=notes)


def _markdown_block(lines: list[tuple[int, str]]) -> Block:
    # Kept as written: the content writer passes Markdown seeds through.
    return Block(text="\n".join(line for _, line in lines), lines=tuple(n for n, _ in lines),
                 markdown=True)


def _text(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# --- HTML ---------------------------------------------------------------------

def read_html(text: str, name: str) -> RawDocument:
    """HTML: every text block with its lines, the article's marked kept; metadata from markup."""
    root = parse_html(text)
    if root is None:
        return RawDocument(source_file=name, sha256="", blocks=[], extracted=True)
    meta, notes = html_meta(root)
    # No paragraph is that long, whatever the extractor made of it.
    blocks = [_block(b.text, b.lines) if len(b.text) > MAX_BLOCK_CHARS else b
              for b in extract_blocks(root, text, meta)]
    return RawDocument(source_file=name, sha256="", blocks=blocks, meta=meta, notes=notes,
                       extracted=True)


_READERS: dict[str, Callable[[str, str], RawDocument]] = {
    ".txt": read_text, ".html": read_html, ".htm": read_html,
    ".md": read_markdown, ".markdown": read_markdown,
}
