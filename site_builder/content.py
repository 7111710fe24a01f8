"""The editorial layer: `content/articles/<slug>.md`, written from seeds and loaded for analysis.

Each generated file carries a checksum of itself. A file whose text no longer
matches its checksum was edited by hand: the build keeps it and uses it, and
never overwrites it unless asked to with --force (which keeps a backup).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from slugify import slugify

from .cache import Stamp, settled, stamp_of
from .config import Config
from .dates import normalise_published
from .errors import Reporter, SiteError
from .ingest.decode import BinaryFileError, decode
from .ingest.readers import YAML_DUMPER, split_front_matter
from .markdown import (
    Unit,
    escape_markdown,
    forget_ids,
    line_units,
    paragraph_ids,
    parse_units,
    units_with_lines,
)
from .models import META_FIELDS, Article, Block, CleanDocument, Paragraph, Removal
from .pipeline import Runner, Stage
from .text import visible_text

ARTICLES = "articles"
# content/backups/: hand edits that `build --force` replaced (the only copy of an edit)
BACKUPS = "backups"
_CHECKSUM = re.compile(r"^checksum: [0-9a-f]{64}\n", re.M)
_SAFE_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
# Names Windows keeps for devices, as a file or a folder, with any extension: a page at
# articles/con/ or a file content/articles/nul.md cannot be checked out or copied there.
_DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt")
                                                          for n in range(10))})


def _safe_slug(slug: str) -> bool:
    """Whether `slug` can name a page's folder and a content file on any file system."""
    return bool(_SAFE_SLUG.fullmatch(slug)) and slug not in _DEVICE_NAMES


def make_slug(text: str, taken: set[str]) -> str:
    """A readable, URL- and file-safe slug, unique among `taken` (which it extends)."""
    return unique_slug(slug_base(text), taken)


def slug_base(text: str) -> str:
    """The slug `text` gives before it is made unique."""
    slug = slugify(text, max_length=60, word_boundary=True, save_order=True) or "article"
    return f"{slug}-1" if slug in _DEVICE_NAMES else slug


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, else `base-2`, `base-3` …: the first not in `taken` (which it extends)."""
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def checksum(text: str) -> str:
    """Checksum of a content file's text, ignoring its own checksum line."""
    return hashlib.sha256(_CHECKSUM.sub("", text, count=1).encode()).hexdigest()


def is_hand_edited(text: str) -> bool:
    """True when a file lacks our checksum or no longer matches it."""
    match = _CHECKSUM.search(text)
    return match is None or match.group(0).split()[1] != checksum(text)


@dataclass
class _Existing:
    path: Path
    data: bytes  # the bytes this build read: a write replaces the file only while they are there
    text: str
    meta: dict
    edited: bool
    parsed: tuple[dict, list[Unit]] | None  # None: the file could not be parsed
    stamp: Stamp | None  # see `_read_stamped`


def _existing_files(directory: Path, runner: Runner) -> list[_Existing]:
    found = []
    for path, data, text, parsed, stamp in _parsed_files(directory, runner):
        if isinstance(text, SiteError) or isinstance(parsed, SiteError):
            # Reported when the file is loaded; its seed must still not overwrite it.
            text = data.decode("utf-8", errors="replace")
            meta = {key: m.group(1).strip() for key in ("source_file", "source_sha256")
                    if (m := re.search(rf"^{key}:\s*['\"]?([^'\"\n]+)", text, re.M))}
        else:
            meta = parsed[0]
        found.append(_Existing(path, data, text, meta, is_hand_edited(text),
                               None if isinstance(parsed, SiteError) else parsed, stamp))
    return found


