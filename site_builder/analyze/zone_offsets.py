"""A local time and its GMT given together ("at 8:06 a.m. (03:36 GMT)"): two outlets whose
pairs put the story's place in different time zones have one of their times wrong.

A pair fixes the offset of the place's clock from GMT (local minus GMT, within a day).
One place keeps one offset through a story, so pairs told of one place (a named topic
in common) by two outlets whose offsets differ by half an hour or more (the smallest
step between real zones is a quarter hour; a hedged local time, "just after 8am", is
allowed a few minutes) cannot both hold. Pairs are grouped by offset and matched through
the topics they name, never compared all-pairs.

A time another outlet gives in GMT alone ("the quake hit at about 8 a.m. GMT") that is
a pair's local time of the same event (one event noun, a topic both articles name) and
half an hour or more from the pair's GMT is the local time labelled GMT, or a wrong
conversion: one of the two is wrong. Pairs are looked up by topic and event noun.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Article, Claim, Disagreement
from .entities import EVENT_HEADS
from .sentences import Sentence

ClaimMaker = Callable[[str, list[Sentence], list[Article]], Claim]

# A local clock time, a few words (a day) and its GMT or UTC in brackets right after:
# "7:58 a.m. on Wednesday (2358 GMT Tuesday)", "just after 8am on Sunday (02:30 GMT)".
# The zone may come first and the GMT time be told by the half day: "(UTC 6.02 p.m.)".
_PAIR = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?:(?P<half>[ap])\.?m\b\.?)?"
    r"(?P<between>[^()\d]{0,40}?)\(\s*(?P<zone>(?:GMT|UTC)\s+)?(?P<gh>[01]?\d|2[0-3])[:.]?"
    r"(?P<gm>[0-5]\d)\s*(?:(?P<ghalf>[ap])\.?m\b\.?\s*)?(?(zone)|(?:GMT|UTC)\b)[^()]{0,20}\)")
# A time given in GMT or UTC alone, outside brackets: "at about 8 a.m. GMT".
_BARE_GMT = re.compile(
    r"(?<![\d:.(])(?P<hedge>(?:about|around|approximately|roughly)\s+)?(?:at\s+)?"
    r"(?P<h>[01]?\d|2[0-3])(?:[:.]?(?P<m>[0-5]\d))?\s*(?:(?P<half>[ap])\.?m\b\.?\s*)?"
    r"(?:GMT|UTC)\b")
# Offsets this far apart are two zones, not a hedged minute or two.
_APART = 30
_DAY = 24 * 60


@dataclass(frozen=True)
class _Pair:
    sentence: Sentence
    text: str
    offset: int  # local minus GMT, minutes, in (-12 h, +12 h]
    local: int = 0  # minutes after midnight, local time
    events: frozenset[str] = frozenset()  # the event nouns the sentence names


# Words for one quake (a closed class), read as "quake".
_QUAKE_WORDS = frozenset({"earthquake", "quake", "tremor", "temblor"})


def _events(text: str) -> frozenset[str]:
    """The nouns of one-off events a text names, a quake's words read as "quake"."""
    return frozenset("quake" if w in _QUAKE_WORDS else w
                     for w in re.findall(r"[a-z]+", text.lower())
                     if w in EVENT_HEADS or w in _QUAKE_WORDS)


def _clock(m: re.Match[str]) -> int | None:
    """Minutes after midnight of a matched clock time ("h", "m", "half" groups), or None
    for a bare number or an impossible hour."""
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    if m.group("half"):
        if hour > 12 or hour == 0:
            return None
        return (hour % 12 + (12 if m.group("half") == "p" else 0)) * 60 + minute
    return None if m.group("m") is None else hour * 60 + minute


def _gives_gmt(text: str) -> bool:
    """Whether a text names GMT or UTC at all: both patterns need one, and most sentences
    have neither (a plain test is far cheaper than either pattern's search)."""
    return "GMT" in text or "UTC" in text


