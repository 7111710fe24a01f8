"""The article's own header inside the extracted text: headline, section label, byline.

Above the first paragraph of prose, a page repeats what its metadata says: a section
label (kicker), the headline, the byline and the date. These are kept as metadata,
not as body paragraphs, named for what they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import find_dates, normalise_timestamp, parse_datetime
from ..models import Block
from .html_meta import clean_name

_TOKEN = re.compile(r"\w+")
_BYLINE = re.compile(r"^\s*(?:by|written by|words by|reporting by|author:?)\s+\S", re.I)
_PROSE_WORDS = 10  # the first kept block this long (not a heading) starts the body
_BYLINE_WORDS = 30
_LABEL_WORDS = 4
_DATE_NOTE_WORDS = frozenset({"updated", "published", "posted", "edited", "modified", "last",
                              "on", "at", "am", "pm", "a", "p", "m", "gmt", "utc"})
_BYLINE_REASON = "byline or dateline (kept as metadata)"
# Reasons the extractor gives for text it left out without a more telling kind.
UNNAMED_SHORT = "short text outside the article"
UNNAMED = "text outside the article"
_UNNAMED = frozenset({UNNAMED_SHORT, UNNAMED})
_TERMINAL = re.compile(r"[.!?…:][\"'”’)\]]*$")


@dataclass(frozen=True)
class HeaderHint:
    """What the markup says about a block: its element, and whether it holds a <time>."""

    tag: str
    timed: bool


def mark_header(blocks: list[Block], hints: list[HeaderHint], meta: dict[str, str]) -> None:
    """Mark the headline, section label and byline above the body as metadata.

    Fills `meta` with the author and date a visible byline gives when the markup
    declared none.
    """
    for i, block in enumerate(blocks):
        if not block.debris and _is_date_note(block.text):
            blocks[i] = Block(block.text, block.lines, debris="date or update note")
    header = []
    for i, block in enumerate(blocks):
        if block.debris in _UNNAMED and _is_byline(block, hints[i]):
            # The extractor left it out without saying why: name it, and read it.
            blocks[i] = Block(block.text, block.lines, debris=_BYLINE_REASON)
            _take_byline(block.text, meta)
        if blocks[i].debris:
            continue
        n_words = len(_TOKEN.findall(block.text))
        if n_words >= _PROSE_WORDS and not block.heading and not _is_byline(block, hints[i]):
            break
        header.append(i)
    title = _TOKEN.findall(meta.get("title", ""))
    headline = next((i for i in header if blocks[i].heading and (
        hints[i].tag == "h1" or _TOKEN.findall(blocks[i].text) == title)), None)
    for i in header:
        block = blocks[i]
        if i == headline:
            reason = "headline (kept as metadata)"
        elif headline is not None and i < headline and _is_label(block):
            reason = "section label above the headline"
        elif _is_byline(block, hints[i]):
            reason = _BYLINE_REASON
            _take_byline(block.text, meta)
        else:
            continue
        blocks[i] = Block(block.text, block.lines, debris=reason)


def _is_label(block: Block) -> bool:
    return len(_TOKEN.findall(block.text)) <= _LABEL_WORDS and not _TERMINAL.search(block.text)


def _is_byline(block: Block, hint: HeaderHint) -> bool:
    n_words = len(_TOKEN.findall(block.text))
    if n_words > _BYLINE_WORDS:
        return False
    if _BYLINE.match(block.text) or hint.timed:
        return True
    # A line that is a date and little else: "(Updated Feb. 8)", "March 5, 2024 9:30 AM".
    return n_words <= 12 and any(d.month for d in find_dates(block.text))


def _is_date_note(text: str) -> bool:
    """A block that is a date and little else: "(Updated Feb. 8)", "Posted 5 March 2024"."""
    dates = find_dates(text)
    if not dates or len(_TOKEN.findall(text)) > 12:
        return False
    rest = text
    for mention in reversed(dates):
        rest = rest[:mention.start] + " " + rest[mention.end:]
    return not [w for w in _TOKEN.findall(rest) if w.lower() not in _DATE_NOTE_WORDS
                and not w.isdigit()]


def _take_byline(text: str, meta: dict[str, str]) -> None:
    """Author and date from a "By …" line; a bare date line may be the site's, not the story's."""
    if not _BYLINE.match(text):
        return
    if "author" not in meta:
        # The name ends at the first comma: what follows is a role or a place.
        name = clean_name(re.split(r",", text, maxsplit=1)[0])
        if name:
            meta["author"] = name
    if "published" not in meta and (stamp := parse_datetime(text)):
        iso, _ = normalise_timestamp(stamp)
        if iso:
            meta["published"] = iso
