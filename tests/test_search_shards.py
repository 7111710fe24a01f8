"""The search index in shards: a build re-indexes only the shards whose pages changed,
links the others from the last build, and the site stays what a cold build makes."""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

import pytest

from site_builder import search
from site_builder.build import build
from tests.test_incremental import _assert_equals_clean_build, _site


def _pages(count: int, rng: random.Random) -> list[str]:
    return sorted(f"articles/{rng.getrandbits(40):010x}/index.html" for _ in range(count))


def _chunks(pages: list[str]) -> list[tuple[str, ...]]:
    return [tuple(chunk) for _, chunk in search.shard_folders(pages)]


@pytest.mark.parametrize("seed", range(5))
def test_an_added_or_removed_page_changes_only_the_shards_around_it(seed: int) -> None:
    rng = random.Random(seed)
    pages = _pages(3000, rng)
    before = _chunks(pages)
    assert 3000 // (4 * search.CUT_EVERY) < len(before) < 3000 // search.SHARD_MIN
    assert all(len(chunk) <= search.SHARD_PAGES for chunk in before)
    added = sorted([*pages, *_pages(1, rng)])
    gone = rng.choice(pages)
    removed = [page for page in pages if page != gone]
    for changed in (added, removed):
        after = _chunks(changed)
        # The shards away from the change are found again, whatever their position
        # (one or two change; a third where a capped shard's cut moves).
        assert 1 <= len(set(after) - set(before)) <= 3
        assert 1 <= len(set(before) - set(after)) <= 3


def test_no_shard_grows_past_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "SHARD_PAGES", 50)
    chunks = _chunks(_pages(1000, random.Random(7)))
    assert max(map(len, chunks)) == 50
    assert sum(map(len, chunks)) == 1000
    assert search.shard_folders([]) == [("pagefind", [])]


