"""Large inputs: a 50 MB single-line file and 10,000 tiny files, in bounded memory."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIMIT_KIB = 1024 * 1024  # 1 GiB


def _build(site: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """Build in a child process; return it and the child's peak resident memory (KiB)."""
    out, err = site / "stdout.txt", site / "stderr.txt"
    with out.open("w") as stdout, err.open("w") as stderr:  # files: pipes could fill up
        child = subprocess.Popen([sys.executable, "-m", "site_builder", "build", "--site",
                                  str(site), "--quiet"], stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
    return (subprocess.CompletedProcess(child.args, os.waitstatus_to_exitcode(status),
                                        out.read_text(), err.read_text()), usage.ru_maxrss)


def test_fifty_megabytes_on_one_line(tmp_path: Path):
    site = tmp_path / "site"
    shutil.copytree(REPO / "seeds", site / "seeds")
    (site / "seeds" / "huge.txt").write_text("lorem ipsum dolor sit amet " * 1_900_000)
    assert (site / "seeds" / "huge.txt").stat().st_size > 50_000_000
    result, peak = _build(site)
    assert result.returncode == 0, result.stderr
    assert "huge.txt" in result.stderr and "no article text" in result.stderr
    print(f"peak memory, 50 MB single-line seed: {peak / 1024:.0f} MiB")
    assert peak < LIMIT_KIB


def test_ten_thousand_tiny_files(tmp_path: Path):
    site = tmp_path / "site"
    seeds = site / "seeds"
    seeds.mkdir(parents=True)
    rng = random.Random(7)
    nouns = "council river bridge school budget port harbour road rail hospital".split()
    for i in range(10_000):
        a, b, c = rng.sample(nouns, 3)
        text = (f"The {a} of district {i} said on Monday that the {b} and the {c} would "
                f"reopen after {i % 9 + 2} weeks.\n") if i % 3 else f"{a} {i}\n"
        (seeds / f"t{i:05d}.txt").write_text(text)
    result, peak = _build(site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("built ") and "6666 articles" in result.stdout
    print(f"peak memory, 10,000 tiny seeds: {peak / 1024:.0f} MiB")
    assert peak < LIMIT_KIB
