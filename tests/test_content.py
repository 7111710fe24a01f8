from pathlib import Path

from site_builder.config import Config
from site_builder.content import checksum, is_hand_edited, load_articles, make_slug, write_content
from site_builder.errors import Reporter
from site_builder.markdown import escape_markdown, paragraph_ids, parse_units
from site_builder.models import Block, CleanDocument


def _doc(name: str = "a.txt", sha: str = "1" * 64, text: str = "First paragraph.") -> CleanDocument:
    body = [Block(text, (3,)), Block("A point <b>bold</b> & [x](javascript:alert(1))", (4,),
                                     bullet=True), Block("Second *paragraph* here.", (6, 7))]
    return CleanDocument(name, sha, body, [], {"title": "A Title: Here!"}, ["title"])


def test_slugs_are_safe_readable_and_unique():
    taken: set[str] = set()
    assert make_slug("Kyiv’s “big” day: ../../etc/passwd", taken) == "kyivs-big-day-etc-passwd"
    assert make_slug("Kyiv’s “big” day: ../../etc/passwd", taken) == "kyivs-big-day-etc-passwd-2"
    assert make_slug("!!!", taken) == "article"


def test_escape_markdown_round_trips_plain_text():
    for text in ["1. Not a list", "# not a heading", "*stars* and _under_ [x](y) <i>",
                 "&amp; stays literal", "> not a quote", "back\\slash"]:
        units = parse_units(escape_markdown(text))
        assert [u.text for u in units] == [text]
        assert "<i>" not in units[0].html


def test_paragraph_ids_do_not_move_when_other_paragraphs_change():
    before = paragraph_ids(["Alpha one.", "Beta two.", "Gamma three."])
    after = paragraph_ids(["New first.", "Alpha one.", "Gamma three, edited.", "Beta two."])
    assert after[1] == before[0] and after[3] == before[1]
    assert paragraph_ids(["Same.", "Same."]) == [before_id := paragraph_ids(["Same."])[0],
                                                  f"{before_id}-2"]


def test_write_then_load_keeps_text_lines_and_metadata(tmp_path: Path):
    config = Config(site_dir=tmp_path)
    write_content([_doc()], config, Reporter(quiet=True))
    [path] = (tmp_path / "content" / "articles").glob("*.md")
    assert path.name == "a-title-here.md"
    assert not is_hand_edited(path.read_text())
    [article] = load_articles(config, Reporter(quiet=True))
    assert article.title == "A Title: Here!"
    assert [p.kind for p in article.paragraphs] == ["p", "li", "p"]
    assert [p.source_lines for p in article.paragraphs] == [(3,), (4,), (6, 7)]
    assert article.paragraphs[1].text == "A point <b>bold</b> & [x](javascript:alert(1))"
    assert "<b>" not in article.paragraphs[1].html
    assert "href" not in article.paragraphs[1].html  # escaped text, not a link


def test_hand_edit_is_kept_and_reported(tmp_path: Path):
    config = Config(site_dir=tmp_path)
    write_content([_doc()], config, Reporter(quiet=True))
    path = tmp_path / "content" / "articles" / "a-title-here.md"
    edited = path.read_text().replace("First paragraph.", "First paragraph, fixed by an editor.")
    path.write_text(edited)
    assert is_hand_edited(edited)
    reporter = Reporter(quiet=True)
    write_content([_doc(sha="2" * 64)], config, reporter)  # the seed changed too
    assert path.read_text() == edited
    assert path.with_suffix(".md.new").exists()
    assert any("edited by hand" in w for w in reporter.warnings)
    [article] = load_articles(config, Reporter(quiet=True))
    assert article.paragraphs[0].text == "First paragraph, fixed by an editor."


def test_force_overwrites_a_hand_edit_but_keeps_a_backup(tmp_path: Path):
    config = Config(site_dir=tmp_path)
    write_content([_doc()], config, Reporter(quiet=True))
    path = tmp_path / "content" / "articles" / "a-title-here.md"
    path.write_text(path.read_text() + "\nAn editor's extra paragraph.\n")
    write_content([_doc()], config, Reporter(quiet=True), force=True)
    assert "extra paragraph" not in path.read_text()
    # Not under .sitebuild/, which may always be deleted: the backup is the edit's only copy.
    [backup] = (tmp_path / "content" / "backups").glob("*.md")
    assert "extra paragraph" in backup.read_text()


def test_content_of_removed_seed_is_deleted_unless_edited(tmp_path: Path):
    config = Config(site_dir=tmp_path)
    write_content([_doc("a.txt"), _doc("b.txt", text="Other text.")], config,
                  Reporter(quiet=True))
    files = sorted(p.name for p in (tmp_path / "content" / "articles").glob("*.md"))
    assert files == ["a-title-here-2.md", "a-title-here.md"]
    write_content([_doc("a.txt")], config, Reporter(quiet=True))
    assert [p.name for p in (tmp_path / "content" / "articles").glob("*.md")] == [
        "a-title-here.md"]


def test_checksum_ignores_its_own_line():
    text = "---\ntitle: x\n---\n\nbody\n"
    stamped = text.replace("---\n\n", f"checksum: {checksum(text)}\n---\n\n", 1)
    assert not is_hand_edited(stamped)
    assert is_hand_edited(stamped.replace("body", "body!"))


def test_markdown_seed_code_block_with_a_blank_line_keeps_every_source_line(tmp_path: Path):
    from site_builder.ingest.readers import read_markdown

    seed = ("---\ntitle: Code sample\n---\n\nThe first paragraph explains.\n\n```python\n"
            "x = 1\n\ny = 2\n```\n\nThe last paragraph concludes.\n")
    raw = read_markdown(seed, "code.md")
    doc = CleanDocument("code.md", "3" * 64, raw.blocks, [], {"title": "Code sample"}, [])
    config = Config(site_dir=tmp_path)
    write_content([doc], config, Reporter(quiet=True))
    [article] = load_articles(config, Reporter(quiet=True))
    assert [(p.kind, p.source_lines) for p in article.paragraphs] == [
        ("p", (5,)), ("pre", (7, 8, 10, 11)), ("p", (13,))]
