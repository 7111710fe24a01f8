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
    assert caught.value.line == 2 and caught.value.column == 9  # where the [ opened
    assert "invalid YAML" in str(caught.value)


def test_wrong_type_is_an_error_with_its_line(tmp_path: Path):
    (tmp_path / "sitebuild.yml").write_text("title: ok\ntopics:\n  exclude: {a: 1}\n")
    with pytest.raises(SiteError) as caught:
        load_config(tmp_path, Reporter(quiet=True))
    assert caught.value.line == 3
    assert "must be a list" in caught.value.message


@pytest.mark.parametrize("url", ["javascript:alert(document.domain)//x", "data:text/html,x",
                                 "/relative/path", "//example.org/x", "example.org",
                                 "https://example.org/\\nDisallow: /", "http://[::1",
                                 "https://example.org/\\u202egro"])
def test_base_url_must_be_absolute_http_and_is_refused_with_its_position(tmp_path: Path,
                                                                         url: str):
    (tmp_path / "sitebuild.yml").write_text(f'title: ok\nbase_url: "{url}"\n')
    with pytest.raises(SiteError) as caught:
        load_config(tmp_path, Reporter(quiet=True))
    assert (caught.value.line, caught.value.column) == (2, 11)
    assert "absolute http" in caught.value.message


@pytest.mark.parametrize("text, line", [
    ("title: ok\ndescription: a\x00b\n", 2),          # NUL
    ("title: ok\ntopics:\n  exclude: " + "[" * 50_000 + "]" * 50_000 + "\n", 3),  # deep
    ("title: ok\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", 3),  # aliases
], ids=["nul", "deep", "aliases"])
def test_hostile_yaml_is_a_config_error_with_its_line(tmp_path: Path, text: str, line: int):
    (tmp_path / "sitebuild.yml").write_text(text)
    with pytest.raises(SiteError) as caught:
        load_config(tmp_path, Reporter(quiet=True))
    assert caught.value.line == line and "invalid YAML" in caught.value.message


def test_invisible_characters_are_taken_out_of_the_site_title(tmp_path: Path):
    (tmp_path / "sitebuild.yml").write_text("title: \"Harbour\\u202e news\\u200b digest\"\n")
    assert load_config(tmp_path, Reporter(quiet=True)).title == "Harbour news digest"


def test_every_problem_is_reported_at_once_located_at_the_first(tmp_path: Path):
    (tmp_path / "sitebuild.yml").write_text(
        "title: [not, text]\nbase_url: ftp://example.org\ntopics:\n  exclude: {a: 1}\n")
    with pytest.raises(SiteError) as caught:
        load_config(tmp_path, Reporter(quiet=True))
    error = caught.value
    assert (error.line, error.column) == (1, 8)
    assert "title must be a text value" in error.message
    assert "line 2: base_url must be an absolute http" in error.message
    assert "line 4: topics.exclude must be a list" in error.message


def test_the_schema_declares_each_option_with_type_default_and_description(tmp_path: Path):
    from site_builder.config import SCHEMA

    def walk(options, prefix=""):
        for key, option in options.items():
            yield prefix + key, option
            if option.options:
                yield from walk(option.options, f"{prefix}{key}.")

    declared = dict(walk(SCHEMA))
    assert {"title", "description", "base_url", "language", "topics", "topics.aliases",
            "topics.exclude", "sources"} == set(declared)
    for name, option in declared.items():
        assert option.kind and option.description, name
        assert (option.parse is None) != (option.options is None), name
    defaults = load_config(tmp_path, Reporter(quiet=True))
    for name in ("title", "description", "base_url", "language"):
        assert getattr(defaults, name) == declared[name].default
    assert defaults.topic_aliases == declared["topics.aliases"].default
    assert defaults.topic_exclude == declared["topics.exclude"].default
