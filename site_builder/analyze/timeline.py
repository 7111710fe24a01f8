"""Dated events: sentences with a date at least as precise as a month, in date order."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..dates import DateMention
from ..models import Article, Ref, TimelineEvent
from .sentences import Sentence


def resolve_weekday(mention: DateMention, published: str | None) -> str | None:
    """ISO date of "on Tuesday" / "this Friday" relative to the article's publication date."""
    if mention.weekday is None or not published:
        return None
    try:
        base = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    word = mention.text.lower().split()[0]
    if word in ("this", "next", "by", "until"):
        ahead = (mention.weekday - base.weekday()) % 7
        day = base + dt.timedelta(days=ahead or (7 if word == "next" else 0))
    else:  # "on Tuesday", "last Tuesday": the most recent one
        day = base - dt.timedelta(days=(base.weekday() - mention.weekday) % 7)
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
    return [TimelineEvent(date=iso, text=texts[(iso, k)], support=refs)
            for (iso, k), refs in sorted(events.items(), key=lambda kv: (kv[0][0], texts[kv[0]]))]
