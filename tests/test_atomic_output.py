"""A build killed at any point leaves the previous output/ complete and unchanged."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.build import build

REPO = Path(__file__).resolve().parent.parent


def _tree_hash(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _many_seeds(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for i in range(count):
        paragraphs = [
            f"The council of district {i} said on Friday that {i + 2} schools would stay "
            f"closed until the roads damaged by the storm were repaired.",
            f"Engineers from the Regional Roads Agency inspected {i + 10} bridges in the "
            f"district and found cracks in {i % 7 + 1} of them, officials said.",
            "Parents said the closures had come at the worst moment, weeks before exams, "
            "and asked the council to organise buses to schools in other towns.",
            f"Repairs are expected to cost about ${i + 3} million, which the national "
            f"government has promised to cover, according to Mayor Lena Ortiz.",
        ]
        (folder / f"{i:03d}.txt").write_text("\n".join(paragraphs) + "\n")


@pytest.mark.parametrize("stage", ["reading", "analysing", "rendering"])
def test_killed_build_leaves_previous_output(tmp_path: Path, stage: str):
    site = tmp_path / "site"
    _many_seeds(site / "seeds", 60)
    build(site, quiet=True)
    before = _tree_hash(site / "output")
    (site / "seeds" / "000.txt").write_text("A late correction was added to this story, "
                                            "the editors said on Saturday.\n" +
                                            (site / "seeds" / "000.txt").read_text())
    process = subprocess.Popen([sys.executable, "-m", "site_builder", "build", "--site",
                                str(site)], stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    assert process.stderr is not None
    for line in process.stderr:  # progress lines name the stage the build has reached
        if line.startswith(stage):
            break
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert _tree_hash(site / "output") == before
    result = build(site, quiet=True)  # the next build recovers and cleans up
    # Nothing is left beside the output but the previous site, kept as the spare copy.
    assert [p.name for p in site.glob(".output.*")] == [".output.spare"]
    assert "late correction" in (result.output / "digest.json").read_text()
