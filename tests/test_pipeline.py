"""The stage runner: per-item caching (with corpus-wide lookups), worker processes,
timings and phase hooks."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from site_builder.memo import Memos
from site_builder.parallel import MIN_ITEMS, Reserve, pmap
from site_builder.pipeline import Runner, Stage, Step


def _square(n: int) -> int:
    return n * n


def _tag(item: str, words: Container[str]) -> str:
    """Marks each word of `item` that is in the corpus-wide set."""
    return " ".join(f"[{w}]" if w in words else w for w in item.split())


def _scaled(factor: int, n: int) -> int:
    return factor * n


def _fail_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError("seven is not allowed")
    return n


def _resident_kib() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def _where(factor: int, n: int) -> tuple[int, int, int]:
    """The result, the process that computed it and that process's resident memory."""
    return factor * n, os.getpid(), _resident_kib()


SQUARE = Stage("square", _square, version=1, key=lambda n: n)
TAG = Stage("tag", _tag, version=1, key=lambda s: s, lookups="test words")


def _runner(folder: Path | None = None, workers: int = 1) -> Runner:
    return Runner(Memos(folder, "test-version"), workers)


def _computed(runner: Runner, stage: Stage, items: list, **kwargs) -> tuple[list, int]:
    """The stage's results and how many items it computed (the rest were reused)."""
    memo = runner.memos[stage.name]
    known = set(memo._new) | set(memo._load())
    results = runner.map(stage, items, **kwargs)
    return results, sum(1 for key, entry in memo._new.items()
                        if key not in known or entry is not (memo._old or {}).get(key))


def test_results_are_reused_within_and_across_builds(tmp_path: Path):
    runner = _runner(tmp_path)
    assert runner.map(SQUARE, [1, 2, 3]) == [1, 4, 9]
    runner.memos.save()
    again = _runner(tmp_path)
    assert _computed(again, SQUARE, [1, 2, 3, 4]) == ([1, 4, 9, 16], 1)


def test_a_new_code_version_or_stage_version_reuses_nothing(tmp_path: Path):
    runner = _runner(tmp_path)
    runner.map(SQUARE, [1, 2])
    runner.memos.save()
    other_code = Runner(Memos(tmp_path, "another-version"), 1)
    assert _computed(other_code, SQUARE, [1, 2]) == ([1, 4], 2)
    bumped = Stage("square", _square, version=2, key=lambda n: n)
    assert _computed(_runner(tmp_path), bumped, [1, 2]) == ([1, 4], 2)


def test_a_result_is_reused_only_while_its_lookups_answer_the_same():
    runner = _runner()
    assert runner.map(TAG, ["flood warning", "river level"], lookups={"flood"}) == [
        "[flood] warning", "river level"]
    runner.memos.rotate()
    # "level" joins the set: only the item that asked about it is computed again.
    results, computed = _computed(runner, TAG, ["flood warning", "river level"],
                                  lookups={"flood", "level"})
    assert results == ["[flood] warning", "river [level]"] and computed == 1
    runner.memos.rotate()
    # A word nobody asked about changes nothing.
    assert _computed(runner, TAG, ["flood warning", "river level"],
                     lookups={"flood", "level", "bridge"})[1] == 0


def test_lookups_must_match_the_declaration():
    with pytest.raises(ValueError):
        _runner().map(TAG, ["a"])
    with pytest.raises(ValueError):
        _runner().map(SQUARE, [1], lookups={"a"})


def test_rotate_drops_entries_the_last_build_did_not_use():
    runner = _runner()
    runner.map(SQUARE, [1, 2, 3])
    runner.memos.rotate()
    runner.map(SQUARE, [1])
    runner.memos.rotate()
    assert _computed(runner, SQUARE, [1, 2, 3])[1] == 2


