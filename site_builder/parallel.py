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
import gc
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


def forks(total: int, count: int | None = None) -> bool:
    """Whether `pmap` of `total` items over `count` processes (None: `workers()`) forks
    worker processes, which inherit what this process holds when it is called."""
    count = min(count or workers(), max(1, total // (MIN_ITEMS // 2)))
    return count > 1 and total >= MIN_ITEMS and _context().get_start_method() == "fork"


def release_free_memory() -> None:
    """Hand the allocator's free pages back to the system (before forking: a forked
    worker's resident memory counts every page of the parent it inherits, freed or not)."""
    with contextlib.suppress(OSError, AttributeError):  # glibc only; elsewhere, nothing
        ctypes.CDLL(None).malloc_trim(0)


class Reserve:
    """Worker processes forked now, for later `pmap` calls (see `pmap`'s `reserve`).

    Each waits for a job (the function and state, pickled once for all, then spans of
    items, pickled too), does it, and waits for the next. None are started where
    workers would not be forked (a process with threads) or when `count` is 0. They
    end when `close` is called, or when this process ends (each sees its pipe close).
    """

    def __init__(self, count: int) -> None:
        self._links: list[tuple[BaseProcess, Connection]] = []
        if count < 1 or _context().get_start_method() != "fork":
            return
        context = multiprocessing.get_context("fork")
        for _ in range(count):
            here, there = context.Pipe()
            # The worker closes this process's ends of every reserved worker's pipe: each
            # pipe then reads as closed once this process has closed it (or is gone).
            ends = [here, *(link for _, link in self._links)]
            process = context.Process(target=_wait_for_work, args=(there, ends), daemon=True)
            process.start()
            there.close()
            self._links.append((process, here))

    def links(self, count: int) -> list[Connection]:
        """The pipes of up to `count` of the workers, for one job."""
        return [link for _, link in self._links[:count]]

    def close(self, stop: bool = False) -> None:
        """End the workers: let them go, or (`stop`, one may be mid-job) stop them."""
        for process, link in self._links:
            if stop:
                process.terminate()
            link.close()  # a waiting worker reads the end of its pipe and exits
        for process, _ in self._links:
            process.join()
        self._links = []


def _wait_for_work(link: Connection, parent_ends: list[Connection]) -> None:
    """A reserved worker's life: one job after another, each worked as `_work` does."""
    for end in parent_ends:
        end.close()
    try:
        while True:
            try:
                job = link.recv_bytes()
            except (EOFError, OSError, KeyboardInterrupt):
                return  # let go
            # The state lives as long as the job: kept out of the collector's passes,
            # which would otherwise walk its millions of objects again and again.
            gc.disable()
            try:
                func, state = pickle.loads(job)
            except BaseException as exc:
                _send_error(link, exc)
                return
            finally:
                gc.freeze()
                gc.enable()
            del job
            if not _work(func, state, None, link):
                return
            del func, state
            gc.unfreeze()
            gc.collect()  # what the job left behind (a renderer's cycles), before the next
            release_free_memory()
    finally:
        link.close()


def _forked_work(func: Callable[..., Any], state: Any, items: Sequence[Any] | None,
                 link: Connection) -> None:
    """A worker started for one `pmap`: its job, then the end."""
    try:
        _work(func, state, items, link)
    finally:
        link.close()


def _send_error(link: Connection, exc: BaseException) -> None:
    """Hand an exception to the parent, which raises it."""
    try:
        pickle.dumps(exc)
    except Exception:
        exc = RuntimeError(f"{type(exc).__name__}: {exc}")
    with contextlib.suppress(OSError):  # the parent is gone
        link.send(("error", exc))


def _work(func: Callable[..., Any], state: Any, items: Sequence[Any] | None,
          link: Connection) -> bool:
    """Compute each span of items the worker is sent, until it is sent None (True) or
    the work fails (False). A span is (start, stop) of `items`, or, without `items`,
    (start, the items)."""
    try:
        while (span := link.recv()) is not None:
            start, chunk = span if items is None else (span[0], items[span[0]:span[1]])
            link.send(("ok", start, [func(item) if state is None else func(state, item)
                                     for item in chunk]))
    except EOFError:
        return False  # the parent is gone
    except BaseException as exc:  # handed to the parent, which raises it
        _send_error(link, exc)
        return False
    return True


def pmap(func: Callable[..., R], items: Sequence[T], state: Any = None,
         progress: Callable[[int, int], None] | None = None,
         count: int | None = None, reserve: Reserve | None = None) -> list[R]:
    """`[func(x) for x in items]` (or `func(state, x)`), spread over `count` processes
    when it pays: this one and `count - 1` workers. Results come back in input order,
    and `progress(done, total)` is called in this process as they do. With `reserve`,
    the workers are the reserved ones (sent `func`, `state` and the items pickled),
    not processes forked now; should the work fail, the reserve is closed."""
    items = list(items)
    total = len(items)
    count = min(count or workers(), max(1, total // (MIN_ITEMS // 2)))
    taken = reserve.links(count - 1) if reserve is not None and total >= MIN_ITEMS else []
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
        for link in taken:
            link.send_bytes(job)
            links.append(link)
        del job
        release_free_memory()  # the pickled job, and what pickling it took
    else:
        context = _context()
        if context.get_start_method() == "fork":
            release_free_memory()
        # A forked worker has the items already; others are sent each span's.
        inherited = items if context.get_start_method() == "fork" else None
        for _ in range(1, count):
            link, there = context.Pipe()
            process = context.Process(target=_forked_work, args=(func, state, inherited, there),
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
        # A worker that failed has left: its pipe holds its error (or its end), read next.
        with contextlib.suppress(BrokenPipeError):
            if start is not None:
                given[link] = given.get(link, 0) + 1
                stop = min(start + size, total)
                link.send((start, stop) if inherited is not None else (start, items[start:stop]))
            elif not given.get(link):
                given.pop(link, None)
                link.send(None)

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
        if not taken:
            for link in links:
                link.close()
        elif given and reserve is not None:  # a reserved worker may be mid-span
            reserve.close(stop=True)
    # What this process's own spans left behind (rendered pages, say) goes back too.
    release_free_memory()
    return results
