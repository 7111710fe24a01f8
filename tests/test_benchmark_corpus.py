"""The benchmark corpus: deterministic, and every article a different text.

A copy the build skips as a duplicate would make the benchmark time fewer articles
than it claims.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus import generate


def test_corpus_is_deterministic_and_has_no_repeated_article(tmp_path: Path):
    first = generate(tmp_path / "a", 600, seed=2)
    second = generate(tmp_path / "b", 600, seed=2)
    assert [a.raw for a in first] == [b.raw for b in second]
    assert len({a.raw for a in first}) == 600
    assert len({"\n".join(a.paragraphs) for a in first}) == 600
    assert len(list((tmp_path / "a" / "seeds").iterdir())) == 600
    assert len(list((tmp_path / "a" / "peers" / "hugo" / "content" / "posts").iterdir())) == 600
