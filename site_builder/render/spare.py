"""The spare copy of a site: the site a build swapped out, kept to be the next staging folder.

A build renders into a staging folder beside the output and swaps it in. Made afresh,
that folder needs a folder and a hard link for every unchanged page (tens of thousands
of both at 10,000 articles: seconds of file-system work, and as much again to delete
the old copy afterwards). Instead the site the swap retires is kept beside the output
as `.<output>.spare`, and the next build takes it as its staging folder and only brings
it up to date: files the new site does not have are deleted, and a file is kept only
while it is the very file (the same inode, on the same file system) that the build
would link from the output; every other one is replaced, never written through.
Nothing in the spare is trusted by its name or content alone, so a spare that is
stale, half brought up to date or edited by hand still ends as a fresh folder would.

Listing every folder of the spare (one per page) is most of that work, so each build
notes the folders of the site it made (`note_folder`): each folder's inode, its mtime
and its entries, for those whose last change had settled (see cache.settled) by then.
When that site is the spare, two builds later, a folder that still has that inode and
mtime has had no entry added, removed or renamed since: its noted entries stand for a
listing (a file's inode is still taken from the file). Any other folder is listed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

import orjson

from ..cache import keep_file, settled

# A folder's noted folders by site path ("" the folder itself, else "a/b/"):
# [inode, mtime_ns, [file names], [folder names]].
Note = dict[str, list]
# In the cache folder: one file "<device>-<inode>.json" per note, for the last two sites
# a build made (a build writes its own and reads the spare's only: 16,500 folders each at
# 10,000 articles).
NOTES_FOLDER = "spare-notes"


def spare_path(out: Path) -> Path:
    """Where the spare copy of the site in `out` is kept."""
    return out.with_name(f".{out.name}.spare")


def claim_spare(out: Path, staging: Path) -> bool:
    """Move the spare of `out` to `staging` (which must not exist); False when there is
    none, it is no site (no digest.json: a folder of that name the user made), or it is
    not on the output's file system (inodes would not tell files apart)."""
    spare = spare_path(out)
    try:
        if spare.is_symlink() or not (spare / "digest.json").is_file() or \
                os.stat(spare).st_dev != os.stat(out).st_dev:
            return False
        spare.rename(staging)
    except OSError:
        return False
    return True


def keep_spare(retired: Path, out: Path) -> Path | None:
    """Keep `retired` (the site a swap took out of `out`) as the spare; returns the older
    spare it replaces, for the caller to delete, or `retired` itself when it could not
    be kept (then the caller deletes that)."""
    spare = spare_path(out)
    # Named as a build's leftovers are: a later build deletes it if this one dies.
    older = out.with_name(f".{out.name}.spare.retired-{os.getpid()}")
    try:
        if spare.exists() or spare.is_symlink():
            spare.rename(older)
        retired.rename(spare)
    except OSError:
        return retired
    return older if older.exists() else None


def prune(folder: Path, expected: set[str], later: Callable[[str], bool],
          note: Note | None = None) -> dict[str, int]:
    """Delete from `folder` every file (and folder left empty) whose site path is not in
    `expected`; return the inode of each expected file that is there (a symbolic link
    is a file here: it is deleted or replaced, never followed). Folders of the top level
    whose name `later` accepts are left as they are (the search index's bundles: its
    phase brings them up to date). `note`: what `note_folder` noted of `folder` (a folder
    that is as noted is not listed)."""
    present: dict[str, int] = {}
    _prune(str(folder), "", expected, present, later, note or {})
    return present


def _prune(root: str, prefix: str, expected: set[str], present: dict[str, int],
           later: Callable[[str], bool] | None, note: Note) -> bool:
    """`prune` for folder `root` (site path `prefix`); whether anything is kept in it."""
    kept = False
    for name, is_dir, inode in _entries(root, prefix, note):
        path = prefix + name
        full = os.path.join(root, name)
        if is_dir:
            if later is not None and later(name):
                kept = True
            elif path in expected:
                shutil.rmtree(full)
            elif _prune(full, path + "/", expected, present, None, note):
                kept = True
            else:
                os.rmdir(full)
        elif path in expected:
            if inode is None:  # a noted name: the file's inode is read, never assumed
                try:
                    inode = os.lstat(full).st_ino
                except FileNotFoundError:
                    continue
            present[path] = inode
            kept = True
        else:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(full)
    return kept


def _entries(root: str, prefix: str, note: Note) -> list[tuple[str, bool, int | None]]:
    """The entries of folder `root`: (name, is a folder (not followed), inode or None).
    Its noted entries while it has the noted inode and mtime, else as listed now."""
    noted = note.get(prefix)
    if _well_formed(noted):
        try:
            info = os.lstat(root)
        except OSError:
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode) and \
                [info.st_ino, info.st_mtime_ns] == noted[:2]:
            return [(name, False, None) for name in noted[2]] + \
                [(name, True, None) for name in noted[3]]
    return _listed(root)


def _well_formed(noted: object) -> bool:
    """Whether a folder's note is as `note_folder` writes it (a damaged cache file must
    not name a path outside the folder)."""
    return isinstance(noted, list) and len(noted) == 4 and \
        all(isinstance(n, int) for n in noted[:2]) and \
        all(isinstance(names, list) and all(_plain(name) for name in names)
            for names in noted[2:])


def _plain(name: object) -> bool:
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name and \
        "\0" not in name and os.sep not in name


def _listed(root: str) -> list[tuple[str, bool, int | None]]:
    with os.scandir(root) as entries:
        return [(entry.name, entry.is_dir(follow_symlinks=False), entry.inode())
                for entry in entries]


def note_folder(folder: Path, files: Iterable[str]) -> Note:
    """The note of `folder`, which holds exactly `files` (site paths) besides its top
    level's search bundles, as a build left it: each folder whose last change had
    settled, with its inode, its mtime and its entries (see `prune`)."""
    tree: dict[str, tuple[set[str], set[str]]] = {"": (set(), set())}
    for path in files:
        *folders, name = path.split("/")
        prefix = ""
        for part in folders:
            tree[prefix][1].add(part)
            prefix = f"{prefix}{part}/"
            if prefix not in tree:
                tree[prefix] = (set(), set())
        tree[prefix][0].add(name)
    note: Note = {}
    for prefix, (names, folders_) in tree.items():
        try:
            info = os.lstat(os.path.join(folder, prefix))
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode) and settled(info):
            note[prefix] = [info.st_ino, info.st_mtime_ns, sorted(names), sorted(folders_)]
    return note


def folder_id(folder: Path) -> str | None:
    """What names a folder in the notes: its device and inode (kept across renames)."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return f"{info.st_dev}-{info.st_ino}"


def load_note(cache_dir: Path, folder: Path) -> Note:
    """The note of `folder` (a spare just claimed), or none."""
    ident = folder_id(folder)
    if ident is None:
        return {}
    try:
        note = orjson.loads((cache_dir / NOTES_FOLDER / f"{ident}.json").read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}  # a lost or damaged note only costs a walk of the spare
    return note if isinstance(note, dict) else {}


def save_note(cache_dir: Path, ident: str, note: Note, spare: Path) -> None:
    """Keep `note` of the site folder `ident`, and the note of the site now in `spare`
    (the next build stages in it); delete the others."""
    folder = cache_dir / NOTES_FOLDER
    keep_file(folder / f"{ident}.json", orjson.dumps(note).decode())
    kept = {f"{ident}.json", f"{folder_id(spare)}.json"}
    for old in folder.iterdir():
        if old.name not in kept:
            old.unlink(missing_ok=True)
