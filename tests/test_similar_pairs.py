"""The similar-sentence search (candidates by shared rare features, scored in chunks) finds
exactly what its definition says: checked against all pairs on random small inputs, with
chunks of every size."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.analyze import sentences as module
from site_builder.analyze.sentences import Sentence, cosine, similar_pairs
from site_builder.models import Ref

# A small universe, so that some features are held by more sentences than the cap allows.
_vector = st.dictionaries(st.sampled_from([f"f{i}" for i in range(8)]),
                          st.floats(min_value=0.05, max_value=3.0), min_size=1, max_size=4)


def _sentences(vectors: list[dict[str, float]]) -> list[Sentence]:
    made = []
    for i, raw in enumerate(vectors):
        norm = math.sqrt(sum(w * w for w in raw.values()))
        # Numbered out of order: pairs are keyed by `index`, lower first.
        made.append(Sentence(index=(7 * i) % 101, key=f"s{i}", ref=Ref("a", f"p{i}"),
                             article_index=0, paragraph_index=i, text=f"s{i}",
                             stems=frozenset(), mentions=[], values=[], dates=[],
                             vector={f: w / norm for f, w in raw.items()}))
    return made


def _naive(sentences: list[Sentence], threshold: float) -> dict[tuple[int, int], float]:
    """All pairs sharing a feature held by at most the cap, scoring the threshold."""
    limit = max(8, int(len(sentences) ** 0.5) * 2)
    held: dict[str, int] = {}
    for s in sentences:
        for f in s.vector:
            held[f] = held.get(f, 0) + 1
    found = {}
    for n, s in enumerate(sentences):
        for t in sentences[n + 1:]:
            rare = any(held[f] <= limit for f in s.vector.keys() & t.vector.keys())
            if rare and cosine(s, t) >= threshold:
                found[(min(s.index, t.index), max(s.index, t.index))] = cosine(s, t)
    return found


@pytest.mark.parametrize("chunk", [1, 3, 1 << 18])
@settings(max_examples=120, deadline=None)
@given(vectors=st.lists(_vector, min_size=0, max_size=40),
       threshold=st.sampled_from([0.3, 0.6, 0.95]))
def test_similar_pairs_are_the_definitions(chunk: int, vectors, threshold: float) -> None:
    sentences = _sentences(vectors)
    saved = module._CHUNK
    module._CHUNK = chunk
    try:
        found = similar_pairs(sentences, threshold)
    finally:
        module._CHUNK = saved
    assert found == _naive(sentences, threshold)
