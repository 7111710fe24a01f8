"""HTML pages of awkward shapes: the article is found, with its lines, and nothing else."""

from __future__ import annotations

from html_pages import RESERVOIRS, RESERVOIRS_JA

from site_builder.ingest.clean import clean
from site_builder.ingest.readers import read_html

NAV = ("<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
       "<li><a href='/sport'>Sport</a></li><li><a href='/weather'>Weather</a></li></ul></nav>")


def _page(body: str, head: str = "") -> str:
    return (f"<!doctype html>\n<html lang='en'><head><title>Reservoirs approved</title>{head}"
            f"</head>\n<body>\n{body}\n</body></html>\n")


def _kept(html: str) -> list[str]:
    return [b.text for b in clean(read_html(html, "page.html")).body]


def _line_of(html: str, text: str) -> int:
    return next(n for n, line in enumerate(html.split("\n"), 1) if text[:40] in line)


def test_kept_paragraphs_carry_their_source_lines_and_removals_their_reasons():
    article = "\n".join(f"<p>{p}</p>" for p in RESERVOIRS)
    html = _page(f"{NAV}\n<main><article>\n<h1>Reservoirs approved</h1>\n{article}\n"
                 "</article></main>\n<footer><p>Contact us</p></footer>")
    doc = clean(read_html(html, "page.html"))
    assert [b.text for b in doc.body] == RESERVOIRS
    for block in doc.body:
        assert block.lines == (_line_of(html, block.text),)
    reasons = {r.excerpt: r.reason for r in doc.removed}
    assert reasons["Reservoirs approved"] == "headline (kept as metadata)"
    assert reasons["Contact us"] == "page footer"
    assert any(r.reason in ("navigation", "links (navigation or other articles)")
               for r in doc.removed if r.excerpt == "Home")


def test_a_teaser_article_before_the_real_one_is_not_taken_for_it():
    teaser = ("<article class='card'><h3><a href='/other'>Bridge closed for repairs</a></h3>"
              "<p><a href='/other'>Read the story</a></p></article>")
    article = "\n".join(f"<p>{p}</p>" for p in RESERVOIRS)
    html = _page(f"{NAV}\n{teaser}\n<article>\n<h1>Reservoirs approved</h1>\n{article}\n"
                 "</article>")
    kept = _kept(html)
    assert kept == RESERVOIRS


def test_a_page_wrapped_in_one_form_keeps_its_article():
    article = "\n".join(f"<p>{p}</p>" for p in RESERVOIRS)
    html = _page(f"<form method='post' action='/page.aspx'>\n{NAV}\n<div id='content'>\n"
                 f"<h1>Reservoirs approved</h1>\n{article}\n</div>\n"
                 "<input type='submit' value='Search'>\n</form>")
    assert _kept(html) == RESERVOIRS


def test_text_in_divs_and_br_runs_beside_a_few_paragraphs_is_read():
    html = _page(f"{NAV}\n<div class='story'>\n<p>{RESERVOIRS[0]}</p>\n"
                 f"<div>{RESERVOIRS[1]}</div>\n"
                 f"{RESERVOIRS[2]}<br><br>\n{RESERVOIRS[3]}<br>\n"
                 f"<p>{RESERVOIRS[4]}</p>\n</div>")
    doc = clean(read_html(html, "page.html"))
    assert [b.text for b in doc.body] == RESERVOIRS
    assert [b.lines for b in doc.body] == [(_line_of(html, p),) for p in RESERVOIRS]


def test_a_japanese_page_is_extracted_like_an_english_one():
    article = "\n".join(f"<p>{p}</p>" for p in RESERVOIRS_JA)
    html = (f"<!doctype html>\n<html lang='ja'><head><title>貯水池の建設を承認</title></head>\n"
            f"<body>\n{NAV}\n<article>\n<h1>貯水池の建設を承認</h1>\n{article}\n</article>\n"
            "</body></html>\n")
    assert _kept(html) == RESERVOIRS_JA


def test_markup_without_text_has_no_blocks_and_a_nav_only_page_no_body():
    assert read_html(_page("<script>var a = 1;</script><div></div>"), "x.html").blocks == []
    doc = read_html(_page(NAV + "<footer><a href='/about'>About us</a></footer>"), "x.html")
    assert doc.blocks and all(b.debris for b in doc.blocks)
    assert clean(doc).body == []


def test_the_article_header_becomes_metadata_and_date_notes_leave_the_body():
    article = "\n".join(f"<p>{p}</p>" for p in RESERVOIRS[:3])
    html = _page(f"{NAV}\n<article>\n<p>Environment</p>\n<h1>Reservoirs approved</h1>\n"
                 "<p>By Lena Holm, Water Correspondent · <time datetime='2024-03-07'>"
                 f"March 7, 2024</time></p>\n{article}\n<p><em>(Updated March 8)</em></p>\n"
                 f"<p>{RESERVOIRS[3]}</p>\n</article>")
    doc = read_html(html, "page.html")
    reasons = {b.text: b.debris for b in doc.blocks}
    assert reasons["Environment"] == "section label above the headline"
    assert reasons["Reservoirs approved"] == "headline (kept as metadata)"
    assert reasons["By Lena Holm, Water Correspondent · March 7, 2024"] == \
        "byline or dateline (kept as metadata)"
    assert reasons["(Updated March 8)"] == "date or update note"
    assert doc.meta["author"] == "Lena Holm"
    assert doc.meta["published"] == "2024-03-07"
    assert [b.text for b in clean(doc).body] == RESERVOIRS[:4]
