from pathlib import Path

import pytest

from site_builder.errors import SiteError
from site_builder.ingest.readers import read_markdown, read_seed, read_text

HTML = """<!doctype html>
<html><head>
<title>Site | Mayor resigns</title>
<meta property="og:title" content="Mayor resigns after budget vote">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<link rel="canonical" href="https://example.org/news/mayor">
</head><body>
<nav><ul><li>Home</li><li>World</li></ul></nav>
<article>
<h1>Mayor resigns after budget vote</h1>
<p>The mayor of Springfield resigned on Tuesday after the council rejected her budget.</p>
<figure><img src="x.jpg"><figcaption>The mayor leaves city hall.</figcaption></figure>
<p>Her deputy will serve until an election is held in the autumn, officials said.</p>
</article>
<footer><p>Copyright 2024</p></footer>
</body></html>
"""


def test_text_reader_makes_a_block_per_line_and_marks_bullets():
    doc = read_text("Headline here\n\n- First point.\n- Second point.\nBody text.", "a.txt")
    assert [(b.text, b.lines, b.bullet) for b in doc.blocks] == [
        ("Headline here", (1,), False), ("First point.", (3,), True),
        ("Second point.", (4,), True), ("Body text.", (5,), False)]


def test_html_reader_takes_metadata_from_markup(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    doc = read_seed(path, "page.html")
    assert doc.meta == {
        "title": "Mayor resigns after budget vote", "author": "Ana Ruiz",
        "published": "2024-03-05T09:30+00:00", "url": "https://example.org/news/mayor",
        "outlet": "The Daily Example"}
    texts = {b.text: b.debris for b in doc.blocks}
    assert texts["The mayor leaves city hall."] == "photo caption"
    assert texts["Her deputy will serve until an election is held in the autumn, officials "
                 "said."] is None
    assert texts["Home"] == "navigation"  # outside <article>, left out with its reason
    body = [b for b in doc.blocks if b.debris is None]
    assert body[0].lines == (13,)  # the <p> line of the source


def test_markdown_reader_passes_body_through_with_front_matter():
    doc = read_markdown("---\ntitle: A title\npublished: 2024-01-02\n---\n\nPara *one*.\n\n"
                        "- item\n- item two\n", "x.md")
    assert doc.meta == {"title": "A title", "published": "2024-01-02"}
    assert doc.passthrough
    assert [b.lines for b in doc.blocks] == [(6,), (8, 9)]
    assert all(b.markdown for b in doc.blocks)


def test_bad_front_matter_names_file_and_line():
    with pytest.raises(SiteError) as caught:
        read_markdown("---\ntitle: ok\nauthor: [unclosed\n---\nbody\n", "bad.md")
    assert caught.value.path == "bad.md"
    assert caught.value.line is not None and caught.value.line >= 3
    assert str(caught.value).startswith("bad.md:")


def test_html_text_outside_paragraph_elements_is_read(tmp_path: Path):
    path = tmp_path / "divs.html"
    path.write_text("<html><head><title>Bridge reopens</title></head><body>\n"
                    "<nav>Home | News</nav>\n"
                    "<div class=\"story\">The old bridge reopened to traffic on Monday after "
                    "two years of <b>repairs</b>, the council said.<br><br>\n"
                    "Drivers had used a long detour through the hills since the flood.<br>\n"
                    "<!-- ad slot -->\n"
                    "</div>\n<script>var x = 1;</script>\n</body></html>\n", encoding="utf-8")
    doc = read_seed(path, "divs.html")
    body = [(b.text, b.lines) for b in doc.blocks if b.debris is None]
    assert body == [
        ("The old bridge reopened to traffic on Monday after two years of repairs , the "
         "council said.", (3,)),
        ("Drivers had used a long detour through the hills since the flood.", (4,))]
