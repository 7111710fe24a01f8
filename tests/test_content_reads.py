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


def _listed_build(config: Config, runner, stamps: dict) -> list:
    """A command-line build's content steps: write content/ with the input listing's
    stamps, load it, then list content/ as the build's record does (cache.content_lines)."""
    from site_builder.cache import content_lines

    parsed = write_content([_doc("a.txt", "Report A says the talks resumed."),
                            _doc("b.txt", "Report B says the talks stalled.")],
                           config, Reporter(quiet=True), runner, stamps=stamps)
    articles = load_articles(config, Reporter(quiet=True), runner, known=parsed)
    content_lines(config, stamps)
    runner.memos.rotate()
    return articles


@pytest.mark.parametrize("change", [None, "rewrite", "same_size_old_mtime", "replace"])
def test_a_file_with_the_listed_stamp_is_not_read_and_any_change_is(
        tmp_path: Path, reads: Counter[str], monkeypatch, capsys, change: str | None):
    """A content file that still has the stamp the input listing keeps with its content
    hash, found as sitebuild wrote it, is not read at all (its parse is kept under that
    hash); a file changed in any way since (even keeping its size and mtime) is read: the
    hand edit is kept and loaded."""
    import site_builder.cache as cache
    from site_builder.pipeline import Runner

    monkeypatch.setattr(cache, "settled", lambda info: True)
    config = Config(site_dir=tmp_path)
    runner = Runner.in_memory(workers=1)
    stamps: dict = {}
    first = _listed_build(config, runner, stamps)
    _listed_build(config, runner, stamps)  # the files as listed after being written
    folder = tmp_path / "content" / "articles"
    [path] = [p for p in folder.glob("*.md") if "says the talks resumed" in p.read_text()]
    edited = path.read_text().replace("talks resumed", "talks RESUMED")  # same size
    info = path.stat()
    if change == "replace":  # a new file renamed over it (as editors save)
        tmp = path.with_name("tmp")
        tmp.write_text(edited)
        os.utime(tmp, ns=(info.st_atime_ns, info.st_mtime_ns))
        tmp.replace(path)
    elif change is not None:
        path.write_text(edited)
        if change == "same_size_old_mtime":
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    reads.clear()
    capsys.readouterr()
    again = _listed_build(config, runner, stamps)
    said = capsys.readouterr().err
    assert "changed on disk" not in said
    if change is None:
        assert not reads  # neither the writer nor loading read a file
        assert again == first
        return
    assert reads[path.name] >= 1 and sum(reads.values()) == reads[path.name]
    assert path.read_text() == edited  # a hand edit: kept, not overwritten
    assert f"{path.name}: edited by hand; kept" in said
    # Listed with its new stamp, the hand edit is still read (never known unread) and kept.
    reads.clear()
    assert _listed_build(config, runner, stamps) == again
    assert reads[path.name] == 1 and path.read_text() == edited
    assert f"{path.name}: edited by hand; kept" in capsys.readouterr().err
    assert {a.source_file: a.paragraphs[0].text for a in again}["a.txt"] == \
        "Report A says the talks RESUMED."
