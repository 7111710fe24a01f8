"""The full-text search index: Pagefind, run over the rendered pages.

Pagefind holds everything it indexes in memory (about 1.8 GiB for 10,000 articles),
so a big site is indexed in shards of SHARD_PAGES pages, each by its own Pagefind
run: the first shard's bundle is `pagefind/`, the others `pagefind-2/`, `pagefind-3/`
…, listed in `pagefind/shards.json`; the search page merges them when it loads.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .pagefind_client import PagefindError, index_pages
from .parallel import workers

TIMEOUT_SECONDS = 600
SHARD_PAGES = 2000
SHARDS_FILE = "pagefind/shards.json"
_MARKER = b"data-pagefind-body"


def searchable_pages(site: Path) -> list[str]:
    """Pages Pagefind indexes: those marking a body to index, else (none do) all pages."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    marked = [page for page in pages if _MARKER in (site / page).read_bytes()]
    return marked or pages


def shard_folders(pages: list[str]) -> list[tuple[str, list[str]]]:
    """The bundle folder of each shard and the pages it indexes, in page order."""
    size = SHARD_PAGES
    chunks = [pages[i : i + size] for i in range(0, len(pages), size)] or [[]]
    return [("pagefind" if n == 1 else f"pagefind-{n}", chunk)
            for n, chunk in enumerate(chunks, 1)]


def build_search_index(site: Path) -> str | None:
    """Index `site` with Pagefind into its bundle folders; return a warning when it could not."""
    if importlib.util.find_spec("pagefind") is None:
        return "search index not built: the pagefind package is not installed"
    if sum(1 for _ in site.rglob("*.html")) <= SHARD_PAGES:
        shards = [("pagefind", [])]
        problem = _pagefind(site, site / "pagefind")
    else:
        shards = shard_folders(searchable_pages(site))
        with ThreadPoolExecutor(workers()) as pool:
            problems = list(pool.map(lambda shard: _index_shard(site, *shard), shards))
        problem = next((p for p in problems if p), None)
    if problem:
        return problem
    (site / SHARDS_FILE).write_text(  # read by static/search.js
        json.dumps([f"{folder}/" for folder, _ in shards]) + "\n", encoding="utf-8")
    return None


def bundles(site: Path) -> list[Path]:
    """The search index folders of a built site."""
    return sorted(p for p in site.glob("pagefind*") if p.is_dir())


def reindex(site: Path) -> str | None:
    """Rebuild the search index of a live site: built beside it, then swapped in."""
    aside = site.with_name(f".{site.name}.search-{os.getpid()}")
    shutil.rmtree(aside, ignore_errors=True)
    try:
        for page in site.rglob("*.html"):
            target = aside / page.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(page, target)
        if problem := build_search_index(aside):
            return problem
        fresh = {bundle.name for bundle in bundles(aside)}
        for bundle in bundles(site):
            if bundle.name not in fresh:
                shutil.rmtree(bundle)
        for name in sorted(fresh):
            retired = aside / f"{name}.retired"
            if (site / name).exists():
                (site / name).rename(retired)
            (aside / name).rename(site / name)
        return None
    except OSError as exc:
        return f"search index not built: {exc}"
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def _index_shard(site: Path, folder: str, pages: list[str]) -> str | None:
    # Pagefind indexes a folder: give it one holding only this shard's pages (as
    # hard links, at the same paths, so result URLs are those of the real site).
    view = site / f".{folder}-pages"
    try:
        for page in pages:
            target = view / page
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(site / page, target)
        return _pagefind(view, site / folder)
    except OSError as exc:
        return f"search index not built: {exc}"
    finally:
        shutil.rmtree(view, ignore_errors=True)


def _pagefind(pages: Path, bundle: Path) -> str | None:
    # Pages in name order through Pagefind's service, not its command line, which takes
    # them in directory listing order: the bundle must not depend on the file system.
    from pagefind.service import get_executable  # late: the package is optional

    binary = get_executable()
    if binary is None:
        return "search index not built: the pagefind program is not installed"
    try:
        index_pages(binary, pages, searchable_pages(pages), bundle, TIMEOUT_SECONDS)
    except PagefindError as exc:
        return f"search index not built: {exc}"
    return None
