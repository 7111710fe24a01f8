from pathlib import Path

import pytest

from site_builder.config import load_config
from site_builder.errors import Reporter, SiteError


def test_defaults_without_a_config_file(tmp_path: Path):
    config = load_config(tmp_path, Reporter(quiet=True))
    assert config.title == "Story digest"
    assert config.sources == {}


def test_values_aliases_and_sources_are_read(tmp_path: Path):
    (tmp_path / "sitebuild.yml").write_text(
        "title: Flood digest\nbase_url: https://example.org/flood/\n"
        "topics:\n  aliases:\n    RTX: [Raytheon]\n  exclude: [Monday]\n"
        "sources:\n  a.txt: {outlet: Example News, published: 2024-03-04}\n")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "sources.yml").write_text("a.txt:\n  author: Jane Miller\n")
    config = load_config(tmp_path, Reporter(quiet=True))
    assert config.title == "Flood digest"
    assert config.base_url == "https://example.org/flood"
    assert config.topic_aliases == {"RTX": ["Raytheon"]}
    assert config.topic_exclude == ["Monday"]
    assert config.sources == {"a.txt": {"outlet": "Example News", "published": "2024-03-04",
                                        "author": "Jane Miller"}}


def test_unknown_key_is_warned_with_a_suggestion(tmp_path: Path):
    (tmp_path / "sitebuild.yml").write_text("title: x\ndescripton: typo\n")
    reporter = Reporter(quiet=True)
    load_config(tmp_path, reporter)
    assert reporter.warnings == [
        f"{tmp_path / 'sitebuild.yml'}:2: warning: unknown key 'descripton' in sitebuild.yml "
        "(did you mean 'description'?); ignored"]


def test_malformed_yaml_names_line_and_column(tmp_path: Path):
    (tmp_path / "sitebuild.yml").write_text("title: ok\ntopics: [unclosed\n")
    with pytest.raises(SiteError) as caught:
        load_config(tmp_path, Reporter(quiet=True))
    assert caught.value.line == 3 and caught.value.column is not None
    assert "invalid YAML" in str(caught.value)


def test_wrong_type_is_an_error_with_its_line(tmp_path: Path):
    (tmp_path / "sitebuild.yml").write_text("title: ok\ntopics:\n  exclude: {a: 1}\n")
    with pytest.raises(SiteError) as caught:
        load_config(tmp_path, Reporter(quiet=True))
    assert caught.value.line == 3
    assert "must be a list" in caught.value.message