def _tie_orphans(existing: list[_Existing], docs: list[CleanDocument],
                 reporter: Reporter) -> None:
    """A hand edit that lost its `source_file:` line still belongs to its seed (by hash)."""
    names = {doc.sha256: doc.source_file for doc in docs}
    claimed = {e.meta.get("source_file") for e in existing}
    for e in existing:
        name = names.get(str(e.meta.get("source_sha256")))
        if e.edited and not e.meta.get("source_file") and name and name not in claimed:
            e.meta = {**e.meta, "source_file": name}
            claimed.add(name)
            reporter.warn(f"front matter has no source_file: line; its source_sha256 is that "
                          f"of seed {name}, so it is kept as that seed's article "
                          f"(put `source_file: {name}` back)", e.path)


# Content files as a build read them: path -> (bytes, what parsing them gave, the stamp
# that stands for those bytes, if any: see `_read_stamped`).
Parsed = dict[Path, tuple[bytes, tuple[dict, list[Unit]], Stamp | None]]


def write_content(docs: list[CleanDocument], config: Config, reporter: Reporter,
                  runner: Runner | None = None, force: bool = False) -> Parsed:
    """Write one Markdown file per cleaned document, respecting hand edits.

    A file is only replaced or removed while it still holds the bytes this build
    read: an editor's save that lands meanwhile is kept, never overwritten. Returns
    the files it found before writing, parsed (loading reuses those still the same).
    """
    directory = config.content_dir / ARTICLES
    directory.mkdir(parents=True, exist_ok=True)
    _remove_temp_files(directory, reporter)
    runner = runner or Runner.in_memory()
    existing = _existing_files(directory, runner)
    _tie_orphans(existing, docs, reporter)
    by_source = {e.meta.get("source_file"): e for e in existing if e.meta.get("source_file")}
    by_path = {e.path: e for e in existing}
    seeds = {doc.source_file for doc in docs}
    # Files we do not regenerate keep their names and slugs; the rest are assigned in seed
    # order. Both the file name and the slug are taken: a hand-edited slug must not free
    # the file name for another seed's article.
    taken: set[str] = set()
    for e in existing:
        if (e.edited and not force) or e.meta.get("source_file") not in seeds:
            taken.update({e.path.stem, str(e.meta.get("slug") or e.path.stem)})
    regenerated: list[tuple[CleanDocument, str]] = []
    bases = iter(runner.map(SLUG, [slug_text(doc) for doc in docs]))
    for doc in docs:
        base = next(bases)
        old = by_source.get(doc.source_file)
        if old is not None and old.edited and not force:
            if old.meta.get("source_sha256") != doc.sha256:
                new_path = old.path.with_suffix(".md.new")
                text = render_content(doc, str(old.meta.get("slug") or old.path.stem))
                _replace(new_path, text, _current(new_path), reporter)
                reporter.warn(f"edited by hand and its seed {doc.source_file} changed; kept the "
                              f"edit, wrote the new version to {new_path.name}", old.path)
            else:
                reporter.notice("edited by hand; kept", old.path)
            continue
        regenerated.append((doc, unique_slug(base, taken)))
    results = runner.map(WRITE, [(doc, slug, str(directory / f"{slug}.md"))
                                 for doc, slug in regenerated])
    written: set[Path] = set()
    moved: list[_Existing] = []
    for (doc, slug), (text, parsed) in zip(regenerated, results, strict=True):
        old = by_source.get(doc.source_file)
        path = directory / f"{slug}.md"
        if old is not None and old.edited:  # only with --force
            _back_up(old, config, reporter)
        there = by_path.get(path)
        if _replace(path, text, there.data if there else None, reporter,
                    there.stamp if there else None):
            written.add(path)
            if parsed is not None:
                # Loading finds it under the file's text: used only while the file
                # holds exactly these bytes (a hand edit is parsed from disk).
                runner.seed(PARSE, (str(path), text), parsed)
        if old is not None and old.path != path:
            moved.append(old)
    for old in moved:
        if old.path not in written:
            _remove(old, reporter)
    for stale in existing:
        source = stale.meta.get("source_file")
        if source and source not in seeds and not stale.edited:
            _remove(stale, reporter)  # generated from a seed that is gone
        elif source and source not in seeds:
            # Said on every build: deleting the seed alone does not take the article down.
            why = "gave no article" if (config.seeds_dir / str(source)).exists() else "is gone"
            reporter.notice(f"edited by hand; kept and still published though its seed "
                            f"{source} {why} (delete this file to take the article down)",
                            stale.path)
    _scalar.cache_clear()  # nothing later writes front matter; forked workers need none
    _key.cache_clear()  # (paragraph ids stay: loading works them out again, and forgets them)
    return {e.path: (e.data, e.parsed, e.stamp) for e in existing if e.parsed is not None}


