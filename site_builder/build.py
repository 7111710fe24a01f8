"""The build: seeds/ -> content/ -> output/, swapped in only when everything succeeded."""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import shutil
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .analyze import analyze
from .cache import content_lines, fingerprint, remember, source_lines, unchanged
from .config import SOURCES_FILE, Config, load_config
from .content import load_articles, write_content
from .errors import Reporter, SiteError
from .ingest.clean import clean, repeated_lines
from .ingest.readers import SEED_SUFFIXES, read_seed
from .linkcheck import broken_links
from .lock import site_lock
from .memo import Memos, cached_map, stable_hash
from .models import CleanDocument, Digest, RawDocument
from .parallel import pmap
from .render import render_site
from .search import build_search_index, link_bundles, reindex
from .text import normalise


@dataclass
class BuildResult:
    output: Path
    counts: dict[str, int]
    warnings: list[str]
    seconds: float
    digest: Digest | None = None  # None when nothing had changed and nothing was rebuilt
    # With defer_search: builds the search index and records the build (returns a warning).
    finish_search: Callable[[], str | None] | None = None

    def summary(self) -> str:
        c = self.counts
        verb = "built" if self.digest is not None else "up to date (nothing changed):"
        return (f"{verb} {self.output}: {c['articles']} articles, {c['paragraphs']} paragraphs "
                f"kept, {c['removed']} lines removed, {c['topics']} topics, {c['facts']} facts, "
                f"{c['disagreements']} disagreements, {c['pages']} pages, "
                f"{len(self.warnings)} warnings, {self.seconds:.2f}s")


def _counts(digest: Digest, pages: int) -> dict[str, int]:
    return {
        "articles": len(digest.articles),
        "paragraphs": sum(len(a.paragraphs) for a in digest.articles),
        "removed": sum(len(r.lines) for a in digest.articles for r in a.removed),
        "topics": len(digest.topics), "facts": len(digest.facts),
        "disagreements": len(digest.disagreements), "pages": pages,
    }


def seed_files(config: Config, reporter: Reporter) -> list[Path]:
    """Seed files in name order; links that leave seeds/ are refused."""
    folder = config.seeds_dir
    if not folder.is_dir():
        return []
    base = folder.resolve()
    found = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or path.name == SOURCES_FILE:
            continue
        if path.suffix.lower() not in SEED_SUFFIXES:
            if path.is_file():
                reporter.warn(f"not a seed format ({', '.join(SEED_SUFFIXES)}); ignored", path)
            continue
        if path.is_symlink() and base not in path.resolve().parents:
            reporter.warn("symbolic link pointing outside seeds/; ignored", path)
            continue
        if path.is_file():
            found.append(path)
    return found


def _read(path: Path) -> RawDocument | SiteError:
    try:
        return read_seed(path, path.name)
    except SiteError as exc:
        return exc


def ingest(config: Config, reporter: Reporter, memos: Memos) -> list[CleanDocument]:
    """Read and clean every seed; unreadable or empty seeds are reported and skipped."""
    docs: list[RawDocument] = []
    seen: dict[str, str] = {}
    paths = seed_files(config, reporter)
    read = pmap(_read, paths, progress=lambda i, n: reporter.progress("reading", i, n))
    for path, doc in zip(paths, read, strict=True):
        name = path.name
        if isinstance(doc, SiteError):
            reporter.warn(doc.message + "; skipped", config.seeds_dir / name, doc.line,
                          doc.column)
            continue
        if doc.sha256 in seen:
            reporter.warn(f"same bytes as {seen[doc.sha256]}; skipped as a duplicate",
                          config.seeds_dir / name)
            continue
        seen[doc.sha256] = name
        for note in doc.notes:
            reporter.warn(note, config.seeds_dir / name)
        doc.meta.update(config.sources.get(name, {}))
        docs.append(doc)
    common = repeated_lines(docs)
    cleaned = []
    bodies: dict[str, str] = {}
    keys = [stable_hash(d.source_file, d.sha256, d.meta, d.passthrough) for d in docs]
    results = cached_map(clean, docs, keys, memos["clean"], words=common,
                         progress=lambda i, n: reporter.progress("cleaning", i, n))
    for doc, result in zip(docs, results, strict=True):
        path = config.seeds_dir / doc.source_file
        if not doc.blocks:
            reporter.warn("empty file (no text); skipped", path)
            continue
        if not result.body:
            reporter.warn("no article text found (all of it looks like page furniture); skipped",
                          path)
            continue
        text = normalise(" ".join(b.text for b in result.body))
        if text in bodies:
            reporter.warn(f"same article text as {bodies[text]}; skipped as a duplicate", path)
            continue
        bodies[text] = doc.source_file
        cleaned.append(result)
    return cleaned


def _check_output_folder(out: Path, config: Config) -> None:
    resolved = out.resolve()
    site = config.site_dir.resolve()
    protected = [site, config.seeds_dir.resolve(), config.content_dir.resolve(),
                 config.templates_dir.resolve()]
    if any(resolved == p or resolved in p.parents for p in protected):
        raise SiteError("output folder would replace the site or its sources; choose another",
                        out)
    if resolved.exists() and (not resolved.is_dir() or (
            any(resolved.iterdir()) and not (resolved / "digest.json").exists())):
        raise SiteError("exists and is not a sitebuild output folder; refusing to replace it",
                        out)


