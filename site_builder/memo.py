"""Per-item results kept between builds, so that an edit re-does only the work it touches.

Each pipeline stage that works article by article (cleaning, writing and parsing
content, sentence features, shingles) keeps its results in `.sitebuild/memo/<stage>`,
keyed by a hash of the item's own inputs. Some per-item work also consults
corpus-wide data (the lines repeated across seeds, the corpus' lower-case words);
such a function looks words up through a `Probe`, and the answers it got are stored
with the result: the result is reused only while every answer is still the same.
That keeps a cached build byte-identical to a clean one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Collection, Container
from pathlib import Path

_FORMAT = 2


def stable_hash(*parts: object) -> str:
    """A hash of plain data (str, numbers, tuples, lists, dicts, dataclasses without sets)."""
    return hashlib.blake2b(pickle.dumps(parts, protocol=5), digest_size=16).hexdigest()


class Probe:
    """Membership tests against a corpus-wide set, remembering each question and answer."""

    __slots__ = ("answers", "words")

    def __init__(self, words: Collection[str]) -> None:
        self.words = words
        self.answers: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        found = word in self.words
        self.answers[str(word)] = found
        return found


# A stage's entries are kept in shards by the first character of their key (a hex
# digest): an edit changes an entry or two, and only their shards are written again.
_SHARDS = "0123456789abcdef"
_OTHERS = "_"  # keys that are no hex digest


def _shard(key: str) -> str:
    return key[:1] if key[:1] in _SHARDS else _OTHERS


Entries = dict[str, tuple[dict[str, bool], bytes]]


class Memo:
    """One stage's results from the last build, loaded lazily; saved with what this build used."""

    def __init__(self, folder: Path | None, stage: str, version: str) -> None:
        self.folder = folder / stage if folder is not None else None
        self.legacy = folder / f"{stage}.pickle" if folder is not None else None
        self.version = version
        self._old: Entries | None = None
        self._new: Entries = {}
        # What each shard file holds, as far as this process knows (None: unknown).
        self._disk: dict[str, Entries] | None = None

    def _load(self) -> Entries:
        if self._old is None:
            self._old, self._disk = {}, {}
            if self.folder is not None:
                for name in (*_SHARDS, _OTHERS):
                    shard = self._read(self.folder / f"{name}.pickle")
                    self._disk[name] = shard
                    self._old.update(shard)
        return self._old

    def _read(self, path: Path) -> Entries:
        try:
            with path.open("rb") as handle:
                header = pickle.load(handle)
                if header == (_FORMAT, self.version):
                    entries = pickle.load(handle)
                    if isinstance(entries, dict):
                        return entries
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
            pass  # a damaged or foreign shard is only a slower build
        return {}

    def get(self, key: str, words: Container[str] = ()) -> bytes | None:
        """The pickled result stored under `key`, if every probed word still answers the same."""
        entry = self.entry(key, words)
        return None if entry is None else entry[1]

    def entry(self, key: str, words: Container[str] = ()
              ) -> tuple[dict[str, bool], bytes] | None:
        """`get`, with the answers the result was stored with."""
        entry = self._new.get(key) or self._load().get(key)
        if entry is None:
            return None
        answers, _ = entry
        if any((word in words) != found for word, found in answers.items()):
            return None
        self._new[key] = entry
        return entry

    def put(self, key: str, answers: dict[str, bool], blob: bytes) -> None:
        """Store the pickled result of `key` and the corpus lookups it depended on."""
        self._new[key] = (answers, blob)

    def carry(self) -> None:
        """This build uses every entry the last one did (its work was reused whole)."""
        self._new = {**self._load(), **self._new}

    def rotate(self) -> None:
        """Keep this build's entries in memory as the next build's old ones."""
        self._old, self._new = self._new, {}

    def save(self) -> None:
        """Keep exactly the entries this build used (others belong to deleted or older
        inputs): each shard whose entries are not those its file holds is written again."""
        if self.folder is None:
            return
        if self._disk is None:  # nothing read: what the files hold is unknown
            self._disk = {}
        shards: dict[str, Entries] = {name: {} for name in (*_SHARDS, _OTHERS)}
        for key, entry in self._new.items():
            shards[_shard(key)][key] = entry
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, entries in shards.items():
            held = self._disk.get(name)
            if held is not None and held.keys() == entries.keys() and \
                    all(held[key] is entry for key, entry in entries.items()):
                continue
            path = self.folder / f"{name}.pickle"
            if entries:
                tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # never shared
                with tmp.open("wb") as handle:
                    pickle.dump((_FORMAT, self.version), handle, protocol=5)
                    pickle.dump(entries, handle, protocol=5)
                tmp.replace(path)
            else:
                path.unlink(missing_ok=True)
            self._disk[name] = entries
        if self.legacy is not None:  # one file per stage, as builds before shards kept it
            self.legacy.unlink(missing_ok=True)


class Memos:
    """The memos of one site (or, with no folder, kept in memory only), keyed by `version`.

    Kept across builds by a long-lived process (the preview): `rotate()` makes what
    this build used the next build's lookups, with nothing read back from disk.
    """

    def __init__(self, folder: Path | None, version: str) -> None:
        self.folder = folder
        self.version = version
        self._stages: dict[str, Memo] = {}

    def __getitem__(self, stage: str) -> Memo:
        if stage not in self._stages:
            self._stages[stage] = Memo(self.folder, stage, self.version)
        return self._stages[stage]

    def save(self, release: bool = True) -> None:
        """Save the stages used so far; with `release`, let go of them (they can be large)."""
        for memo in self._stages.values():
            memo.save()
        if release:
            self._stages.clear()

    def rotate(self) -> None:
        """Start the next build: this build's entries are what it may reuse."""
        for memo in self._stages.values():
            memo.rotate()
