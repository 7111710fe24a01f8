"""Page keys: a hash of everything a built-in page template reads for one page.

A build keeps each page's key with its record (`PAGES_FILE`); the next build links a page
from the previous output instead of rendering it when its key is the same and the file
is still the one that build wrote; the preview (`sitebuild serve`) keeps the keys of its
live pages in memory and renders only the pages whose key changed. Every page of the
built-in templates is keyed (an article's, a topic's, the pages of facts/ and sources/,
the feed, the sitemap and the pages of which a site has one: the front page, topics/,
the timeline, search, 404, robots.txt), but only while the site uses the built-in
templates: a template of the site's own may read anything in the digest.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from ..cache import code_version, content_hash, keep_file
from ..config import Config
from ..models import Digest, Fact, Ref

if TYPE_CHECKING:
    from . import SiteIndex

# Beside the build record in the cache folder: {"output": folder, "pages": {path: entry}}.
PAGES_FILE = "page-keys.json"

# What a page's file was when a build wrote it: [key, size, mtime_ns, inode].
Entry = list


def keyed(config: Config) -> bool:
    """Whether pages can be keyed: the site overrides no template (static files aside)."""
    folder = config.templates_dir
    if not folder.is_dir():
        return True
    for path in folder.rglob("*"):
        if path.is_file() and path.relative_to(folder).parts[0] != "static":
            return False
    return True


def site_key(config: Config, digest: Digest, updated: str) -> str:
    """What every page shows of the site as a whole (the header, footer and head)."""
    return repr((code_version(), repr(config), len(digest.articles), digest.summary, updated))


def _hash(parts: tuple) -> str:
    # orjson writes dataclasses, lists and floats in C, always the same way for the same
    # values (repr of the same parts takes several times longer).
    return content_hash(orjson.dumps(parts))


def page_key(index: SiteIndex, base: str, job: tuple[str, str, dict],
             hashed: dict[tuple[str, str], Any]) -> str | None:
    """The key of one page (None for the kinds that are always rendered). `hashed` keeps
    the hashes of what pages show of each article, for the caller's later pages."""
    template, path, refs = job
    if template == "article.html" and set(refs) == {"article"}:
        return _hash((base, path, *_article_parts(index, refs["article"], hashed)))
    if template == "topic.html" and set(refs) == {"topic"}:
        return _hash((base, path, *_topic_parts(index, refs["topic"], hashed)))
    if template == "sources.html" and set(refs) == {"sources_page"}:
        return _hash((base, path, *_sources_parts(index, refs["sources_page"], hashed)))
    if template == "facts.html" and set(refs) == {"facts_page"}:
        return _hash((base, path, *_facts_parts(index, refs["facts_page"], hashed)))
    if template == "feed.xml" and not refs:
        return _hash((base, path, _feed_parts(index)))
    if template == "sitemap.xml" and set(refs) == {"pages"}:
        return _hash((base, path, refs["pages"]))
    if not refs and template in _WHOLE_SITE:
        return _hash((base, path, *_WHOLE_SITE[template](index, hashed)))
    return None


def _article(index: SiteIndex, slug: str, hashed: dict[tuple[str, str], Any]) -> str:
    """The article itself and its source name (its page, and its entry in sources/)."""
    if (slug, "article") not in hashed:
        hashed[slug, "article"] = _hash((index.articles[slug], index.source_names[slug]))
    return hashed[slug, "article"]


def _article_parts(index: SiteIndex, slug: str, hashed: dict[tuple[str, str], Any]
                   ) -> tuple:
    """What article.html (and the macros it calls) reads for one article."""
    article = index.articles[slug]
    links = []
    found, names = index.links, index.source_names
    for paragraph in article.paragraphs:
        for c in found.get(Ref(slug, paragraph.id), ())[:6]:
            # A link's label is its target's source name and paragraph number (by plain
            # strings: a `Ref` lookup per link cost more than the rest of the key).
            target, to = c.target.article, c.target.paragraph
            numbered = _numbered(index, target, hashed).get(to)
            links.append((paragraph.id, target, to, c.kind, c.score, names[target],
                          numbered[0] if numbered else None))
    return _article(index, slug, hashed), index.topic_names(slug), links


def _sources_parts(index: SiteIndex, number: int, hashed: dict[tuple[str, str], Any]
                   ) -> tuple:
    """What sources.html (and the macros it calls) reads for page `number` of sources/:
    its number, the page size, the number of pages and its articles (how many articles
    the site has is in the site key)."""
    listed, per_page, count = index.sources_page(number)
    return number, per_page, count, [_article(index, a.slug, hashed) for a in listed]