def test_results_are_fresh_copies():
    runner = _runner()
    first = runner.map(Stage("lists", list, version=1, key=lambda s: s), ["ab"])
    first[0].append("changed")
    assert runner.map(Stage("lists", list, version=1, key=lambda s: s), ["ab"]) == [["a", "b"]]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_worker_processes_give_the_plain_loop_results_in_order(workers: int):
    items = list(range(MIN_ITEMS * 3 + 5))
    progress: list[tuple[int, int]] = []
    assert pmap(_scaled, items, state=3, count=workers,
                progress=lambda done, total: progress.append((done, total))) == [
        3 * n for n in items]
    assert progress[-1] == (len(items), len(items))
    runner = _runner(workers=workers)
    assert runner.map(SQUARE, items) == [n * n for n in items]


def test_an_error_in_a_worker_is_raised_in_the_caller():
    with pytest.raises(ValueError, match="seven"):
        pmap(_fail_on_seven, list(range(MIN_ITEMS * 2)), count=2)


@dataclass
class _State:
    log: list[str] = field(default_factory=list)


def test_phases_run_in_order_with_timings_and_hooks():
    runner = _runner()
    seen: list[list[str]] = []
    runner.on("second", lambda state: seen.append(list(state.log)))

    def second(state: _State) -> None:
        state.log.append("second")
        runner.map(SQUARE, [1, 2])

    state = runner.run([Step("first", lambda s: s.log.append("first")), Step("second", second),
                        Step("third", lambda s: s.log.append("third"))], _State())
    assert state.log == ["first", "second", "third"]
    assert seen == [["first", "second"]]  # the hook ran after its phase, before the next
    assert list(runner.timings) == ["first", "second", "square", "third"]
    table = runner.timings_table().splitlines()
    assert table[0].split() == ["phase", "seconds"]
    assert [row.split()[0] for row in table[1:]] == ["first", "second", "square", "third"]
    assert table[3].startswith("  square")  # a stage is listed under its phase


def test_a_failing_phase_stops_the_run_and_skips_its_hooks():
    runner = _runner()
    called: list[str] = []
    runner.on("boom", lambda state: called.append("hook"))

    def boom(state: _State) -> None:
        raise RuntimeError("phase failed")

    with pytest.raises(RuntimeError):
        runner.run([Step("boom", boom), Step("after", lambda s: called.append("after"))],
                   _State())
    assert called == [] and "boom" in runner.timings


def test_workers_started_from_a_threaded_process_come_from_a_fork_server():
    import threading

    items = list(range(MIN_ITEMS * 2))
    results: list[list[int]] = []
    thread = threading.Thread(target=lambda: results.append(
        pmap(_scaled, items, state=2, count=2)))
    thread.start()
    thread.join()
    assert results == [[2 * n for n in items]]


def test_build_timings_lists_every_phase_and_the_cached_stages(sample_site: Path, capsys):
    from site_builder.build import BUILD
    from site_builder.cli import main

    assert main(["build", "--site", str(sample_site), "--quiet", "--timings"]) == 0
    out = capsys.readouterr().out.splitlines()
    table = out[out.index(next(line for line in out if line.split() == ["phase", "seconds"])):]
    phases = [row.split()[0] if not row.startswith("  ") else None for row in table[1:]]
    assert [p for p in phases if p] == [step.name.split()[0] for step in BUILD]
    stages = {row.split()[0] for row in table[1:] if row.startswith("  ")}
    assert {"clean", "content", "parse", "shingles", "sentences"} <= stages
    # The analysis's corpus-wide steps, each on its own row.
    assert {"near-duplicates", "topics", "tf-idf", "similar", "facts", "attributions"} <= stages
    assert all(float(row.split()[-1]) >= 0 for row in table[1:])


