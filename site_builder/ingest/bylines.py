"""Shapes of the lines around a headline: bylines, datelines and photo captions."""

from __future__ import annotations

import re
from functools import lru_cache

from ..dates import READING_TIME, find_dates, parse_datetime
from ..text import words

_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|author:?)\s+(?P<rest>.+)$", re.I)
_NAME = re.compile(r"^(?P<name>(?:[A-Z][\w'’.-]*\s*){1,4}?(?:(?:and|&)\s+(?:[A-Z][\w'’.-]*\s*)"
                   r"{1,4})?)(?=\s*(?:$|[|,•·–—/-]|\d|on\b|updated\b|published\b|"
                   r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))", re.I)
_ROLES = (r"correspondent|editor|reporter|writer|journalist|columnist|producer|contributor|"
          r"analyst|photographer|critic|bureau chief|staff")
_CAPITALISED = r"[A-Z][\w'’.-]*"
_NAMES = rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}}"
# "Jane Doe, Transport correspondent": a name and a newsroom role, no "By".
_NAME_ROLE = re.compile(
    rf"^(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,3}}),\s*(?:[\w&'’-]+\s+){{0,4}}?"
    rf"(?:{_ROLES})s?(?:,\s*(?-i:[A-Z])[\w\s'’.-]{{0,30}})?$", re.I)
# A credit before a date: "Jane Doe", "Jane Doe and John Roe", "Example Radio (with
# agencies)", "Example Report with AFP", "Jane Doe @handle", "Jane Doe, Editor, Lisbon".
_NAMED_CREDIT = re.compile(
    rf"^(?P<name>{_NAMES}(?:\s+(?:and|&)\s+{_NAMES})?)"
    rf"(?:\s*\((?:with|and|via|from)\b[^)]*\)|\s+(?:with|via)\s+{_NAMES}"
    rf"(?:(?:,\s*|\s+and\s+){_NAMES}){{0,3}})?(?:\s+@\w{{1,30}})?(?:,\s*[^,]{{2,60}}){{0,2}}$")
# A newsroom credited with its reporters: "Example 24, with correspondents in Lyon and
# Nice", "Jane Doe, with reporting from Lima".
_WITH_CREDIT = re.compile(
    rf"^(?P<name>(?-i:{_CAPITALISED}(?:\s+(?:{_CAPITALISED}|\d{{1,4}})){{0,3}})),\s+with\s+"
    r"(?:additional\s+)?(?:reporting|correspondents?|reporters?)"
    r"(?:\s+(?:by|from|in)\s+(?-i:[A-Z])[^.]{0,80})?$", re.I)
# Between a credit and its date: "|", "·", "•", a dash, " / ", "//".
_SEPARATOR = re.compile(r"\s*(?:[|·•—–]|\s/\s|//)\s*")
_DESK_NOUNS = frozenset({"staff", "wire", "wires", "agency", "agencies", "news", "report",
                         "reports", "service", "services", "writer", "writers", "reporter",
                         "reporters", "desk"})
_DESK_CORE = frozenset({"staff", "wire", "wires", "agency", "agencies"})
_CREDIT_WORDS = frozenset({"by", "from", "and", "with", "compiled", "written", "reported", "the",
                           "of"})
_DESK_WORDS = frozenset({"staff", "reports", "reporters", "team", "desk", "correspondents"})
_NUMERIC_DATE = re.compile(r"\b(?:\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b")
_DATE_WORDS = 12
_UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", re.I)


# What every byline shape needs: a "By", a separator before a date, a role or a desk.
_BYLINE_HINT = re.compile(rf"^(?:by|written|words|reporting|author|from|compiled)\b|[|·•—–/]|"
                          rf"\b(?:{_ROLES}|wire|reports?|services?)\b|\bwith\s", re.I)


@lru_cache(maxsize=4096)
def byline(text: str) -> tuple[str | None, str | None] | None:
    """Author and date of a byline, or None for any other line.

    Shapes: "By Jane Doe, March 4, 2024", "Jane Doe | 4 March 2024", "Jane Doe, Transport
    correspondent", "Staff and wire reports | 03/05/2024". "By Friday, the council had
    ..." starts like a byline but goes on as prose: after the name a byline holds at
    most a role and a date.
    """
    if not _BYLINE_HINT.search(text) or len(words(text)) > 25:
        return None
    credit, stamp = text.strip(), None
    parts = _SEPARATOR.split(credit, maxsplit=1)
    if len(parts) == 2 and _has_date(parts[1]):
        credit, stamp = parts[0].strip(), _stamp(parts[1])
    if match := _BYLINE.match(credit):
        rest = match.group("rest").strip()
        name = _NAME.match(rest)
        tail = rest[name.end():] if name else rest
        tail = _without(tail, [(d.start, d.end) for d in find_dates(tail)])
        if sum(1 for w in words(tail) if w[:1].islower()) > 2:
            return None
        author, published = _parse_byline(rest)
        return author, stamp or published
    if match := _NAME_ROLE.match(credit) or _WITH_CREDIT.match(credit):
        return match.group("name"), stamp
    if stamp and (match := _NAMED_CREDIT.match(credit)) and not match.group("name").isupper():
        # (a name in capitals before a date is a section label: "LOCAL NEWS | Updated ...")
        return match.group("name"), stamp
    if _desk_credit(credit):
        return re.sub(r"^by\s+", "", credit, flags=re.I), stamp
    return None


