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

from ..models import Article, CrossRef, Fact, Ref, Removal, Topic
from .format import plural
from .paths import relative_url, topic_path


class Links(Protocol):
    """What the fragments need of the site index."""

    def link_html(self, ref: Ref) -> tuple[str, str]:
        """A paragraph's href from the site's root and its label, both escaped."""

    def escaped(self, text: str) -> str:
        """`text` escaped (kept for short strings that many links repeat)."""

    def excerpt(self, ref: Ref, width: int = 160) -> str:
        """A paragraph's text, shortened to `width`."""

    def paragraph_links(self, article: Article) -> list[list[CrossRef]]:
        """The links of each of an article's paragraphs."""

    @property
    def source_names(self) -> dict[str, str]:
        """Each source's name, by article slug."""

    def by_source(self, refs: list[Ref], limit: int = 12) -> tuple[list[Ref], int]:
        """The first paragraph of each source, at most `limit`; and how many remain."""


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
        lines.append(f'  <a href="{up}{href}" class="ref xref xref-{index.escaped(c.kind)}">'
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


def mention_groups(index: Links, groups: Iterable[tuple[str, list[Ref]]], path: str,
                   open_one: bool = False) -> Markup:
    """A topic's mentions, one folded list per source ((source, paragraphs) pairs, in
    order), the first unfolded when `open_one` (a topic only one source mentions)."""
    # One call from the template instead of a loop of several calls per source: a site
    # has thousands of topic pages.
    parts = []
    for number, (slug, refs) in enumerate(groups):
        opened = " open" if number == 0 and open_one else ""
        parts.append(f'<details class="mentions-of"{opened}>\n'
                     f"<summary>{index.escaped(index.source_names[slug])} "
                     f"<small>{index.escaped(plural(len(refs), 'mention'))}</small></summary>\n"
                     f'<ol class="mentions">\n{mentions(index, refs, path)}</ol>\n'
                     "</details>\n")
    return Markup("".join(parts))


def source_list(index: Links, refs: list[Ref], path: str, limit: int = 12) -> Markup:
    """The sources of `refs` as a list of links: each source's first paragraph, at most
    `limit`, then how many more sources there are."""
    shown, more = index.by_source(refs, limit)
    extra = f'<li class="more">and {escape(plural(more, "more source"))}</li>' if more else ""
    return Markup(f'<ul class="refs">\n{ref_items(index, [("", shown)], path, "ref")}{extra}'
                  "</ul>")


def brief_html(index: Links, parts: Iterable[tuple[str, Ref]], path: str) -> Markup:
    """The story in brief: each sentence followed by a link to the paragraph it comes from."""
    up = _up(path)
    out = []
    for text, ref in parts:
        href, label = index.link_html(ref)
        out.append(f'{escape(text)} <a class="ref brief-ref" href="{up}{href}">{label}</a>')
    return Markup(" ".join(out))


def fact_rows(index: Links, facts: Iterable[Fact], path: str) -> Markup:
    """A table row for each fact (its statement, figures, sources and their count), each
    ending in a newline."""
    rows = []
    for fact in facts:
        values = "".join(f'<span class="value">{escape(v)}</span>' for v in fact.values)
        agree = "source" if fact.sources == 1 else "sources agree"
        rows.append(f'<tr id="{escape(fact.id)}">\n'
                    f'  <td class="statement" dir="auto">{escape(fact.statement)}</td>\n'
                    f'  <td class="values">{values}</td>\n'
                    f"  <td>{source_list(index, fact.support, path, 6)}</td>\n"
                    f'  <td class="count"><span class="badge">{escape(fact.sources)}'
                    f'<span class="badge-label"> {agree}</span></span></td>\n</tr>\n')
    return Markup("".join(rows))


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


def audit_rows(index: Links, removed: Iterable[Removal]) -> Markup:
    """A table row for each block the cleaner removed from a source: its seed lines, the
    reason (one of a few, escaped once each) and its text."""
    # Line numbers are integers: nothing in them to escape.
    return Markup("".join(f"<tr><td>{', '.join(map(str, r.lines))}</td>"
                          f"<td>{index.escaped(r.reason)}</td><td>{escape(r.excerpt)}</td>"
                          "</tr>\n" for r in removed))


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
        pid = index.escaped(p.id)
        parts.append(f'<{tag} class="para para-{index.escaped(p.kind)}" id="{pid}">\n'
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