def _back_up(old: _Existing, config: Config, reporter: Reporter) -> None:
    """Keep the hand edit --force replaces in content/backups/ (never thrown away with a
    cache); the seed's newer version in `.md.new`, if any, is regenerated anyway."""
    backup = config.content_dir / BACKUPS / f"{old.path.stem}.{checksum(old.text)[:8]}.md"
    backup.parent.mkdir(parents=True, exist_ok=True)
    if _current(backup) != old.data:
        _replace(backup, old.data, _current(backup), reporter)
    reporter.warn(f"overwrote a hand edit (--force); backup in {backup}", old.path)
    stale_new = old.path.with_suffix(".md.new")
    if stale_new.exists():
        stale_new.unlink()
        reporter.notice(f"removed {stale_new.name} (the seed's version it held is now the "
                        "article)", old.path)


def _current(path: Path) -> bytes | None:
    """The bytes at `path` now, or None when there is no file."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SiteError(f"cannot read: {exc.strerror or exc}", path) from exc


def _replace(path: Path, text: str | bytes, expected: bytes | None, reporter: Reporter,
             stamp: Stamp | None = None) -> bool:
    """Atomically write `text` to `path` if it still holds `expected` (None: no file).

    Returns False, keeping what is there, when someone else wrote the file meanwhile.
    Unchanged files are not rewritten (and keep their mtime, so watchers see no edit).
    `stamp`: the stamp that stands for `expected` (see `_read_stamped`); while the file
    has it, it is not read again to find that it already holds `text`.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    if data == expected and _still(path, stamp):
        return True
    current = _current(path)
    if current == data:
        return True
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if current == expected:
            tmp.write_bytes(data)
            # Look once more right before the rename: a save may have landed meanwhile.
            if _current(path) == expected:
                tmp.replace(path)
                return True
    except OSError as exc:
        raise SiteError(f"cannot write: {exc.strerror or exc}", path) from exc
    finally:
        tmp.unlink(missing_ok=True)
    reporter.warn("changed on disk while the build ran; kept that version, not the one "
                  "the build made (the next build uses it)", path)
    return False


def _remove(old: _Existing, reporter: Reporter) -> None:
    """Delete a generated file, unless it changed since this build read it."""
    if _current(old.path) == old.data:
        old.path.unlink(missing_ok=True)
    elif old.path.exists():
        reporter.warn("changed on disk while the build ran; kept it", old.path)


def _remove_temp_files(directory: Path, reporter: Reporter) -> None:
    """Delete temporary files a build that was killed or ran out of disk space left."""
    for leftover in sorted(directory.glob(".*.md*.tmp")):
        leftover.unlink(missing_ok=True)
        reporter.notice(f"removed {leftover.name}, left by an interrupted build", directory)


def slug_text(doc: CleanDocument) -> str:
    """What an article's slug is made from: its title, else its first paragraph, else
    its seed's name."""
    return doc.meta.get("title") or next((b.text for b in doc.body if not b.heading),
                                         doc.source_file.rsplit(".", 1)[0])


def render_content(doc: CleanDocument, slug: str) -> str:
    """The Markdown file for one document: YAML front matter, then the body."""
    return _compose(doc, slug)[0]


