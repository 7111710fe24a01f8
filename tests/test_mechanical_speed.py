"""Mechanical speed-ups give what the plain code gave, on every line of the test clusters.

Each rewritten hot loop is checked against a straightforward version of what it did
before (kept here) on every line and sentence of the seeds in tests/clusters, and on
inputs made to hit its edge cases.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from site_builder import dates
from site_builder.dates import DateMention, find_dates
from site_builder.text import split_sentences

CLUSTERS = Path(__file__).parent / "clusters"


@cache
def _cluster_texts() -> tuple[str, ...]:
    """Every non-blank line of every cluster seed, and every sentence of those lines."""
    texts: dict[str, None] = {}
    for path in sorted(CLUSTERS.glob("*/seeds/*")):
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            if line:
                texts[line] = None
                texts.update(dict.fromkeys(split_sentences(line)))
    return tuple(texts)


def _all_patterns(text: str, context_year: int | None) -> list[DateMention]:
    """`find_dates` as it was: every pattern searched on every text."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in dates._PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            mention = dates._mention(match, context_year)
            if mention is not None:
                found.append(mention)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


EDGE_DATES = [
    "", "no date here", "on Tuesday the board met", "MAY 2024 was wet", "in MARCH",
    "in\tmarch", "since ſeptember", "2024-03-05", "20240305", "March 5, 2024",
    "5th of March 2024", "Sept. 3", "3 Sept", "in early May", "the third quarter of 2023",
    "in 1999 and in 2024", "٢٠٢٤ and March ٣", "Mar 3", "a market on 3 Marches",
    "Dec 2024 and decided", "Monday's meeting", "until Friday", "by Sundays", "mid-2023",
    "12 May", "May", "may 12", "in may", "birthday 31 Jan", "Jan 32", "0 Jan",
]


@pytest.mark.parametrize("year", [None, 2024])
def test_find_dates_same_as_searching_every_pattern(year: int | None) -> None:
    texts = [*_cluster_texts(), *EDGE_DATES]
    assert len(texts) > 5000  # the clusters are there
    found = 0
    for text in texts:
        expected = _all_patterns(text, year)
        assert find_dates(text, year) == expected, text
        found += len(expected)
    assert found > 500  # the texts do carry dates


def test_a_month_matched_in_another_case_form_is_read() -> None:
    # "ſ" (long s) matches "s" in a case-insensitive pattern; it once raised KeyError.
    assert [d.month for d in find_dates("since ſeptember")] == [9]
