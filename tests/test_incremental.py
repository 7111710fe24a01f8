"""Incremental builds: after random edits, a rebuild that reuses the memos and the
previous output is byte-identical to a clean build, and rewrites only what changed."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from site_builder.build import build

REPO = Path(__file__).resolve().parent.parent
SEED_FOLDERS = [REPO / "seeds", REPO / "tests/clusters/flood/seeds",
                REPO / "tests/clusters/outage/seeds"]


def _site(folder: Path) -> Path:
    for source in SEED_FOLDERS:
        for path in sorted(source.iterdir()):
            if path.is_file() and path.name != "sources.yml":
                target = folder / "seeds" / f"{source.parent.name}-{path.name}"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    return folder


def _edit(seeds: Path, rng: random.Random, kind: str | None = None) -> str:
    """One random editor's change to one seed; returns what it did (for failure messages)."""
    paths = sorted(seeds.iterdir())
    path = rng.choice(paths)
    lines = path.read_text(encoding="utf-8").split("\n")
    filled = [i for i, line in enumerate(lines) if len(line.split()) > 6]
    i = rng.choice(filled)
    kind = kind or rng.choice(["number", "sentence", "delete", "copy", "lower-case name"])
    if kind == "number" and re.search(r"\d", lines[i]):
        lines[i] = re.sub(r"\d", lambda m: str((int(m.group()) + 3) % 10), lines[i], count=1)
    elif kind == "delete":
        del lines[i]
    elif kind == "copy":  # a paragraph of another source: a new near-duplicate
        other = rng.choice(paths).read_text(encoding="utf-8").split("\n")
        lines.insert(i, max(other, key=lambda line: (len(line.split()) > 12, rng.random())))
    elif kind == "lower-case name":
        # A capitalised word written in lower case changes the corpus vocabulary,
        # which decides what counts as a name in every other article.
        names = sorted(set(re.findall(r"(?<=[a-z] )([A-Z][a-z]{3,})\b",
                                      "\n".join(p.read_text(encoding="utf-8") for p in paths))))
        lines[i] += f" The {rng.choice(names).lower()} was mentioned again."
    else:
        lines[i] += " Officials said on Tuesday that 1,200 people had been moved."
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"{kind} at {path.name}:{i + 1}"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _assert_equals_clean_build(site: Path, clean: Path, edits: object) -> None:
    """`site`'s output and content/ are byte for byte what a clean build of its seeds makes."""
    shutil.copytree(site / "seeds", clean / "seeds")
    build(clean, quiet=True)
    for folder in ("output", "content"):
        ours, theirs = _files(site / folder), _files(clean / folder)
        assert ours.keys() == theirs.keys(), edits
        differing = [name for name in ours if ours[name] != theirs[name]]
        assert not differing, f"{edits}: {differing[:5]}"


@pytest.mark.parametrize("seed", range(1, 7))
def test_rebuild_after_random_edits_equals_clean_build(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    before = {p: p.stat().st_ino for p in (site / "output").rglob("*.html")}
    edits = [_edit(site / "seeds", rng, "lower-case name"),
             *(_edit(site / "seeds", rng) for _ in range(2))]
    build(site, quiet=True)
    assert (site / ".sitebuild" / "memo" / "sentences.pickle").is_file()

    _assert_equals_clean_build(site, tmp_path / "clean", edits)
    # Pages the edits did not change were linked from the last build, not rewritten.
    kept = [p for p, inode in before.items() if p.exists() and p.stat().st_ino == inode]
    assert kept, edits
    assert len(kept) < len(before), edits  # and the edited ones were rewritten


def test_preview_builds_after_rounds_of_edits_equal_clean_builds(tmp_path: Path) -> None:
    """The preview keeps one runner (memos in memory) across builds; after each round
    of edits its output equals a clean build's, and it reloads before it re-indexes."""
    from site_builder.config import Config
    from site_builder.pipeline import site_runner

    rng = random.Random(11)
    site = _site(tmp_path / "edited")
    runner = site_runner(Config(site).cache_dir)
    phases: list[str] = []
    runner.on("publish", lambda state: phases.append("publish"))
    runner.on("search", lambda state: phases.append("search"))
    build(site, quiet=True, runner=runner, preview=True)
    for round_ in range(3):
        # The memos on disk are not what the preview reuses: it keeps its own in memory.
        shutil.rmtree(site / ".sitebuild" / "memo", ignore_errors=True)
        sentences = runner.memos["sentences"]
        kept = set(sentences._old or {})
        edits = [_edit(site / "seeds", rng) for _ in range(2)]
        build(site, quiet=True, runner=runner, preview=True)
        assert kept and len(set(sentences._old or {}) - kept) <= len(kept) // 2, edits
        _assert_equals_clean_build(site, tmp_path / f"clean-{round_}", f"round {round_}, {edits}")
    assert phases == ["publish", "search"] * 4
