"""Who gave a figure: one figure credited to one source by one outlet and to another
source by another ("$2bn, the port authority said" / "$2bn, according to the insurers'
association").

A clause credits its figures to a source when it names exactly one person or body (not a
place) with a verb of saying or estimating right after it ("X said", "X officials put ...
at") or "according to X" before it ("reported" is left out: a newsroom relays with it).
Two credits clash when they give the same figure (dimension, unit and value, what it
counts compatible) in two outlets, at least one of them worked out by its source (a verb
of estimating or measuring, people "at" a body, a clause that calls it an estimate: a
plain "said" may repeat another's figure), to two sources of one sort (two people, or two
bodies: a person may speak for a body) whose names share no word, that no outlet credits
together and that are never named in one paragraph (where they are, one may be relaying
the other). Small counts are left out: many people give them. Credits are grouped by the
figure, never compared all-pairs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Article, Claim, Disagreement, Ref, Topic
from ..text import stem, words
from .entities import Mention
from .sentences import Sentence, per_form_found, rebound

ClaimMaker = Callable[[str, list[Sentence], list[Article]], Claim]

_CREDIT_BEFORE = re.compile(
    r"\b(?:[Aa]ccording\s+to|[Cc]iting|figures\s+from|data\s+from)\s+(?:the\s+)?"
    r"(?P<people>(?:[a-z][\w-]*\s+){1,3}?(?:at|of|from)\s+(?:the\s+)?)?$")
_CREDIT_AFTER = re.compile(
    r"^(?:,[^,;]{1,80},)?(?:\s+[a-z]+){0,2}?\s+(?:(?:has|had|have|also|first|later|then|now)\s+)*"
    r"(?:said|says|"
    r"told|tells|gave|gives|(?P<worked>put|puts|estimated|estimates|"
    r"calculated|calculates|computed|clocked|measured|reckoned|reckons|projected|projects))\b")
# Any of the words above, to pass over most sentences at once.
_CREDIT_WORD = re.compile(r"\b(?:[Aa]ccording|[Cc]iting|from|said|says|told|tells|"
                          r"gave|gives|puts?|estimate[sd]?|calculate[sd]|computed|"
                          r"clocked|measured|reckon(?:s|ed)|project(?:s|ed))\b")
# A figure the clause calls worked out: "the first rough figure", "an early estimate".
_WORKED_NOUN = re.compile(r"\b(?:estimate|calculation|projection|(?:rough|first|initial|early|"
                          r"preliminary)\s+(?:[a-z]+\s+)?(?:figure|count|tally))\b", re.I)
_CLAUSE_BREAK = re.compile(r";|,\s+(?:adding|and|but|while|whereas|though|although|"
                           r"before|after|as|which|when)\b")
_SMALL_COUNT = 10  # counts below this are given by many, and tell no source apart
_SHARED_STEMS = 2  # words besides the sources' names the two sentences share: one story


@dataclass(frozen=True)
class _Credit:
    sentence: Sentence
    source: str  # topic slug
    name: str
    person: bool
    words: frozenset[str]  # lower-case words of the source's name
    prop: str  # what the figure says, "" when no cue
    figure: str  # as written
    worked: bool  # the source worked the figure out, rather than repeating it


def figure_source_rows(sentences: list[Sentence], articles: list[Article],
                       topic_of: Callable[[Mention], Topic | None], topics: list[Topic],
                       claim: ClaimMaker) -> list[Disagreement]:
    """Rows where two outlets credit one figure to two different sources."""
    by_figure: dict[tuple[str, str, float], list[_Credit]] = {}
    for s, found in per_form_found(sentences, lambda s: _credits(s, topic_of)):
        for key, credit in found:
            by_figure.setdefault(key, []).extend(rebound([credit], s))
    mentions = {t.slug: t.mentions for t in topics}
    paragraphs: dict[str, set[Ref]] = {}  # made on demand: only sources of a shared figure

    def apart(a: str, b: str) -> bool:
        for slug in (a, b):
            if slug not in paragraphs:
                paragraphs[slug] = set(mentions.get(slug, ()))
        return paragraphs[a].isdisjoint(paragraphs[b])

    rows = []
    for _, found in sorted(by_figure.items()):
        groups: dict[str, list[_Credit]] = {}
        for c in found:
            groups.setdefault(c.source, []).append(c)
        if len(groups) < 2:
            continue
        keys = sorted(groups)
        pair = next(((a, b) for i, a in enumerate(keys) for b in keys[i + 1:]
                     if _clash(groups[a], groups[b]) and apart(a, b)), None)
        if pair is None:
            continue
        first = groups[pair[0]][0]
        rows.append(Disagreement(f"who gave the figure of {first.figure}", [
            claim(groups[k][0].name, [c.sentence for c in groups[k]], articles)
            for k in pair], kind="contradicts"))
    return rows


def _clash(one: list[_Credit], other: list[_Credit]) -> bool:
    """Two sources' credits of one figure that cannot both be where it came from."""
    a, b = one[0], other[0]
    if not any(c.worked for c in one + other):
        return False
    if a.person != b.person or not a.words.isdisjoint(b.words) or _initialism(a, b):
        return False
    if a.prop and b.prop and a.prop != b.prop:
        return False
    if {c.sentence.ref.article for c in one} & {c.sentence.ref.article for c in other}:
        return False
    names = {stem(w) for w in a.words | b.words}
    return any(len((x.sentence.stems & y.sentence.stems) - names) >= _SHARED_STEMS
               for x in one for y in other)


def _initialism(a: _Credit, b: _Credit) -> bool:
    """One name is the other's initials ("USGS" / "U.S. Geological Survey"): one body."""
    def letters(name: str) -> str:
        return re.sub(r"[^A-Za-z]", "", name).upper()

    def initials(name: str) -> str:
        return "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*|[A-Z]", name.replace(".", ". ")))

    return any(len(letters(x.name)) > 1 and letters(x.name) == initials(y.name).upper()
               for x, y in ((a, b), (b, a)))


def _credits(s: Sentence, topic_of: Callable[[Mention], Topic | None]
             ) -> list[tuple[tuple[str, str, float], _Credit]]:
    """(figure key, credit) for each figure of a clause that credits it to one source."""
    if not s.values or not _CREDIT_WORD.search(s.text):
        return []
    text = s.text
    found = []
    for start, end in _clauses(text):
        sources: dict[str, Topic] = {}
        worked = bool(_WORKED_NOUN.search(text, start, end))
        for m in s.mentions:
            if not (start <= m.start and m.end <= end):
                continue
            after = _CREDIT_AFTER.match(text[m.end:end])
            before = None if after else _CREDIT_BEFORE.search(text[start:m.start])
            topic = topic_of(m) if after or before else None
            if topic is None or topic.kind in ("place", "event"):
                continue
            sources[topic.slug] = topic
            worked = worked or bool((after and after.group("worked"))
                                    or (before and before.group("people")))
        if len(sources) != 1:
            continue
        [topic] = sources.values()
        found += [((f.dimension, f.unit, f.value),
                   _Credit(s, topic.slug, topic.name, topic.kind == "person",
                           frozenset(w.lower() for w in words(topic.name)), f.prop, f.text,
                           worked))
                  for f in s.values
                  if start <= f.start < end and f.dimension != "year"
                  and not (f.dimension == "count" and f.value < _SMALL_COUNT)]
    return found


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the text's clauses, split at semicolons and at a clause joined on ("...,
    adding that", ", but", ", while"), whose figures are another statement."""
    spans, start = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    return [*spans, (start, len(text))]
