"""A build reads each content file once: writing content/ and loading it share that reading
while the file keeps the stamp it had then, and any change to the file reads it again."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from site_builder import content
from site_builder.config import Config
from site_builder.content import load_articles, write_content
from site_builder.errors import Reporter
from site_builder.models import Block, CleanDocument


def _doc(name: str, text: str) -> CleanDocument:
    body = [Block(text, (1,)), Block("A second paragraph of the same report.", (3,))]
    return CleanDocument(name, name.encode().hex().ljust(64, "0")[:64], body, [],
                         {"title": f"Report {name}"}, [])


@pytest.fixture
def reads(monkeypatch) -> Counter[str]:
    """How often each content file is read (by name); every file counts as settled, as
    files written more than the timestamp granularity ago do."""
    counted: Counter[str] = Counter()
    original = content._read_stamped

    def counting(path: Path):
        counted[path.name] += 1
        return original(path)
    monkeypatch.setattr(content, "_read_stamped", counting)
    monkeypatch.setattr(content, "settled", lambda info: True)
    return counted


def _build(config: Config) -> list:
    """What a build does with content/: write it, then load it from the writer's reading."""
    parsed = write_content([_doc("a.txt", "Report A says the talks resumed."),
                            _doc("b.txt", "Report B says the talks stalled.")],
                           config, Reporter(quiet=True))
    return load_articles(config, Reporter(quiet=True), known=parsed)


def test_an_unchanged_file_is_read_once_per_build(tmp_path: Path, reads: Counter[str]):
    config = Config(site_dir=tmp_path)
    first = _build(config)
    reads.clear()
    again = _build(config)
    assert again == first
    assert sorted(reads.values()) == [1, 1]  # by the writer; loading takes its reading


@pytest.mark.parametrize("change", ["rewrite", "same_size_old_mtime", "replace"])
def test_a_file_changed_after_the_writer_read_it_is_read_again(
        tmp_path: Path, reads: Counter[str], monkeypatch, change: str):
    config = Config(site_dir=tmp_path)
    _build(config)
    folder = tmp_path / "content" / "articles"
    [path] = [p for p in folder.glob("*.md") if "says the talks resumed" in p.read_text()]
    edited = path.read_text().replace("talks resumed", "talks RESUMED")  # same size
    original = content.write_content

    def then_edit(*args, **kwargs):
        parsed = original(*args, **kwargs)
        info = path.stat()
        if change == "replace":  # a new file renamed over it (as editors save)
            tmp = path.with_name("tmp")
            tmp.write_text(edited)
            os.utime(tmp, ns=(info.st_atime_ns, info.st_mtime_ns))
            tmp.replace(path)
        else:
            path.write_text(edited)
            if change == "same_size_old_mtime":
                os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
        return parsed
    monkeypatch.setattr(content, "write_content", then_edit)
    reads.clear()
    parsed = content.write_content([_doc("a.txt", "Report A says the talks resumed."),
                                    _doc("b.txt", "Report B says the talks stalled.")],
                                   config, Reporter(quiet=True))
    loaded = load_articles(config, Reporter(quiet=True), known=parsed)
    assert any("talks RESUMED" in p.text for a in loaded for p in a.paragraphs)
    assert reads[path.name] == 2  # by the writer, then by loading: it changed between
    assert path.read_text() == edited  # a hand edit: kept


def test_a_save_landing_before_an_unchanged_file_would_be_replaced_is_noticed(
        tmp_path: Path, reads: Counter[str], monkeypatch):
    config = Config(site_dir=tmp_path)
    _build(config)
    [path] = [p for p in (tmp_path / "content" / "articles").glob("*.md")
              if "says the talks resumed" in p.read_text()]
    saved = path.read_text().replace("talks resumed", "talks resumed on Monday")
    original = content._replace

    def save_first(target, text, expected, reporter, *stamp):
        if target == path:
            path.write_text(saved)
        return original(target, text, expected, reporter, *stamp)
    monkeypatch.setattr(content, "_replace", save_first)
    reporter = Reporter(quiet=True)
    write_content([_doc("a.txt", "Report A says the talks resumed."),
                   _doc("b.txt", "Report B says the talks stalled.")], config, reporter)
    assert path.read_text() == saved
    assert any("changed on disk while the build ran" in w for w in reporter.warnings)
