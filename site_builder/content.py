"""The editorial layer: `content/articles/<slug>.md`, written from seeds and loaded for analysis.

Each generated file carries a checksum of itself. A file whose text no longer
matches its checksum was edited by hand: the build keeps it and uses it, and
never overwrites it unless asked to with --force (which keeps a backup).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from slugify import slugify

from .config import Config
from .errors import Reporter, SiteError
from .ingest.decode import BinaryFileError, decode
from .ingest.readers import YAML_DUMPER, split_front_matter
from .markdown import Unit, escape_markdown, paragraph_ids, parse_units
from .memo import Memos, cached_map, stable_hash
from .models import META_FIELDS, Article, Block, CleanDocument, Paragraph, Removal

ARTICLES = "articles"
_CHECKSUM = re.compile(r"^checksum: [0-9a-f]{64}\n", re.M)
_SAFE_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


def make_slug(text: str, taken: set[str]) -> str:
    """A readable, URL- and file-safe slug, unique among `taken` (which it extends)."""
    base = slugify(text, max_length=60, word_boundary=True, save_order=True) or "article"
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
    text: str
    meta: dict
    edited: bool


def _existing_files(directory: Path, memos: Memos) -> list[_Existing]:
    found = []
    for path, text, parsed in _parsed_files(directory, memos):
        if isinstance(text, SiteError):
            raise text
        if isinstance(parsed, SiteError):
            # Reported when the file is loaded; its seed must still not overwrite it.
            meta = {key: m.group(1).strip() for key in ("source_file", "source_sha256")
                    if (m := re.search(rf"^{key}:\s*['\"]?([^'\"\n]+)", text, re.M))}
        else:
            meta = parsed[0]
        found.append(_Existing(path, text, meta, is_hand_edited(text)))
    return found


def write_content(docs: list[CleanDocument], config: Config, reporter: Reporter,
                  memos: Memos | None = None, force: bool = False) -> None:
    """Write one Markdown file per cleaned document, respecting hand edits."""
    directory = config.content_dir / ARTICLES
    directory.mkdir(parents=True, exist_ok=True)
    memos = memos or Memos(None)
    existing = _existing_files(directory, memos)
    by_source = {e.meta.get("source_file"): e for e in existing if e.meta.get("source_file")}
    seeds = {doc.source_file for doc in docs}
    # Files we do not regenerate keep their slugs; the rest are assigned in seed order.
    taken = {str(e.meta.get("slug") or e.path.stem) for e in existing
             if (e.edited and not force) or e.meta.get("source_file") not in seeds}
    regenerated: list[tuple[CleanDocument, str]] = []
    for doc in docs:
        old = by_source.get(doc.source_file)
        if old is not None and old.edited and not force:
            if old.meta.get("source_sha256") != doc.sha256:
                new_path = old.path.with_suffix(".md.new")
                text = render_content(doc, str(old.meta.get("slug") or old.path.stem))
                _write_if_changed(new_path, text)
                reporter.warn(f"edited by hand and its seed {doc.source_file} changed; kept the "
                              f"edit, wrote the new version to {new_path.name}", old.path)
            else:
                reporter.info(f"{old.path}: edited by hand; kept")
            continue
        regenerated.append((doc, make_slug(doc.meta.get("title") or _lead(doc), taken)))
    texts = cached_map(_render_job, regenerated,
                       [stable_hash(doc, slug) for doc, slug in regenerated], memos["content"])
    for (doc, slug), text in zip(regenerated, texts, strict=True):
        old = by_source.get(doc.source_file)
        path = directory / f"{slug}.md"
        if old is not None:
            if old.edited:  # only with --force
                name = f"{old.path.stem}.{checksum(old.text)[:8]}.md"
                backup = config.cache_dir / "backups" / name
                backup.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(old.path, backup)
                reporter.warn(f"overwrote a hand edit (--force); backup in {backup}", old.path)
            if old.path != path:
                old.path.unlink()
        _write_if_changed(path, text)
    for stale in existing:
        source = stale.meta.get("source_file")
        if source and source not in seeds and not stale.edited:
            stale.path.unlink()  # generated from a seed that is gone


def _render_job(job: tuple[CleanDocument, str]) -> str:
    return render_content(*job)


def _lead(doc: CleanDocument) -> str:
    return next((b.text for b in doc.body if not b.heading), doc.source_file.rsplit(".", 1)[0])


def render_content(doc: CleanDocument, slug: str) -> str:
    """The Markdown file for one document: YAML front matter, then the body."""
    pieces: list[str] = []
    counts: list[int] = []
    for i, block in enumerate(doc.body):
        piece = _block_markdown(block)
        counts.append(len(parse_units(piece)))
        bullet_run = block.bullet and i > 0 and doc.body[i - 1].bullet
        pieces.append(("\n" if bullet_run else "\n\n") + piece if pieces else piece)
    body = "".join(pieces)
    units = parse_units(body)
    ids = paragraph_ids([u.text for u in units])
    lines: dict[str, list[int]] = {}
    if len(units) == sum(counts):
        position = 0
        for block, count in zip(doc.body, counts, strict=True):
            for _ in range(count):
                lines[ids[position]] = list(block.lines)
                position += 1
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
    head = yaml.dump(front, Dumper=YAML_DUMPER, sort_keys=False, allow_unicode=True, width=1000)
    text = f"---\n{head}---\n\n{body}\n"
    return text.replace("---\n\n", f"checksum: {checksum(text)}\n---\n\n", 1)


def _block_markdown(block: Block) -> str:
    if block.markdown:
        return block.text
    text = escape_markdown(block.text)
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


def parse_ranges(value: object) -> tuple[int, ...]:
    """Inverse of the front matter's line ranges; accepts lists and ints too."""
    if isinstance(value, int):
        return (value,)
    if isinstance(value, list):
        return tuple(int(v) for v in value if isinstance(v, int))
    numbers: list[int] = []
    for part in str(value or "").split(","):
        part = part.strip()
        if re.fullmatch(r"\d+-\d+", part):
            a, b = (int(x) for x in part.split("-"))
            numbers.extend(range(a, b + 1))
        elif part.isdigit():
            numbers.append(int(part))
    return tuple(numbers)


