"""Disagreements: figures of the same frame that cannot both hold, labelled honestly.

Figures are blocked by frame key (dimension, unit, property and thing measured); only
figures in one block are compared, and only their distinct values pairwise. A row lists
every claim of one frame with its paragraphs; its kind is "contradicts" (the intervals
cannot both hold), "differs" (alike hedges, values apart beyond rounding) or "update" (a
running figure that later reports raise: shown in time order). Rounding, unit
conversion and a more specific figure inside a hedged one are never flagged.
"""

from __future__ import annotations

import datetime
import itertools
import math
import re
import string
from collections import defaultdict
from collections.abc import Container, Sequence
from dataclasses import dataclass, replace

from ..dates import WEEKDAYS, DateMention
from ..models import Article, Claim, Disagreement
from ..pipeline import Runner, Stage
from ..text import is_stopword, stem
from .frames import (
    BACK,
    HAS,
    KIN,
    NATIONALS,
    ORIGIN,
    PART,
    PROPERTY_CUE,
    SECONDARY_SHOCKS,
    SIZES,
    VEHICLE,
    Figure,
    agreement_sum,
    last_place,
    place_names,
    places_in,
    rival_estimate,
    sentence_place,
    sums_places,
)
from .gazetteer import gazetteer
from .sentences import Sentence, synonym_stems

# Characters either side of a figure that say what it is about.
WINDOW = 60
# Distinct values of one block compared pairwise at most (the block is skipped beyond:
# a frame with that many different values is too generic to be one quantity).
MAX_VALUES = 60
# Properties whose figures run over time: a later, higher report supersedes an earlier.
RUNNING = frozenset({"killed", "injured", "missing", "displaced", "evacuated", "rescued", "waiting",
                     "arrested", "affected", "damage", "destroyed", "damaged", "recovered", "cost",
                     "aid", "contained", "searched", "identified", "recorded", "in care",
                     "handed over", "trapped", "area", "survived", "buried"})
# What befalls people: a report's two tolls of one kind of person, dead or hurt or missing,
# clash whatever the people are called ("five members", "four of the team members").
HARMS = frozenset({"killed", "injured", "missing"})
# Running figures that later reports lower (what is left).
RUNNING_DOWN = frozenset({"supply", "missing"})
# Running figures that move either way as days pass (the missing are found, or counted
# dead; the displaced go home; water rises and recedes): any change from one day to the
# next is an update. A storm's sustained winds move so too, strengthening and weakening by
# the day (its strongest gusts are a record, not a state).
RUNNING_EITHER = frozenset({"missing", "displaced", "evacuated", "affected", "waiting", "level",
                            "shift", "minor", "serious", "critical", "stable", "sustained wind",
                            "in care", "trapped"})
# "More than X" is not how one reports a figure this many times X (nor "up to X" one
# this many times smaller): the two stated values differ.
BOUND_REACH = 1.4
# A vague quantity ("thousands") is said of figures this far beyond its literal range.
VAGUE_REACH = 2.0
# One report's two tolls this close are one count told two ways (farther apart, two counts).
INTERNAL_GAP = 1.25
# Relative slack for a figure converted between units (the converter rounded it too).
_CONVERSION = 0.01
# Sums and durations this many times apart measure different things.
APART = 10.0
_APART_DIMENSIONS = frozenset({"length", "mass", "area", "volume", "speed", "duration",
                               "money", "floors"})
# A physical size misreported is off by a slip of a digit or a unit taken for another
# (feet for metres: 3.3 times), not several-fold: farther apart are two things (a ship
# and the bridge it hit, a span and the whole bridge).
SIZE_APART = 4.0
# The same holds for a building's storeys (a 12-storey tower, a pile of rubble two high).
_FIXED_SIZES = SIZES | {"floors"}
_CONVERTED = SIZES | {"duration"}
_PHYSICAL = _CONVERTED | {"floors", "magnitude"}


@dataclass(slots=True)
class _Item:
    sentence: Sentence
    figure: Figure
    context: frozenset[str]  # stems around the figure
    rate: str = ""  # the span of time a figure is given per ("day"): a flow is no total
    part: bool = False  # said of one place "alone": a part of a larger whole
    tally: bool = False  # a count said to stand so at the time ("now has four cracks")
    stated: Figure | None = None  # the figure as written, when `figure` is put per day
    days: frozenset[int] = frozenset()  # weekdays its sentence, or the last before it, names


# "27,000 vehicles a day", "$2bn per year": a flow over time compares only with flows
# over the same span, never with a total ("8.7 million vehicles a year" is no count of
# the vehicles). A share for one of many ("each", "a head") may be said before the figure
# ("each passenger paid $90,000"), so it is not told apart here.
# ("killed 12 people a day after landfall" dates the toll: no rate.)
_RATE_AFTER = re.compile(r"\s*(?:per|an?|every|each)\s+(day|week|month|year|hour|minute|second|"
                         r"night|decade)\b(?!\s+(?:after|before|later|earlier|ago|since|into|"
                         r"on|of)\b)", re.I)


# "Ostrava, Lund and Tarn each reported three deaths", "they were fined $500 each": a
# share for every one of several, no total. "each" before a verb (not before a noun: "each
# passenger paid $90,000" is the price, compared as any) or right after the figure.
_EACH_BEFORE = re.compile(r"\beach\s+(?:[a-z]+ing|[a-z]+ed|had|has|have|was|were|is|are|got|"
                          r"lost|saw|took|won|paid)\s+(?:[a-z]+\s+){0,2}$", re.I)
_EACH_AFTER = re.compile(r"\s+each\b(?!\s+(?:of|other|day|week|month|year|hour|minute|"
                         r"second|night|decade)\b)", re.I)


def _rate(text: str, f: Figure) -> str:
    """The span of time (or the "each" of a share) a figure is given per: "" for a total."""
    if _EACH_BEFORE.search(text, max(0, f.start - 40), f.start) or \
            _EACH_AFTER.match(text, f.end):
        return "each"
    m = _RATE_AFTER.match(text, f.end)
    return m.group(1).lower() if m else ""


# A flow's span in days: "$2m a week" and "$8m a month" are one flow told per two spans.
_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "night": 1.0,
         "week": 7.0, "month": 30.44, "year": 365.25, "decade": 3652.5}


def _per_day(f: Figure, span: str) -> Figure:
    """The flow put per day, so that flows told per week and per month compare."""
    days = _DAYS[span]
    return replace(f, value=f.value / days, low=f.low / days, high=f.high / days,
                   step=f.step / days)


# "several others were hurt", "a few people": too loose to hold against any count.
_LOOSE = re.compile(r"(?:several|a\s+few|a\s+handful\s+of)\b(?!\s+(?:dozen|hundred|thousand))",
                    re.I)
# Nouns for those a vehicle carried, however said ("41 passengers", "30 people").
_CARRIED = frozenset({"people", "passeng", "person", "travel", "occup"})


def frame_keys(f: Figure) -> list[tuple[str, ...]]:
    """The blocks a figure falls into: figures sharing no key are never compared."""
    if f.dimension == "count" and f.thing.startswith(VEHICLE):
        # One vehicle's load: only with another's for the same vehicle (by destination).
        return [("count", f.prop, f.thing)] if f.thing != VEHICLE else []
    if f.dimension == "count" and (f.thing == KIN or (f.hedge == "vague" and
                                   _LOOSE.match(f.text))):
        return []
    if f.dimension == "count" and not f.prop and f.unit == "people":
        return []  # "72 people", "four others": people of whom nothing is said
    if f.unit == BACK:
        return []  # "the count had reached 369", of a count not read
    if f.dimension == "count":
        return [("count", f.prop, noun) for noun in dict.fromkeys(f.nouns)]
    if f.dimension == "age":
        return [("age", f.thing)] if f.thing else []
    if f.dimension == "percent" and f.thing and not f.prop:
        # "a third of the country", "nearly half of the country": shares of one whole.
        return [("percent", f.unit, "share of " + f.thing)]
    if not f.prop:
        return []  # a sum or a size of nothing said: too loose to compare
    return [(f.dimension, "" if f.dimension == "money" else f.unit, f.prop)]


# Where the people counted come from, said of them as a group ("18 Chinese nationals", "the
# 18 foreign workers"): one origin's group is a part of a count that names none. A closed
# class of words of origin besides the demonyms; "mostly Chinese workers" says what most of
# the whole are, no part.
_OF_ORIGIN = frozenset("foreign foreigners local locals domestic overseas expatriate "
                       "expatriates".split())
