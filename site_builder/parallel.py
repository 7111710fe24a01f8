"""A process pool for per-item work: the same results, in the same order, as a plain loop."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
# Below this many items, starting processes costs more than it saves.
MIN_ITEMS = 48


def workers() -> int:
    """Processes to use: SITEBUILD_WORKERS if set (1 = no pool), else one per core."""
    try:
        return max(1, int(os.environ.get("SITEBUILD_WORKERS") or os.cpu_count() or 1))
    except ValueError:
        return 1


def pmap(func: Callable[[T], R], items: Iterable[T],
         initializer: Callable[..., None] | None = None, initargs: tuple = (),
         progress: Callable[[int, int], None] | None = None) -> list[R]:
    """`[func(x) for x in items]`, spread over worker processes when it pays.

    Workers are forked, so `initializer` can hand them large read-only data without
    pickling it; results come back in input order, and `progress(done, total)` is
    called in this process as they do.
    """
    items = list(items)
    count = min(workers(), max(1, len(items) // (MIN_ITEMS // 2)))
    if count <= 1 or len(items) < MIN_ITEMS:
        if initializer is not None:
            initializer(*initargs)
        return _collect((func(item) for item in items), len(items), progress)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(count, mp_context=context, initializer=initializer,
                             initargs=initargs) as pool:
        chunk = max(1, len(items) // (count * 8))
        return _collect(pool.map(func, items, chunksize=chunk), len(items), progress)


def _collect(results: Iterable[R], total: int,
             progress: Callable[[int, int], None] | None) -> list[R]:
    done: list[R] = []
    for result in results:
        done.append(result)
        if progress is not None:
            progress(len(done), total)
    return done
