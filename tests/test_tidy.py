"""The previous site, swapped out by a build, is kept as the spare copy the next build
stages in; the spare it replaces is deleted by a process of its own."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

from site_builder.build import _alive, build
from site_builder.tidy import remove_later

REPO = Path(__file__).resolve().parent.parent


def _leftovers(site: Path) -> list[Path]:
    """Copies of the site beside the output, but for the one spare a build keeps."""
    return sorted(path for path in site.glob(".output.*") if path.name != ".output.spare")


def _wait_for_deleters(site: Path) -> None:
    """Wait for the deleters this process started (named in their folders' names)."""
    for folder in _leftovers(site):
        pid = int(folder.name.rpartition("-")[2])
        with contextlib.suppress(ChildProcessError):  # already reaped: it has ended
            os.waitpid(pid, 0)


def test_the_old_spare_is_deleted_after_the_build_returns(sample_site: Path) -> None:
    build(sample_site, quiet=True)
    (sample_site / "seeds" / "extra.txt").write_text(
        "The harbour authority said on Monday that the new pier would open in May.\n"
        "Workers finished the last section of the pier on Friday, officials said.\n")
    build(sample_site, quiet=True, force=True)  # renders afresh: the spare is not used
    assert "pier" not in (sample_site / ".output.spare" / "digest.json").read_text()
    (sample_site / "seeds" / "extra.txt").write_text(
        "The harbour authority said on Monday that the new pier would open in June.\n")
    build(sample_site, quiet=True, tidy_later=True, force=True)
    # The site before it is the spare now; the older spare was handed to a deleter.
    assert "open in May" in (sample_site / ".output.spare" / "digest.json").read_text()
    # Whatever is left is in the hands of a live deleter, named for it.
    for folder in _leftovers(sample_site):
        assert folder.name.startswith(".output.retired-"), folder
    _wait_for_deleters(sample_site)
    assert _leftovers(sample_site) == []
    assert "pier" in (sample_site / "output" / "digest.json").read_text()


def test_a_deleter_that_dies_leaves_its_folder_to_the_next_build(sample_site: Path) -> None:
    build(sample_site, quiet=True)
    # A deleter killed after its rename: the folder carries the id of a dead process.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    orphan = sample_site / f".output.retired-{dead}"
    (orphan / "articles").mkdir(parents=True)
    (orphan / "articles" / "index.html").write_text("old")
    seed = sorted((sample_site / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA correction was added.\n",
                    encoding="utf-8")
    build(sample_site, quiet=True)
    assert _leftovers(sample_site) == []


def test_a_folder_that_cannot_be_handed_over_stays_with_the_caller(tmp_path: Path) -> None:
    missing = tmp_path / ".output.staging-1"
    assert remove_later(missing, ".output.retired") is False
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_leaves_no_copy_that_grows(sample_site: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "site_builder", "build", "--site", str(sample_site),
               "--quiet"]
    subprocess.run(command, check=True, env=env, capture_output=True)
    for n in range(3):
        (sample_site / "seeds" / f"extra-{n}.txt").write_text(
            f"The harbour authority said on Monday that pier {n} would open in May.\n"
            f"Workers finished section {n} of the pier on Friday, officials said.\n")
        subprocess.run(command, check=True, env=env, capture_output=True)
        # Every copy left is in the hands of a deleter still at work: one that has
        # ended has deleted its copy.
        for folder in _leftovers(sample_site):
            assert folder.name.startswith(".output.retired-"), folder
            if not _alive(int(folder.name.rpartition("-")[2])):
                assert not folder.exists(), folder


def test_a_link_in_a_folder_s_place_is_removed_not_followed(tmp_path: Path) -> None:
    from site_builder.tidy import remove_tree

    target = tmp_path / "elsewhere"
    (target / "inner").mkdir(parents=True)
    os.chmod(target / "inner", 0o755)
    link = tmp_path / ".output.spare.retired-1"
    link.symlink_to(target, target_is_directory=True)
    assert remove_tree(link) is None
    assert not link.exists() and not link.is_symlink()
    assert (target / "inner").is_dir()
    assert (os.stat(target / "inner").st_mode & 0o777) == 0o755
