"""Headline, byline and date shown above the article, taken as metadata."""

from __future__ import annotations

import re

from ..dates import READING_TIME
from ..text import is_stopword, words
from .bylines import byline, caption_signals, dateline_stamp, full_date
from .judged import METADATA_FIELD, SHORT, Judged


def take_header_metadata(header: list[Judged], declared: dict[str, str], meta: dict[str, str],
                         inferred: list[str], reasons: dict[int, str]) -> None:
    """Headline, byline and date shown above the body become metadata."""
    byline_at = None
    updated: str | None = None
    for i, item in enumerate(header):
        if i in reasons or item.reason == METADATA_FIELD:
            continue
        text = item.block.text
        credit = byline(text) if "author" not in meta else None
        if credit:
            author, published = credit
            if author:
                meta["author"] = author
                inferred.append("author")
            if published and "published" not in meta:
                meta["published"] = published
                inferred.append("published")
            reasons[i] = "byline (kept as metadata)"
            byline_at = i if byline_at is None else byline_at
        elif "author" not in meta and (both := _stamp_and_credit(text)):
            # "Posted 1 June 2024 9:14am · By Ana Ruiz, Pacific reporter": both at once.
            (author, _), (stamp, update) = both
            meta["author"] = author
            inferred.append("author")
            reasons[i] = "byline (kept as metadata)"
            byline_at = i if byline_at is None else byline_at
            if update:
                updated = updated or stamp
            elif "published" not in meta:
                meta["published"] = stamp
                inferred.append("published")
        elif found := dateline_stamp(text):
            stamp, update = found
            reasons[i] = "dateline (kept as metadata)"
            if update:
                updated = updated or stamp
            elif "published" not in meta:
                meta["published"] = stamp
                inferred.append("published")
    if updated and "published" not in meta:
        # Only an update's time is shown: the article is at least that old.
        meta["published"] = updated
        inferred.append("published")
    if "author" not in meta and (found := _bare_name_byline(header, reasons)) is not None:
        meta["author"] = header[found].block.text
        inferred.append("author")
        reasons[found] = "byline (kept as metadata)"
        byline_at = found
    # The headline is headline-shaped, above the byline when there is one, and does
    # not describe a photo; of equals, the one nearest the article wins.
    candidates = [i for i, item in enumerate(header)
                  if i not in reasons and item.label == SHORT and item.headline_shape
                  and 4 <= item.n_words <= 30]
    above = [i for i in candidates if byline_at is not None and i < byline_at]
    pool = above or candidates
    if pool:
        # A full date or a menu's separators mark a credit, dateline or breadcrumb line.
        signals = {i: caption_signals(header[i].block.text)
                   + 2 * (full_date(header[i].block.text) or _menu(header[i].block.text))
                   + _standfirst_shape(header[i]) for i in candidates}
        title = min(reversed(pool), key=lambda i: signals[i])
        meta["title"] = header[title].block.text
        inferred.append("title")
        reasons[title] = "headline (kept as metadata)"
        for i in candidates:
            if i != title and signals[i]:
                reasons[i] = ("menu or masthead" if _menu(header[i].block.text)
                              else "photo caption (describes a scene)")
    for key, value in declared.items():
        meta[key] = value
        if key in inferred:
            inferred.remove(key)


_PERSON_NAME = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}$")
# "Jane Doe / Example Post", "Newsroom / Example Post": a credit and its outlet.
_SLASH_CREDIT = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}\s+/\s+"
                           r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}$")


def _bare_name_byline(header: list[Judged], reasons: dict[int, str]) -> int | None:
    """A name alone on its line next to the dateline, below a possible headline:
    "Jane Doe" over "Tue 5 Mar 2024 09.30 GMT" is a byline without "By" (so is a name
    and its outlet, "Jane Doe / Example Post")."""
    for i, item in enumerate(header):
        text = item.block.text
        named = _PERSON_NAME.match(text) or _SLASH_CREDIT.match(text)
        if i in reasons or not named or text.isupper() or \
                any(is_stopword(w) for w in text.split()):
            continue
        beside = [reasons.get(j, "") for j in (i - 1, i + 1)]
        above = any(header[j].label == SHORT and header[j].n_words >= 4 for j in range(i))
        if above and any(r.startswith("dateline") for r in beside):
            return i
    return None


def _standfirst_shape(item: Judged) -> bool:
    """A long line in running prose (articles, auxiliaries, pronouns) under a headline is
    its standfirst: headlines drop those words."""
    tokens = words(item.block.text)
    return len(tokens) >= 12 and sum(map(is_stopword, tokens)) / len(tokens) >= 0.4


_MENU_SEPARATOR = re.compile(r"\s[|/>»›·•]\s")


def _menu(text: str) -> bool:
    """A breadcrumb, menu or masthead: short items between separators ("News / World /
    Europe", "THE EXAMPLE TIMES | Weekend Edition"); a headline's parts run longer."""
    items = _MENU_SEPARATOR.split(text)
    return len(items) >= 2 and all(len(words(item)) <= 3 for item in items)


# The parts of a stamp line: "Posted 1 June 2024 · By Ana Ruiz · 2 min read".
_PARTS = re.compile(r"\s+[|·•]\s+")
# A date in figures whose day and month could be either way round ("06/04/2024").
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?", re.I)
_EITHER_WAY = re.compile(r"\b(0?[1-9]|1[0-2])[/.-](0?[1-9]|1[0-2])[/.-]\d{4}\b")


def _stamp_and_credit(text: str) -> tuple[tuple[str, str | None], tuple[str, bool]] | None:
    """A line of a byline's parts and a date's parts (and a reading time), each part one
    or the other: the author and the date with whether it is an update's. Not where the
    date in figures reads either way round (a wrong day is worse than none)."""
    parts: list[str] = []
    for part in _PARTS.split(text):
        if _CLOCK.fullmatch(part.strip()) and parts:
            parts[-1] += " " + part  # "17.03.2025 | 16:05": a date, then its time
        elif part.strip():
            parts.append(part)
    if len(parts) < 2 or _EITHER_WAY.search(text):
        return None
    credits, stamps = [], []
    for part in parts:
        if (credit := byline(part)) and credit[0]:
            credits.append(credit)
        elif stamp := dateline_stamp(part):
            stamps.append(stamp)
        elif not READING_TIME.fullmatch(part.strip()):
            return None
    return (credits[0], stamps[0]) if credits and stamps else None
