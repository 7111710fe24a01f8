"""The full-text search index: Pagefind, run over the rendered pages, shard by shard.

The searchable pages (those marking a body to index; all pages when none do), in name
order, are cut into shards; each shard is one Pagefind run into its own bundle folder:
the first `pagefind/`, the others `pagefind-2/`, `pagefind-3/` …, listed in
`pagefind/shards.json`; the search page merges them when it loads (the first bundle's
scripts do the searching: the others keep only their index files).

Where a shard ends depends only on the pages near the cut (content-defined chunking): a
page whose path hash is a multiple of CUT_EVERY ends a shard when at least SHARD_MIN
pages came before it since the previous such page, and a shard of SHARD_PAGES pages
ends where it is. An edited page therefore changes one shard, and an added or removed
page the shards between two such cuts around it (one or two, more only in a run of
capped shards), whatever its place in the order.

Pagefind's bundle is a function of the pages it is given (the cold builds are
byte-identical), so a build re-indexes only the shards whose pages changed and links
the previous build's bundle for every other one. What it may reuse is kept in the cache
folder (`RECORD_FILE`): each page's stamp and hash, and each shard's key (a hash of its
pages' paths and bytes, of the Pagefind program and of whether it is the first) with
the stamps of its bundle's files. A bundle whose files are not all as recorded (edited
by hand, half-written, gone) is indexed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .cache import content_hash, keep_file
from .pagefind_client import PagefindError, index_pages
from .parallel import workers

TIMEOUT_SECONDS = 600
CUT_EVERY = 128  # on average one page in this many may end a shard
SHARD_MIN = 64  # … when this many pages came since the last page that could
SHARD_PAGES = 320  # the most pages in one shard: what one edit may cost to index again
SHARDS_FILE = "pagefind/shards.json"
RECORD_FILE = "search-index.json"  # in the cache folder
# Part of every shard's key: raise it when what a bundle holds for the same pages changes.
BUNDLE_VERSION = 1
# The names `shard_folders` gives: a record naming any other folder is not followed.
_BUNDLE_FOLDER = re.compile(r"pagefind(?:-[0-9]+)?")
_MARKER = b"data-pagefind-body"

# A page's or bundle file's stamp: size, mtime_ns, inode (a hard link keeps all three).
Stamp = list


@dataclass
class Indexed:
    """What `index_site` did: a warning when it could not, the record for the next
    build, and the bundle folders it ran Pagefind for (the others were linked)."""

    problem: str | None
    record: dict = field(default_factory=dict)
    indexed: list[str] = field(default_factory=list)


def _stamp(path: str | Path) -> Stamp:
    info = os.stat(path)
    return [info.st_size, info.st_mtime_ns, info.st_ino]


def html_files(site: Path) -> list[str]:
    """Every .html file under `site` (site paths, in name order)."""
    found = []
    prefix = len(str(site)) + 1
    for folder, _, files in os.walk(site):
        found += [os.path.join(folder, name)[prefix:].replace(os.sep, "/")
                  for name in files if name.endswith(".html")]
    return sorted(found)


def page_entry(path: str | Path, data: bytes) -> list:
    """The record's entry of a page just written at `path` with bytes `data` (the render
    makes it, so that indexing need not read the page back): as `page_hashes` gives it."""
    return [*_stamp(path), content_hash(data), _MARKER in data]


def page_hashes(site: Path, known: dict | None = None, pages: list[str] | None = None
                ) -> dict[str, list]:
    """Each page's [size, mtime_ns, inode, hash, searchable], by site path, of `pages`
    (the .html files of `site`, found when not given); a page whose stamp is the one in
    `known` (the last build's) is not read again."""
    known = known or {}
    hashes: dict[str, list] = {}
    root = str(site)
    for page in sorted(pages) if pages is not None else html_files(site):
        path = os.path.join(root, page)
        stamp = _stamp(path)
        kept = known.get(page)
        if isinstance(kept, list) and len(kept) == 5 and kept[:3] == stamp:
            hashes[page] = kept
            continue
        with open(path, "rb") as file:  # changed since the stamp: read again next time
            data = file.read()
        hashes[page] = [*stamp, content_hash(data), _MARKER in data]
    return hashes


def searchable_pages(site: Path) -> list[str]:
    """Pages Pagefind indexes: those marking a body to index, else (none do) all pages."""
    return _searchable(page_hashes(site))


def _searchable(pages: dict[str, list]) -> list[str]:
    marked = [page for page, entry in pages.items() if entry[4]]
    return marked or list(pages)


def _may_cut(page: str) -> bool:
    number = int.from_bytes(hashlib.blake2b(page.encode(), digest_size=8).digest(), "big")
    return number % CUT_EVERY == 0


def shard_folders(pages: list[str]) -> list[tuple[str, list[str]]]:
    """The bundle folder of each shard and the pages it indexes, in page order."""
    chunks: list[list[str]] = [[]]
    since = 0  # pages since the last one that could end a shard
    for page in pages:
        if len(chunks[-1]) == SHARD_PAGES:
            chunks.append([])
        chunks[-1].append(page)
        since += 1
        if _may_cut(page):
            if since >= SHARD_MIN:
                chunks.append([])
            since = 0
    if not chunks[-1] and len(chunks) > 1:
        chunks.pop()
    return [("pagefind" if n == 1 else f"pagefind-{n}", chunk)
            for n, chunk in enumerate(chunks, 1)]


def _program_mark(binary: Path) -> str:
    """What identifies the Pagefind program: its path and stamp."""
    return json.dumps([str(binary), *_stamp(binary)[:2]])


def _shard_key(program: str, first: bool, pages: list[str], hashes: dict[str, list]) -> str:
    # The first bundle keeps Pagefind's scripts, the others do not: a shard that moves
    # to or from the front is indexed again.
    return content_hash(json.dumps([BUNDLE_VERSION, program, first,
                                    [(page, hashes[page][3]) for page in pages]]).encode())


def build_search_index(site: Path) -> str | None:
    """Index `site` with Pagefind into its bundle folders; return a warning when it could not."""
    return index_site(site).problem


def is_bundle_folder(name: str) -> bool:
    """Whether a folder of a site's top level is one of its search bundles."""
    return _BUNDLE_FOLDER.fullmatch(name) is not None


def index_site(site: Path, previous: Path | None = None, record: dict | None = None,
               pages: list[str] | None = None, written: dict[str, list] | None = None
               ) -> Indexed:
    """Index `site` into its bundle folders, linking from `previous` (the last build's
    site, described by `record`, see load_record) each bundle whose pages are the same.
    `pages`: the site's .html files, when the caller knows them; `written`: the entries
    (see `page_entry`) of pages the caller wrote, not read again while their stamp holds.
    Bundle folders `site` already holds (a spare copy of the site, see render/spare.py)
    are brought up to date: only this index's stay, as it made them."""
    indexed = _index_site(site, previous, record, pages, written)
    made = set(indexed.record.get("shards", {})) if indexed.problem is None else set()
    for bundle in bundles(site):
        if bundle.name not in made:
            shutil.rmtree(bundle)
    return indexed


def _index_site(site: Path, previous: Path | None, record: dict | None,
                pages: list[str] | None, written: dict[str, list] | None) -> Indexed:
    if importlib.util.find_spec("pagefind") is None:
        return Indexed("search index not built: the pagefind package is not installed")
    from pagefind.service import get_executable  # late: the package is optional

    binary = get_executable()
    if binary is None:
        return Indexed("search index not built: the pagefind program is not installed")
    record = record or {}
    kept = record.get("pages")
    try:
        hashes = page_hashes(site, {**(kept if isinstance(kept, dict) else {}),
                                    **(written or {})}, pages)
    except OSError as exc:
        return Indexed(f"search index not built: {exc}")
    program = _program_mark(Path(binary))
    shards = [(folder, chunk, _shard_key(program, folder == "pagefind", chunk, hashes))
              for folder, chunk in shard_folders(_searchable(hashes))]
    known = record.get("shards") if isinstance(record.get("shards"), dict) else {}
    by_key = {entry.get("key"): (old, entry.get("files")) for old, entry in known.items()
              if isinstance(entry, dict) and _BUNDLE_FOLDER.fullmatch(old)}
    files: dict[str, dict[str, Stamp]] = {}
    todo = []
    for folder, chunk, key in shards:
        old, stamps = by_key.get(key, (None, None))
        if previous is not None and old is not None and \
                _link_bundle(previous / old, site / folder, stamps):
            files[folder] = stamps
        else:
            todo.append((folder, chunk))

    def run(shard: tuple[str, list[str]]) -> tuple[str, dict[str, Stamp] | str]:
        folder, chunk = shard
        keep = None if folder == "pagefind" else merged_file
        # An older bundle here is replaced whole (its files may be links to the live ones).
        shutil.rmtree(site / folder, ignore_errors=True)
        try:
            names = index_pages(Path(binary), site, chunk, site / folder, TIMEOUT_SECONDS,
                                keep)
            return folder, {name: _stamp(site / folder / name) for name in names}
        except (PagefindError, OSError) as exc:
            return folder, f"search index not built: {exc}"

    with ThreadPoolExecutor(workers()) as pool:
        for folder, result in pool.map(run, todo):
            if isinstance(result, str):
                return Indexed(result)
            files[folder] = result
    try:
        (site / SHARDS_FILE).unlink(missing_ok=True)  # never written through a link
        (site / SHARDS_FILE).write_text(  # read by static/search.js
            json.dumps([f"{folder}/" for folder, _, _ in shards]) + "\n", encoding="utf-8")
    except OSError as exc:
        return Indexed(f"search index not built: {exc}")
    shard_record = {folder: {"key": key, "files": files[folder]} for folder, _, key in shards}
    return Indexed(None, {"pages": hashes, "shards": shard_record},
                   [folder for folder, _ in todo])


def merged_file(name: str) -> bool:
    """Whether the search page reads bundle file `name` of a shard it merges into the
    first (Pagefind's mergeIndex: the index, not its scripts, styles or WebAssembly)."""
    return name == "pagefind-entry.json" or name.endswith(".pf_meta") or \
        name.startswith(("index/", "fragment/", "filter/"))


def _link_bundle(old: Path, new: Path, stamps: object) -> bool:
    """Hard-link (else copy) the bundle files `stamps` names from `old` into `new`, if
    each is still the file the record describes; False (and nothing left) otherwise.
    A file `new` holds already is kept if it is that very file (same inode), else
    replaced; files `stamps` does not name are deleted."""
    if not isinstance(stamps, dict) or not stamps:
        return False
    made: set[str] = set()
    try:
        there = _bundle_files(new)
        for name, stamp in stamps.items():
            if name.startswith("/") or ".." in name.split("/"):
                raise FileNotFoundError(name)
            source, target = os.path.join(old, name), os.path.join(new, name)
            if _stamp(source) != stamp:
                raise FileNotFoundError(name)
            if name in there:
                if there.pop(name) == stamp[2]:
                    continue
                os.unlink(target)  # another file: replaced, never written through
            if os.path.isdir(target) and not os.path.islink(target):
                raise FileNotFoundError(name)  # a folder in a file's place: index afresh
            folder = os.path.dirname(target)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            try:
                os.link(source, target)
            except OSError:  # links unsupported here: a copy keeps the bytes
                shutil.copy2(source, target)
                stamps[name] = _stamp(target)
        for name in there:  # left from an older bundle
            os.unlink(os.path.join(new, name))
        _remove_empty_folders(new)
        return True
    except (OSError, ValueError):  # ValueError: a damaged record's name holds a NUL
        shutil.rmtree(new, ignore_errors=True)
        return False


def _bundle_files(folder: Path) -> dict[str, int]:
    """The inode of each file under `folder` by its path there (none when there is no
    such folder); links to folders are deleted, never followed."""
    found: dict[str, int] = {}
    if not folder.is_dir() or folder.is_symlink():
        with contextlib.suppress(FileNotFoundError):
            folder.unlink()
        return found
    prefix = len(str(folder)) + 1
    for root, folders, files in os.walk(folder):
        for name in [*folders]:
            if os.path.islink(os.path.join(root, name)):
                os.unlink(os.path.join(root, name))
                folders.remove(name)
        for name in files:
            path = os.path.join(root, name)
            found[path[prefix:].replace(os.sep, "/")] = os.lstat(path).st_ino
    return found


def _remove_empty_folders(folder: Path) -> None:
    for root, _, _ in os.walk(folder, topdown=False):  # the deepest first
        if root != str(folder) and not os.listdir(root):
            os.rmdir(root)


def load_record(cache_dir: Path, out: Path) -> dict:
    """What the last build indexed for the site now in `out` (empty when it is unknown)."""
    with contextlib.suppress(OSError, ValueError):
        record = json.loads((cache_dir / RECORD_FILE).read_text(encoding="utf-8"))
        if isinstance(record, dict) and record.get("output") == str(out.resolve()):
            return record
    return {}


def save_record(cache_dir: Path, out: Path, record: dict) -> None:
    """Keep `record` (from `index_site`) as describing the site now in `out`."""
    keep_file(cache_dir / RECORD_FILE, json.dumps({"output": str(out.resolve()), **record}))


def forget_record(cache_dir: Path) -> None:
    """The live site's index is about to change in place: no record describes it."""
    (cache_dir / RECORD_FILE).unlink(missing_ok=True)


def bundles(site: Path) -> list[Path]:
    """The search index folders of a built site."""
    return sorted(p for p in site.glob("pagefind*") if p.is_dir())


def reindex(site: Path, cache_dir: Path | None = None) -> str | None:
    """Rebuild the search index of a live site: built beside it (reusing the bundles of
    unchanged shards), then swapped in."""
    aside = site.with_name(f".{site.name}.search-{os.getpid()}")
    shutil.rmtree(aside, ignore_errors=True)
    record = load_record(cache_dir, site) if cache_dir is not None else {}
    try:
        for page in html_files(site):
            target = aside / page
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(site / page, target)
        indexed = index_site(aside, site, record)
        if indexed.problem:
            return indexed.problem
        if cache_dir is not None:
            forget_record(cache_dir)
        fresh = {bundle.name for bundle in bundles(aside)}
        for bundle in bundles(site):
            if bundle.name not in fresh:
                shutil.rmtree(bundle)
        for name in sorted(fresh):
            retired = aside / f"{name}.retired"
            if (site / name).exists():
                (site / name).rename(retired)
            (aside / name).rename(site / name)
        if cache_dir is not None:  # the pages' stamps are those of the live files
            save_record(cache_dir, site, indexed.record)
        return None
    except OSError as exc:
        return f"search index not built: {exc}"
    finally:
        shutil.rmtree(aside, ignore_errors=True)