_MOSTLY = re.compile(r"\b(?:mostly|mainly|largely|predominantly|chiefly|primarily|"
                     r"overwhelmingly|most\s+of\s+them)\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _origin(f: Figure) -> frozenset[str]:
    """The origins a count's own words give the people counted (none for a whole): the
    country of a demonym, lower-cased, or the word of origin."""
    if f.dimension != "count" or _MOSTLY.search(f.text):
        return frozenset()
    demonyms = gazetteer().demonym_of
    words = _WORD.findall(f.text)
    found = {w.lower() for w in words if w.lower() in _OF_ORIGIN}
    found.update(demonyms[d].lower() for w in words if w[0].isupper()
                 and (d := w.lower() if w.lower() in demonyms else w.lower().removesuffix("s"))
                 in demonyms)
    # Demonyms of two words ("South Korean").
    found.update(demonyms[pair].lower() for a, b in itertools.pairwise(words)
                 if a[0].isupper() and (pair := f"{a} {b}".lower()) in demonyms)
    return frozenset(found)


def _same_origin(a: Figure, b: Figure) -> bool:
    """Two counts of one group by origin: the same origins, or one's origin is the country
    the other is placed in ("11 Nepalese nationals" and "Nepal reported 14 deaths")."""
    oa, ob = _origin(a), _origin(b)
    if oa == ob:
        return True
    return any(not mine and not _MOSTLY.search(f.text) and theirs == {f.place}
               for f, mine, theirs in ((a, oa, ob), (b, ob, oa)))


def same_frame(a: Figure, b: Figure) -> bool:
    """Two figures measure the same property of the same thing."""
    if a.dimension != b.dimension or a.prop != b.prop or BACK in (a.unit, b.unit):
        return False
    if a.dimension == "count" and not _same_origin(a, b):
        return False  # "18 Chinese nationals" of the dead, not all "22 workers" killed
    if a.place and b.place and a.place != b.place:
        return False  # Veltia's toll is not Quorra's, nor the combined one
    if a.dimension == "count" and VEHICLE in (a.thing[:len(VEHICLE)], b.thing[:len(VEHICLE)]):
        # Loads of one vehicle, by whatever noun for those carried.
        return a.thing == b.thing and (bool(set(a.nouns) & set(b.nouns)) or
                                       {a.nouns[-1:], b.nouns[-1:]} <= {(n,) for n in _CARRIED})
    if a.dimension == "magnitude" and SECONDARY_SHOCKS & {a.thing, b.thing}:
        return a.thing == b.thing  # an aftershock's magnitude is not the quake's
    if a.dimension == "count" and a.prop == PART:
        # Parts of one whole, said to be the same kind of thing ("hazardous").
        return bool(set(a.nouns) & set(b.nouns)) and bool(set(a.thing.split()) &
                                                           set(b.thing.split()))
    if a.dimension == "count" and not a.prop and a.nouns and b.nouns and \
            a.nouns[-1] == b.nouns[-1] and set(a.nouns) - set(b.nouns) and \
            set(b.nouns) - set(a.nouns):
        # Nothing said of them but the noun phrase: "eleven ministry investigators" and
        # "two Korean investigators" are two groups, each told by a word the other lacks.
        return False
    if a.dimension == "count" and (a.thing == NATIONALS) != (b.thing == NATIONALS) and \
            not (a.place and a.place == b.place):
        return False  # a country's people among the dead are not the whole toll
    if a.dimension == "count":
        return bool(set(a.nouns) & set(b.nouns))
    if a.prop == "elapsed":
        return bool(a.thing) and a.thing == b.thing  # time after the same event
    if a.dimension == "duration":
        # "a 30-day limit" and "away for five months": how long of two things; a length of
        # time said of nothing is compared only with another said of nothing.
        return a.thing == b.thing
    if a.dimension == "percent" and a.unit != b.unit:
        return False
    return a.thing == b.thing or not a.thing or not b.thing


def same_value(a: Figure, b: Figure) -> bool:
    """The same figure, allowing for rounding and unit conversion."""
    if a.hedge in ("range", "vague") or b.hedge in ("range", "vague"):
        return a.low == b.low and a.high == b.high
    if {a.hedge, b.hedge} & _BOUNDS and (a.high < b.low or b.high < a.low):
        return False  # "nearly 90" and "more than 90": one number, bounds apart
    if a.dimension in _CONVERTED and a.step != b.step:
        # A converted figure: each side rounded to its own unit, and a little slack.
        tolerance = (a.step + b.step) / 2 + _CONVERSION * max(abs(a.value), abs(b.value))
    else:  # the same stated precision means the same unit
        tolerance = max(a.step, b.step) / 2
    return abs(a.value - b.value) <= tolerance


# Two rounded floors (or ceilings) this close, relatively, are one bound rounded two ways.
_NEAR_BOUNDS = 0.05


def relation(a: Figure, b: Figure) -> str:
    """"same" | "compatible" (one more specific) | "contradicts" | "differs" | "apart"
    (too far apart to be one quantity: two things)."""
    if a.dimension == "money" and a.unit != b.unit:
        # No exchange rates: only the same amount in two currencies is comparable.
        return "differs" if same_value(a, b) else "compatible"
    if same_value(a, b):
        return "same"
    # A size that moves (a water level, how near a column has come) may move far.
    fixed = a.prop not in RUNNING_EITHER and a.prop != "distance"
    reach = SIZE_APART if a.dimension in _FIXED_SIZES and fixed else APART
    if a.dimension in _APART_DIMENSIONS and \
            max(a.value, b.value) > reach * max(min(a.value, b.value), 1e-9):
        return "apart"  # a metre and a mile apart: not one quantity misreported
    if a.high < b.low or b.high < a.low:
        return "contradicts"
    if {a.hedge, b.hedge} == {"range", "upper"}:
        # "6 to 8 metres deep" and "up to 10 metres": each states how far it reaches at
        # most, and the two reaches differ.
        span, bound = (a, b) if a.hedge == "range" else (b, a)
        top = replace(span, value=span.high, hedge="exact")
        return "differs" if not same_value(top, replace(bound, hedge="exact")) else "compatible"
    if _bound(a.hedge) == _bound(b.hedge) and _bound(a.hedge) in ("lower", "upper") and \
            (step := max(a.step, b.step)) > 1 and abs(a.value - b.value) <= step and \
            abs(a.value - b.value) <= _NEAR_BOUNDS * max(abs(a.value), abs(b.value)):
        # "more than 34,000" and "over 35,000": one floor rounded two ways, a unit of
        # rounding apart ("at least 49" and "at least 50" are two counts).
        return "compatible"
    if _bound(a.hedge) == _bound(b.hedge) and a.hedge in ("lower", "least", "just", "upper",
                                                          "about", "nearly"):
        return "differs"  # "more than $3bn" and "more than $7bn" say different things
    (a_low, a_high), (b_low, b_high) = _plausible(a), _plausible(b)
    if a_high < b_low or b_high < a_low:
        return "differs"  # "more than $40m" is not how one reports $65m
    if a.hedge in _APPROXIMATE and b.hedge in _APPROXIMATE and \
            not a.low <= b.value <= a.high and not b.low <= a.value <= b.high:
        return "differs"  # "nearly 1 million" and "about 800,000": neither allows the other
    return "compatible"


_APPROXIMATE = frozenset({"exact", "about", "nearly"})
_BOUNDS = frozenset({"lower", "least", "just", "upper", "nearly"})


def _round_step(value: float) -> float:
    """The gap to the next round figure of one significant digit (100 -> 100, 2,300 -> 0)."""
    if value <= 0:
        return 0.0
    unit = 10.0 ** math.floor(math.log10(value))
    return unit if abs(value / unit - round(value / unit)) < 1e-9 else 0.0


def _bound(hedge: str) -> str:
    return "lower" if hedge == "least" else hedge


def _plausible(f: Figure) -> tuple[float, float]:
    """The values a writer would put this way: a bound is rarely far from the truth."""
    # ... or than the next round figure: "more than 100" is said of anything short of 200.
    if f.hedge in ("lower", "least"):
        return f.low, max(f.value * BOUND_REACH, f.value + _round_step(f.value))
    if f.hedge == "upper":
        return min(f.value / BOUND_REACH, f.value - _round_step(f.value)), f.high
    return f.low, f.high


def conflicting(a: Figure, b: Figure) -> bool:
    """Same frame, values that cannot both be what the sources mean."""
    return same_frame(a, b) and relation(a, b) in ("contradicts", "differs")


# A settlement referred back to: "in the city", "the town's", "of the village".
_THE_SETTLEMENT = re.compile(r"\bthe\s+(?:city|town|village|port|settlement)(?:['’]s)?\b"
                             r"(?!\s+(?:of|council|hall|centre|center)\b)", re.I)


# "killed all 64 people on the jet and the three soldiers on the helicopter": a toll told in
# groups, the first of them named with the next ("and the three soldiers").
_AND_GROUP = re.compile(r"^[^.;:]{0,100}?\band\s+(?:the\s+|all\s+)?(?:\d[\d,]*|one|two|three|"
                        r"four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|"
                        r"six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty)"
                        r"\s+(?:[a-z]+\s+)?(?!across\b|as\b|has\b|was\b|is\b)"
                        r"(?P<group>[a-z]+(?<!s)s|[a-z]*men|crew)\b")
# People in general: "5,894 people in X and 1,200 people in Y" is a toll by place, not
# a toll and another group.
_GENERAL = frozenset("people persons others residents civilians victims individuals "
                     "inhabitants children adults".split())


def _listed_part(text: str, f: Figure, values: Sequence[Figure] = ()) -> bool:
    """A toll of people listed with another group it leaves out: one part of the toll.
    Not when the figure after "and" states a fate of its own (`values`: the sentence's
    figures): "1,294 deaths and 1,688 injuries", "2,053 dead ... and 1,320 houses
    destroyed" list other statistics, not another group of the dead."""
    if f.dimension != "count" or f.unit != "people" or f.prop not in HARMS:
        return False
    m = _AND_GROUP.match(text[f.end:])
    if not m or m.group("group").lower() in _GENERAL:
        return False
    group = f.end + m.start("group")
    return not any(g.start < group <= g.end + 1 and g.prop and g.prop != f.prop
                   for g in values if g is not f)


# One figure of an article's sentence as comparison reads it: the sentence's place in its
# article, the figure (its place and property settled), and the rest of its `_Item`.
_Found = tuple[int, Figure, frozenset[str], str, bool, bool, Figure | None]
# What the figures of one article are read from: the year its figures are dated in, and
# per sentence (in order) its paragraph's id, text, figures and mentions' surfaces.
_ArticleJob = tuple[int | None, tuple[tuple[str, str, tuple[Figure, ...], tuple[str, ...]], ...]]


def _items(sentences: list[Sentence], year_of: dict[str, int | None],
           runner: Runner | None = None) -> list[_Item]:
    """The figures to compare, article by article (kept between builds by `runner`);
    only the corpus-wide reading is done here: the other storms' sentences are left out."""
    runner = runner or Runner.in_memory()
    others = _other_storms(sentences)
    # Places some figure is given for: one named earlier in a figure's own sentence places it.
    known = {f.place for s in sentences for f in s.values
             if f.place and not f.place.startswith("*")}
    of_article: dict[str, list[Sentence]] = {}
    for s in sentences:
        of_article.setdefault(s.ref.article, []).append(s)
    groups = list(of_article.values())
    jobs = [(year_of.get(group[0].ref.article),
             tuple((s.ref.paragraph, s.text, tuple(s.values),
                    tuple(m.surface for m in s.mentions)) for s in group))
            for group in groups]
    items = []
    for group, found in zip(groups, runner.map(FIGURES, jobs, lookups=known), strict=True):
        for position, f, *rest in found:
            s = group[position]
            if others and others.search(s.text):
                continue  # "Ardena, which hit two weeks earlier, killed 612": another storm's
            items.append(_Item(s, f, *rest))
    return items


class _Towns:
    """The settlements an article may mean by "the city": the places some figure is given
    for (`known`) or the article sets something in (`own`), but no country."""

    def __init__(self, known: Container[str], own: set[str], countries: Container[str]) -> None:
        self.known, self.own, self.countries = known, own, countries

    def __contains__(self, place: object) -> bool:
        return place not in self.countries and (place in self.own or place in self.known)


def _article_items(job: _ArticleJob, known: Container[str]) -> list[_Found]:
    """The comparable figures of one article's sentences; `known`: the places some
    figure of the corpus is given for."""
    year, sentences = job
    found: list[_Found] = []
    read: list[str] = []  # the article's sentences so far
    scene: dict[str, str] = {}  # a paragraph's opening place ("In X, ...")
    compared: dict[str, set[str]] = defaultdict(set)  # a paragraph's past events, by stems
    counted: dict[str, Figure] = {}  # a paragraph's last count read, what "the count" means
    last: dict[str, str] = {}  # a paragraph's sentence before this one
    for position, (paragraph, text, values, surfaces) in enumerate(sentences):
        read.append(text)
        prior, last[paragraph] = last.get(paragraph, ""), text
        if paragraph not in scene:
            scene[paragraph] = sentence_place(text)
        earlier, compared[paragraph] = compared[paragraph], compared[paragraph] | \
            _compared_events(text, year)
        if not values:
            continue
        names = synonym_stems(" ".join(surfaces))
        whole: Figure | None = None  # the sentence's last count read, as placed
        tally: Figure | None = None  # the sentence's count "the count" may mean after it
        for f in values:
            if f.dimension == "count" and f.unit != BACK and f is not tally and (
                    not tally or not tally.prop) and (
                    f.prop or not getattr(counted.get(paragraph), "prop", "")):
                # "157 bodies ..., 105 men and 52 women. That number has risen": the count
                # "that number" means is the sentence's first tally of what befell them,
                # not a breakdown's part nor a count of whom nothing is said.
                counted[paragraph] = f
                tally = f
            elif f.unit == BACK:
                before = counted.get(paragraph)
                if before is None:
                    continue  # "the count had reached 369": of nothing counted before
                # What the count referred back to counts, at this figure's value (its place
                # its own: "the total" of two places' counts is neither's).
                f = replace(before, value=f.value, low=f.low, high=f.high, step=f.step,
                            hedge=f.hedge, text=f.text, start=f.start, end=f.end,
                            place=f.place)
            # ("a $3.1 billion contract in 2011": what an agreement is worth was set when it
            # was signed and still holds; the year dates the signing, no figure since replaced.)
            if _of_another_report(text, f) or _of_a_separate_event(text, f) or \
                    (year and _of_the_past(text, f, year) and not agreement_sum(text, f)) \
                    or _forecast(text, f) or _aimed_at(text, f) or _listed_part(text, f, values) \
                    or _increment_or_rest(text, f) or _informants(text, f) \
                    or _at_one_site(text, f) \
                    or (earlier and _of_a_compared_event(text, f, earlier)) \
                    or _inventory(text, f) or _defined_by_not(text, f) \
                    or (year and _PRONOUN_OPENING.match(text) and _of_the_past(prior, f, year,
                                                                               whole=True)):
                continue
            if f.dimension == "count" and not f.place and whole is not None and \
                    whole.place and _OF_THEM_END.search(f.text):
                f = replace(f, place=whole.place)  # "60 miners at Lund, 12 of them hurt"
            if f.dimension == "count" and not f.place and not f.thing.startswith(VEHICLE):
                # "In X, ... . The 78 still missing ...": the paragraph's scene; "the quake
                # shook central X, killing 144": the one known place named before it.
                named = {p for p in place_names(text, f.start) if p in known}
                place = scene[paragraph] or (named.pop() if len(named) == 1 else "")
                if not place and _THE_SETTLEMENT.search(_clause(text, f)):
                    # "In the city", "the town's toll": the settlement the article named
                    # last, a place some figure is given for or something is set in (a
                    # country is never "the city").
                    towns = _Towns(known, {p for seen in read for p in places_in(seen)},
                                   gazetteer().countries)
                    place = last_place(text, towns, f.start) or next(
                        (p for seen in reversed(read[:-1]) if (p := last_place(seen, towns))),
                        "")
                f = replace(f, place=place) if place else f
            if f.dimension == "count" and not f.place and _share_of_some(text, f):
                continue  # one holder's share of a toll, the holder not read: whose is unknown
            if _day_restated(text, f):
                continue  # "on Monday, two days after the cyclone": that day, said again
            if _pronoun_one(text, f):
                continue  # "asked for a toll, he would not offer one": a pronoun, no count
            if f.dimension == "count" and not f.prop and _WHOLE_BEFORE.search(
                    text, max(0, f.start - 40), f.start):
                # "half of the 497 municipalities", "the state's 36 hospitals": how many
                # there are in all, never how many something befell.
                f = replace(f, prop=WHOLE)
            if f.prop == "population" and _part_of_population(text, f):
                # "the island's undocumented population: ... 100,000 people": some of them.
                f = replace(f, prop="population part")
            if f.dimension == "count" and f.prop == "damage":
                f = replace(f, prop=_harm(text, f))
            elif f.dimension == "count" and (
                    ((f.prop == "killed" or f.prop.startswith("~")) and _identified(text, f))
                    or _IDENTITIES_OF.search(text, max(0, f.start - 30), f.start)):
                # "34 people have been identified" (a verb's own property): the same count.
                f = replace(f, prop="identified")
            elif f.dimension == "count" and (f.prop == "killed" or f.prop.startswith("~")) \
                    and _recovered(text, f):
                # ("the bodies of 12 miners had been recovered": the verb's own property.)
                f = replace(f, prop="recovered")
            elif f.dimension == "count" and f.prop == "injured" and _in_care(text, f):
                f = replace(f, prop="in care")
            elif f.dimension == "count" and f.prop in ("killed", "recovered") and \
                    _HANDED_OVER.search(_clause(text, f)):
                f = replace(f, prop="handed over")
            if f.prop in _OF_THE_DEAD and "bodi" in f.nouns:
                f = replace(f, nouns=tuple(dict.fromkeys(
                    "people" if n == "bodi" else n for n in f.nouns)))
            elif f.prop in _OF_THE_DEAD and _BODIES_OF.search(text, max(0, f.start - 30),
                                                                f.start):
                # "the bodies of 15 passengers": bodies counted, whoever they were.
                f = replace(f, nouns=("people",))
            if f.dimension == "count":
                whole = f
            near = text[max(0, f.start - WINDOW): f.end + WINDOW]
            rate, stated = _rate(text, f), None
            if rate in _DAYS:
                stated, f, rate = f, _per_day(f, rate), "time"
            found.append((position, f, synonym_stems(near) - synonym_stems(f.text) - names,
                          rate, _alone(text, f) or _one_of_several(text, f), _tally(text, f),
                          stated))
    return found


# The whole a part is told of ("of the 497 municipalities") or a place's whole stock ("the
# state's 497 municipalities", "Of its 12 hospitals"): a count of all there are.
_WHOLE_BEFORE = re.compile(r"(?:\bof\s+(?:the|its|their|all(?:\s+the)?)\s+(?:[\w-]+['’]s\s+)?|"
                           r"\b(?:the|its|their)\s+[\w-]+['’]s\s+|\b[A-Z][\w-]*['’]s\s+)$")
WHOLE = "in all"


# "accounted for 28 of the dead": a share of a toll, held by a place or group; "lost more
# residents than any other town, with 19 dead": one of several places' tolls.
_SHARE_OF_TOLL = re.compile(r"\s+of\s+(?:the|those|all\s+the)\s+[a-z]+$", re.I)
_THAN_ANY_OTHER = re.compile(r"\bthan\s+any\s+other\s+(?:town|city|village|hamlet|district|"
                             r"province|state|county|region|municipality|country|island|area|"
                             r"community|suburb|neighbou?rhood|settlement|camp|site)\b", re.I)


def _share_of_some(text: str, f: Figure) -> bool:
    """The figure is one holder's share of a toll (a part among several holders)."""
    return bool(_SHARE_OF_TOLL.search(f.text) or _THAN_ANY_OTHER.search(text, 0, f.start))


# A day named in the sentence: a weekday, or a day of a month ("14 December", "Dec. 14").
_NAMED_DAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
                        r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|"
                        r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b")
_DAY_HOURS = 24.0


def _day_restated(text: str, f: Figure) -> bool:
    """Whole days since an event, in a sentence that names the day itself ("on Monday, two
    days after the cyclone"): a day's date told over again, which two reports tell of two
    different days. (Hours since an event are no date: "12 hours after" is compared.)"""
    return f.prop == "elapsed" and f.value >= _DAY_HOURS and f.step >= _DAY_HOURS and \
        bool(_NAMED_DAY.search(text))


# "the undocumented population", "its migrant population": a group of a place's people;
# the words that say all of them (a closed class) do not.
_POPULATION_OF = re.compile(r"(?<![\w'’])([a-z][\w-]*)\s+population\b")
_ALL_OF_THEM = frozenset({"the", "its", "their", "a", "an", "this", "that", "total", "whole",
                          "entire", "official", "officially", "estimated", "current", "overall",
                          "permanent", "combined", "resident", "registered", "growing",
                          "shrinking", "recorded", "census", "last", "latest", "approximate",
                          "counted", "own", "in", "of", "and", "or", "with"})


def _part_of_population(text: str, f: Figure) -> bool:
    """The population the figure's sentence names before it is one group of a place's
    people (an adjective narrows it), not all of them."""
    named = list(_POPULATION_OF.finditer(text, max(0, f.start - 120), f.start))
    return bool(named) and named[-1].group(1) not in _ALL_OF_THEM


# A bare "one" closing its clause: "he would not offer one:".
_BARE_ONE = re.compile(r"(?i:one)(?=\s*(?:[,.;:!?)\]\"”]|$))")


def _pronoun_one(text: str, f: Figure) -> bool:
    """A bare "one" that ends its clause, with nothing in that clause saying what it counts,
    stands for a noun said before ("a death toll ... would not offer one"), not a count."""
    if f.dimension != "count" or not _BARE_ONE.fullmatch(f.text) or \
            not _BARE_ONE.match(text, f.start):
        return False
    opening = max(text.rfind(c, 0, f.start) for c in ",;:.") + 1
    return not PROPERTY_CUE.search(text, opening, f.start)


# A part of the count before it, as its figure reads: "3,190 of them".
_OF_THEM_END = re.compile(r"\bof\s+(?:them|those|whom)$", re.I)


# One item of an enumeration: an article or a figure, and a short noun phrase.
_LIST_ITEM = (r"(?:an?|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
              r"twelve)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+")
# "Two patrol boats, a frigate, seven merchant ships and a helicopter": three or more kinds
# of thing listed together.
_INVENTORY = re.compile(rf"(?<![\w,])(?i:{_LIST_ITEM})(?:,\s+(?i:{_LIST_ITEM}))+,?\s+and\s+"
                        rf"(?i:{_LIST_ITEM})(?=\s*[,.;:)]|\s+(?:were|are|was|is|have|has|had|"
                        rf"remain\w*|kept|stayed|joined|took|searched|arrived|went|came)\b)")

# "seven aircraft: one plane, two attack helicopters and four transport helicopters": a
# total broken down, whose parts say what the total says.
_BREAKDOWN_BEFORE = re.compile(r"(?::|\bincluding|\bamong\s+them|\bnamely)\s*$", re.I)


def _inventory(text: str, f: Figure) -> bool:
    """A count of no stated property listed among other kinds of thing: what is at hand at
    one moment (ships, crews, engines sent to a scene come and go), which two reports
    give for different moments; never a count to hold against another."""
    if f.dimension != "count" or f.prop:
        return False
    return any(m.start() <= f.start and f.end <= m.end() and
               not _BREAKDOWN_BEFORE.search(text, max(0, m.start() - 30), m.start())
               for m in _INVENTORY.finditer(text, max(0, f.start - 200), f.end + 200))


# "33 people who had not been on board", "those who were never evacuated": a count of
# people told by what did not befall them.
_WHO_NOT = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:who|that|which)\s+(?:(?:had|has|have|were|was|"
                      r"are|is|did|do|does)\s+)?(?:not|never)\b", re.I)


def _defined_by_not(text: str, f: Figure) -> bool:
    """The figure counts people by what did not befall them ("33 who had not been on
    board"): whatever property its frame read, it is no count of it."""
    return f.dimension == "count" and bool(_WHO_NOT.match(text, f.end))


def _items_key(job: _ArticleJob) -> object:
    """An article's figures follow from its sentences' texts (not given: read from them)."""
    year, sentences = job
    return year, [(paragraph, text, surfaces) for paragraph, text, _, surfaces in sentences]


# The comparable figures of each article, kept between builds; a figure's place may be
# one of the places the corpus gives figures for.
FIGURES = Stage("figure items", _article_items, version=4, key=_items_key,
                lookups="places some figure is given for", reserved=True)


# "two lives in Jamaica alone", "2,500 flights in the U.S. alone": the focus word says the
# figure is one place's share of a larger whole, which a figure of no stated place may be.
# (A day's name is no place: "on Thursday alone" is one day's share, of no place.)
_ALONE = re.compile(r"\b(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|"
                    r"Yesterday)\b)[A-Z][\w.'’-]*\s+alone\b")
_OTHER_CLAUSE = re.compile(r";|\b(?:while|whereas|but)\b")


def _alone(text: str, f: Figure) -> bool:
    """The figure's clause (its sentence up to a "while", "but" or ";") names a place
    alone."""
    opening = max((m.end() for m in _OTHER_CLAUSE.finditer(text, 0, f.start)), default=0)
    close = _OTHER_CLAUSE.search(text, f.end)
    return bool(_ALONE.search(text, opening, close.start() if close else len(text)))


# "60 workers at a second quarry", "12 crew on another boat", "40 at the other camp": the
# site is one of several, so the count is a part of what was at all of them. (Not "in one
# of the worst floods": a superlative, said of the whole toll.)
_ONE_OF_SEVERAL = re.compile(r"\s+(?:[a-z]+\s+)?(?:at|in|on|from|aboard)\s+(?:a\s+(?:second|"
                             r"third|fourth|fifth)|another|the\s+other)\s+[a-z]", re.I)


def _one_of_several(text: str, f: Figure) -> bool:
    """The figure is said of one of several sites right after it (a count's own part)."""
    return f.dimension == "count" and bool(_ONE_OF_SEVERAL.match(text, f.end))


def _full_names(items: list[_Item]) -> list[_Item]:
    """An age given for a surname alone ("Ruiz, 34") is the age of the one person of the
    story's ages with that surname written in full ("Ana Ruiz"); where several share it
    (relatives), the surname tells none of them."""
    full: dict[str, set[str]] = defaultdict(set)
    for item in items:
        words = item.figure.thing.split()
        if item.figure.dimension == "age" and len(words) > 1:
            full[words[-1]].add(item.figure.thing)
    for item in items:
        f = item.figure
        if f.dimension == "age" and f.thing and " " not in f.thing and len(full[f.thing]) == 1:
            item.figure = replace(f, thing=next(iter(full[f.thing])))
    # "Ana Shahi" and "Ana Shah": a transliterated surname with or without its last letter
    # is one person's, when the story writes no third form and the given name agrees.
    for short in list(full):
        longer = [w for w in full if len(w) == len(short) + 1 and w.startswith(short)]
        if len(short) < 4 or len(longer) != 1:
            continue
        for item in items:
            f = item.figure
            given = f.thing.rsplit(" ", 1)[0]
            if f.dimension == "age" and f.thing in full[short] and \
                    f"{given} {longer[0]}" in full[longer[0]]:
                item.figure = replace(f, thing=f"{given} {longer[0]}")
    return items


# Things destroyed, things damaged, and the two together are three counts: "4,205 destroyed"
# and "more than 6,000 damaged or destroyed" are no clash.
_DESTROYED = re.compile(r"\b(?:destr[ou]\w*|demolish\w*|razed|(?:burnt|burned)\s+down|"
                        r"flattened|gutted|level+ed)", re.I)
_DAMAGED = re.compile(r"\bdamag\w*", re.I)


_CLAUSE_END = re.compile(r"[,;:.]\s|(?<![\d,.])(?<!out of )(?<!out of the )\d")


# "now has four cracks", "12 arrests so far", "to date": a count as it stands on the day,
# which later reports may raise.
_AS_IT_STANDS = re.compile(r"\b(?:now|so\s+far|to\s+date|thus\s+far|as\s+yet|as\s+of)\b", re.I)


def _tally(text: str, f: Figure) -> bool:
    """A count said to stand so at the time of the report: a running tally."""
    return f.dimension == "count" and bool(_AS_IT_STANDS.search(_clause(text, f)))


def _clause(text: str, f: Figure) -> str:
    """The figure's own clause, the figure left out (up to the next figure; the whole a
    part is "out of" belongs to the part's clause)."""
    opening = max(text.rfind(c, 0, f.start) for c in ",;.:") + 1
    rest = text[f.end:]
    close = _CLAUSE_END.search(rest)
    return text[opening:f.start] + " " + (rest[:close.start()] if close else rest)


# "four more bodies", "another 15 victims", "rose by one": what a report adds, not the
# count; "the remaining three bodies": what is left of a count, not the count.
_INCREMENT_IN = re.compile(r"\w\s+(?:more|additional|further|other)\s+(?!than\b)[a-z]", re.I)
_INCREMENT_BEFORE = re.compile(
    r"\b(?:another|an\s+(?:additional|extra)|a\s+further|(?:(?:rose|rise[sn]?|rising|"
    r"increased?|increasing|climbed|jumped|grew|grown|fell|fallen|dropped|decreased)\s+"
    r"(?:\w+ly\s+)?by)|(?:the\s+)?(?:remaining|other))\s+$", re.I)


# "10 new deaths", "five new cases of injury": the harm reported since the last count
# (lower case: "40 New York residents" are people of a place).
_NEW_IN = re.compile(r"\w\s+new\s+[a-z]")
# "three police sources told Reuters", "two officials said": how many informants a report
# cites, no figure of the story.
_INFORMANTS = re.compile(r"(?:\d+(?:[.,]\d+)*|[A-Za-z-]+)(?:\s+[\w-]+){0,2}?\s+"
                         r"(?:sources|officials|witnesses|diplomats)\s+(?:(?:have|had|has)\s+)?(?:told|said|say|says|saying|confirmed|"
                         r"speaking|quoted)\b", re.I)


def _increment_or_rest(text: str, f: Figure) -> bool:
    """A count of what a report adds to, or what is left of, a total: never the total
    (what is left missing is the missing count itself)."""
    if f.dimension != "count" or f.prop == "missing":
        return False
    return bool(_INCREMENT_IN.search(f.text) or
                (f.prop in HARMS and _NEW_IN.search(f.text)) or
                _INCREMENT_BEFORE.search(text, max(0, f.start - 40), f.start))


def _informants(text: str, f: Figure) -> bool:
    """The count of sources a report cites."""
    return f.dimension == "count" and bool(_INFORMANTS.match(text, f.start))


# "41 bodies out of 69 recovered have been identified": the dead named so far, a count
# that grows apart from the toll and from the bodies found.
_IDENTIFIED = re.compile(r"\b(?<!not )(?<!not been )(?:identified)\b", re.I)
_AND_BEFORE = re.compile(r"\band\b")
# "the identities of 24 victims were confirmed": the same count, told by its noun.
_IDENTITIES_OF = re.compile(r"\bidentit(?:y|ies)\s+of\s+(?:the\s+|some\s+|about\s+)?$", re.I)
# What is said only of the dead (named, found, given back): "32 bodies" and "32 victims"
# count one thing.
_OF_THE_DEAD = frozenset({"identified", "recovered", "handed over"})


# "36 injured are undergoing treatment", "12 remain in hospital": those still in care on
# the day, a count that falls as patients leave, never all the injured.
_IN_CARE = re.compile(r"\b(?:(?:are|is|were|was)\s+(?:still\s+)?(?:undergoing|receiving|under)\s+"
                      r"treatment|(?:are|is)\s+(?:still\s+)?being\s+treated|(?:remain|remains|"
                      r"remained|still)\s+(?:in\s+(?:the\s+)?hospital|hospitali[sz]ed|in\s+"
                      r"(?:critical\s+|intensive\s+)?care))\b", re.I)


# "20 bodies had been handed over to their families": the dead released so far, a count
# that grows apart from the toll.
_HANDED_OVER = re.compile(r"\b(?:handed(?:\s+over)?|returned|released)\s+to\s+"
                          r"(?:their\s+|the\s+|his\s+|her\s+)?(?:famil|relativ|kin|loved)",
                          re.I)
# "counted 20 bodies at a local hospital": a count at one of several sites of a kind (the
# indefinite article says so), a part of the whole.
_ONE_SITE = re.compile(r"\bat\s+(?:a|one)\s+(?:local\s+|nearby\s+|district\s+|regional\s+)?"
                       r"(?:hospital|morgue|mortuary|clinic|shelter|camp)\b", re.I)


# "The first Spanish flight ... carrying 56 soldiers and four search dogs", "a second team
# of 30": what one of several carriers or groups brought, a part of what all of them did
# (counts of no stated property only: who was aboard a flight is still compared).
_ONE_CARRIER = re.compile(r"\b(?:the|a|an)\s+(?:first|second|third|fourth|fifth|next|last|final|"
                          r"another|further)\s+(?:[\w-]+\s+){0,2}?(?:flight|plane|aircraft|"
                          r"group|team|convoy|ship|boat|vessel|batch|wave|contingent|shipment|"
                          r"delivery|bus|train|truck|lorry|helicopter)s?\b[^.;]*$", re.I)


def _at_one_site(text: str, f: Figure) -> bool:
    if f.dimension != "count":
        return False
    return bool(_ONE_SITE.search(_clause(text, f))) or (
        not f.prop and bool(_ONE_CARRIER.search(text[max(0, f.start - 200):f.start])))


def _in_care(text: str, f: Figure) -> bool:
    return bool(_IN_CARE.search(_clause(text, f)))


def _identified(text: str, f: Figure) -> bool:
    # "34 people have been identified and 18 bodies handed over": a verb before an "and"
    # that comes before the figure is an earlier count's.
    clause = _clause(text, f)
    cut = f.start - max(text.rfind(c, 0, f.start) for c in ",;.:") - 1
    own_before = _AND_BEFORE.split(clause[:cut])[-1]
    return bool(_IDENTIFIED.search(own_before) or _IDENTIFIED.search(clause, cut))


# "Divers found the bodies of three men", "40 bodies were recovered": the bodies recovered so
# far, not the toll (the bodies are what is counted, not a word elsewhere in the clause).
_BODIES_OF = re.compile(r"\bbod(?:y|ies)\s+of\s+(?:the\s+|some\s+|about\s+)?$", re.I)
_FOUND = re.compile(r"\b(?:found|find\w*|recover\w*|retriev\w*|pulled|removed|located|"
                    r"collected|(?:brought|br[io]ng\w*|carried|lifted|hauled)\s+(?:\w+\s+){0,3}?"
                    r"(?:up|out|ashore|back)\b)", re.I)


def _recovered(text: str, f: Figure) -> bool:
    counted = bool(_BODIES_OF.search(text, max(0, f.start - 30), f.start)) or \
        any(n.startswith("bodi") for n in f.nouns)
    return counted and bool(_FOUND.search(_clause(text, f)))


def _harm(text: str, f: Figure) -> str:
    """A count of damage, told by the verbs of its own clause: "destroyed", "damaged" or
    "damage" (both, or neither said)."""
    clause = _clause(text, f)
    destroyed, damaged = bool(_DESTROYED.search(clause)), bool(_DAMAGED.search(clause))
    return "destroyed" if destroyed and not damaged else \
        "damaged" if damaged and not destroyed else "damage"


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# ("since 1931, when a quake destroyed the town": the year's own event, history.)
_SPAN_YEAR = re.compile(r"\b(?:since|until|till)\s+(?:at\s+least\s+)?(?:1[89]\d\d|20\d\d)\b"
                        r"(?!,?\s+when\b)", re.I)
# "built in 1974 and contains 120 flats": the year a standing thing was made dates the thing,
# not what is said of it now.
_MADE_YEAR = re.compile(r"\b(?:built|constructed|erected|completed|opened|founded|established)"
                        r"\s+(?:in\s+)?(?:1[89]\d\d|20\d\d)\b", re.I)
# "a town of 24,632 by the 2021 census": the latest count of how many there are, which
# stands until the next; the year dates the count's source, not another year's figure.
_COUNT_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\s+(?:census|headcount|population\s+count)\b",
                         re.I)
