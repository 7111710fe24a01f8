"""The part-of-day and clock-time rows find their clashes through an index; these tests
hold the index to the plain definition of a clash, compared pair by pair, on random
tellings."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.analyze.attributions import _EVENT_NOUNS, _Clock, _clock_partners, _noun_class
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


def _clock_one_event(a: _Clock, b: _Clock) -> bool:
    """The clock rule as the module states it, for two times."""
    same_noun = _noun_class(a.noun) == _noun_class(b.noun)
    nouns_fit = same_noun or not ({a.noun, b.noun} & _EVENT_NOUNS)
    unnamed = (a.definite and not a.sentence.topics) or (b.definite and not b.sentence.topics)
    return nouns_fit and (bool(a.sentence.topics & b.sentence.topics) or (
        unnamed and same_noun)) and not (a.day and b.day and a.day != b.day)


def _closed_overlap(a: _Clock, b: _Clock) -> bool:
    return a.low <= b.high and b.low <= a.high


_clock = st.builds(
    lambda article, topics, low, length, noun, definite, day: _Clock(
        SimpleNamespace(ref=SimpleNamespace(article=article), topics=frozenset(topics)),
        noun, "at 4 p.m.", day, low, low + length, definite),
    st.sampled_from("abc"), st.sets(st.sampled_from(["Harbour", "Ridge"]), max_size=2),
    st.integers(0, 40), st.integers(0, 12),
    st.sampled_from([_EVENT_NOUN, "collision", "crash", "ship", "vessel"]),
    st.booleans(), st.sampled_from([None, (5, 3), (5, 4)]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_clock, max_size=12), st.lists(st.booleans(), min_size=12, max_size=12))
def test_the_index_finds_exactly_the_clock_clashes_of_the_pairwise_rule(clocks, pick):
    clashing = [any(a.sentence.ref.article != b.sentence.ref.article
                    and not _closed_overlap(a, b) and _clock_one_event(a, b) for b in clocks)
                for a in clocks]
    assert _clock_partners(clocks, clocks, overlapping=False) == clashing
    candidates = [c for c, p in zip(clocks, pick, strict=False) if p]
    assert _clock_partners(clocks, candidates, overlapping=True) == [
        any(_closed_overlap(c, x) and _clock_one_event(c, x) for x in candidates)
        for c in clocks]
