"""The near-duplicate search (sparse products) finds exactly what its definition says:
checked against a naive all-pairs reference on random small inputs."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.analyze.crossrefs import (
    DUPLICATE,
    MAX_LINKS,
    _index,
    _paragraph_links,
    _scan,
    _Sets,
    _shingles,
    near_duplicates,
)
from site_builder.models import Article, Paragraph, Ref
from site_builder.pipeline import Runner
from site_builder.text import split_sentences

# A small universe of shingles, so that random texts share many of them.
_shingle = st.integers(min_value=0, max_value=40)
_sentence = st.frozensets(_shingle, min_size=6, max_size=12)
# A paragraph holds its sentences' shingles and those across their boundaries.
_text = st.tuples(st.frozensets(_shingle, max_size=20),
                  st.lists(_sentence, max_size=3).map(tuple)).map(
    lambda drawn: (drawn[0].union(*drawn[1]), drawn[1]))


def _indexed(texts, copies):
    """`_index` of texts given as (paragraph shingles, its sentences' shingles)."""
    counts = np.array([len(sets) for _, sets in texts], dtype=np.int64)
    return _index(_Sets.of(shingles for shingles, _ in texts),
                  _Sets.of(s for _, sets in texts for s in sets), counts, copies)


def _naive(texts, copies):
    """All pairs, straight from the definition."""
    limit = max(20, int(sum(copies) ** 0.5))
    held: dict[int, int] = {}
    for t, (shingles, _) in enumerate(texts):
        for h in shingles:
            held[h] = held.get(h, 0) + copies[t]
    evidence = {h for h, n in held.items() if n <= limit}
    repeated = [max([len(s & evidence) for s in (shingles, *sets)]) >= 2
                for shingles, sets in texts]
    found = []
    for t, (a, a_sets) in enumerate(texts):
        for u in range(t + 1, len(texts)):
            b, b_sets = texts[u]
            whole = len(a & b & evidence) >= 2 and \
                len(a & b) >= DUPLICATE * min(len(a), len(b))
            part = any(len(x & y & evidence) >= 2 and
                       len(x & y) / max(min(len(x), len(y)), 1) >= DUPLICATE
                       for x in a_sets for y in b_sets)
            if whole or part:
                shared = len(a & b)
                found.append((t, u, round(shared / (len(a) + len(b) - shared), 3)))
    return repeated, found


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_text, st.integers(min_value=1, max_value=9)), min_size=1,
                max_size=14, unique_by=lambda item: item[0]))
def test_scan_finds_what_all_pairs_find(items):
    texts = [text for text, _ in items]
    copies = [n for _, n in items]
    index = _indexed(texts, copies)
    repeated, expected = _naive(texts, copies)
    assert index.repeated == repeated
    assert sorted(_scan(index)) == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=8),
       st.lists(st.integers(min_value=0, max_value=7), min_size=1, max_size=60),
       st.data())
def test_each_paragraph_links_to_its_closest_later_copies(count, text_of, data):
    count = max(count, max(text_of) + 1)
    repeated = data.draw(st.lists(st.booleans(), min_size=count, max_size=count))
    pairs = data.draw(st.lists(
        st.tuples(st.integers(0, count - 1), st.integers(0, count - 1),
                  st.sampled_from([0.5, 1.0])),
        max_size=12, unique_by=lambda p: (min(p[:2]), max(p[:2]))))
    pairs = [(min(t, u), max(t, u), s) for t, u, s in pairs if t != u]
    refs = [Ref(f"a{i}", "p1") for i in range(len(text_of))]
    score = {(t, t): 1.0 for t in range(count) if repeated[t]}
    for t, u, s in pairs:
        score[(t, u)] = score[(u, t)] = s
    expected = []
    for i, t in enumerate(text_of):
        later = sorted((-score[(t, text_of[j])], j) for j in range(i + 1, len(text_of))
                       if (t, text_of[j]) in score)
        expected += [(i, j, -negative) for negative, j in later[:MAX_LINKS]]
    links = _paragraph_links(refs, text_of, repeated, pairs)
    position = {ref: i for i, ref in enumerate(refs)}
    assert [(position[c.source], position[c.target], c.score) for c in links] == expected


# Sentences of eight words or more (six shingles and more), some sharing their words.
_SENTENCES = [
    "The river rose above the old stone bridge on Monday night.",
    "Rescue crews moved families from the low streets near the river.",
    "The old stone bridge was closed to traffic by the city council.",
    "Officials said the water would fall slowly over the coming days.",
    "Families from the low streets were moved to the school gym.",
    "The council said the bridge would stay closed for a week.",
    "Short one.",
]
_paragraph = st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3).map(" ".join)


def _articles(bodies: list[list[str]]) -> list[Article]:
    return [Article(f"a{n}", None, None, None, "2031-04-12", None, None,
                    [Paragraph(f"p-{i}", "p", text, text) for i, text in enumerate(body)])
            for n, body in enumerate(bodies)]


def _expected(articles: list[Article]) -> list:
    """The links straight from the definition: texts numbered by their sets of shingles."""
    refs, text_of, number = [], [], {}
    for article in articles:
        for p in article.paragraphs:
            sets = tuple(s for s in map(_shingles, split_sentences(p.text)) if len(s) >= 6)
            refs.append(Ref(article.slug, p.id))
            text_of.append(number.setdefault((_shingles(p.text), sets), len(number)))
    texts = list(number)
    copies = [text_of.count(t) for t in range(len(texts))]
    repeated, pairs = _naive(texts, copies)
    return _paragraph_links(refs, text_of, repeated, pairs)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_paragraph, min_size=1, max_size=4), min_size=1, max_size=8),
       st.data())
def test_articles_links_are_the_definitions_also_from_kept_shingles(bodies, data):
    """Texts told apart by their arrays' bytes are the texts the sets tell apart; shingles
    kept from the build before give the same links as shingling afresh."""
    runner = Runner.in_memory(1)
    articles = _articles(bodies)
    assert near_duplicates(articles, runner) == _expected(articles)
    runner.memos.rotate()
    edited = list(bodies)
    edited[data.draw(st.integers(0, len(bodies) - 1))] = data.draw(
        st.lists(_paragraph, min_size=1, max_size=4))
    articles = _articles(edited)
    assert near_duplicates(articles, runner) == _expected(articles)
