"""The article's own tables and lists, told apart from lists of other articles' headlines."""

from __future__ import annotations

import re

from .judged import (
    BAD,
    DATED_ITEM,
    GOOD,
    HEADLINE_LIST,
    HEADLINE_MIN_WORDS,
    ITEM,
    LIST_HEADING,
    NEAR,
    SHORT,
    TABLE_RULE,
    Judged,
)

_CELL_SPLIT = re.compile(r"\s*(?:\||\t)\s*")
# "Length: 240 metres", "Cost - $4m": an item that gives a value for a label.
_COUNT = re.compile(r"[(\[]\d[\d,.]*[)\]]")
_LABEL_VALUE = re.compile(r"^[^:–—]{1,40}\s*[:–—]\s+\S")


def _cells(text: str) -> int:
    """Number of cells when a line is a table row ("2021 | 640,000 | 5,100"), else 0."""
    if "|" not in text and "\t" not in text:
        return 0
    cells = [c for c in _CELL_SPLIT.split(text.strip().strip("|")) if c]
    return len(cells) if len(cells) >= 2 else 0


def judge_lists_and_tables(judged: list[Judged]) -> None:
    """Table rows and the items of an article's own lists are content.

    A table is two or more consecutive rows with the same number of cells, holding
    figures. A list is the article's own when it is not introduced by a pointer to
    other articles, none of its items is dated, and either a lead-in inside the
    running text introduces it or its items give values ("Cost: $4m", figures).
    """
    i = 0
    while i < len(judged):
        width = _cells(judged[i].block.text)
        j = i + 1
        while width and j < len(judged) and (
                _cells(judged[j].block.text) == width or judged[j].reason == TABLE_RULE):
            j += 1
        rows = [k for k in range(i, j) if judged[k].reason != TABLE_RULE]
        if width and len(rows) >= 2 and (
                len(rows) >= 3 or all(re.search(r"\d", judged[k].block.text) for k in rows[1:])):
            figures = sum(1 for k in rows if re.search(r"\d", judged[k].block.text))
            for k in rows:
                if not judged[k].block.debris:
                    # Rows of figures are article data; rows of words alone could be menus.
                    label = NEAR if figures * 2 >= len(rows) else ITEM
                    judged[k] = Judged(judged[k].block, label, None, judged[k].n_words, False,
                                        table_row=True)
            _restore_lead_in(judged, i)  # a table's title: articles are not listed in tables
            i = j
            continue
        i += 1
    i = 0
    while i < len(judged):
        if not judged[i].block.bullet:
            i += 1
            continue
        j = i
        while j < len(judged) and judged[j].block.bullet:
            j += 1
        own, introduced = _own_list(judged, i, j)
        if own:
            for k in range(i, j):
                item = judged[k]
                if item.reason == HEADLINE_LIST:
                    judged[k] = Judged(item.block, NEAR if introduced else ITEM, None,
                                        item.n_words, False)
        if introduced:
            _restore_lead_in(judged, i)
        i = j
    # A short "...:" line between two paragraphs introduces the next one (a subhead
    # such as "The cost:"), not a list of other articles.
    for i in range(1, len(judged) - 1):
        if judged[i].reason == LIST_HEADING and all(
                judged[k].label in (GOOD, NEAR) and not judged[k].block.bullet
                and not judged[k].table_row for k in (i - 1, i + 1)):
            _restore_lead_in(judged, i + 1)


def _prose_at(judged: list[Judged], i: int, step: int) -> bool:
    """Whether a paragraph of running text is at `i`, or just past a subhead there."""
    if 0 <= i < len(judged) and judged[i].label == SHORT and judged[i].headline_shape:
        i += step  # "How do I apply?" between the list and the paragraph
    return 0 <= i < len(judged) and judged[i].label in (GOOD, NEAR) and \
        not judged[i].block.bullet and not judged[i].table_row


def _restore_lead_in(judged: list[Judged], start: int) -> None:
    """The "...:" line before an article's own list or table introduces it: a short one
    is a heading, a long one a sentence, never another article's headline."""
    lead = judged[start - 1] if start else None
    if lead is None or not lead.block.text.rstrip().endswith(":"):
        return
    if lead.reason == LIST_HEADING:
        judged[start - 1] = Judged(lead.block, SHORT, None, lead.n_words, True)
    elif lead.label == SHORT and lead.n_words >= HEADLINE_MIN_WORDS:
        judged[start - 1] = Judged(lead.block, SHORT, None, lead.n_words, False)


def _own_list(judged: list[Judged], start: int, end: int) -> tuple[bool, bool]:
    """Whether a list is the article's own, and whether a lead-in in the text introduces it."""
    items = judged[start:end]
    if any(DATED_ITEM.search(it.block.text) or it.block.debris or
           (it.label == BAD and it.reason != HEADLINE_LIST) for it in items):
        return False, False
    lead = judged[start - 1] if start else None
    if lead is not None and lead.label == BAD and lead.reason != LIST_HEADING:
        return False, False  # "Related coverage:", "Most read", a share bar: others' headlines
    before = judged[start - 2] if start >= 2 else None
    if lead is not None and lead.block.text.rstrip().endswith(":") and (
            lead.label in (GOOD, NEAR) or (before is not None and before.label in (GOOD, NEAR)
                                           and not before.block.bullet)):
        return True, True  # introduced inside the running text: "The plan at a glance:"
    if _prose_at(judged, start - 1, -1) and _prose_at(judged, end, 1):
        return True, False  # a list between two paragraphs of the article
    texts = [it.block.text for it in items]
    # A count in brackets ("Archive (15)") is a link's counter, not a value.
    valued = sum(1 for t in texts if _LABEL_VALUE.match(t) or re.search(r"\d", _COUNT.sub("", t)))
    return valued * 2 > len(texts), False
