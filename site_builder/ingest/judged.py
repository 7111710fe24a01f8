"""A block of a page with the cleaner's first judgement of it, shared by the cleaning steps."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Block

GOOD, NEAR, SHORT, BAD = "good", "near-good", "short", "bad"
# An item of a list that gives values: content, but weaker evidence than a sentence
# of where the article is.
ITEM = "list item"

LIST_HEADING = "heading of a list of other articles"
HEADLINE_LIST = "list of other articles' headlines"
TABLE_RULE = "table rule (markup)"
METADATA_FIELD = "metadata field (kept as metadata)"
# "Storm closes schools - March 4, 2024": another article's headline with its date.
DATED_ITEM = re.compile(r"\s[-–—|]\s*(?:[A-Z][a-z]+\.? \d{1,2},?|\d{1,2} [A-Z][a-z]+) \d{4}$")
# Long headline-shaped lines inside the body are other articles' headlines;
# shorter ones are the article's own sub-headings.
HEADLINE_MIN_WORDS = 8


@dataclass
class Judged:
    """A block, its class (GOOD, NEAR, SHORT, BAD, ITEM), why it is debris, its length."""

    block: Block
    label: str
    reason: str | None
    n_words: int
    headline_shape: bool
    table_row: bool = False
