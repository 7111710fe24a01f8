"""Worker processes for per-item work: the same results, in the same order, as a plain loop.

The job travels as the workers' arguments: each worker process is started with the
function, the shared read-only `state` and its share of the items, and sends its
results back in batches; the calling process computes a share too (one process fewer
holding a copy of everything). Nothing is kept in module globals. A single-threaded process
forks its workers (the state is inherited, not copied); a process with threads (the
preview builds on a thread) never forks: its workers come from a fork server.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
# Below this many items, starting processes costs more than it saves.
MIN_ITEMS = 48
# Results a worker sends at a time (progress is reported as they arrive).
_BATCH = 16
# Modules a fork server loads once, so that its workers start with them imported.
_PRELOAD = ["site_builder.analyze", "site_builder.content", "site_builder.ingest.clean",
            "site_builder.render"]


def workers() -> int:
    """Processes to use: SITEBUILD_WORKERS if set (1 = no pool), else one per core."""
    try:
        return max(1, int(os.environ.get("SITEBUILD_WORKERS") or os.cpu_count() or 1))
    except ValueError:
        return 1


def _context() -> multiprocessing.context.BaseContext:
    if threading.active_count() > 1:
        # Forking a process that has threads can copy a lock one of them holds.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("fork")


def release_free_memory() -> None:
    """Hand the allocator's free pages back to the system (before forking: a forked
    worker's resident memory counts every page of the parent it inherits, freed or not)."""
    with contextlib.suppress(OSError, AttributeError):  # glibc only; elsewhere, nothing
        ctypes.CDLL(None).malloc_trim(0)


def _work(func: Callable[..., Any], state: Any, items: Sequence[Any], out: Connection) -> None:
    """A worker's life: compute its items in order, sending results in batches."""
    try:
        batch: list[Any] = []
        for item in items:
            batch.append(func(item) if state is None else func(state, item))
            if len(batch) >= _BATCH:
                out.send(("ok", batch))
                batch = []
        out.send(("ok", batch))
    except BaseException as exc:  # handed to the parent, which raises it
        try:
            pickle.dumps(exc)
        except Exception:
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        out.send(("error", exc))
    finally:
        out.close()


def pmap(func: Callable[..., R], items: Sequence[T], state: Any = None,
         progress: Callable[[int, int], None] | None = None,
         count: int | None = None) -> list[R]:
    """`[func(x) for x in items]` (or `func(state, x)`), spread over `count` processes
    when it pays: this one and `count - 1` workers. Results come back in input order,
    and `progress(done, total)` is called in this process as they do."""
    items = list(items)
    total = len(items)
    count = min(count or workers(), max(1, total // (MIN_ITEMS // 2)))
    if count <= 1 or total < MIN_ITEMS:
        done = []
        for item in items:
            done.append(func(item) if state is None else func(state, item))
            if progress is not None:
                progress(len(done), total)
        return done
    context = _context()
    if context.get_start_method() == "fork":
        release_free_memory()
    processes, readers = [], {}
    # Every count-th item: an even share even when item costs drift along the list.
    # This process computes share 0 itself rather than wait: one process fewer holding
    # a copy of what the work reads.
    for k in range(1, count):
        reader, writer = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(func, state, items[k::count], writer),
                                  daemon=True)
        process.start()
        writer.close()
        processes.append(process)
        readers[reader] = k
    shares: list[list[R]] = [[] for _ in range(count)]
    received = 0

    def collect(timeout: float | None) -> None:
        """Take the batches the workers have sent (waiting up to `timeout`)."""
        nonlocal received
        for reader in wait(list(readers), timeout):
            try:
                kind, payload = reader.recv()
            except EOFError:
                del readers[reader]
                continue
            if kind == "error":
                raise payload
            shares[readers[reader]].extend(payload)
            received += len(payload)
            if progress is not None:
                progress(received, total)

    try:
        own = shares[0]
        for item in items[0::count]:
            own.append(func(item) if state is None else func(state, item))
            received += 1
            if readers:  # a worker blocks on a full pipe until its batches are read
                collect(0)
        if progress is not None:
            progress(received, total)
        while readers:
            collect(None)
    finally:
        for process in processes:
            if readers:  # leaving on an error: stop the others
                process.terminate()
            process.join()
    # What this process's own share left behind (rendered pages, say) goes back too.
    release_free_memory()
    if received != total:
        raise RuntimeError("a worker process ended without finishing its work")
    return [shares[i % count][i // count] for i in range(total)]
