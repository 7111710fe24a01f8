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
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any, TypeVar

from .parallel import pmap

T = TypeVar("T")
R = TypeVar("R")

_FORMAT = 1


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


class Memo:
    """One stage's results from the last build, loaded lazily; saved with what this build used."""

    def __init__(self, folder: Path | None, stage: str, version: str) -> None:
        self.path = folder / f"{stage}.pickle" if folder is not None else None
        self.version = version
        self._old: dict[str, tuple[dict[str, bool], bytes]] | None = None
        self._new: dict[str, tuple[dict[str, bool], bytes]] = {}

    def _load(self) -> dict[str, tuple[dict[str, bool], bytes]]:
        if self._old is None:
            self._old = {}
            if self.path is not None:
                try:
                    with self.path.open("rb") as handle:
                        header = pickle.load(handle)
                        if header == (_FORMAT, self.version):
                            self._old = pickle.load(handle)
                except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
                    self._old = {}  # a damaged or foreign memo is only a slower build
        return self._old

    def get(self, key: str, words: Collection[str] = ()) -> bytes | None:
        """The pickled result stored under `key`, if every probed word still answers the same."""
        entry = self._new.get(key) or self._load().get(key)
        if entry is None:
            return None
        answers, blob = entry
        if any((word in words) != found for word, found in answers.items()):
            return None
        self._new[key] = entry
        return blob

    def put(self, key: str, answers: dict[str, bool], blob: bytes) -> None:
        self._new[key] = (answers, blob)

    def save(self) -> None:
        """Keep exactly the entries this build used (others belong to deleted or older inputs)."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")  # never shared
        with tmp.open("wb") as handle:
            pickle.dump((_FORMAT, self.version), handle, protocol=5)
            pickle.dump(self._new, handle, protocol=5)
        tmp.replace(self.path)


class Memos:
    """The memos of one site (or, with no folder, of this build only)."""

    def __init__(self, folder: Path | None) -> None:
        from .cache import code_version  # late: it imports the renderer

        self.folder = folder
        self.version = code_version()
        self._stages: dict[str, Memo] = {}

    def __getitem__(self, stage: str) -> Memo:
        if stage not in self._stages:
            self._stages[stage] = Memo(self.folder, stage, self.version)
        return self._stages[stage]

    def save(self) -> None:
        """Save the stages used so far and let go of them (their results can be large)."""
        for memo in self._stages.values():
            memo.save()
        self._stages.clear()


# What the worker processes call: set by cached_map for the duration of one map.
_job: tuple[Callable[..., Any], Collection[str] | None] | None = None


def _use_job(func: Callable[..., Any], words: Collection[str] | None) -> None:
    global _job
    _job = (func, words)


def _run(item: Any) -> tuple[dict[str, bool], bytes]:
    assert _job is not None
    func, words = _job
    if words is None:
        return {}, pickle.dumps(func(item), protocol=5)
    probe = Probe(words)
    return probe.answers, pickle.dumps(func(item, probe), protocol=5)


def cached_map(func: Callable[..., R], items: Sequence[T], keys: Sequence[str], memo: Memo,
               words: Collection[str] | None = None,
               progress: Callable[[int, int], None] | None = None) -> list[R]:
    """`[func(item) for item in items]`, reusing results stored under the same keys.

    With `words`, `func(item, probe)` is called instead, and must consult the
    corpus-wide `words` only through `probe` (a `Probe`). Missing results are
    computed on the process pool; every result is unpickled fresh, so callers may
    mutate what they get.
    """
    blobs: list[bytes | None] = [memo.get(key, words or ()) for key in keys]
    missing = [i for i, blob in enumerate(blobs) if blob is None]
    if progress is not None and not missing:
        progress(len(items), len(items))
    computed = pmap(_run, [items[i] for i in missing], initializer=_use_job,
                    initargs=(func, words), progress=progress and (
                        lambda done, _: progress(len(items) - len(missing) + done, len(items))))
    for i, (answers, blob) in zip(missing, computed, strict=True):
        memo.put(keys[i], answers, blob)
        blobs[i] = blob
    return [pickle.loads(blob) for blob in blobs]  # type: ignore[arg-type]
