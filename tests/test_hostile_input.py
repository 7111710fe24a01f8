"""Whatever a scraper produced: each bad input is reported by name and the rest builds."""

from __future__ import annotations

import codecs
import json
import re
import shutil
from pathlib import Path

import pytest

from site_builder.build import build
from site_builder.errors import SiteError
from site_builder.linkcheck import broken_links

REPO = Path(__file__).resolve().parent.parent
GOOD = ("The harbour authority said on Monday that the new ferry terminal would open in "
        "June, two years later than planned, after a dispute over the contract.")
GOOD2 = ("Passengers will be able to buy tickets online from May, and the old terminal will "
         "close once the new one is running, the authority said in a statement.")


def _article(*extra: str) -> str:
    return "\n".join([GOOD, GOOD2, *extra]) + "\n"


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "seeds", root / "seeds")
    return root


def _warnings_for(result, name: str) -> list[str]:
    return [w for w in result.warnings if name in w]


def test_broken_files_are_reported_and_skipped(site: Path):
    seeds = site / "seeds"
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "blank.txt").write_text(" \n\t\n\n")
    (seeds / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (seeds / "furniture.txt").write_text("Home | News | Sport\nSign in\nSubscribe\nMenu\n")
    shutil.copy(seeds / "000_d15a8b927213b857.txt", seeds / "copy of 000.txt")
    (seeds / "notes.docx").write_bytes(b"PK\x03\x04")
    result = build(site, quiet=True)
    assert len(result.digest.articles) == 5
    assert _warnings_for(result, "empty.txt") == [
        f"{seeds / 'empty.txt'}: warning: empty file (no text); skipped"]
    assert "empty file" in _warnings_for(result, "blank.txt")[0]
    assert "binary file" in _warnings_for(result, "binary.txt")[0]
    assert "no article text" in _warnings_for(result, "furniture.txt")[0]
    assert "duplicate" in _warnings_for(result, "copy of 000.txt")[0]
    assert "not a seed format" in _warnings_for(result, "notes.docx")[0]
    with pytest.raises(SiteError, match="--strict"):
        build(site, quiet=True, strict=True)


def test_encodings_and_line_endings_are_repaired_and_reported(site: Path):
    seeds = site / "seeds"
    (seeds / "utf16.txt").write_bytes("\ufeff".encode("utf-16-le") +
                                      _article("Zürich – café.").encode("utf-16-le"))
    (seeds / "latin1.txt").write_bytes(_article().replace("ferry", "ferry café").encode("utf-8")
                                       + "Déjà vu for naïve readers, the mayor said today.\n"
                                       .encode("cp1252"))
    (seeds / "crlf.txt").write_bytes(_article().replace("harbour", "port").encode()
                                     .replace(b"\n", b"\r\n"))
    (seeds / "cr.txt").write_bytes(_article().replace("harbour", "river").encode()
                                   .replace(b"\n", b"\r"))
    (seeds / "bom.txt").write_bytes(codecs.BOM_UTF8 + _article().replace("ferry", "bus")
                                    .encode())
    result = build(site, quiet=True)
    texts = {p.text for a in result.digest.articles for p in a.paragraphs}
    assert "Déjà vu for naïve readers, the mayor said today." in texts
    assert any("UTF-16" in w for w in _warnings_for(result, "utf16.txt"))
    assert any("invalid UTF-8" in w for w in _warnings_for(result, "latin1.txt"))
    assert any("carriage return" in w for w in _warnings_for(result, "cr.txt"))
    sources = {a.source_file for a in result.digest.articles}
    assert {"utf16.txt", "latin1.txt", "crlf.txt", "cr.txt", "bom.txt"} <= sources
    crlf = next(a for a in result.digest.articles if a.source_file == "crlf.txt")
    assert [p.source_lines for p in crlf.paragraphs] == [(1,), (2,)]


def test_unusual_names_and_scripts_build_with_safe_slugs(site: Path):
    seeds = site / "seeds"
    (seeds / "-leading dash.txt").write_text(_article())
    (seeds / "spaces and ünïcödé.txt").write_text(_article().replace("ferry", "tram"))
    (seeds / "arabic.txt").write_text(
        "قالت هيئة الميناء يوم الاثنين إن محطة العبارات الجديدة ستفتح في يونيو بعد عامين من "
        "التأخير بسبب خلاف حول العقد.\nوسيتمكن الركاب من شراء التذاكر عبر الإنترنت اعتبارا من "
        "مايو، وستغلق المحطة القديمة بعد تشغيل الجديدة.\n")
    result = build(site, quiet=True, strict=True)
    slugs = [a.slug for a in result.digest.articles]
    assert len(slugs) == len(set(slugs)) == 8
    assert all(s.replace("-", "").isalnum() and s.isascii() for s in slugs)
    assert broken_links(result.output) == []
    arabic = next(a for a in result.digest.articles if a.source_file == "arabic.txt")
    page = (result.output / "articles" / arabic.slug / "index.html").read_text()
    assert 'dir="auto"' in page and "محطة العبارات" in page


def test_bad_front_matter_in_content_is_reported_and_the_rest_builds(site: Path):
    build(site, quiet=True)
    [target] = [p for p in (site / "content" / "articles").glob("*.md")
                if "source_file: 004" in p.read_text()]
    target.write_text(target.read_text().replace("title:", "title: [unclosed", 1))
    result = build(site, quiet=True)
    [warning] = _warnings_for(result, target.name)
    assert f"{target}:" in warning and "invalid YAML" in warning
    assert len(result.digest.articles) == 4
    assert "[unclosed" in target.read_text()  # the editor's file is left for them to fix
    assert not (target.with_suffix(".md.new")).exists()


def test_symlinked_seed_outside_the_folder_is_refused(site: Path, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text(_article("The secret code is 1234, the official said."))
    (site / "seeds" / "link.txt").symlink_to(secret)
    result = build(site, quiet=True)
    assert "outside seeds/" in _warnings_for(result, "link.txt")[0]
    digest = (result.output / "digest.json").read_text()
    assert "secret code" not in digest


def test_symlinked_static_file_is_not_published(site: Path, tmp_path: Path):
    secret = tmp_path / "secret.css"
    secret.write_text("/* private */")
    static = site / "templates" / "static"
    static.mkdir(parents=True)
    (static / "leak.css").symlink_to(secret)
    (static / "extra.css").write_text("body { color: red; }")
    result = build(site, quiet=True)
    assert (result.output / "static" / "extra.css").exists()
    assert not (result.output / "static" / "leak.css").exists()


def test_config_path_cannot_redirect_output_onto_sources(site: Path):
    for target in (site, site / "seeds", site / "content"):
        with pytest.raises(SiteError, match="replace the site"):
            build(site, target, quiet=True)
    assert (site / "seeds" / "000_d15a8b927213b857.txt").exists()


def test_digest_json_stays_valid_with_hostile_text(site: Path):
    (site / "seeds" / "evil.txt").write_text(_article(
        'Officials said "</script><script>alert(1)</script>" was found in the file today.'))
    result = build(site, quiet=True)
    digest = json.loads((result.output / "digest.json").read_text())
    assert any("</script>" in p["text"] for a in digest["articles"] for p in a["paragraphs"])


def test_markdown_seed_with_bad_front_matter_names_line_and_column(site: Path):
    (site / "seeds" / "broken.md").write_text("---\ntitle: fine\nauthor: {unclosed\n---\n\n"
                                             "Some body text that would otherwise build.\n")
    result = build(site, quiet=True)
    [warning] = _warnings_for(result, "broken.md")
    assert warning.startswith(f"{site / 'seeds' / 'broken.md'}:3:9: warning: invalid YAML")
    assert len(result.digest.articles) == 5


def test_bidi_and_zero_width_characters_never_reach_the_pages(site: Path):
    spoof = "\u202eevil\u2066 \u200bnews\u200f"
    (site / "seeds" / "spoof.md").write_text(
        f"---\ntitle: \"Harbour {spoof} report\"\nauthor: \"Jane\u202d Doe\"\n---\n\n{GOOD}\n\n"
        f"{GOOD2}\n")
    (site / "seeds" / "sources.yml").write_text(f'spoof.md:\n  outlet: "Daily{spoof}"\n')
    result = build(site, quiet=True)
    article = next(a for a in result.digest.articles if a.source_file == "spoof.md")
    assert (article.title, article.author, article.outlet) == (
        "Harbour evil news report", "Jane Doe", "Dailyevil news")
    invisible = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
    for page in result.output.rglob("*"):
        if page.suffix in (".html", ".xml", ".json"):
            assert not invisible.search(page.read_text(encoding="utf-8")), page
