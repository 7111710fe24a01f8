"""Retake the README's screenshots from the sample site, in Debian's Chromium.

    python docs/screenshots.py

Builds the sample (seeds/ and sitebuild.yml) into a temporary folder, serves it on
127.0.0.1 and saves docs/index.png (1280 px), docs/article-mobile.png (375 px) and
docs/facts.png (1280 px, dark theme).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from site_builder.build import build

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(REPO / "seeds", site / "seeds")
        shutil.copy(REPO / "sitebuild.yml", site)
        result = build(site, quiet=True)
        article = result.digest.articles[0].slug if result.digest else None
        handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                    directory=str(result.output))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                     args=CHROMIUM_FLAGS)
                shots = [("index.png", "index.html", 1280, 1300, "light"),
                         ("article-mobile.png", f"articles/{article}/index.html", 375, 1100,
                          "light"),
                         ("facts.png", "facts/index.html", 1280, 900, "dark")]
                for name, path, width, height, scheme in shots:
                    page = browser.new_page(viewport={"width": width, "height": height},
                                            color_scheme=scheme)
                    page.goto(f"{base}/{path}")
                    page.screenshot(path=str(DOCS / name))
                    page.close()
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
