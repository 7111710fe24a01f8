"""The stage runner: what every stage needs alike, in one place.

A per-item stage is declared as a `Stage` (its function, a version, the key of an
item's own inputs, and the corpus-wide set it looks words up in, if any); the
`Runner` maps it over items, reusing results stored under the same key (see memo.py)
and computing the rest on its process pool. A build is a list of `Step`s (named
phases) the runner runs in order, timing each; hooks registered for a phase run as
soon as it is done (the preview reloads the browser after "swap", before "search").
Stages stay plain functions of plain data.
"""

from __future__ import annotations

import contextlib
import gc
import pickle
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from .cache import code_version
from .memo import Memo, Memos, Probe, stable_hash
from .parallel import Reserve, forks, pmap, workers

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")


@dataclass(frozen=True)
class Stage(Generic[T, R]):
    """Per-item work whose results are kept between builds.

    `func(item)` (or `func(item, probe)` when the stage has `lookups`) must be pure
    given the item's `key(item)` and, with `lookups`, the answers to the membership
    tests it makes through `probe` against the corpus-wide set `lookups` names.
    Bump `version` when the function's output changes for the same key (code changes
    also invalidate every memo through the code version).
    """

    name: str
    func: Callable[..., R]
    version: int
    key: Callable[[T], object]
    lookups: str | None = None
    # Computed on the workers `Runner.reserve` forked early (sent the items and the
    # corpus-wide set pickled), where a worker forked now would copy a large process.
    reserved: bool = False
    # `prepare(items, pmap)`, called with the items to compute when they are about to be
    # spread over processes forked for them: work the items share, done once (on the
    # pool, through `pmap(func, items)`) and kept in this process for the workers to
    # inherit. It must not change what `func` gives.
    prepare: Callable[[Sequence[Any], Callable[..., list[Any]]], None] | None = None


@dataclass(frozen=True)
class Job:
    """What a worker runs for one cached stage: the function and the corpus-wide set."""

    func: Callable[..., Any]
    words: Collection[str] | None


def _run_job(job: Job, item: Any) -> tuple[dict[str, bool], bytes]:
    if job.words is None:
        return {}, pickle.dumps(job.func(item), protocol=5)
    probe = Probe(job.words)
    return probe.answers, pickle.dumps(job.func(item, probe), protocol=5)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a block makes many objects that are in
    no cycle (freed by reference counting all the same): each collection they set off
    would walk every object of the build."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class Step(Generic[S]):
    """One named phase of a build: `run(state)` does the phase's work on the build state."""

    name: str
    run: Callable[[S], None]


