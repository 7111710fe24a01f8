"""Sentences: the unit that carries claims. Each knows its paragraph (the provenance)."""

from __future__ import annotations

import hashlib
import math
import pickle
import re
from collections import Counter
from collections.abc import Callable, Container, Hashable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain
from typing import Any, TypeVar

from ..dates import DateMention, find_dates
from ..memo import stable_hash
from ..models import Article, Ref
from ..pipeline import Runner, Stage
from ..text import content_stems, has_words, normalise, split_sentences, words
from .entities import Mention, find_mentions
from .frames import Figure, find_figures

# Near-synonyms of news prose share one feature, so that "send", "ship" and
# "export" sentences about the same transfer can meet. General English, not
# tied to any story.
_SYNONYMS = {
    "transfer": "send ship shipment export supply deliv provid dispatch transfer sent",
    "allow": "allow permit enabl let",
    "ban": "ban prohibit forbid bar",
    "chang": "chang revis amend modifi adjust updat eas shift relax",
    "rule": "rule guidelin law regul polici",
    "announc": "announc declar unveil",
    "request": "request ask",
    "missil": "missil interceptor",
    "make": "make manufactur produc build",
}
_SYNONYM_OF = {word: group for group, members in _SYNONYMS.items() for word in members.split()}


def synonym_stems(text: str) -> frozenset[str]:
    """Content stems with near-synonyms folded together."""
    return frozenset(_SYNONYM_OF.get(s, s) for s in content_stems(text))


@dataclass(slots=True)
class Sentence:
    index: int
    key: str  # the sentence's words, normalised: equal keys are the same sentence
    ref: Ref
    article_index: int
    paragraph_index: int  # position of the paragraph in its article
    text: str
    stems: frozenset[str]
    mentions: list[Mention]
    values: list[Figure]  # the sentence's figures, read as frames
    dates: list[DateMention]
    topics: set[str] = field(default_factory=set)  # topic keys, filled by topic resolution
    vector: dict[str, float] = field(default_factory=dict)
    # A hash of the text and its features as this build has them: equal forms read alike.
    form: str = ""


R = TypeVar("R")


def per_form(sentences: Iterable[Sentence], extract: Callable[[Sentence], R],
             extra: Callable[[Sentence], Hashable] | None = None
             ) -> Iterator[tuple[Sentence, R]]:
    """`(s, extract(s))` for each sentence, `extract` called once per form of a sentence.

    A form is one text with its feature objects (copies of a text in articles of one
    year share them: see `build_sentences`) and `extra(s)`, when a finder reads more of
    the sentence's context. `extract` must read only the text, the features and the
    topics (which follow from the mentions), never where the sentence stands (index,
    ref, article): wire copy repeats each sentence in many articles, and a corpus-wide
    finder then reads each once. Results are shared between copies: only read them.

    The analysis' sentences (a `readings.SentenceList`) may carry the store of the
    finders' readings kept between builds: `extract` is then called only for forms it
    has not read in the last build (see readings.py).
    """
    readings = getattr(sentences, "readings", None)
    if readings is not None and readings.keeps(extract, extra):
        yield from readings.each(sentences, extract, extra)
        return
    done: dict[tuple, R] = {}
    for s in sentences:
        form = (s.text, id(s.mentions), id(s.values), id(s.dates),
                extra(s) if extra is not None else None)
        if form not in done:
            done[form] = extract(s)
        yield s, done[form]


def per_form_found(sentences: Iterable[Sentence], extract: Callable[[Sentence], R],
                   extra: Callable[[Sentence], Hashable] | None = None
                   ) -> Iterator[tuple[Sentence, R]]:
    """`per_form`, keeping only the sentences whose reading is not empty (falsy), in the
    same order: for a finder whose loop does nothing with an empty reading.

    With kept readings (see readings.py) each form is looked up once, not each copy, and
    a sentence whose form read nothing costs nothing (most forms read nothing).
    """
    readings = getattr(sentences, "readings", None)
    if readings is not None and extra is None and readings.keeps(extract, extra):
        yield from readings.found(sentences, extract)
        return
    for s, reading in per_form(sentences, extract, extra):
        if reading:
            yield s, reading


def watch_lookups(sentences: Iterable[Sentence], names: Any) -> None:
    """Have the sentences' kept readings (if they carry any) keep the readings of finders
    that look topics up only in `names` (see readings.TopicLookups), recording what
    each form asked."""
    readings = getattr(sentences, "readings", None)
    if readings is not None:
        readings.watch(names)


def rebound(items: Iterable[Any], s: Sentence) -> list[Any]:
    """Items a `per_form` extract made for another copy of `s`, each holding `s` as its
    `sentence` instead (frozen dataclasses with a `sentence` field)."""
    return [x if x.sentence is s else replace(x, sentence=s) for x in items]


