"""The built site in a real browser: Debian's Chromium driven by Playwright.

Skips with a reason where Chromium (or Playwright, or axe-core) is absent; .ci/run
installs all three. Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from reader_sites import OUTLETS, named_sample, numbered_site

from site_builder import search
from site_builder.build import build

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("SITEBUILD_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(os.environ.get("SITEBUILD_AXE", REPO / "node_modules" / "axe-core" / "axe.min.js"))
ARTIFACTS = REPO / "test-artifacts" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update"]

if not CHROMIUM.exists():
    pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python not installed")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(output: Path) -> Iterator[tuple[str, Path, dict]]:
    handler = functools.partial(_Quiet, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    digest = json.loads((output / "digest.json").read_text())
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", output, digest
    finally:
        server.shutdown()
        server.server_close()


def _served(root: Path) -> Iterator[tuple[str, Path, dict]]:
    """The sample site, three of its sources named in seeds/sources.yml."""
    yield from _serve(build(named_sample(root), quiet=True, strict=True).output)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, dict]]:
    yield from _served(tmp_path_factory.mktemp("browser") / "site")


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, dict]]:
    """The same site with its search index split into shards of 2 pages."""
    kept = search.SHARD_PAGES
    search.SHARD_PAGES = 2
    try:  # only for this build: later sites in the module get the usual shards
        output = build(named_sample(tmp_path_factory.mktemp("browser-sharded") / "site"),
                       quiet=True, strict=True).output
    finally:
        search.SHARD_PAGES = kept
    yield from _serve(output)


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, dict]]:
    """The same site rendered with numbers on its disputed figures (charts drawn)."""
    yield from _serve(numbered_site(tmp_path_factory.mktemp("browser-numbered"))[0])


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


def _context(browser: object, width: int = 1280, scheme: str = "light",
             javascript: bool = True) -> object:
    return browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                               java_script_enabled=javascript)


def _watch(page: object) -> object:
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    context = _context(browser)
    yield _watch(context.new_page())
    context.close()


@pytest.fixture(params=[(375, "light"), (375, "dark"), (1280, "light"), (1280, "dark")],
                ids=lambda v: f"{v[0]}px-{v[1]}")
def any_page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A page at phone and desktop width, in the light and the dark theme."""
    width, scheme = request.param
    context = _context(browser, width, scheme)
    page = _watch(context.new_page())
    page.width, page.scheme = width, scheme
    yield page
    context.close()


def _pages(digest: dict) -> dict[str, str]:
    article = digest["articles"][0]["url"]
    topic = digest["topics"][0]["url"]
    return {"index": "", "article": article, "topic": topic, "facts": "facts/",
            "topics": "topics/", "timeline": "timeline/", "sources": "sources/",
            "search": "search/", "404": "404.html"}


def test_screenshots_without_console_errors(site, any_page):
    base, _, digest = site
    page = any_page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, path in _pages(digest).items():
        page.goto(base + path)
        page.screenshot(path=str(ARTIFACTS / f"{name}-{page.width}-{page.scheme}.png"),
                        full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} scrolls sideways at {page.width}px"
    assert page.errors == []


def test_fact_source_link_lands_on_the_highlighted_paragraph(site, page):
    base = site[0]
    page.goto(base + "facts/")
    link = page.locator("table.facts ul.refs a").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    anchor = href.split("#", 1)[1]
    assert page.evaluate("location.hash") == f"#{anchor}"
    target = page.locator(f"[id='{anchor}']")
    assert target.is_visible()
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    assert page.errors == []


def test_source_links_show_a_preview_fetched_from_the_linked_page(site, page):
    base = site[0]
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + "facts/")
    links = page.locator("table.facts ul.refs a")
    link = links.first
    assert link.get_attribute("data-preview") is None  # no copy of the paragraph in the link
    href = link.get_attribute("href")
    link.hover()
    popover = page.locator("#preview-popover")
    popover.wait_for(state="visible")
    target = page.context.new_page()
    target.goto(base + "facts/" + href)
    anchor = href.split("#", 1)[1]
    expected = target.locator(f"[id='{anchor}'] > p, [id='{anchor}'] > h2").first.inner_text()
    target.close()
    assert popover.inner_text().strip() == expected.strip()
    page.keyboard.press("Escape")
    assert not popover.is_visible()
    # A second link to the same page reuses the fetched page.
    same_page = href.split("#", 1)[0]
    fetched = sum(1 for url in requests if url.split("#", 1)[0].endswith(same_page.lstrip("./")))
    other = page.locator(f"table.facts ul.refs a[href^='{same_page}#']").nth(1)
    other.focus()
    popover.wait_for(state="visible")
    assert other.get_attribute("aria-describedby") == "preview-popover"
    assert sum(1 for url in requests
               if url.split("#", 1)[0].endswith(same_page.lstrip("./"))) == fetched
    assert page.errors == []


