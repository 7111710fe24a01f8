"""On which day a state was declared: "declared a national emergency on Thursday" against
"declared a national emergency on Friday".

A declared state (an emergency, a curfew, a day of mourning, a ceasefire...) is put in
force once by one body for one place: two outlets that give it two days disagree. The
class of such states is closed (what a government or a court can declare or lift); a
verb of putting in force or lifting comes before it and a day right after it, a date or
a weekday read back from the article's publication date. The declaration is keyed by
the verb, the state, its level ("national", "provincial") and the names around it, so
that two places' or two bodies' declarations are never compared; claims are grouped by
that key, never compared all-pairs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Article, Claim, Disagreement
from .sentences import Sentence, per_form_found, rebound

ClaimMaker = Callable[[str, list[Sentence], list[Article]], Claim]

# States a body declares, imposes or lifts once for one place (a closed class).
_STATES = {"emergency": "emergency", "disaster": "disaster", "curfew": "curfew",
           "lockdown": "lockdown", "mourning": "mourning", "martial law": "martial law",
           "ceasefire": "ceasefire", "cease-fire": "ceasefire", "truce": "ceasefire",
           "quarantine": "quarantine", "bankruptcy": "bankruptcy",
           "insolvency": "bankruptcy", "independence": "independence", "war": "war"}
_STATE_WORD = re.compile(r"\b(?:" + "|".join(_STATES) + r")\b", re.I)
_VERBS = {"declared": "declared", "proclaimed": "declared", "imposed": "declared",
          "announced": "declared", "lifted": "lifted"}
# The verb, a short object naming the state, then the day ("on Thursday", "on 26 August").
_DECLARED = re.compile(
    r"\b(?P<verb>" + "|".join(_VERBS) + r")\s+(?P<object>(?:[\w'’-]+\s+){0,5}?(?:"
    + "|".join(sorted(_STATES, key=len, reverse=True)) + r")(?:\s+(?:in|for|across|over)"
    r"(?:\s+[\w'’-]+){1,4}?)?)\s+(?P<day>(?:on|last)\s+\S)")
# Jurisdiction words that tell two declarations apart ("a national emergency" and a
# provincial one are two acts).
_LEVELS = {"national": "national", "nationwide": "national", "federal": "national",
           "countrywide": "national", "state": "state", "provincial": "state",
           "regional": "state", "local": "local", "city": "local", "municipal": "local",
           "county": "local", "district": "local"}
# A denial or a plan is not a declaration told as done.
_NOT_DONE = re.compile(r"\b(?:not|never|n['’]t|no|would|will|could|may|might|to|if|whether)"
                       r"\s+(?:(?:be|been|have|has|yet|formally|officially)\s+)*$")
_PRONOUNS = frozenset("him her them it itself themselves me us you".split())
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A wire dateline: a place in capitals, a comma, then the date.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40}(?:,\s+[A-Z][\w .'’-]{1,30})?,\s+")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)
_SUBJECT_REACH = 60  # characters before the verb where the declaring body is named


@dataclass(frozen=True)
class _Declared:
    sentence: Sentence
    text: str  # the day as written
    date: tuple[int, int] | None  # (month, day) as written, None for a weekday
    weekday: int | None  # 0 = Monday, read back from the article's date


def declaration_rows(sentences: list[Sentence], articles: list[Article],
                     claim: ClaimMaker) -> list[Disagreement]:
    """Rows where two outlets put one declaration of a state on two different days."""
    found_of: dict[tuple, list[tuple[tuple[str, ...], tuple[int, int], _Declared]]] = {}
    labels: dict[tuple, str] = {}
    issued = _issued(sentences, articles)
    for s, found in per_form_found(sentences, _declarations):
        for key, levels, label, d in found:
            day = _resolved(d, issued.get(s.article_index))
            if day is not None:
                found_of.setdefault(key, []).extend((levels, day, x) for x in rebound([d], s))
                labels.setdefault(key, label)
    rows = []
    for key, found in sorted(found_of.items()):
        # A telling that names no level fits a declaration at any level.
        levelled = sorted({levels for levels, _, _ in found if levels}) or [()]
        for level in levelled:
            by_day: dict[tuple[int, int], list[_Declared]] = {}
            for levels, day, d in found:
                if levels in ((), level):
                    by_day.setdefault(day, []).append(d)
            if _clash(by_day):
                days = sorted(by_day)
                claims = [claim(by_day[day][0].text, [d.sentence for d in by_day[day]],
                                articles) for day in days]
                rows.append(Disagreement(f"when {labels[key]}", claims, kind="contradicts"))
    return rows


def _clash(by_day: dict[tuple[int, int], list[_Declared]]) -> bool:
    """Two days each told by an article that does not tell the other."""
    told = {day: {d.sentence.ref.article for d in group} for day, group in by_day.items()}
    days = sorted(told)
    return any(told[a] - told[b] and told[b] - told[a]
               for i, a in enumerate(days) for b in days[i + 1:])


def _issued(sentences: list[Sentence], articles: list[Article]) -> dict[int, dt.date]:
    """Each article's date: its publication, else its wire dateline ("LIMA, May 3 (Wire) -")
    at the start of its first paragraph, with the year the text gives the date."""
    issued = {}
    for n, article in enumerate(articles):
        try:
            issued[n] = dt.date.fromisoformat((article.published or "")[:10])
        except ValueError:
            continue
    for s in sentences:
        if s.article_index in issued or s.paragraph_index:
            continue
        line = _DATELINE.match(s.text)
        date = next((d.date for d in s.dates if line and d.start == line.end()), None)
        if date is not None:
            issued[s.article_index] = date
    return issued


def _resolved(d: _Declared, issued: dt.date | None) -> tuple[int, int] | None:
    """The (month, day) a telling names: a date as written, a weekday as the last such day
    on or before the article's date ("on Thursday" in a Monday paper)."""
    if d.weekday is None:
        return d.date
    if issued is None:
        return None
    back = (issued.weekday() - d.weekday) % 7 or (7 if d.text.lower().startswith("last")
                                                    else 0)
    day = issued - dt.timedelta(days=back)
    return day.month, day.day


