"""The part-of-day rows find their clashes through an index; these tests hold the index to
the plain definition of a clash, compared pair by pair, on random tellings."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.analyze.entities import EVENT_HEADS
from site_builder.analyze.part_of_day import _partners, _Told

_EVENT_NOUN = sorted(EVENT_HEADS)[0]


def _one_event(a: _Told, b: _Told) -> bool:
    """The rule as the module states it, for two tellings."""
    if a.date and b.date and a.date != b.date:
        return False
    if a.sentence.topics & b.sentence.topics:
        return True
    if a.named or b.named:
        return False
    if a.definite and b.definite and a.noun in EVENT_HEADS and b.noun in EVENT_HEADS:
        return True
    return (a.definite and not a.sentence.topics) or (b.definite and not b.sentence.topics)


def _overlap(a: _Told, b: _Told) -> bool:
    return a.low < b.high and b.low < a.high


_telling = st.builds(
    lambda article, topics, low, length, noun, definite, named, date: _Told(
        SimpleNamespace(ref=SimpleNamespace(article=article), topics=frozenset(topics)),
        noun, "struck", "on Monday night", low, low + length, definite, named, date),
    st.sampled_from("abc"), st.sets(st.sampled_from(["Harbour", "Ridge"]), max_size=2),
    st.integers(0, 40), st.integers(1, 12), st.sampled_from([_EVENT_NOUN, "pier"]),
    st.booleans(), st.booleans(), st.sampled_from(["", "3 May", "4 May"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_telling, max_size=12), st.lists(st.booleans(), min_size=12, max_size=12))
def test_the_index_finds_exactly_the_clashes_and_overlaps_of_the_pairwise_rule(told, pick):
    clashing = [any(a.sentence.ref.article != b.sentence.ref.article and not _overlap(a, b)
                    and _one_event(a, b) for b in told) for a in told]
    assert _partners(told, told, overlapping=False) == clashing
    candidates = [t for t, p in zip(told, pick, strict=False) if p]
    assert _partners(told, candidates, overlapping=True) == [
        any(_overlap(t, x) and _one_event(t, x) for x in candidates) for t in told]