def test_search_finds_and_filters(site, page):
    base = site[0]
    page.goto(base + "search/?q=Kinzhal")
    results = page.locator("#search-results li")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1
    assert "Kinzhal" in page.locator("#search-results").inner_text()
    source = page.locator("#search-results li .meta .source").first.inner_text()
    page.select_option("#search-source", label=source)
    page.wait_for_function("document.getElementById('search-status').textContent"
                           ".includes(' in ')")
    metas = page.locator("#search-results li .meta .source").all_inner_texts()
    assert metas and all(m == source for m in metas)
    assert page.errors == []


def _result_urls(base: str, page: object, query: str) -> set[str]:
    page.goto(f"{base}search/?q={query}")
    page.wait_for_function("/ results? for/.test(document.getElementById('search-status')"
                           ".textContent)")
    # A merged shard's results carry absolute URLs; the pages are what matters.
    return {urlsplit(a.get_attribute("href")).path
            for a in page.locator("#search-results li a").all()}


def test_a_sharded_index_finds_what_one_index_finds(site, sharded_site, page):
    output = sharded_site[1]
    shards = json.loads((output / search.SHARDS_FILE).read_text())
    # The first bundle's scripts search; the shards merged into it keep their index only.
    assert len(shards) > 2 and (output / shards[0] / "pagefind.js").is_file()
    assert all((output / s / "pagefind-entry.json").is_file() for s in shards)
    assert not any((output / s / "pagefind.js").exists() for s in shards[1:])
    for query in ("Kinzhal", "Patriot", "Raytheon"):
        whole = _result_urls(site[0], page, query)
        assert whole and _result_urls(sharded_site[0], page, query) == whole, query
    assert page.errors == []