def lower_vocabulary(articles: list[Article]) -> frozenset[str]:
    """Words the corpus uses in lower case: a capitalised one of these is no name."""
    vocab: set[str] = set()
    for article in articles:
        for paragraph in article.paragraphs:
            vocab.update(w for w in words(paragraph.text) if w.islower())
    return frozenset(vocab)


def story_year(articles: list[Article]) -> int | None:
    """The year the story happens in: most common publication year, else most cited year."""
    years = Counter(int(a.published[:4]) for a in articles
                    if a.published and a.published[:4].isdigit())
    if not years:
        for article in articles:
            for paragraph in article.paragraphs:
                years.update(d.year for d in find_dates(paragraph.text) if d.year)
    return max(years.items(), key=lambda kv: (kv[1], kv[0]))[0] if years else None


def build_sentences(articles: list[Article], fallback_year: int | None,
                    runner: Runner | None = None) -> list[Sentence]:
    """Split every body paragraph into sentences with stems, entities, values and dates.

    A sentence's features depend only on its text, the year its article is dated
    (given the corpus vocabulary), so they are computed once per distinct text and
    year (wire copy repeats sentences across many articles), in parallel, or taken
    from the runner's memo; sentences are numbered in article order. Sentences of
    the same text share their feature objects: they are read, never changed.
    """
    runner = runner or Runner.in_memory()
    parts = runner.map(PARTS, articles)
    placed: list[tuple[int, Article, int, str, int | None]] = []
    for a_index, (article, (split, _)) in enumerate(zip(articles, parts, strict=True)):
        year = int(article.published[:4]) if article.published and \
            article.published[:4].isdigit() else fallback_year
        placed.extend((a_index, article, p_index, text, year) for p_index, text in split)
    # The words the corpus uses in lower case (see `lower_vocabulary`).
    vocabulary = frozenset().union(*(lower for _, lower in parts))
    jobs = list(dict.fromkeys((text, year) for *_, text, year in placed))
    # A form's hash from the bytes its features were kept as: the same bytes as the last
    # build's for every text whose features were not computed again.
    blobs = runner.pickled(SENTENCES, jobs, lookups=vocabulary)
    found = {job: (pickle.loads(blob), _form(job[0], blob))
             for job, blob in zip(jobs, blobs, strict=True)}
    sentences = []
    for a_index, article, p_index, text, year in placed:
        (key, stems, mentions, values, dates), form = found[(text, year)]
        sentences.append(Sentence(
            index=len(sentences), key=key,
            ref=Ref(article.slug, article.paragraphs[p_index].id), article_index=a_index,
            paragraph_index=p_index, text=text, stems=stems, mentions=mentions,
            values=values, dates=dates, form=form))
    return sentences


def _form(text: str, features: bytes) -> str:
    encoded = text.encode()
    return hashlib.blake2b(len(encoded).to_bytes(8, "little") + encoded + features,
                           digest_size=16).hexdigest()


def article_key(article: Article) -> str:
    """A hash of what per-article analysis reads: slug, date and paragraphs."""
    return stable_hash(article.slug, article.published,
                       [(p.id, p.kind, p.text) for p in article.paragraphs])


def _article_split(article: Article) -> list[tuple[int, str]]:
    """The sentences of an article's body paragraphs: (paragraph position, text)."""
    return [(p_index, text) for p_index, paragraph in enumerate(article.paragraphs)
            if paragraph.kind in ("p", "li")
            for text in split_sentences(paragraph.text) if has_words(text, 3)]


def _article_parts(article: Article) -> tuple[list[tuple[int, str]], frozenset[str]]:
    """An article's sentences (`_article_split`) and the words it uses in lower case."""
    return _article_split(article), lower_vocabulary([article])


# Per article, kept between builds: its sentences, and its share of the lower-case words.
PARTS = Stage("article sentences", _article_parts, version=1, key=article_key)


_Features = tuple[str, frozenset[str], list[Mention], list[Figure], list[DateMention]]


def _sentence_features(job: tuple[str, int | None], lower_vocab: Container[str]) -> _Features:
    text, year = job
    return (normalise(text), synonym_stems(text), find_mentions(text, lower_vocab),
            find_figures(text), find_dates(text, year))


def _features_key(job: tuple[str, int | None]) -> tuple[str, int | None]:
    return job


# Features per distinct sentence text and year; words are looked up in the corpus'
# lower-case words.
SENTENCES = Stage("sentences", _sentence_features, version=2, key=_features_key,
                  lookups="lower-case words of the corpus", reserved=True)


