"""How dates and counts read on the page."""

from __future__ import annotations

import re

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d)(?:[T ](\d\d):(\d\d))?)?)?")


def human_date(iso: str | None, time: bool = True) -> str:
    """`2023-12-22` -> "22 Dec 2023"; `2023-12-21T06:46` -> "21 Dec 2023, 06:46";
    `2023-12` -> "Dec 2023". Anything else is returned as it is."""
    match = _ISO.match(iso or "")
    if not match:
        return iso or ""
    year, month, day, hour, minute = match.groups()
    if not month or not 1 <= int(month) <= 12:
        return year
    text = f"{_MONTHS[int(month) - 1]} {year}"
    if day:
        text = f"{int(day)} {text}"
    if time and hour:
        text += f", {hour}:{minute}"
    return text


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`1 source`, `2 sources` (`many` for irregular plurals)."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"
