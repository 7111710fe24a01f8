"""An editor's words in content/ are never lost: not to a slug change, a save that lands
during a build, --force, a broken front matter or a full disk."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from site_builder import content
from site_builder.config import Config
from site_builder.content import load_articles, write_content
from site_builder.errors import Reporter, SiteError
from site_builder.models import Block, CleanDocument


def _doc(name: str, text: str, sha: str | None = None,
         title: str = "Harbour talks resume") -> CleanDocument:
    body = [Block(text, (1,)), Block("A second paragraph of the same report.", (3,))]
    return CleanDocument(name, sha or name.encode().hex().ljust(64, "0")[:64], body, [],
                         {"title": title}, [])


def _articles(site: Path) -> Path:
    return site / "content" / "articles"


def test_a_hand_edited_slug_does_not_free_the_file_for_another_seed(tmp_path: Path):
    config = Config(site_dir=tmp_path)
    docs = [_doc("a.txt", "Report A says the talks resumed."),
            _doc("b.txt", "Report B says the talks resumed too.")]
    write_content(docs, config, Reporter(quiet=True))
    path = _articles(tmp_path) / "harbour-talks-resume.md"
    edited = path.read_text().replace("slug: harbour-talks-resume", "slug: my-own-slug")
    edited = edited.replace("Report A says", "Report A (checked by the desk) says")
    path.write_text(edited)
    write_content(docs, config, Reporter(quiet=True))
    assert path.read_text() == edited
    texts = [p.read_text() for p in _articles(tmp_path).glob("*.md")]
    assert sum("Report B says" in t for t in texts) == 1
    assert len(load_articles(config, Reporter(quiet=True))) == 2


@pytest.mark.parametrize("moment", ["after_reading", "before_replacing"])
def test_a_save_landing_during_the_build_is_kept(tmp_path: Path, monkeypatch, moment: str):
    config = Config(site_dir=tmp_path)
    doc = _doc("a.txt", "Report A says the talks resumed.")
    write_content([doc], config, Reporter(quiet=True))
    path = _articles(tmp_path) / "harbour-talks-resume.md"
    saved = path.read_text().replace("talks resumed", "talks resumed on Monday")

    if moment == "after_reading":  # the editor saves just after the build read content/
        original = content._existing_files

        def then_save(*args):
            found = original(*args)
            path.write_text(saved)
            return found
        monkeypatch.setattr(content, "_existing_files", then_save)
    else:  # ... or just before the build's own write would replace the file
        original_replace = content._replace

        def save_first(target, text, expected, reporter, *stamp):
            if target == path:
                path.write_text(saved)
            return original_replace(target, text, expected, reporter, *stamp)
        monkeypatch.setattr(content, "_replace", save_first)
    reporter = Reporter(quiet=True)
    write_content([_doc("a.txt", "Report A says the talks resumed.", sha="9" * 64)], config,
                  reporter)
    assert path.read_text() == saved
    assert any("changed on disk while the build ran" in w for w in reporter.warnings)
    [article] = load_articles(config, Reporter(quiet=True))
    assert "on Monday" in article.paragraphs[0].text


def test_force_keeps_the_edit_outside_the_cache_and_removes_the_stale_new_file(
        tmp_path: Path, capsys):
    config = Config(site_dir=tmp_path)
    write_content([_doc("a.txt", "Report A.")], config, Reporter(quiet=True))
    path = _articles(tmp_path) / "harbour-talks-resume.md"
    path.write_text(path.read_text() + "\nThe editor's own paragraph.\n")
    write_content([_doc("a.txt", "Report A, updated.", sha="2" * 64)], config,
                  Reporter(quiet=True))
    assert path.with_suffix(".md.new").exists()
    write_content([_doc("a.txt", "Report A, updated.", sha="2" * 64)], config,
                  Reporter(quiet=True), force=True)
    assert not path.with_suffix(".md.new").exists()
    assert ".md.new" in capsys.readouterr().err
    [backup] = (tmp_path / "content" / "backups").glob("*.md")
    assert "The editor's own paragraph." in backup.read_text()
    assert not (tmp_path / ".sitebuild").exists()


def test_kept_hand_edit_is_said_even_when_quiet(tmp_path: Path, capsys):
    config = Config(site_dir=tmp_path)
    write_content([_doc("a.txt", "Report A.")], config, Reporter(quiet=True))
    path = _articles(tmp_path) / "harbour-talks-resume.md"
    path.write_text(path.read_text().replace("Report A.", "Report A, edited."))
    capsys.readouterr()
    write_content([_doc("a.txt", "Report A.")], config, Reporter(quiet=True))
    assert "edited by hand; kept" in capsys.readouterr().err


def test_front_matter_without_its_closing_line_is_not_published_as_text(tmp_path: Path):
    config = Config(site_dir=tmp_path)
    write_content([_doc("a.txt", "Report A.")], config, Reporter(quiet=True))
    path = _articles(tmp_path) / "harbour-talks-resume.md"
    broken = path.read_text().replace("\n---\n", "\n", 1)  # the closing line, not the opening
    assert broken.startswith("---\n")
    path.write_text(broken)
    reporter = Reporter(quiet=True)
    write_content([_doc("a.txt", "Report A.")], config, reporter)
    assert path.read_text() == broken  # the edit is kept, not regenerated over
    assert len(list(_articles(tmp_path).glob("*.md"))) == 1
    reporter = Reporter(quiet=True)
    assert load_articles(config, reporter) == []
    assert any("no closing '---'" in w and "left out" in w for w in reporter.warnings)


def test_a_hand_edit_that_lost_source_file_still_belongs_to_its_seed(tmp_path: Path):
    config = Config(site_dir=tmp_path)
    write_content([_doc("a.txt", "Report A.")], config, Reporter(quiet=True))
    path = _articles(tmp_path) / "harbour-talks-resume.md"
    text = path.read_text()
    path.write_text("\n".join(line for line in text.split("\n")
                              if not line.startswith("source_file:")))
    reporter = Reporter(quiet=True)
    write_content([_doc("a.txt", "Report A.")], config, reporter)
    assert len(list(_articles(tmp_path).glob("*.md"))) == 1  # no second copy of the article
    assert any("source_file" in w for w in reporter.warnings)


def test_a_full_disk_leaves_no_temporary_file_and_says_so(tmp_path: Path, monkeypatch):
    config = Config(site_dir=tmp_path)
    original = Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        if self.name.endswith(".tmp"):
            original(self, data[:10])  # a partial write, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(self, data)
    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(SiteError, match="No space left"):
        write_content([_doc("a.txt", "Report A.")], config, Reporter(quiet=True))
    assert list(_articles(tmp_path).iterdir()) == []


def test_temporary_files_of_an_interrupted_build_are_removed(tmp_path: Path, capsys):
    config = Config(site_dir=tmp_path)
    _articles(tmp_path).mkdir(parents=True)
    (_articles(tmp_path) / ".harbour-talks-resume.md.4242.tmp").write_text("---\npartial")
    write_content([_doc("a.txt", "Report A.")], config, Reporter(quiet=True))
    assert [p.name for p in _articles(tmp_path).iterdir()] == ["harbour-talks-resume.md"]
    assert "interrupted build" in capsys.readouterr().err


def test_a_symlink_in_content_leading_out_is_not_published(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The private key is 1234, said nobody.\n")
    config = Config(site_dir=tmp_path / "site")
    write_content([_doc("a.txt", "Report A.")], config, Reporter(quiet=True))
    (_articles(tmp_path / "site") / "leak.md").symlink_to(secret)
    reporter = Reporter(quiet=True)
    articles = load_articles(config, reporter)
    assert [a.slug for a in articles] == ["harbour-talks-resume"]
    assert any("leak.md" in w and "symbolic link" in w for w in reporter.warnings)
    write_content([_doc("a.txt", "Report A.")], config, Reporter(quiet=True))
    assert secret.read_text().startswith("The private key")
