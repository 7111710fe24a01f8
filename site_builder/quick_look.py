"""The preview's quick look: the article of a saved file, from that file alone.

Before a preview build reads every seed, the files the editor saved are turned into
their articles directly (a seed read and cleaned against the furniture counts the
preview keeps, a content file parsed), so that their pages can be shown at once.
The build that follows does everything in full and puts right anything the quick
look could not know; when a save is more than an article's own edit (a seed added or
removed, a template, the configuration, a new slug, a hand-edited file's seed), there
is no quick look.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .config import Config
from .content import (
    ARTICLES,
    article_from,
    is_hand_edited,
    make_slug,
    parse_content,
    render_content,
    slug_text,
)
from .errors import SiteError
from .ingest.clean import clean, repeated_lines
from .ingest.readers import read_seed
from .models import Article, RawDocument
from .preview_state import LiveSite


class Furniture:
    """Whether a short line is repeated across seeds, after one seed's lines changed:
    the kept counts, less the seed's old lines, plus its new ones."""

    def __init__(self, counts: Counter[str], old: frozenset[str], new: frozenset[str]) -> None:
        self.counts, self.old, self.new = counts, old, new

    def __contains__(self, line: object) -> bool:
        count = self.counts.get(str(line), 0) - (line in self.old) + (line in self.new)
        return count > 1


def short_lines(doc: RawDocument) -> frozenset[str]:
    """A seed's candidate furniture lines (`repeated_lines` counts these over seeds)."""
    return repeated_lines([doc, doc])  # every line of one document counted twice: its own


def quick_articles(config: Config, live: LiveSite, changed: list[str]) -> list[Article] | None:
    """The new articles of the changed files (site paths), when each is an existing
    article's seed or content file; None when any is not (or cannot be read as one)."""
    assert live.rendered is not None and live.rendered.renderer.digest is not None
    articles = live.rendered.renderer.digest.articles
    by_source = {a.source_file: a for a in articles if a.source_file}
    by_content = {a.content_path: a for a in articles}
    seeds = config.seeds_dir.resolve()
    found = []
    for name in changed:
        path = config.site_dir / name
        if name in by_content:
            article = _from_content(config, by_content[name])
        elif path.parent.resolve() == seeds and path.name in by_source and name in live.seeds:
            article = _from_seed(config, live, path, live.seeds[name][1], by_source[path.name])
        else:
            return None
        if article is None:
            return None
        found.append(article)
    return found


def _content_file(config: Config, article: Article) -> Path:
    return config.content_dir / ARTICLES / Path(article.content_path).name


def _from_content(config: Config, old: Article) -> Article | None:
    """The article of a content file the editor saved (its slug unchanged)."""
    path = _content_file(config, old)
    try:
        parsed = parse_content(path, path.read_bytes())
    except OSError:
        return None
    if isinstance(parsed, SiteError) or not parsed[1]:
        return None
    article = article_from(config, path, *parsed, set())
    return article if article.slug == old.slug else None


def _from_seed(config: Config, live: LiveSite, path: Path, before: RawDocument,
               old: Article) -> Article | None:
    """The article of a saved seed, as writing and loading its content file would give."""
    target = _content_file(config, old)
    try:
        kept = target.read_bytes()
        doc = read_seed(path, path.name)
    except (OSError, SiteError):
        return None
    if live.short_counts is None or is_hand_edited(kept.decode("utf-8", "replace")):
        return None  # a hand edit wins over its seed: the build says what it does
    doc.meta.update(config.sources.get(path.name, {}))
    cleaned = clean(doc, Furniture(live.short_counts, short_lines(before), short_lines(doc)))
    if not cleaned.body:
        return None
    base = make_slug(slug_text(cleaned), set())  # as the content writer gives it, not unique
    if not re.fullmatch(rf"{re.escape(base)}(-\d+)?", old.slug):
        return None  # a new headline, a new slug: the build moves the file
    parsed = parse_content(target, render_content(cleaned, old.slug).encode())
    if isinstance(parsed, SiteError) or not parsed[1]:
        return None
    return article_from(config, target, *parsed, set())
