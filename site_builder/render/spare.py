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
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path


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


def prune(folder: Path, expected: set[str], later: Callable[[str], bool]) -> dict[str, int]:
    """Delete from `folder` every file (and folder left empty) whose site path is not in
    `expected`; return the inode of each expected file that is there (a symbolic link
    is a file here: it is deleted or replaced, never followed). Folders of the top level
    whose name `later` accepts are left as they are (the search index's bundles: its
    phase brings them up to date)."""
    present: dict[str, int] = {}
    _prune(str(folder), "", expected, present, later)
    return present


def _prune(root: str, prefix: str, expected: set[str], present: dict[str, int],
           later: Callable[[str], bool] | None) -> bool:
    """`prune` for folder `root` (site path `prefix`); whether anything is kept in it."""
    kept = False
    with os.scandir(root) as entries:
        listed = list(entries)
    for entry in listed:
        path = prefix + entry.name
        if entry.is_dir(follow_symlinks=False):
            if later is not None and later(entry.name):
                kept = True
            elif path in expected:
                shutil.rmtree(entry.path)
            elif _prune(entry.path, path + "/", expected, present, None):
                kept = True
            else:
                os.rmdir(entry.path)
        elif path in expected:
            present[path] = entry.inode()
            kept = True
        else:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
    return kept