def _compose(doc: CleanDocument, slug: str) -> tuple[str, dict[str, object], list[Unit]]:
    """The content file's text, with the front matter and units it was made from."""
    pieces: list[str] = []
    # The seed lines of each line of the body: a unit may span blocks (a fenced code
    # block with a blank line in it is two blocks of a Markdown seed).
    origin: list[tuple[int, ...]] = []
    starts: list[int] = []  # the body line each block's Markdown starts on
    for i, block in enumerate(doc.body):
        piece = _block_markdown(block)
        if pieces:
            separator = "\n" if block.bullet and doc.body[i - 1].bullet else "\n\n"
            pieces.append(separator)
            origin.extend([()] * (len(separator) - 1))  # the blank line between blocks
        starts.append(len(origin))
        pieces.append(piece)
        origin.extend([block.lines] * (piece.count("\n") + 1))
    body = "".join(pieces)
    blocks = pieces[::2]
    if any(block.markdown for block in doc.body) or \
            not all(_LONE_LINE.fullmatch(piece) for piece in blocks):
        units = units_with_lines(body)
    else:
        # Text the writer escaped, one line per block, each unindented after a blank line
        # or a list item's line: Markdown reads each block alone as it reads it in the
        # body (no block of escaped text can open a container that the next one
        # continues), so a paragraph that recurs across articles is parsed once.
        units = [(unit, range(span.start + start, span.stop + start))
                 for piece, start in zip(blocks, starts, strict=True)
                 for unit, span in line_units(piece)]
    ids = paragraph_ids([u.text for u, _ in units])
    lines: dict[str, list[int]] = {}
    for pid, (_, span) in zip(ids, units, strict=True):
        if numbers := sorted({n for i in span if i < len(origin) for n in origin[i]}):
            lines[pid] = numbers
    front: dict[str, object] = {"slug": slug}
    for key in META_FIELDS:
        front[key] = doc.meta.get(key)
    front.update({
        "source_file": doc.source_file,
        "source_sha256": doc.sha256,
        "inferred": sorted(doc.inferred),
        "paragraph_lines": lines,
        "removed": [{"lines": _ranges(r.lines), "reason": r.reason, "text": r.excerpt}
                    for r in doc.removed],
    })
    head = front_matter_yaml(front)
    text = f"---\n{head}---\n\n{body}\n"
    text = text.replace("---\n\n", f"checksum: {checksum(text)}\n---\n\n", 1)
    return text, front, [u for u, _ in units]


def front_matter_yaml(front: dict[str, object]) -> str:
    """`yaml.dump` of a front matter dict, as `_compose` builds it, byte for byte.

    PyYAML's representer is Python code that costs more than the rest of composing a
    file; the front matter repeats the same few shapes and many of the same strings
    (reasons, excerpts of site furniture), so each scalar is dumped by PyYAML once and
    the block layout around it is written here. Anything of another shape, and any
    string that is long or spans lines, leaves the whole dict to PyYAML.
    """
    lines: list[str] = []
    if front and all(_emit(lines, key, value) for key, value in front.items()):
        return "".join(lines)
    return yaml.dump(front, Dumper=YAML_DUMPER, sort_keys=False, allow_unicode=True,
                     width=_YAML_WIDTH)


# A line that neither indentation (a code block, a list item's continuation), a line
# break nor a tilde fence (which the escaping leaves, and which runs on until closed) can
# tie to the blocks around it (or none: an empty block).
_LONE_LINE = re.compile(r"(?!.*~~~)[^ \t\n\r][^\n\r]*|")
_YAML_WIDTH = 1000
# A dumped scalar this short cannot reach the line width, at any indentation used here.
_SHORT_SCALAR = 500


