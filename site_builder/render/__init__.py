"""Rendering: Digest -> pages, digest.json and static assets in an output folder."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import filecmp
import hashlib
import os
import re
import traceback
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    select_autoescape,
)
from markupsafe import escape

from ..config import Config
from ..errors import SiteError
from ..models import (
    Article,
    Claim,
    CrossRef,
    Digest,
    Disagreement,
    Fact,
    Paragraph,
    Ref,
    TimelineEvent,
    Topic,
    shorten,
)
from ..pipeline import Runner, collector_paused
from ..search import is_bundle_folder, page_entry
from ..source_names import source_name
from ..theme import builtin_templates
from .chart import chart
from .digest_json import digest_json
from .format import human_date, plural
from .fragments import (
    also_in,
    audit_rows,
    brief_html,
    fact_rows,
    mention_groups,
    mentions,
    paragraphs,
    ref_items,
    source_list,
    topic_items,
)
from .page_keys import Entry, file_entry, page_key, site_key, still_written
from .paths import article_path, pretty_url, relative_url, safe_join, topic_path
from .spare import Note, note_folder, prune


def web_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: never link `javascript:` or `data:` from metadata."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


class _Templates(FileSystemLoader):
    """Templates from one folder; a file that is not UTF-8 is a template error naming it."""

    def get_source(self, environment: Environment, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            path = str(Path(self.searchpath[0]) / template)
            line = exc.object.count(b"\n", 0, exc.start) + 1
            raise TemplateSyntaxError(f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x})",
                                      line, template, path) from exc


def _own_template_line(config: Config, exc: BaseException) -> tuple[str, int] | None:
    """Where in the site's own templates an error was raised (file and line), if there:
    Jinja puts each template's lines in the traceback it raises."""
    own = str(config.templates_dir.resolve()) + os.sep
    frames = traceback.extract_tb(exc.__traceback__)
    found = [(f.filename, f.lineno or 0) for f in frames
             if os.path.abspath(f.filename).startswith(own)]
    return found[-1] if found else None