def test_search_says_it_cannot_run_from_a_file(site, page):
    _, output, _ = site
    page.goto((output / "search" / "index.html").as_uri())
    assert page.locator("#search-unavailable").is_visible()


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core not found at {AXE} (npm install axe-core)")
def test_no_accessibility_violations(site, numbered, any_page):
    page = any_page
    pages = [(site[0], name, path) for name, path in _pages(site[2]).items()]
    pages += [(numbered[0], f"chart {name}", path) for name, path in
              (("index", ""), ("facts", "facts/"))]
    problems = []
    for base, name, path in pages:
        page.goto(base + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        # The bar is no serious or critical violation; the theme has none of any impact.
        problems.extend(f"{name}: {v['id']} ({v['impact']}): {v['help']} "
                        f"[{len(v['nodes'])} nodes]" for v in result["violations"])
    assert problems == []


def _article_of(digest: dict, outlet: str) -> dict:
    return next(a for a in digest["articles"] if a["outlet"] == outlet)


def test_article_pages_name_the_outlet_date_and_original(site, any_page):
    base, _, digest = site
    page = any_page
    article = _article_of(digest, OUTLETS[0])
    page.goto(base + article["url"])
    assert page.locator(".kicker").inner_text().strip().lower() == OUTLETS[0].lower()
    meta = page.locator(".article-head .meta")
    assert "22 Dec 2023" in meta.inner_text()
    original = meta.get_by_role("link", name="Original article")
    assert original.get_attribute("href").startswith("https://www.harbour-gazette.example/")
    numbers = page.locator(".body .pnum").all_inner_texts()
    assert numbers == [f"¶{n}" for n in range(1, len(article["paragraphs"]) + 1)]
    assert all(n.is_visible() for n in page.locator(".body .pnum").all())
    text = page.locator("body").inner_text()
    assert not any(a["source_file"] in text for a in digest["articles"])
    for note in page.locator("aside.xrefs a").all():  # "also in": other sources only
        assert article["slug"] not in note.get_attribute("href")


def test_margin_notes_use_the_right_column_on_wide_screens(site, any_page):
    base, _, digest = site
    page = any_page
    page.goto(base + _pages(digest)["article"])
    para = page.locator(".para:has(aside.xrefs)").first
    text_box = para.locator("> p").bounding_box()
    note_box = para.locator("aside.xrefs").bounding_box()
    if page.width >= 1280:
        assert note_box["x"] >= text_box["x"] + text_box["width"]
        assert note_box["y"] < text_box["y"] + text_box["height"]
    else:
        assert note_box["x"] < text_box["x"] + text_box["width"] / 2  # under the text
        assert note_box["y"] > text_box["y"] + text_box["height"] / 2


def test_fact_rows_and_disagreements_name_outlets(site, page):
    base = site[0]
    page.goto(base + "facts/")
    links = " ".join(page.locator("ul.refs a").all_inner_texts())
    assert all(name in links for name in OUTLETS)
    assert not re.search(r"\d{3}_[0-9a-f]{16}", page.locator("body").inner_text())


def test_index_puts_the_disagreements_up_front(site, any_page):
    base, _, digest = site
    page = any_page
    page.goto(base)
    heading = page.locator("h2#disagreements")
    assert heading.is_visible()
    assert heading.bounding_box()["y"] < page.locator("h2#sources").bounding_box()["y"]
    boxes = page.locator("section.disagreement")
    assert boxes.count() == min(len(digest["disagreements"]), 4)
    for box in boxes.all():
        assert box.locator(".kind").inner_text().strip().lower() in (
            "contradicts", "differs", "update")
        claims = box.locator("li.claim")
        assert claims.count() >= 2  # both sides
        for claim in claims.all():
            assert claim.locator(".value").is_visible()
            assert claim.locator("ul.refs a").count() >= 1
    assert page.locator("ul.figures a").count() >= 1  # the key figures
    assert page.locator(".brief").inner_text().strip()


def test_disputed_figures_are_drawn_with_a_text_alternative(numbered, any_page):
    base, _, digest = numbered
    page = any_page
    page.goto(base + "facts/")
    charts = page.locator("svg.chart")
    assert charts.count() >= 2
    for svg in charts.all():
        assert svg.is_visible() and svg.get_attribute("role") == "img"
        ids = svg.get_attribute("aria-labelledby").split()
        alternative = " ".join(page.locator(f"[id='{i}']").text_content() for i in ids)
        assert re.search(r"\d", alternative) and ":" in alternative
        mark = svg.locator(".bar, .dot").first
        fill = mark.evaluate("el => getComputedStyle(el).fill")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert fill != background
        label = svg.locator("text").first.evaluate("el => getComputedStyle(el).fill")
        brightness = sum(int(c) for c in re.findall(r"\d+", label)[:3])
        assert (brightness > 382) == (page.scheme == "dark")  # text follows the theme
    first = page.locator("section#d-1")
    assert first.locator(".kind").inner_text().strip().lower() == "update"
    dates = first.locator(".claim time").evaluate_all("els => els.map(e => e.dateTime)")
    assert dates == sorted(dates) and len(dates) == len(digest["disagreements"][0]["claims"])


def test_charts_need_no_javascript(numbered, browser):
    context = _context(browser, javascript=False)
    page = context.new_page()
    page.goto(numbered[0] + "facts/")
    assert page.locator("svg.chart").first.is_visible()
    context.close()


def test_single_source_claims_are_folded_and_agreement_is_labelled(site, any_page):
    base, _, digest = site
    page = any_page
    page.goto(base + "facts/")
    single = next(f for f in digest["facts"] if f["sources"] == 1)
    row = page.locator(f"[id='{single['id']}']")
    assert not row.is_visible()
    page.locator("details.single > summary").click()
    assert row.is_visible()
    several = next(f for f in digest["facts"] if f["sources"] > 1)
    badge = page.locator(f"[id='{several['id']}'] .badge")
    assert badge.text_content().strip() == f"{several['sources']} sources agree"
    label = badge.locator(".badge-label")
    if page.width < 640:  # on a phone the table has no header: the count says what it is
        assert label.bounding_box()["width"] > 10


def test_topic_pages_open_with_a_summary(site, any_page):
    base, _, digest = site
    page = any_page
    topic = digest["topics"][0]
    page.goto(base + topic["url"])
    summary = page.locator("section.summary")
    assert summary.is_visible() and topic["name"] in summary.inner_text()
    assert "first mention" in summary.inner_text().lower()
    assert summary.bounding_box()["y"] < page.locator("h2#mentions").bounding_box()["y"]
    folded = page.locator("details.mentions-of")
    sources = {m["article"] for m in topic["mentions"]}
    assert folded.count() == min(len(sources), 12) + (len(sources) > 12)
    assert not folded.first.locator("ol.mentions").is_visible()


def test_timeline_shows_human_dates_without_stray_rules(site, any_page):
    base = site[0]
    page = any_page
    page.goto(base + "timeline/")
    dates = page.locator("h2.date").all_inner_texts()
    assert dates and all(re.fullmatch(r"(\d{1,2} )?[A-Z][a-z]{2} \d{4}", d) for d in dates)
    assert len(set(dates)) == len(dates)  # one entry per day
    rules = page.locator("ol.timeline ul.refs li").evaluate_all(
        "els => els.map(e => getComputedStyle(e).borderBottomWidth)")
    assert rules and set(rules) == {"0px"}


def test_search_as_you_type_with_the_query_in_the_address(site, any_page):
    base = site[0]
    page = any_page
    page.goto(base + "search/")
    assert page.locator("input[type=search]").count() == 1  # one search box
    page.locator("#search-q").press_sequentially("Kinzhal", delay=30)
    page.wait_for_function("/ results? for “Kinzhal”/.test("
                           "document.getElementById('search-status').textContent)")
    assert page.locator("#search-results li").count() >= 1
    assert urlsplit(page.url).query == "q=Kinzhal"
    excerpts = " ".join(page.locator("#search-results li p").all_inner_texts())
    assert "Kinzhal" in excerpts and "|" not in excerpts and "Agree" not in excerpts
    page.goto(page.url)  # the shared address runs the same search
    assert page.locator("#search-q").input_value() == "Kinzhal"
    page.wait_for_function("/ results? for/.test("
                           "document.getElementById('search-status').textContent)")
    assert page.locator("#search-results li").count() >= 1
    assert page.errors == []


def test_a_search_result_lands_on_its_paragraph(site, page):
    base = site[0]
    page.goto(base + "search/?q=Raytheon")
    result = page.locator("#search-results li a").first
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_load_state()
    anchor = page.evaluate("location.hash").lstrip("#")
    assert anchor.startswith("p-")
    target = page.locator(f"[id='{anchor}']")
    assert "Raytheon" in target.inner_text()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900


def test_search_without_javascript_says_so(site, browser):
    context = _context(browser, javascript=False)
    page = context.new_page()
    page.goto(site[0] + "search/?q=Patriot")
    message = page.locator("#search-noscript")
    assert message.is_visible() and "JavaScript" in message.inner_text()
    context.close()


_MARKUP_SEED = """\
Harbour council approves a new flood barrier after a long debate

By Jane Miller | March 4, 2024

The city council voted on Monday to approve a flood barrier along the river, ending months of \
debate over its cost <img src=x onerror="document.title='pwned'"> and its route.

Engineers say the barrier will protect about 4,000 homes from the kind of flooding that struck \
the town two winters ago, according to the council's own planning documents.

Construction is expected to begin in the spring and to last roughly eighteen months, the \
council said in a statement after the vote.
"""


def test_search_excerpts_show_markup_in_article_text_as_text(tmp_path: Path, page):
    # search.js puts Pagefind's excerpt in with innerHTML, trusting Pagefind to escape
    # the page text it stores; an article quoting markup must stay text.
    root = named_sample(tmp_path / "site")
    (root / "seeds" / "markup.txt").write_text(_MARKUP_SEED)
    for base, _, _ in _serve(build(root, quiet=True).output):
        page.goto(base + "search/?q=onerror")
        excerpt = page.locator("#search-results li p", has_text="onerror").first
        excerpt.wait_for(timeout=15000)
        assert page.locator("#search-results img").count() == 0
        assert "<img src=x" in excerpt.inner_text()
        assert page.title() != "pwned" and page.errors == []
