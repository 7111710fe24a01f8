"""Memos on disk are kept in shards: a build that changes one entry writes its shard
again and leaves the others' files as they were, and what is read back is what was kept."""

from __future__ import annotations

import pickle
from pathlib import Path

from site_builder.memo import Memos, stable_hash


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file of `folder` by name: its inode and modification time (ns)."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_a_changed_entry_rewrites_its_shard_only(tmp_path: Path) -> None:
    keys = [stable_hash("item", n) for n in range(200)]
    first = Memos(tmp_path, "v1")
    for n, key in enumerate(keys):
        first["stage"].put(key, {}, pickle.dumps(n))
    first.save()
    folder = tmp_path / "stage"
    before = _files(folder)
    assert len(before) == 16  # 200 hex keys fill every shard

    # The next build: every entry looked up again, one replaced by a new one.
    second = Memos(tmp_path, "v1")
    memo = second["stage"]
    assert [memo.get(key) for key in keys[1:]] == [pickle.dumps(n) for n in range(1, 200)]
    new_key = next(stable_hash("new", n) for n in range(100)
                   if stable_hash("new", n)[0] != keys[0][0])
    memo.put(new_key, {}, pickle.dumps("new"))
    second.save()
    after = _files(folder)
    rewritten = {name for name in before if after.get(name) != before[name]}
    assert rewritten == {f"{keys[0][0]}.pickle", f"{new_key[0]}.pickle"}

    # Read back: exactly the entries the second build used.
    third = Memos(tmp_path, "v1")["stage"]
    assert third.get(keys[0]) is None
    assert third.get(new_key) == pickle.dumps("new")
    assert all(third.get(key) == pickle.dumps(n) for n, key in enumerate(keys) if n)


def test_a_build_that_changes_nothing_writes_no_shard_and_a_damaged_one_is_a_miss(
        tmp_path: Path) -> None:
    keys = [stable_hash("item", n) for n in range(50)]
    first = Memos(tmp_path, "v1")
    for n, key in enumerate(keys):
        first["stage"].put(key, {}, pickle.dumps(n))
    first.save()
    before = _files(tmp_path / "stage")
    again = Memos(tmp_path, "v1")
    assert all(again["stage"].get(key) is not None for key in keys)
    again.save()
    assert _files(tmp_path / "stage") == before

    damaged = tmp_path / "stage" / f"{keys[0][0]}.pickle"
    damaged.write_bytes(b"not a pickle")
    memo = Memos(tmp_path, "v1")["stage"]
    assert memo.get(keys[0]) is None  # only that shard's entries are lost
    assert sum(memo.get(key) is not None for key in keys) == \
        sum(key[0] != keys[0][0] for key in keys)
    # Another code version reads nothing.
    assert Memos(tmp_path, "v2")["stage"].get(keys[1]) is None
