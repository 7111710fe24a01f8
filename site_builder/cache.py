"""What the last successful build saw, so that an unchanged site is not rebuilt."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .config import CONFIG_FILE, Config
from .theme import builtin_templates

MANIFEST = "last-build.json"
# The input files' stamps and content hashes as the last command-line build listed them.
STAMPS = "stamps.json"
_PACKAGE = Path(__file__).resolve().parent


def content_hash(data: bytes) -> str:
    """The hash of a file's bytes as the input listings give it."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


# A file's identity as `stat` tells it: a write, a rename over it or a restored mtime
# changes one of these (the change time cannot be set back).
Stamp = tuple[int, int, int, int]
# How long after its last change a file's hash may be kept by its stamp: a save within
# the file system's timestamp granularity of the listing could leave the stamp as it was.
_SETTLED_NS = 2_000_000_000


def _file_lines(root: Path, base: Path, suffixes: tuple[str, ...] = (),
                known: dict[str, tuple[Stamp, str]] | None = None) -> list[str]:
    """`name NUL content-hash` of every file under `root` (or of `root` itself).

    Content, not size and mtime: an edit that keeps both (a restored mtime, a
    same-second save) is still an edit. A file that vanishes while it is listed
    (an editor's temporary file) is left out; one that cannot be read is listed as
    such, so that it counts as changed once it can be read again. With `known` (a
    long-lived process's: path -> stamp and hash), a file whose stamp is as it was,
    and was then older than the timestamp granularity, is not read again.
    """
    try:
        if root.is_file():
            paths = [str(root)]
        elif root.is_dir():
            # Plain strings and sorted by parts, as paths sort: tens of thousands of
            # files are listed before every build, so Path objects would cost more than
            # the reading.
            paths = sorted(_files_under(str(root)), key=lambda p: p.split(os.sep))
        else:
            return []
    except FileNotFoundError:  # the folder itself went while it was walked
        return []
    prefix = len(_walked_prefix(base))
    lines = []
    for path in paths:
        if suffixes and not path.endswith(suffixes):
            continue
        try:
            digest = _hashed(path, known)
        except FileNotFoundError:
            continue
        except OSError as exc:
            digest = f"unreadable {exc.errno}"
        lines.append(f"{path[prefix:].replace(os.sep, '/')}\0{digest}")
    return lines


def _walked_prefix(base: Path) -> str:
    """What the walked path of a file under `base` starts with, before its site path:
    nothing under "." (a build run inside its site: Path joins add no "./")."""
    return "" if str(base) == os.curdir else str(base) + os.sep


def stamp_of(info: os.stat_result) -> Stamp:
    """A file's stamp from its `stat`."""
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def settled(info: os.stat_result) -> bool:
    """Whether a file's stamp may stand for its content: it last changed longer ago than
    the file system's timestamp granularity (a second save in the same clock tick could
    otherwise keep the stamp and be missed)."""
    return time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) > _SETTLED_NS


def _hashed(path: str, known: dict[str, tuple[Stamp, str]] | None) -> str:
    """The content hash of `path`, taken from `known` while its stamp is unchanged."""
    if known is None:
        return _read_hash(path)
    info = os.stat(path)
    stamp = stamp_of(info)
    kept = known.get(path)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    digest = _read_hash(path)
    if settled(info):
        known[path] = (stamp, digest)
    else:
        known.pop(path, None)
    return digest


def _read_hash(path: str) -> str:
    with open(path, "rb") as handle:
        return content_hash(handle.read())


