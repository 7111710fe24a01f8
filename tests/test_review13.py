"""A demanding newsroom user's review (review13): the reader's pages in Chromium at phone
width and in print, the preview and the command line on bad input, hostile values; each
found broken once and held here."""

from __future__ import annotations

import dataclasses
import functools
import http.server
import os
import re
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from reader_sites import SOURCES_YML, named_sample

from site_builder.build import build
from site_builder.config import load_config
from site_builder.errors import Reporter
from site_builder.models import Claim
from site_builder.render import render_site
from tests.test_review11 import sitebuild, small_site

CHROMIUM = Path(os.environ.get("SITEBUILD_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update"]
# A name with spaces, and one with none to break at (as a host or a brand can be).
LONG_OUTLET = ("The Extraordinarily Long-Named Metropolitan Harbour and Coastal Districts "
               "Evening Gazette-Intelligencer")
UNBROKEN_OUTLET = "Eveningcourierandmetropolitanharbourintelligencernewsorganisation"


def _browser_or_skip() -> object:
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return pytest.importorskip("playwright.sync_api", reason="Playwright not installed")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, dict]]:
    """The sample with very long outlet names, built; and the same digest rendered again
    with a 40-claim disagreement first. Yields both sites' addresses and the digest."""
    root = tmp_path_factory.mktemp("crowded")
    site = named_sample(root / "site")
    (site / "seeds" / "sources.yml").write_text(
        SOURCES_YML.replace("The Harbour Gazette", LONG_OUTLET)
        .replace("Evening Courier", UNBROKEN_OUTLET))
    result = build(site, quiet=True, strict=True)
    digest = result.digest
    assert digest is not None and digest.disagreements
    row, articles = digest.disagreements[0], digest.articles
    ref = row.claims[0].support[0]
    row.claims = [Claim(value=f"{100 + 7 * i} units", statement=row.claims[0].statement,
                        number=float(100 + 7 * i),
                        support=[dataclasses.replace(
                            ref, article=articles[i % len(articles)].slug,
                            paragraph=articles[i % len(articles)].paragraphs[0].id)])
                  for i in range(40)]
    many = root / "many"
    many.mkdir()
    render_site(digest, load_config(site, Reporter(quiet=True)), many)
    servers = []
    for folder in (result.output, many):
        handler = functools.partial(_Quiet, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    try:
        yield (*(f"http://127.0.0.1:{s.server_address[1]}/" for s in servers),
               {"article": articles[0].slug, "topic": digest.topics[0].slug})
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


# --- the reader's pages in Chromium ---------------------------------------------------

def test_long_outlet_names_and_a_40_claim_row_never_scroll_a_phone_sideways(crowded):
    # At 320 px a long outlet name in a source link (kept on one line) pushed the facts,
    # front, timeline and topic pages to 847 px; the cleaning audit, once opened, to
    # 883 px (a removed block's line numbers on one line) even on the plain sample; the
    # search page's topic menu to 357 px.
    sync_api = _browser_or_skip()
    built, many, names = crowded
    pages = [(many, path) for path in (
        "", "facts/", "timeline/", "topics/", "sources/", f"articles/{names['article']}/",
        f"topics/{names['topic']}/")] + [(built, "search/"), (built, "facts/")]
    wide = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 320, "height": 700})
            for base, path in pages:
                page.goto(base + path)
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > 320:
                    wide.append((path, width))
            # Wrapping anywhere must not split a column's label at desktop width.
            page.set_viewport_size({"width": 1280, "height": 900})
            page.goto(built + "facts/")
            split = page.eval_on_selector_all("th", """cells => cells.filter(c => {
                const r = document.createRange(); r.selectNodeContents(c);
                return r.getClientRects().length > 1; }).map(c => c.textContent)""")
        finally:
            browser.close()
    assert wide == []
    assert split == []


def test_print_is_dark_on_white_and_leaves_the_search_box_out_in_either_theme(crowded):
    # Printed from the dark theme, labels and values kept the dark theme's pale text
    # (#ffc46b on paper) and dark panels; the header's search box was printed (its screen
    # rule outranked the print rule that hides it).
    sync_api = _browser_or_skip()
    built = crowded[0]
    probe = """() => [...document.querySelectorAll(
        'body, .value, .kind, .badge, .disagreement, .note, mark, .brief-ref')]
        .map(e => { const s = getComputedStyle(e);
                    return [e.className, s.color, s.backgroundColor, s.borderLeftColor]; })"""
    seen = {}
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            for scheme in ("light", "dark"):
                page = browser.new_page(viewport={"width": 800, "height": 900})
                page.emulate_media(media="print", color_scheme=scheme)
                for path in ("", "facts/"):
                    page.goto(built + path)
                    assert page.locator("header.site form.search").is_hidden()
                    seen.setdefault(scheme, []).append(page.evaluate(probe))
                page.close()
        finally:
            browser.close()
    assert seen["dark"] == seen["light"]



