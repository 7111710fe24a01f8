"""The link lists the built-in templates make in Python (render/fragments.py) are, byte for
byte, what the template loops they replace wrote, and escape every part of a link."""

from __future__ import annotations

import pytest
from jinja2 import Environment
from markupsafe import escape

from site_builder.analyze.crossrefs import is_verbatim
from site_builder.models import (
    Article,
    CrossRef,
    Digest,
    Fact,
    Paragraph,
    Ref,
    Removal,
    Topic,
)
from site_builder.render import SiteIndex
from site_builder.render.format import plural
from site_builder.render.fragments import (
    also_in,
    audit_rows,
    fact_rows,
    mention_groups,
    mentions,
    paragraphs,
    ref_items,
    source_list,
    topic_items,
)
from site_builder.render.paths import relative_url

HOSTILE = "<b>\"Tom & Jerry's\"</b>"

# The loops as the built-in templates wrote them before the fragments (the reference).
LOOPS = {
    "also_in": """{% for c in links %}
  <a href="{{ url(c.target) }}" class="ref xref xref-{{ c.kind }}">{{ index.label(c.target) }}\
{% if c.kind == 'duplicate' %}<span class="tag">{{ 'verbatim' if verbatim(c) else 'shared text' }}\
</span>{% endif %}</a>
{% endfor %}""",
    "mentions": """{% for ref in refs %}
  <li><blockquote dir="auto">{{ index.excerpt(ref, 280) }}</blockquote> \
<a href="{{ url(ref) }}">{{ index.label(ref) }}</a></li>
{% endfor %}""",
    "more": """{% for slug, refs in groups %}{% for ref in refs %}
  <li><a href="{{ url(ref) }}">{{ index.label(ref) }}</a></li>
{% endfor %}{% endfor %}""",
    "source_links": """{% for ref in refs %}
  <li><a class="ref" href="{{ url(ref) }}">{{ index.label(ref) }}</a></li>
{% endfor %}""",
    "paragraphs": """{% set ns = namespace(in_list=false) %}
{% set xrefs = index.paragraph_links(article) %}
{% for p in article.paragraphs %}
{% if p.kind == 'li' and not ns.in_list %}<ul class="takeaways">\
{% set ns.in_list = true %}{% endif %}
{% if p.kind != 'li' and ns.in_list %}</ul>{% set ns.in_list = false %}{% endif %}
{% set links = xrefs[loop.index0] %}
<{{ 'li' if p.kind == 'li' else 'div' }} class="para para-{{ p.kind }}" id="{{ p.id }}">
<a class="pnum" href="#{{ p.id }}" title="Link to this paragraph" data-pagefind-ignore>\
¶{{ loop.index }}</a>
{% if p.kind == 'h' %}<h2 dir="auto">{{ p.html|safe }}</h2>{% elif p.kind == 'pre' %}\
<pre>{{ p.html|safe }}</pre>{% else %}<p dir="auto">{{ p.html|safe }}</p>{% endif %}
{% if links %}
<aside class="xrefs" aria-label="Other sources on paragraph {{ loop.index }}" data-pagefind-ignore>
<span class="xrefs-title">Also in</span>
{{ also_in(index, links[:6], path, verbatim) }}</aside>
{% endif %}
</{{ 'li' if p.kind == 'li' else 'div' }}>
{% endfor %}
{% if ns.in_list %}</ul>{% endif %}
""",
    "mention_groups": """{% for slug, refs in groups[:12] %}
<details class="mentions-of"{% if loop.first and groups|length == 1 %} open{% endif %}>
<summary>{{ index.source_names[slug] }} <small>{{ plural(refs|length, 'mention') }}</small>\
</summary>
<ol class="mentions">
{{ mention_items(index, refs, path) }}</ol>
</details>
{% endfor %}""",
    # The macros of macros.html, each as it was written in the template.
    "source_list": """{% macro source_links(refs, limit=12) -%}
{% set shown, more = index.by_source(refs, limit) %}
<ul class="refs">
{{ ref_items(index, [('', shown)], path, 'ref') }}{% if more %}<li class="more">and \
{{ plural(more, 'more source') }}</li>{% endif %}
</ul>
{%- endmacro %}
{{ source_links(refs, limit) }}""",
    "fact_rows": """{% macro source_links(refs, limit=12) -%}
{% set shown, more = index.by_source(refs, limit) %}
<ul class="refs">
{{ ref_items(index, [('', shown)], path, 'ref') }}{% if more %}<li class="more">and \
{{ plural(more, 'more source') }}</li>{% endif %}
</ul>
{%- endmacro %}
{% macro fact_row(fact) -%}
<tr id="{{ fact.id }}">
  <td class="statement" dir="auto">{{ fact.statement }}</td>
  <td class="values">{% for v in fact.values %}<span class="value">{{ v }}</span>{% endfor %}</td>
  <td>{{ source_links(fact.support, 6) }}</td>
  <td class="count"><span class="badge">{{ fact.sources }}<span class="badge-label"> \
{{ 'source' if fact.sources == 1 else 'sources agree' }}</span></span></td>
</tr>
{%- endmacro %}
{% for fact in facts %}{{ fact_row(fact) }}
{% endfor %}""",
    "audit": """{% for r in removed %}
<tr><td>{{ r.lines|join(', ') }}</td><td>{{ r.reason }}</td><td>{{ r.excerpt }}</td></tr>
{% endfor %}""",
    "topics": """{% for t in topics %}
  <li><a href="{{ url('topics/' ~ t.slug ~ '/index.html') }}">{{ t.name }}</a></li>
{% endfor %}""",
}


