"""Cross-references between paragraphs: near-duplicates by shingles, related by shared facts."""

from __future__ import annotations

import zlib
from bisect import bisect_right
from collections.abc import Iterable, Iterator
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


@dataclass(slots=True)
class _Sets:
    """Sets of shingles, each sorted, one after another in `flat`; `sizes`: their lengths."""

    flat: Any  # int64 array
    sizes: Any  # int64 array

    @classmethod
    def of(cls, sets: Iterable[frozenset[int]]) -> _Sets:
        """The sets, in order."""
        import numpy as np

        ordered = [sorted(x) for x in sets]
        sizes = np.fromiter(map(len, ordered), dtype=np.int64, count=len(ordered))
        flat = np.fromiter(chain.from_iterable(ordered), dtype=np.int64, count=int(sizes.sum()))
        return cls(flat, sizes)

    def take(self, chosen: Any) -> _Sets:
        """The sets numbered `chosen` (an int array), in that order."""
        import numpy as np

        sizes = self.sizes[chosen]
        starts = np.zeros(len(self.sizes), dtype=np.int64)
        np.cumsum(self.sizes[:-1], out=starts[1:])
        total = int(sizes.sum())
        # Each taken element's place in `flat`: its set's start, plus its place in the set.
        shift = np.repeat(starts[chosen] - (np.cumsum(sizes) - sizes), sizes)
        return _Sets(self.flat[np.arange(total, dtype=np.int64) + shift], sizes)


@dataclass(slots=True)
class _Units:
    """An article's body paragraphs for the near-duplicate search, as compact arrays
    (kept between builds: a few arrays load much faster than thousands of sets).

    Per paragraph, its set of shingles, then the sets of its sentences of six shingles
    or more, in order, in `sets`; `sentences`: how many sentence sets follow each."""

    refs: list[Ref]
    sets: _Sets
    sentences: Any  # int64 array, one per paragraph


def _article_units(article: Article) -> _Units:
    import numpy as np

    refs: list[Ref] = []
    sets: list[frozenset[int]] = []
    counts: list[int] = []
    for p in article.paragraphs:
        if p.kind in ("p", "li"):
            sentences = [s for s in map(_shingles, split_sentences(p.text)) if len(s) >= 6]
            refs.append(Ref(article.slug, p.id))
            sets.append(_shingles(p.text))
            sets.extend(sentences)
            counts.append(len(sentences))
    return _Units(refs, _Sets.of(sets), np.array(counts, dtype=np.int64))


# A paragraph's shingles and its sentences' shingles.
# Shingles of each paragraph and sentence, kept between builds per article.
SHINGLES = Stage("shingles", _article_units, version=2, key=article_key)
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


def _rows(sets: _Sets, hashes: Any) -> Any:
    """A csr 0/1 matrix, one row per set of shingles; a shingle's column is its place in
    `hashes` (sorted)."""
    import numpy as np
    from scipy import sparse

    indptr = np.zeros(len(sets.sizes) + 1, dtype=np.int64)
    np.cumsum(sets.sizes, out=indptr[1:])
    cols = np.searchsorted(hashes, sets.flat)
    matrix = sparse.csr_matrix((np.ones(len(cols), dtype=np.int32), cols, indptr),
                               shape=(len(sets.sizes), len(hashes)))
    matrix.sort_indices()
    return matrix


def _index(paragraphs: _Sets, sentence_sets: _Sets, counts: Any, copies: list[int]) -> _Index:
    """The index of distinct texts: each text's shingles (`paragraphs`), its sentences'
    (`sentence_sets`, `counts[t]` of them for text t, in text order) and its copies."""
    import numpy as np

    limit = max(20, int(sum(copies) ** 0.5))
    texts = len(paragraphs.sizes)
    sentence_text = np.repeat(np.arange(texts), counts)
    hashes = np.unique(np.concatenate([paragraphs.flat, sentence_sets.flat]))
    whole = _rows(paragraphs, hashes)
    # Copies of the texts holding each shingle (a sentence's own shingles are not counted).
    held = np.asarray(whole.T @ np.array(copies, dtype=np.int64)).ravel()
    keep = np.flatnonzero((held > 0) & (held <= limit))
    evidence = whole[:, keep]
    sentences = _rows(sentence_sets, hashes)
    sentence_evidence = sentences[:, keep]
    # A text is repeated when it, or one of its sentences, holds two evidence shingles.
    most = np.asarray(evidence.sum(axis=1), dtype=np.int64).ravel()
    if len(sentence_sets.sizes):
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
    units = runner.map(SHINGLES, articles)
    with collector_paused():  # hundreds of thousands of tuples and links, in no cycle
        found = _near_duplicates(units)
    _shingles.cache_clear()  # the rest of the build (and the processes it forks) needs none
    return found


def _near_duplicates(units: list[_Units]) -> list[CrossRef]:
    import numpy as np

    refs = [ref for unit in units for ref in unit.refs]
    if not refs:
        return []
    sets = _Sets(np.concatenate([unit.sets.flat for unit in units]),
                 np.concatenate([unit.sets.sizes for unit in units]))
    counts = np.concatenate([unit.sentences for unit in units])
    # Each paragraph's first set, and where its sets' shingles start and end in `flat`.
    first = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1] + 1, out=first[1:])
    ends = np.cumsum(sets.sizes)
    starts = ends - sets.sizes
    flat = sets.flat
    # Paragraphs with the same shingles and the same sentences' shingles are one text:
    # each set is sorted, so equal sets have equal bytes (and their sizes tell them apart).
    number: dict[tuple[bytes, bytes], int] = {}
    text_of = [number.setdefault(
        (flat[starts[a]:ends[b - 1]].tobytes(), sets.sizes[a:b].tobytes()), len(number))
        for a, b in zip(first.tolist(), (first + counts + 1).tolist(), strict=True)]
    texts = len(number)
    copies = [0] * texts
    for t in text_of:
        copies[t] += 1
    # Each text's first paragraph stands for it.
    shown = np.zeros(texts, dtype=np.int64)
    shown[np.array(text_of[::-1], dtype=np.int64)] = np.arange(len(text_of) - 1, -1, -1)
    lengths = counts[shown]
    chosen = np.repeat(first[shown] + 1 - np.concatenate([[0], np.cumsum(lengths)[:-1]]),
                       lengths) + np.arange(int(lengths.sum()), dtype=np.int64)
    index = _index(sets.take(first[shown]), sets.take(chosen), lengths, copies)
    # Scanned in this process: a forked worker would hold (and be counted with) a copy
    # of this process at its largest, the index and every article with it.
    return _paragraph_links(refs, text_of, index.repeated, _scan(index))


def _paragraph_links(refs: list[Ref], text_of: list[int], repeated: list[bool],
                     pairs: list[tuple[int, int, float]]) -> list[CrossRef]:
    """Expand duplicate texts to their paragraphs (`refs`): each paragraph links to at
    most MAX_LINKS later ones, the closest first (a paragraph syndicated to hundreds of
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
    # Pairs already linked as duplicates (either way round) are left out: the duplicates
    # are many more than these pairs, so each is looked up here rather than all kept.
    known: set[tuple[str, str, str, str]] = set()
    for c in duplicates:
        source, target = c.source, c.target
        for key in ((source.article, source.paragraph, target.article, target.paragraph),
                    (target.article, target.paragraph, source.article, source.paragraph)):
            if key in scores:
                known.add(key)
    # Sorted by key: the order of (Ref, Ref), as Refs compare by article, then paragraph.
    return [CrossRef(a, b, "related", float(n)) for key, (a, b, n) in sorted(scores.items())
            if key not in known]
