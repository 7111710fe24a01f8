"""The digest's pieces that pages are made of, hashed: what changed since the last analysis.

After an edit most of the digest is what it was. The render side keys each page by what
it shows (render/page_keys.py); to make keys, digest pieces and index entries only for the
pages whose inputs may have changed, it needs to know, without gathering every page's
inputs, which articles and topics the analysis gave other results for. `digest_pieces`
hashes each piece once (orjson writes dataclasses in C), and `changes` compares two such
sets of hashes: the pieces named there are the only ones that differ.

A piece per article: its record (`articles`: paragraphs and metadata), the cross-references
with a paragraph of it at either end (`links`), and the names of the topics mentioning it
(`topic_names`). A piece per topic (`topics`): its record (name, kind, aliases, mentions,
sources) and its facts in order. Whole-digest pieces (`site`): the articles' order, the
facts, the other claims, the disagreements, the timeline, the topics' list (slug, name,
kind, sources in order) and the summary.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import defaultdict
from dataclasses import dataclass

import orjson

from ..models import Digest, Fact


def _hash(value: object) -> str:
    try:
        data = orjson.dumps(value)
    except (orjson.JSONEncodeError, TypeError):  # an integer beyond 64 bits, a lone surrogate
        data = b"p" + pickle.dumps(value, protocol=5)
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True)
class Pieces:
    """The hash of each piece of one digest (see the module's text), by slug or name."""

    articles: dict[str, str]
    links: dict[str, str]
    topic_names: dict[str, str]
    topics: dict[str, str]
    site: dict[str, str]


@dataclass(frozen=True)
class Changes:
    """The pieces whose hash differs between two analyses (added and removed ones too):
    article slugs, topic slugs and whole-digest piece names. With no earlier analysis
    (`everything`), every piece counts as changed."""

    articles: frozenset[str]
    links: frozenset[str]
    topic_names: frozenset[str]
    topics: frozenset[str]
    site: frozenset[str]
    everything: bool = False


def digest_pieces(digest: Digest) -> Pieces:
    """Hash each piece of `digest`."""
    # As plain tuples: orjson writes them several times faster than the dataclasses.
    links: dict[str, list[tuple[str, str, str, str, str, float]]] = defaultdict(list)
    for c in digest.crossrefs:
        source, target = c.source, c.target
        row = (source.article, source.paragraph, target.article, target.paragraph, c.kind,
               c.score)
        links[source.article].append(row)
        if target.article != source.article:
            links[target.article].append(row)
    names: dict[str, set[str]] = defaultdict(set)
    for t in digest.topics:
        for ref in t.mentions:
            names[ref.article].add(t.name)
    facts_of: dict[str, list[Fact]] = defaultdict(list)
    for f in digest.facts:
        for slug in f.topics:
            facts_of[slug].append(f)
    slugs = [a.slug for a in digest.articles]
    return Pieces(
        articles={a.slug: _hash(a) for a in digest.articles},
        links={slug: _hash(links[slug]) for slug in slugs if slug in links},
        topic_names={slug: _hash(sorted(names[slug])) for slug in slugs if slug in names},
        topics={t.slug: _hash((t, facts_of.get(t.slug, []))) for t in digest.topics},
        site={"order": _hash(slugs), "facts": _hash(digest.facts),
              "other claims": _hash(digest.other_claims),
              "disagreements": _hash(digest.disagreements),
              "timeline": _hash(digest.timeline),
              "topics": _hash([(t.slug, t.name, t.kind, t.sources) for t in digest.topics]),
              "summary": _hash((digest.summary, digest.summary_sentences))})


def _differ(old: dict[str, str], new: dict[str, str]) -> frozenset[str]:
    return frozenset({k for k, h in new.items() if old.get(k) != h} | (old.keys() - new.keys()))


def changes(old: Pieces | None, new: Pieces) -> Changes:
    """What differs from `old` (the last analysis' pieces) in `new`; None: everything."""
    if old is None:
        return Changes(frozenset(new.articles), frozenset(new.links),
                       frozenset(new.topic_names), frozenset(new.topics),
                       frozenset(new.site), everything=True)
    return Changes(_differ(old.articles, new.articles), _differ(old.links, new.links),
                   _differ(old.topic_names, new.topic_names), _differ(old.topics, new.topics),
                   _differ(old.site, new.site))