def environment(config: Config) -> Environment:
    """Jinja2 environment: the site's templates/ override the built-in ones file by file."""
    folders = [config.templates_dir, builtin_templates()]
    loader = ChoiceLoader([_Templates(str(f)) for f in folders if f.is_dir()])
    # Everything is escaped as HTML but plain text (robots.txt), where `&amp;` is no `&`.
    env = Environment(loader=loader, autoescape=select_autoescape(
                          default=True, disabled_extensions=("txt",)),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["web_url"] = web_url
    env.filters["rfc3339"] = rfc3339
    env.filters["pretty"] = pretty_url
    env.filters["human_date"] = human_date
    env.globals["plural"] = plural
    env.globals["also_in"] = also_in
    env.globals["mention_items"] = mentions
    env.globals["mention_groups"] = mention_groups
    env.globals["source_list"] = source_list
    env.globals["fact_rows"] = fact_rows
    env.globals["brief_html"] = brief_html
    env.globals["ref_items"] = ref_items
    env.globals["topic_items"] = topic_items
    env.globals["audit_rows"] = audit_rows
    env.globals["paragraphs"] = paragraphs
    return env


def _link_order(link: CrossRef) -> tuple[bool, float, str, str]:
    """A paragraph's links: duplicates first, then by score, then by target (its fields:
    the order of `Ref`, without a Python-level comparison for each tie)."""
    return link.kind != "duplicate", -link.score, link.target.article, link.target.paragraph


class SiteIndex:
    """Lookups the templates need: paragraphs by reference, links by paragraph, etc."""

    def __init__(self, digest: Digest) -> None:
        self.articles = {a.slug: a for a in digest.articles}
        self.paragraphs: dict[Ref, Paragraph] = {
            Ref(a.slug, p.id): p for a in digest.articles for p in a.paragraphs}
        self.links: dict[Ref, list[CrossRef]] = defaultdict(list)
        for c in digest.crossrefs:
            if c.source.article == c.target.article:
                continue  # "also in" means another source
            self.links[c.source].append(c)
            self.links[c.target].append(CrossRef(c.target, c.source, c.kind, c.score))
        for refs in self.links.values():
            refs.sort(key=_link_order)
        self.facts_of_topic: dict[str, list[Fact]] = defaultdict(list)
        for f in digest.facts:
            for slug in f.topics:
                self.facts_of_topic[slug].append(f)
        self.topics = {t.slug: t for t in digest.topics}
        names: dict[str, set[str]] = defaultdict(set)
        # By (article, paragraph): a tuple hashes in C, a `Ref` in Python.
        self._topics_at: dict[tuple[str, str], set[str]] = defaultdict(set)
        for t in digest.topics:
            for ref in t.mentions:
                names[ref.article].add(t.name)
                self._topics_at[ref.article, ref.paragraph].add(t.slug)
        self._topic_names = {slug: sorted(n) for slug, n in names.items()}
        self._excerpts: dict[tuple[Ref, int], str] = {}
        self._link_parts: dict[str, tuple[str, str]] = {}  # see link_html
        self._escaped: dict[str, str] = {}  # see escaped
        self._headlines: dict[str, str] = {}  # of untitled articles, by slug
        self._order: dict[str, int] | None = None  # articles' positions, once asked for
        self.number = {Ref(a.slug, p.id): n for a in digest.articles
                       for n, p in enumerate(a.paragraphs, 1)}
        self.source_names = {a.slug: source_name(a, i)
                             for i, a in enumerate(digest.articles, 1)}
        self.digest = digest
        self.facts_pages = facts_pages(digest)
        self._fact_page = {f.id: n for n, page in enumerate(self.facts_pages, 1)
                           for f in page.several + page.single}
        self._disagreement_page = {number: n for n, page in enumerate(self.facts_pages, 1)
                                   for number, _ in page.disagreements}

    def for_articles(self, digest: Digest, slugs: set[str]) -> SiteIndex:
        """This index with the articles `slugs` (and their links) taken from `digest`, a
        digest that differs from this index's only there: good for those articles'
        pages, not for the pages that list or cite them (those need a whole new index)."""
        patched = copy.copy(self)
        patched.digest = digest
        patched.articles = {a.slug: a for a in digest.articles}
        patched.paragraphs = dict(self.paragraphs)
        patched.number = dict(self.number)
        patched.links = defaultdict(list, {ref: refs for ref, refs in self.links.items()
                                           if ref.article not in slugs})
        patched.source_names = dict(self.source_names)
        patched._excerpts = {}
        patched._link_parts = {}
        patched._headlines = {}
        patched._order = None
        for i, a in enumerate(digest.articles, 1):
            if a.slug in slugs:
                patched.source_names[a.slug] = source_name(a, i)
                for n, p in enumerate(a.paragraphs, 1):
                    patched.paragraphs[Ref(a.slug, p.id)] = p
                    patched.number[Ref(a.slug, p.id)] = n
        for c in digest.crossrefs:
            if c.source.article == c.target.article:
                continue
            if c.source.article in slugs:
                patched.links[c.source].append(c)
            if c.target.article in slugs:
                patched.links[c.target].append(CrossRef(c.target, c.source, c.kind, c.score))
        for ref in patched.links:
            if ref.article in slugs:
                patched.links[ref].sort(key=_link_order)
        return patched

    def sources_page(self, number: int) -> tuple[list[Article], int, int]:
        """The articles page `number` (1-based) of sources/ lists, how many a page lists
        and how many pages sources/ has."""
        start = (number - 1) * SOURCES_PER_PAGE
        return (self.digest.articles[start:start + SOURCES_PER_PAGE], SOURCES_PER_PAGE,
                -(-len(self.digest.articles) // SOURCES_PER_PAGE))

    def fact_path(self, fact_id: str) -> str:
        """The page of facts/ that lists a fact."""
        return facts_path(self._fact_page.get(fact_id, 1))

    def disagreement_path(self, number: int) -> str:
        """The page of facts/ that shows disagreement `number` (1-based) in full."""
        return facts_path(self._disagreement_page.get(number, 1))

    def headline(self, article: Article) -> str:
        """The article's title, else its first sentence (whole, unless very long)."""
        if article.title:
            return article.title
        made = self._headlines.get(article.slug)
        if made is None:  # a page shows it several times
            made = self._headlines[article.slug] = self._first_sentence(article)
        return made

    @staticmethod
    def _first_sentence(article: Article) -> str:
        lead = next((p.text for p in article.paragraphs if p.kind == "p"),
                    article.paragraphs[0].text)
        first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“‘])", " ".join(lead.split()), maxsplit=1)[0]
        return shorten(first, 200)

    def sorted_claims(self, d: Disagreement) -> list[Claim]:
        """An update's claims in time order (oldest first); others as the analysis ranks them."""
        if d.kind != "update":
            return d.claims
        return sorted(d.claims, key=lambda c: (c.published or self._claim_date(c) or "~"))

    def _claim_date(self, claim: Claim) -> str | None:
        dates = [a.published for r in claim.support
                 if (a := self.articles.get(r.article)) and a.published]
        return min(dates) if dates else None

    def claim_date(self, claim: Claim) -> str | None:
        """When a claim was published: its own date, else its earliest source's."""
        return claim.published or self._claim_date(claim)

    def chart(self, d: Disagreement, number: int) -> str | None:
        """Inline SVG of a disputed figure, when at least two values have a number."""
        return chart(d, self.source_names, self.articles, f"chart-{number}")

    def corroborated(self) -> list[Fact]:
        """Facts more than one source states, in the analysis's order."""
        return [f for f in self.digest.facts if f.sources > 1]

    def single_source(self) -> list[Fact]:
        """Facts only one source states (shown folded)."""
        return [f for f in self.digest.facts if f.sources <= 1]

    def key_figures(self, limit: int = 6) -> list[Fact]:
        """Corroborated facts that carry a figure, for the front page."""
        return [f for f in self.corroborated() if f.values][:limit]

    def days(self, events: list[TimelineEvent]) -> list[tuple[str, list[TimelineEvent]]]:
        """Timeline events grouped by day (or by month, when that is all the text says)."""
        grouped: dict[str, list[TimelineEvent]] = defaultdict(list)
        for event in events:
            grouped[event.date[:10]].append(event)
        return list(grouped.items())

    def mentions_by_source(self, topic: Topic) -> list[tuple[str, list[Ref]]]:
        """A topic's mentions grouped by source, the sources that mention it most first."""
        grouped: dict[str, list[Ref]] = defaultdict(list)
        for ref in topic.mentions:
            if ref not in grouped[ref.article]:
                grouped[ref.article].append(ref)
        if self._order is None:  # made once: a site has thousands of topics
            self._order = {slug: i for i, slug in enumerate(self.articles)}
        order = self._order
        return sorted(grouped.items(), key=lambda item: (-len(item[1]), order.get(item[0], 0)))

    def when(self) -> str:
        """When the story was reported: the span of the sources' dates ("" if none)."""
        days = sorted({a.published[:10] for a in self.articles.values() if a.published})
        if not days:
            return ""
        first, last = human_date(days[0]), human_date(days[-1])
        return first if first == last else f"{first} – {last}"

    def where(self, limit: int = 3) -> list[Topic]:
        """The places most sources mention."""
        return [t for t in self.digest.topics if t.kind == "place"][:limit]

    def first_last(self, topic: Topic) -> tuple[Article, Article] | None:
        """The earliest and latest dated sources that mention a topic (None if undated)."""
        dated = sorted({(a.published, a.slug) for r in topic.mentions
                        if (a := self.articles.get(r.article)) and a.published})
        if not dated:
            return None
        return self.articles[dated[0][1]], self.articles[dated[-1][1]]

    @staticmethod
    def kept_lines(article: Article) -> int:
        """Seed lines that became article text."""
        return len({n for p in article.paragraphs for n in p.source_lines})

    @staticmethod
    def removed_lines(article: Article) -> int:
        """Seed lines the cleaner removed (blank lines are neither)."""
        return len({n for r in article.removed for n in r.lines})

    def topic_names(self, slug: str) -> list[str]:
        """Names of the topics an article mentions (search filters)."""
        return self._topic_names.get(slug, [])

    def by_source(self, refs: list[Ref], limit: int = 12) -> tuple[list[Ref], int]:
        """The first paragraph of each source, at most `limit`; and how many sources remain."""
        first: dict[str, Ref] = {}
        for ref in refs:
            first.setdefault(ref.article, ref)
        shown = list(first.values())
        return shown[:limit], max(len(shown) - limit, 0)

    def news_article(self, article: Article, canonical: str | None) -> dict:
        """schema.org NewsArticle for an article page (rendered with |tojson: escaped)."""
        data: dict = {"@context": "https://schema.org", "@type": "NewsArticle",
                      "headline": shorten(article.label, 110),
                      "description": shorten(article.paragraphs[0].text, 200)}
        if published := rfc3339(article.published):
            data["datePublished"] = published
        if article.author:
            data["author"] = {"@type": "Person", "name": article.author}
        if article.outlet:
            data["publisher"] = {"@type": "Organization", "name": article.outlet}
        if source := web_url(article.url):
            data["isBasedOn"] = source
        if canonical:
            data["url"] = data["mainEntityOfPage"] = canonical
        return data

    def item_list(self, absolute: Callable[[str], str | None], limit: int) -> dict:
        """schema.org ItemList of the sources the index page lists."""
        items = []
        for position, article in enumerate(list(self.articles.values())[:limit], 1):
            path = article_path(article.slug)
            items.append({"@type": "ListItem", "position": position,
                          "name": shorten(self.headline(article), 110),
                          "url": absolute(path) or pretty_url(path)})
        return {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": items}

    def label(self, ref: Ref) -> str:
        """Short link text for a paragraph: "Outlet ¶4" (or "Source 2 ¶4")."""
        return f"{self.source_names[ref.article]} ¶{self.number.get(ref, '?')}"

    def paragraph_links(self, article: Article) -> list[list[CrossRef]]:
        """The links of each of an article's paragraphs, in its paragraphs' order."""
        links = self.links
        return [links.get(Ref(article.slug, p.id), []) for p in article.paragraphs]

    def link_html(self, ref: Ref) -> tuple[str, str]:
        """A link to a paragraph as HTML (escaped): its href from the site's root, and its
        label (`label`). Each source's parts are escaped once, for all its paragraphs."""
        parts = self._link_parts.get(ref.article)
        if parts is None:
            parts = (escape(article_path(ref.article)), escape(self.source_names[ref.article]))
            self._link_parts[ref.article] = parts
        return f"{parts[0]}#{self.escaped(ref.paragraph)}", \
            f"{parts[1]} ¶{self.number.get(ref, '?')}"

    def escaped(self, text: str) -> str:
        """`text` escaped, for the short strings that links repeat thousands of times
        (paragraph ids, kinds of link): each escaped once (the memo is of `text` alone)."""
        found = self._escaped.get(text)
        if found is None:
            found = self._escaped[text] = str(escape(text))
        return found

    def related(self, topic: Topic, limit: int = 12) -> list[Topic]:
        """Topics mentioned in the same paragraphs as `topic`, most often first."""
        counts: dict[str, int] = defaultdict(int)
        at = self._topics_at
        for place in {(ref.article, ref.paragraph) for ref in topic.mentions}:
            for slug in at[place]:
                if slug != topic.slug:
                    counts[slug] += 1
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [self.topics[slug] for slug, _ in ranked[:limit]]

    def excerpt(self, ref: Ref, width: int = 160) -> str:
        key = (ref, width)
        if key not in self._excerpts:
            paragraph = self.paragraphs.get(ref)
            self._excerpts[key] = shorten(paragraph.text, width) if paragraph else ""
        return self._excerpts[key]



# Sources listed (with their cleaning audit) per page of sources/: keeps every page of a
# large site light (a 1,000-article list with audits is over a megabyte).
SOURCES_PER_PAGE = 100


# Pages besides the index, articles and topics: (template, path in the site).
SITE_PAGES = [
    ("timeline.html", "timeline/index.html"),
    ("search.html", "search/index.html"),
    ("404.html", "404.html"), ("feed.xml", "feed.xml"), ("robots.txt", "robots.txt"),
]


# How much one page of facts/ holds, in units of about a kilobyte of HTML: a fact several
# sources state 2, a single-source claim 1, a disagreement by what it shows (each claim's
# paragraph and each source in its chart; a running toll can have dozens). Keeps the
# largest page of a big site well under 500 KB.
FACTS_PAGE_UNITS = 320


def _disagreement_units(disagreement: Disagreement) -> int:
    shown = sum(len(c.statement) + 300 + 60 * len(c.support) for c in disagreement.claims)
    return 2 + shown // 1000


@dataclass
class FactsPage:
    """What one page of facts/ shows, in the order the first page starts with."""

    disagreements: list[tuple[int, Disagreement]] = field(default_factory=list)  # (number, d)
    several: list[Fact] = field(default_factory=list)
    single: list[Fact] = field(default_factory=list)


def facts_pages(digest: Digest) -> list[FactsPage]:
    """Disagreements, then facts several sources state, then single-source claims, cut
    into pages of FACTS_PAGE_UNITS."""
    pages = [FactsPage()]
    used = 0
    items: list[tuple[int, str, object]] = [(_disagreement_units(d), "disagreements", (n, d))
                                            for n, d in enumerate(digest.disagreements, 1)]
    items += [(2 if f.sources > 1 else 1, "several" if f.sources > 1 else "single", f)
              for f in digest.facts]
    for cost, part, item in items:
        if used and used + cost > FACTS_PAGE_UNITS:
            pages.append(FactsPage())
            used = 0
        used += cost
        getattr(pages[-1], part).append(item)
    return pages


def facts_path(number: int) -> str:
    """Page `number` (1-based) of the key facts."""
    return "facts/index.html" if number == 1 else f"facts/{number}/index.html"


def sources_path(number: int) -> str:
    """Page `number` (1-based) of the source list."""
    return "sources/index.html" if number == 1 else f"sources/{number}/index.html"


def absolute_url(config: Config, path: str) -> str | None:
    """The public URL of a site path when a base URL is configured, else None."""
    return f"{config.base_url}/{pretty_url(path)}" if config.base_url else None


def rfc3339(published: str | None) -> str | None:
    """An article date as RFC 3339 (Atom, JSON-LD); a date without a zone is taken as UTC."""
    match = re.match(r"(\d{4}-\d\d-\d\d)(?:T(\d\d:\d\d)(:\d\d)?(?:\.\d+)?)?"
                     r"(Z|[+-]\d\d:?\d\d)?$", published or "")
    if not match:
        return None
    day, minutes, seconds, zone = match.groups()
    if zone and zone != "Z" and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{day}T{minutes or '00:00'}{seconds or ':00'}{zone or 'Z'}"


def site_updated(digest: Digest) -> str:
    """When the site last changed: its newest article, else SOURCE_DATE_EPOCH, else 1970.

    Never the wall clock, so two builds of the same input are identical.
    """
    dates = [d for a in digest.articles if (d := rfc3339(a.published))]
    if dates:
        return max(dates)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Renderer:
    """Renders one page at a time; lives in each worker process of a parallel render."""

    def __init__(self, digest: Digest, config: Config, out: Path, previous: Path | None,
                 env: Environment | None = None, known: dict[str, Entry] | None = None
                 ) -> None:
        self.digest, self.config, self.out, self.previous = digest, config, out, previous
        # The last build's page keys (see page_keys); None: pages are not keyed.
        self.known = known
        # When `out` is a spare copy of the site (see spare.py): the inode of each file
        # already there, by site path (each is replaced unless it is the one to link).
        self.present: dict[str, int] | None = None
        self.hashed: dict[tuple[str, str], Any] = {}  # page_keys' parts per article
        self.env = env or environment(config)
        self.index = SiteIndex(digest)
        self.updated = site_updated(digest)
        self.base = site_key(config, digest, self.updated) if known is not None else ""
        self.articles = {a.slug: a for a in digest.articles}
        self.topics = {t.slug: t for t in digest.topics}

    def for_articles(self, digest: Digest, slugs: set[str]) -> _Renderer:
        """This renderer (its compiled templates and index) for the pages of the articles
        `slugs` of `digest` (see `SiteIndex.for_articles`)."""
        patched = object.__new__(_Renderer)  # not copy.copy: its pickling makes all anew
        patched.__dict__.update(self.__dict__)
        patched.digest = digest
        patched.index = self.index.for_articles(digest, slugs)
        patched.articles = patched.index.articles
        return patched

    def warm(self) -> None:
        """Compile the page templates now (the preview's next first look needs them:
        the pages were rendered on worker processes)."""
        for name in self.env.list_templates(filter_func=lambda name: name.endswith(".html")):
            with contextlib.suppress(TemplateError):  # a broken one fails the next render
                self.env.get_template(name)

    # A fork server's worker gets the renderer pickled: the parts derived from the
    # digest (the Jinja environment cannot be pickled) are made again there.
    def __getstate__(self) -> tuple:
        return self.digest, self.config, self.out, self.previous, self.known, self.present

    def __setstate__(self, state: tuple) -> None:
        digest, config, out, previous, known, present = state
        self.__init__(digest, config, out, previous, known=known)  # type: ignore[misc]
        self.present = present

    def there(self, path: str) -> bool:
        """Whether a file of the spare copy being brought up to date is at `path`."""
        return self.present is not None and path in self.present

    def page(self, job: tuple[str, str, dict]) -> str:
        template, path, refs = job
        context: dict[str, object] = {}
        if "article" in refs:
            context["article"] = self.articles[refs["article"]]
        if "topic" in refs:
            context["topic"] = self.topics[refs["topic"]]
        if "pages" in refs:
            context["pages"] = refs["pages"]
        if "facts_page" in refs:
            number = refs["facts_page"]
            context["shown"] = self.index.facts_pages[number - 1]
            context["page_number"] = number
            context["page_count"] = len(self.index.facts_pages)
            context["page_path"] = facts_path
        if "sources_page" in refs:
            number = refs["sources_page"]
            listed, per_page, count = self.index.sources_page(number)
            context.update(listed=listed, per_page=per_page, page_count=count,
                           page_number=number, page_path=sources_path)

        def url(target: str | Ref) -> str:
            return relative_url(path, target)

        # Imported here: loading the analysis would slow every command that only checks
        # whether the site is up to date (it is loaded once per process all the same).
        from ..analyze.crossrefs import is_verbatim

        try:
            html = self.env.get_template(template).render(
                site=self.config, digest=self.digest, index=self.index, url=url, path=path,
                ref=Ref, verbatim=is_verbatim, root=url("index.html"), up=url(""),
                updated=self.updated,
                absolute=lambda target: absolute_url(self.config, target),
                canonical=absolute_url(self.config, path), **context)
        except TemplateError as exc:
            name = getattr(exc, "filename", None) or getattr(exc, "name", None) or template
            raise SiteError(f"template error: {exc.message}", name,
                            getattr(exc, "lineno", None)) from exc
        except Exception as exc:  # raised by an expression of a template ({{ 1 / 0 }})
            where = _own_template_line(self.config, exc)
            if where is None:  # the built-in theme's or sitebuild's own: a bug
                raise
            raise SiteError(f"template error: {type(exc).__name__}: {exc}", *where) from exc
        return html.encode()


# digest.json, as one of the render's jobs: whichever process takes it encodes it while
# the others render pages (after them, it was seconds of one process working alone).
_DIGEST_JOB: tuple[str, str, dict] = ("digest.json", "digest.json", {})


def _settle(renderer: _Renderer, job: tuple[str, str, dict]
            ) -> tuple[str | None, Entry | None]:
    """(key, entry) of a page: its key, and its key entry once it is linked from the
    previous output (None: to be rendered). The digest job writes digest.json."""
    if job == _DIGEST_JOB:
        _write_digest(renderer.digest, renderer.out, renderer.previous)
        return None, None
    assert renderer.known is not None and renderer.previous is not None
    with collector_paused():  # a key's parts: thousands of small objects per page
        key = page_key(renderer.index, renderer.base, job, renderer.hashed)
    entry = renderer.known.get(job[1])
    if key is None or entry is None or entry[0] != key or \
            not still_written(entry, renderer.previous / job[1]):
        return key, None
    target = safe_join(renderer.out, job[1])
    if renderer.there(job[1]):
        assert renderer.present is not None
        if renderer.present[job[1]] == entry[3]:  # the very file the output holds
            return key, entry
        target.unlink(missing_ok=True)  # another file: replaced, never written through
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(renderer.previous / job[1], target)
    except OSError:  # links unsupported here: render it
        return key, None
    return key, entry


def _render(renderer: _Renderer, item: tuple[tuple[str, str, dict], str | None]
            ) -> tuple[str, Entry | None, list | None]:
    """Render one page (or write digest.json): (path, the page's key entry, its search
    entry when it is an HTML page, see search.page_entry). `item` is the job and its key
    when the caller made it already (else it is made here)."""
    job, key = item
    path = job[1]
    if job == _DIGEST_JOB:
        _write_digest(renderer.digest, renderer.out, renderer.previous)
        return path, None, None
    if key is None and renderer.known is not None:
        key = page_key(renderer.index, renderer.base, job, renderer.hashed)
    data = renderer.page(job)
    write_file(renderer.out, path, data, renderer.previous, renderer.there(path))
    target = renderer.out / path
    # Hashed here, from the bytes in hand: the search index would read the page back.
    return (path, None if key is None else file_entry(key, target),
            page_entry(target, data) if path.endswith(".html") else None)


def _write_digest(digest: Digest, out: Path, previous: Path | None) -> None:
    """Write digest.json piece by piece (it is the largest file of a site); linked from
    `previous` instead when that build's is the same, as `write_file` does."""
    target = safe_join(out, "digest.json")
    target.parent.mkdir(parents=True, exist_ok=True)  # it may be the first file written
    target.unlink(missing_ok=True)
    with target.open("wb") as handle:
        for piece in digest_json(digest):
            handle.write(piece)
    if previous is None:
        return
    old = safe_join(previous, "digest.json")
    with contextlib.suppress(OSError):  # no previous file, or links unsupported here
        if filecmp.cmp(old, target, shallow=False):
            linked = target.with_name(".digest.json.link")
            os.link(old, linked)
            os.replace(linked, target)


def page_hash(data: bytes) -> str:
    """The fingerprint of a page's bytes that the preview keeps for each live page."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _render_changed(state: tuple[_Renderer, dict[str, str]], job: tuple[str, str, dict]
                    ) -> tuple[str, str, bytes | None]:
    """(path, hash, bytes): bytes only when they differ from the live page's (`known`)."""
    renderer, known = state
    data = renderer.page(job)
    digest = page_hash(data)
    return job[1], digest, None if known.get(job[1]) == digest else data


def write_file(out: Path, path: str, data: bytes, previous: Path | None,
               there: bool = False) -> None:
    """Write `data` to `out/path`; a file the previous build wrote with the same bytes
    is linked instead, so only pages that changed are written (and get a new mtime).
    `there`: a file may be at `out/path` already (it is replaced)."""
    target = safe_join(out, path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if previous is not None:
        old = safe_join(previous, path)
        try:
            if old.stat().st_size == len(data) and old.read_bytes() == data:
                if there:
                    target.unlink(missing_ok=True)
                os.link(old, target)
                return
        except OSError:
            pass  # no previous file, or links unsupported here: write it
    # A file already here may be a hard link into the live output (a built-in asset the
    # site overrides): replace it, never write through it.
    target.unlink(missing_ok=True)
    target.write_bytes(data)


def page_jobs(digest: Digest) -> list[tuple[str, str, dict]]:
    """Every page of the site: (template, path in the site, what the page shows)."""
    jobs: list[tuple[str, str, dict]] = [("index.html", "index.html", {})]
    jobs += [("article.html", article_path(a.slug), {"article": a.slug}) for a in digest.articles]
    jobs.append(("topics.html", "topics/index.html", {}))
    jobs += [("topic.html", topic_path(t.slug), {"topic": t.slug}) for t in digest.topics]
    jobs += [(template, path, {}) for template, path in SITE_PAGES]
    jobs += [("facts.html", facts_path(n), {"facts_page": n})
             for n in range(1, len(facts_pages(digest)) + 1)]
    jobs += [("sources.html", sources_path(n), {"sources_page": n})
             for n in range(1, -(-len(digest.articles) // SOURCES_PER_PAGE) + 1)]
    listed = [path for _, path, _ in jobs if path != "404.html"]
    jobs.append(("sitemap.xml", "sitemap.xml", {"pages": listed}))
    return jobs


def render_site(digest: Digest, config: Config, out: Path, previous: Path | None = None,
                runner: Runner | None = None) -> list[str]:
    """Write every page of the site into `out` (an empty folder); return the pages written.

    Pages are independent, so they render in parallel (on the runner's worker processes); each
    worker writes its own files and the result does not depend on the split.
    Pages equal to those in `previous` (the last build's output) are linked from it.
    """
    return render_keyed(digest, config, out, previous, runner, None)[0]


def render_keyed(digest: Digest, config: Config, out: Path, previous: Path | None,
                 runner: Runner | None, known: dict[str, Entry] | None, spare: bool = False,
                 note: Note | None = None, searched: dict[str, list] | None = None
                 ) -> tuple[list[str], dict[str, Entry], Note | None]:
    """`render_site`, keying pages when `known` (the last build's keys, see page_keys) is
    given: the pages written, the key entries of this build's keyed pages, and (when
    keyed) the note of `out` for a build that stages in it as a spare (see spare.py).
    `spare`: `out` is not empty but an older copy of the site, brought up to date
    (`note`: what the build that made it noted of it). `searched`, when given, gets the
    search entry (see search.page_entry) of each HTML page rendered (not of those linked:
    the last build's search record has them).

    First each page whose key is the last build's, and whose file that build wrote is
    still in `previous`, is linked from there (keys made and pages linked on the
    runner's worker processes, digest.json written meanwhile); then only the other
    pages are rendered: on the workers when there are many (a cold build), else here
    (an edit leaves a few dozen: forking again, and compiling the templates again in a
    worker, would cost more than rendering them).
    """
    runner = runner or Runner.in_memory()
    keys: dict[str, Entry] = {}
    jobs = page_jobs(digest)
    with collector_paused():  # the index: hundreds of thousands of objects
        renderer = _Renderer(digest, config, out, previous, known=known)
    static = _static_files(config)
    if spare:
        renderer.present = prune(out, {path for _, path, _ in jobs} | {_DIGEST_JOB[1]} |
                                 {path for path, _ in static}, is_bundle_folder, note)
    todo: list[tuple[tuple[str, str, dict], str | None]] = []
    if known and previous is not None:
        items = [*jobs]
        items.insert(min(1, len(items)), _DIGEST_JOB)  # a worker's, when there are workers
        for job, (key, entry) in zip(items, runner.pmap(_settle, items, state=renderer,
                                                        label="linking"), strict=True):
            if entry is not None:
                keys[job[1]] = entry
            elif job != _DIGEST_JOB:
                todo.append((job, key))
    else:
        todo = [(job, None) for job in jobs]
        todo.insert(min(1, len(todo)), (_DIGEST_JOB, None))
    if len(todo) < RENDER_POOL_MIN:
        rendered = [_render(renderer, item) for item in todo]
    else:
        rendered = runner.pmap(_render, todo, state=renderer, label="rendering",
                               reserved=True)
    for path, entry, found in rendered:
        if entry is not None:
            keys[path] = entry
        if found is not None and searched is not None:
            searched[path] = found
    for path, data in static:
        write_file(out, path, data, previous, renderer.there(path))
    pages = [path for _, path, _ in jobs] + [_DIGEST_JOB[1]]
    noted = None if known is None else note_folder(out, pages + [path for path, _ in static])
    return pages, keys, noted


# Fewer pages to render than this are rendered by the building process alone.
RENDER_POOL_MIN = 200


@dataclass
class Rendered:
    """Pages rendered in memory: every file's hash, and the bytes of those that changed."""

    pages: list[str]  # as `render_site` returns them
    hashes: dict[str, str]  # every file of the site (pages, digest.json, static/) by path
    changed: dict[str, bytes]  # the files whose hash is not the one the caller knew
    renderer: _Renderer  # kept by the preview for its next first look
    # The keyed pages' keys (see page_keys), for the next render to skip the pages whose
    # key is the same; empty when pages are not keyed.
    keys: dict[str, str] = field(default_factory=dict)


def render_articles(rendered: Rendered, digest: Digest, slugs: set[str], known: dict[str, str]
                    ) -> Rendered:
    """The pages of articles `slugs` of `digest`, with the renderer of an earlier render
    (of a digest that differs only in those articles): no new index, no new templates."""
    renderer = rendered.renderer.for_articles(digest, slugs)
    jobs = [job for job in page_jobs(digest) if job[2].get("article") in slugs]
    hashes: dict[str, str] = {}
    changed: dict[str, bytes] = {}
    for path, digest_, data in (_render_changed((renderer, known), job) for job in jobs):
        hashes[path] = digest_
        if data is not None:
            changed[path] = data
    return Rendered([path for _, path, _ in jobs], hashes, changed, rendered.renderer)


def render_changed(digest: Digest, config: Config, known: dict[str, str],
                   runner: Runner | None = None, env: Environment | None = None,
                   keys: dict[str, str] | None = None) -> Rendered:
    """Render every page without writing any, except those whose key is unchanged.

    `known` holds the live site's hashes by path: only the bytes of files whose hash
    differs are kept (they travel back from the workers), for the preview to write.
    `env`: the templates as an earlier render compiled them, while they are unchanged.
    `keys` (None: pages are not keyed) holds the page keys of the live files: a keyed page
    whose key is the same and whose file is live is not rendered (its hash is kept).
    """
    runner = runner or Runner.in_memory()
    jobs = page_jobs(digest)
    hashes: dict[str, str] = {}
    changed: dict[str, bytes] = {}
    new_keys: dict[str, str] = {}
    todo = []
    with collector_paused():  # the index and the keys: hundreds of thousands of objects
        renderer = _Renderer(digest, config, Path(), None, env,
                             known={} if keys is not None else None)
        for job in jobs:
            path = job[1]
            key = None if keys is None else page_key(renderer.index, renderer.base, job,
                                                     renderer.hashed)
            if key is None:
                todo.append(job)
                continue
            new_keys[path] = key
            if keys is not None and keys.get(path) == key and path in known:
                hashes[path] = known[path]
            else:
                todo.append(job)
    for path, digest_, data in runner.pmap(_render_changed, todo, state=(renderer, known),
                                           label="rendering"):
        hashes[path] = digest_
        if data is not None:
            changed[path] = data
    for path, data in [("digest.json", b"".join(digest_json(digest))),
                       *_static_files(config)]:
        hashes[path] = page_hash(data)
        if known.get(path) != hashes[path]:
            changed[path] = data
    return Rendered([path for _, path, _ in jobs] + ["digest.json"], hashes, changed, renderer,
                    new_keys)


def _static_files(config: Config) -> list[tuple[str, bytes]]:
    """Theme assets (path in the site, bytes); the site's override built-in ones by name,
    like templates.

    Symbolic links are skipped: a link could copy any file on the machine into the
    published site.
    """
    files: dict[str, bytes] = {}
    for folder in (builtin_templates() / "static", config.templates_dir / "static"):
        if not folder.is_dir():
            continue
        inside = folder.resolve()
        for source in sorted(folder.rglob("*")):
            if not source.is_file() or inside not in source.resolve().parents:
                continue
            files[f"static/{source.relative_to(folder).as_posix()}"] = source.read_bytes()
    return list(files.items())