@dataclass
class Runner:
    """Runs stages with caching, a process pool, progress, timings and phase hooks.

    One runner serves one build, or (the preview) every build of a session: its
    memos then stay in memory between builds.
    """

    memos: Memos
    workers: int | None = None  # None: SITEBUILD_WORKERS, else one per core
    progress: Callable[[str, int, int], None] | None = None
    timings: dict[str, float] = field(default_factory=dict)  # phases and stages, in order
    stages: set[str] = field(default_factory=set)  # which of the timings are stages
    # Per cached stage (and the analysis' kept readings), how many items this build
    # computed rather than reused: what an edit made the build redo.
    computed: dict[str, int] = field(default_factory=dict)
    hooks: dict[str, list[Callable[[Any], None]]] = field(default_factory=dict)
    # Corpus-wide results by name (see `whole`): their inputs, the result, and the
    # stages computing it mapped. Kept only while the runner lives (the preview's).
    kept: dict[str, tuple[object, Any, frozenset[str]]] = field(default_factory=dict)
    # The stage names each `whole` computation under way has mapped so far.
    _mapped: list[set[str]] = field(default_factory=list)
    # Workers forked by `reserve` for reserved stages and `pmap(..., reserved=True)`.
    _reserve: Reserve | None = None
    # After each phase, hide what is alive from the cyclic garbage collector (see `run`).
    freeze: bool = False

    @classmethod
    def in_memory(cls, workers: int | None = None) -> Runner:
        """A runner that keeps nothing between processes (tests, library use)."""
        return cls(Memos(None, code_version()), workers)

    def on(self, phase: str, hook: Callable[[Any], None]) -> None:
        """Call `hook(state)` each time `phase` has finished."""
        self.hooks.setdefault(phase, []).append(hook)

    @contextmanager
    def timed(self, name: str) -> Iterator[None]:
        """Add the time spent in the block to `timings[name]`."""
        self.timings.setdefault(name, 0.0)  # listed in the order the work began
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started

    def part(self, name: str) -> contextlib.AbstractContextManager[None]:
        """Time a block as a part of the phase under way (listed indented, like a stage)."""
        self.stages.add(name)
        return self.timed(name)

    def run(self, steps: Iterable[Step[S]], state: S) -> S:
        """Run the phases in order on `state`, timing each and calling its hooks.

        With `freeze`, what each phase leaves alive (the articles, the digest: millions
        of objects) is frozen out of the cyclic collector's sight until the run ends:
        otherwise every full collection of a later phase walks all of it again (seconds
        of a one-edit build), and a forked worker's collections would copy the pages
        it shares with this process.
        """
        try:
            for step in steps:
                with self.timed(step.name):
                    step.run(state)
                for hook in self.hooks.get(step.name, []):
                    hook(state)
                if self.freeze:
                    gc.freeze()
        finally:
            if self.freeze:  # cycles among the frozen objects are collectable again
                gc.unfreeze()
        return state

    def map(self, stage: Stage[T, R], items: Sequence[T],
            lookups: Collection[str] | None = None) -> list[R]:
        """`[stage.func(item) for item in items]`, reusing results kept under the same keys.

        A stage that declares `lookups` gets the corpus-wide set here; the result
        of an item is reused only while each word it probed answers the same. Every
        result is unpickled fresh, so callers may change what they get.
        """
        return [pickle.loads(blob) for blob in self.pickled(stage, items, lookups)]

    def pickled(self, stage: Stage[T, R], items: Sequence[T],
                lookups: Collection[str] | None = None) -> list[bytes]:
        """`map`'s results as pickled: a result kept from the last build is the very bytes
        it was stored as (so equal bytes tell a result that did not change)."""
        if (stage.lookups is None) != (lookups is None):
            raise ValueError(f"stage {stage.name}: lookups given {lookups is not None}, "
                             f"declared {stage.lookups!r}")
        self.stages.add(stage.name)
        for names in self._mapped:
            names.add(stage.name)
        with self.timed(stage.name):
            memo = self.memos[stage.name]
            keys = [stable_hash(stage.version, stage.key(item)) for item in items]
            blobs: list[bytes | None] = [memo.get(key, lookups or ()) for key in keys]
            missing = [i for i, blob in enumerate(blobs) if blob is None]
            total = len(items)
            reused = total - len(missing)

            def report(done: int, _: int) -> None:
                if self.progress is not None:
                    self.progress(stage.name, reused + done, total)

            report(0, 0)
            todo = [items[i] for i in missing]
            if stage.prepare is not None and not stage.reserved and \
                    forks(len(todo), self.workers):
                stage.prepare(todo, lambda func, shared: pmap(func, shared, count=self.workers))
            computed = pmap(_run_job, todo, Job(stage.func, lookups),
                            report, self.workers, self._reserve if stage.reserved else None)
            for i, (answers, blob) in zip(missing, computed, strict=True):
                memo.put(keys[i], answers, blob)
                blobs[i] = blob
            self.computed[stage.name] = self.computed.get(stage.name, 0) + len(missing)
            return blobs  # type: ignore[return-value]

    def memo(self, name: str) -> Memo:
        """The memo `name`, for corpus-wide work that keeps per-item results of its own
        (see analyze/readings.py); kept along with the stages when a `whole` result that
        used it is reused."""
        for names in self._mapped:
            names.add(name)
        return self.memos[name]

    def whole(self, name: str, inputs: object, compute: Callable[[], R]) -> R:
        """`compute()`, a corpus-wide result; or the result the last call named `name`
        gave, when `inputs` (all that `compute` reads) equal that call's.

        A reused result keeps the per-item results its computation used (the stages it
        mapped) for the next build, as if they had been looked up again. The result is
        shared between the builds, not copied: callers must not change it.
        """
        last = self.kept.get(name)
        if last is not None and last[0] == inputs:
            for stage in last[2]:
                self.memos[stage].carry()
            return last[1]
        self.kept.pop(name, None)  # not held while the new one is computed
        self._mapped.append(set())
        try:
            result = compute()
        finally:
            mapped = self._mapped.pop()
        self.kept[name] = (inputs, result, frozenset(mapped))
        return result

    def seed(self, stage: Stage[T, R], item: T, pickled: bytes) -> None:
        """Store `pickled` (a pickled result) as what `stage` gives for `item`, when the
        caller has it at hand (the content writer knows what parsing the file it just
        wrote gives)."""
        if stage.lookups is not None:
            raise ValueError(f"stage {stage.name}: a result that depends on lookups "
                             "cannot be seeded")
        self.memos[stage.name].put(stable_hash(stage.version, stage.key(item)), {}, pickled)

    def reserve(self) -> None:
        """Fork the workers of `pmap(..., reserved=True)` and of stages declared `reserved`
        now, while this process is small: they are sent each job rather than inherit all
        the process holds by then (see parallel.Reserve). `release` ends them."""
        self.release()
        self._reserve = Reserve((self.workers or workers()) - 1)

    def release(self) -> None:
        """End the reserved workers."""
        if self._reserve is not None:
            self._reserve.close()
            self._reserve = None

    def pmap(self, func: Callable[..., R], items: Iterable[T], state: Any = None,
             label: str | None = None, reserved: bool = False) -> list[R]:
        """Uncached per-item work on the pool: `func(item)`, or `func(state, item)`.
        `reserved`: on the workers `reserve` started, if any (`func` and `state` must
        pickle), rather than on processes forked now."""
        progress = self.progress
        report = (lambda done, total: progress(label, done, total)) if (
            label and progress) else None
        return pmap(func, list(items), state, report, self.workers,
                    self._reserve if reserved else None)

    def timings_table(self) -> str:
        """Seconds per phase, and indented below it, per cached stage and timed part the
        phase ran."""
        names = {name: f"  {name}" if name in self.stages else name for name in self.timings}
        width = max(len(label) for label in [*names.values(), "phase"])
        rows = [f"{'phase':<{width}}  seconds"]
        rows += [f"{names[name]:<{width}}  {seconds:7.2f}"
                 for name, seconds in self.timings.items()]
        return "\n".join(rows)


def site_runner(cache_dir: Path, progress: Callable[[str, int, int], None] | None = None
                ) -> Runner:
    """The runner of a site: memos kept in `cache_dir/memo` between builds."""
    return Runner(Memos(cache_dir / "memo", code_version()), progress=progress)
