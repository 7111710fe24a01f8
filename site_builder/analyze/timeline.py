"""Dated events: sentences with a date at least as precise as a month, in date order."""

from __future__ import annotations

import datetime as dt
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
            fact = fact_of.get(s.index)
            key = (iso, fact or f"s{s.index}")
            texts.setdefault(key, statements.get(fact, s.text) if fact else s.text)
            if s.ref not in events[key]:
                events[key].append(s.ref)
    by_date: dict[str, list[TimelineEvent]] = defaultdict(list)
    for (iso, k), refs in sorted(events.items(), key=lambda kv: (kv[0][0], texts[kv[0]])):
        by_date[iso].append(TimelineEvent(date=iso, text=texts[(iso, k)], support=refs))
    return [event for iso in sorted(by_date) for event in _merge_same_day(by_date[iso])]


# Share of content words two reports of one day need in common to be one event.
SAME_EVENT = 0.25


def _merge_same_day(events: list[TimelineEvent]) -> list[TimelineEvent]:
    """Reports of the same day that say the same thing in other words become one event,
    told in the words of the best-supported report."""
    merged: list[tuple[frozenset[str], TimelineEvent]] = []
    for event in sorted(events, key=lambda e: (-len(e.support), e.text)):
        stems = synonym_stems(event.text)
        for i, (seen, kept) in enumerate(merged):
            if len(stems & seen) / max(len(stems | seen), 1) >= SAME_EVENT:
                support = kept.support + [r for r in event.support if r not in kept.support]
                merged[i] = (seen | stems, TimelineEvent(kept.date, kept.text, support))
                break
        else:
            merged.append((stems, event))
    return [event for _, event in merged]
