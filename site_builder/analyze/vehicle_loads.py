"""One vehicle's load among several, told by where it was bound.

"Two buses carrying 65 people" counts all aboard; "another bus heading to Tarno had 41
passengers" counts those aboard one of them, a part of the 65 and no rival of it. Counts
aboard one vehicle compare only with counts aboard the same vehicle, which sources tell
apart by its destination ("heading to Tarno", "Tarno-bound", "from Ostra to Tarno",
"carrying 41 passengers to Tarno"); a vehicle told by nothing compares with none.
"""

from __future__ import annotations

import re

# Vehicles that carry people (a closed class).
_VEHICLES = (r"(?:bus|coach|minibus|microbus|train|tram|car|van|truck|lorry|jeep|taxi|boat|"
             r"ferry|ship|vessel|barge|plane|aircraft|jet|helicopter|carriage|wagon)")
# A determiner that picks one of several ("another bus", "the second train", "each boat"),
# then at most three words of name ("a Kestrel Express bus", "the Tarno-bound Lark bus").
_ONE_OF = re.compile(r"\b(?:an?|one|another|the\s+other|each|the\s+(?:first|second|third|"
                     r"fourth|former|latter))\s+(?:[\w'’-]+\s+){0,3}?" + _VEHICLES +
                     r"\b(?!-)", re.I)
# A sentence naming several of a vehicle: "the buses", "two ferries", "another bus".
_SEVERAL = r"(?:{many}|\b(?:another|other|second|both)\s+(?:[\w'’-]+\s+){{0,3}}?{one})\b"
# "a bus", "the bus": a determiner that does not itself say there are several.
_BARE = re.compile(r"(?:an?|the)\s+(?!(?:first|second|third|fourth|former|latter|other)\b)",
                   re.I)
# "the bus heading to Tarno": one vehicle told by where it goes.
_THE_BOUND = re.compile(r"\bthe\s+(?:[\w'’-]+\s+){0,3}?" + _VEHICLES + r",?\s+(?:heading|"
                        r"headed|bound|going|travell?ing|en\s+route|driving|sailing)\b", re.I)
_NAME = r"([A-Z][\w'’-]+)(?:['’]s\s+([A-Z][\w'’-]+))?"
_FROM = r"(?:from\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+)?"
# Where the vehicle was bound.
_BOUND_FOR = re.compile(r"\b(?:heading|headed|bound|going|travell?ing|en\s+route|driving|"
                        r"sailing)\s+" + _FROM + r"(?:to|towards|for)\s+(?:the\s+)?" + _NAME +
                        r"|\bfrom\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+to\s+" + _NAME +
                        r"|\b([A-Z][\w'’-]+)-bound\b")
# "carrying 41 passengers to Tarno": the destination right after the counted noun.
_TO_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:to|towards|for)\s+" + _NAME)
# A clause's bounds: a load is said of the vehicle in its own clause.
_CLAUSE_END = re.compile(r"[.;]|\s(?:and|while|whereas|but)\s")


def bound_vehicle(text: str, start: int, end: int) -> str | None:
    """For a count at text[start:end], the key of the one vehicle (of several) it is the
    load of: where the vehicle was bound, lower-cased ("" when the clause does not say);
    None when the count is not said of one vehicle."""
    lo = max(0, start - 160)
    ends = [m.end() for m in _CLAUSE_END.finditer(text, lo, start)]
    lo = ends[-1] if ends else lo
    stop = _CLAUSE_END.search(text, end)
    hi = stop.start() if stop else len(text)
    clause = text[lo:hi]
    one = _ONE_OF.search(clause) or _THE_BOUND.search(clause)
    if one is None:
        return None
    # "All 379 passengers on a jet": one vehicle, but the only one the sentence tells of
    # ("one bus", "another bus" say there are several by themselves; "a bus" does not).
    noun = re.search(_VEHICLES + r"\b(?!-)", one.group(), re.I)
    several = noun is not None and re.search(_SEVERAL.format(
        many=_plural(noun.group()), one=re.escape(noun.group().lower())), text, re.I)
    if _BARE.match(one.group()) and not several:
        return None
    m = _BOUND_FOR.search(clause) or _TO_AFTER.match(text, end, hi)
    if m is None:
        return ""
    names = [g for g in m.groups() if g]
    return names[-1].lower()


def _plural(noun: str) -> str:
    """A pattern for a vehicle noun's plural ("buses", "ferries", "boats")."""
    noun = noun.lower()
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return re.escape(noun[:-1]) + "ies"
    return re.escape(noun) + ("es" if noun.endswith(("s", "ch", "x")) else "s")
