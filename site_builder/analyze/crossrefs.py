"""Cross-references between paragraphs: near-duplicates by shingles, related by shared facts."""

from __future__ import annotations

import zlib
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Set
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from ..models import Article, CrossRef, Ref
from ..pipeline import Runner, Stage
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


def _containment(a: Set[int], b: Set[int]) -> float:
    return len(a & b) / max(min(len(a), len(b)), 1)


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


@dataclass(slots=True)
class _Index:
    """Distinct paragraph texts, and postings of the shingles that are evidence: those
    in at most ~sqrt(n) paragraphs. Texts are numbered in order of first appearance."""

    texts: list[_Text]
    paragraphs: dict[int, list[int]]  # shingle -> texts holding it, ascending
    sentences: dict[int, list[int]]  # shingle -> sentences holding it, ascending
    sentence_sets: list[frozenset[int]]
    sentence_text: list[int]  # sentence -> its text
    repeated: list[bool]  # per text: would two copies of it be duplicates of each other?


def _index(texts: list[_Text], copies: list[int]) -> _Index:
    limit = max(20, int(sum(copies) ** 0.5))
    postings: dict[int, list[int]] = defaultdict(list)
    for t, (shingles, _) in enumerate(texts):
        for h in shingles:
            postings[h].append(t)
    paragraphs = {h: plist for h, plist in postings.items()
                  if sum(copies[t] for t in plist) <= limit}
    sentence_sets: list[frozenset[int]] = []
    sentence_text: list[int] = []
    sentences: dict[int, list[int]] = defaultdict(list)
    repeated = []
    for t, (shingles, sets) in enumerate(texts):
        evidence = [sum(1 for h in shingles if h in paragraphs)]
        for sentence in sets:
            evidence.append(0)
            for h in sentence:
                if h in paragraphs:
                    sentences[h].append(len(sentence_sets))
                    evidence[-1] += 1
            sentence_sets.append(sentence)
            sentence_text.append(t)
        repeated.append(max(evidence) >= 2)
    return _Index(texts, paragraphs, dict(sentences), sentence_sets, sentence_text, repeated)


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
    units = [u for group in groups for u in group]
    number: dict[_Text, int] = {}
    text_of = [number.setdefault((frozenset(shingles), tuple(sets)), len(number))
               for _, shingles, sets in units]
    texts = list(number)
    copies = [0] * len(texts)
    for t in text_of:
        copies[t] += 1
    index = _index(texts, copies)
    # Scanned in this process: a forked worker would hold (and be counted with) a copy
    # of this process at its largest, the index and every article with it.
    found = _scan(index)
    _shingles.cache_clear()  # the rest of the build (and the processes it forks) needs none
    return _paragraph_links(units, text_of, index.repeated, found)


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
    found: list[CrossRef] = []
    for i, (ref, _, _) in enumerate(units):
        best: list[tuple[float, int]] = []
        for negative, t in alike[text_of[i]]:
            if len(best) >= MAX_LINKS and negative > best[MAX_LINKS - 1][0]:
                break  # every later text is less alike than the links already found
            later = holders[t]
            first = bisect_right(later, i)
            best.extend((negative, j) for j in later[first : first + MAX_LINKS])
            best.sort()
        found.extend(CrossRef(ref, units[j][0], "duplicate", -negative)
                     for negative, j in best[:MAX_LINKS])
    return found


def _later(postings: dict[int, list[int]], shingles: Iterable[int], after: int) -> Counter[int]:
    """How many of `shingles` each item numbered above `after` holds (counted in C)."""
    return Counter(chain.from_iterable(
        plist[bisect_right(plist, after):] for h in shingles
        if (plist := postings.get(h)) is not None))


def _scan(index: _Index) -> list[tuple[int, int, float]]:
    """Pairs of distinct texts (t, u > t) that are duplicates, with their Jaccard score."""
    texts = index.texts
    found: list[tuple[int, int, float]] = []
    first_sentence = 0
    for t in range(len(texts)):
        shingles = texts[t][0]
        matches: dict[int, int] = {}  # text -> shingles it shares with text t
        for u, hits in _later(index.paragraphs, shingles, t).items():
            if hits >= 2:
                shared = len(shingles & texts[u][0])
                if shared >= DUPLICATE * min(len(shingles), len(texts[u][0])):
                    matches[u] = shared
        # One sentence repeated inside a longer paragraph still makes the pair a duplicate.
        last_sentence = bisect_right(index.sentence_text, t, lo=first_sentence)
        for x in range(first_sentence, last_sentence):
            own = index.sentence_sets[x]
            for y, hits in _later(index.sentences, own, last_sentence - 1).items():
                u = index.sentence_text[y]
                if hits >= 2 and u not in matches and \
                        _containment(own, index.sentence_sets[y]) >= DUPLICATE:
                    matches[u] = len(shingles & texts[u][0])
        first_sentence = last_sentence
        # The score (Jaccard) is how alike the whole paragraphs are, so only a
        # paragraph repeated as a whole reaches VERBATIM.
        found.extend((t, u, round(shared / (len(shingles) + len(texts[u][0]) - shared), 3))
                     for u, shared in matches.items())
    return found


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