def _cited(index: SiteIndex, slug: str, hashed: dict[tuple[str, str], Any]) -> str:
    """What a page citing paragraphs of article `slug` shows of it, whichever they are:
    its source name, and each paragraph's position and text (link labels, excerpts)."""
    if (slug, "cited") not in hashed:
        article = index.articles.get(slug)
        paragraphs = [(p.id, p.text) for p in article.paragraphs] if article else None
        hashed[slug, "cited"] = _hash((index.source_names.get(slug), paragraphs))
    return hashed[slug, "cited"]


def _numbered(index: SiteIndex, slug: str, hashed: dict[tuple[str, str], Any]
              ) -> dict[str, tuple[int, str]]:
    """Each paragraph of article `slug` by id: its number and the hash of its text (what a
    link label and an excerpt show of it); by plain strings, which hash faster than
    `Ref`s. A hash, not the text: the topic pages citing a paragraph would otherwise
    encode its text once each (tens of megabytes per build)."""
    if (slug, "numbered") not in hashed:
        article = index.articles.get(slug)
        hashed[slug, "numbered"] = {p.id: (n, content_hash(p.text.encode())) for n, p in
                                    enumerate(article.paragraphs if article is not None
                                              else (), 1)}
    return hashed[slug, "numbered"]


def _fact(fact: Fact, hashed: dict[tuple[str, str], Any]) -> str:
    """The hash of a fact (a topic page lists each fact of the topic; a fact has several
    topics)."""
    if (fact.id, "fact") not in hashed:
        hashed[fact.id, "fact"] = _hash(fact)
    return hashed[fact.id, "fact"]


def _topic_parts(index: SiteIndex, slug: str, hashed: dict[tuple[str, str], Any]) -> tuple:
    """What topic.html (and the macros it calls) reads for one topic."""
    topic = index.topics[slug]
    facts = index.facts_of_topic.get(slug, [])
    # The paragraphs it cites are in the topic and its facts: of each, what its link
    # label and excerpt show (its source's name, its number and text), and of no other
    # paragraph (an edit elsewhere in a cited article leaves the page as it was).
    refs = [*topic.mentions, *(f.statement_ref for f in facts),
            *(r for f in facts for r in f.support)]
    # In the order of `refs`, which the topic and its facts (in the key) give.
    cited = []
    for r in refs:
        article = r.article
        numbered = hashed.get((article, "numbered")) or _numbered(index, article, hashed)
        cited.append(numbered.get(r.paragraph))
    # Each cited source's name and date (the first and last mentions, and the groups'
    # headings, are made of them); the groups' order follows the articles' order.
    articles, names = index.articles, index.source_names
    sources = [(names.get(a), getattr(articles.get(a), "published", None))
               for a in dict.fromkeys([r.article for r in refs])]
    related = [(t.slug, t.name) for t in index.related(topic)]
    return (topic, [_fact(f, hashed) for f in facts], _order(index, hashed), cited, sources,
            related)


def _order(index: SiteIndex, hashed: dict[tuple[str, str], Any]) -> str:
    """The articles' order (a topic page lists its sources by how often each mentions it,
    ties in this order): a hash, made once per build."""
    if ("", "order") not in hashed:
        hashed["", "order"] = _hash(list(index.articles))
    return hashed["", "order"]


def _facts_parts(index: SiteIndex, number: int, hashed: dict[tuple[str, str], Any]
                 ) -> tuple:
    """What facts.html (and the macros it calls) reads for one page of facts/."""
    shown = index.facts_pages[number - 1]
    refs = [*(r for _, d in shown.disagreements for c in d.claims for r in c.support),
            *(r for f in shown.several + shown.single for r in f.support)]
    return (number, len(index.facts_pages), bool(index.digest.disagreements), shown,
            _sources_of(index, refs, hashed))


def _feed_parts(index: SiteIndex) -> list[tuple]:
    """What feed.xml reads of each article, in the site's order: its slug, title, URL,
    dates, author, outlet and source name, its first paragraph's text (the summary) and
    its first plain paragraph's (the headline of an untitled article)."""
    parts = []
    for a in index.digest.articles:
        lead = next((p.text for p in a.paragraphs if p.kind == "p"), a.paragraphs[0].text)
        parts.append((a.slug, a.title, a.url, a.published, a.author, a.outlet,
                      index.source_names[a.slug], a.paragraphs[0].text, lead))
    return parts


