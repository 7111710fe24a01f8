"""Say why a seed yielded no article, naming what was found and tried."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..models import CleanDocument, RawDocument
from .html_extract import LINKS

# Removal reasons that mean "a menu or a list of links".
_NAVIGATION = frozenset({"navigation", LINKS, "navigation or site control", "page header",
                         "list of other articles", "list of other articles' headlines"})


def no_article_message(raw: RawDocument, cleaned: CleanDocument, path: Path) -> str:
    """The warning for a seed with no article text: an empty file, or what it held instead."""
    if not raw.blocks:
        try:
            empty = not path.read_bytes().strip()
        except OSError:
            empty = False
        if empty:
            return "empty file (no text)"
        return "no article text found (no text blocks: only markup, scripts or styles)"
    reasons: Counter[str] = Counter()
    for removal in cleaned.removed:
        reasons[removal.reason] += 1
    if set(reasons) <= _NAVIGATION:
        what = "only navigation and links"
    else:
        top = [reason for reason, _ in sorted(reasons.items(), key=lambda r: (-r[1], r[0]))]
        if len(top) > 3:
            top = [*top[:3], "more"]
        what = "only " + (f"{', '.join(top[:-1])} and {top[-1]}" if len(top) > 1 else top[0])
    blocks = "text block" if len(raw.blocks) == 1 else "text blocks"
    return f"no article text found ({len(raw.blocks)} {blocks}, {what})"
