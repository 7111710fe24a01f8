"""Shapes of the lines around a headline: bylines, datelines and photo captions."""

from __future__ import annotations

import re
from functools import lru_cache

from ..dates import READING_TIME, find_dates, parse_datetime
from ..text import words

_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|author:?)\s+(?P<rest>.+)$", re.I)
_NAME = re.compile(r"^(?P<name>(?:[A-Z][\w'’.-]*\s*){1,4}?(?:(?:and|&)\s+(?:[A-Z][\w'’.-]*\s*)"
                   r"{1,4})?)(?=\s*(?:$|[|,•·–—-]|\d|on\b|updated\b|published\b|"
                   r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))", re.I)
_ROLES = (r"correspondent|editor|reporter|writer|journalist|columnist|producer|contributor|"
          r"analyst|photographer|critic|bureau chief|staff")
_CAPITALISED = r"[A-Z][\w'’.-]*"
# "Jane Doe, Transport correspondent": a name and a newsroom role, no "By".
_NAME_ROLE = re.compile(
    rf"^(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,3}}),\s*(?:[\w&'’-]+\s+){{0,4}}?"
    rf"(?:{_ROLES})s?\b[\w\s,&'’-]{{0,40}}$", re.I)
# "Jane Doe | March 4, 2024", "Jane Doe, Banking Editor · Friday 10 March 2023 21:40 GMT",
# "Example Broadcast (with agencies) | 10/26/2023": a credit, a separator and a date.
_NAME_DATE = re.compile(
    rf"^(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}}(?:\s+(?:and|&)\s+{_CAPITALISED}"
    rf"(?:\s+{_CAPITALISED}){{0,3}})?)(?:\s*\((?:with|and|via|from)\b[^)]*\))?"
    r"(?:\s+@\w{1,30})?(?:,\s*[^|·•—–/]{2,60}?)?\s*[|·•—–/]\s*(?P<date>.+)$")
# "Staff and wire reports", "From wire reports": a credit without a person's name.
_DESK_CREDIT = re.compile(r"^(?:(?:by|from)\s+)?(?:(?:staff|wire|news|agency|agencies)(?:\s+|,\s*|"
                          r"\s+and\s+))+(?:reports?|services?|staff)$", re.I)
_DESK_WORDS = {"staff", "reports", "reporters", "team", "desk", "correspondents"}
_NUMERIC_DATE = re.compile(r"\b(?:\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b")
_DATE_WORDS = 12


# What every byline shape needs: a "By", a separator before a date, a role or a desk.
_MAYBE = re.compile(rf"^(?:by|written|words|reporting|author|from)\b|[|·•—–/]|\b(?:{_ROLES}|"
                    r"wire|reports?|services?)\b", re.I)


@lru_cache(maxsize=4096)
def byline(text: str) -> tuple[str | None, str | None] | None:
    """Author and date of a byline ("By Jane Doe, March 4, 2024", "Jane Doe | 4 March
    2024", "Jane Doe, Transport correspondent"), or None for any other line.

    "By Friday, the council had ..." starts like a byline but goes on as prose: after
    the name a byline holds at most a role and a date.
    """
    if not _MAYBE.search(text) or len(words(text)) > 25:
        return None
    if match := _BYLINE.match(text):
        rest = match.group("rest").strip()
        name = _NAME.match(rest)
        tail = rest[name.end():] if name else rest
        tail = _without(tail, [(d.start, d.end) for d in find_dates(tail)])
        if sum(1 for w in words(tail) if w[:1].islower()) > 2:
            return None
        return _parse_byline(rest)
    if match := _NAME_ROLE.match(text):
        return match.group("name"), None
    if _DESK_CREDIT.match(text):
        return text.strip(), None
    if (match := _NAME_DATE.match(text)) and not match.group("name").isupper():
        # (a name in capitals before a date is a section label: "LOCAL NEWS | Updated ...")
        date = match.group("date")
        if len(date.split()) <= _DATE_WORDS and (find_dates(date) or _NUMERIC_DATE.search(date)):
            stamp = parse_datetime(date)
            if stamp:
                return match.group("name"), stamp
    return None


def is_plain_byline(text: str) -> bool:
    """A byline that names someone (or a newsroom), and nothing else."""
    found = byline(text)
    return bool(found and found[0])


def _parse_byline(rest: str) -> tuple[str | None, str | None]:
    match = _NAME.match(rest.strip())
    author = None
    if match:
        candidate = match.group("name").strip(" ,|")
        names = candidate.split()
        if names and names[-1].lower() in _DESK_WORDS:
            names = names[:-1]  # "By Example Wire and Daily staff": a newsroom credit
        if names and all(w[:1].isupper() or w in ("and", "&") for w in names):
            author = candidate
    date_text = rest[match.end():] if match else rest
    published = parse_datetime(date_text) if find_dates(date_text) or re.search(
        r"\d{4}-\d\d-\d\d", date_text) else None
    return author, published


_DATELINE_WORDS = re.compile(r"\b(?:published|updated|posted|last|modified|on|at|am|pm)\b|"
                             r"[\d:|,./-]", re.I)
_ZONE = re.compile(r"\b[A-Z]{2,4}\b")


def is_dateline(text: str) -> bool:
    """A line that is a date and little else: "Published 9 Oct 2024, 08:15 GMT",
    "Published 10/28/2023 2:40 p.m. CT"."""
    text = re.sub(r"\b([ap])\.m\.", r"\1m", READING_TIME.sub(" ", text), flags=re.I)
    spans = [(d.start, d.end) for d in find_dates(text) if d.day or d.month]
    spans += [m.span() for m in _NUMERIC_DATE.finditer(text)]
    return bool(spans) and len(_ZONE.sub(" ", _DATELINE_WORDS.sub(" ", _without(
        text, spans))).split()) <= 1


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the given spans blanked out."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# Words around a photo that describe the scene rather than report news.
_SCENE = re.compile(
    r"\b(?:is|are)\s+(?:seen|pictured|shown|\w+ing)\b|\b(?:pictured|photographed|seen here)\b|"
    r"\b(?:a |an )?(?:general |aerial )?view of\b|\((?:l|r|c|left|right|centre|center|"
    r"front|back|top|bottom)\)|\bleft to right\b|\bfile (?:photo|picture|image)\b|"
    r"\bin this (?:photo|picture|image|handout)\b", re.I)
# "A man carrying ...", "Rescuers searching the ...": a subject and a participle, no verb.
_PARTICIPLE = re.compile(r"^(?:\S+\s){1,3}[a-z]{2,}ing\s+(?:the|a|an|his|her|their|its|through|"
                         r"on|in|at|to|past|along|outside|near|into|from|with|for)\b")


def caption_signals(text: str) -> int:
    """How many signs say a line describes a photo: it ends on the day or date the
    picture was taken, uses scene words ("pictured", "(left)", "view of", "are seen"),
    or is a subject with a participle and no finite verb ("A man carrying ...")."""
    dates = find_dates(text)
    ends_dated = bool(dates) and len(text.rstrip(" .")) - dates[-1].end <= 1 and \
        len(words(text)) >= 6
    return ends_dated + bool(_SCENE.search(text)) + bool(_PARTICIPLE.match(text))


def full_date(text: str) -> bool:
    """Whether a line names a full date (day, month and year): bylines and datelines do,
    headlines seldom."""
    return bool(_NUMERIC_DATE.search(text)) or any(d.day and d.year for d in find_dates(text))