def _article(slug: str, outlet: str | None, ids: list[str], kinds: str = "") -> Article:
    """An article whose paragraphs `ids` are of `kinds` (one letter each: p, l(i), h, r
    for pre; p when not given)."""
    names = {"p": "p", "l": "li", "h": "h", "r": "pre"}
    paragraphs = [Paragraph(pid, names[kinds[n]] if n < len(kinds) else "p",
                            f"Text {pid} & more " * 30, f"<em>{n}</em> &amp; x")
                  for n, pid in enumerate(ids)]
    return Article(slug, None, outlet, None, None, None, f"{slug}.txt", paragraphs)


def _digest() -> Digest:
    articles = [_article("one", HOSTILE, ["p1", 'p"2&<']),
                _article("two", None, ["p1", "p2", "p3", "p4", "p5", "p6", "p7"], "hllprll"),
                _article("three", "Plain Outlet", ["p1"], "l")]
    crossrefs = [CrossRef(Ref("one", "p1"), Ref("two", "p2"), "duplicate", 0.9),
                 CrossRef(Ref("one", "p1"), Ref("three", "p1"), "related", 0.4),
                 CrossRef(Ref("two", "p3"), Ref("one", 'p"2&<'), "related", 0.5),
                 CrossRef(Ref("three", "p1"), Ref("one", "p1"), "duplicate", 1.0)]
    mentions_ = [Ref("one", 'p"2&<'), Ref("two", "p1"), Ref("two", "missing")]
    topics = [Topic("tom-jerry", HOSTILE, "person", [], mentions_, 2),
              Topic("plain", "Plain", "place", [], [Ref("three", "p1")], 1)]
    return Digest(articles, topics, [], [], crossrefs, [])


@pytest.mark.parametrize("path", ["index.html", "facts/index.html", "articles/one/index.html",
                                  "facts/2/index.html"])
