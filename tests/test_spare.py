"""The spare copy: the site a build swapped out is the next build's staging folder, brought
up to date in place; whatever it holds, the result equals a clean build, and a build
that fails in it leaves the live output as it was."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest
from test_incremental import _add_seed, _assert_equals_clean_build, _edit, _remove_seed, _site

from site_builder import render
from site_builder.build import build
from site_builder.errors import SiteError


def _articles_folder(site: Path) -> int:
    return (site / "output" / "articles").stat().st_ino


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of `folder`: its inode and bytes."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("seed", "workers"), [(1, "1"), (2, "3"), (3, "2")])
def test_builds_in_the_spare_after_rounds_of_edits_equal_clean_builds(
        tmp_path: Path, seed: int, workers: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITEBUILD_WORKERS", workers)
    rng = random.Random(seed)
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    folders = [_articles_folder(site)]
    for round_ in range(4):
        edits = [_edit(site / "seeds", rng)]
        if round_ == 1:
            edits.append(_add_seed(site / "seeds", rng))
        if round_ == 2:
            edits.append(_remove_seed(site / "seeds", rng))
        build(site, quiet=True)
        folders.append(_articles_folder(site))
        _assert_equals_clean_build(site, tmp_path / f"clean-{round_}", f"round {round_}, {edits}")
    # From the second edit on, each build staged in the site of two builds before.
    assert folders[2] == folders[0] and folders[3] == folders[1], folders


def test_whatever_the_spare_holds_the_build_equals_a_clean_one(tmp_path: Path) -> None:
    rng = random.Random(7)
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    _edit(site / "seeds", rng)
    build(site, quiet=True)
    spare = site / ".output.spare"
    pages = sorted(spare.glob("articles/*/index.html"))
    assert len(pages) > 3
    (spare / "stray.html").write_text("not part of the site")  # a file the site lacks
    (spare / "topics" / "gone" / "deep").mkdir(parents=True)  # a folder it lacks
    pages[0].unlink()  # a page it has, missing
    pages[1].write_text("another file")  # …, written through: the output's copy too
    pages[2].unlink()
    pages[2].mkdir()  # …, a folder in its place
    pages[3].unlink()
    pages[3].symlink_to(site / "output" / "index.html")  # …, a link to another page
    bundle = spare / "pagefind"
    if bundle.is_dir():  # the search index's bundles (when Pagefind is installed)
        files = sorted(p for p in bundle.rglob("*") if p.is_file() and p.name != "shards.json")
        (bundle / "fragment" / "stray.pf_fragment").parent.mkdir(exist_ok=True)
        (bundle / "fragment" / "stray.pf_fragment").write_bytes(b"stray")  # not in the index
        files[0].unlink()
        files[0].write_bytes(b"another file")  # a bundle file, not the live one
        (bundle / "deep" / "er").mkdir(parents=True)  # a folder the bundle lacks
        (spare / "pagefind-99").mkdir()  # a bundle the index does not have
    _edit(site / "seeds", rng)
    build(site, quiet=True)
    assert not (site / "output" / "stray.html").exists()
    assert not (site / "output" / "topics" / "gone").exists()
    assert not any(p.is_symlink() for p in (site / "output").rglob("*"))
    _assert_equals_clean_build(site, tmp_path / "clean", "spare changed by hand")


def test_a_build_that_fails_in_the_spare_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    rng = random.Random(3)
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    _edit(site / "seeds", rng)
    build(site, quiet=True)
    before = _snapshot(site / "output")
    edits = [_edit(site / "seeds", rng), _edit(site / "seeds", rng)]
    (site / "seeds" / "empty.txt").write_text("")  # a warning: --strict fails the build
    with pytest.raises(SiteError, match="--strict"):
        build(site, quiet=True, strict=True)  # fails after rendering into the spare
    assert _snapshot(site / "output") == before  # no file replaced, none written through
    (site / "seeds" / "empty.txt").unlink()
    build(site, quiet=True)
    _assert_equals_clean_build(site, tmp_path / "clean", edits)


def test_a_spare_that_cannot_be_brought_up_to_date_is_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    _edit(site / "seeds", rng)
    build(site, quiet=True)
    spare = _articles_folder(site)  # (of the site now live: the spare after the next swap)
    tries: list[Path] = []

    def refused(folder: Path, *_: object) -> dict[str, int]:
        tries.append(folder)
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(render, "prune", refused)
    edits = [_edit(site / "seeds", rng)]
    build(site, quiet=True)
    assert len(tries) == 1  # tried once, then rendered into a fresh folder
    assert _articles_folder(site) != spare
    monkeypatch.undo()
    _assert_equals_clean_build(site, tmp_path / "clean", edits)


def test_a_spare_on_another_file_system_is_not_claimed(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Inodes tell files apart on one file system only."""
    from site_builder.render import spare

    out = tmp_path / "output"
    (tmp_path / ".output.spare").mkdir()
    out.mkdir()
    real = os.stat

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        result = real(path, *args, **kwargs)  # type: ignore[arg-type]
        if str(path).endswith(".spare"):
            values = list(result)
            values[2] += 1  # st_dev
            return os.stat_result(values)
        return result

    monkeypatch.setattr(spare.os, "stat", stat)
    assert not spare.claim_spare(out, tmp_path / ".output.staging-1")
    assert (tmp_path / ".output.spare").is_dir()


def _folders(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_dir() and not p.is_symlink())


