"""A local time and its GMT given together ("at 8:06 a.m. (03:36 GMT)"): two outlets whose
pairs put the story's place in different time zones have one of their times wrong.

A pair fixes the offset of the place's clock from GMT (local minus GMT, within a day).
One place keeps one offset through a story, so pairs told of one place (a named topic
in common) by two outlets whose offsets differ by half an hour or more (the smallest
step between real zones is a quarter hour; a hedged local time, "just after 8am", is
allowed a few minutes) cannot both hold. Pairs are grouped by offset and matched through
the topics they name, never compared all-pairs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Article, Claim, Disagreement
from .sentences import Sentence

ClaimMaker = Callable[[str, list[Sentence], list[Article]], Claim]

# A local clock time, a few words (a day) and its GMT or UTC in brackets right after:
# "7:58 a.m. on Wednesday (2358 GMT Tuesday)", "just after 8am on Sunday (02:30 GMT)".
_PAIR = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?:(?P<half>[ap])\.?m\b\.?)?"
    r"(?P<between>[^()\d]{0,40}?)\(\s*(?P<gh>[01]?\d|2[0-3])[:.]?(?P<gm>[0-5]\d)\s*"
    r"(?:GMT|UTC)\b[^()]{0,20}\)")
# Offsets this far apart are two zones, not a hedged minute or two.
_APART = 30
_DAY = 24 * 60


@dataclass(frozen=True)
class _Pair:
    sentence: Sentence
    text: str
    offset: int  # local minus GMT, minutes, in (-12 h, +12 h]


def _pairs(s: Sentence) -> list[_Pair]:
    found = []
    for m in _PAIR.finditer(s.text):
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        if m.group("half"):
            if hour > 12 or hour == 0:
                continue
            hour = hour % 12 + (12 if m.group("half") == "p" else 0)
        elif m.group("m") is None:
            continue  # a bare number, not a clock time
        if re.search(r"[;,.]\s|\b(?:and|or|to|until)\b", m.group("between")):
            continue  # the bracket belongs to another clause or time
        local = hour * 60 + minute
        gmt = int(m.group("gh")) * 60 + int(m.group("gm"))
        offset = (local - gmt) % _DAY
        if offset > _DAY // 2:
            offset -= _DAY
        found.append(_Pair(s, m.group().strip(), offset))
    return found


def zone_offset_rows(sentences: list[Sentence], articles: list[Article],
                     claim: ClaimMaker) -> list[Disagreement]:
    """Rows where two outlets' local-and-GMT pairs for one place give different zones."""
    pairs = [p for s in sentences for p in _pairs(s)]
    by_topic: dict[str, list[_Pair]] = {}
    for p in pairs:
        for topic in p.sentence.topics:
            by_topic.setdefault(topic, []).append(p)
    rows = []
    seen: set[frozenset[int]] = set()
    for topic in sorted(by_topic):
        told = sorted(by_topic[topic], key=lambda p: (p.offset, p.sentence.index))
        groups: list[list[_Pair]] = []
        for p in told:
            if groups and p.offset - groups[-1][-1].offset < _APART:
                groups[-1].append(p)
            else:
                groups.append([p])
        if len(groups) < 2:
            continue
        outlets = [{p.sentence.ref.article for p in g} for g in groups]
        if len(set().union(*outlets)) < 2:
            continue  # one outlet's own two zones: another place's time, more likely
        key = frozenset(p.sentence.index for p in told)
        if key in seen:
            continue
        seen.add(key)
        claims = [claim(g[0].text, [p.sentence for p in g], articles) for g in groups]
        rows.append(Disagreement("the local time against GMT", claims, kind="contradicts"))
    return rows
