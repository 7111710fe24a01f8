"""Builds that fail, run at once, race with edits or meet read-only leftovers: a failed
build changes nothing, readers always see a whole site, "up to date" means it."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder import build as build_module
from site_builder import cache
from site_builder.build import build
from site_builder.errors import Reporter, SiteError
from site_builder.lock import site_lock

PARAGRAPHS = [
    "The harbour authority said on Monday that the new ferry terminal would open in June, "
    "two years later than planned, after a dispute over the contract.",
    "Passengers will be able to buy tickets online from May, and the old terminal will "
    "close once the new one is running, the authority said in a statement.",
]


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "seeds").mkdir(parents=True)
    for i in range(3):
        (root / "seeds" / f"{i}.txt").write_text(
            "\n".join(f"{p} Report {i} adds detail {i}." for p in PARAGRAPHS) + "\n")
    return root


def test_a_failed_build_never_writes_through_into_the_live_output(site: Path):
    build(site, quiet=True)
    live = site / "output" / "static" / "style.css"
    before = live.read_bytes()
    (site / "templates" / "static").mkdir(parents=True)
    (site / "templates" / "static" / "style.css").write_text("body { color: red; }\n")
    (site / "seeds" / "empty.txt").write_text("")  # a warning: --strict fails the build
    with pytest.raises(SiteError, match="--strict"):
        build(site, quiet=True, strict=True)
    assert live.read_bytes() == before


def test_readers_never_find_the_output_folder_missing(site: Path, monkeypatch):
    build(site, quiet=True)
    out = site / "output"
    seen: list[bool] = []
    rename = Path.rename

    def watched(self: Path, target):  # after every rename the swap makes, look for output/
        result = rename(self, target)
        seen.append((out / "index.html").is_file())
        return result
    monkeypatch.setattr(Path, "rename", watched)
    (site / "seeds" / "0.txt").write_text(PARAGRAPHS[0] + " An update.\n" + PARAGRAPHS[1])
    build(site, quiet=True)
    assert all(seen), "output/ was missing between two renames"
    assert "An update." in (out / "digest.json").read_text()
    assert sorted(p.name for p in out.parent.iterdir()
                  if p.name.startswith(".output")) == [".output.spare"]


def _read_only(folder: Path) -> None:
    for path in [*sorted(folder.rglob("*"), reverse=True), folder]:
        if path.is_dir():
            path.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)


def _with_permissions(monkeypatch) -> None:
    """Make shutil.rmtree honour directory permissions as it does for any user but root."""
    real = shutil.rmtree

    def rmtree(path, ignore_errors=False, *args, **kwargs):
        if any(not os.stat(folder).st_mode & stat.S_IWUSR for folder, _, _ in os.walk(path)):
            if ignore_errors:
                return None
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, ignore_errors, *args, **kwargs)
    monkeypatch.setattr(shutil, "rmtree", rmtree)


def test_a_read_only_output_leaves_no_copy_behind(site: Path, monkeypatch):
    build(site, quiet=True)
    _read_only(site / "output")
    _with_permissions(monkeypatch)
    build(site, quiet=True, force=True)
    # The read-only site swapped out is the spare copy: the next build stages in it, or
    # (should it refuse) deletes it and stages afresh; no other copy is left.
    assert [p.name for p in site.iterdir() if p.name.startswith(".output")] == [".output.spare"]
    (site / "seeds" / "0.txt").write_text(PARAGRAPHS[0] + " An update.\n" + PARAGRAPHS[1])
    build(site, quiet=True)
    assert [p.name for p in site.iterdir() if p.name.startswith(".output")] == [".output.spare"]
    assert "An update." in (site / "output" / "digest.json").read_text()


def test_a_copy_that_cannot_be_removed_is_reported(site: Path, monkeypatch):
    build(site, quiet=True)
    build(site, quiet=True, force=True)  # the first site is the spare: the next replaces it

    def refuse(path, ignore_errors=False, *args, **kwargs):
        if not ignore_errors:
            raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr(shutil, "rmtree", refuse)
    result = build(site, quiet=True, force=True)
    assert any("could not remove" in w and "delete it by hand" in w for w in result.warnings)


def test_up_to_date_means_same_content_not_same_size_and_time(site: Path):
    build(site, quiet=True)
    seed = site / "seeds" / "1.txt"
    info = seed.stat()
    text = seed.read_text()
    seed.write_text(text.replace("detail 1.", "detail 9."))  # same size
    os.utime(seed, ns=(info.st_atime_ns, info.st_mtime_ns))  # and the old time
    result = build(site, quiet=True)
    assert result.digest is not None, "an edit was taken for no change"
    assert "detail 9." in (site / "output" / "digest.json").read_text()


def test_strict_after_a_plain_build_still_checks_links(site: Path):
    build(site, quiet=True)
    assert build(site, quiet=True, strict=True).digest is not None  # checked, not skipped
    assert build(site, quiet=True, strict=True).digest is None  # now it is up to date


def test_code_version_ignores_compiled_files(tmp_path: Path, monkeypatch):
    package = tmp_path / "pkg"
    (package / "__pycache__").mkdir(parents=True)
    (package / "mod.py").write_text("x = 1\n")
    (package / "__pycache__" / "mod.cpython-311.pyc").write_bytes(b"compiled once")
    monkeypatch.setattr(cache, "_PACKAGE", package)
    version = cache.code_version.__wrapped__()
    (package / "__pycache__" / "mod.cpython-311.pyc").write_bytes(b"compiled again")
    (package / "__pycache__" / "other.cpython-311.pyc").write_bytes(b"new")
    assert cache.code_version.__wrapped__() == version
    (package / "mod.py").write_text("x = 2\n")
    assert cache.code_version.__wrapped__() != version


def test_a_file_vanishing_while_the_inputs_are_listed_is_no_error(site: Path, monkeypatch):
    gone = str(site / "seeds" / ".#0.txt.swp")
    listed = cache._files_under

    def files_under(folder: str):
        yield from listed(folder)
        if folder == str(site / "seeds"):
            yield gone  # listed, then deleted by the editor before it is read
    monkeypatch.setattr(cache, "_files_under", files_under)
    from site_builder.config import Config
    lines = cache.source_lines(Config(site))
    assert len(lines) == 3 and not any(".swp" in line for line in lines)


def test_inputs_are_listed_as_paths_sort_following_linked_files_not_linked_folders(
        tmp_path: Path):
    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    (root / "a" / "x.txt").write_text("1")
    (root / "a-b.txt").write_text("2")
    (root / "z.txt").write_text("3")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "y.txt").write_text("4")
    (root / "linked-folder").symlink_to(tmp_path / "elsewhere")
    (root / "linked.txt").symlink_to(root / "z.txt")
    names = [line.split("\0")[0] for line in cache._file_lines(root, tmp_path)]
    assert names == ["in/a/x.txt", "in/a-b.txt", "in/linked.txt", "in/z.txt"]


def test_a_listing_with_kept_stamps_reads_only_files_whose_stamp_changed(
        tmp_path: Path, monkeypatch):
    """The preview's listing keeps each file's hash by its stamp (size, mtime, ctime,
    inode): unchanged files are not read again, and a save that keeps the size and
    restores the mtime is still seen (the change time moved)."""
    from site_builder.config import Config

    monkeypatch.setattr(cache, "_SETTLED_NS", -1)  # every file counts as settled
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("first version of a\n")
    (seeds / "b.txt").write_text("b stays as it is\n")
    config = Config(tmp_path)
    known: dict = {}
    assert cache.source_lines(config, known) == cache.source_lines(config)
    kept = str(seeds / "b.txt")
    stamp, _ = known[kept]
    known[kept] = (stamp, "kept hash")  # what a listing that reads b again would not say
    assert "seeds/b.txt\0kept hash" in cache.source_lines(config, known)
    before = (seeds / "a.txt").stat()
    (seeds / "a.txt").write_text("other version of a\n")  # same size
    os.utime(seeds / "a.txt", ns=(before.st_atime_ns, before.st_mtime_ns))
    a_line = next(line for line in cache.source_lines(config, known) if "a.txt" in line)
    assert a_line == next(line for line in cache.source_lines(config) if "a.txt" in line)
    assert a_line.split("\0")[1] == cache.content_hash(b"other version of a\n")


def test_a_seed_deleted_during_the_build_is_skipped(site: Path, monkeypatch):
    listed = build_module.seed_files

    def then_delete(config, reporter):
        found = listed(config, reporter)
        (site / "seeds" / "2.txt").unlink()
        return found
    monkeypatch.setattr(build_module, "seed_files", then_delete)
    result = build(site, quiet=True)
    assert len(result.digest.articles) == 2
    assert any("2.txt" in w for w in result.warnings)


def test_a_second_build_of_the_site_waits_for_the_first(site: Path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    with site_lock(site / ".sitebuild", Reporter(quiet=True)):
        second = subprocess.Popen([sys.executable, "-m", "site_builder", "build", "--site",
                                   str(site), "-q"], stderr=subprocess.PIPE, text=True,
                                  env=env)
        assert second.stderr is not None
        first_line = second.stderr.readline()  # printed before it blocks on the lock
        assert "another build of this site is running" in first_line
        assert f"process {os.getpid()}" in first_line and "waiting" in first_line
        assert second.poll() is None
    assert second.wait(timeout=300) == 0, second.stderr.read()
    assert (site / "output" / "index.html").is_file()


def test_two_builds_at_once_both_finish(site: Path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "site_builder", "build", "--site", str(site), "-q",
               "--force"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
            for _ in range(2)]
    results = [(run.wait(timeout=300), run.stderr.read() if run.stderr else "")
               for run in runs]
    assert [code for code, _ in results] == [0, 0], results