def weigh(sentences: list[Sentence]) -> None:
    """Give each sentence a unit-length tf-idf vector over stems, topics and figures."""
    # Features are read once per form of a sentence, and counted once per copy.
    features = [feats for _, feats in per_form(sentences, _features)]
    copies: Counter[frozenset[str]] = Counter(features)
    df: Counter[str] = Counter()
    for feats, count in copies.items():
        for f in feats:
            df[f] += count
    n = max(len(sentences), 1)
    # Sentences with the same features (repeated copy) share one vector: it is only read.
    made: dict[frozenset[str], dict[str, float]] = {}
    for s, feats in zip(sentences, features, strict=True):
        if feats not in made:
            # Sorted: float sums must not depend on set order (which varies between processes).
            vector = {f: math.log(1 + n / df[f]) for f in sorted(feats)}
            norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
            made[feats] = {f: w / norm for f, w in vector.items()}
        s.vector = made[feats]


def _features(s: Sentence) -> frozenset[str]:
    """What a sentence's tf-idf vector is over: its stems, topics, figures and quotations
    (two outlets quoting the same words of a speaker report the same remark)."""
    return (frozenset(s.stems) | {f"@{t}" for t in s.topics} | {f"#{v.key}" for v in s.values}
            | {f"“{q}" for q in quoted_words(s.text)})


# A quotation in curly or straight double quotes, of three words or more.
_QUOTATION = re.compile(r"[“\"]([^“”\"]{3,200}?)[”\"]")


def quoted_words(text: str) -> set[str]:
    """The quotations of three words or more in `text`, each as its lower-case words."""
    found = set()
    for m in _QUOTATION.finditer(text):
        said = words(m.group(1).casefold())
        if len(said) >= 3:
            found.add(" ".join(said))
    return found


def cosine(a: Sentence, b: Sentence) -> float:
    """Dot product of two sentences' unit vectors (summed in the smaller one's feature order)."""
    small, large = (a.vector, b.vector) if len(a.vector) <= len(b.vector) else (b.vector, a.vector)
    return sum(w * large.get(f, 0.0) for f, w in small.items())


# How far a vectorised sum may be from `cosine`'s, and more: scores this close to the
# threshold are decided by `cosine` itself, so the pairs found never depend on rounding.
_ROUNDING = 1e-9
# Candidate pairs scored at a time (bounds the memory of the vectorised scoring).
_CHUNK = 1 << 18


def similar_pairs(sentences: list[Sentence], threshold: float) -> dict[tuple[int, int], float]:
    """Pairs of sentences (by `index`, lower first) with cosine >= threshold.

    Candidates are the pairs that share a feature held by at most ~2·sqrt(n)
    sentences (commoner features would make the search quadratic; they still count
    in the cosine). Candidates are found and scored with sparse matrix products; a
    pair that scores near or above the threshold is scored again by `cosine`, whose
    exact value is the one kept.
    """
    # Imported here: 0.4 s that a build with nothing to analyse should not pay.
    import numpy as np
    from scipy import sparse

    n = len(sentences)
    if n < 2:
        return {}
    limit = max(8, int(n ** 0.5) * 2)
    # Features numbered in order of first appearance; one entry per (sentence, feature).
    column: dict[str, int] = {}
    sizes = np.fromiter((len(s.vector) for s in sentences), dtype=np.int64, count=n)
    r = np.repeat(np.arange(n, dtype=np.int32), sizes)
    c = np.array([column.setdefault(f, len(column))
                  for f in chain.from_iterable(s.vector for s in sentences)], dtype=np.int32)
    weights = np.fromiter(chain.from_iterable(s.vector.values() for s in sentences),
                          dtype=np.float64, count=len(c))
    shape = (n, len(column))
    held_by = np.bincount(c, minlength=shape[1])
    rare = held_by[c] <= limit
    # Candidates, and the part of their dot product the rare features give (every weight
    # is positive, so each candidate has a nonzero entry).
    rare_vectors = sparse.csr_matrix((weights[rare], (r[rare], c[rare])), shape=shape)
    shared = sparse.triu(rare_vectors @ rare_vectors.T, k=1).tocoo()
    # The common features add at most the product of the two sentences' norms over them
    # (Cauchy-Schwarz): a pair that cannot reach the threshold even so is not scored.
    common = np.sqrt(np.bincount(r[~rare], weights=weights[~rare] ** 2, minlength=n))
    reach = shared.data + common[shared.row] * common[shared.col] >= threshold - _ROUNDING
    first, second = shared.row[reach], shared.col[reach]
    vectors = sparse.csr_matrix((weights, (r, c)), shape=shape)
    pairs: dict[tuple[int, int], float] = {}
    for start in range(0, len(first), _CHUNK):
        a, b = first[start:start + _CHUNK], second[start:start + _CHUNK]
        approx = np.asarray(vectors[a].multiply(vectors[b]).sum(axis=1)).ravel()
        for i, j in zip(a[approx >= threshold - _ROUNDING].tolist(),
                        b[approx >= threshold - _ROUNDING].tolist(), strict=True):
            s, t = sentences[i], sentences[j]
            score = cosine(s, t)
            if score >= threshold:
                pairs[(s.index, t.index) if s.index < t.index else (t.index, s.index)] = score
    return pairs