@pytest.fixture()
def small_shards(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Shards of a few pages (the test sites have tens of articles); returns the bundle
    folders Pagefind is run for, in the order it is asked."""
    monkeypatch.setattr(search, "CUT_EVERY", 2)
    monkeypatch.setattr(search, "SHARD_MIN", 1)
    indexed: list[str] = []
    real = search.index_pages

    def spy(binary: Path, site: Path, names: list[str], bundle: Path, timeout: float,
            keep: object = None) -> list[str]:
        indexed.append(bundle.name)
        return real(binary, site, names, bundle, timeout, keep)
    monkeypatch.setattr(search, "index_pages", spy)
    return indexed


def _edit_body(seeds: Path, number: int) -> str:
    """A sentence added to the longest line of one seed (a paragraph of its article)."""
    path = sorted(seeds.iterdir())[number]
    lines = path.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i].split()))
    lines[longest] += " Officials said on Tuesday that 1,200 people had been moved."
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"sentence at {path.name}:{longest + 1}"


def _shards(output: Path) -> list[str]:
    return [bundle.name for bundle in search.bundles(output)]


def test_an_edit_reindexes_only_its_shard(tmp_path: Path, small_shards: list[str]) -> None:
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    everything = _shards(site / "output")
    assert len(everything) > 4 and sorted(small_shards) == everything
    inodes = {p: p.stat().st_ino for p in (site / "output").rglob("pagefind*/**/*")}
    small_shards.clear()
    # A sentence added to one article: its page, and the pages linking to it, change.
    edit = _edit_body(site / "seeds", 3)
    build(site, quiet=True)
    assert 1 <= len(small_shards) < len(everything) // 2, (edit, small_shards)
    kept = [p for p, inode in inodes.items() if p.exists() and p.stat().st_ino == inode]
    assert kept, "the unchanged shards' bundles are linked, not written again"
    _assert_equals_clean_build(site, tmp_path / "clean", edit)


def test_a_bundle_edited_by_hand_is_indexed_again(tmp_path: Path,
                                                  small_shards: list[str]) -> None:
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    output = site / "output"
    # A page the next edit does not touch: its shard's bundle is tampered with.
    fragment = sorted((output / search.bundles(output)[-1].name / "fragment").iterdir())[0]
    fragment.write_bytes(b"not what pagefind wrote")
    (output / "pagefind" / "pagefind-entry.json").unlink()  # and one file is gone
    small_shards.clear()
    edit = _edit_body(site / "seeds", 3)
    build(site, quiet=True)
    assert {"pagefind", search.bundles(output)[-1].name} <= set(small_shards)
    _assert_equals_clean_build(site, tmp_path / "clean", edit)


def test_a_lost_or_foreign_record_reindexes_everything(tmp_path: Path,
                                                       small_shards: list[str]) -> None:
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    record = site / ".sitebuild" / search.RECORD_FILE
    assert record.is_file()
    record.write_text("{not json")
    small_shards.clear()
    edit = _edit_body(site / "seeds", 3)
    build(site, quiet=True)
    assert sorted(small_shards) == _shards(site / "output")
    _assert_equals_clean_build(site, tmp_path / "clean", edit)


def test_a_damaged_record_never_leads_out_of_the_last_output(tmp_path: Path,
                                                             small_shards: list[str]) -> None:
    """A record naming a bundle folder outside the last output, or a bundle file no path
    can name, has those shards indexed again (no file is taken from outside, no crash)."""
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    output, cache = site / "output", site / ".sitebuild"
    record_file = cache / search.RECORD_FILE
    record = json.loads(record_file.read_text(encoding="utf-8"))
    shards = record["shards"]
    outside = tmp_path / "outside"  # the same files, so their stamps are the recorded ones
    shutil.copytree(output / "pagefind-2", outside, copy_function=os.link)
    shards[str(outside)] = shards.pop("pagefind-2")
    shards["pagefind-3"]["files"]["fragment/\u0000"] = [0, 0, 0]
    record_file.write_text(json.dumps(record), encoding="utf-8")
    small_shards.clear()
    assert search.reindex(output, cache) is None
    assert sorted(small_shards) == ["pagefind-2", "pagefind-3"]
    _assert_equals_clean_build(site, tmp_path / "clean", "a damaged search record")


def test_the_preview_reindexes_only_the_changed_shards(tmp_path: Path,
                                                       small_shards: list[str]) -> None:
    from site_builder.config import Config
    from site_builder.pipeline import site_runner
    from site_builder.preview_state import LiveSite

    site = _site(tmp_path / "edited")
    build(site, quiet=True)  # the CLI's build, then the preview's session on it
    runner, live = site_runner(Config(site).cache_dir), LiveSite()
    build(site, quiet=True, runner=runner, preview=True, live=live)
    small_shards.clear()
    edit = _edit_body(site / "seeds", 5)
    build(site, quiet=True, runner=runner, preview=True, live=live)
    assert 1 <= len(small_shards) < len(_shards(site / "output")) // 2, (edit, small_shards)
    _assert_equals_clean_build(site, tmp_path / "clean", edit)



def _linked_pages(source: Path, target: Path, skip: set[str]) -> None:
    for page in search.html_files(source):
        if page not in skip:
            (target / page).parent.mkdir(parents=True, exist_ok=True)
            os.link(source / page, target / page)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_shard_that_becomes_the_first_is_indexed_again(
        built_sample: Path, tmp_path: Path, small_shards: list[str]) -> None:
    """The first bundle keeps Pagefind's scripts and the others do not: when the first
    shard's pages go, the next shard's bundle is not reused as the first."""
    before, after, cold = tmp_path / "before", tmp_path / "after", tmp_path / "cold"
    _linked_pages(built_sample / "output", before, set())
    indexed = search.index_site(before)
    assert indexed.problem is None and len(indexed.indexed) > 2
    first = set(search.shard_folders(search.searchable_pages(before))[0][1])
    _linked_pages(before, after, first)
    _linked_pages(before, cold, first)
    small_shards.clear()
    moved = search.index_site(after, before, indexed.record)
    assert moved.problem is None and moved.indexed == ["pagefind"], moved.indexed
    assert search.index_site(cold).problem is None
    assert _tree(after) == _tree(cold)


@pytest.mark.parametrize("seed", range(1, 3))
def test_rebuilds_after_any_edits_equal_cold_builds(tmp_path: Path, seed: int,
                                                     small_shards: list[str]) -> None:
    """Rounds of random edits of every kind (seed text, seeds added and removed,
    templates, config), each built by the command line's build with small shards: the
    site, search index included, is a cold build's after every round."""
    from tests.test_incremental import _add_seed, _edit, _edit_config, _edit_template, _remove_seed

    rng = random.Random(seed)
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    seeds = site / "seeds"
    kinds = [lambda: _edit(seeds, rng), lambda: _add_seed(seeds, rng),
             lambda: _remove_seed(seeds, rng), lambda: _edit_template(site, rng),
             lambda: _edit_config(site, rng)]
    for round_ in range(len(kinds)):
        edits = [kinds[round_](), *(rng.choice(kinds)() for _ in range(rng.randint(0, 2)))]
        build(site, quiet=True)
        _assert_equals_clean_build(site, tmp_path / f"clean-{round_}", f"round {round_}, {edits}")


def test_bundles_in_the_spare_copy_end_as_a_cold_build_makes_them(
        tmp_path: Path, small_shards: list[str]) -> None:
    """The staging folder is the spare copy of the site (render/spare.py): its bundles
    are kept where they are the live ones, and anything else in them goes."""
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    _edit_body(site / "seeds", 3)
    build(site, quiet=True)
    spare = site / ".output.spare"
    bundles = search.bundles(spare)
    assert len(bundles) > 4
    for bundle in bundles:
        (bundle / "stray.pf_meta").write_bytes(b"not in the index")
        first = sorted(p for p in bundle.rglob("*") if p.is_file())[0]
        first.unlink()
        first.write_bytes(b"another file")
    (spare / "pagefind-999").mkdir()
    small_shards.clear()
    edit = _edit_body(site / "seeds", 5)
    build(site, quiet=True)
    assert len(small_shards) < len(bundles) // 2, small_shards  # the others were kept
    _assert_equals_clean_build(site, tmp_path / "clean", f"spare's bundles changed, {edit}")