def test_fragments_write_what_the_template_loops_wrote(path: str) -> None:
    digest = _digest()
    index = SiteIndex(digest)
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)

    def loop(name: str, **context: object) -> str:
        return env.from_string(LOOPS[name]).render(
            index=index, url=lambda target: relative_url(path, target), verbatim=is_verbatim,
            path=path, **context)

    refs = [Ref("one", 'p"2&<'), Ref("two", "p1"), Ref("three", "p1"), Ref("two", "missing")]
    for article in digest.articles:
        for links in index.paragraph_links(article):
            assert also_in(index, links, path, is_verbatim) == loop("also_in", links=links)
    assert any(index.paragraph_links(a) for a in digest.articles)
    for article in digest.articles:  # lists opened and closed, headings, pre, links
        assert paragraphs(index, article, path, is_verbatim) == loop(
            "paragraphs", article=article, also_in=also_in)
    assert mentions(index, refs, path) == loop("mentions", refs=refs)
    groups = [("one", refs[:1]), ("two", refs[1:])]
    assert ref_items(index, groups, path) == loop("more", groups=groups)
    assert ref_items(index, [("", refs)], path, "ref") == loop("source_links", refs=refs)
    assert topic_items(digest.topics, path) == loop("topics", topics=digest.topics)
    assert also_in(index, [], path, is_verbatim) == ""


def _facts() -> list[Fact]:
    """Facts with hostile text and figures, one source or several (more than six)."""
    many = [Ref(slug, f"p{n}") for n in range(1, 8) for slug in ("one", "two", "three")]
    many += [Ref(f"s{n}", "p1") for n in range(9)]
    return [Fact("f-1", HOSTILE, Ref("one", "p1"), ["<5>", "6 & 7"], [Ref("one", "p1")], 1),
            Fact('f-"2', "Plain.", Ref("two", "p1"), [], many, 12),
            Fact("f-3", "Two say so.", Ref("two", "p2"), ["3"],
                 [Ref("two", "p2"), Ref("three", "p1")], 2)]


@pytest.mark.parametrize("path", ["index.html", "topics/tom-jerry/index.html",
                                  "facts/2/index.html"])
def test_fact_and_mention_fragments_write_what_the_macros_wrote(path: str) -> None:
    digest = _digest()
    extra = [_article(f"s{n}", f"Outlet {n}", ["p1"]) for n in range(9)]
    digest = Digest([*digest.articles, *extra], digest.topics, [], [], digest.crossrefs, [])
    index = SiteIndex(digest)
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)

    def loop(name: str, **context: object) -> str:
        return env.from_string(LOOPS[name]).render(
            index=index, path=path, plural=plural, ref_items=ref_items,
            mention_items=mentions, **context)

    facts = _facts()
    for limit in (1, 6, 12):
        for fact in facts:
            assert source_list(index, fact.support, path, limit) == loop(
                "source_list", refs=fact.support, limit=limit)
    for count in range(len(facts) + 1):
        assert fact_rows(index, facts[:count], path) == loop("fact_rows", facts=facts[:count])
    for topic in digest.topics:
        groups = index.mentions_by_source(topic)
        lots = [(a.slug, [Ref(a.slug, "p1")]) for a in digest.articles]  # over 12 sources
        for shown in (groups, groups[:1], [], lots):
            assert mention_groups(index, shown[:12], path, len(shown) == 1) == loop(
                "mention_groups", groups=shown)


def test_every_part_of_a_link_is_escaped() -> None:
    index = SiteIndex(_digest())
    html = str(ref_items(index, [("", [Ref("one", 'p"2&<')])], "articles/two/index.html"))
    html += str(topic_items(_digest().topics, "index.html"))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert 'p"2' not in html and "p&#34;2&amp;&lt;" in html
    assert "Tom &amp; Jerry&#39;s" in html


def test_audit_rows_write_what_the_template_loop_wrote() -> None:
    """Removed blocks' rows, reasons repeated (escaped once, then kept) and hostile."""
    index = SiteIndex(_digest())
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    removed = [Removal((3,), HOSTILE, "<script>alert('x')</script> & co"),
               Removal((4, 5, 12), "byline", "By Jane Doe"),
               Removal((7,), HOSTILE, 'a "quoted" <b>line</b>'),
               Removal((), "byline", "")]
    for count in range(len(removed) + 1):
        shown = removed[:count]
        assert audit_rows(index, shown) == env.from_string(LOOPS["audit"]).render(
            removed=shown)
    assert "<script>" not in audit_rows(index, removed)
    assert index.escaped(HOSTILE) == str(escape(HOSTILE))