def _has_date(text: str) -> bool:
    return len(text.split()) <= _DATE_WORDS and bool(find_dates(text) or
                                                     _NUMERIC_DATE.search(text))


def _desk_credit(text: str) -> bool:
    """A credit to a newsroom rather than a person: "Staff and wire reports", "Staff
    writer", "Compiled by Example staff from wire reports"."""
    tokens = words(text)
    if not 2 <= len(tokens) <= 8 or tokens[-1].lower() not in _DESK_NOUNS or \
            not any(t.lower() in _DESK_CORE for t in tokens):
        return False
    others = [t for t in tokens if t.lower() not in _DESK_NOUNS | _CREDIT_WORDS]
    return len(others) <= 3 and all(t[:1].isupper() for t in others)


def is_plain_byline(text: str) -> bool:
    """A byline that names someone (or a newsroom), and nothing else."""
    found = byline(text)
    return bool(found and found[0])


@lru_cache(maxsize=4096)
def dateline_stamp(text: str) -> tuple[str, bool] | None:
    """The date of a dateline ("Published 9 Oct 2024", "THE BRIEFING | June 21, 2023"),
    and whether it is an update's date rather than the first publication's."""
    text = _plain_stamp(text)
    if not is_dateline(text):
        return None
    parts = _SEPARATOR.split(text, maxsplit=1)
    value = parts[1] if len(parts) == 2 and parts[0].isupper() and _has_date(parts[1]) else text
    stamp = _stamp(_ZONE_NOTE.sub("", value))
    return (stamp, bool(_UPDATED.search(value))) if stamp else None


_DOTTED_TIME = re.compile(r"(?<=\s)(\d{1,2})\.(\d{2})(?=\s|$|[ap]\.?m\b)", re.I)
# Parts of a stamp line that date nothing: "· Updated 2 hours ago", "| 4 min read".
_UNDATED_PART = re.compile(r"\s*[|·•—–]\s*(?:(?:(?:last\s+)?(?:updated|modified|edited)\s+)?"
                           r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago|"
                           r"\d+\s*min(?:ute)?s?\s+(?:read|listen))\b", re.I)
# "7.15pm", "7:15pm": the time and its half of the day, apart.
_GLUED_MERIDIEM = re.compile(r"\b(\d{1,2})[.:](\d{2})([ap]\.?m\.?)(?=\s|$)", re.I)
_DOTTED_ISO = re.compile(r"\b((?:19|20)\d\d)\.(\d\d)\.(\d\d)\b")
# A label in another language before a stamp ("Publicado: 16/05/2024"); the English
# ones say which stamp is an update and stay.
_FOREIGN_LABEL = re.compile(r"\b(?!(?:published|updated|posted|modified|last)\b)"
                            r"[^\W\d_]{3,15}:\s*(?=\d)", re.I)


def _plain_stamp(text: str) -> str:
    """A stamp line in the shape the date reader knows: year-first dates with dots
    ("2024.12.31") hyphenated, parts that date nothing and foreign labels dropped."""
    text = _UNDATED_PART.sub("", text)
    text = _DOTTED_ISO.sub(r"\1-\2-\3", text)
    text = _GLUED_MERIDIEM.sub(r"\1:\2 \3", text)
    return _FOREIGN_LABEL.sub("", text)


def _stamp(value: str) -> str | None:
    """ISO date and time of a date as bylines write it ("Tue 5 Mar 2024 09.30 GMT")."""
    return parse_datetime(_DOTTED_TIME.sub(r"\1:\2", value))


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


# (A zone's offset in brackets, "(UTC+8)", is part of the date too, and so is a zone
# named in words after it: "(local time)", "(Mexico City time)".)
# (Also before the next part of a stamp: "16:05 (Réunion time) · Updated ...".)
_ZONE_NOTE = re.compile(r"\s*\((?:[\w.-]+\s+){0,3}time\)(?=\s*$|\s+[|·•])", re.I)
_DATELINE_WORDS = re.compile(r"\b(?:published|updated|posted|last|modified|on|at|am|pm|"
                             r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)"
                             r"(?:day)?)\b|[\d:|,./()+·•—–-]", re.I)
_ZONE = re.compile(r"\b[A-Z]{2,4}\b")


def is_dateline(text: str) -> bool:
    """A line that is a date and little else: "Published 9 Oct 2024, 08:15 GMT",
    "Published 10/28/2023 2:40 p.m. CT"."""
    text = re.sub(r"\b([ap])\.m\.", r"\1m", READING_TIME.sub(" ", text), flags=re.I)
    text = _ZONE_NOTE.sub("", text).strip("()[] ")
    parts = _SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0].isupper() and not _has_date(parts[0]):
        text = parts[1]  # a section label or masthead before the date (not a date and zone)
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
