"""The content writer tells what parsing a file it wrote gives, without reading it back.

A build uses that result for a file holding exactly the bytes it wrote; these tests
hold it to what the parser makes of the same text, for any text and metadata.
"""

import datetime
import pickle
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder import content
from site_builder.cache import content_hash
from site_builder.config import Config
from site_builder.content import (
    PARSE,
    _parse_content,
    _written,
    front_matter_yaml,
    load_articles,
    render_content,
    write_content,
)
from site_builder.errors import Reporter
from site_builder.ingest.readers import YAML_DUMPER
from site_builder.memo import stable_hash
from site_builder.models import Block, CleanDocument, Removal
from site_builder.pipeline import Runner

# Any text, including YAML's and Markdown's special characters and odd line breaks.
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
_PROSE = st.one_of(_TEXT, st.sampled_from([
    "2024-03-01", "yes", "null", "~", "- item", "# heading", "---", "...", "12", "0x1f",
    "a: b", "'quoted'", "\"dq\"", "*emph* [link](x)", "  padded  ", "line\nbreak", "\u2028",
    "caf\u00e9 \u0416", "<b>tag</b> &amp;", "1.5e3", "@at", "!tag", "%pct", "`code`",
]))
_META = st.dictionaries(st.sampled_from(["title", "outlet", "author", "published", "url"]),
                        st.one_of(st.none(), _PROSE), max_size=5)
_BLOCK = st.builds(Block, _PROSE.filter(str.strip), st.tuples(st.integers(1, 50)),
                   st.booleans(), st.booleans())
_REMOVAL = st.builds(Removal, st.lists(st.integers(1, 80), min_size=1, max_size=4).map(tuple),
                     _PROSE, _PROSE)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meta=_META, body=st.lists(_BLOCK, min_size=1, max_size=5),
       removed=st.lists(_REMOVAL, max_size=3), inferred=st.lists(_PROSE, max_size=2))
def test_what_the_writer_tells_is_what_parsing_gives(meta, body, removed, inferred):
    doc = CleanDocument("seed.txt", "ab" * 32, body, removed, meta, inferred)
    path = "/site/content/articles/a-slug.md"
    text, parsed = _written((doc, "a-slug", path))
    assert text == render_content(doc, "a-slug")
    if parsed is not None:
        assert pickle.loads(parsed) == _parse_content((path, text))


def test_metadata_other_than_text_is_left_to_the_parser():
    dated = CleanDocument("seed.txt", "ab" * 32, [Block("Some text here.", (1,))], [],
                          {"published": datetime.date(2024, 3, 1)}, [])
    assert _written((dated, "a-slug", "/x/a-slug.md"))[1] is None


def _site(tmp_path: Path) -> Config:
    (tmp_path / "seeds").mkdir()
    return Config(site_dir=tmp_path)


def test_a_build_loads_the_written_files_without_parsing_them_again(tmp_path: Path):
    config = _site(tmp_path)
    docs = [CleanDocument(f"s{i}.txt", f"{i:064x}", [Block(f"Paragraph number {i} here.", (1,)),
                                                     Block("- a listed point", (2,))],
                          [Removal((3, 4), "share links", "Share this")],
                          {"title": f"Story {i}"}, [])
            for i in range(3)]
    runner = Runner.in_memory(workers=1)
    write_content(docs, config, Reporter(quiet=True), runner)
    memo = runner.memos[PARSE.name]
    for path in (config.content_dir / "articles").glob("*.md"):
        job = (str(path), path.read_text(), content_hash(path.read_bytes()))
        key = stable_hash(PARSE.version, PARSE.key(job))
        assert memo.get(key) is not None  # known without parsing the file
    seeded = load_articles(config, Reporter(quiet=True), runner)
    fresh = load_articles(config, Reporter(quiet=True), Runner.in_memory(workers=1))
    assert seeded == fresh


def test_a_hand_edit_is_parsed_from_its_own_bytes(tmp_path: Path):
    config = _site(tmp_path)
    doc = CleanDocument("s.txt", "cd" * 32, [Block("Original text of the story.", (1,))], [],
                        {"title": "Story"}, [])
    runner = Runner.in_memory(workers=1)
    write_content([doc], config, Reporter(quiet=True), runner)
    (path,) = (config.content_dir / "articles").glob("*.md")
    path.write_text(path.read_text().replace("Original text", "Edited text"))
    (article,) = load_articles(config, Reporter(quiet=True), runner)
    assert article.paragraphs[0].text == "Edited text of the story."