# "work completed in May last year": when a standing thing was made, not another year's
# figure.
_MADE_LAST_YEAR = re.compile(r"\b(?:built|constructed|erected|completed|finished|opened)\s+"
                             r"(?:in\s+[A-Z][a-z]+\s+)?last\s+year\b")
# A past-perfect verb of reporting: the figure is what an earlier report said.
# Its subject is a report ("figures had listed"), not a speaker: "officials said they had
# confirmed 12 deaths" is reported speech about now.
_EARLIER_REPORT = re.compile(
    r"\b(?:figures?|count|tally|toll|estimates?|reports?|data|numbers|statistics)\s+had\s+"
    r"(?:been\s+)?(?:listed|reported|put|given|counted|tallied|estimated|shown|recorded|stood)"
    r"\b[^,;]*$|"
    # "Earlier he had said that 12 were trapped": a speaker's superseded word, told again.
    r"\bearlier,?\s+(?:[\w.'’-]+\s+){1,4}?had\s+(?:said|reported|told|stated|announced)\b"
    r"[^.;]*$", re.I)
_AGO = re.compile(r"\b(?:\w+\s+(?:years?|months?|weeks?)\s+ago|(?:a|one|two|\w+)\s+"
                  r"(?:years?|months?)\s+(?:earlier|before|previously))\b", re.I)
