"""The built site in a real browser: Debian's Chromium driven by Playwright.

Skips with a reason where Chromium (or Playwright, or axe-core) is absent; .ci/run
installs all three. Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

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


def _served(root: Path) -> Iterator[tuple[str, Path, dict]]:
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copy(REPO / "sitebuild.yml", root / "sitebuild.yml")
    result = build(root, quiet=True, strict=True)
    handler = functools.partial(_Quiet, directory=str(result.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    digest = json.loads((result.output / "digest.json").read_text())
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", result.output, digest
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, dict]]:
    yield from _served(tmp_path_factory.mktemp("browser") / "site")


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, dict]]:
    """The same site with its search index split into shards of 8 pages."""
    kept = search.SHARD_PAGES
    search.SHARD_PAGES = 8
    try:
        yield from _served(tmp_path_factory.mktemp("browser-sharded") / "site")
    finally:
        search.SHARD_PAGES = kept


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def _pages(digest: dict) -> dict[str, str]:
    article = digest["articles"][0]["url"]
    topic = digest["topics"][0]["url"]
    return {"index": "", "article": article, "topic": topic, "facts": "facts/",
            "topics": "topics/", "timeline": "timeline/", "sources": "sources/",
            "search": "search/", "404": "404.html"}


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_without_console_errors(site, page, width: int):
    base, _, digest = site
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    for name in ("index", "article", "topic", "facts"):
        page.goto(base + _pages(digest)[name])
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} scrolls sideways at {width}px"
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


def test_source_links_show_a_preview_on_hover_and_focus(site, page):
    base = site[0]
    page.goto(base + "facts/")
    link = page.locator("table.facts ul.refs a").first
    link.hover()
    popover = page.locator("#preview-popover")
    assert popover.is_visible()
    assert popover.inner_text() == link.get_attribute("data-preview")
    page.keyboard.press("Escape")
    assert not popover.is_visible()
    link.focus()
    assert popover.is_visible() and link.get_attribute("aria-describedby") == "preview-popover"


def test_search_finds_and_filters(site, page):
    base = site[0]
    page.goto(base + "search/?q=Kinzhal")
    results = page.locator("#search-results li")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1
    assert "Kinzhal" in page.locator("#search-results").inner_text()
    source = page.locator("#search-results li .meta").first.inner_text().strip(" ·")
    page.select_option("#search-source", label=source)
    page.wait_for_function("document.getElementById('search-status').textContent"
                           ".includes(' in ')")
    metas = page.locator("#search-results li .meta").all_inner_texts()
    assert metas and all(m.strip(" ·") == source for m in metas)
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
    assert len(shards) > 2 and all((output / s / "pagefind.js").is_file() for s in shards)
    for query in ("Kinzhal", "Patriot", "Raytheon"):
        whole = _result_urls(site[0], page, query)
        assert whole and _result_urls(sharded_site[0], page, query) == whole, query
    assert page.errors == []


def test_search_says_it_cannot_run_from_a_file(site, page):
    _, output, _ = site
    page.goto((output / "search" / "index.html").as_uri())
    assert page.locator("#search-unavailable").is_visible()


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core not found at {AXE} (npm install axe-core)")
def test_no_accessibility_violations(site, page):
    base, _, digest = site
    problems = []
    for name, path in _pages(digest).items():
        page.goto(base + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        # The bar is no serious or critical violation; the theme has none of any impact.
        problems.extend(f"{name}: {v['id']} ({v['impact']}): {v['help']} "
                        f"[{len(v['nodes'])} nodes]" for v in result["violations"])
    assert problems == []
