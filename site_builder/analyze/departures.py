"""When the story's vehicle set out, to the minute: "the ferry left the harbour at 6.10pm"
against "the ferry sailed at 6:25 p.m.".

A departure is a vehicle's noun and a verb of setting out in one clause ("Flight 301 took
off from X at 2:05 p.m.", "the train had left the depot at 07:40 local time"); its time
is the first clock time of that clause. Claims are grouped by the kind of vehicle (any
word for a ship is one ship, any word for an aircraft one aircraft, a helicopter is
none of them) and by the zone the time is given in, so two times are compared only
within a group, never all-pairs. Two sources disagree when their times cannot both hold
(each time allows what its rounding allows), unless they name two different days: those
are two departures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Article, Claim, Disagreement
from .clock_times import CLOCK, read_clock
from .sentences import Sentence, per_form_found, rebound

ClaimMaker = Callable[[str, list[Sentence], list[Article]], Claim]

# Nouns of a vehicle, by the kind they name (a closed class of words for vehicles).
_KINDS = {"flight": "aircraft", "plane": "aircraft", "airplane": "aircraft",
          "aeroplane": "aircraft", "jet": "aircraft", "airliner": "aircraft",
          "aircraft": "aircraft", "helicopter": "helicopter", "ship": "ship",
          "vessel": "ship", "ferry": "ship", "boat": "ship", "trawler": "ship",
          "freighter": "ship", "tanker": "ship", "liner": "ship", "train": "train",
          "bus": "bus", "coach": "bus", "rocket": "rocket", "spacecraft": "rocket",
          "capsule": "rocket"}
# The vehicle's noun (capitalised when it opens a name: "Flight 301"), up to one word of
# its name or number after it, then a verb of setting out.
_DEPARTED = re.compile(r"\b(?P<noun>" + "|".join(sorted(_KINDS)) + r"|" +
                       "|".join(sorted(k.capitalize() for k in _KINDS)) + r")"
                       r"(?:\s+[A-Z0-9][\w-]*)?,?\s+(?:had\s+|has\s+)?"
                       r"(?P<verb>took\s+off|lifted\s+off|departed|left|set\s+sail|sailed|"
                       r"pulled\s+out)\b"
                       # "the train left the tracks", "the bus left the road": a mishap.
                       r"(?!\s+(?:the\s+)?(?:road|roadway|highway|rails?|tracks?|line)\b)")
# Where a clause ends: what follows tells something else.
_CLAUSE_END = re.compile(r"[;(]|,\s+(?:and|but|while|when|after|before)\b")
_AT = re.compile(r"^at\s+")
_WEEKDAY = re.compile(r"\b(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                      r"Sunday)\b")
_DATE = re.compile(r"\b(?:on\s+)?(\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})\b")


@dataclass(frozen=True)
class _Departure:
    sentence: Sentence
    noun: str
    text: str  # the time as written
    low: int  # minutes after midnight the time may mean
    high: int
    day: str  # the day its clause names, "" for none


def departure_rows(sentences: list[Sentence], articles: list[Article],
                   claim: ClaimMaker) -> list[Disagreement]:
    """One row per kind of vehicle whose sources put its departure at times that cannot
    both hold."""
    groups: dict[tuple[str, str], list[_Departure]] = {}
    for s, found in per_form_found(sentences, _departures):
        for key, departure in found:
            groups.setdefault(key, []).extend(rebound([departure], s))
    rows = []
    for (kind, _), told in sorted(groups.items()):
        if len({d.day for d in told} - {""}) > 1:
            continue  # two days named: two departures, each told once
        told.sort(key=lambda d: (d.low, d.sentence.index))
        # Times that overlap are one claim; a gap between them is the disagreement.
        claims: list[list[_Departure]] = []
        end = -1
        for d in told:
            if claims and d.low <= end:
                claims[-1].append(d)
                end = max(end, d.high)
            else:
                claims.append([d])
                end = d.high
        articles_of = [{d.sentence.ref.article for d in c} for c in claims]
        if len(claims) < 2 or not any(a - b for a in articles_of for b in articles_of):
            continue  # one report's times only, or one time
        rows.append(Disagreement(
            f"when the {kind} departed",
            [claim(c[0].text, [d.sentence for d in c], articles) for c in claims],
            kind="contradicts"))
    return rows


def _departures(s: Sentence) -> list[tuple[tuple[str, str], _Departure]]:
    """((kind of vehicle, zone), departure) for each vehicle's setting out the sentence
    times."""
    found = []
    for m in _DEPARTED.finditer(s.text):
        end = _CLAUSE_END.search(s.text, m.end())
        clause_end = end.start() if end else len(s.text)
        clock = CLOCK.search(s.text, m.end(), clause_end)
        read = read_clock(clock, odd_minute=0) if clock else None
        if read is None:
            continue
        low, high, zone = read
        day = _WEEKDAY.search(s.text, m.end(), clause_end) or \
            _DATE.search(s.text, clock.end(), clause_end)
        found.append(((_KINDS[m.group("noun").lower()], zone), _Departure(
            s, m.group("noun").lower(), _AT.sub("", clock.group().strip()), low, high,
            day.group(1) if day else "")))
    return found