# "Last year, 240 died", "313 the year before": the same season of another year. Only in
# the figure's own clause ("183 deaths, compared with 313 last year" dates the 313 alone).
_LAST_YEAR = re.compile(r"\b(?:last|the\s+previous|the\s+preceding|the\s+prior)\s+year\b|"
                        r"\bthe\s+year\s+(?:before|earlier)\b", re.I)
_COMPARED = re.compile(r"\b(?:compared\s+(?:to|with)|than|against|versus|up\s+from|down\s+from|"
                       r"while|whereas|but)\b|[.;]", re.I)


# A modal or an expectation before a figure in its clause: a projection, not a report.
_FORECAST = re.compile(r"\b(?:could|might|may|expect\w*(?:\s+\w+){0,3}\s+to|likely\s+to|"
                       r"forecast\w*\s+to|projected\s+to|feared\s+to)\s+(?:\w+\s+){0,2}$", re.I)


# A verb of foretelling before a figure in its clause ("warned of winds of up to 260 km/h",
# "forecast 300 mm of rain", "predicted gusts of 90 mph"): what was foreseen, of any
# dimension, not what was measured.
_FORETOLD = re.compile(r"\b(?:warn(?:ed|s|ing)?\s+of|forecast(?:s|ed|ing)?|"
                       r"predict(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,4}$", re.I)


def _forecast(text: str, f: Figure) -> bool:
    """ "The toll could exceed 10,000", "expected the toll to pass 3,000": a projected count;
    "warned of gusts of up to 260 km/h": a foretold figure of any kind."""
    opening = max(text.rfind(c, 0, f.start) for c in ".;,") + 1
    before = text[max(opening, f.start - 60):f.start]
    if _FORETOLD.search(before):
        return True
    if f.dimension != "count":
        return False  # an estimate of a sum is stated with a modal as often as not
    return bool(_FORECAST.search(before))


# An aim before a figure in its clause ("dredging to reach a depth of 18 metres", "a target
# of 5,000 homes"): a goal, not a measure; "the toll rose to reach 150" reports one.
_AIM = re.compile(r"\b(?:(?P<before>\w+)\s+)?(?:to\s+(?:reach|achieve|attain)|"
                  r"aim(?:s|ed|ing)?\s+(?:to|for|at)|(?:target|goal)\s+of)\s+"
                  r"(?:[\w-]+\s+){0,3}$", re.I)
_CHANGE_VERBS = frozenset("""
rose risen climbed jumped grew increased soared surged fell dropped went rising climbing
""".split())


def _aimed_at(text: str, f: Figure) -> bool:
    """ "Dredging to reach a depth of 18 metres", "aims to cut 2,000 jobs": a goal."""
    opening = max(text.rfind(c, 0, f.start) for c in ".;,") + 1
    aim = _AIM.search(text[max(opening, f.start - 60):f.start])
    return aim is not None and (aim.group("before") or "").lower() not in _CHANGE_VERBS