def _write_if_changed(path: Path, text: str) -> None:
    # Unchanged files keep their mtime, so watchers do not see phantom edits.
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _read(path: Path) -> str:
    try:
        text, _ = decode(path.read_bytes())
    except (OSError, BinaryFileError) as exc:
        raise SiteError(f"cannot read: {exc}", path) from exc
    return text


def _parse_content(job: tuple[str, str | SiteError]) -> tuple[dict, list[Unit]] | SiteError:
    """Front matter and paragraph units of one content file (runs in a worker)."""
    path, text = job
    if isinstance(text, SiteError):
        return text
    try:
        meta, body, _ = split_front_matter(text, path)
    except SiteError as exc:
        return exc
    return meta, parse_units(body)


def _read_or_error(path: Path) -> str | SiteError:
    try:
        return _read(path)
    except SiteError as exc:
        return exc


def _parsed_files(directory: Path, memos: Memos
                  ) -> list[tuple[Path, str | SiteError, tuple[dict, list[Unit]] | SiteError]]:
    """Each content file with its text and its parsed front matter and units (memoised)."""
    paths = sorted(directory.glob("*.md"))
    jobs = [(str(path), _read_or_error(path)) for path in paths]
    parsed = cached_map(_parse_content, jobs, [stable_hash(*job) for job in jobs],
                        memos["parse"])
    return [(path, text, result) for path, (_, text), result in zip(paths, jobs, parsed,
                                                                     strict=True)]


def load_articles(config: Config, reporter: Reporter, memos: Memos | None = None
                  ) -> list[Article]:
    """Load every `content/articles/*.md` into Articles, in slug order."""
    articles: list[Article] = []
    slugs: set[str] = set()
    for path, _, parsed in _parsed_files(config.content_dir / ARTICLES, memos or Memos(None)):
        if isinstance(parsed, SiteError):
            reporter.warn(f"{parsed.message}; article left out until it is fixed", path,
                          parsed.line, parsed.column)
            continue
        meta, units = parsed
        if not units:
            reporter.warn("no article text; skipped", path)
            continue
        slug = str(meta.get("slug") or "")
        if not _SAFE_SLUG.fullmatch(slug) or slug in slugs:
            slug = make_slug(slug or path.stem, set(slugs))
        slugs.add(slug)
        line_map = meta.get("paragraph_lines") or {}
        ids = paragraph_ids([u.text for u in units])
        paragraphs = [
            Paragraph(pid, u.kind, u.text, u.html,
                      parse_ranges(line_map.get(pid)) if isinstance(line_map, dict) else ())
            for pid, u in zip(ids, units, strict=True)
        ]
        removed = [Removal(parse_ranges(r.get("lines")), str(r.get("reason", "")),
                           str(r.get("text", "")))
                   for r in meta.get("removed") or [] if isinstance(r, dict)]
        values = {k: (str(meta[k]) if meta.get(k) not in (None, "") else None)
                  for k in META_FIELDS}
        if values["published"] and hasattr(meta["published"], "isoformat"):
            values["published"] = meta["published"].isoformat()
        articles.append(Article(
            slug=slug, paragraphs=paragraphs, removed=removed,
            source_file=str(meta["source_file"]) if meta.get("source_file") else None,
            inferred=[str(x) for x in meta.get("inferred") or []],
            content_path=f"{config.content_dir.name}/{ARTICLES}/{path.name}", **values,
        ))
    return sorted(articles, key=lambda a: a.slug)
