"""Pointers to other stories: "Read more: <headline>" lines and the same glued inside a paragraph.

A scraped page keeps the text of in-article link boxes ("Also read: ...", "READ MORE |
...", "[Related: ...]") but not their boxes, so they end up as lines of their own or
glued into the paragraph around them. Both are debris; inside a paragraph the pointer
and its headline are cut out and the cut is reported.
"""

from __future__ import annotations

import re

from ..text import is_stopword

# Labels of a link to another story, in the languages news sites commonly use.
_LABELS = (
    r"(?:also|must|don'?t miss|further)\s+read(?:ing)?|read\s+(?:also|more|next|this)|"
    r"see\s+(?:also|more)|more\s+on\s+this(?:\s+story)?|related(?:\s+(?:story|stories|article|"
    r"articles|link|links|content|coverage|news))?|recommended|you\s+may\s+also\s+like|"
    r"leia\s+(?:também|mais)|veja\s+também|lea\s+también|lee\s+también|lire\s+aussi|"
    r"à\s+lire\s+aussi|lesen\s+sie\s+auch|mehr\s+zum\s+thema|leggi\s+anche|lees\s+ook|"
    r"czytaj\s+(?:też|także)|читайте\s+также|читайте\s+(?:еще|ещё)|関連記事|あわせて読みたい"
)
_SEP = r"\s*(?:[:|»›>→：｜]|[–—-](?=\s))"
# Bare "read", "watch", "more", "video" ... are pointers only where nothing else can be meant:
# starting a line or in brackets, never inline ("the sign read: closed").
_SHORT_LABELS = r"read|watch|listen|more|video|photos|gallery|in pictures"
# A whole line that is such a pointer: the label alone, or with a separator and a headline.
# (after any arrow or bullet a link box puts in front: "» Related: ...", "▶ WATCH ...")
_LEAD = r"^[\s(\[»›>▶►→•*]*"
_LINK_LINE = re.compile(rf"{_LEAD}(?:{_LABELS}|{_SHORT_LABELS})(?:{_SEP}|\s*[)\]]?\s*$)", re.I)
# An all-capitals label needs no separator ("ALSO READ Why ports ...").
_CAPS_LABEL = re.compile(rf"{_LEAD}(?:ALSO READ|READ MORE|READ ALSO|SEE ALSO|RELATED|WATCH)\s+\S")
# Unbracketed inside a paragraph only the labels prose does not use before a colon
# ("not related: it was ...", "the sign read: closed" are prose).
_INLINE_LABELS = (
    r"(?:also|must|don'?t miss|further)\s+read(?:ing)?|read\s+(?:also|more|next)|see\s+also|"
    r"more\s+on\s+this\s+story|you\s+may\s+also\s+like|"
    r"leia\s+(?:também|mais)|veja\s+também|lea\s+también|lee\s+también|lire\s+aussi|"
    r"lesen\s+sie\s+auch|leggi\s+anche|lees\s+ook|czytaj\s+(?:też|także)|читайте\s+также"
)
# Inside a paragraph: a bracketed pointer, or a label with a separator.
_INLINE = re.compile(
    rf"(?P<open>[(\[])\s*(?:{_LABELS}|{_SHORT_LABELS}){_SEP}[^()\[\]]*[)\]]|"
    rf"(?<=\s)(?:(?:{_INLINE_LABELS}){_SEP}|(?-i:ALSO READ|READ MORE|READ ALSO|SEE ALSO)\s)",
    re.I)
_TERMINAL = re.compile(r"[.!?…](?=\s|$)")
_WORD = re.compile(r"\S+")


def is_link_line(text: str) -> bool:
    """A line that points the reader to another story rather than telling this one."""
    return bool(_LINK_LINE.match(text) or _CAPS_LABEL.match(text))


def cut_inline_links(text: str) -> tuple[str, list[str]]:
    """The paragraph without pointers to other stories glued into it, and each pointer cut
    out (with its headline) as it stood."""
    cuts: list[str] = []
    pos = 0
    while match := _INLINE.search(text, pos):
        if match.group("open"):
            start, end = match.start(), match.end()
        else:
            start, end = match.start(), _headline_end(text, match.end())
        if not text[:start].strip():
            break  # the paragraph starts with it: the whole line is a pointer
        cuts.append(" ".join(text[start:end].split()))
        text = (text[:start].rstrip() + " " + text[end:].lstrip()).strip()
        text = re.sub(r"\s+([,.;:!?])", r"\1", text)
        pos = start
    return text, cuts


def _headline_end(text: str, start: int) -> int:
    """Where a glued-in headline ends: before the sentence that resumes the paragraph.

    Headlines carry no full stop, so a terminal mark ends one; failing that, the
    paragraph resumes at a capitalised function word after a lower-case word
    ("... drivers strike The repairs took ..."); failing that, at the paragraph's end.
    """
    terminal = _TERMINAL.search(text, start)
    limit = terminal.end() if terminal else len(text)
    tokens = list(_WORD.finditer(text, start, limit))
    for before, word, after in zip(tokens, tokens[1:], tokens[2:], strict=False):
        w = word.group(0)
        if w[:1].isupper() and is_stopword(w) and before.group(0)[-1:].islower() and \
                after.group(0)[:1].islower():
            return word.start()
    return limit
