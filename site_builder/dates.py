"""Finding and normalising dates in prose: absolute, month-only, weekdays, years."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateutil import parser as dateutil_parser

from .models import fast_pickle

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")], 1)
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|" \
     r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(rf"\b{_Y}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_M}\s+{_D},?\s+{_Y}\b"),
    re.compile(rf"\b{_D}\s+(?:of\s+)?{_M},?\s+{_Y}\b"),
    re.compile(rf"\b{_M}\s+{_D}\b(?!\s*(?:,\s*)?\d)"),
    re.compile(rf"\b{_D}\s+(?:of\s+)?{_M}(?!\w)"),
    re.compile(rf"\b{_M}\s+(?:of\s+)?{_Y}\b"),
    re.compile(rf"\b(?:in|since|by|until|from|last|this|early|late|mid-)\s+{_M}(?!\w)", re.I),
    re.compile(r"\b(?:on|last|this|next|since|by|until)\s+(?P<weekday>Monday|Tuesday|Wednesday|"
               r"Thursday|Friday|Saturday|Sunday)\b"),
    re.compile(rf"\b(?P<quarter>first|second|third|fourth)\s+quarter\s+of\s+{_Y}\b", re.I),
    re.compile(rf"\b(?:in|since|by|until|from|of|early|late|mid-|before|after|end of)\s+{_Y}\b",
               re.I),
]
# What a text must hold for each pattern above to match in it: a year (a digit first),
# a day's digit and a capitalised month, a month after a space, any case (as the
# pattern is), or a weekday. Most sentences hold none: the cheap checks spare them
# the patterns, which are searched in the same order on the rest, so the same
# dates are found.
_GATES = ("year", "year", "year", "day", "day", "year", "month word", "weekday", "year", "year")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_MONTH_WORD = re.compile(r"\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
# "3 min read" next to a dateline is not part of the date.
READING_TIME = re.compile(r"\b\d+\s*min(?:ute)?s?\s+(?:read|listen)\b", re.I)
_QUARTERS = {"first": 1, "second": 4, "third": 7, "fourth": 10}


@fast_pickle
@dataclass(slots=True, frozen=True)
class DateMention:
    """A date as written in a text, with the parts the text (or its context) gives."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday, for "on Tuesday"

    @property
    def iso(self) -> str | None:
        """ISO 8601 at the precision known: YYYY-MM-DD, YYYY-MM or YYYY; None without a year."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


def find_dates(text: str, context_year: int | None = None) -> list[DateMention]:
    """Dates mentioned in `text`; a missing year is taken from `context_year` when given."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    digit = _DIGIT.search(text) is not None
    held = {"year": digit and _YEAR.search(text) is not None,
            "day": digit and _MONTH.search(text) is not None,
            "month word": _MONTH_WORD.search(text) is not None,
            "weekday": "day" in text}
    for pattern, gate in zip(_PATTERNS, _GATES, strict=True):
        if not held[gate]:
            continue
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            mention = _mention(match, context_year)
            if mention is not None:
                found.append(mention)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def _mention(match: re.Match[str], context_year: int | None) -> DateMention | None:
    parts = match.groupdict()
    year = int(parts["year"]) if parts.get("year") else None
    month = None
    if parts.get("month"):
        month = MONTHS[parts["month"].casefold().rstrip(".")]
    elif parts.get("mnum"):
        month = int(parts["mnum"])
    elif parts.get("quarter"):
        month = _QUARTERS[parts["quarter"].lower()]
    day = int(parts["day"]) if parts.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    if parts.get("month") == "May" and day is None and year is None:
        return None  # "in May" is fine, but bare "May" is usually the verb
    weekday = WEEKDAYS.index(parts["weekday"].lower()) if parts.get("weekday") else None
    return DateMention(
        start=match.start(), end=match.end(), text=match.group(0),
        year=year if year is not None else (context_year if month is not None else None),
        month=month, day=day, weekday=weekday,
    )


# A stamp line often gives both dates ("Published 1 Apr | Updated 2 Apr"): the first is
# the publication, unless a later part is the one labelled so.
_STAMP_PARTS = re.compile(r"\s[|\u00b7\u2022]\s|\s(?=(?:last\s+)?(?:updated|modified)\b)", re.I)
_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|first published)\b", re.I)
# "GMT+7" in news is seven hours ahead of UTC (dateutil reads it the POSIX way, behind).
_ZONE_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d\d))?\b")
# A date in figures alone ("16/12/2024", "2024-12-16"): a stamp part of its own too.
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b")
# Dotted numeric dates (12.06.2023) are written day first wherever they are used.
_DOTTED_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b")


