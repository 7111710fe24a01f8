"""Work the items of a stage share is done once, before they are spread over workers.

Cleaning works out each distinct line's signals once per process; lines several seeds
share (site furniture, wire copy) are worked out before the seeds are spread over worker
processes, which inherit them. Cleaning must give what it gave without that, with any
number of workers, and a stage's `prepare` runs only for items about to be computed on
forked workers.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from site_builder.build import CLEAN, short_line_counts
from site_builder.ingest import clean as cleaning
from site_builder.ingest.readers import read_seed
from site_builder.models import RawDocument
from site_builder.parallel import MIN_ITEMS, pmap
from site_builder.pipeline import Runner, Stage

CLUSTERS = Path(__file__).parent / "clusters"


def _cluster_docs() -> list[RawDocument]:
    """Every text seed of the test clusters, read as the build reads it."""
    return [read_seed(path, path.name) for path in sorted(CLUSTERS.glob("*/seeds/*.txt"))]


def _common(docs: list[RawDocument]) -> frozenset[str]:
    counts = short_line_counts(Runner.in_memory(1), docs)
    return frozenset(line for line, count in counts.items() if count > 1)


def test_cleaning_with_shared_lines_gives_what_it_gave_without():
    docs = _cluster_docs()
    assert len(docs) > 50
    common = _common(docs)
    cleaning.forget_lines()
    before = [pickle.dumps(cleaning.clean(doc, common)) for doc in docs]
    cleaning.forget_lines()
    try:
        # Worked out on worker processes: what they send back is a copy.
        cleaning.share_lines(docs, lambda func, items: pmap(func, items, count=2))
        shared = dict(cleaning._SHARED)
        after = [pickle.dumps(cleaning.clean(doc, common)) for doc in docs]
    finally:
        cleaning.forget_lines()
    assert after == before
    # What is shared: the lines of more than one seed, and only those.
    seeds_of: dict[str, set[int]] = {}
    for number, doc in enumerate(docs):
        if doc.passthrough or doc.extracted:  # not cleaned line by line
            continue
        for block in doc.blocks:
            seeds_of.setdefault(block.text, set()).add(number)
    several = {text for text, seeds in seeds_of.items() if len(seeds) > 1}
    assert several, "the test clusters share no line: the test checks nothing"
    assert set(shared) == several
    assert all(shared[text] == cleaning._line_signals(text) for text in several)
    # Each line holds its own copy of its reasons, here and as a worker sent it back: a
    # pickled result then shares a reason object between blocks whatever process worked
    # their lines out (else the memo's bytes would differ by worker count).
    reasons = [reason for line in shared.values()
               for reason in (line.early, line.late, line.after) if reason is not None]
    assert len(reasons) > 1
    assert len({id(reason) for reason in reasons}) == len(reasons)
    assert not cleaning._SHARED  # forgotten with the other per-text caches


def test_cleaning_on_workers_gives_the_single_process_result():
    docs = _cluster_docs()
    common = _common(docs)
    results = []
    for workers in (1, 2, 3):
        cleaning.forget_lines()
        runner = Runner.in_memory(workers)
        results.append(runner.pickled(CLEAN, docs, lookups=common))
    cleaning.forget_lines()
    assert results[1] == results[0]
    assert results[2] == results[0]


def _double(n: int) -> int:
    return 2 * n


def test_prepare_runs_once_for_the_items_forked_workers_compute():
    calls: list[tuple[list[int], list[int]]] = []

    def prepare(items: Sequence[int], spread: Callable[..., list[Any]]) -> None:
        calls.append((list(items), spread(_double, list(items))))

    stage = Stage("doubled", _double, version=1, key=lambda n: n, prepare=prepare)
    items = list(range(MIN_ITEMS * 2))
    runner = Runner.in_memory(2)
    assert runner.map(stage, items) == [2 * n for n in items]
    assert calls == [(items, [2 * n for n in items])]
    # Reused results are not computed again: nothing to prepare.
    assert runner.map(stage, items) == [2 * n for n in items]
    assert len(calls) == 1
    # Only the items not reused are prepared.
    more = items + list(range(1000, 1000 + MIN_ITEMS))
    runner.map(stage, more)
    assert calls[1][0] == list(range(1000, 1000 + MIN_ITEMS))
    # In one process (one worker, or too few items to fork for) nothing is prepared.
    Runner.in_memory(1).map(stage, items)
    Runner.in_memory(2).map(stage, items[:MIN_ITEMS - 1])
    assert len(calls) == 2
    assert pmap(_double, items, count=2) == [2 * n for n in items]
