"""Cross-references between paragraphs: near-duplicates by shingles, related by shared facts."""

from __future__ import annotations

import zlib
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from typing import Any

from ..models import Article, CrossRef, Ref
from ..pipeline import Runner, Stage, collector_paused
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


# Wire copy repeats paragraphs and sentences across articles: each distinct text is
# shingled once in a process.
@lru_cache(maxsize=65_536)
def _shingles(text: str) -> frozenset[int]:
    tokens = normalise(text).split()
    if len(tokens) < SHINGLE:
        return frozenset({zlib.crc32(" ".join(tokens).encode())} if tokens else ())
    return frozenset(zlib.crc32(" ".join(tokens[i : i + SHINGLE]).encode())
                     for i in range(len(tokens) - SHINGLE + 1))


_Unit = tuple[Ref, frozenset[int], list[frozenset[int]]]


def _article_units(article: Article) -> list[_Unit]:
    units = []
    for p in article.paragraphs:
        if p.kind in ("p", "li"):
            sentences = [_shingles(s) for s in split_sentences(p.text)]
            units.append((Ref(article.slug, p.id), _shingles(p.text),
                          [s for s in sentences if len(s) >= 6]))
    return units


# A paragraph's shingles and its sentences' shingles.
# Shingles of each paragraph and sentence, kept between builds per article.
SHINGLES = Stage("shingles", _article_units, version=1, key=article_key)
_Text = tuple[frozenset[int], tuple[frozenset[int], ...]]
# Rows of texts (or sentences) compared at a time: bounds the memory of the pair counts.
_BLOCK = 2048
# Pairs whose shared shingles are counted at a time (bounds the memory of the counting).
_CHUNK = 1 << 16


@dataclass(slots=True)
class _Index:
    """Distinct paragraph texts and their sentences as sparse 0/1 rows over shingles.

    The evidence columns are the shingles found in at most ~sqrt(n) paragraphs. Texts
    are numbered in order of first appearance; sentences in the order of their texts.
    """

    texts: Any  # csr: text -> every shingle of it
    evidence: Any  # csr: text -> its evidence shingles
    sentences: Any  # csr: sentence -> every shingle of it
    sentence_evidence: Any  # csr: sentence -> its evidence shingles
    sentence_text: Any  # array: sentence -> its text
    repeated: list[bool]  # per text: would two copies of it be duplicates of each other?


