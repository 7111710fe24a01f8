"""Clock times as news prose writes them ("at 1:39 p.m.", "around 6.10pm", "13:38 GMT"),
read as the interval of minutes after midnight they may mean: one reading for every
finder that compares times of day."""

from __future__ import annotations

import re

# A time of day, with its hedge and zone: "about 1:30 p.m.", "at 6.10pm local time",
# "13:38 GMT" (a 24-hour time only with a zone after it, else it may be a score or a ratio).
CLOCK = re.compile(
    r"\b(?:(?P<hedge>about|around|approximately|roughly|shortly (?:before|after)|just "
    r"(?:before|after))\s+)?(?:at\s+)?(?<![\d:.])(?:(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*"
    r"(?P<half>[ap])\.?m\.?|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?!\s*[ap]\.?m)(?=\s+"
    r"(?:local time|[A-Z]{2,4}\b)))(?P<zone>\s+local time|\s+[A-Z]{2,4}\b)?")


def read_clock(clock: re.Match[str], odd_minute: int = 1) -> tuple[int, int, str] | None:
    """The minutes after midnight a stated time may mean (low, high) and its zone ("" for
    local time); None for a time that gives no interval ("shortly before 2 p.m.").
    `odd_minute`: how far a time told to the odd minute may be off (0 where such times
    are read off a log, as a departure's are)."""
    hedge = clock.group("hedge") or ""
    if hedge.startswith(("shortly", "just")):
        return None
    if clock.group("h24"):
        hour, minute = int(clock.group("h24")), int(clock.group("m24"))
    else:
        hour, minute = int(clock.group("h")) % 12, int(clock.group("m") or 0)
        if int(clock.group("h")) > 12 or minute > 59:
            return None
        hour += 12 if clock.group("half") == "p" else 0
    at = hour * 60 + minute
    zone = (clock.group("zone") or "").strip()
    off = spread(minute, bool(hedge), odd_minute)
    return at - off, at + off, "" if zone == "local time" else zone


def spread(minute: int, hedged: bool, odd_minute: int = 1) -> int:
    """Minutes a stated time may be off: what its rounding allows (1:35 may be rounded to
    five minutes, 1:15 to a quarter hour, 1:30 to a half; a time to the odd minute, 1:29,
    by `odd_minute`); a hedge 20 minutes, but 3 on a time given to the odd minute ("about
    1:29": its teller knew the minute)."""
    if hedged:
        return 20 if minute % 5 == 0 else 3
    if minute % 30 == 0:
        return 15
    if minute % 15 == 0:
        return 7
    return 2 if minute % 5 == 0 else odd_minute