def _emit(lines: list[str], key: object, value: object) -> bool:
    """Append `key: value` at the top level; False when the shape is not one of ours."""
    head = _key(key) if isinstance(key, str) else None
    if head is None:
        return False
    if isinstance(value, list):
        if not value:
            lines.append(f"{head}: []\n")
        elif all(isinstance(v, dict) for v in value):
            lines.append(f"{head}:\n")
            for item in value:
                if not item:
                    return False
                for n, (k, v) in enumerate(item.items()):
                    k_text = _key(k) if isinstance(k, str) else None
                    v_text = _value(v)
                    if k_text is None or v_text is None:
                        return False
                    lines.append(f"{'- ' if n == 0 else '  '}{k_text}: {v_text}\n")
        else:
            items = [_value(v) for v in value]
            if any(v is None for v in items):
                return False
            lines.append(f"{head}:\n")
            lines.extend(f"- {v}\n" for v in items)
        return True
    if isinstance(value, dict):
        if not value:
            lines.append(f"{head}: {{}}\n")
            return True
        lines.append(f"{head}:\n")
        for k, numbers in value.items():
            k_text = _key(k) if isinstance(k, str) else None
            if k_text is None or not isinstance(numbers, list) or \
                    not all(type(n) is int for n in numbers):
                return False
            if numbers:
                lines.append(f"  {k_text}:\n")
                lines.extend(f"  - {n}\n" for n in numbers)
            else:
                lines.append(f"  {k_text}: []\n")
        return True
    text = _value(value)
    if text is None:
        return False
    lines.append(f"{head}: {text}\n")
    return True


def _value(value: object) -> str | None:
    """A scalar as PyYAML writes it as a mapping's value (None: not a simple scalar)."""
    if value is None:
        return "null"
    if type(value) is int:
        return str(value)
    return _scalar(value) if isinstance(value, str) else None


# Strings PyYAML writes as they are (plain style) whatever else it may do: they start
# with a letter (never a YAML indicator, number or date), hold no character that is an
# indicator inside a block (": ", " #") or needs quoting or escaping, do not end on a
# space, and are too short to be folded at the line width.
_PLAIN = re.compile(r"[A-Za-z](?:[\w ,.'\"()/%&;!?$+=@*…’‘“”—–-]{0,398}"
                    r"[\w,.'\"()/%&;!?$+=@*…’‘“”—–-])?", re.ASCII)
# The words YAML 1.1 (PyYAML's resolver) reads as a boolean or null, which it quotes.
_RESERVED_WORDS = frozenset(
    form for word in ("yes", "no", "true", "false", "on", "off", "null")
    for form in (word, word.title(), word.upper()))


@lru_cache(maxsize=65_536)
def _scalar(text: str) -> str | None:
    if _PLAIN.fullmatch(text) and text not in _RESERVED_WORDS:
        return text  # what the dump below gives, without the dumper's per-call setup
    dumped = yaml.dump({"k": text}, Dumper=YAML_DUMPER, allow_unicode=True, width=_YAML_WIDTH)
    if not _one_line(dumped) or not dumped.startswith("k: "):
        return None
    return dumped[3:-1]


@lru_cache(maxsize=65_536)
def _key(text: str) -> str | None:
    dumped = yaml.dump({text: None}, Dumper=YAML_DUMPER, allow_unicode=True, width=_YAML_WIDTH)
    if not _one_line(dumped) or not dumped.endswith(": null\n") or dumped.startswith("?"):
        return None
    return dumped[:-len(": null\n")]


# What YAML reads as a line break: a scalar written over lines is indented by where it is.
_YAML_BREAK = re.compile("[\n\r\x85\u2028\u2029]")


def _one_line(dumped: str) -> bool:
    """A short dump that is one line: the same wherever in the document it stands."""
    return len(dumped) <= _SHORT_SCALAR and dumped.endswith("\n") and \
        not _YAML_BREAK.search(dumped, 0, len(dumped) - 1)


