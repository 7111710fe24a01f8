"""Which tellings of an event's time clash, found through an index, never pair by pair.

A telling (a part of a day, a clock time) has hours (`low`, `high`), maybe a stated day,
and the sentence and article it comes from. Two tellings clash when they come from two
articles, their hours cannot both hold and they tell one event. Whether two tellings may
tell one event is said by keys: each candidate is stored under some keys and each telling
looks under others (a topic it names, the kind of its noun...). Under one key candidates
are kept only by their hours, day and up to two articles, so the work grows with the
tellings and the distinct hours, not with pairs of tellings.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Protocol, TypeVar

from .sentences import Sentence


class Telling(Protocol):
    """What the index reads of a telling."""

    @property
    def sentence(self) -> Sentence: ...
    @property
    def low(self) -> int: ...
    @property
    def high(self) -> int: ...


T = TypeVar("T", bound=Telling)
_Slots = dict[tuple[int, int, Hashable], list[str]]


def partners(told: list[T], candidates: list[T], *, stored: Callable[[T], Iterable[Hashable]],
             looked: Callable[[T], Iterable[Hashable]], day: Callable[[T], Hashable],
             overlapping: bool, closed: bool = False) -> list[bool]:
    """For each telling, whether a candidate under one of the keys it looks at states no
    other day and has hours that overlap its own or, if not `overlapping`, hours that
    cannot both hold and another article (a clash). `closed`: hours that touch overlap."""
    index: dict[Hashable, _Slots] = {}
    for c in candidates:
        slot, article = (c.low, c.high, day(c)), c.sentence.ref.article
        for key in stored(c):
            seen = index.setdefault(key, {}).setdefault(slot, [])
            if len(seen) < 2 and article not in seen:
                seen.append(article)

    def fits(t: T, slots: _Slots) -> bool:
        own = day(t)
        return any(((t.low <= high and low <= t.high) if closed else
                    (t.low < high and low < t.high)) == overlapping
                   and not (own and other and own != other)
                   and (overlapping or any(a != t.sentence.ref.article for a in seen))
                   for (low, high, other), seen in slots.items())

    return [any(fits(t, index[key]) for key in looked(t) if key in index) for t in told]
