"""The build: seeds/ -> content/ -> output/, swapped in only when everything succeeded."""

from __future__ import annotations

import functools
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .analyze import analyze
from .cache import content_lines, fingerprint, remember, source_lines, unchanged
from .config import SOURCES_FILE, Config, load_config
from .content import load_articles, write_content
from .errors import Reporter, SiteError
from .ingest.clean import clean, repeated_lines
from .ingest.diagnose import no_article_message
from .ingest.language import not_english
from .ingest.readers import SEED_SUFFIXES, read_seed
from .linkcheck import broken_links
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
    not_english: list[str] = field(default_factory=list)  # "seed (language)"

    def summary(self) -> str:
        c = self.counts
        verb = "built" if self.digest is not None else "up to date (nothing changed):"
        def n(count: int, noun: str) -> str:
            return f"{count} {noun}{'' if count == 1 else 's'}"

        return (f"{verb} {self.output}: {n(c['articles'], 'article')}, "
                f"{n(c['paragraphs'], 'paragraph')} kept, {n(c['removed'], 'line')} removed, "
                f"{n(c['topics'], 'topic')}, {n(c['facts'], 'fact')}, "
                f"{n(c['disagreements'], 'disagreement')}, {n(c['pages'], 'page')}, "
                f"{n(len(self.warnings), 'warning')}, {self.seconds:.2f}s"
                + (f"\nnot in English: {', '.join(self.not_english)}" if self.not_english else ""))


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
        if not result.body:
            reporter.warn(no_article_message(doc, result, path) + "; skipped", path)
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
    last = None if force else unchanged(config, out, fingerprint(config, out))
    if last is not None and not (strict and last["warnings"]):
        for warning in last["warnings"]:
            print(warning, file=sys.stderr)
        return BuildResult(out, last["counts"], last["warnings"], time.perf_counter() - started,
                           not_english=last.get("not_english", []))
    memos = Memos(config.cache_dir / "memo")
    # The inputs as this build sees them; content/ once it has written its part of it.
    # An edit made while it runs is then a change for the next build.
    sources = source_lines(config)
    reporter.info("reading and cleaning seeds …")
    cleaned = ingest(config, reporter, memos)
    foreign = not_english({d.source_file: " ".join(b.text for b in d.body) for d in cleaned})
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
    _remove_stale(out)
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
        _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    counts = _counts(digest, len(pages))
    record = {"counts": counts, "warnings": reporter.warnings, "not_english": foreign}
    result = BuildResult(out, counts, reporter.warnings, time.perf_counter() - started, digest,
                         not_english=foreign)
    if defer_search:
        # Recorded only once indexed: a later `build` must not take this output as complete.
        result.finish_search = functools.partial(_finish_search, config, out, record, inputs)
    else:
        remember(config, out, record, inputs)
    return result


def _finish_search(config: Config, out: Path, record: dict, inputs: str) -> str | None:
    problem = reindex(out)
    if problem is None:
        remember(config, out, record, inputs)
    return problem


# Folders a build (or the preview's search indexing) works in beside the output.
_LEFTOVERS = (".staging", ".retired", ".search")


def _remove_stale(out: Path) -> None:
    """Remove staging and retired folders left by builds that were killed."""
    for leftover in out.parent.glob(f".{out.name}.*-*"):
        kind, _, pid = leftover.name.rpartition("-")
        if kind.endswith(_LEFTOVERS) and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _swap(staging: Path, out: Path) -> None:
    """Replace `out` with `staging`: two renames, so readers never see a half-written site."""
    retired = out.with_name(f".{out.name}.retired-{os.getpid()}")
    if out.exists():
        out.rename(retired)
    staging.rename(out)
    shutil.rmtree(retired, ignore_errors=True)