def test_loading_reuses_what_the_writer_read_only_while_the_bytes_are_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The writer hands over the files it found, parsed: loading takes those still holding
    the same bytes, and parses a file edited since (a save during the build) anew."""
    config = _site(tmp_path)
    docs = [CleanDocument(f"s{i}.txt", f"{i:064x}", [Block(f"Paragraph number {i} here.", (1,))],
                          [], {"title": f"Story {i}"}, []) for i in range(3)]
    write_content(docs, config, Reporter(quiet=True), Runner.in_memory(workers=1))
    runner = Runner.in_memory(workers=1)
    found = write_content(docs, config, Reporter(quiet=True), runner)
    paths = sorted((config.content_dir / "articles").glob("*.md"))
    assert sorted(found) == paths
    paths[1].write_text(paths[1].read_text().replace("number 1", "number 9"))
    parsed: list[str] = []
    monkeypatch.setattr(content, "PARSE", replace(
        PARSE, func=lambda job: parsed.append(job[0]) or _parse_content(job)))
    articles = load_articles(config, Reporter(quiet=True), Runner.in_memory(workers=1), found)
    assert parsed == [str(paths[1])]
    assert [a.paragraphs[0].text for a in articles] == \
        ["Paragraph number 0 here.", "Paragraph number 9 here.", "Paragraph number 2 here."]
    assert articles == load_articles(config, Reporter(quiet=True), Runner.in_memory(workers=1))


# The front matter's own shapes (what `_compose` builds), with any strings, long ones,
# empty collections, a date and odd keys among them.
_SCALAR = st.one_of(st.none(), _PROSE, st.text(min_size=400, max_size=1200),
                    st.integers(-5, 10**6), st.just(datetime.date(2024, 3, 1)))
_FRONT = st.dictionaries(
    st.one_of(st.sampled_from(["slug", "title", "checksum", "inferred", "paragraph_lines",
                               "removed"]), _PROSE),
    st.one_of(
        _SCALAR,
        st.lists(_SCALAR, max_size=3),
        st.dictionaries(st.one_of(st.from_regex(r"p-[0-9a-f]{8}(-[0-9])?", fullmatch=True),
                                  _PROSE),
                        st.lists(st.integers(0, 10**4), max_size=3), max_size=3),
        st.lists(st.fixed_dictionaries({"lines": _PROSE, "reason": _PROSE, "text": _SCALAR}),
                 max_size=3)),
    max_size=6)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front=_FRONT)
def test_front_matter_is_written_as_pyyaml_writes_it(front):
    expected = yaml.dump(front, Dumper=YAML_DUMPER, sort_keys=False, allow_unicode=True,
                         width=1000)
    assert front_matter_yaml(front) == expected


# Strings that start with a letter and hold the punctuation of news text, among them the
# words YAML reads as booleans or null and the indicators that force quotes (": ", " #").
_PLAIN_LIKE = st.text(alphabet=st.sampled_from([*"aZyYnN oOtTfF09_,.'\"()/%&;!?$+=@*:#-",
                                                "…", "’", "“", "—", "é", "\t"]),
                      min_size=1, max_size=30) | st.sampled_from(
    ["yes", "No", "TRUE", "off", "On", "null", "Null", "y", "n", "e1", "a: b", "a #b", "a:b",
     "a b ", "ab?", "ab:"])


@settings(max_examples=2000, deadline=None)
@given(text=_PLAIN_LIKE)
def test_a_string_is_written_as_pyyaml_writes_it(text):
    expected = yaml.dump({"k": text}, Dumper=YAML_DUMPER, allow_unicode=True, width=1000)
    assert front_matter_yaml({"k": text}) == expected


# Lines of escaped text that Markdown might tie to their neighbours: list markers, rules,
# fences, indentation, setext underlines, entities, empty blocks, among bullets and headings.
_MARKDOWN_LINE = st.lists(st.sampled_from([*"-*_=#>+.)1 \t`~[]<&;!|a\n\r", "    ", "&amp;"]),
                          max_size=12).map("".join)
_MARKDOWN_BLOCK = st.builds(Block, _MARKDOWN_LINE, st.tuples(st.integers(1, 50)),
                            st.booleans(), st.booleans())


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.lists(_MARKDOWN_BLOCK, min_size=1, max_size=8))
def test_units_read_block_by_block_are_those_of_the_whole_body(body):
    doc = CleanDocument("seed.txt", "ab" * 32, body, [], {}, [])
    by_block = content._compose(doc, "a-slug")
    lone_line = content._LONE_LINE
    content._LONE_LINE = re.compile(r"(?!)")  # no block qualifies: the whole body is parsed
    try:
        assert by_block == content._compose(doc, "a-slug")
    finally:
        content._LONE_LINE = lone_line
