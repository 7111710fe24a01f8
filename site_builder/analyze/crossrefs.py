"""Cross-references between paragraphs: near-duplicates by shingles, related by shared facts."""

from __future__ import annotations

import zlib
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Set
from dataclasses import dataclass
from itertools import chain

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


def _containment(a: Set[int], b: Set[int]) -> float:
    return len(a & b) / max(min(len(a), len(b)), 1)


_Unit = tuple[Ref, set[int], list[frozenset[int]]]


def _article_units(article: Article) -> list[_Unit]:
    units = []
    for p in article.paragraphs:
        if p.kind in ("p", "li"):
            sentences = [frozenset(_shingles(s)) for s in split_sentences(p.text)]
            units.append((Ref(article.slug, p.id), _shingles(p.text),
                          [s for s in sentences if len(s) >= 6]))
    return units


@dataclass(slots=True)
class _Index:
    """Postings of the shingles that are evidence: those in at most `limit` paragraphs."""

    units: list[_Unit]
    paragraphs: dict[int, list[int]]  # shingle -> paragraphs holding it, ascending
    sentences: dict[int, list[int]]  # shingle -> sentences holding it, ascending
    sentence_sets: list[frozenset[int]]
    sentence_paragraph: list[int]  # sentence -> its paragraph


def _index(units: list[_Unit]) -> _Index:
    limit = max(20, int(len(units) ** 0.5))
    paragraphs: dict[int, list[int]] = defaultdict(list)
    for i, (_, shingles, _) in enumerate(units):
        for h in shingles:
            paragraphs[h].append(i)
    paragraphs = {h: plist for h, plist in paragraphs.items() if len(plist) <= limit}
    sentence_sets: list[frozenset[int]] = []
    sentence_paragraph: list[int] = []
    sentences: dict[int, list[int]] = defaultdict(list)
    for i, (_, _, sets) in enumerate(units):
        for shingles in sets:
            for h in shingles:
                if h in paragraphs:
                    sentences[h].append(len(sentence_sets))
            sentence_sets.append(shingles)
            sentence_paragraph.append(i)
    return _Index(units, paragraphs, dict(sentences), sentence_sets, sentence_paragraph)


def near_duplicates(articles: list[Article], memo: Memo | None = None) -> list[CrossRef]:
    """Paragraph pairs that repeat each other, whole or sentence by sentence.

    A pair is a duplicate when the shingles they share cover at least half of the
    shorter paragraph, or of the shorter of two of their sentences. Candidates
    (paragraphs, and sentences) must share two shingles found in at most ~sqrt(n)
    paragraphs: boilerplate phrases alone are no evidence of copying, and leaving
    them out of the inverted index keeps the search near-linear. Shingling (kept in
    `memo`) and the scan run on the process pool.
    """
    keys = [article_key(a) for a in articles]
    groups = cached_map(_article_units, articles, keys, memo or Memo(None, "", ""))
    index = _index([u for group in groups for u in group])
    starts = list(range(0, len(index.units), _SCAN_CHUNK))
    found = pmap(_scan, starts, initializer=_use_index, initargs=(index,))
    return [c for chunk in found for c in chunk]


_SCAN_CHUNK = 64
# The shingle index of this process (handed to each worker once by _use_index).
_shared: _Index | None = None


def _use_index(index: _Index) -> None:
    global _shared
    _shared = index


def _later(postings: dict[int, list[int]], shingles: Iterable[int], after: int) -> Counter[int]:
    """How many of `shingles` each item numbered above `after` holds (counted in C)."""
    return Counter(chain.from_iterable(
        plist[bisect_right(plist, after):] for h in shingles
        if (plist := postings.get(h)) is not None))


def _scan(start: int) -> list[CrossRef]:
    index = _shared
    assert index is not None
    units = index.units
    found: list[CrossRef] = []
    first_sentence = bisect_left(index.sentence_paragraph, start)
    for i in range(start, min(start + _SCAN_CHUNK, len(units))):
        ref, shingles, _ = units[i]
        matches: dict[int, int] = {}  # paragraph -> shingles it shares with paragraph i
        for j, hits in _later(index.paragraphs, shingles, i).items():
            if hits >= 2:
                shared = len(shingles & units[j][1])
                if shared >= DUPLICATE * min(len(shingles), len(units[j][1])):
                    matches[j] = shared
        # One sentence repeated inside a longer paragraph still makes the pair a duplicate.
        last_sentence = bisect_right(index.sentence_paragraph, i, lo=first_sentence)
        for x in range(first_sentence, last_sentence):
            own = index.sentence_sets[x]
            for y, hits in _later(index.sentences, own, last_sentence - 1).items():
                j = index.sentence_paragraph[y]
                if hits >= 2 and j not in matches and \
                        _containment(own, index.sentence_sets[y]) >= DUPLICATE:
                    matches[j] = len(shingles & units[j][1])
        first_sentence = last_sentence
        # The score (Jaccard) is how alike the whole paragraphs are, so only a
        # paragraph repeated as a whole reaches VERBATIM. A paragraph syndicated to
        # hundreds of outlets links to its closest copies only.
        scored = sorted((-round(shared / (len(shingles) + len(units[j][1]) - shared), 3), j)
                        for j, shared in matches.items())
        found.extend(CrossRef(ref, units[j][0], "duplicate", -score)
                     for score, j in scored[:MAX_LINKS])
    return found


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