def test_a_whole_result_is_reused_while_its_inputs_are_equal_and_keeps_its_stages_memos():
    """`Runner.whole`: a corpus-wide result is computed again only when its inputs differ;
    when it is reused, the per-item results its computation mapped stay for the build after."""
    runner = _runner()
    calls: list[list[int]] = []

    def total(items: list[int]) -> int:
        calls.append(items)
        return sum(runner.map(SQUARE, items))

    assert runner.whole("total", [1, 2, 3], lambda: total([1, 2, 3])) == 14
    runner.memos.rotate()
    assert runner.whole("total", [1, 2, 3], lambda: total([1, 2, 3])) == 14
    assert calls == [[1, 2, 3]]
    runner.memos.rotate()  # a build that reused the result: the squares are still kept
    memo = runner.memos["square"]
    assert len(memo._old or {}) == 3
    result = runner.whole("total", [1, 2, 4], lambda: total([1, 2, 4]))
    computed = sum(1 for key in memo._new if key not in (memo._old or {}))
    assert (result, computed) == (21, 1) and calls == [[1, 2, 3], [1, 2, 4]]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_reserved_workers_do_not_hold_what_the_caller_made_after_reserving():
    reserve = Reserve(1)
    ballast = b"x" * (96 << 20)  # written, so resident here; a worker forked now shares it
    items = list(range(MIN_ITEMS * 4))
    done = pmap(_where, items, state=3, count=2, reserve=reserve)
    assert [result for result, _, _ in done] == [3 * n for n in items]
    workers = {pid: kib for _, pid, kib in done if pid != os.getpid()}
    assert len(workers) == 1  # the reserved worker took spans; this process did the rest
    assert max(workers.values()) < _resident_kib() - (64 << 10)
    assert len(ballast)
    reserve.close()
    assert not multiprocessing.active_children()


def test_reserved_workers_give_the_plain_loop_results_and_pass_on_errors():
    items = list(range(MIN_ITEMS * 3 + 5))
    reserve = Reserve(2)
    assert pmap(_scaled, items, state=2, count=3, reserve=reserve) == [2 * n for n in items]
    # More processes asked for than reserved: the reserved ones and this process.
    assert pmap(_scaled, items, state=3, count=4, reserve=reserve) == [3 * n for n in items]
    with pytest.raises(ValueError, match="seven"):  # item 7 is in a worker's first span
        pmap(_fail_on_seven, list(range(MIN_ITEMS * 2)), count=2, reserve=reserve)
    assert not multiprocessing.active_children()  # a failed job ends the reserve


def test_reserved_workers_serve_one_job_after_another_until_released():
    runner = _runner(workers=3)
    runner.reserve()
    workers = {process.pid for process in multiprocessing.active_children()}
    assert len(workers) == 2
    items = list(range(MIN_ITEMS * 3))
    reserved = Stage("reserved square", _square, version=1, key=lambda n: n, reserved=True)
    assert runner.map(reserved, items) == [n * n for n in items]
    done = runner.pmap(_where, items, state=2, reserved=True)
    assert [result for result, _, _ in done] == [2 * n for n in items]
    assert {pid for _, pid, _ in done} - {os.getpid()} <= workers  # no process forked now
    assert runner.pmap(_square, [1, 2, 3], reserved=True) == [1, 4, 9]  # too few to share
    assert {process.pid for process in multiprocessing.active_children()} == workers
    runner.release()
    assert not multiprocessing.active_children()


def test_a_freezing_run_hides_finished_phases_objects_from_the_collector_until_it_ends():
    runner = _runner()
    runner.freeze = True
    frozen: list[int] = []
    kept: list[object] = []

    def make(state: _State) -> None:
        kept.extend([{"n": n}] for n in range(1_000))  # tracked by the collector

    def look(state: _State) -> None:
        frozen.append(gc.get_freeze_count())

    def boom(state: _State) -> None:
        raise RuntimeError("phase failed")

    before = gc.get_freeze_count()
    runner.run([Step("make", make), Step("look", look)], _State())
    assert frozen[0] >= before + 1_000  # the first phase's objects, frozen for the second
    assert gc.get_freeze_count() == 0  # and handed back to the collector at the end
    with pytest.raises(RuntimeError):
        runner.run([Step("make", make), Step("boom", boom)], _State())
    assert gc.get_freeze_count() == 0  # also when a phase fails
