"""Hostile article text is inert everywhere: pages, attributes, digest.json."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.build import build
from site_builder.errors import SiteError
from site_builder.linkcheck import broken_links

REPO = Path(__file__).resolve().parent.parent
PAYLOADS = [
    "<script>alert('x1')</script>",
    '"><img src=x onerror=alert(2)>',
    "[click me](javascript:alert(3))",
    "<a href=\"javascript:alert(4)\">link</a>",
    "{{ 7*7 }} and {% include 'base.html' %}",
    "<!-- hidden comment -->",
    "</script><script>alert(5)</script>",
    "![img](javascript:alert(6))",
]
class _LiveMarkup(HTMLParser):
    """Finds markup only an injected payload would produce (the theme has none of it):
    inline scripts other than JSON-LD, images, frames, event-handler attributes, and SVG
    other than the theme's own charts."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag in ("img", "iframe", "object", "embed") or (
                tag == "svg" and names.get("class") != "chart"):
            self.found.append(tag)
        if tag == "script" and "src" not in names and names.get("type") != "application/ld+json":
            self.found.append("inline script")
        self.found.extend(f"{tag}[{name}]" for name in names if name.startswith("on"))


def _live_markup(html: str) -> list[str]:
    parser = _LiveMarkup()
    parser.feed(html)
    return parser.found


def _hostile_site(root: Path) -> Path:
    shutil.copytree(REPO / "seeds", root / "seeds")
    lines = [f"Officials said the message {p} was posted on the council website on Monday."
             for p in PAYLOADS]
    (root / "seeds" / "evil.txt").write_text("\n".join(lines) + "\n")
    (root / "seeds" / "evil.md").write_text(
        "---\ntitle: \"<script>alert('t')</script> Title\"\nauthor: '\"><b>x</b>'\n---\n\n"
        "A paragraph with [a bad link](javascript:alert(7)) and <b>raw html</b> in Markdown, "
        "written by an editor who meant well.\n")
    (root / "seeds" / "sources.yml").write_text(
        "evil.txt:\n  outlet: \"<img src=x onerror=alert(8)>\"\n"
        "  url: \"javascript:alert(9)\"\n")
    return root


def test_payloads_render_as_text_everywhere(tmp_path: Path):
    site = _hostile_site(tmp_path / "site")
    result = build(site, quiet=True)
    pages = list(result.output.rglob("*.html"))
    for page in pages:
        html = page.read_text()
        assert _live_markup(html) == [], page
        assert "javascript:" not in re.sub(r"&[^;]+;", "", " ".join(
            re.findall(r'(?:href|src)="([^"]*)"', html))), page
        assert "49" not in re.findall(r"\{\{ 7\*7 \}\}|49 and", html)
    evil = next(a for a in result.digest.articles if a.source_file == "evil.txt")
    page = (result.output / "articles" / evil.slug / "index.html").read_text()
    assert "&lt;script&gt;alert(&#39;x1&#39;)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page  # template syntax in text is text
    digest = json.loads((result.output / "digest.json").read_text())
    texts = [p["text"] for a in digest["articles"] for p in a["paragraphs"]]
    assert any("<script>alert('x1')</script>" in t for t in texts)  # data stays data


_ALPHABET = [*"abcdefgh ABC.,:;!?<>&\"'[]()*_#-=|/\\{}%\n`~", "é", "ü", "ß", "я", "中", "ا",
             "\u200f", "\t"]
_TEXT = st.text(alphabet=st.sampled_from(_ALPHABET), min_size=0, max_size=400)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(_TEXT, min_size=1, max_size=3))
def test_random_text_never_crashes_and_links_resolve(tmp_path_factory, texts: list[str]):
    root = tmp_path_factory.mktemp("prop")
    (root / "seeds").mkdir()
    anchor = ("The regional council approved the new budget on Tuesday after a long debate "
              "about schools, roads and the cost of heating public buildings.")
    (root / "seeds" / "anchor.txt").write_text(anchor + "\n")
    for i, text in enumerate(texts):
        (root / "seeds" / f"random{i}.txt").write_text(text, encoding="utf-8")
    try:
        result = build(root, quiet=True)
    except SiteError as exc:  # a clear message is allowed, a crash is not
        assert str(exc)
        return
    assert broken_links(result.output) == []
    for page in result.output.rglob("*.html"):
        assert _live_markup(page.read_text()) == []