def test_a_chart_on_a_phone_keeps_legible_labels_and_scrolls_inside_its_figure(crowded):
    # The 600-unit chart was squeezed to the phone's width: its labels were 7 px tall.
    sync_api = _browser_or_skip()
    built = crowded[0]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 375, "height": 800})
            page.goto(built + "facts/")
            charts = page.eval_on_selector_all("figure.chart-box", """figures => figures.map(f => [
                Math.min(...[...f.querySelectorAll('svg text')].map(
                    t => t.getBoundingClientRect().height)), f.tabIndex])""")
            width = page.evaluate("document.documentElement.scrollWidth")
        finally:
            browser.close()
    assert charts, "the sample's disagreements draw charts"
    assert all(height >= 11 for height, _ in charts), charts
    assert all(tab == 0 for _, tab in charts)  # a scrolling region is reached by keyboard
    assert width == 375


def test_the_front_page_shows_a_few_claims_of_a_long_row_and_links_the_rest(crowded):
    # A 40-claim row put all 40 claims, each with its quotation, on the front page (31 KB
    # of one row; some 10,000 px on a phone) where the reader wants the story in brief.
    many = crowded[1]
    front = urllib.request.urlopen(many).read().decode()
    row = front[front.index('id="d-1"'):]
    row = row[:row.index("</section>")]
    assert row.count('class="claim"') == 6
    link = re.search(r'<p class="more-claims"><a href="([^"]+)">([^<]+)</a>', row)
    assert link and "6 of 40 claims" in link.group(2)
    page, anchor = link.group(1).split("#")
    facts = urllib.request.urlopen(many + page).read().decode()
    full = facts[facts.index(f'id="{anchor}"'):]
    assert full[:full.index("</section>")].count('class="claim"') == 40
    assert 'class="more-claims"' not in facts

# --- the editorial layer --------------------------------------------------------------

def test_an_unclosed_quote_in_front_matter_names_its_own_line(tmp_path: Path):
    # An editor's title with an opening quote and no closing one was reported at the last
    # line of the front matter ("45:75: found unexpected end of stream"), far from it.
    site = small_site(tmp_path)
    assert sitebuild("build", "--site", str(site), "-q").returncode == 0
    edited = next((site / "content" / "articles").glob("*.md"))
    lines = edited.read_text().splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("title:"))
    lines[number - 1] = 'title: "Ferry sinks\n'
    edited.write_text("".join(lines))
    result = sitebuild("build", "--site", str(site), "-q")
    assert result.returncode == 0
    problem = [line for line in result.stderr.splitlines() if "invalid YAML" in line]
    assert problem == [f"{edited}:{number}:8: warning: invalid YAML front "
                       "matter: found unexpected end of stream (while scanning a quoted "
                       "scalar that starts here); article left out until it is fixed"]
    assert edited.read_text() == "".join(lines)  # the edit is kept as the editor left it



def test_links_in_a_loop_are_named_and_left_out_not_the_end_of_the_build(tmp_path: Path):
    # A seed linking to itself stopped the build ("error: seeds/self.txt: Too many levels
    # of symbolic links"); a content file doing so was an internal error (RuntimeError).
    site = small_site(tmp_path)
    (site / "content" / "articles").mkdir(parents=True)
    (site / "seeds" / "self.txt").symlink_to("self.txt")
    (site / "seeds" / "one.html").symlink_to("two.html")
    (site / "seeds" / "two.html").symlink_to("one.html")
    (site / "content" / "articles" / "self.md").symlink_to("self.md")
    for force in ((), ("--force",)):
        result = sitebuild("build", "--site", str(site), "-q", *force)
        assert result.returncode == 0, result.stderr
        lines = result.stderr.splitlines()
        for name in ("one.html", "self.txt", "two.html"):
            assert f"{site / 'seeds' / name}: warning: symbolic link that leads round in a " \
                   "loop; ignored" in lines
        assert f"{site / 'content' / 'articles' / 'self.md'}: warning: cannot read: symbolic " \
               "link in a loop; article left out until it is fixed" in lines
        assert "output: 2 articles" in result.stdout
    assert sitebuild("build", "--site", str(site), "-q", "--strict").returncode == 1

# --- the command line on bad input ----------------------------------------------------

def test_add_into_a_site_folder_that_is_not_there_says_it_started_one(tmp_path: Path):
    # `add --site` with a mistyped folder silently made a new site there (and `build
    # --site` on the same typo then says "site folder not found" about the right one).
    missing = tmp_path / "sties" / "ferry"
    result = sitebuild("add", "--site", str(missing), "--quiet", str(tmp_path / "none.warc"))
    assert result.returncode == 1  # nothing added
    assert f"{missing}: no such folder; started a new site there" in result.stderr.splitlines()
    existing = small_site(tmp_path)
    again = sitebuild("add", "--site", str(existing), "--quiet", str(tmp_path / "none.warc"))
    assert "started a new site" not in again.stderr
