"""Worker processes for per-item work: the same results, in the same order, as a plain loop.

The job travels as the workers' arguments: each worker process is started with the
function, the shared read-only `state` and the items, then computes the spans of items
it is sent, one after another, sending each span's results back; the calling process
computes spans too (one process fewer holding a copy of everything). Spans are handed
out as processes finish them, so a slow start or costlier items do not leave one
process working alone at the end. Nothing is kept in module globals. A single-threaded process
forks its workers (the state is inherited, not copied); a process with threads (the
preview builds on a thread) never forks: its workers come from a fork server. Workers
can also be forked early (`Reserve`), while the process is small, and sent their job
later: a process forked late inherits everything the caller holds by then, which the
system counts again in the worker's resident memory.
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
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
# Below this many items, starting processes costs more than it saves.
MIN_ITEMS = 48
# Items in one span at most (progress is reported as spans are done).
_SPAN = 16
# Spans a worker is given ahead, so that it does not wait for the next one.
_AHEAD = 2
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


class Reserve:
    """Worker processes forked now, for one later `pmap` (see `pmap`'s `reserve`).

    Each waits for its job: the function and state pickled once for all, then the
    items. None are started where workers would not be forked (a process with
    threads) or when `count` is 0; those left unused end when `close` is called (or
    when this process ends: each sees its pipe close).
    """

    def __init__(self, count: int) -> None:
        self._links: list[tuple[BaseProcess, Connection]] = []
        if count < 1 or _context().get_start_method() != "fork":
            return
        context = multiprocessing.get_context("fork")
        for _ in range(count):
            here, there = context.Pipe()
            process = context.Process(target=_wait_for_work, args=(there, here), daemon=True)
            process.start()
            there.close()
            self._links.append((process, here))

    def take(self, count: int) -> list[tuple[BaseProcess, Connection]]:
        """Up to `count` of the waiting workers (the others are let go)."""
        taken, rest = self._links[:count], self._links[count:]
        self._links = []
        for process, link in rest:
            link.close()  # it reads the end of its pipe and exits
            process.join()
        return taken

    def close(self) -> None:
        """Let every waiting worker go."""
        self.take(0)


def _wait_for_work(link: Connection, parent_end: Connection) -> None:
    """A reserved worker's life: wait for a job, then work as `_work` does."""
    parent_end.close()  # so that the pipe reads as closed once the parent is gone
    try:
        job = link.recv_bytes()
    except (EOFError, OSError, KeyboardInterrupt):
        link.close()
        return  # let go unused
    try:
        func, state = pickle.loads(job)
    except BaseException as exc:
        _send_error(link, exc)
        link.close()
        return
    del job
    _work(func, state, None, link)


def _send_error(link: Connection, exc: BaseException) -> None:
    """Hand an exception to the parent, which raises it."""
    try:
        pickle.dumps(exc)
    except Exception:
        exc = RuntimeError(f"{type(exc).__name__}: {exc}")
    with contextlib.suppress(OSError):  # the parent is gone
        link.send(("error", exc))


def _work(func: Callable[..., Any], state: Any, items: Sequence[Any] | None,
          link: Connection) -> None:
    """A worker's life: compute each span of items it is sent, until it is sent None.
    A span is (start, stop) of `items`, or, without `items`, (start, the items)."""
    try:
        while (span := link.recv()) is not None:
            start, chunk = span if items is None else (span[0], items[span[0]:span[1]])
            link.send(("ok", start, [func(item) if state is None else func(state, item)
                                     for item in chunk]))
    except EOFError:
        pass  # the parent is gone
    except BaseException as exc:  # handed to the parent, which raises it
        _send_error(link, exc)
    finally:
        link.close()


def pmap(func: Callable[..., R], items: Sequence[T], state: Any = None,
         progress: Callable[[int, int], None] | None = None,
         count: int | None = None, reserve: Reserve | None = None) -> list[R]:
    """`[func(x) for x in items]` (or `func(state, x)`), spread over `count` processes
    when it pays: this one and `count - 1` workers. Results come back in input order,
    and `progress(done, total)` is called in this process as they do. With `reserve`,
    the workers are the reserved ones (sent `func`, `state` and the items pickled),
    not processes forked now; the reserve is used up either way."""
    items = list(items)
    total = len(items)
    count = min(count or workers(), max(1, total // (MIN_ITEMS // 2)))
    taken = reserve.take(count - 1 if total >= MIN_ITEMS else 0) if reserve else []
    if taken:
        count = len(taken) + 1
    if count <= 1 or total < MIN_ITEMS:
        done = []
        for item in items:
            done.append(func(item) if state is None else func(state, item))
            if progress is not None:
                progress(len(done), total)
        return done
    processes: list[BaseProcess] = []
    links: list[Connection] = []
    inherited: list[T] | None = None
    if taken:
        job = pickle.dumps((func, state), protocol=pickle.HIGHEST_PROTOCOL)
        for process, link in taken:
            link.send_bytes(job)
            processes.append(process)
            links.append(link)
        del job
    else:
        context = _context()
        if context.get_start_method() == "fork":
            release_free_memory()
        # A forked worker has the items already; others are sent each span's.
        inherited = items if context.get_start_method() == "fork" else None
        for _ in range(1, count):
            link, there = context.Pipe()
            process = context.Process(target=_work, args=(func, state, inherited, there),
                                      daemon=True)
            process.start()
            there.close()
            processes.append(process)
            links.append(link)
    size = max(1, min(_SPAN, total // (count * 8)))
    starts = iter(range(0, total, size))
    results: list[Any] = [None] * total
    received = 0
    given: dict[Connection, int] = {}  # spans handed to each worker and not yet returned

    def hand_out(link: Connection) -> None:
        """Give a worker its next span, or tell it there are none left."""
        start = next(starts, None)
        if start is not None:
            stop = min(start + size, total)
            link.send((start, stop) if inherited is not None else (start, items[start:stop]))
            given[link] = given.get(link, 0) + 1
        elif not given.get(link):
            link.send(None)
            given.pop(link, None)

    def collect(timeout: float | None) -> None:
        """Take the spans the workers have done (waiting up to `timeout`)."""
        nonlocal received
        for link in wait(list(given), timeout):
            try:
                message = link.recv()
            except EOFError:
                raise RuntimeError("a worker process ended without finishing its work"
                                   ) from None
            if message[0] == "error":
                raise message[1]
            _, start, batch = message
            results[start:start + len(batch)] = batch
            received += len(batch)
            given[link] -= 1
            hand_out(link)
            if progress is not None:
                progress(received, total)

    try:
        for link in links:
            for _ in range(_AHEAD):
                hand_out(link)
        while (start := next(starts, None)) is not None:
            for i in range(start, min(start + size, total)):
                item = items[i]
                results[i] = func(item) if state is None else func(state, item)
                received += 1
                if given:  # a worker blocks on a full pipe until its results are read
                    collect(0)
            if progress is not None:
                progress(received, total)
        while given:
            collect(None)
    finally:
        for process in processes:
            if given:  # leaving on an error: stop the others
                process.terminate()
            process.join()
        for link in links:
            link.close()
    # What this process's own spans left behind (rendered pages, say) goes back too.
    release_free_memory()
    return results
