"""When an event happened, told by the part of a day: "in the early hours of Monday" against
"late on Sunday night".

An event is a noun and a verb of something happening once ("the dams gave way", "the
levee failed", "the storm came ashore"); its time is a part of a named day in the same
clause, a weekday or a date, or a clock time on such a day ("at 11:40 p.m. on Friday",
an hour either side). Each claim becomes hours on a week (a date is read as its
weekday, with the year the text gives it), so a weekday and a date can be compared. Two
sources disagree when their hours cannot both hold. Claims are grouped by the event's
noun and verb, and matched within a group through an index, never compared all-pairs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..dates import MONTHS, WEEKDAYS
from ..models import Article, Claim, Disagreement
from ..text import stem
from .entities import EVENT_HEADS
from .sentences import Sentence, per_form_found, rebound
from .tellings import partners

ClaimMaker = Callable[[str, list[Sentence], list[Article]], Claim]

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:" + "|".join(sorted((m.capitalize() for m in MONTHS if len(m) > 3),
                                  key=len, reverse=True)) + r")"
_DAY = rf"(?:(?P<weekday>{_WEEKDAY})|(?P<date>\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}))"
# Hours of a day each part covers. Night runs to midnight: the hours after it are the
# next day's "early hours"; a morning is taken whole, from midnight, so that it never
# clashes with the early hours.
_HOURS = {"early": (0, 6), "morning": (0, 12), "afternoon": (12, 18), "evening": (17, 24),
          "night": (18, 24), "late night": (21, 24)}
_PARTS = [
    # "in the early hours of Monday", "before dawn on 3 May"
    (re.compile(r"\b(?:in\s+the\s+(?:early|small|wee)\s+hours\s+of|before\s+dawn\s+on|"
                rf"just\s+after\s+midnight\s+on)\s+(?:the\s+)?{_DAY}\b"), "early"),
    # "late on Sunday night", "that same Sunday night", "on Tuesday afternoon"
    (re.compile(r"\b(?P<late>late\s+)?(?:on\s+)?(?:that\s+(?:same\s+)?)?"
                rf"{_DAY}\s+(?P<part>morning|afternoon|evening|night)\b"), ""),
    # "on the night of 10 September"
    (re.compile(r"\b(?:on\s+)?the\s+(?P<part>morning|afternoon|evening|night)\s+of\s+"
                rf"(?:the\s+)?{_DAY}\b"), ""),
]
# A clock time with its day ("at 11:40 p.m. on Friday", "at about 2am on 3 May"): the hour
# it names, on the week; a time in a named zone other than the local one is left out.
_CLOCK_DAY = re.compile(r"\bat\s+(?P<hedge>about\s+|around\s+|approximately\s+)?"
                        r"(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<half>[ap])\.?m\b\.?"
                        r"(?:\s+local\s+time)?,?\s+(?:on\s+)?(?:the\s+)?" + _DAY + r"\b")
# A verb of something happening once, and what may come between its subject noun and it
# ("in the hills above the town").
_VERB = re.compile(r"\s+(?:(?:had|has)\s+)?(?P<verb>burst|gave way|gave out|failed|collapsed|"
                   r"breached|broke|struck|hit|shook|exploded|erupted|made landfall|came ashore|"
                   r"crashed|sank|capsized)\b")
# A relative clause's verb ("the blast, heard for miles, that shook the port"): its
# subject is the event's noun before it, with "the" and up to eight words between.
_RELATIVE = re.compile(r"\b(?:that|which)\s*$")
_ANTECEDENT = re.compile(r"\b[Tt]he\s+(?:[\w.-]+\s+){0,2}?(?P<noun>" +
                         "|".join(sorted(EVENT_HEADS)) + r")\b(?=(?:\s+[^\s,;]+){0,8}\s*$)")
_PLACE_PREPOSITIONS = ("in", "on", "at", "above", "below", "near", "of", "outside", "along",
                       "across", "upstream", "downstream")
_TO_VERB = re.compile(r"(?:\s+(?:" + "|".join(_PLACE_PREPOSITIONS) +
                      r")\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+){0,2}?")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# Words that open a subject ("the two dams", "both levees", "its 3 reactors").
_DETERMINERS = frozenset("""
the a an both two three four five several its their his her all these those
""".split())
_PREPOSITION_WORDS = frozenset(_PLACE_PREPOSITIONS) | {
    "to", "from", "by", "with", "into", "after", "before", "during", "over", "under"}
# Verbs that tell one happening: a dam that burst is a dam that failed; a boat that
# capsized, one that sank.
_VERB_CLASS = {"burst": "failed", "gave way": "failed", "gave out": "failed",
               "collapsed": "failed", "breached": "failed", "broke": "failed",
               "hit": "struck", "shook": "struck", "came ashore": "made landfall",
               "capsized": "sank"}
# Nouns that name one kind of event whichever is written.
_NOUN_CLASS = {"earthquake": "quake"}
# Words that are no event's noun, and words before a noun that make it one of several.
_NOT_NOUNS = frozenset("""
and or but that which who it they there then when also had has have was were been what
""".split())
_SEVERAL = frozenset("""
first second third another earlier later initial main new last latest next other smaller
larger upper lower
""".split())
# A colon inside a clock time ("11:40") breaks no clause.
_CLAUSE_BREAK = re.compile(r"[,;()]|(?<!\d):(?!\d)")
# "the dams", "the two dams", "the 6.1-magnitude quake": "the" and lower-case words or
# figures before the noun; "the Varno dam": a capitalised word right before it names one thing.
_DEFINITE = re.compile(r"\b[Tt]he\s+(?:[a-z0-9][\w.-]*\s+){0,2}$")
_NAMED = re.compile(r"\b(?!(?:The|A|An|This|That|These|Those|Its|Their|Both|Two)\s)"
                    r"[A-Z][\w'’-]*\s+$")


@dataclass(frozen=True)
class _Told:
    sentence: Sentence
    noun: str
    verb: str
    text: str  # the part of the day as written
    low: int  # hours from Monday 00:00
    high: int
    definite: bool  # "the dams": the story's own, named before
    named: bool  # "the Varno dam": one thing by its name, told apart by its topics
    date: str = ""  # the date as written, where a date (not a weekday) gives the day


def part_of_day_rows(sentences: list[Sentence], articles: list[Article],
                     claim: ClaimMaker) -> list[Disagreement]:
    """Rows where sources put one event in parts of days that cannot both hold; `claim`
    makes a claim of a value and the sentences that state it."""
    by_key: dict[tuple[str, str], list[_Told]] = {}
    def year(s: Sentence) -> int | None:
        published = articles[s.article_index].published or ""
        return int(published[:4]) if published[:4].isdigit() else None

    for s, found in per_form_found(sentences, lambda s: _told(s, year(s)), year):
        for told in rebound(found, s):
            by_key.setdefault((stem(_NOUN_CLASS.get(told.noun, told.noun)),
                               _VERB_CLASS.get(told.verb, told.verb)), []).append(told)
    rows = []
    for (_, verb), told in sorted(by_key.items()):
        clashing = _partners(told, told, overlapping=False)
        if not any(clashing):
            continue
        near = _partners(told, [t for t, c in zip(told, clashing, strict=True) if c],
                         overlapping=True)
        kept = sorted((t for t, c, n in zip(told, clashing, near, strict=True) if c or n),
                      key=lambda t: (t.low, t.sentence.index))
        groups: list[list[_Told]] = []
        end = 0
        for t in kept:
            if groups and t.low < end:
                groups[-1].append(t)
                end = max(end, t.high)
            else:
                groups.append([t])
                end = t.high
        claims = [claim(g[0].text, [t.sentence for t in g], articles) for g in groups]
        rows.append(Disagreement(f"when the {kept[0].noun} {verb}", claims,
                                 kind="contradicts"))
    return rows


def _partners(told: list[_Told], candidates: list[_Told], *, overlapping: bool) -> list[bool]:
    """For each telling, whether a candidate of one event overlaps it (or clashes with it).

    Two tellings are of one event when they state no two different dates (two dates are
    two days, so two events of a kind: two quakes) and they share a named thing, or
    neither names its noun ("the Varno dam") and both put "the" before a one-off event's
    noun ("the quake"), or one puts "the" before a noun its sentence names nothing else
    of ("the dams")."""
    return partners(told, candidates, stored=_stored, looked=_looked, day=lambda t: t.date,
                    overlapping=overlapping)


def _stored(t: _Told) -> list[tuple[str, str]]:
    keys = [("topic", topic) for topic in t.sentence.topics]
    if not t.named:
        keys.append(("unnamed", "any"))
        if t.definite and t.noun in EVENT_HEADS:
            keys.append(("unnamed", "the event"))
        if t.definite and not t.sentence.topics:
            keys.append(("unnamed", "the only"))
    return keys


def _looked(t: _Told) -> list[tuple[str, str]]:
    keys = [("topic", topic) for topic in t.sentence.topics]
    if t.named:
        return keys
    if t.definite and not t.sentence.topics:
        return [*keys, ("unnamed", "any")]
    keys.append(("unnamed", "the only"))
    if t.definite and t.noun in EVENT_HEADS:
        keys.append(("unnamed", "the event"))
    return keys


def _told(s: Sentence, year: int | None) -> list[_Told]:
    """The events of a sentence told by part of a day; one whose clause states another
    year than the report's (or the one before) is history ("the dam failed on a Sunday
    night in 1986"), not the story."""
    found = []
    text = s.text
    for verb in _VERB.finditer(text):
        before = text[:verb.start()]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        start = breaks[-1].end() if breaks else 0
        subject = _subject(text, start, verb.start())
        relative = _RELATIVE.search(text, start, verb.start())
        if subject is None and relative:
            antecedent = _ANTECEDENT.search(text, start, relative.start())
            subject = (antecedent.group("noun"), antecedent.start("noun")) if antecedent else None
        if subject is None:
            continue
        noun, noun_start = subject
        stop = _CLAUSE_BREAK.search(text, verb.end())
        clause_end = stop.start() if stop else len(text)
        if any(d.year and start <= d.start < clause_end and (
                year is None or not year - 1 <= d.year <= year) for d in s.dates):
            continue
        for pattern, part in _PARTS:
            match = pattern.search(text, start, clause_end)
            if match is None:
                continue
            weekday = _weekday(s, match)
            if weekday is None:
                break
            part = part or match.group("part")
            if part == "night" and match.groupdict().get("late"):
                part = "late night"
            low, high = _HOURS[part]
            lead = text[:noun_start]
            found.append(_Told(s, noun, verb.group("verb"), match.group().strip(),
                               weekday * 24 + low, weekday * 24 + high,
                               bool(_DEFINITE.search(lead)), bool(_NAMED.search(lead)),
                               _day_key(match)))
            break
        else:
            clock = _CLOCK_DAY.search(text, verb.end(), clause_end)
            weekday = _weekday(s, clock) if clock else None
            if clock is None or weekday is None:
                continue
            hour = int(clock.group("h")) % 12 + (12 if clock.group("half") == "p" else 0)
            # An hour either side (two if hedged): a part of a day has no sharp edges, so
            # only a clear gap between the two tellings is a disagreement.
            margin = 2 if clock.group("hedge") else 1
            lead = text[:noun_start]
            found.append(_Told(s, noun, verb.group("verb"), clock.group().strip(),
                               weekday * 24 + hour - margin, weekday * 24 + hour + 1 + margin,
                               bool(_DEFINITE.search(lead)), bool(_NAMED.search(lead)),
                               _day_key(clock)))
    return found


