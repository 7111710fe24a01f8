"""Whole builds from HTML seeds that used to crash or lose their article."""

from __future__ import annotations

import json
from pathlib import Path

from html_pages import RESERVOIRS, RESERVOIRS_JA

from site_builder.build import build

PARAGRAPHS = RESERVOIRS[:3]
JAPANESE = RESERVOIRS_JA[:3]


def _page(paragraphs: list[str], head: str = "", lang: str = "en") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html>\n<html lang='{lang}'><head><title>Reservoirs</title>{head}</head>"
            f"\n<body>\n<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\n"
            f"<article>\n{body}\n</article>\n</body></html>\n")


def _ld(raw: str) -> str:
    return f'<script type="application/ld+json">{raw}</script>'


def _build(tmp_path: Path, seeds: dict[str, str]):
    site = tmp_path / "site"
    (site / "seeds").mkdir(parents=True)
    for name, text in seeds.items():
        (site / "seeds" / name).write_text(text, encoding="utf-8")
    result = build(site, quiet=True)
    digest = json.loads((result.output / "digest.json").read_text(encoding="utf-8"))
    return result, {a["source_file"]: a for a in digest["articles"]}


def test_year_one_dates_bare_json_ld_and_a_japanese_page_build_cleanly(tmp_path: Path):
    placeholder = _ld('{"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z", '
                      '"dateModified": "0001-01-01T00:00:00Z"}')
    result, articles = _build(tmp_path, {
        "year1.html": _page(PARAGRAPHS, placeholder
                            + '<meta property="article:published_time" content="0001-01-01">'),
        "string.html": _page(PARAGRAPHS[::-1], _ld('"just a string"')),
        "number.html": _page(PARAGRAPHS[1:] + PARAGRAPHS[:1], _ld("5") + _ld("null")
                             + _ld('{"@graph": 5}')),
        "japanese.html": _page(JAPANESE, lang="ja"),
    })
    assert set(articles) == {"year1.html", "string.html", "number.html", "japanese.html"}
    assert articles["year1.html"]["published"] is None
    year1 = [w for w in result.warnings if "year1.html" in w]
    assert year1 and all("ignored" in w and "year 1 " in w for w in year1)
    assert [p["text"] for p in articles["japanese.html"]["paragraphs"]] == JAPANESE
    assert [p["text"] for p in articles["string.html"]["paragraphs"]] == PARAGRAPHS[::-1]
    assert "not in English: japanese.html (Japanese)" in result.summary()
    assert "year1.html" not in result.summary().split("not in English")[1]


def test_no_article_messages_say_what_was_found(tmp_path: Path):
    nav_only = ("<!doctype html><html><head><title>Index</title></head><body>\n"
                "<nav><ul><li><a href='/a'>World</a></li><li><a href='/b'>Sport</a></li></ul>"
                "</nav>\n<footer><a href='/about'>About us</a></footer></body></html>\n")
    result, articles = _build(tmp_path, {
        "good.html": _page(PARAGRAPHS),
        "nav.html": nav_only,
        "script.html": "<html><head><script>var a = 1;</script></head><body></body></html>",
        "empty.html": "",
        "links.html": nav_only.replace("<footer>", "<div>").replace("</footer>", "</div>"),
    })
    assert set(articles) == {"good.html"}

    def warning(name: str) -> str:
        (found,) = [w for w in result.warnings if f"{name}:" in w]
        return found

    assert "no article text found" in warning("nav.html")
    assert "(3 text blocks, only navigation and page footer)" in warning("nav.html")
    assert "only navigation and links)" in warning("links.html")
    assert "no article text found (no text blocks" in warning("script.html")
    assert warning("empty.html").endswith("empty file (no text); skipped")


def test_a_year_one_date_in_front_matter_does_not_crash_the_timeline(tmp_path: Path):
    text = (f"---\ntitle: Reservoirs\npublished: 0001-01-01T00:00:00Z\n---\n\n{PARAGRAPHS[0]}\n\n"
            "The board will meet again on Tuesday, and on 5 March 2024 it voted.\n")
    _, articles = _build(tmp_path, {"a.md": text, "b.html": _page(PARAGRAPHS[1:])})
    assert set(articles) == {"a.md", "b.html"}