@lru_cache(maxsize=4096)
def parse_datetime(text: str) -> str | None:
    """An ISO date (with time when given) from a byline or meta value, else None (once per
    distinct value in a process: syndicated copies carry the same stamps, and dateutil's
    parser costs a fraction of a millisecond a call)."""
    parts = [p for p in _STAMP_PARTS.split(text)
             if _NUMERIC_DATE.search(p) or any(m.year for m in find_dates(p))]
    if len(parts) > 1:
        labelled = [p for p in parts if _PUBLISHED_LABEL.search(p)]
        for part in labelled + parts:
            if (found := _parse_one(part)) is not None:
                return found
        return None
    return _parse_one(text)


def _parse_one(text: str) -> str | None:
    text = READING_TIME.sub(" ", text)
    text = re.sub(r"\b([ap])\.m\.", r"\1m", text.strip(), flags=re.I)
    text = _ZONE_OFFSET.sub(lambda m: f" {m.group(1)}{int(m.group(2)):02d}:"
                                      f"{m.group(3) or '00'}", text)
    # Zone abbreviations other than UTC/GMT are ambiguous ("PT", "IST"); keep local time.
    text = re.sub(r"\b(?!UTC\b|GMT\b|AM\b|PM\b)[A-Z]{2,4}\b", " ", text)
    if not re.search(r"\d", text):
        return None
    try:
        value = dateutil_parser.parse(text, fuzzy=True, default=dt.datetime(1, 1, 1),
                                      dayfirst=bool(_DOTTED_DATE.search(text)))
    except (ValueError, OverflowError):
        return None
    if value.year < 1900:
        return None
    try:
        value.utcoffset()
    except ValueError:  # a zone a day or more off UTC ("+2500"): read as no zone
        value = value.replace(tzinfo=None)
    has_time = bool(re.search(r"\d{1,2}:\d{2}", text))
    return _iso(value) if has_time else value.date().isoformat()


# Publication dates outside this window are CMS placeholders ("0001-01-01") or typos;
# fixed years, not today's date, so a build does not change with the clock.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
_ISO_LIKE = re.compile(r"^\s*[+-]?\d{4,}-\d\d(?:-\d\d)?(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?"
                       r"\s*(?:Z|[+-]\d\d:?\d\d)?\s*$", re.I)


def normalise_timestamp(value: str) -> tuple[str | None, str | None]:
    """A declared date as ISO 8601 (with time and zone when given), or why it was refused.

    Returns (iso, None) or (None, problem).
    """
    text = value.strip()
    if _ISO_LIKE.match(text):
        year = int(re.match(r"\s*[+-]?(\d+)", text).group(1))
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            return None, f"year {year} is a placeholder or impossible"
        try:
            stamp = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
        except ValueError:
            return None, "not a valid date"
        has_time = "T" in text or " " in text.strip()
        return (_iso(stamp) if has_time else stamp.date().isoformat()), None
    year = re.search(r"\b(\d{4,})\b", text)
    if year and not EARLIEST_YEAR <= int(year.group(1)) <= LATEST_YEAR:
        return None, f"year {int(year.group(1))} is a placeholder or impossible"
    parsed = parse_datetime(text)
    if parsed is None or not EARLIEST_YEAR <= int(parsed[:4]) <= LATEST_YEAR:
        return None, "not a recognisable date"
    return parsed, None


_YEAR_OR_MONTH = re.compile(r"\s*(\d{4})(?:-(0[1-9]|1[0-2]))?\s*")


def normalise_published(value: object) -> tuple[str | None, str | None]:
    """A `published` value an editor wrote (front matter, sources.yml) as ISO 8601, or why
    it was refused. A year or a month alone stays so ("2024", "2024-03"): reading it
    as a full date would invent a day."""
    if isinstance(value, dt.date):
        value = value.isoformat()
    text = str(value)
    if match := _YEAR_OR_MONTH.fullmatch(text):
        if not EARLIEST_YEAR <= int(match[1]) <= LATEST_YEAR:
            return None, f"year {int(match[1])} is a placeholder or impossible"
        return text.strip(), None
    return normalise_timestamp(text)


def _iso(stamp: dt.datetime) -> str:
    """Date and time to the minute, with the zone when known."""
    text = stamp.replace(tzinfo=None).isoformat(timespec="minutes")
    offset = stamp.utcoffset()
    if offset is not None:
        total = int(offset.total_seconds() // 60)
        sign = "+" if total >= 0 else "-"
        text += f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
    return text