def _sources_of(index: SiteIndex, refs: list[Ref], hashed: dict[tuple[str, str], Any]
                ) -> list[tuple]:
    """What a page citing `refs` shows of their articles: link labels and excerpts come
    from the cited articles; claims are dated and charted by their sources' dates."""
    return [(a, _cited(index, a, hashed), getattr(index.articles.get(a), "published", None))
            for a in dict.fromkeys(r.article for r in refs)]


def _labels(index: SiteIndex, refs: list[Ref], hashed: dict[tuple[str, str], Any]
            ) -> list[tuple]:
    """What a page shows of paragraphs it links to without quoting them: each link's
    label (its source's name and the paragraph's number) and its source's date (claims
    are dated and charted by it)."""
    names, articles = index.source_names, index.articles
    return [(r.article, names.get(r.article), getattr(articles.get(r.article), "published", None),
             (_numbered(index, r.article, hashed).get(r.paragraph) or (None,))[0])
            for r in refs]


def _front_parts(index: SiteIndex, hashed: dict[tuple[str, str], Any]) -> tuple:
    """What index.html reads: the first sources (their headlines and meta lines, also in
    its ItemList), when and where, the first disagreements, the key figures and
    corroborated facts (with the page of facts/ that lists each, and their links'
    labels), the first topics' chips and how many of each there are, the summary's
    sentences with the paragraphs they link (how many articles, the summary and the
    configuration are in the site key)."""
    digest = index.digest
    disputed = digest.disagreements[:4]
    figures, multi = index.key_figures(), index.corroborated()[:6]
    refs = [*(r for d in disputed for c in d.claims for r in c.support),
            *(r for f in [*figures, *multi] for r in f.support),
            *(r for _, r in digest.summary_sentences)]
    listed = [(a.slug, index.headline(a), index.source_names[a.slug], a.author, a.published,
               a.url) for a in digest.articles[:12]]
    return (listed, index.when(), [(t.slug, t.name) for t in index.where()],
            len(digest.disagreements), disputed, [(f, index.fact_path(f.id)) for f in figures],
            multi, len(digest.facts), [(t.slug, t.name, t.sources) for t in digest.topics[:30]],
            len(digest.topics), digest.summary_sentences, _labels(index, refs, hashed))


def _topics_list_parts(index: SiteIndex, hashed: dict[tuple[str, str], Any]) -> tuple:
    """What topics.html reads: each topic's chip (slug, name, count of sources), by kind."""
    return ([(t.slug, t.name, t.kind, t.sources) for t in index.digest.topics],)


def _timeline_parts(index: SiteIndex, hashed: dict[tuple[str, str], Any]) -> tuple:
    """What timeline.html reads: the events, and the labels of the paragraphs they cite."""
    events = index.digest.timeline
    return events, _labels(index, [r for e in events for r in e.support], hashed)


def _search_parts(index: SiteIndex, hashed: dict[tuple[str, str], Any]) -> tuple:
    """What search.html reads: the sources' names and the topics' names (its filters)."""
    return sorted(set(index.source_names.values())), [t.name for t in index.digest.topics]


def _nothing(index: SiteIndex, hashed: dict[tuple[str, str], Any]) -> tuple:
    """Pages that show the site as a whole only (all in the site key)."""
    return ()


# The pages of which there is one per site, by template: what each reads beyond the site key.
_WHOLE_SITE: dict[str, Callable[[SiteIndex, dict[tuple[str, str], Any]], tuple]] = {
    "index.html": _front_parts, "topics.html": _topics_list_parts,
    "timeline.html": _timeline_parts, "search.html": _search_parts,
    "404.html": _nothing, "robots.txt": _nothing,
}


def file_entry(key: str, target: Path) -> Entry:
    """A page's key and what its file is now."""
    stat = target.stat()
    return [key, stat.st_size, stat.st_mtime_ns, stat.st_ino]


def still_written(entry: Entry, old: Path) -> bool:
    """Whether the previous output's file is still the one its build wrote."""
    try:
        stat = old.stat()
    except OSError:
        return False
    return entry[1:] == [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def load_keys(config: Config, out: Path) -> dict[str, Entry]:
    """The keys the last build kept for the pages of `out` (none if it kept none)."""
    try:
        record = json.loads((config.cache_dir / PAGES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict) or record.get("output") != str(out.resolve()):
        return {}
    pages = record.get("pages")
    return pages if isinstance(pages, dict) else {}


def save_keys(config: Config, out: Path, pages: dict[str, Entry]) -> None:
    """Keep the pages' keys of the build that `out` now holds."""
    keep_file(config.cache_dir / PAGES_FILE,
              json.dumps({"output": str(out.resolve()), "pages": pages}))