def _written(job: tuple[CleanDocument, str, str]) -> tuple[str, bytes | None]:
    """A content file's text and, when it can be told without reading the file back,
    what parsing that text gives (`_parse_content`'s result, pickled), else None."""
    doc, slug, path = job
    text, front, units = _compose(doc, slug)
    # The dumper writes strings so that they load back the same; anything else (a date
    # from sources.yml, say) is left to the parser, and so is a checksum of digits only
    # (its line is not written by the dumper, and YAML would read it as a number).
    stamp = checksum(text)
    if stamp.isdigit() or not all(v is None or isinstance(v, str) for k, v in front.items()
                                  if k not in ("inferred", "paragraph_lines", "removed")):
        return text, None
    try:
        parsed = (_checked_meta({**front, "checksum": stamp}, text, path), units)
    except SiteError:
        return text, None
    return text, pickle.dumps(parsed, protocol=5)  # stored as it is: never unpickled here


# Control characters other than tab and line ends: a NUL would make the file unreadable
# as text (and refused by every later build), the others are invalid in HTML and XML.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _block_markdown(block: Block) -> str:
    if block.markdown:
        return _CONTROL.sub("", block.text)
    text = escape_markdown(_CONTROL.sub("", block.text))
    if block.bullet:
        return f"- {text}"
    if block.heading:
        return f"## {text}"
    return text


def _ranges(lines: tuple[int, ...]) -> str:
    """(1, 2, 3, 5) -> "1-3, 5": compact and readable in front matter."""
    parts: list[str] = []
    start = prev = None
    for n in sorted(set(lines)):
        if prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    if start is not None:
        parts.append(str(start) if start == prev else f"{start}-{prev}")
    return ", ".join(parts)


# No seed has this many lines: a range beyond it is a typo or hostile, not a line map.
MAX_LINES = 1_000_000


def parse_ranges(value: object, budget: int = MAX_LINES) -> tuple[int, ...]:
    """Inverse of the front matter's line ranges; accepts lists and ints too.

    Raises ValueError for more than `budget` line numbers in all, or one beyond MAX_LINES.
    """
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a line number")
    if isinstance(value, int):
        value = [value]
    if isinstance(value, list):
        numbers = [v for v in value if isinstance(v, int) and not isinstance(v, bool)]
    else:
        numbers = []
        for part in str(value or "").split(","):
            part = part.strip()
            if re.fullmatch(r"\d{1,9}-\d{1,9}", part):
                a, b = (int(x) for x in part.split("-"))
                if b - a >= budget - len(numbers):
                    raise ValueError(f"line range {part} is longer than any seed")
                numbers.extend(range(a, b + 1))
            elif re.fullmatch(r"\d{1,9}", part):
                numbers.append(int(part))
            elif part:
                raise ValueError(f"{part[:40]!r} is not a line number or range")
    if len(numbers) > budget or any(not 0 < n <= MAX_LINES for n in numbers):
        raise ValueError("line numbers out of range")
    return tuple(numbers)


def _decoded(path: Path, data: bytes | SiteError) -> str | SiteError:
    if isinstance(data, SiteError):
        return data
    try:
        text, _ = decode(data)
    except BinaryFileError as exc:
        return SiteError(f"cannot read: {exc}", path)
    return text


