"""The seeds a run adds: named, written and recorded so that `seeds/` and
`seeds/sources.yml` always agree."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..config import SOURCES_FILE
from .sources import SourcesFile, write_atomically
from .urls import same_url_key, seed_name

# Called with a seed's name after it is written and before sources.yml records it.
SeedHook = Callable[[str], None]


class SeedBook:
    """Names, writes and records seeds, keeping `seeds/` and `sources.yml` in step."""

    def __init__(self, seeds: Path, hook: SeedHook | None = None) -> None:
        self.seeds = seeds
        self.sources = SourcesFile(seeds / SOURCES_FILE)
        self.hook = hook
        self.batch = 1
        self._taken = {name.lower() for name in os.listdir(seeds)}
        self._taken |= {name.lower() for name in self.sources.names()}
        # An entry whose seed is gone no longer counts as added; nor does one whose name
        # is not a plain file name in seeds/ (a refresh must never write outside it).
        self._known = {key: name for key, name in self.sources.urls().items()
                       if _plain(name) and (seeds / name).is_file()}
        self._pending: list[str] = []
        self._dirty = False

    def known(self, url: str) -> str | None:
        """The seed already holding `url`, if any."""
        return self._known.get(same_url_key(url))

    def put(self, url: str, body: bytes, fields: dict[str, str],
            asked: str | None = None) -> tuple[str, bool]:
        """Save `body` as the seed for `url` (its existing seed when refreshing, else a
        new name) and record `fields`; returns the name and whether it is new."""
        name = self.known(url) or (self.known(asked) if asked else None)
        new = name is None
        if name is None:
            name = seed_name(url, self._taken)
            self._taken.add(name.lower())
            self._pending.append(name)
        write_atomically(self.seeds / name, body)
        if self.hook:
            self.hook(name)
        # A refresh keeps what an editor may have corrected in the entry.
        self.sources.record(name, fields, keep=() if new else ("url", "outlet", "published"))
        self._dirty = True
        for key in {url, asked or url}:
            self._known[same_url_key(key)] = name
        if len(self._pending) >= self.batch or not new:
            self.flush()
        return name, new

    def flush(self) -> None:
        """Write sources.yml if it changed."""
        if self._dirty:
            self.sources.save()
            self._dirty = False
            self._pending.clear()

    def rollback(self) -> None:
        """Remove the seeds written since sources.yml was last saved."""
        for name in self._pending:
            (self.seeds / name).unlink(missing_ok=True)
            self.sources.forget(name)
        self._pending.clear()


def _plain(name: str) -> bool:
    """True for a visible file name without any folder part."""
    return os.path.basename(name) == name and "\\" not in name and not name.startswith(".")
