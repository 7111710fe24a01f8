"""Lists of paragraph links, made in Python for the built-in templates.

A page can list hundreds of links; written as template loops, each link cost several
template-level calls (its URL, its label, its tag) and an escape of each part, which was
most of the render's time. Each function returns the HTML the built-in templates' loops
wrote, byte for byte: one line per link, each ending in a newline, every part escaped.
`path` is the page's path in the site (links are relative to it, as `relative_url` makes them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from markupsafe import Markup, escape

from ..models import Article, CrossRef, Ref, Topic
from .paths import relative_url, topic_path


class Links(Protocol):
    """What the fragments need of the site index."""

    def link_html(self, ref: Ref) -> tuple[str, str]:
        """A paragraph's href from the site's root and its label, both escaped."""

    def excerpt(self, ref: Ref, width: int = 160) -> str:
        """A paragraph's text, shortened to `width`."""

    def paragraph_links(self, article: Article) -> list[list[CrossRef]]:
        """The links of each of an article's paragraphs."""


def _up(path: str) -> str:
    """From page `path` to the site's root."""
    return relative_url(path, "")


def also_in(index: Links, links: Iterable[CrossRef], path: str,
            verbatim: Callable[[CrossRef], bool]) -> Markup:
    """The links of a paragraph's "Also in" list (a duplicate's tagged verbatim or not)."""
    up = _up(path)
    lines = []
    for c in links:
        href, label = index.link_html(c.target)
        tag = ""
        if c.kind == "duplicate":
            tag = '<span class="tag">' + ("verbatim" if verbatim(c) else "shared text") + \
                "</span>"
        lines.append(f'  <a href="{up}{href}" class="ref xref xref-{escape(c.kind)}">'
                     f"{label}{tag}</a>\n")
    return Markup("".join(lines))


def mentions(index: Links, refs: Iterable[Ref], path: str, width: int = 280) -> Markup:
    """A topic's mentions in one source: each paragraph's excerpt and a link to it."""
    up = _up(path)
    lines = []
    for ref in refs:
        href, label = index.link_html(ref)
        lines.append(f'  <li><blockquote dir="auto">{escape(index.excerpt(ref, width))}'
                     f'</blockquote> <a href="{up}{href}">{label}</a></li>\n')
    return Markup("".join(lines))


def ref_items(index: Links, groups: Iterable[tuple[str, list[Ref]]], path: str,
              css: str = "") -> Markup:
    """A list item linking each paragraph of `groups` ((source, paragraphs) pairs), in
    order; `css`: the links' class, if any."""
    up = _up(path)
    attribute = f' class="{escape(css)}"' if css else ""
    lines = []
    for _, refs in groups:
        for ref in refs:
            href, label = index.link_html(ref)
            lines.append(f'  <li><a{attribute} href="{up}{href}">{label}</a></li>\n')
    return Markup("".join(lines))


def topic_items(topics: Iterable[Topic], path: str) -> Markup:
    """A list item linking each topic's page by its name."""
    lines = []
    for t in topics:
        href = escape(relative_url(path, topic_path(t.slug)))
        lines.append(f'  <li><a href="{href}">{escape(t.name)}</a></li>\n')
    return Markup("".join(lines))


def paragraphs(index: Links, article: Article, path: str,
               verbatim: Callable[[CrossRef], bool]) -> Markup:
    """An article page's paragraphs: each numbered, with its "Also in" links (at most
    six); list items gathered in a list of takeaways. `article`'s HTML is already safe."""
    parts = []
    in_list = False
    for number, (p, links) in enumerate(zip(article.paragraphs, index.paragraph_links(article),
                                            strict=True), 1):
        if p.kind == "li" and not in_list:
            parts.append('<ul class="takeaways">')
            in_list = True
        elif p.kind != "li" and in_list:
            parts.append("</ul>")
            in_list = False
        tag = "li" if p.kind == "li" else "div"
        pid = escape(p.id)
        parts.append(f'<{tag} class="para para-{escape(p.kind)}" id="{pid}">\n'
                     f'<a class="pnum" href="#{pid}" title="Link to this paragraph" '
                     f"data-pagefind-ignore>¶{number}</a>\n")
        # The template's one-line choice of element left no newline after it.
        if p.kind == "h":
            parts.append(f'<h2 dir="auto">{p.html}</h2>')
        elif p.kind == "pre":
            parts.append(f"<pre>{p.html}</pre>")
        else:
            parts.append(f'<p dir="auto">{p.html}</p>')
        if links:
            parts.append(f'<aside class="xrefs" aria-label="Other sources on paragraph {number}"'
                         ' data-pagefind-ignore>\n<span class="xrefs-title">Also in</span>\n'
                         f"{also_in(index, links[:6], path, verbatim)}</aside>\n")
        parts.append(f"</{tag}>\n")
    if in_list:
        parts.append("</ul>")
    return Markup("".join(parts))