def _line_of(text: str, key: str) -> int | None:
    """The line of a top-level front matter key (YAML values carry no positions here)."""
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _checked_meta(meta: dict, text: str, path: str) -> dict:
    """The front matter with its line maps parsed; SiteError naming the key if malformed."""
    checked = dict(meta)
    key = ""
    try:
        budget = MAX_LINES
        for key in (*META_FIELDS, "slug", "source_file", "source_sha256"):
            if isinstance(meta.get(key), (list, dict)):
                raise ValueError("must be a single value, not a list or mapping")
        key = "published"
        if meta.get(key) not in (None, ""):
            # Shown in <time datetime>, carried by the feed and digest.json, and the order
            # of updates: an editor's "March 5, 2024" is read, "yesterday" refused.
            iso, problem = normalise_published(meta[key])
            if iso is None and not problem.startswith("year"):
                raise ValueError(f"{problem} ({str(meta[key])[:40]!r}); write a date such "
                                 "as 2024-03-05")
            # A date outside the plausible years is still a date (a byline may give one).
            checked[key] = iso or str(meta[key])
        key = "inferred"
        inferred = meta.get("inferred") or []
        if not isinstance(inferred, list) or not all(isinstance(x, str) for x in inferred):
            raise ValueError("must be a list of field names")
        key = "paragraph_lines"
        lines = meta.get("paragraph_lines") or {}
        if not isinstance(lines, dict):
            raise ValueError("must map paragraph ids to line ranges")
        checked[key] = {}
        for pid, value in lines.items():
            checked[key][str(pid)] = ranges = parse_ranges(value, budget)
            budget -= len(ranges)
        key = "removed"
        removed = meta.get("removed") or []
        if not isinstance(removed, list) or not all(isinstance(r, dict) for r in removed):
            raise ValueError("must be a list of {lines, reason, text} entries")
        checked[key] = []
        for entry in removed:
            ranges = parse_ranges(entry.get("lines"), budget)
            budget -= len(ranges)
            checked[key].append(Removal(ranges, str(entry.get("reason", "")),
                                        str(entry.get("text", ""))))
    except ValueError as exc:
        raise SiteError(f"front matter {key}: {exc}", path, _line_of(text, key)) from exc
    return checked


_OPENING = re.compile(r"\A---[ \t]*\n")


def _parse_content(job: tuple[str, str | SiteError]) -> tuple[dict, list[Unit]] | SiteError:
    """Front matter and paragraph units of one content file (runs in a worker)."""
    path, text = job
    if isinstance(text, SiteError):
        return text
    try:
        meta, body, offset = split_front_matter(text, path)
        if not offset and _OPENING.match(text):
            # Published as it is, the front matter would show as the article's first lines.
            raise SiteError("front matter has no closing '---' line", path, 1)
        return _checked_meta(meta, text, path), parse_units(body)
    except SiteError as exc:
        return exc


def _job_key(job: tuple) -> tuple:
    return job


# Per-file work, kept between builds: a content file's text (and what parsing it gives)
# from its cleaned document, slug and path, and the front matter and units parsed from
# a file's path and text.
WRITE = Stage("content", _written, version=3, key=_job_key)
# The slug of an article's title before it is made unique (slugify takes a tenth of a
# millisecond a title; the titles are mostly those of the last build).
SLUG = Stage("slug", slug_base, version=1, key=lambda text: text)
PARSE = Stage("parse", _parse_content, version=1, key=_job_key)


def _read_stamped(path: Path) -> tuple[bytes | SiteError | None, Stamp | None]:
    """The file's bytes (None when it has gone since it was listed), and the stamp that
    stands for them: taken before they were read, of a regular file that had then
    settled (see cache.settled); else None. While the file keeps that stamp, it holds
    those bytes: the build does not read it again (write and load each read every file)."""
    try:
        if path.is_symlink():
            if path.parent.resolve() not in path.resolve().parents:
                # It would publish whatever file it points to (as seeds/ refuses too).
                return SiteError("symbolic link pointing outside its folder", path), None
            return path.read_bytes(), None  # its stamp is not its target's
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            data = handle.read()
    except FileNotFoundError:
        return None, None
    except RuntimeError:  # Path.resolve of a link in a loop, before Python 3.13
        return SiteError("cannot read: symbolic link in a loop", path), None
    except OSError as exc:
        return SiteError(f"cannot read: {exc.strerror or exc}", path), None
    return data, stamp_of(info) if stat.S_ISREG(info.st_mode) and settled(info) else None


def _still(path: Path, stamp: Stamp | None) -> bool:
    """Whether the file at `path` (not followed if a link) has `stamp` (None: unknown)."""
    if stamp is None:
        return False
    try:
        return stamp_of(os.lstat(path)) == stamp
    except OSError:
        return False