def build(site_dir: Path, out: Path | None = None, strict: bool = False, quiet: bool = False,
          force: bool = False, defer_search: bool = False) -> BuildResult:
    """Run the whole pipeline; on any error the previous output/ is left as it was.

    With `defer_search` (the preview), the new site goes live with the last build's
    search index, and `result.finish_search()` replaces it with a new one afterwards.
    """
    started = time.perf_counter()
    reporter = Reporter(quiet=quiet)
    if not site_dir.is_dir():
        raise SiteError("site folder not found", site_dir)
    config = load_config(site_dir, reporter)
    out = out or site_dir / "output"
    _check_output_folder(out, config)
    with site_lock(config.cache_dir, reporter):  # a second build of the site waits
        return _build(config, out, strict, force, defer_search, reporter, started)


def _build(config: Config, out: Path, strict: bool, force: bool, defer_search: bool,
           reporter: Reporter, started: float) -> BuildResult:
    last = None if force else unchanged(config, out, fingerprint(config, out))
    # --strict also checks links, which a plain build skips: its record must say it did.
    if last is not None and not (strict and (last["warnings"] or not last.get("strict"))):
        for warning in last["warnings"]:
            print(warning, file=sys.stderr)
        return BuildResult(out, last["counts"], last["warnings"], time.perf_counter() - started)
    memos = Memos(config.cache_dir / "memo")
    # The inputs as this build sees them; content/ once it has written its part of it.
    # An edit made while it runs is then a change for the next build.
    sources = source_lines(config)
    reporter.info("reading and cleaning seeds …")
    cleaned = ingest(config, reporter, memos)
    write_content(cleaned, config, reporter, memos, force=force)
    inputs = fingerprint(config, out, sources + content_lines(config))
    articles = load_articles(config, reporter, memos)
    memos.save()
    if not articles:
        raise SiteError("no articles to build: add .txt, .html or .md files to seeds/",
                        config.seeds_dir)
    reporter.info(f"analysing {len(articles)} articles …")
    digest = analyze(articles, config, memos)
    memos.save()
    reporter.info("rendering …")
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(out, reporter)
    staging = out.with_name(f".{out.name}.staging-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        previous = out if (out / "digest.json").is_file() else None
        pages = render_site(digest, config, staging, previous)
        if defer_search:
            link_bundles(out, staging)
        else:
            reporter.info("indexing for search …")
            if problem := build_search_index(staging):
                reporter.warn(problem)
        if strict:  # the link check reads every page back: only where it can fail a build
            reporter.info("checking links …")
            for problem in broken_links(staging):
                reporter.warn(problem)
        if strict and reporter.warnings:
            raise SiteError(f"{len(reporter.warnings)} warning(s) and --strict is set; "
                            "output left unchanged", out)
        _swap(staging, out, reporter)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    counts = _counts(digest, len(pages))
    record = {"counts": counts, "warnings": reporter.warnings, "strict": strict}
    result = BuildResult(out, counts, reporter.warnings, time.perf_counter() - started, digest)
    if defer_search:
        # Recorded only once indexed: a later `build` must not take this output as complete.
        result.finish_search = functools.partial(_finish_search, config, out, record, inputs)
    else:
        remember(config, out, record, inputs)
    return result


def _finish_search(config: Config, out: Path, record: dict, inputs: str) -> str | None:
    with site_lock(config.cache_dir, Reporter(quiet=True)):  # it changes the live output
        problem = reindex(out)
        if problem is None:
            remember(config, out, record, inputs)
    return problem


# Folders a build (or the preview's search indexing) works in beside the output.
_LEFTOVERS = (".staging", ".retired", ".search")


def _remove_stale(out: Path, reporter: Reporter) -> None:
    """Remove staging and retired folders left by builds that were killed."""
    for leftover in out.parent.glob(f".{out.name}.*-*"):
        kind, _, pid = leftover.name.rpartition("-")
        if kind.endswith(_LEFTOVERS) and pid.isdigit() and not _alive(int(pid)):
            _remove_tree(leftover, reporter)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_tree(path: Path, reporter: Reporter) -> None:
    """Delete a folder a build made, also when it was made read-only (say, by a deploy
    step); say so if it cannot be done, rather than leave a whole copy of a site behind."""
    if not path.exists():
        return
    try:
        shutil.rmtree(path)
        return
    except OSError:
        for folder, _, _ in os.walk(path):
            with contextlib.suppress(OSError):
                os.chmod(folder, stat.S_IRWXU)
    try:
        shutil.rmtree(path)
    except OSError as exc:
        reporter.warn(f"could not remove this old copy of the site ({exc.strerror or exc}); "
                      "delete it by hand", path)


# Linux's renameat2(2): swap two paths in one step (glibc 2.28+, most file systems).
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap folders `a` and `b`; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b),
                     _RENAME_EXCHANGE) == 0


def _swap(staging: Path, out: Path, reporter: Reporter) -> None:
    """Replace `out` with `staging` so that readers always find a whole site: one atomic
    exchange where the system has it, else two renames (with a moment without `out`)."""
    if out.exists() and _exchange(staging, out):
        _remove_tree(staging, reporter)  # now the previous site
        return
    retired = out.with_name(f".{out.name}.retired-{os.getpid()}")
    if out.exists():
        out.rename(retired)
    staging.rename(out)
    _remove_tree(retired, reporter)
