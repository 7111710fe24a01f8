"""Deleting the copy of a site a build swapped out: at once, or in a detached process.

Deleting tens of thousands of files takes seconds, and nothing a build does needs it
done. The command line therefore hands the old copy to a process of its own
(`python -m site_builder.tidy FOLDER NAME`), which first renames it to
`NAME-<its process id>` and says so, then deletes it. A later build removes such a
folder only once no process of that id is alive (see `build._remove_stale`), so a
deleter that dies leaves nothing that grows: the next build finishes its work.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

_READY = b"renamed\n"


def remove_tree(path: Path) -> OSError | None:
    """Delete `path`, also when its folders were made read-only (say, by a deploy step);
    the error when it could not. A symbolic link is removed, never followed."""
    if path.is_symlink():
        try:
            path.unlink()
        except OSError as exc:
            return exc
        return None
    try:
        shutil.rmtree(path)
        return None
    except FileNotFoundError:
        return None
    except OSError:
        for folder, _, _ in os.walk(path):
            with contextlib.suppress(OSError):
                os.chmod(folder, stat.S_IRWXU)
    try:
        shutil.rmtree(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return exc
    return None


def remove_later(path: Path, name: str) -> bool:
    """Hand `path` to a detached process that renames it to `name-<pid>` beside it and
    deletes it; True once it is renamed (the caller's job is done), False when no such
    process could take it (the caller deletes it)."""
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "site_builder.tidy", str(path), name],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            start_new_session=True)  # not stopped with the build's terminal or group
    except OSError:
        return False
    assert child.stdout is not None
    with child.stdout:
        ready = child.stdout.readline() == _READY
    if not ready:
        child.wait()
    return ready


def _main(folder: str, name: str) -> None:
    path = Path(folder)
    mine = path.with_name(f"{name}-{os.getpid()}")
    path.rename(mine)
    sys.stdout.buffer.write(_READY)
    sys.stdout.buffer.flush()
    sys.stdout.close()
    remove_tree(mine)


if __name__ == "__main__":
    _main(*sys.argv[1:3])