def _other_storms(sentences: list[Sentence]) -> re.Pattern[str] | None:
    """Storms are named ("Hurricane Tamsin"): the story's is the one its sources name most;
    a sentence naming another and not the story's gives that other storm's figures."""
    counts: dict[str, int] = defaultdict(int)
    for s in sentences:
        if not any(word in s.text for word in _STORM_WORDS):
            continue  # the pattern's search costs more than these tests
        for name in {m.group(1) for m in _NAMED_STORM.finditer(s.text)}:
            counts[name] += 1
    if len(counts) < 2:
        return None
    story = max(sorted(counts), key=lambda n: counts[n])
    others = sorted(n for n in counts if n != story)
    return re.compile(rf"^(?!.*\b{story}\b).*\b(?:{'|'.join(others)})\b", re.S)


_NAMED_STORM = re.compile(r"\b(?:[Hh]urricane|[Tt]yphoon|[Cc]yclone|[Tt]ropical [Ss]torm|"
                          r"[Ss]torm)\s+([A-Z][a-z]+)\b")
# What every match of `_NAMED_STORM` holds.
_STORM_WORDS = ("urricane", "yphoon", "yclone", "torm")


# "the deadliest disaster since the sinking of the Orla ferry in 2009": an earlier event the
# story is measured against.
_SINCE_EVENT = re.compile(r"\bsince\s+(?P<event>(?:[\w'’-]+\s+){1,6}?)(?:back\s+)?in\s+"
                          r"(?P<year>1[89]\d\d|20\d\d)\b", re.I)
_WORD = re.compile(r"[A-Za-z]+")


def _compared_events(text: str, year: int | None) -> set[str]:
    """Stems naming an earlier event a sentence compares the story with (not the words
    the sentence uses for the story itself: "the worst crush since the 1959 stadium crush")."""
    found: set[str] = set()
    for m in _SINCE_EVENT.finditer(text):
        if year and int(m.group("year")) < year - 1:
            own = {stem(w) for w in _WORD.findall(text, 0, m.start())}
            found |= {stem(w) for w in _WORD.findall(m.group("event"))
                      if not is_stopword(w) and len(w) > 2} - own
    return found


def _of_a_compared_event(text: str, f: Figure, events: set[str]) -> bool:
    """ "The ferry's sinking killed 304 people", after a sentence of its paragraph compared
    the story with that sinking: the earlier event's figure (its clause's subject names it)."""
    subject = re.split(r"[,;:]", text[:f.start])[-1]
    return bool({stem(w) for w in _WORD.findall(subject)} & events)


# "a separate gas explosion at another resort injured four", "In an unrelated incident,
# two died": an event the story sets apart from its own ("a separate statement" is another
# telling of the same story: the nouns of telling, a closed class, are no event).
_SEPARATE_EVENT = re.compile(
    r"\b(?:an?|another)\s+(?:separate|unrelated)\s+(?!(?:statements?|reports?|briefings?|"
    r"interviews?|posts?|announcements?|releases?|updates?|messages?|letters?|tweets?|calls?|"
    r"conferences?|remarks|comments?|filings?|notices?|bulletins?|press|news|televised|"
    r"written|social|online|radio|television|tv)\b)[a-z]", re.I)


def _of_a_separate_event(text: str, f: Figure) -> bool:
    """The figure's clause, before it, names an event set apart from the story's."""
    opening = max(text.rfind(";", 0, f.start), text.rfind(". ", 0, f.start)) + 1
    return bool(_SEPARATE_EVENT.search(text, opening, f.start))


def _of_another_report(text: str, f: Figure) -> bool:
    """A figure of another time or an earlier report, quoted for comparison."""
    opening = text.rfind(".", 0, f.start) + 1
    if _AGO.search(text[max(opening, f.start - 60):f.end + 30]):
        return True  # "eighteen months ago investors valued it at": another time's figure
    lead = _COMPARED.split(text[:f.start])[-1]
    trail = _COMPARED.split(text[f.end:], maxsplit=1)[0]
    lead, trail = _MADE_LAST_YEAR.sub("", lead), _MADE_LAST_YEAR.sub("", trail)
    if _LAST_YEAR.search(lead) or _LAST_YEAR.search(trail):
        return True  # "Last year, 240 pilgrims died": the figure of another year
    # "Thursday's figures had listed 27 dead": a superseded count, quoted.
    return bool(_EARLIER_REPORT.search(text[opening:f.start]))


# "... with the 2009 quake the worst. It killed 300": a pronoun opening a sentence is the
# sentence before's subject, and a figure said of it is of that sentence's time.
_PRONOUN_OPENING = re.compile(r"\s*(?:It|They|That)\s+(?!(?:is|was|are|were|will|would|may|"
                              r"might|could)\b)[a-z]")


def _of_the_past(text: str, f: Figure, year: int, whole: bool = False) -> bool:
    """A figure whose own clause names a year long before the report: history, not news
    ("the 1939 earthquake, which killed around 33,000"); with `whole`, any year the sentence
    `text` names (the sentence a pronoun refers back to)."""
    start = max(text.rfind(";", 0, f.start), f.start - 80, 0)
    clause = text if whole else text[start:f.end + 40].split(";")[0]
    # "the worst since 1939", "until 2010": the year bounds a span reaching the present.
    clause = _MADE_YEAR.sub("", _SPAN_YEAR.sub("", clause))
    if f.prop == "population":
        clause = _COUNT_YEAR.sub("", clause)
    return any(int(y) < year - 1 for y in _YEAR.findall(clause)
               if f.dimension != "year" or y != f.text[-4:])


# Measures of the story's storm itself (another storm's are left out before comparing).
_OF_THE_STORM = frozenset({"wind", "sustained wind"})


def _about_same_thing(a: _Item, b: _Item) -> bool:
    """A word of context in common, and no sign that the figures concern different actors.

    The named things must overlap in two (who gives what to whom), or one sentence
    names nothing the other does not.
    """
    if a.figure.dimension == "age":
        return True  # the frame already names the person
    fa, fb = a.figure, b.figure
    if fa.dimension == "count" and bool(_origin(fa) - _OF_ORIGIN) != \
            bool(_origin(fb) - _OF_ORIGIN) and fa.place != fb.place:
        # "37 Kenyan passengers" are a part of "62 passengers", no rival count; "Kenya
        # reported 40 deaths" is that nation's count all the same.
        return False
    shared = a.sentence.topics & b.sentence.topics
    if fa.dimension == "year" and not shared:
        # A story dates many things (a bridge, the ship that hit it, a law): two years of
        # origin compare only when their sentences name one thing ("It was built in ...").
        # Seized goods go by common nouns ("a cargo ship", "the cargo"): a word of context
        # in common says they are one seizure.
        return fa.thing == fb.thing == "seized" and bool(a.context & b.context)
    if (fa.thing == fb.thing and fa.thing not in ("", "people")) or \
            (fa.place and fa.place == fb.place):
        return True  # the frames name the same thing or place already
    if fa.prop in RUNNING and fa.dimension == "count" and fa.place == fb.place == "":
        return True  # a story's toll of one kind: several would be given a place
    if fa.prop in _OF_THE_STORM and fa.prop == fb.prop and fa.thing == fb.thing == "":
        return True  # a storm's winds, said of no other thing: the story's storm's
    if fa.prop in RUNNING and fa.dimension == "count" and "" in (fa.place, fb.place) and \
            same_value(fa, fb):
        return True  # one toll told with its place and without ("10,100" / "about 10,000")
    if fa.prop in RUNNING and fa.dimension == "count" and _place_named_by_both(a, b):
        return True  # "killed 12 in Lund" / "a blaze in a Lund warehouse killed 11"
    fewest = min(len(a.sentence.topics), len(b.sentence.topics))
    if not fa.prop and not shared:
        return False  # a count of something, said of nothing in common
    # A measurement's property, read from a cue beside it, is itself a word in common.
    measured = fa.prop == fb.prop != "" and fa.dimension != "count"
    said = bool(a.context & b.context) or measured
    # One physical measurement of one property, with a word of context in common, needs
    # no common name (the sources may name the thing differently); sums of money do.
    return said and (len(shared) >= 2 or len(shared) >= fewest or
                     (measured and fa.dimension in _PHYSICAL and bool(a.context & b.context)))


# A place a sentence sets something in: a preposition of location and the capitalised
# words after it ("in Kuwait's Mangaf district", "at the Harbour Road depot").
_SET_IN = re.compile(r"\b(?:in|at|near|inside|outside)\s+((?:the\s+)?(?:[A-Z][\w'’.-]*\s*){1,4})")


def _place_named_by_both(a: _Item, b: _Item) -> bool:
    """One toll given with its place, the other with none in a sentence that sets what it
    tells in that place all the same ("a blaze in a block in Lund's old town killed 11"),
    the two close (within what one report's own tolls differ by): one place's toll, the
    place said where the frame could not read it."""
    placed, bare = (a, b) if b.figure.place == "" else (b, a)
    where = placed.figure.place
    if bare.figure.place != "" or not where or where.startswith("*"):
        return False
    low, high = sorted((a.figure.value, b.figure.value))
    return high <= INTERNAL_GAP * low and \
        any(where in place_names(m.group(1), len(m.group(1)))
            for m in _SET_IN.finditer(bare.sentence.text))


def find_disagreements(sentences: list[Sentence], articles: list[Article],
                       topic_names: dict[str, str], runner: Runner | None = None
                       ) -> list[Disagreement]:
    """One row per frame whose sources give figures that cannot all hold (`runner` keeps
    each article's reading of its figures between builds)."""
    published = {a.slug: a.published for a in articles}
    year_of = {a.slug: int(a.published[:4]) if a.published and a.published[:4].isdigit()
               else None for a in articles}
    known = [y for y in year_of.values() if y]
    story = max(set(known), key=lambda y: (known.count(y), y)) if known else None
    year_of = {slug: year or story for slug, year in year_of.items()}
    items = _full_names(_items(sentences, year_of, runner))
    # The days of the week each sentence names, or failing that the sentence just before it
    # ("At 5:11 a.m. on Wednesday a further quake struck. The new quake was centred ...").
    scene_days: dict[int, frozenset[int]] = {}
    before: dict[str, frozenset[int]] = {}
    for s in sentences:
        own = _weekdays(s)
        scene_days[id(s)] = own or before.get(s.ref.article, frozenset())
        before[s.ref.article] = own
    for item in items:
        item.days = scene_days.get(id(item.sentence), frozenset())
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for key in frame_keys(item.figure):
            blocks[(*key, item.rate)].append(i)
    # A story whose figures are given for several places may give a total for no place.
    named_places = {item.figure.place for item in items
                    if not item.figure.place.startswith("*")} - {""}
    several_places = len(named_places) > 1
    if not several_places:
        # A toll of events told in the plural ("the explosions killed 73"), in a story of
        # one place, is that place's: no wider scope to keep apart. A total said of two
        # places or outright ("combined") keeps its scope.
        only = min(named_places, default="")
        items = [replace(item, figure=replace(item.figure, place=only))
                 if item.figure.place == "*all" and not sums_places(item.sentence.text)
                 else item for item in items]
    rows: dict[frozenset[int], list[list[int]]] = {}
    internal: dict[frozenset[int], list[list[int]]] = {}
    for key in sorted(blocks):
        for claims in _block_rows(items, blocks[key], published, several_places):
            members = frozenset(i for claim in claims for i in claim)
            rows.setdefault(members, claims)
        for claims in _internal_rows(items, blocks[key]):
            internal.setdefault(frozenset(i for claim in claims for i in claim), claims)
    # A row inside a bigger one (a figure blocked by two of its nouns) is shown once.
    kept = [m for m in rows if not any(m < other for other in rows)]
    result = [_row(items, rows[m], published, topic_names) for m in kept]
    for m, row in zip(kept, list(result), strict=True):
        if row.kind == "update":
            result.extend(_row(items, pair, published, topic_names)
                          for pair in _same_day_clashes(items, rows[m], published))
    for claims in internal.values():
        row = _row(items, claims, published, topic_names)
        result.append(Disagreement(f"{row.about}, within one report", row.claims,
                                   "contradicts", row.unit))
    return sorted(result, key=lambda d: (-len(d.claims), d.about, d.claims[0].value))


# Figures that move by the hour on a disaster's first days.
_HOURLY = HARMS | {"affected"}