def _pairs(s: Sentence) -> list[_Pair]:
    found = []
    if not _gives_gmt(s.text):
        return found
    for m in _PAIR.finditer(s.text):
        local = _clock(m)
        if local is None or re.search(r"[;,.]\s|\b(?:and|or|to|until)\b", m.group("between")):
            continue  # no clock time, or the bracket belongs to another clause or time
        gmt = int(m.group("gh")) % (12 if m.group("ghalf") else 24) * 60 + int(m.group("gm"))
        if m.group("ghalf") == "p":
            gmt += 12 * 60
        offset = (local - gmt) % _DAY
        if offset > _DAY // 2:
            offset -= _DAY
        found.append(_Pair(s, m.group().strip(), offset, local, _events(s.text)))
    return found


@dataclass(frozen=True)
class _Bare:
    sentence: Sentence
    text: str
    low: int  # minutes after midnight, GMT, the hedge allowed
    high: int
    event: str  # the event noun of the clause, read as in `_events`


def _bare_times(s: Sentence) -> list[_Bare]:
    """Times a sentence gives in GMT alone, each with the event noun of its clause."""
    found = []
    if not _gives_gmt(s.text):
        return found
    for m in _BARE_GMT.finditer(s.text):
        at = _clock(m)
        if at is None:
            continue
        clause = re.split(r"[;.]\s", s.text[:m.start()])[-1]
        events = [w for w in re.findall(r"[a-z]+", clause.lower())
                  if w in EVENT_HEADS or w in _QUAKE_WORDS]
        if not events:
            continue
        spread = 20 if m.group("hedge") else 2
        found.append(_Bare(s, m.group().strip(), at - spread, at + spread,
                           "quake" if events[-1] in _QUAKE_WORDS else events[-1]))
    return found


def _mislabelled(pairs: list[_Pair], sentences: list[Sentence], articles: list[Article],
                 claim: ClaimMaker) -> list[Disagreement]:
    """A time one outlet gives as GMT that is another outlet's local time of the same event
    (the two articles name one topic, the two sentences one event noun) and half an hour
    or more from that outlet's GMT for it: the local time labelled GMT by mistake, or a
    wrong conversion."""
    if not pairs:
        return []
    named: dict[str, set[str]] = {}  # article -> the topics it names
    for s in sentences:
        named.setdefault(s.ref.article, set()).update(s.topics)
    by_key: dict[tuple[str, str], list[_Pair]] = {}
    for p in pairs:
        for topic in named[p.sentence.ref.article]:
            for event in p.events:
                by_key.setdefault((topic, event), []).append(p)
    # (the pair, the bare time as written) -> the pair and the sentences giving that time
    clashes: dict[tuple[int, str], tuple[_Pair, list[Sentence]]] = {}
    for s in sentences:
        for bare in _bare_times(s):
            told = {p.sentence.index: p for topic in sorted(named[s.ref.article])
                    for p in by_key.get((topic, bare.event), ())
                    if p.sentence.ref.article != s.ref.article}
            clash = next((p for _, p in sorted(told.items()) if bare.low <= p.local <= bare.high
                          and _apart(bare, (p.local - p.offset) % _DAY)), None)
            if clash is not None:
                key = (clash.sentence.index, bare.text)
                clashes.setdefault(key, (clash, []))[1].append(s)
    return [Disagreement("the local time against GMT", [
        claim(pair.text, [pair.sentence], articles), claim(text, said, articles)],
        kind="contradicts") for (_, text), (pair, said) in sorted(clashes.items())]


def _apart(bare: _Bare, gmt: int) -> bool:
    """Is a GMT time half an hour or more outside what a bare time allows (across midnight)?"""
    centre, half = (bare.low + bare.high) // 2, (bare.high - bare.low) // 2
    return min(abs(gmt + shift - centre) for shift in (-_DAY, 0, _DAY)) - half >= _APART


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
    return rows + _mislabelled(pairs, sentences, articles, claim)
