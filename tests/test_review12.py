"""A demanding new user's review (review12): bad input, hostile values and the built pages
as a reader sees them, each found broken once and held here."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from site_builder.ingest.decode import decode
from tests.test_review11 import ARTICLE, sitebuild, small_site

CHROMIUM = Path(os.environ.get("SITEBUILD_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update"]

JAPANESE = ("台風十号が火曜日の朝に九州の南部に上陸し、少なくとも十二人が死亡したと気象庁と"
            "地元の当局が発表しました。救助隊が被災地に派遣され、捜索が続いています。")
RUSSIAN = ("Паром затонул у берегов порта во вторник, и двенадцать человек погибли, "
           "сообщили представители морского ведомства в среду.")


# --- seeds in legacy encodings --------------------------------------------------------

def test_a_shift_jis_text_seed_is_read_as_japanese_not_mojibake():
    # It was read as Windows-1252 ("‘ä•—…") and then skipped as page furniture.
    text, notes = decode(f"台風が上陸\n\n{JAPANESE}\n".encode("shift_jis"))
    assert JAPANESE in text
    assert len(notes) == 1 and "guessed" in notes[0] and "CP932" in notes[0]


def test_a_windows_1251_text_seed_is_read_as_cyrillic():
    text, notes = decode(RUSSIAN.encode("cp1251"))
    assert text == RUSSIAN
    assert "CP1251" in notes[0]


def test_a_page_declaring_its_charset_is_read_in_it():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=EUC-JP"></head><body><p>台風</p></body></html>').encode("euc_jp")
    text, notes = decode(page)
    assert "<p>台風</p>" in text
    assert notes == ["decoded as EUC_JP (declared by the page)"]


def test_latin_text_and_utf8_misdeclared_as_latin1_read_as_before():
    # A Latin-1 file is still read as Windows-1252 (a guess of cp1250 would read it the
    # same only by luck) ...
    text, notes = decode("Café storm in Zürich\n".encode("latin-1"))
    assert text == "Café storm in Zürich\n"
    assert "Windows-1252" in notes[0]
    # ... and a UTF-8 page labelled ISO-8859-1 with one stray byte keeps its UTF-8.
    page = ('<meta charset="iso-8859-1"><p>Zürich – “quoted”</p>'.encode()
            + b"<p>caf\xe9</p>")
    text, _ = decode(page)
    assert "Zürich – “quoted”" in text and "café" in text


def test_a_shift_jis_seed_builds_into_a_japanese_article(tmp_path: Path):
    site = small_site(tmp_path)
    (site / "seeds" / "jp.txt").write_bytes(
        f"台風十号が上陸\n\n{JAPANESE}\n\n{JAPANESE[:40]}。\n".encode("shift_jis"))
    run = sitebuild("build", "--site", str(site))
    assert run.returncode == 0, run.stderr
    assert "seeds/jp.txt: warning: not UTF-8; decoded as CP932" in run.stderr
    pages = [p.read_text() for p in (site / "output" / "articles").glob("*/index.html")]
    assert any(JAPANESE in page for page in pages)


# --- content files whose seed is gone -------------------------------------------------

def test_a_hand_edit_whose_seed_is_deleted_is_kept_and_said_so(tmp_path: Path):
    # It stayed published with no word: deleting the seed looked like it took the article
    # down, and did not.
    site = small_site(tmp_path)
    assert sitebuild("build", "--site", str(site)).returncode == 0
    files = {p.read_text().split("source_file: ")[1].split("\n")[0]: p
             for p in (site / "content" / "articles").glob("*.md")}
    edited = files["b.txt"]
    edited.write_text(edited.read_text() + "\nAn editor's own paragraph.\n")
    generated = files["a.txt"]
    (site / "seeds" / "b.txt").unlink()
    (site / "seeds" / "a.txt").unlink()
    (site / "seeds" / "c.txt").write_text("Ferry sinks\n\n" + ARTICLE.format(n=13, m=39))
    run = sitebuild("build", "--site", str(site))
    assert run.returncode == 0, run.stderr
    assert (f"{edited.relative_to(site)}: edited by hand; kept and still published though "
            "its seed b.txt is gone (delete this file to take the article down)") in run.stderr
    assert edited.exists() and "An editor's own paragraph." in edited.read_text()
    assert not generated.exists()  # a generated file goes with its seed, as before


# --- the built pages as a reader sees them --------------------------------------------

def test_key_points_keep_their_bullets_and_margin_notes_line_up(built_sample: Path):
    # At 1280 px a key point (a grid, for its margin notes) lost its list bullet, and the
    # list's indent pushed its text and its "Also in" notes 1.25rem right of the others'.
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    pages = [p for p in (built_sample / "output" / "articles").glob("*/index.html")
             if 'class="takeaways"' in p.read_text()]
    assert pages, "the sample site has an article with key points"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(pages[0].as_uri())
            notes = page.eval_on_selector_all(
                ".body .para > aside.xrefs",
                "els => els.map(e => [e.closest('ul.takeaways') !== null,"
                " Math.round(e.getBoundingClientRect().left)])")
            numbers = page.eval_on_selector_all(
                ".body .pnum", "els => els.map(e => Math.round(e.getBoundingClientRect().right))")
            bullets = page.eval_on_selector_all(
                "ul.takeaways .para > p",
                "els => els.map(p => getComputedStyle(p, '::before').content !== 'none'"
                " || (getComputedStyle(p.parentElement).display === 'list-item'"
                " && getComputedStyle(p.parentElement).listStyleType !== 'none'))")
        finally:
            browser.close()
    assert {in_list for in_list, _ in notes} == {True, False}
    assert len({left for _, left in notes}) == 1
    assert len(set(numbers)) == 1
    assert bullets and all(bullets)


def test_a_topic_summary_counts_the_key_facts_its_page_lists(built_sample: Path):
    # The summary said "in 24 key facts" over a table of 8 key facts and 16 claims only
    # one source makes, which the page itself does not call key facts.
    checked = 0
    for page in (built_sample / "output" / "topics").glob("*/index.html"):
        html = page.read_text()
        lede = re.search(r'<p class="lede">(.*?)</p>', html, re.S).group(1)
        section = html.split('id="facts"', 1)[1].split("</section>", 1)[0] \
            if 'id="facts"' in html else ""
        rows = section.split("<details", 1)[0].count("<tr id=")  # the folded claims aside
        said = re.search(r"in (\d+) key facts?\b", lede)
        assert (int(said.group(1)) if said else 0) == rows, (page, lede)
        folded = re.search(r"<summary>(\d+) claims? only one source makes", html)
        claims = re.search(r"in (\d+) claims? only one source makes", lede)
        assert (claims and claims.group(1)) == (folded and folded.group(1)), (page, lede)
        checked += bool(rows and folded)
    assert checked, "some topic has both key facts and single-source claims"


# --- URLs an editor gave that the pages will never link -------------------------------

def test_an_editors_url_that_is_not_http_is_named_with_its_line(tmp_path: Path):
    # `javascript:`, `data:` or a URL without its scheme was silently never linked.
    site = small_site(tmp_path)
    (site / "seeds" / "sources.yml").write_text(
        "a.txt:\n  outlet: Harbour Post\n  url: javascript:alert(1)\n"
        "b.txt:\n  url: https://example.org/b\n")
    (site / "seeds" / "c.md").write_text("---\ntitle: Ferry toll rises\nurl: www.example.org/c\n"
                                         "---\n\n" + ARTICLE.format(n=13, m=39))
    run = sitebuild("build", "--site", str(site))
    assert run.returncode == 0, run.stderr
    assert ("seeds/sources.yml:3:8: warning: sources.a.txt.url is not an http:// or https:// "
            "URL, so pages do not link it: 'javascript:alert(1)'") in run.stderr
    assert ("seeds/c.md: warning: front matter url (line 3) is not an http:// or https:// URL, "
            "so pages do not link it ('www.example.org/c')") in run.stderr
    assert "sources.b.txt" not in run.stderr
    assert "javascript:alert" not in "".join(
        p.read_text() for p in (site / "output").rglob("*.html"))


# --- a seed far too big to be an article -------------------------------------------------

def test_a_seed_of_more_blocks_than_any_article_is_skipped_at_once(tmp_path: Path):
    # A 60 MB log of short lines ran for over five minutes (cleaning and analysing it as
    # one article of 400,000 paragraphs) with no word; 3 MB took 87 s.
    site = small_site(tmp_path)
    (site / "seeds" / "server.log.txt").write_text(
        "".join(f"entry {i} port gate {i % 7} open\n" for i in range(12_000)))
    run = sitebuild("build", "--site", str(site))
    assert run.returncode == 0, run.stderr
    assert ("seeds/server.log.txt: warning: 12,000 blocks of text, more than any article has "
            "(10,000): not one article; skipped") in run.stderr
    assert "2 articles" in run.stdout
    assert sitebuild("build", "--site", str(site), "--strict", "--force").returncode != 0