def _rows(sets: list[frozenset[int]], hashes: Any) -> Any:
    """A csr 0/1 matrix, one row per set of shingles; a shingle's column is its place in
    `hashes` (sorted)."""
    import numpy as np
    from scipy import sparse

    lengths = np.fromiter((len(x) for x in sets), dtype=np.int64, count=len(sets))
    flat = np.fromiter(chain.from_iterable(sets), dtype=np.int64, count=int(lengths.sum()))
    indptr = np.zeros(len(sets) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    cols = np.searchsorted(hashes, flat)
    matrix = sparse.csr_matrix((np.ones(len(flat), dtype=np.int32), cols, indptr),
                               shape=(len(sets), len(hashes)))
    matrix.sort_indices()
    return matrix


def _index(texts: list[_Text], copies: list[int]) -> _Index:
    import numpy as np

    limit = max(20, int(sum(copies) ** 0.5))
    paragraph_sets = [shingles for shingles, _ in texts]
    sentence_sets = [s for _, sets in texts for s in sets]
    sentence_text = np.repeat(np.arange(len(texts)), [len(sets) for _, sets in texts])
    hashes = np.unique(np.fromiter(chain(chain.from_iterable(paragraph_sets),
                                         chain.from_iterable(sentence_sets)), dtype=np.int64))
    whole = _rows(paragraph_sets, hashes)
    # Copies of the texts holding each shingle (a sentence's own shingles are not counted).
    held = np.asarray(whole.T @ np.array(copies, dtype=np.int64)).ravel()
    keep = np.flatnonzero((held > 0) & (held <= limit))
    evidence = whole[:, keep]
    sentences = _rows(sentence_sets, hashes)
    sentence_evidence = sentences[:, keep]
    # A text is repeated when it, or one of its sentences, holds two evidence shingles.
    most = np.asarray(evidence.sum(axis=1), dtype=np.int64).ravel()
    if len(sentence_sets):
        np.maximum.at(most, sentence_text,
                     np.asarray(sentence_evidence.sum(axis=1), dtype=np.int64).ravel())
    return _Index(whole, evidence, sentences, sentence_evidence, sentence_text,
                  (most >= 2).tolist())


def near_duplicates(articles: list[Article], runner: Runner | None = None
                    ) -> list[CrossRef]:
    """Paragraph pairs that repeat each other, whole or sentence by sentence.

    A pair is a duplicate when the shingles they share cover at least half of the
    shorter paragraph, or of the shorter of two of their sentences. Candidates
    (paragraphs, and sentences) must share two shingles found in at most ~sqrt(n)
    paragraphs: boilerplate phrases alone are no evidence of copying, and leaving
    them out of the inverted index keeps the search near-linear. Paragraphs with the
    same text are compared once. Shingling (kept between builds by `runner`) runs on
    the runner's process pool.
    """
    runner = runner or Runner.in_memory()
    groups = runner.map(SHINGLES, articles)
    with collector_paused():  # hundreds of thousands of tuples and links, in no cycle
        found = _near_duplicates([u for group in groups for u in group])
    _shingles.cache_clear()  # the rest of the build (and the processes it forks) needs none
    return found


def _near_duplicates(units: list[_Unit]) -> list[CrossRef]:
    number: dict[_Text, int] = {}
    text_of = [number.setdefault((frozenset(shingles), tuple(sets)), len(number))
               for _, shingles, sets in units]
    texts = list(number)
    if not texts:
        return []
    copies = [0] * len(texts)
    for t in text_of:
        copies[t] += 1
    index = _index(texts, copies)
    # Scanned in this process: a forked worker would hold (and be counted with) a copy
    # of this process at its largest, the index and every article with it.
    return _paragraph_links(units, text_of, index.repeated, _scan(index))


def _paragraph_links(units: list[_Unit], text_of: list[int], repeated: list[bool],
                     pairs: list[tuple[int, int, float]]) -> list[CrossRef]:
    """Expand duplicate texts to their paragraphs: each paragraph links to at most
    MAX_LINKS later ones, the closest first (a paragraph syndicated to hundreds of
    outlets links to its closest copies only)."""
    holders: list[list[int]] = [[] for _ in repeated]  # text -> its paragraphs, ascending
    for i, t in enumerate(text_of):
        holders[t].append(i)
    alike: list[list[tuple[float, int]]] = [[(-1.0, t)] if repeated[t] else []
                                            for t in range(len(repeated))]
    for t, u, score in pairs:
        alike[t].append((-score, u))
        alike[u].append((-score, t))
    for candidates in alike:
        candidates.sort()
    refs = [ref for ref, _, _ in units]
    found: list[CrossRef] = []
    for i, t0 in enumerate(text_of):
        best: list[tuple[float, int]] = []  # the closest later paragraphs so far, sorted
        for negative, t in alike[t0]:
            if len(best) == MAX_LINKS and negative > best[-1][0]:
                break  # every later text is less alike than the links already found
            later = holders[t]
            first = bisect_right(later, i)
            if first < len(later):
                best.extend(zip(repeat(negative), later[first : first + MAX_LINKS]))
                best.sort()
                del best[MAX_LINKS:]
        ref = refs[i]
        found.extend([CrossRef(ref, refs[j], "duplicate", -negative) for negative, j in best])
    return found


def _shared(rows: Any, first: Any, second: Any) -> list[int]:
    """How many shingles row `first[k]` and row `second[k]` of `rows` have in common."""
    import numpy as np

    counts: list[int] = []
    for start in range(0, len(first), _CHUNK):
        a, b = first[start:start + _CHUNK], second[start:start + _CHUNK]
        counts.extend(np.asarray(rows[a].multiply(rows[b]).sum(axis=1)).ravel().tolist())
    return counts


def _candidates(evidence: Any, owner: Any) -> Iterator[tuple[Any, Any]]:
    """Row pairs (x, y) holding two evidence shingles in common, with owner[x] < owner[y];
    block by block of rows."""
    import numpy as np
    from scipy import sparse

    rows = evidence.shape[0]
    transposed = evidence.T.tocsr()
    for start in range(0, rows, _BLOCK):
        counts = sparse.coo_matrix(evidence[start:start + _BLOCK] @ transposed)
        x = counts.row.astype(np.int64) + start
        take = (counts.data >= 2) & (owner[x] < owner[counts.col])
        yield x[take], counts.col[take].astype(np.int64)


def _scan(index: _Index) -> list[tuple[int, int, float]]:
    """Pairs of distinct texts (t, u > t) that are duplicates, with their Jaccard score.

    Texts are candidates when they share two evidence shingles; they are duplicates when
    the shingles they share cover at least half of the shorter one. The same holds for
    two of their sentences: one sentence repeated inside a longer paragraph still makes
    the pair a duplicate. Pairs are counted with sparse products, in integers.
    """
    import numpy as np

    texts, sentences = index.texts, index.sentences
    sizes = np.diff(texts.indptr)
    sentence_sizes = np.diff(sentences.indptr)
    found: dict[tuple[int, int], int] = {}  # (t, u) -> shingles they share
    for t, u in _candidates(index.evidence, np.arange(texts.shape[0])):
        shared = np.array(_shared(texts, t, u), dtype=np.int64)
        alike = 2 * shared >= np.minimum(sizes[t], sizes[u])
        found.update(zip(zip(t[alike].tolist(), u[alike].tolist(), strict=True),
                         shared[alike].tolist(), strict=True))
    owner = index.sentence_text
    more: set[tuple[int, int]] = set()
    for x, y in _candidates(index.sentence_evidence, owner):
        shared = np.array(_shared(sentences, x, y), dtype=np.int64)
        alike = 2 * shared >= np.maximum(np.minimum(sentence_sizes[x], sentence_sizes[y]), 1)
        more.update(zip(owner[x[alike]].tolist(), owner[y[alike]].tolist(), strict=True))
    rest = sorted(more.difference(found))
    found.update(zip(rest, _shared(texts, np.array([t for t, _ in rest], dtype=np.int64),
                                   np.array([u for _, u in rest], dtype=np.int64)),
                     strict=True))
    # The score (Jaccard) is how alike the whole paragraphs are, so only a
    # paragraph repeated as a whole reaches VERBATIM.
    return [(t, u, round(shared / (int(sizes[t]) + int(sizes[u]) - shared), 3))
            for (t, u), shared in found.items()]


def is_verbatim(crossref: CrossRef) -> bool:
    """A duplicate whose texts are the same but for case and punctuation."""
    return crossref.kind == "duplicate" and crossref.score >= VERBATIM


def related(fact_support: list[list[Ref]], duplicates: list[CrossRef]) -> list[CrossRef]:
    """Paragraph pairs from different articles that support the same fact."""
    # Pairs are keyed by plain strings: tuples of str hash in C, Refs in Python.
    known: set[tuple[str, str, str, str]] = set()
    for c in duplicates:
        source, target = (c.source.article, c.source.paragraph), (c.target.article,
                                                                   c.target.paragraph)
        known.update((source + target, target + source))
    scores: dict[tuple[str, str, str, str], list] = {}
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
                    key = (a.article, a.paragraph, b.article, b.paragraph)
                    if key in scores:
                        scores[key][2] += 1
                    else:
                        scores[key] = [a, b, 1]
    # Sorted by key: the order of (Ref, Ref), as Refs compare by article, then paragraph.
    return [CrossRef(a, b, "related", float(n)) for key, (a, b, n) in sorted(scores.items())
            if key not in known]