def test_noted_folders_are_not_listed_and_hand_edits_are_still_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build notes the folders of the site it made; when that site is the spare, a
    folder still as noted is not listed, and any folder changed by hand since is."""
    from site_builder.render import spare as spare_module

    # Every folder counts as settled (a real build notes only the folders it did not
    # just change; here the hand edits below come builds later, never in the same tick).
    monkeypatch.setattr(spare_module, "settled", lambda info: True)
    listed: list[str] = []
    real = spare_module._listed

    def counted(root: str) -> list:
        listed.append(root)
        return real(root)

    monkeypatch.setattr(spare_module, "_listed", counted)
    rng = random.Random(11)
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    _edit(site / "seeds", rng)
    build(site, quiet=True)  # no spare yet: its staging folder is new
    _edit(site / "seeds", rng, "number")
    listed.clear()
    build(site, quiet=True)  # in the first build's site, as that build noted it
    folders = _folders(site / "output")
    assert folders > 20
    assert len(listed) < folders / 4, (len(listed), folders)
    _assert_equals_clean_build(site, tmp_path / "clean-1", "a noted spare")

    # By hand, in the spare (the second build's site, noted by it):
    spare = site / ".output.spare"
    articles = sorted(p for p in (spare / "articles").iterdir() if p.is_dir())
    assert len(articles) > 4
    (articles[0] / "stray.html").write_text("not part of the site")  # a file it lacks
    (articles[1] / "deep" / "er").mkdir(parents=True)  # a folder it lacks
    page = articles[2] / "index.html"
    other = page.with_name("other.html")
    other.write_text("another file")
    other.replace(page)  # a new file in a page's place
    (articles[3] / "index.html").unlink()  # a page it has, missing
    # Two folders swap names: each keeps its own mtime, the names' inodes change.
    articles[4].rename(spare / "articles" / "swapping")
    articles[5].rename(articles[4])
    (spare / "articles" / "swapping").rename(articles[5])
    _edit(site / "seeds", rng, "sentence")
    listed.clear()
    build(site, quiet=True)
    assert str(articles[0]).replace(".output.spare", ".output.staging") in \
        {root.replace(f"-{os.getpid()}", "") for root in listed}
    assert not any(p.name in ("stray.html", "deep") for p in (site / "output").rglob("*"))
    _assert_equals_clean_build(site, tmp_path / "clean-2", "a noted spare changed by hand")

    # A note that does not describe the folder (damaged, or naming paths outside it) is
    # not followed: the build lists what is there.
    notes = sorted((site / ".sitebuild" / spare_module.NOTES_FOLDER).iterdir())
    assert len(notes) == 2  # the output's and the spare's
    for path in notes:
        damaged = {prefix: [*entry[:2], ["../" * (prefix.count("/") + 2) + "escape",
                                         *entry[2]], entry[3]]
                   for prefix, entry in json.loads(path.read_text()).items()}
        path.write_text(json.dumps(damaged))
    (tmp_path / "escape").write_text("outside the site")
    _edit(site / "seeds", rng, "sentence")
    build(site, quiet=True)
    assert (tmp_path / "escape").read_text() == "outside the site"
    _assert_equals_clean_build(site, tmp_path / "clean-3", "a damaged note")


def test_a_folder_changed_just_now_is_not_noted(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a folder whose last change had settled is noted: a change in the same clock
    tick as the one noted would leave its mtime as it was."""
    from site_builder.render.spare import note_folder

    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "index.html").write_text("page")
    (tmp_path / "index.html").write_text("page")
    assert note_folder(tmp_path, ["index.html", "a/b/index.html"]) == {}
    old = 1_000_000_000
    for folder in (tmp_path / "a", tmp_path / "a" / "b"):
        os.utime(folder, (old, old))
    # Setting the mtime back changes the ctime: the clock is what tells "settled".
    real = time.time_ns
    monkeypatch.setattr(time, "time_ns", lambda: real() + 10**10)
    note = note_folder(tmp_path, ["index.html", "a/b/index.html"])
    monkeypatch.undo()
    assert note["a/b/"][1:] == [old * 10**9, ["index.html"], []]
    assert note["a/"][2:] == [[], ["b"]]
    assert note[""][2:] == [["index.html"], ["a"]]


@pytest.mark.parametrize("move", ["spare copied back", "output deleted", "output renamed"])
def test_noted_sites_moved_copied_or_deleted_still_build_as_clean_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, move: str) -> None:
    """A note names a folder by its device and inode: a copy of the spare put back in its
    place is another folder (listed), and a deleted or renamed output is built afresh."""
    import shutil

    from site_builder.render import spare as spare_module

    monkeypatch.setattr(spare_module, "settled", lambda info: True)
    rng = random.Random(5)
    site = _site(tmp_path / "edited")
    for _ in range(3):  # a site whose spare and output were both noted
        build(site, quiet=True)
        _edit(site / "seeds", rng)
    spare, out = site / ".output.spare", site / "output"
    if move == "spare copied back":
        shutil.copytree(spare, tmp_path / "copy", symlinks=True)
        shutil.rmtree(spare)
        (tmp_path / "copy").rename(spare)
        (spare / "articles" / "stray.html").write_text("not part of the site")
    elif move == "output deleted":
        shutil.rmtree(out)
    else:
        out.rename(site / "output-old")
    build(site, quiet=True)
    _edit(site / "seeds", rng)
    build(site, quiet=True)
    assert not (out / "articles" / "stray.html").exists()
    _assert_equals_clean_build(site, tmp_path / "clean", move)