def _parsed_files(directory: Path, runner: Runner, known: Parsed | None = None
                  ) -> list[tuple[Path, bytes, str | SiteError,
                                  tuple[dict, list[Unit]] | SiteError, Stamp | None]]:
    """Each content file with its bytes, its text, its parsed front matter and units
    (memoised; taken from `known` for a file that still holds the bytes it gives, and
    then its text is not decoded: "" stands for it) and its stamp (see `_read_stamped`);
    a file that vanished since it was listed is left out. A file of `known` that still
    has the stamp known gives is not read again."""
    known = known or {}
    # By name: the same order as sorting the paths (one folder), without comparing them.
    paths = sorted(directory.glob("*.md"), key=lambda path: path.name)
    read: list[tuple[bytes | SiteError | None, Stamp | None]] = []
    for path in paths:
        old = known.get(path)
        read.append((old[0], old[2]) if old is not None and _still(path, old[2])
                    else _read_stamped(path))
    present = [(path, d, stamp) for path, (d, stamp) in zip(paths, read, strict=True)
               if d is not None]
    kept = {path: known[path][1] for path, d, _ in present
            if path in known and known[path][0] == d}
    jobs = [(str(path), _decoded(path, d) if path not in kept else "")
            for path, d, _ in present]
    parsed = iter(runner.map(PARSE, [job for (path, _, _), job in zip(present, jobs, strict=True)
                                     if path not in kept]))
    return [(path, d if isinstance(d, bytes) else b"", text,
             kept[path] if path in kept else next(parsed), stamp)
            for (path, d, stamp), (_, text) in zip(present, jobs, strict=True)]


def load_articles(config: Config, reporter: Reporter, runner: Runner | None = None,
                  known: Parsed | None = None) -> list[Article]:
    """Load every `content/articles/*.md` into Articles, in slug order (a file that still
    holds the bytes `known`, the writer's reading, gives is not parsed again)."""
    articles: list[Article] = []
    slugs: set[str] = set()
    for path, _, _, parsed, _ in _parsed_files(config.content_dir / ARTICLES,
                                            runner or Runner.in_memory(), known):
        if isinstance(parsed, SiteError):
            reporter.warn(f"{parsed.message}; article left out until it is fixed", path,
                          parsed.line, parsed.column)
            continue
        meta, units = parsed
        if not units:
            reporter.warn("no article text; skipped", path)
            continue
        articles.append(article_from(config, path, meta, units, slugs))
    forget_ids()
    return sorted(articles, key=lambda a: a.slug)


def article_from(config: Config, path: Path, meta: dict, units: list[Unit],
                 slugs: set[str]) -> Article:
    """The Article of one parsed content file; its slug is unique among `slugs` (extended)."""
    slug = str(meta.get("slug") or "")
    if not _safe_slug(slug) or slug in slugs:
        slug = make_slug(slug or path.stem, set(slugs))
    slugs.add(slug)
    line_map = meta["paragraph_lines"]
    ids = paragraph_ids([u.text for u in units])
    paragraphs = [Paragraph(pid, u.kind, u.text, u.html, line_map.get(pid, ()))
                  for pid, u in zip(ids, units, strict=True)]
    values = {k: (visible_text(str(meta[k])) or None if meta.get(k) not in (None, "")
                  else None) for k in META_FIELDS}
    return Article(
        slug=slug, paragraphs=paragraphs, removed=meta["removed"],
        source_file=str(meta["source_file"]) if meta.get("source_file") else None,
        inferred=list(meta.get("inferred") or []),
        content_path=f"{config.content_dir.name}/{ARTICLES}/{path.name}", **values,
    )


def parse_content(path: Path, data: bytes) -> tuple[dict, list[Unit]] | SiteError:
    """Front matter and paragraph units of one content file's bytes (as loading parses it)."""
    return _parse_content((str(path), _decoded(path, data)))