def _same_day_clashes(items: list[_Item], claims: list[list[int]],
                      published: dict[str, str | None]) -> list[list[list[int]]]:
    """Claims of an update that two sources give for one day and that cannot both hold
    (369 ships waiting on Sunday by one count, 453 by another): what moved from day to
    day is an update, but that day's two figures contradict each other. Not for what
    moves by the hour (a toll, an outage): two reports of its first day may both hold."""
    if items[claims[0][0]].figure.prop in _HOURLY:
        return []
    days = [{_day_of(items[i], published)[:10] for i in claim} - {""} for claim in claims]
    articles = [{items[i].sentence.ref.article for i in claim} for claim in claims]
    found = []
    for x in range(len(claims)):
        for y in range(x + 1, len(claims)):
            if len(days[x]) == 1 and days[x] == days[y] and not articles[x] & articles[y] and \
                    relation(items[claims[x][0]].figure, items[claims[y][0]].figure) == \
                    "contradicts":
                found.append([claims[x], claims[y]])
    return found


# "the toll was revised down to 41", "bodies counted twice": a report that tells its own
# count's correction explains its two figures (the earlier count and the corrected one).
_CORRECTED = re.compile(r"\b(?:revis(?:ed|ing|ion)|correct(?:ed|ing|ion)|recount\w*|"
                        r"counted\s+twice|double[-\s]count\w*|duplicat(?:ed|ion))\b", re.I)


def _internal_rows(items: list[_Item], members: list[int]) -> list[list[list[int]]]:
    """One report's own clashing tolls: two figures of one frame of people, close to each
    other, in two sentences of one article and for no two places ("the toll now stands at
    48"; "46 deaths are listed as confirmed"; "at least 60 dead" against "59 dead"). Each is
    exact or a bound ("at least", "more than"): a loose word allows too much. Figures far
    apart count different things, unless the report credits them to two givers ("the
    ministry said 40"; "the union counted 95"). A count the report itself tells as its
    earlier one ("had given 51 in the morning") is no clash."""
    by_article: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for i in members:
        f = items[i].figure
        if f.dimension == "count" and f.hedge in _TOLD_BOUNDS and (
                f.prop in HARMS or (f.unit == "people" and f.prop in RUNNING)):
            by_article[items[i].sentence.ref.article].setdefault(f.key, []).append(i)
    found = []
    for values in by_article.values():
        groups = list(values.values())
        for n, xs in enumerate(groups):
            for ys in groups[n + 1:]:
                a, b = items[xs[0]].figure, items[ys[0]].figure
                # Far apart, they count two things, unless credited to two givers.
                far = max(a.value, b.value) > INTERNAL_GAP * min(a.value, b.value) and (
                    a.place != b.place or not _credited_apart(items[xs[0]], items[ys[0]]))
                if items[xs[0]].sentence.key == items[ys[0]].sentence.key or \
                        any(_CORRECTED.search(items[i].sentence.text) or _grew_from(items[i])
                            for i in (*xs, *ys)) or \
                        _dated_count(items[xs[0]]) != _dated_count(items[ys[0]]) or \
                        len({a.place, b.place} - {"", "*all"}) > 1 or far or \
                        not same_frame(a, b) or not _cannot_both_hold(a, b):
                    continue
                found.append([sorted(xs), sorted(ys)])
    return found


# "The toll stood at 229 on Tuesday": a count the report dates to a day of its own, past
# (a copula or "stood at" before it, the day right after), an earlier stage of the count.
_STOOD_BEFORE = re.compile(r"\b(?:stood|was|were|had\s+been|had\s+reached|had\s+risen\s+to)"
                           r"\s+(?:at\s+)?(?:[a-z]+\s+){0,2}$", re.I)
_ON_A_DAY_AFTER = re.compile(r"\s+(?:on|by|as\s+of)\s+(?:(?:last|the\s+previous)\s+)?(?:" +
                             "|".join(WEEKDAYS) + r")\b", re.I)


def _dated_count(item: _Item) -> bool:
    """The figure is a count its report dates to a past day of its own."""
    text, f = item.sentence.text, item.figure
    return bool(_STOOD_BEFORE.search(text, max(0, f.start - 30), f.start) and
                _ON_A_DAY_AFTER.match(text, f.end))


# How far apart a report's bound and its other toll may be and still clash.
BOUND_GAP = 1.05
# Hedges a report's own toll may carry and still be held against its other one: exact, or
# a bound one way ("at least 60", "more than 50").
_TOLD_BOUNDS = frozenset({"exact", "least", "lower", "upper"})


def _cannot_both_hold(a: Figure, b: Figure) -> bool:
    """Two counts of one frame exclude each other: their intervals part, or they are two
    whole numbers stated exactly ("50 lives" and "the 49 dead": a count has no fractions,
    so figures a unit apart clash although their rounding intervals touch)."""
    if relation(a, b) == "contradicts":
        # A bound far from the other count is likely a later or wider count ("at least 52"
        # in the lead, "43" in one county): only a near miss is a clash.
        return a.hedge == b.hedge == "exact" or \
            max(a.value, b.value) <= BOUND_GAP * min(a.value, b.value)
    return a.hedge == b.hedge == "exact" and a.step == b.step == 1 and a.value != b.value


# A count credited to who gave it: a verb of counting or giving with its subject, or
# "according to" / "by figures from" (a closed class of ways to credit a figure).
_CREDITED = re.compile(r"\b(?:said|says|counted|counts|put|puts|gave|gives|reported|released|"
                       r"listed|recorded|registered|confirmed|raised|according\s+to|figures\s+from|"
                       r"count\s+of)\b", re.I)


def _credited_apart(a: _Item, b: _Item) -> bool:
    """Two tolls of one report that the report credits to two different givers (the
    ministry's and the relief office's), named in sentences that share no name: a
    contradiction the report itself sets side by side, however far apart the counts."""
    ta, tb = a.sentence.topics, b.sentence.topics
    return bool(ta) and bool(tb) and not ta & tb and \
        all(_CREDITED.search(i.sentence.text) for i in (a, b)) and \
        not _grew_from(a) and not _grew_from(b)