def _subject(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The verb's subject noun between `start` and `end`: a lower-case word after a
    determiner ("two dams", "the two earthen dams") that no preposition governs ("in the
    hills"), followed by at most two prepositional phrases up to the verb."""
    tokens = list(_WORD.finditer(text, start, end))
    for n, word in enumerate(tokens):
        noun = word.group()
        if not noun.islower() or noun in _NOT_NOUNS or noun in _DETERMINERS or \
                noun in _PREPOSITION_WORDS or not _TO_VERB.fullmatch(text, word.end(), end):
            continue
        first = max(0, n - 3)
        lead = [t.group().lower() for t in tokens[first:n]]
        # The determiner, then up to two more determiners or modifiers before the noun.
        det = next((k for k, w in enumerate(lead) if w in _DETERMINERS), None)
        if det is None:
            continue
        # The word before the determiner: a preposition there governs the phrase.
        before = tokens[first + det - 1].group().lower() if first + det >= 1 else ""
        if before in _PREPOSITION_WORDS or _SEVERAL & set(lead):
            continue
        return noun, word.start()
    return None


def _day_key(match: re.Match[str]) -> str:
    """The date a match names ("4 March" and "March 4" alike), or "" for a weekday."""
    date = match.group("date")
    return " ".join(sorted(date.lower().split())) if date else ""


def _weekday(s: Sentence, match: re.Match[str]) -> int | None:
    """The weekday a part of a day falls on: named, or that of the date (whose year the
    sentence's dates give)."""
    if match.group("weekday"):
        return WEEKDAYS.index(match.group("weekday").lower())
    date = next((d.date for d in s.dates
                 if d.start < match.end("date") and match.start("date") < d.end and d.date),
                None)
    return date.weekday() if date else None
