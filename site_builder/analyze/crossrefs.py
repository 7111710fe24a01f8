"""Cross-references between paragraphs: near-duplicates by shingles, related by shared facts."""

from __future__ import annotations

import zlib
from collections import defaultdict

from ..memo import Memo, cached_map
from ..models import Article, CrossRef, Ref
from ..parallel import pmap
from ..text import normalise, split_sentences
from .sentences import article_key

SHINGLE = 3
# Share of the shorter text's shingles found in the other: above this, near-duplicate.
DUPLICATE = 0.5
# Above this (Jaccard), the same text: shown as "verbatim".
VERBATIM = 0.9
# Links kept per paragraph and per fact: enough to navigate by, and linear in size.
MAX_LINKS = 10
RELATED_SOURCES = 8


def _shingles(text: str) -> set[int]:
    tokens = normalise(text).split()
    if len(tokens) < SHINGLE:
        return {zlib.crc32(" ".join(tokens).encode())} if tokens else set()
    return {zlib.crc32(" ".join(tokens[i : i + SHINGLE]).encode())
            for i in range(len(tokens) - SHINGLE + 1)}


def _containment(a: set[int], b: set[int]) -> float:
    return len(a & b) / max(min(len(a), len(b)), 1)


def _jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / max(len(a | b), 1)


_Unit = tuple[Ref, set[int], list[frozenset[int]]]


def _article_units(article: Article) -> list[_Unit]:
    units = []
    for p in article.paragraphs:
        if p.kind in ("p", "li"):
            sentences = [frozenset(_shingles(s)) for s in split_sentences(p.text)]
            units.append((Ref(article.slug, p.id), _shingles(p.text),
                          [s for s in sentences if len(s) >= 6]))
    return units


def near_duplicates(articles: list[Article], memo: Memo | None = None) -> list[CrossRef]:
    """Paragraph pairs that repeat each other, whole or sentence by sentence.

    Candidates come from an inverted index of shingles; shingles shared by many
    paragraphs (boilerplate phrases) do not generate candidates. Shingling (kept in
    `memo`) and the scan over paragraphs run on the process pool.
    """
    keys = [article_key(a) for a in articles]
    groups = cached_map(_article_units, articles, keys, memo or Memo(None, "", ""))
    units = [u for group in groups for u in group]
    postings: dict[int, list[int]] = defaultdict(list)
    for i, (_, shingles, _) in enumerate(units):
        for h in shingles:
            postings[h].append(i)
    limit = max(20, int(len(units) ** 0.5))
    starts = list(range(0, len(units), _SCAN_CHUNK))
    found = pmap(_scan, starts, initializer=_use_index, initargs=(units, postings, limit))
    return [c for chunk in found for c in chunk]


_SCAN_CHUNK = 64
# The shingle index of this process (handed to each worker once by _use_index).
_index: tuple[list[_Unit], dict[int, list[int]], int] = ([], {}, 0)


def _use_index(units: list[_Unit], postings: dict[int, list[int]], limit: int) -> None:
    global _index
    _index = (units, postings, limit)


def _scan(start: int) -> list[CrossRef]:
    units, postings, limit = _index
    found: list[CrossRef] = []
    for i in range(start, min(start + _SCAN_CHUNK, len(units))):
        ref, shingles, sentences = units[i]
        counts: dict[int, int] = defaultdict(int)
        for h in shingles:
            plist = postings[h]
            if len(plist) <= limit:
                for j in plist:
                    if j > i:
                        counts[j] += 1
        links: list[CrossRef] = []
        for j, shared in sorted(counts.items()):
            if shared < 2:
                continue
            other_ref, other, other_sentences = units[j]
            overlap = max(_containment(shingles, other),
                          _sentence_overlap(sentences, other_sentences))
            if overlap >= DUPLICATE:
                # The score is how alike the whole paragraphs are, so only a
                # paragraph repeated as a whole reaches VERBATIM.
                links.append(CrossRef(ref, other_ref, "duplicate",
                                      round(_jaccard(shingles, other), 3)))
        # A paragraph syndicated to hundreds of outlets links to its closest copies only.
        links.sort(key=lambda c: -c.score)
        found.extend(links[:MAX_LINKS])
    return found


def _sentence_overlap(a: list[frozenset[int]], b: list[frozenset[int]]) -> float:
    # One sentence repeated inside a longer paragraph still makes the pair a duplicate.
    if set(a) & set(b):
        return 1.0  # the same sentence, word for word: the common case, found by hashing
    best = 0.0
    for x in a:
        for y in b:
            if len(x) >= 6 and len(y) >= 6:
                best = max(best, _containment(x, y))
                if best >= DUPLICATE:
                    return best
    return best


def is_verbatim(crossref: CrossRef) -> bool:
    """A duplicate whose texts are the same but for case and punctuation."""
    return crossref.kind == "duplicate" and crossref.score >= VERBATIM


def related(fact_support: list[list[Ref]], duplicates: list[CrossRef]) -> list[CrossRef]:
    """Paragraph pairs from different articles that support the same fact."""
    known = {(c.source, c.target) for c in duplicates} | {(c.target, c.source) for c in duplicates}
    scores: dict[tuple[Ref, Ref], int] = defaultdict(int)
    for support in fact_support:
        # A fact backed by hundreds of paragraphs would make every pair "related":
        # the first paragraph of a few sources is enough to navigate by.
        first: dict[str, Ref] = {}
        for ref in support:
            first.setdefault(ref.article, ref)
        chosen = list(first.values())[:RELATED_SOURCES]
        for a in chosen:
            for b in chosen:
                if a.article < b.article:
                    scores[(a, b)] += 1
    return [CrossRef(a, b, "related", float(n)) for (a, b), n in sorted(scores.items())
            if (a, b) not in known]