def _block_rows(items: list[_Item], members: list[int], published: dict[str, str | None],
                several_places: bool = False) -> list[list[list[int]]]:
    """Rows of one block, each a list of claims (item indices stating one value)."""
    by_value: dict[tuple[str, str, str], list[int]] = {}
    for i in members:
        f = items[i].figure
        by_value.setdefault((f.key, f.place, f.thing), []).append(i)
    values = list(by_value.values())
    if len(values) < 2 or len(values) > MAX_VALUES:
        return []
    parent = list(range(len(values)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Two values one sentence gives are about two different things (Veltia's toll and
    # the combined toll), whichever sources repeat them; but "nine, up from six" tells
    # one count's change.
    said_in = [{items[i].sentence.key for i in v if not _grew_from(items[i])} for v in values]
    days = [{d[:10] for i in v if (d := published.get(items[i].sentence.ref.article))}
            for v in values]
    clashes: list[tuple[int, int]] = []
    same: list[tuple[int, int]] = []
    specific: list[tuple[int, int]] = []
    for x in range(len(values)):
        for y in range(x + 1, len(values)):
            a, b = items[values[x][0]].figure, items[values[y][0]].figure
            if not same_frame(a, b) or said_in[x] & said_in[y] or _loosely_said(a, b):
                continue
            rel = relation(a, b)
            if rel == "same" and _linked(items, values[x], values[y], other_source=False):
                same.append((x, y))
            elif rel == "compatible" and a.prop in RUNNING and a.dimension == "count" and \
                    days[x] and days[y] and \
                    not days[x] & days[y] and _linked(items, values[x], values[y]):
                clashes.append((x, y))  # "at least 10" on Friday, 18 on Sunday: an update
            elif rel == "compatible" and _linked(items, values[x], values[y], other_source=False):
                specific.append((x, y))
            elif rel in ("contradicts", "differs") and _linked(items, values[x], values[y]):
                clashes.append((x, y))
    figure = [items[v[0]].figure for v in values]

    def told_apart(x: int, y: int) -> bool:
        """A value said beside x is y's figure, and not x's: the sentence told x and y
        apart ("a 5-mile span" of a "7.5-mile stretch"; "an 8 km stretch" elsewhere)."""
        if all(rival_estimate(items[i].sentence.text, items[i].figure) for i in values[x]):
            return False  # another source's estimate of the quantity said beside it
        return any(z != x and said_in[z] & said_in[x] and same_frame(figure[z], figure[y])
                   and relation(figure[z], figure[y]) == "same"
                   and relation(figure[z], figure[x]) != "same" for z in range(len(values)))

    clashes = [(x, y) for x, y in clashes if not told_apart(x, y) and not told_apart(y, x)
               and not _on_other_days(items, values[x], values[y])
               and not _whole_of_listed(items, values[x], figure[y])
               and not _whole_of_listed(items, values[y], figure[x])]
    # Where figures are given for several places, a figure of no stated place well above one
    # place's figure is likely the whole story's (a state's outages against one county's).
    if several_places:
        clashes = [(x, y) for x, y in clashes if not _part_of_whole(figure[x], figure[y])
                   and not _part_of_whole(figure[y], figure[x])]
    # One value told two ways is one claim, and so is a figure inside another's hedge
    # ("3,412" and "more than 3,400"), unless that would put two clashing values in one
    # claim: "more than 70" is 75 and also 71, yet 65 and 75 still clash.
    # A report's loose figure goes first with the exact one the same report gives ("more
    # than 20 dead" beside the ministry's 22), then with one of the same day, then nearest.
    told_by = [{items[i].sentence.ref.article for i in v} for v in values]
    same.sort(key=lambda c: (not told_by[c[0]] & told_by[c[1]], not days[c[0]] & days[c[1]],
                             _log_gap(figure[c[0]], figure[c[1]])))
    # Nor does a figure of no stated place make one claim of two places' equal figures
    # ("two deaths" in X, "at least two" said of nowhere, "two" in Y).
    places = {x: {figure[x].place} - {""} for x in range(len(values))}
    for x, y in same + specific:
        gx, gy = find(x), find(y)
        if gx != gy and not any({find(u), find(v)} <= {gx, gy} for u, v in clashes) and \
                len(places[gx] | places[gy]) <= 1:
            parent[gx] = gy
            places[gy] |= places[gx]
    groups: dict[int, list[int]] = defaultdict(list)
    for x in range(len(values)):
        groups[find(x)].append(x)
    # Claims joined by a clash form one row.
    claim_parent = {g: g for g in groups}

    def root(g: int) -> int:
        while claim_parent[g] != g:
            g = claim_parent[g]
        return g

    # What a row is about (place, thing) once a claim names it; rows never join two.
    named: dict[int, set[tuple[str, str]]] = {g: set() for g in groups}
    for x in range(len(values)):
        f = items[values[x][0]].figure
        # A count's thing is its head noun; counts compare by shared nouns instead.
        thing = "" if f.dimension == "count" else f.thing
        named[find(x)].update(n for n in (("place", f.place or "?"), ("thing", thing)) if n[1])
        # A share said of one place alone never joins a figure of no stated place (the
        # whole it is a share of, likely), unless some source gives it as no share.
        if all(_event_placed(items[i]) for i in values[x]):
            # Where an event happened, told for a named day: that day's event's.
            named[find(x)].update(("day", str(d)) for i in values[x] for d in items[i].days)
        if all(items[i].part for i in values[x]):
            named[find(x)].add(("scope", "part"))
        elif not f.place:
            named[find(x)].add(("scope", "any"))
    for names in named.values():
        if any(kind == "place" and name != "?" for kind, name in names):
            # One value told with its place and without is that place's.
            names -= {("place", "?"), ("scope", "any")}
    # Nearest values first: a figure of no stated place joins the row whose figures are
    # closest to it (a national toll's, not a city's).
    for x, y in sorted(clashes, key=lambda c: _log_gap(figure[c[0]], figure[c[1]])):
        gx, gy = root(find(x)), root(find(y))
        if gx == gy or _disjoint_names(named[gx], named[gy]):
            continue
        claim_parent[gx] = gy
        named[gy] |= named[gx]
    rows: dict[int, list[list[int]]] = defaultdict(list)
    for g, xs in groups.items():
        rows[root(g)].append(sorted(i for x in xs for i in values[x]))
    clashing = {root(find(x)) for x, y in clashes if root(find(x)) == root(find(y))}
    return [sorted(claims) for r, claims in rows.items() if r in clashing and len(claims) > 1]


# The top of the indefinite quantifiers of a few ("a few", "several", "a handful of").
_FEW = 12


# Where an event happened, measured from a place ("its epicentre 40 km north-west of the
# city"): a story of several events (a quake and its aftershocks, two landfalls) gives one
# such distance per event.
_WHERE_IT_HAPPENED = frozenset({"distance"})


# "since Saturday", "from last Monday": a span's start, not the day a sentence tells of.
_SINCE = r"\b(?:since|until|till|from)"
_SINCE_DAY = re.compile(_SINCE + r"\b", re.I)
_SINCE_BEFORE = re.compile(_SINCE + r"\s+(?:last\s+)?$", re.I)


def _weekdays(sentence: Sentence) -> frozenset[int]:
    """The days of the week a sentence names, directly or by a full date."""
    days = set()
    for d in sentence.dates:
        if _SINCE_DAY.match(d.text) or _SINCE_BEFORE.search(sentence.text, max(0, d.start - 16),
                                                             d.start):
            continue  # "sleeping outdoors since Saturday": a span's start, not the scene's day
        if d.weekday is not None:
            days.add(d.weekday)
        elif d.year and d.month and d.day:
            try:
                days.add(datetime.date(d.year, d.month, d.day).weekday())
            except ValueError:
                continue
    return frozenset(days)


# What places an event, said before its distance: where it was centred, struck, made
# landfall (verbs and nouns of a sudden event's place, a closed class).
_EVENT_PLACED = re.compile(r"\b(?:epicent\w*|centred|centered|landfall|struck|hit|erupted|"
                           r"exploded|crashed|(?:earth)?quakes?|tremors?|aftershocks?|blasts?|"
                           r"explosions?)\b", re.I)


def _event_placed(item: _Item) -> bool:
    """The figure places an event: a distance its sentence tells after a word of where an
    event struck ("its epicentre about 40 km north-west of the city")."""
    return item.figure.prop in _WHERE_IT_HAPPENED and \
        bool(_EVENT_PLACED.search(item.sentence.text, 0, item.figure.start))


def _on_other_days(items: list[_Item], xs: list[int], ys: list[int]) -> bool:
    """Two values of where an event happened whose sentences name different days ("struck
    on Saturday ... 40 km", "on Sunday ... 33 km"): two events, each placed once."""
    if not all(_event_placed(items[i]) for i in (*xs, *ys)):
        return False
    days_x = set().union(*(items[i].days for i in xs))
    days_y = set().union(*(items[i].days for i in ys))
    return bool(days_x) and bool(days_y) and not days_x & days_y


def _loosely_said(a: Figure, b: Figure) -> bool:
    """A vague quantity and a figure near its range: "thousands missing" is no figure to
    hold against "10,100" (writers round words loosely), though "dozens" is against "two"."""
    if a.hedge == b.hedge == "vague" and min(a.high, b.high) < _FEW:
        # "several people were hurt" against "hundreds of injuries": "several" and "a few"
        # say some without counting, no figure to hold against another loose word.
        return True
    if (a.hedge == "vague") == (b.hedge == "vague"):
        return False
    vague, other = (a, b) if a.hedge == "vague" else (b, a)
    return vague.low / VAGUE_REACH <= other.value <= vague.high * VAGUE_REACH


# Who is on board, listed by kind ("68 passengers and four crew members"): the parts of a
# whole that looser prose names by the first kind ("72 passengers" for everyone aboard).
_WHO = frozenset({"aboard", "crew", ""})
_LISTED_WITH = re.compile(r",?\s+(?:and|plus)\s+$")


def _whole_of_listed(items: list[_Item], part: list[int], whole: Figure) -> bool:
    """`whole` is the sum of a claim's figure and the one listed beside it in its
    sentence, both counting who is on board: the whole of the parts, not a rival. Every
    report of the claim must list it so: one that gives the figure as a whole ("10 crew"
    against "12 crew") is a rival all the same."""
    return bool(part) and all(_listed_with_sum(items[i], whole) for i in part)


def _listed_with_sum(item: _Item, whole: Figure) -> bool:
    """The item's figure and the one listed beside it sum to `whole` (who is on board)."""
    f, sentence = item.figure, item.sentence
    if f.prop not in _WHO or whole.prop not in _WHO:
        return False
    for g in sentence.values:
        if g.dimension != "count" or g.prop not in _WHO or g.unit == f.unit:
            continue
        first, second = (f, g) if f.end <= g.start else (g, f)
        if second.start >= first.end and \
                _LISTED_WITH.fullmatch(sentence.text, first.end, second.start) and \
                abs(f.value + g.value - whole.value) < 0.5:
            return True
    return False


def _part_of_whole(part: Figure, whole: Figure) -> bool:
    """`part` is one place's figure and `whole`, of no stated place, at least twice it."""
    return part.place != "" and not part.place.startswith("*") and not whole.place \
        and whole.low >= 2 * part.high


def _log_gap(a: Figure, b: Figure) -> float:
    """How far apart two values are, as a ratio (0 for equal values)."""
    return abs(math.log(max(abs(a.value), 1e-9)) - math.log(max(abs(b.value), 1e-9)))


def _disjoint_names(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> bool:
    """Two rows name different places or things (the same kind of name, other values)."""
    # An unplaced figure ("?") may join a row of one place, never a combined total nor a
    # wider scope ("*statewide").
    return any(kind == other_kind and name != other_name and
               (kind != "place" or "?" not in (name, other_name) or
                name.startswith("*") or other_name.startswith("*"))
               for kind, name in a for other_kind, other_name in b)


def _linked(items: list[_Item], xs: list[int], ys: list[int], other_source: bool = True,
            limit: int = 12) -> bool:
    """Some pair of figures (one per value, a few of each) concerns the same thing,
    from two different articles when `other_source`."""
    for i in xs[:limit]:
        for j in ys[:limit]:
            a, b = items[i], items[j]
            if other_source and a.sentence.ref.article == b.sentence.ref.article:
                continue
            if _about_same_thing(a, b):
                return True
    return False


# "rose to 64 on Wednesday": a weekday right after the figure dates it.
_ON_WEEKDAY = re.compile(r"\s+(?:on\s+|by\s+|as\s+of\s+)?$", re.I)


def _day_of(item: _Item, published: dict[str, str | None]) -> str:
    """When the figure held: its report's publication stamp, or the day of the past week
    a weekday right after the figure names ("rose to 64 on Wednesday", told on Thursday)."""
    stamp = published[item.sentence.ref.article] or ""
    try:
        day = datetime.date.fromisoformat(stamp[:10])
    except ValueError:
        return stamp
    f = item.figure
    for d in item.sentence.dates:
        if d.weekday is not None and f.end <= d.start <= f.end + 12 and \
                _ON_WEEKDAY.fullmatch(item.sentence.text[f.end:d.start]):
            back = (day.weekday() - d.weekday) % 7
            return stamp if not back else (day - datetime.timedelta(days=back)).isoformat()
    return stamp


def _row(items: list[_Item], claims: list[list[int]], published: dict[str, str | None],
         topic_names: dict[str, str]) -> Disagreement:
    first = items[claims[0][0]].figure
    # Each claim's earliest known publication stamp, "" when no source is dated, and its day.
    stamps = [min((d for i in claim if (d := _day_of(items[i], published))),
                  default="") for claim in claims]
    dated = [stamp[:10] for stamp in stamps]
    # A figure that moves either way (a water level) may move within a day, and so does a
    # toll all of whose reports fall on the day of the event: its reports are told apart
    # by the hour where every source gives one.
    timed = (first.prop in RUNNING_EITHER or (first.prop in RUNNING and len(set(dated)) == 1)) \
        and all("T" in d for d in stamps)
    when = stamps if timed else dated
    # The report a claim is dated by: its figure is the one that stood on that day (a claim
    # may join "21 dead" of an undated page and "more than 20" of a dated one).
    dating = [next((i for i in claim if _day_of(items[i], published) == stamp), claim[0])
              if stamp else claim[0] for claim, stamp in zip(claims, stamps, strict=True)]
    kind, sign = _kind(items, claims, when, dating)
    order = _time_order(items, claims, when, sign) if kind == "update" else range(len(claims))
    shared = set.intersection(*(items[i].sentence.topics for claim in claims for i in claim))
    names = [topic_names[t] for t in sorted(shared) if t in topic_names][:2]
    places = {items[i].figure.place for claim in claims for i in claim} - {""}
    places_named = set(places)
    if len(places) == 1:
        place = places.pop()
        names = ["all places together" if place == "*all" else
                 string.capwords(place.lstrip("*"))]
    about = _label(first)
    out = []
    for c in order:
        # Shown by a report that names the row's place where one does (one that names none
        # may be about somewhere else).
        lead = next((items[i] for i in claims[c] if items[i].figure.place in places_named),
                    items[claims[c][0]])
        value = lead.figure.text
        if lead.stated and (per := _RATE_AFTER.match(lead.sentence.text, lead.stated.end)):
            value += lead.sentence.text[lead.stated.end:per.end()]  # "$2m" + " a week"
        out.append(Claim(value=value, statement=lead.sentence.text,
                         support=list(dict.fromkeys(items[i].sentence.ref for i in claims[c])),
                         number=_representative(lead.stated or lead.figure),
                         published=dated[c] or None))
    return Disagreement(about=f"{', '.join(names)}: {about}" if names else about, claims=out,
                        kind=kind, unit=first.unit)


def _kind(items: list[_Item], claims: list[list[int]], dated: list[str],
          dating: Sequence[int] = ()) -> tuple[str, int]:
    """The row's kind, and for an update whether its figure rises (1) or falls (-1)
    (`dating`: per claim, the item of the report that dates it)."""
    figure_of = [items[i].figure for i in dating or [claim[0] for claim in claims]]
    # One sum in two currencies is no figure that moved.
    one_currency = len({f.unit for f in figure_of if f.dimension == "money"}) <= 1
    # A figure someone repeats or insists on is a claim held, not a tally that moved.
    restated = any(_RESTATED.search(items[claim[0]].sentence.text, 0, items[claim[0]].figure.start)
                   for claim in claims) or any(
        _DISPUTED.search(items[i].sentence.text, max(0, items[i].figure.start - 60),
                         items[i].figure.start) for claim in claims for i in claim)
    if one_currency and not restated and len({d for d in dated if d}) > 1:
        prop = figure_of[0].prop
        # A count any report gives as it stands on the day runs like a toll.
        tally = any(items[i].tally for claim in claims for i in claim)
        if prop in RUNNING_EITHER and all(f.hedge != "upper" for f in figure_of):
            return "update", 1  # reported on several days: each day's figure in turn
        for sign in (1, -1):
            if prop not in (RUNNING if sign == 1 else RUNNING_DOWN) and not (sign == 1 and tally):
                continue
            if sign == 1 and any(f.hedge == "upper" for f in figure_of):
                continue  # "up to $15bn" is an estimate's ceiling, not a tally that grew
            # Every later day's reports move the figure the same way (reports of one day
            # may differ among themselves: they are shown side by side in the update).
            in_time = _time_order(items, claims, dated, sign)
            days = [dated[c] for c in in_time]
            lesser = _lesser_in_own_reports(items, claims, sign)
            if len(set(days) - {""}) > 1 and all(
                    _may_follow(figure_of[a], figure_of[b], sign)
                    for n, a in enumerate(in_time) for b in in_time[n + 1:]
                    if days[n] and dated[b] and days[n] < dated[b]
                    and a not in lesser and b not in lesser):
                return "update", sign
    if one_currency and not restated and figure_of[0].prop in RUNNING and len(claims) > 1:
        # "at least 15 dead, up from 10 reported earlier": the reports themselves call every
        # lesser figure an earlier count, so the row is an update even within one day.
        top = max(range(len(claims)), key=lambda c: figure_of[c].value)
        if all(any(_grew_from(items[i]) for i in claims[c])
               for c in range(len(claims)) if c != top):
            return "update", 1
    pairs = [(a, b) for n, a in enumerate(figure_of) for b in figure_of[n + 1:]]
    return ("contradicts" if any(relation(a, b) == "contradicts" for a, b in pairs)
            else "differs"), 1


# Verbs of restating a claim, with what is restated ("he repeated his claim that it killed
# 30", "she insisted, without evidence, that"); not "repeated their appeal for calm".
# "disputed the official figure of 56", "far exceeds the official toll of 56": a count set
# against an official one is a rival's estimate, never the official count moving.
_DISPUTED = re.compile(r"\b(?:disput\w*|contest\w*|challeng\w*|exceed\w*|higher\s+than|"
                       r"as\s+high\s+as)\s+(?:[\w-]+\s+){0,2}?official\s+(?:death\s+)?"
                       r"(?:figure|toll|count|number|tally)\s+(?:of\s+deaths\s+)?(?:of|at)\s+$",
                       re.I)
_RESTATED = re.compile(r"\b(?:repeat(?:ed|s|ing)|reiterat\w+|restat\w+|insist(?:ed|s|ing))\s+"
                       r"(?:(?:his|her|their|its|the|an?)\s+(?:\w+\s+)?(?:claim|assertion|"
                       r"estimate|figure|account)\s+)?(?:that\b|,)", re.I)


# "up from 10", "an increase from the 41 confirmed earlier": the figure it grew from.
_UP_FROM = re.compile(r"\b(?:up|increase[sd]?|rising|rose|risen|climbing|climbed)\s+from\s+"
                      r"(?:(?:an?|the)\s+)?(?:earlier\s+|initial\s+|previous\s+)?$", re.I)


def _may_follow(earlier: Figure, later: Figure, sign: int) -> bool:
    """A later report's figure allows the count to have moved `sign`-ward since the earlier
    one: "more than 1,000" told after "1,099" is a looser word for a count still rising."""
    reach = later.high if sign == 1 else later.low
    return sign * earlier.value <= sign * reach


def _grew_from(item: _Item) -> bool:
    """The figure is what a count grew from ("up from 10 deaths"), or a count the report
    tells as its own earlier one."""
    f = item.figure
    return bool(_UP_FROM.search(item.sentence.text, max(0, f.start - 40), f.start)) or \
        _told_earlier(item)


# A report's own earlier count, told as such. Either an earlier part of the day or an
# earlier report (a closed class of time adverbials) with a past perfect of a verb of
# telling or counting before the figure ("In the morning the mayor had spoken of 12 dead",
# "at a first briefing police had put the number at 30") ...
_EARLIER_TIME = re.compile(r"\b(?:earlier|initially|at\s+first|originally|previously|"
                           r"(?:in|on|that|this|by)\s+(?:the\s+)?(?:early\s+)?morning|"
                           r"(?:an?|the|its|his|her|their)\s+(?:early\s+|first\s+)?morning|"
                           r"(?:an?|the|its|his|her|their)\s+first\s+(?:briefing|statement|"
                           r"update|count|report|announcement|news\s+conference|bulletin))\b",
                           re.I)
_HAD_TOLD = re.compile(r"\bhad\s+(?:first\s+|initially\s+|earlier\s+|already\s+)?"
                       r"(?:given|spoken\s+of|said|told|reported|put|announced|counted|"
                       r"confirmed|cited|mentioned|recorded|listed|tallied|estimated|"
                       r"stood|reached|been)\b", re.I)
# ... or the sentence goes on to say that count then rose ("; the number kept rising",
# "both figures climbed through the day", "a figure that has since grown").
_ROSE_AFTER = re.compile(r"\b(?:figures?|numbers?|toll|count|tally|both)\s+"
                         r"(?:has\s+|have\s+|had\s+)?(?:since\s+|later\s+|then\s+|steadily\s+)?"
                         r"(?:kept\s+(?:rising|climbing|growing|mounting)|continued\s+to\s+"
                         r"(?:rise|climb|grow|mount)|rose|risen|climbed|grew|grown|mounted|"
                         r"increased)\b", re.I)


def _told_earlier(item: _Item) -> bool:
    """The report tells the figure as its own earlier count, since overtaken (a morning
    briefing's toll; "more than 30 dead at first; the number kept rising")."""
    text, f = item.sentence.text, item.figure
    before = text[:f.start]
    if _EARLIER_TIME.search(before) and _HAD_TOLD.search(before):
        return True
    return bool(_ROSE_AFTER.search(text, f.end))


def _lesser_in_own_reports(items: list[_Item], claims: list[list[int]], sign: int) -> set[int]:
    """Claims every report of which also gives a figure further on in the row ("48 dead"
    and, lower down, "46 deaths confirmed"): a report's own lesser figure says nothing of
    how the count moved from one day to the next."""
    value = [sign * items[claim[0]].figure.value for claim in claims]
    articles = [{items[i].sentence.ref.article for i in claim} for claim in claims]
    return {c for c in range(len(claims))
            if all(any(value[d] > value[c] and article in articles[d]
                       for d in range(len(claims))) for article in articles[c])}


def _time_order(items: list[_Item], claims: list[list[int]], dated: list[str],
                sign: int = 1) -> list[int]:
    """Claims of an update in time order; undated ones where their figure puts them
    (`sign` -1: a figure that falls over time)."""
    value = [sign * items[claim[0]].figure.value for claim in claims]
    order = sorted((c for c in range(len(claims)) if dated[c]), key=lambda c: (dated[c], value[c]))
    for c in sorted((c for c in range(len(claims)) if not dated[c]), key=lambda c: value[c]):
        at = next((n for n, d in enumerate(order) if value[d] > value[c]), len(order))
        order.insert(at, c)
    return order


def _representative(f: Figure) -> float:
    """One number to chart a claim by: the stated value, or a vague range's middle."""
    return round(f.value, 6)


_PROPERTY_WORDS = {"killed": "killed", "injured": "injured", "missing": "missing",
                   "displaced": "displaced", "evacuated": "evacuated", "rescued": "rescued",
                   "survived": "survivors", "arrested": "arrested", "population": "population",
                   "cancelled": "cancelled",
                   "crew": "crew", "aboard": "on board", "affected": "affected",
                   "damage": "damage", "destroyed": "destroyed", "damaged": "damaged",
                   "recovered": "bodies recovered", "cost": "cost", "aid": "aid",
                   "length": "length",
                   "height": "height", "depth": "depth", "width": "width",
                   "fall": "how far it fell",
                   "distance": "distance", "elapsed": "time after", "duration": "how long",
                   "lasted": "how long it lasted",
                   "supply": "supply", "value": "value", "assets": "assets",
                   "deposits": "deposits", "withdrawn": "withdrawals", "revenue": "revenue",
                   "profit": "profit", "raise": "capital raised", "magnitude": "magnitude",
                   "origin": "year of origin", "age": "age", "level": "level",
                   "shift": "rise or fall", "loss": "amount lost",
                   "altitude": "altitude", "zone": "size of the zone", "part": "of them",
                   "risk": "at risk", "wind": "wind speed", "savings": "savings",
                   WHOLE: "how many in all", "population part": "part of the population",
                   "sustained wind": "sustained wind speed", "contained": "share contained",
                   "minor": "lightly hurt", "serious": "seriously hurt",
                   "critical": "in critical condition", "stable": "in stable condition",
                   "identified": "identified", "recorded": "recorded", "weight": "weight",
                   "in care": "still in care", "handed over": "bodies handed over",
                   "searched": "share searched", "insured loss": "insured losses",
                   "trapped": "trapped", "area": "area", "present": "there at the time",
                   "buried": "buried"}


# "341 were still missing": the figure's text ends with the state, not the counted noun.
_STATE_LAST = re.compile(r"\b(?:were|are|was|is|been|remain(?:ed)?|condition|"
                         r"(?:critical|serious|severe|grave|slight|light)ly)\b")


def _label(f: Figure) -> str:
    prop = _PROPERTY_WORDS.get(f.prop, "")
    if f.dimension == "count" and f.prop == PART:
        return f"how many of the {f.unit} (a part of them)"
    if f.dimension == "count" and f.prop.startswith(HAS):
        # The counted word as written: "73-tanker" -> tanker, "72 tanker cars" -> cars.
        counted = re.split(r"[-\s]", f.text)[-1]
        return f"how many {counted} the {f.prop[len(HAS):]} has"
    if f.dimension == "count":
        # The counted noun as written: the last words of the figure's text.
        nouns = [n for n in f.nouns if not n.startswith(ORIGIN)]
        words = f.text.split()[-len(nouns):] if nouns and not f.text[-1:].isdigit() and \
            not _OF_THEM_END.search(f.text) and \
            not _STATE_LAST.search(f.text) else []
        bound = f.thing[len(VEHICLE):] if f.thing.startswith(VEHICLE) else ""
        return f"how many {' '.join(words) or f.unit}" + (f" ({prop})" if prop else "") + \
            (f", the one bound for {bound.title()}" if bound else "")
    if f.dimension == "age":
        return f"age of {f.thing.title()}"
    if f.dimension == "money":
        return f"{prop or 'amount'} ({f.unit})"
    if f.prop == "origin" and f.thing:
        return f"year {f.thing}"  # the kind of beginning: "year built", "year opened"
    if f.dimension == "duration" and f.thing and f.prop in ("duration", "lasted"):
        return f"how long the {f.thing} " + ("lasted" if f.prop == "lasted" else "lasts")
    thing = f" of the {f.thing}" if f.thing and not f.thing.startswith("*") else ""
    return f"{prop or {'percent': 'share'}.get(f.dimension, f.dimension)}{thing}"


_EVENT_VERBS = ("announc", "agre", "decid", "approv", "sign", "unveil")


def _is_form_of(stem: str, verb: str) -> bool:
    """The stem is the verb's or its action noun's ("agreement"), not another word's that
    begins alike ("signal" is no form of "sign")."""
    return stem.startswith(verb) and stem[len(verb):] in ("", "ment", "ement")


def find_date_disagreements(sentences: list[Sentence]) -> list[Disagreement]:
    """The same announcement dated by a weekday in one source and by a date falling on
    another weekday in another: one row per verb, holding every claim in such a clash.

    Only lead paragraphs are compared: there "announced on ..." refers to the
    story's main event in every source. Claims are matched through an index of
    (verb, topic) to the weekdays other articles give, so the work grows with the
    number of claims, never with their pairs.
    """
    dated: list[tuple[Sentence, str, DateMention]] = []
    for s in sentences:
        # Dates first: the verb is looked for only where there is something to compare.
        usable = [d for d in s.dates if d.weekday is not None or d.date is not None]
        if s.paragraph_index > 2 or not usable:
            continue
        verb = next((v for v in _EVENT_VERBS if any(_is_form_of(st, v) for st in s.stems)),
                    None)
        if verb is not None:
            dated.extend((s, verb, d) for d in usable)
    # (verb, topic, weekday) -> up to two articles giving it: by name ("on Tuesday"), by date.
    by_name: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    by_date: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for s, verb, d in dated:
        for index, day in ((by_name, d.weekday), (by_date, d.date and d.date.weekday())):
            for topic in s.topics if day is not None else ():
                articles = index[verb, topic, day]
                if len(articles) < 2 and s.ref.article not in articles:
                    articles.append(s.ref.article)

    def clashes(s: Sentence, verb: str, day: int,
                other: dict[tuple[str, str, int], list[str]]) -> bool:
        """Another article gives the verb another weekday the other way, on a shared topic."""
        return any(a != s.ref.article for topic in s.topics for other_day in range(7)
                   if other_day != day for a in other.get((verb, topic, other_day), ()))

    # verb -> value -> claim; weekday names first, then dates, each in reading order.
    named: dict[str, dict[str, Claim]] = defaultdict(dict)
    dates: dict[str, dict[str, Claim]] = defaultdict(dict)
    for s, verb, d in dated:
        sides = []
        if d.weekday is not None and clashes(s, verb, d.weekday, by_date):
            sides.append((named, d.text.strip()))
        if d.date is not None and clashes(s, verb, d.date.weekday(), by_name):
            sides.append((dates, f"{d.text.strip()} ({d.date.isoformat()}, "
                                 f"a {d.date.strftime('%A')})"))
        for row, value in sides:
            claim = row[verb].setdefault(value, Claim(value, [], s.text))
            if s.ref not in claim.support:
                claim.support.append(s.ref)
    return [Disagreement(about=f"when it was {verb}ed",  # every stem in _EVENT_VERBS takes -ed
                         claims=[*named[verb].values(), *dates[verb].values()],
                         kind="contradicts", unit="date")
            for verb in sorted(named.keys() | dates.keys())]