def _declarations(s: Sentence) -> list[tuple[tuple, tuple[str, ...], str, _Declared]]:
    """(key, levels, label, telling) of each dated declaration of a state in the sentence."""
    found: list[tuple[tuple, tuple[str, ...], str, _Declared]] = []
    text = s.text
    if not s.dates or not _STATE_WORD.search(text):
        return found
    for m in _DECLARED.finditer(text):
        if _NOT_DONE.search(text[:m.start()]):
            continue
        obj = m.group("object")
        words = [w.lower() for w in _WORD.findall(obj)]
        if _PRONOUNS.intersection(words):
            continue
        state = next(_STATES[w] for w in sorted(_STATES, key=len, reverse=True)
                     if re.search(r"\b" + re.escape(w) + r"\b", obj.lower()))
        # "on Thursday" starts at "on", "on 26 August" at the figure after it.
        at = m.start("day")
        date = next((d for d in s.dates if d.start <= at + 5 and at < d.end), None)
        if date is None or (date.weekday is None and not (date.month and date.day)):
            continue
        subject_from = max(text.rfind(",", 0, m.start()), text.rfind(";", 0, m.start()),
                           m.start() - _SUBJECT_REACH, 0)
        names = frozenset(x.key for x in s.mentions
                          if subject_from <= x.start and x.end <= m.end("object"))
        said = words + [w.lower() for w in _WORD.findall(text[subject_from:m.start()])]
        levels = tuple(sorted({_LEVELS[w] for w in said if w in _LEVELS}))
        verb = _VERBS[m.group("verb")]
        day = (date.month, date.day) if date.weekday is None else None
        key = (verb, state, tuple(sorted(names)))
        label = f"{_ARTICLE.sub('', obj.strip())} was {verb}"
        found.append((key, levels, label, _Declared(s, date.text.strip(" .,"), day, date.weekday)))
    return found
