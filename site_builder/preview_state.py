"""What the preview keeps of its live site between builds, and how it updates it in place.

A CLI build swaps a whole new output folder in. The preview instead renders every page
in memory, compares each with the hash of the live file it keeps, and replaces only the
files whose bytes changed (each by an atomic rename: a reader sees the old page or the
new one, never half a page), then deletes the files the site no longer has. After any
sequence of edits the folder holds exactly what a cold build would write.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cache import Stamp
from .models import Article, CrossRef, Digest, RawDocument, Ref
from .render import Rendered, page_hash
from .render.paths import safe_join
from .search import bundles


@dataclass
class LiveSite:
    """The preview's memory of the live output folder, kept between its builds."""

    # Hash of every file of the live site (not the search index) by site path;
    # None until read from disk or written by a build.
    hashes: dict[str, str] | None = None
    # The page key (see render.page_keys) of each live page that the last full render
    # keyed: a page whose new key is the same is not rendered again. Only pages whose
    # file is what that render made are here (a first look drops the pages it writes).
    keys: dict[str, str] = field(default_factory=dict)
    # The last full render (its renderer holds the digest the live pages show, its
    # index and compiled templates), for the next first look.
    rendered: Rendered | None = None
    # Seeds as read (by site path): the hash of their bytes in the input listing, and
    # the document, reused while the listing gives the same hash.
    seeds: dict[str, tuple[str, RawDocument]] = field(default_factory=dict)
    # Given the inputs a build saw, whether the editor has saved since (the preview's
    # server answers; None: never). An edit waiting puts the search index off.
    newer: Callable[[list[str]], bool] | None = None
    search_stale: bool = False  # pages changed since the search index was built
    # The input listing (cache.source_lines, content_lines) the server took just before
    # starting this build, so that the build need not take it again.
    listed: tuple[list[str], list[str]] | None = None
    # The count of each short line over the seeds (the furniture check), as last built.
    short_counts: Counter[str] | None = None
    # The templates (their folder and listing lines) the kept renderer compiled.
    templates: tuple[str, list[str]] | None = None
    # Each listed file's stamp and content hash, so that a listing reads only the files
    # whose stamp changed (see cache._file_lines).
    stamps: dict[str, tuple[Stamp, str]] = field(default_factory=dict)


def scan(out: Path) -> dict[str, str]:
    """Hashes of the files in `out` (by site path), leaving out the search index bundles."""
    if not out.is_dir():
        return {}
    skipped = {bundle.name for bundle in bundles(out)}
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(out):
        here = Path(folder)
        if here == out:
            dirs[:] = [d for d in dirs if d not in skipped]
        for name in files:
            path = here / name
            found[path.relative_to(out).as_posix()] = page_hash(path.read_bytes())
    return found


def write_live(out: Path, changed: dict[str, bytes]) -> None:
    """Replace (or add) each file of `changed` in the live site, each in one rename."""
    for path, data in sorted(changed.items()):
        target = safe_join(out, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, target)  # never writes through a hard link to another copy


def remove_live(out: Path, paths: set[str]) -> None:
    """Delete files the site no longer has, and the folders they leave empty."""
    base = out.resolve()
    for path in sorted(paths):
        target = safe_join(out, path)
        target.unlink(missing_ok=True)
        folder = target.parent
        while folder != base and base in folder.parents:
            with contextlib.suppress(OSError):  # not empty: done
                folder.rmdir()
                folder = folder.parent
                continue
            break


def edited_articles(before: Digest, articles: list[Article]) -> list[Article] | None:
    """The articles an edit changed, when it only changed existing articles (None when
    articles were added, removed or reordered: their lists and pages change too)."""
    if [a.slug for a in before.articles] != [a.slug for a in articles]:
        return None
    return [new for old, new in zip(before.articles, articles, strict=True) if new != old]


def _paragraph_map(old: Article, new: Article) -> dict[str, str]:
    """Old paragraph id -> new id, for paragraphs whose text the edit left as it was."""
    free: dict[str, list[str]] = {}
    for p in new.paragraphs:
        free.setdefault(p.text, []).append(p.id)
    moved = {}
    for p in old.paragraphs:
        if free.get(p.text):
            moved[p.id] = free[p.text].pop(0)
    return moved


def first_look(before: Digest, edited: list[Article]) -> Digest:
    """The last digest with the edited articles in place: enough to render their pages.

    Their text is the new text; the corpus-wide results are the last build's, carried
    over to paragraphs whose text is unchanged (an edited paragraph shows no links
    until the full analysis, which follows at once, puts them back).
    """
    new = {a.slug: a for a in edited}
    old = {a.slug: a for a in before.articles if a.slug in new}
    moves = {slug: _paragraph_map(old[slug], new[slug]) for slug in new}

    def moved(ref: Ref) -> Ref | None:
        if ref.article not in moves:
            return ref
        target = moves[ref.article].get(ref.paragraph)
        return None if target is None else Ref(ref.article, target)

    crossrefs = []
    for c in before.crossrefs:
        if c.source.article not in moves and c.target.article not in moves:
            crossrefs.append(c)
            continue
        source, target = moved(c.source), moved(c.target)
        if source is not None and target is not None:
            crossrefs.append(CrossRef(source, target, c.kind, c.score))
    return replace(before, articles=[new.get(a.slug, a) for a in before.articles],
                   crossrefs=crossrefs)
