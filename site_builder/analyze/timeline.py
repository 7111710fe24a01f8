"""Dated events: sentences with a date at least as precise as a month, in date order."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from ..dates import EARLIEST_YEAR, LATEST_YEAR, DateMention
from ..models import Article, Ref, TimelineEvent
from .sentences import Sentence, synonym_stems


def resolve_weekday(mention: DateMention, published: str | None) -> str | None:
    """ISO date of "on Tuesday" / "this Friday" relative to the article's publication date."""
    if mention.weekday is None or not published:
        return None
    try:
        base = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    if not EARLIEST_YEAR <= base.year <= LATEST_YEAR:
        return None  # a placeholder ("0001-01-01") dates nothing, and would overflow
    word = mention.text.lower().split()[0]
    try:  # a day before 0001-01-01 or after 9999-12-31 is no date at all
        if word in ("this", "next", "by", "until"):
            ahead = (mention.weekday - base.weekday()) % 7
            day = base + dt.timedelta(days=ahead or (7 if word == "next" else 0))
        else:  # "on Tuesday", "last Tuesday": the most recent one
            day = base - dt.timedelta(days=(base.weekday() - mention.weekday) % 7)
    except OverflowError:
        return None
    return day.isoformat()


# A clock time in the text: "6:46 AM", "3 p.m.", "14:30".
_CLOCK = re.compile(r"\b(?:(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s?([ap])\.?m\b\.?"
                    r"|([01]?\d|2[0-3]):([0-5]\d)\b(?!\s?[ap]\.?m))", re.IGNORECASE)


def time_of_day(text: str) -> str | None:
    """The first clock time a sentence states, as HH:MM (24-hour), else None."""
    match = _CLOCK.search(text)
    if not match:
        return None
    hour, minute, half, hour24, minute24 = match.groups()
    if hour24 is not None:
        return f"{int(hour24):02d}:{minute24}"
    value = int(hour) % 12 + (12 if half.lower() == "p" else 0)
    return f"{value:02d}:{minute or '00'}"


def build_timeline(sentences: list[Sentence], articles: list[Article],
                   fact_of: dict[int, str], statements: dict[str, str]) -> list[TimelineEvent]:
    """Group dated sentences by date and fact; each event keeps every supporting paragraph."""
    events: dict[tuple[str, str], list[Ref]] = defaultdict(list)
    texts: dict[tuple[str, str], str] = {}
    for s in sentences:
        published = articles[s.article_index].published
        for d in s.dates:
            iso = resolve_weekday(d, published) if d.weekday is not None else d.iso
            if not iso or len(iso) < 7:
                continue  # a bare year is a context, not an event
            if len(iso) == 10 and (clock := time_of_day(s.text)):
                iso = f"{iso}T{clock}"
            fact = fact_of.get(s.index)
            key = (iso, fact or f"s{s.index}")
            texts.setdefault(key, statements.get(fact, s.text) if fact else s.text)
            if s.ref not in events[key]:
                events[key].append(s.ref)
    # One day's reports are merged whatever time of day they give.
    by_day: dict[str, list[TimelineEvent]] = defaultdict(list)
    for (iso, k), refs in sorted(events.items(), key=lambda kv: (kv[0][0], texts[kv[0]])):
        by_day[iso[:10]].append(TimelineEvent(date=iso, text=texts[(iso, k)], support=refs))
    # A sentence's stems are those of its text: only other statements are stemmed again.
    stems = {s.text: s.stems for s in sentences}
    return [event for day in sorted(by_day)
            for event in sorted(_merge_same_day(by_day[day], stems),
                                key=lambda e: (e.date, e.text))]


# Share of content words two reports of one day need in common to be one event.
SAME_EVENT = 0.25


def _merge_same_day(events: list[TimelineEvent],
                    known: dict[str, frozenset[str]] | None = None) -> list[TimelineEvent]:
    """Reports of the same day that say the same thing in other words become one event,
    told in the words of the best-supported report (`known`: `synonym_stems` of texts
    already stemmed)."""
    merged: list[tuple[frozenset[str], TimelineEvent]] = []
    for event in sorted(events, key=lambda e: (-len(e.support), e.text)):
        stems = known.get(event.text) if known else None
        if stems is None:
            stems = synonym_stems(event.text)
        for i, (seen, kept) in enumerate(merged):
            if len(stems & seen) / max(len(stems | seen), 1) >= SAME_EVENT:
                support = kept.support + [r for r in event.support if r not in kept.support]
                merged[i] = (seen | stems, TimelineEvent(kept.date, kept.text, support))
                break
        else:
            merged.append((stems, event))
    return [event for _, event in merged]