def _files_under(folder: str) -> Iterator[str]:
    """Files under `folder`, following links to files but not into linked folders
    (as `Path.rglob` does)."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _files_under(entry.path)
        elif _is_file(entry):
            yield entry.path


def _is_file(entry: os.DirEntry) -> bool:
    """Whether an entry is a file or a link to one; a link in a loop is neither (the
    listing that reads it names it)."""
    try:
        return entry.is_file()
    except OSError:
        return False


@lru_cache(maxsize=1)
def code_version() -> str:
    """Changes whenever sitebuild's own code or built-in theme changes (by content: the
    compiled .pyc files Python writes beside it are no change)."""
    theme = builtin_templates()
    lines = _file_lines(_PACKAGE, _PACKAGE, (".py",)) + _file_lines(theme, theme.parent)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def source_lines(config: Config, known: dict[str, tuple[Stamp, str]] | None = None
                 ) -> list[str]:
    """Names and content hashes of the inputs a build only reads: config, seeds, templates
    (`known`: see `_file_lines`)."""
    site = config.site_dir
    lines = []
    for part in (site / CONFIG_FILE, config.seeds_dir, config.templates_dir):
        lines.extend(_file_lines(part, site, known=known))
    return lines


def content_lines(config: Config, known: dict[str, tuple[Stamp, str]] | None = None
                  ) -> list[str]:
    """Names and content hashes of content/ (which a build also writes)."""
    return _file_lines(config.content_dir, config.site_dir, known=known)


def fingerprint(config: Config, out: Path, lines: list[str] | None = None) -> str:
    """A hash of every input of a build: `lines` as a build saw them, else as they are now."""
    if lines is None:
        lines = source_lines(config) + content_lines(config)
    head = [code_version(), str(out.resolve()), os.environ.get("SOURCE_DATE_EPOCH", "")]
    return hashlib.sha256("\n".join(head + lines).encode()).hexdigest()


def _output_stamp(out: Path) -> list[int]:
    # digest.json is written with every build: a different size or mtime means the
    # output was rebuilt, replaced or deleted since the record was made.
    try:
        stat = (out / "digest.json").stat()
    except OSError:
        return []
    return [stat.st_size, stat.st_mtime_ns]


def unchanged(config: Config, out: Path, print_of_inputs: str) -> dict | None:
    """The record of the last build if it saw exactly these inputs and its output is intact."""
    try:
        record = json.loads((config.cache_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("fingerprint") == print_of_inputs and \
            record.get("output") == _output_stamp(out):
        return record
    return None


def remember(config: Config, out: Path, record: dict, print_of_inputs: str) -> None:
    """Store what a successful build saw (`fingerprint` of its inputs) and produced."""
    record = {**record, "fingerprint": print_of_inputs, "output": _output_stamp(out)}
    keep_file(config.cache_dir / MANIFEST, json.dumps(record, ensure_ascii=False))


def load_stamps(config: Config) -> dict[str, tuple[Stamp, str]]:
    """What the last command-line build knew of its input files (path -> stamp and hash),
    so that a file whose stamp is the same is not read again; empty if unreadable."""
    try:
        record = json.loads((config.cache_dir / STAMPS).read_text(encoding="utf-8"))
        return {path: ((size, mtime, ctime, inode), digest)
                for path, (size, mtime, ctime, inode, digest) in record.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}  # a damaged record only costs one reading of every input


def save_stamps(config: Config, known: dict[str, tuple[Stamp, str]], lines: list[str]
                ) -> None:
    """Keep `known` (see `load_stamps`) for the next build: the files of `lines` (the
    listing lines of this build's inputs) only, not those deleted since."""
    site = _walked_prefix(config.site_dir)
    listed = {site + line.split("\0", 1)[0].replace("/", os.sep) for line in lines}
    keep_file(config.cache_dir / STAMPS, json.dumps(
        {path: [*stamp, digest] for path, (stamp, digest) in known.items() if path in listed}))


def settle_stamps(config: Config, known: dict[str, tuple[Stamp, str]], lines: list[str]
                  ) -> None:
    """Hash again, at the end of a build, the listed files whose stamp could not stand
    for their content when they were listed (changed too recently: the content/ files
    the build had just written), so that the next build need not read them."""
    site = _walked_prefix(config.site_dir)
    for line in lines:
        path = site + line.split("\0", 1)[0].replace("/", os.sep)
        if path not in known:
            with contextlib.suppress(OSError):  # gone or unreadable: read next time
                _hashed(path, known)


def keep_file(target: Path, text: str) -> None:
    """Write a cache file whole or not at all (its folder made if need be)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")  # concurrent builds: own name
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
