"""One build of a site at a time: a second build (or the preview's) waits for the first.

Two builds of one site would write the same content/ files, memos and output
folder. The lock is an advisory lock (flock) on `.sitebuild/build.lock`, released
by the kernel when its process ends, so a killed build never leaves it held.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import Reporter, SiteError

try:
    import fcntl
except ImportError:  # not POSIX: builds are not serialised there
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = "build.lock"


@contextmanager
def site_lock(folder: Path, reporter: Reporter) -> Iterator[None]:
    """Hold the site's build lock for the duration of the block, waiting for it if taken."""
    if fcntl is None:
        yield
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = (folder / LOCK_FILE).open("a+", encoding="utf-8")
    except OSError as exc:
        raise SiteError(f"cannot create the build lock: {exc.strerror or exc}",
                        folder / LOCK_FILE) from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip()
            reporter.notice("another build of this site is running"
                            + (f" (process {holder})" if holder.isdigit() else "")
                            + "; waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
