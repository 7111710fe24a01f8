"""Figure frames: every figure in a sentence, read as what it measures.

A frame holds the value as an interval (hedges, ranges, vague quantities, fractions,
number words), its dimension and unit (count, money with currency, length, duration,
percentage, age, year), the property it states (killed, missing, population, length,
cost, age, time since an event, year of origin, ...), the thing measured (the counted
noun, the noun a share or size is of, the person an age belongs to) and its stated
precision. Two figures are only ever compared when their frames match (see
disagreements.py). Model designations (F-16, Aerion 380), list positions, days and
years of dates and partitives ("two of the six") are not figures.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ..dates import WEEKDAYS
from ..models import fast_pickle
from ..text import is_stopword, stem
from .gazetteer import gazetteer
from .vehicle_loads import bound_vehicle

_SCALE = {"dozen": 12.0, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "dollars": "USD",
             "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY",
             "hryvnias": "UAH", "rubles": "RUB", "roubles": "RUB", "yuan": "CNY",
             "pesos": "MXN", "rupees": "INR", "lira": "TRY",
             # Other currencies' names as written after a figure (a closed class); a name
             # several countries use keeps the name, not one country's code.
             "reais": "BRL", "rand": "ZAR", "naira": "NGN", "ringgit": "MYR", "baht": "THB",
             "won": "KRW", "rupiah": "IDR", "taka": "BDT", "kyat": "MMK", "zlotys": "PLN",
             "zloty": "PLN", "forints": "HUF", "kronor": "SEK", "kroner": "KRONE",
             "tenge": "KZT", "cedis": "GHS", "afghanis": "AFN", "soles": "PEN",
             "dirhams": "DIRHAM", "dinars": "DINAR", "riyals": "RIYAL", "francs": "FRANC",
             "shillings": "SHILLING", "kwacha": "KWACHA",
             # Dollars of other countries, by their prefix ("R$" is the Brazilian real's).
             "r$": "BRL", "a$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD",
             "nt$": "TWD"}
_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                      "eighty": 80, "ninety": 90, "a dozen": 12, "a hundred": 100,
                      "a thousand": 1000, "a couple of": 2, "a pair of": 2})
# Vague quantities as (low, high), inclusive.
_VAGUE = {"dozens": (24, 99), "several dozen": (24, 99), "scores": (40, 99),
          "hundreds": (200, 999), "several hundred": (200, 999), "thousands": (2000, 9999),
          "several thousand": (2000, 9999), "tens of thousands": (20000, 99999),
          "hundreds of thousands": (200000, 999999), "millions": (2e6, 9.99e6),
          "a few": (2, 5), "several": (3, 9), "a handful of": (2, 6)}
# Fractions stated in words, as percentages.
_FRACTIONS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3,
              "one third": 100 / 3, "one-third": 100 / 3, "two thirds": 200 / 3,
              "two-thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0,
              "one-quarter": 25.0, "three quarters": 75.0, "three-quarters": 75.0,
              "a fifth": 20.0, "one fifth": 20.0, "a tenth": 10.0, "one tenth": 10.0}
# Hedges: how a stated value bounds the true one.
_HEDGES = {
    "more than": "lower", "over": "lower", "exceeded": "lower", "exceeds": "lower",
    "exceeding": "lower", "exceed": "lower", "topped": "lower", "passed": "lower",
    "surpassed": "lower", "surpass": "lower", "surpasses": "lower", "surpassing": "lower",
    "tops": "lower", "topping": "lower",
    # "top" alone is also "the top 10": a bound only after a modal or "to".
    "could top": "lower", "would top": "lower", "will top": "lower", "may top": "lower",
    "might top": "lower", "to top": "lower",
    # A bound that stays close: "just over an hour" is not how one says 1 hour 45 minutes.
    "just over": "just", "just above": "just", "just more than": "just",
    "slightly more than": "just", "slightly over": "just", "a little over": "just",
    "a little more than": "just",
    "at least": "least", "upwards of": "lower", "in excess of": "lower",
    "above": "lower", "no fewer than": "least", "no less than": "least",
    "less than": "upper", "under": "upper", "fewer than": "upper", "up to": "upper",
    "as many as": "upper", "as much as": "upper", "at most": "upper", "below": "upper",
    # "washed as far as 100 km": the farthest of many, so any one nearer agrees with it.
    "as far as": "upper", "as far away as": "upper",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "about some": "about",
    "circa": "about", "roughly some": "about",
}
_UNITS = {  # unit word -> (dimension, factor to the base unit, display unit)
    "mm": ("length", 0.001, "m"), "millimetres": ("length", 0.001, "m"),
    "millimeters": ("length", 0.001, "m"), "cm": ("length", 0.01, "m"),
    "centimetres": ("length", 0.01, "m"), "centimeters": ("length", 0.01, "m"),
    "m": ("length", 1.0, "m"), "metres": ("length", 1.0, "m"), "meters": ("length", 1.0, "m"),
    "metre": ("length", 1.0, "m"), "meter": ("length", 1.0, "m"),
    "km": ("length", 1000.0, "m"), "kilometres": ("length", 1000.0, "m"),
    "kilometers": ("length", 1000.0, "m"), "kilometre": ("length", 1000.0, "m"),
    "kilometer": ("length", 1000.0, "m"), "miles": ("length", 1609.344, "m"),
    "mile": ("length", 1609.344, "m"), "feet": ("length", 0.3048, "m"),
    "foot": ("length", 0.3048, "m"), "ft": ("length", 0.3048, "m"),
    "nautical miles": ("length", 1852.0, "m"), "square miles": ("area", 2.59e6, "m²"),
    "square kilometres": ("area", 1e6, "m²"), "square kilometers": ("area", 1e6, "m²"),
    "sq km": ("area", 1e6, "m²"), "yards": ("length", 0.9144, "m"),
    "inches": ("length", 0.0254, "m"),
    "cubic kilometres": ("volume", 1e9, "m³"), "cubic kilometers": ("volume", 1e9, "m³"),
    "cubic km": ("volume", 1e9, "m³"), "cubic metres": ("volume", 1.0, "m³"),
    "cubic meters": ("volume", 1.0, "m³"), "cubic miles": ("volume", 4.168e9, "m³"),
    "cubic feet": ("volume", 0.0283168, "m³"), "gallons": ("volume", 0.00378541, "m³"),
    "gallon": ("volume", 0.00378541, "m³"), "litres": ("volume", 0.001, "m³"),
    "liters": ("volume", 0.001, "m³"), "litre": ("volume", 0.001, "m³"),
    "liter": ("volume", 0.001, "m³"), "barrels": ("volume", 0.158987, "m³"),
    "storeys": ("floors", 1.0, "floors"), "storey": ("floors", 1.0, "floors"),
    "stories": ("floors", 1.0, "floors"), "story": ("floors", 1.0, "floors"),
    "inch": ("length", 0.0254, "m"),
    "kg": ("mass", 1.0, "kg"), "kilograms": ("mass", 1.0, "kg"),
    "tonnes": ("mass", 1000.0, "kg"), "tons": ("mass", 907.0, "kg"),
    "tonne": ("mass", 1000.0, "kg"), "ton": ("mass", 907.0, "kg"),
    "acres": ("area", 4046.86, "m²"), "hectares": ("area", 10000.0, "m²"),
    # Singulars, as a size before its noun takes them: "a 30-acre depot", "a 2-square-mile zone".
    "acre": ("area", 4046.86, "m²"), "hectare": ("area", 10000.0, "m²"),
    "square mile": ("area", 2.59e6, "m²"), "square kilometre": ("area", 1e6, "m²"),
    "square kilometer": ("area", 1e6, "m²"), "yard": ("length", 0.9144, "m"),
    "barrel": ("volume", 0.158987, "m³"),
    "seconds": ("duration", 1 / 3600, "h"), "second": ("duration", 1 / 3600, "h"),
    "minutes": ("duration", 1 / 60, "h"), "minute": ("duration", 1 / 60, "h"),
    "hours": ("duration", 1.0, "h"), "hour": ("duration", 1.0, "h"), "h": ("duration", 1.0, "h"),
    "hrs": ("duration", 1.0, "h"), "min": ("duration", 1 / 60, "h"),
    "mins": ("duration", 1 / 60, "h"),
    "days": ("duration", 24.0, "h"), "day": ("duration", 24.0, "h"),
    "nights": ("duration", 24.0, "h"), "night": ("duration", 24.0, "h"),
    "weeks": ("duration", 168.0, "h"), "week": ("duration", 168.0, "h"),
    "months": ("duration", 730.0, "h"), "month": ("duration", 730.0, "h"),
    "years": ("duration", 8766.0, "h"), "year": ("duration", 8766.0, "h"),
    "mph": ("speed", 1.609344, "km/h"), "km/h": ("speed", 1.0, "km/h"),
    "kph": ("speed", 1.0, "km/h"), "kmh": ("speed", 1.0, "km/h"),
    "miles per hour": ("speed", 1.609344, "km/h"), "km per hour": ("speed", 1.0, "km/h"),
    "kilometres per hour": ("speed", 1.0, "km/h"), "kilometers per hour": ("speed", 1.0, "km/h"),
}
# Properties, from generic word classes near the figure: stem prefix -> property.
# Longest prefixes are tried first; a figure takes the nearest cue in its own stretch.
_PROPERTY_CUES = {
    "kill": "killed", "dead": "killed", "death": "killed", "die": "killed", "died": "killed",
    "fatal": "killed", "perish": "killed", "toll": "killed", "bodi": "killed",
    "drown": "killed", "live lost": "killed", "lost their live": "killed",
    "claimed the live": "killed", "claiming the live": "killed", "took the live": "killed",
    "taking the live": "killed",
    "injur": "injured", "wound": "injured", "hurt": "injured", "hospitali": "injured",
    "missing": "missing", "unaccount": "missing",
    # Not found yet is missing: "six employees have not been found".
    "not been found": "missing", "not yet been found": "missing", "yet to be found": "missing",
    "not been located": "missing", "not been heard from": "missing",
    "not be found": "missing", "not be located": "missing", "not be accounted": "missing",
    # Verbs of seeking people (a closed class): "crews were searching for five hikers".
    "looking for": "missing", "searching for": "missing", "search for": "missing",
    "displac": "displaced", "homeless": "displaced", "fled": "displaced", "flee": "displaced",
    # Put out of their homes, however said: "forced from their homes", "out of their homes".
    "from their home": "displaced", "out of their home": "displaced",
    "from their house": "displaced", "out of their house": "displaced",
    # Homes lost are people displaced: "had lost their homes", "are now without homes".
    "lost their home": "displaced", "lost their house": "displaced",
    "without home": "displaced", "without a home": "displaced", "without shelter": "displaced",
    "evacu": "evacuated", "shelter": "evacuated",
    "rescu": "rescued", "surviv": "survived", "arrest": "arrested", "detain": "arrested",
    # The dead laid to rest, a count that only grows: "3,283 had been buried".
    "buried": "buried", "burial": "buried",
    # Held where they were caught (mines, collapsed buildings, caves, lifts).
    "trapp": "trapped",
    # Verbs of lifting people out (a closed class): "plucked six climbers from a ledge".
    "airlift": "rescued", "winched": "rescued", "hoisted": "rescued", "plucked": "rescued",
    "popul": "population", "inhabit": "population", "home to": "population",
    "city of": "population", "town of": "population", "village of": "population",
    # "a state of 11 million people": a place's people, the cue right before the figure.
    "state of": "population", "country of": "population", "nation of": "population",
    "island of": "population", "province of": "population", "region of": "population",
    "county of": "population", "territory of": "population", "district of": "population",
    "damag": "damage", "destroy": "damage", "loss": "damage",
    # Verbs of destroying a building in other words (a closed class).
    "demolish": "damage", "razed": "damage", "burnt down": "damage", "burned down": "damage",
    "flattened": "damage", "gutted": "damage", "levelled": "damage", "leveled": "damage",
    "cost": "cost", "price": "cost", "spend": "cost", "spent": "cost", "budget": "cost",
    "worth": "value", "valu": "value", "market cap": "value", "paid": "cost", "pay": "cost",
    "per person": "cost",
    "ticket": "cost", "fare": "cost", "a seat": "cost", "charg": "cost", "sell": "cost",
    "sold for": "cost", "a head": "cost", "apiece": "cost",
    "insur": "insured", "uninsur": "insured", "insured loss": "insured loss",
    "aid": "aid", "assist": "aid", "pledg": "aid", "donat": "aid", "package": "aid",
    "commit": "aid", "fund": "aid", "grant": "aid", "loan": "aid",
    # What a payer keeps rather than spends: "the 11 billion it saves", "savings of $2m".
    "sav": "savings",
    "asset": "assets", "deposit": "deposits", "withdr": "withdrawn", "revenu": "revenue",
    "profit": "profit", "earning": "profit", "raise": "raise", "capital": "raise",
    "long": "length", "length": "length", "span": "length", "stretch": "length",
    # A water level, and how far it moved: "stood at 3.6 metres", "had fallen by 1.5 metres".
    "altitude": "altitude", "climb": "altitude", "cruis": "altitude", "flying at": "altitude",
    "flew at": "altitude",
    "level": "level", "stood at": "level", "stands at": "level", "measured": "level",
    "fallen by": "shift", "fell by": "shift", "dropped by": "shift", "rose by": "shift",
    "risen by": "shift", "below its": "shift", "above its": "shift", "lower than": "shift",
    "higher than": "shift",
    "tall": "height", "high": "height", "height": "height", "deep": "depth", "depth": "depth",
    "wide": "width", "width": "width", "away": "distance", "from": "distance",
    "distanc": "distance", "radius": "distance", "south": "distance", "north": "distance",
    "east": "distance", "west": "distance", "off": "distance", "down": "depth",
    # Along a river, not below anything: "found 50 km downstream", "60 miles down the river".
    "downstream": "distance", "downriver": "distance", "down the river": "distance",
    "upstream": "distance", "upriver": "distance", "up the river": "distance",
    # How far below the ground: "trapped 420 metres underground", "a mile below the surface".
    "underground": "depth", "under ground": "depth", "below ground": "depth",
    "below the surface": "depth", "beneath the surface": "depth", "below the ground": "depth",
    "left": "supply", "remain": "supply", "supply": "supply", "worth of": "supply",
    "after": "elapsed", "later": "elapsed", "since": "elapsed", "into": "elapsed",
    "last": "duration", "for": "duration",
    "crew": "crew", "aboard": "aboard", "onboard": "aboard", "on board": "aboard",
    "passeng": "aboard",
    "affect": "affected", "without power": "affected", "without electricity": "affected",
    "lost power": "affected", "lose power": "affected", "losing power": "affected",
    # Services called off (a closed class of verbs): "cancelled 65 flights", "scrapped 82".
    "cancel": "cancelled", "scrapped": "cancelled", "scrapping": "cancelled",
    "axed": "cancelled", "called off": "cancelled",
    # A queue held up by a blockage: ships, trucks, flights or travellers waiting.
    "waiting": "waiting", "queu": "waiting", "stuck": "waiting", "stranded": "waiting",
    "backlog": "waiting", "held up": "waiting",
    # What a craft or vehicle carries, said right before the figure: "a boat carrying 40".
    "carry": "aboard", "carri": "aboard",
    # How deep a craft went: "dived to 3,800 metres" (verbs of going down, a closed class).
    "dived to": "depth", "dove to": "depth", "dive to": "depth", "descended to": "depth",
    "descend to": "depth", "sank to": "depth", "sunk to": "depth", "plunged to": "depth",
    # What is only threatened is not what was hit: "80 villages in the danger zone".
    "at risk": "risk", "danger": "risk", "threaten": "risk", "endanger": "risk",
    "lost": "loss", "drain": "loss", "releas": "loss", "spill": "loss", "gush": "loss",
    # Wind: a storm's winds and gusts; its sustained winds are another measure.
    "wind": "wind", "gust": "wind", "sustained wind": "sustained wind",
    # How far a fire is held or an area searched: a share that reports raise over days.
    "contained": "contained", "containment": "contained", "search": "searched",
    # A tally kept by whoever records the events as they come: "300 tremors were logged",
    # "had counted 12 breaches". Verbs of recording (not "record", a noun of its own).
    "recorded": "recorded", "logged": "recorded", "counted": "recorded",
    "detected": "recorded", "registered": "recorded",
}
# Cues that name who is counted rather than what befell them, and the harms that say
# which of them a figure counts.
_WHO_CUES = frozenset({"aboard", "crew"})
# "members of the road crew", "workers of a salvage firm": the group the counted belong to.
_GROUP_OF = re.compile(r"^\s+of\s+(?:the|a|an|its|their|his|her)\s+(?:[a-z][\w-]*\s+){0,2}?"
                       r"[a-z][\w-]*(?=\s*[,.;:]|\s+(?:who|that|which|were|was|are|is|had|have|"
                       r"has|remain\w*)\b)")
# A plural agent noun made from a cue ("rescuers"): the noun names who acts or is counted.
_AGENT = re.compile(r"[a-z]ers$", re.I)
# A cue word before the counted noun ("rescue specialists", "evacuation buses") says what
# the counted do or serve for; a participle or a state before it ("injured workers", "dead
# fish", "missing hikers") says what befell them.
_ANOTHER_WORD = re.compile(r"\s+[a-z]")
_STATE_WORD = re.compile(r"\w+(?:ed|en)|dead|missing|homeless|hurt|lost", re.I)
_HARM = frozenset({"killed", "injured", "missing"})
# What befalls travellers that splits them off from those aboard: a harm, or a disruption
# of journeys ("flights cancelled, affecting 28,000 passengers", "3,000 passengers stranded").
_NOT_ABOARD = _HARM | {"affected", "waiting"}
# Patterns open with (?<!\w): positions inside words are rejected first (much faster
# than \b before a long alternation).
_PROPERTY_PATTERN = re.compile(
    r"(?<!\w)(" + "|".join(sorted((re.escape(c) for c in _PROPERTY_CUES), key=len, reverse=True))
    + r")[a-z]*", re.I)
# (What the comparison asks of a clause: does it say what a figure is about at all.)
PROPERTY_CUE = _PROPERTY_PATTERN
# Which properties a dimension's figures may take (others are ignored for it).
_PROPERTIES_OF = {
    "count": frozenset({"killed", "injured", "missing", "displaced", "evacuated", "rescued",
                        "survived", "arrested", "population", "crew", "aboard", "affected",
                        "damage", "risk", "waiting", "recorded", "cancelled", "trapped",
                        "present", "buried"}),
    "money": frozenset({"damage", "cost", "aid", "value", "assets", "deposits", "withdrawn",
                        "revenue", "profit", "raise", "insured loss", "savings"}),
    "length": frozenset({"length", "height", "depth", "width", "distance", "level", "shift",
                         "altitude", "fall"}),
    "duration": frozenset({"elapsed", "duration"}),
    "volume": frozenset({"loss"}),
    "percent": frozenset({"killed", "injured", "damage", "affected", "population", "cost",
                          "insured", "contained", "searched"}),
    "speed": frozenset({"wind", "sustained wind"}),
}
# Words for people in general: "12 people", "12 residents" and "12 victims" count alike.
# Kept as written: stems confuse some ("residents" and "residences").
_PEOPLE = frozenset(w for w in (
    "people persons residents civilians victims individuals inhabitants villagers locals "
    "citizens nationals others deaths fatalities dead injured wounded missing homeless "
    "displaced injuries survivors"
).split())
_PEOPLE_STEMS = frozenset({*(stem(w) for w in _PEOPLE), "people", "person"})
# A capitalised word inside a counted noun phrase (the figure opens no sentence there).
_GROUP_WORD = re.compile(r"\b[A-Z][a-z]+")
# Head nouns news prose uses for one kind of counted thing (closed classes: soldiers,
# seagoing vessels, aircraft), as written -> the one stem they are counted by. ("Homes"
# and "houses" are not one: a home may be a flat, and a house holds several.)
_SAME_KIND = {**dict.fromkeys(("troops", "soldiers"), "soldier"),
              **dict.fromkeys(("ships", "vessels"), "ship"),
              **dict.fromkeys(("planes", "airplanes", "aeroplanes", "aircraft"), "aircraft")}
# "-men" compounds (airmen, firemen, gunmen) are plurals too.
_IRREGULAR = ("people|children|[a-z]*men|personnel|aircraft|police|staff|crew|sheep|cattle|"
              "fish|deer|livestock|poultry")
# States a counted noun may be in: "3,500 dead fish" counts fish.
_STATES = frozenset(stem(w) for w in "dead injured wounded missing homeless displaced".split())
# "27 dead", "four missing": adjectives standing for the people they describe.
# ("90 seriously injured": an adverb of how badly may come first; "six confirmed dead",
# "290 still missing": one of how the state is known or that it lasts.)
_PEOPLE_AS = re.compile(r"^\s+(?:(?:critically|seriously|severely|gravely|slightly|lightly|badly|"
                        r"still|now|confirmed|officially)\s+)?(dead|injured|wounded|missing|homeless|displaced)\b"
                        r"(?!\s+(?!(?:across|as|was|is|has|this|thus|towards|plus|besides|"
                        r"versus|its|his|whereas)\b)[a-z]+s\b)", re.I)
# "15 are in critical condition", "41 in serious condition": people, in a state of health.
_PEOPLE_IN_CONDITION = re.compile(
    r"(?:\s+(?:were|are|was|is|remain|remained|remains)(?:\s+still)?)?\s+in\s+(?:a\s+)?"
    r"(?:(?:very|extremely|most)\s+)?(?:critical|serious|stable|grave|severe|fair|good)\s+"
    r"condition\b", re.I)
# "341 were still missing", "16 were hurt": a bare figure whose verb states what befell people.
_PEOPLE_WERE = re.compile(
    r"^(?:,\s+including\s+[^,;]{1,40},)?\s+(?:(?:were|are|was|is|had\s+been|have\s+been|"
    r"has\s+been|remain|remained)(?:\s+(?:still|now))?(?:\s+(?:reported|confirmed|listed))?\s+"
    r"(?:dead|killed|injured|hurt|wounded|missing|rescued|evacuated|displaced|trapped|"
    r"unaccounted)|(?:have|had|has)\s+(?:now\s+)?died)\b", re.I)
# "sank with 459 on board.": a bare figure the clause ends on board counts who was aboard
# ("179 aboard the ferry were rescued" goes on to say what befell them).
_PEOPLE_ON_BOARD = re.compile(r"\s+(?:on\s+board|aboard)(?=\s*(?:[,.;:)]|\s[-–—]|$))",
                              re.I)
# "moved to safety", "taken out of the flooded areas": evacuated, in other words.
_TO_SAFETY = re.compile(r"\s+(?:to\s+safety|out\s+of|away\s+from)\b", re.I)
# Verbs of leaving the track or road: what "derailed" says in other words.
_OFF_TRACK_AFTER = re.compile(
    r"^,?\s+(?:(?:that|which)\s+)?(?:(?:had|have|has)\s+)?(?:left|leave|leaving|came\s+off|"
    r"come\s+off|jumped|went\s+off|gone\s+off|ran\s+off|run\s+off|slid\s+off|veered\s+off)"
    r"\s+(?:the\s+|its\s+|their\s+)?(?:rails?|tracks?|road|runway)\b", re.I)
# "38 cars derailed", "cars that were damaged", "eleven derailed cars": what happened to them.
_PARTICIPLE_AFTER = re.compile(r"^,?\s+(?:(?:that|which|who)\s+)?(?:(?:were|was|had|have|has|"
                               r"been|are|is|got)\s+){0,2}([a-z]{3,}ed)\b")
# A verb of adding ("10 new deaths added to the toll"): what a report adds to a total,
# whatever the noun counts, never the total.
_ADDING = re.compile(r"add(?:ed|ing)", re.I)
# Verbs of belief or report before a state: the state, not the verb, is what befell them.
_BELIEVED = re.compile(r"(?:presum|believ|fear|report|confirm|list|declar|assum)ed", re.I)
_PRESUMED = re.compile(r"(?:presum|believ|fear|assum)ed", re.I)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "killed 1,700 people, injured 3,400": a participle with its own figure after it is the
# next item's verb, not what the first figure's noun underwent.
_OWN_OBJECT = re.compile(r"\s+(?:(?:more\s+than|at\s+least|about|nearly|some|over|around)\s+)?"
                         r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|"
                         r"hundreds|thousands)\b)", re.I)
# "thirty-four", "Thirty four": a tens word and a unit word make one number.
_COMPOUND = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]"
             r"(?:one|two|three|four|five|six|seven|eight|nine)")
_WORDS = _COMPOUND + "|" + "|".join(sorted((re.escape(w) for w in (*_WORD_NUMBERS, *_VAGUE)),
                                           key=len, reverse=True))
_FRACTION_WORDS = "|".join(sorted((re.escape(w) for w in _FRACTIONS), key=len, reverse=True))
_ONE_UNIT = r"(?:hour|day|week|month|year|minute|mile|kilomet(?:re|er)|metre|meter|foot)"
# "more than a million homes": one of a written-out scale (not "a dozen": a vague few).
_A_SCALE = r"(?:thousand|million|billion|trillion)(?![\w-])"
_TOKEN = re.compile(
    rf"(?<![\w.,/-])(?P<num>{_NUM})(?![\d])"
    rf"|(?<![\w-])(?P<frac>{_FRACTION_WORDS})(?=\s+of\b)"
    rf"|(?<![\w-])(?P<word>{_WORDS}|an?(?=\s+(?:{_ONE_UNIT}|{_A_SCALE})\b))(?![\w])", re.I)
# "an hour", "a million" alone are figures too: the quick test must let them through.
_ANY = re.compile(rf"\d|(?<!\w)(?:{_WORDS}|{_FRACTION_WORDS}|an?\s+(?:{_ONE_UNIT}|{_A_SCALE}))\b",
                  re.I)
_HEDGE_BEFORE = re.compile(
    r"(?:^|\W)(" + "|".join(sorted((re.escape(h) for h in _HEDGES), key=len, reverse=True))
    + r")\s+(?:(?:US|R|A|C|NZ|HK|S|NT)?\$|€|£|¥)?\s?$", re.I)
_CURRENCY_BEFORE = re.compile(r"((?<![A-Za-z])(?:US|R|A|C|NZ|HK|S|NT)\$|\$|€|£|¥)\s?$", re.I)
_SCALE_AFTER = re.compile(r"\s?(dozen|thousand|million|billion|trillion|bn|mn|mln|tn|[mbk])\b",
                          re.I)
_CURRENCY_AFTER = re.compile(r"\s+(" + "|".join(k for k in _CURRENCY if k.isalpha()) + r")\b",
                             re.I)
_PERCENT_AFTER = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.I)
_UNIT_AFTER = re.compile(
    r"(\s?-?\s?)(" + "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
    + r")\b(-old|\s+old)?", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
# "150-plus", "40+": a stated floor written after the figure.
_PLUS_AFTER = re.compile(r"(?:-plus\b|\+(?![\d+]))")
# Verbs of change (a closed class): what follows "from X to Y" after one is a new value.
_CHANGE_VERB = re.compile(
    r"\b(?:revis|rais|lower|ris|rose|fell|fall|increas|decreas|climb|jump|drop|cut|grew|grow|"
    r"upgrad|downgrad|chang|soar|plung|slid|slip|swell|swoll|mount|reduc|adjust|correct|"
    r"amend|updat|went|gone|goes)\w*\b[^.;]*$", re.I)
_RANGE_AFTER = re.compile(rf"\s?(?:-|–|to|and)\s?(?:US\$|\$|€|£|¥)?(?P<num>{_NUM})(?![\d])",
                          re.I)
_NOUN_AFTER = re.compile(
    r"(?P<partitive>\s+of(?:\s+(?:the|these|those|its|their|our|them|us|whom|which)))?"
    # "6,000 of his men": an owner's people, counted (the whole is not stated).
    r"(?:\s+of(?:\s+(?:his|her|its|their|our|my|your))?)?"
    r"(?P<more>\s+(?:more|other|additional|further|new))?"
    # (A plural ends in s, but not in -ous or -ss: "serious", "loss" are no nouns counted.)
    # A capitalised plural of its own ("40 Peruvians", "12 Azerbaijanis") names a group of
    # people by where they come from or what they belong to (not a name's first word).
    rf"\s+(?P<noun>(?:[A-Za-z][\w'-]*\s+){{0,3}}?(?:[a-z][\w-]*(?<!ou)(?<!s)s|{_IRREGULAR}|"
    r"[A-Z][a-z]{2,}(?<!ss)s\b(?!\s+(?:[A-Z]|[a-z][\w-]*(?<!ou)(?<!s)s\b))))\b")
# "of the 19 team members": a part's whole, stated.
_OF_WHOLE = re.compile(rf"\s+of\s+(?:the|its|their|all)\s+(?:{_NUM}|{_WORDS})\s+"
                       rf"(?P<noun>(?:[A-Za-z][\w'-]*\s+){{0,2}}?(?:[a-z][\w-]*s|{_IRREGULAR}))\b")
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DATE_AROUND = re.compile(rf"(?:\b(?:{_MONTHS})\.?\s*$)", re.I)
_DATE_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b", re.I)
# A position in a row of things picks some of them out; it counts nothing that happened.
_SELECTION_BEFORE = re.compile(r"\bthe\s+(?:first|last|final|front|rear|top|bottom|next|"
                               r"previous)\s+$", re.I)
_POSITION_BEFORE = re.compile(r"(?:\bno\.?|\bnumber|#|\bpage|\bstep|\bphase|\bround|\bitem|"
                              r"\blevel|\bcategory|\bgrade|\bchapter|\barticle|\bsection|"
                              r"\bclause|\bpart|\bgate|\bplatform|\broom|\bterminal)\s?$", re.I)
# "Aerion 380", "Flight 404": a capitalised word right before a number names a model,
# unless it is a word that often opens a sentence or a hedge.
_DESIGNATION_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][A-Za-z]*)\s$")
_NOT_DESIGNATION = frozenset(
    "About Around Nearly Almost Some Over Under Only Just All The In On At By Of And Or But "
    "Another Roughly Approximately Exactly Up To From With Least Than".split())
_AGE_NAME_BEFORE = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),\s$")
# (Not "of them": "the dead, 36 of them children" counts a part; "Ruiz, 40, of Lund" is an age.)
_AGE_END_AFTER = re.compile(r"(?=\s*[,;.)]|\s+(?:and|was|is|who|had|has|from|said|were)\b|"
                            r"\s+of\b(?!\s+(?:them|those|whom|these|which)\b))")
_AGED_BEFORE = re.compile(r"\baged\s$", re.I)
# "Ana Ruiz (34)": a full name, then the age in brackets.
_AGE_NAME_PAREN = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s\($")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_ORIGIN_BEFORE = re.compile(
    r"\b(?:dating|dates|dated)(?:\s+back)?\s+(?:from|to)\s+(?:the\s+year\s+)?$|"
    r"\b(?P<verb>built|founded|established|enacted|passed|adopted|introduced|opened|"
    r"constructed|completed|created|erected|launched|inaugurated|commissioned|signed)"
    r"\s+(?:in\s+)?$", re.I)
# When goods came into custody (verbs of seizing, a closed class), the place or ship it
# was taken from said between: "confiscated from a cargo ship in 2014", "seized at the
# port in late 2013". A dated beginning of the stock's story, as a year of origin.
_SEIZED_BEFORE = re.compile(r"\b(?:seized|confiscated|impounded)(?:\s+(?:from|at|by|off|near)"
                            r"(?:\s+[\w'’-]+){1,4}?)?\s+in\s+(?:(?:early|late|mid)[\s-]+)?$",
                            re.I)
# The kinds of beginning a year of origin may date ("dating from" may be any of them).
_ORIGIN_KINDS = {
    **dict.fromkeys(("built", "constructed", "erected", "completed"), "built"),
    **dict.fromkeys(("opened", "inaugurated", "commissioned", "launched"), "opened"),
    **dict.fromkeys(("founded", "established", "created"), "founded"),
    **dict.fromkeys(("enacted", "passed", "adopted", "introduced", "signed"), "enacted")}
_TALLY_BEFORE = re.compile(
    r"\b(?P<cue>crew|population|toll|death toll|dead|deaths|workforce|staff|fleet|killing|killed|"
    r"injuring|injured|wounding|wounded|displacing|displaced|evacuating|evacuated|rescuing|"
    r"rescued|leaving|left)\s+(?:(?:of|at|to|stood at|rose to|reached|climbed to|"
    r"risen to|jumped to|grown to|is|was|stands at|now|had|has|have)\s+){0,3}(?:(?:" + "|".join(
        re.escape(h) for h in sorted(_HEDGES, key=len, reverse=True)) + r")\s+)?$", re.I)
# "fired at police officers, injuring two": a bare count after the participle counts those
# the shots were aimed at.
_AIMED_AT_BEFORE = re.compile(r"\b(?:fired|firing|shot|shooting|opened\s+fire|opening\s+fire)\s+"
                              r"(?:at|on|upon)\s+(?:the\s+)?(?P<obj>(?:[a-z]+\s+)?[a-z]+s),\s+"
                              r"(?:killing|injuring|wounding|hitting)\s+$", re.I)
_NUMBER_OF_BEFORE = re.compile(
    r"\b(?:number|count|tally)\s+of\s+(?:people\s+|those\s+)?"
    # "known to have died", "confirmed to have been killed": how the state is known.
    r"(?:(?:known|believed|confirmed|reported|feared|said)\s+to\s+have\s+(?:been\s+)?)?"
    r"(?:killed|dead|deaths|died|injured|"
    r"wounded|missing|displaced|evacuated|rescued|victims|fatalities)\b[^.;:\d]{0,60}?\s"
    r"(?:rose|risen|climbed|jumped|grew|grown|reached|stood|stands|is|was|fell|dropped|"
    r"passed|topped|exceeded|surpassed)"
    r"(?:\s+(?:to|at))?\s+$", re.I)
# "cut the injured figure to 2,000", "the missing count stood at 40": a figure of people in a
# state, referred to by the state.
_STATE_FIGURE_BEFORE = re.compile(
    r"\b(?:the|its|their|his|her)\s+(injured|dead|death|missing|displaced|evacuated|rescued)\s+"
    r"(?:figure|count|tally|total|number)\s+(?:[a-z]+\s+){0,3}?(?:to|at)\s+(?:(?:about|around|"
    r"nearly|almost|some|over|just\s+over|more\s+than|at\s+least)\s+)?$", re.I)
# "the number of passengers hurt at 14", "the count of miners missing stood at 9": a tally
# of a named kind of people in a state, and the verb that gives it.
_NUMBER_OF_NOUN = re.compile(
    r"\b(?:number|count|tally|total)\s+of\s+(?P<noun>[a-z]+s)\s+(?:killed|dead|injured|hurt|"
    r"wounded|missing|displaced|evacuated|rescued|destroyed|damaged|flooded)\b[^.;:\d]{0,40}?\s"
    r"(?:rose|risen|climbed|jumped|grew|grown|reached|stood|stands|is|was|fell|dropped|at|to)"
    r"\s+(?:(?:about|around|nearly|almost|some|over|more\s+than|at\s+least)\s+)?$", re.I)
# Verbs of holding a share of a whole (a closed class) and "N of the dead": a share of a toll.
_SHARE_BEFORE = re.compile(r"\b(?:accounts?|accounted|accounting)\s+for\s+"
                           r"(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least)"
                           r"\s+)?$|\b(?:makes?|made|making)\s+up\s+$", re.I)
_SHARE_OF_HARMED = re.compile(r"\s+of\s+(?:the|those|all\s+the)\s+(?P<whole>\d[\d,]*\s+)?"
                              r"(?:[a-z]+\s+)?(dead|deaths|killed|"
                              r"injured|wounded|missing|displaced|evacuated|rescued)\b", re.I)
# "put the number of survivors at 32", "the tally of Peruvians among the 30 dead at 12":
# what a number's own phrase names is what is counted, and the whole it is among (if any)
# says what befell them.
_NUMBER_OF_PHRASE = re.compile(
    r"\b(?:number|count|tally|total)\s+of\s+(?P<phrase>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*)?)"
    r"(?:\s+among\s+(?:the|those)\s+(?:\d[\d,]*\s+)?(?P<whole>[a-z]+))?\s+(?:at|as)\s+"
    r"(?:(?:about|around|nearly|almost|some|over|more\s+than|at\s+least)\s+)?$", re.I)
# The holder of such a share, a group of people named by a capitalised plural ("Peruvians
# accounted for 12 of the dead").
_GROUP_SUBJECT = re.compile(r"(?:^|[^\w\s]\s*|\s)([A-Z][a-z]{2,}(?<!ss)s)\s+(?:\w+ly\s+)?$")
# "the toll from the two quakes has passed 5,000": a bare figure after a toll counts the dead
# (no other figure in between).
_TOLL_BEFORE = re.compile(r"\b(?:death\s+)?toll\b[^\d]*$", re.I)
# "The death toll from the collapse of the old pier at Vessa on Sunday rose to 23": a toll
# whose verb of change comes after a long phrase still counts the dead.
_TOLL_ROSE_TO = re.compile(r"\b(?:death\s+)?toll\b[^\d.;:]{0,200}\b(?:rose|has\s+risen|had\s+risen|"
                           r"risen|increased|has\s+increased|climbed|has\s+climbed|jumped|"
                           r"mounted|reached|has\s+reached)\s+(?:to\s+)?"
                           # ... to a hedged figure: "climbed to more than 100"
                           r"(?:(?:more|fewer|less)\s+than\s+|at\s+least\s+|over\s+|nearly\s+|"
                           r"almost\s+|about\s+|around\s+|some\s+|roughly\s+)?$", re.I)
_SENTENCE_START = re.compile(r"^\s*$|[.!?:;]\s*[\"“‘']?\s*$")
_THING_AFTER_OF = re.compile(r"^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?"
                             r"(?P<thing>(?:[A-Za-z][\w'-]*\s+){0,1}[A-Za-z][\w'-]*)")
# "the Corvo fire, at 7,900 acres, was": a named subject right before a share's verb.
_SUBJECT_BEFORE = re.compile(r"(?:^|[,(]|\b[Tt]he)\s+([A-Z][\w'’-]+)\s+[a-z]+"
                             r"(?:,(?:[^,]|,\d){1,40},)?\s+(?:was|is|were|are|had\s+been|"
                             r"has\s+been|remained|remains|"
                             r"stood\s+at|stands\s+at)\s+(?:only\s+|just\s+)?$")
_IT_BEFORE = re.compile(r"\bit\s+(?:(?:was|is|had\s+been|has\s+been|remained|stood\s+at)\s+"
                        r"(?:only\s+|just\s+)?)?$")
_NAMED_THING = re.compile(r"\b[Tt]he\s+([A-Z][\w'’-]+)\s+(?=[a-z]{3,}\b)(?!of\b|and\b)")
# A length's noun right after it: "700ft (213m) cargo ship" (a conversion may intervene).
_NOUN_NEXT = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?(?=[A-Za-z])(?!(?:long|high|tall|deep|wide|"
                        r"thick|away|across|above|below|of|from|in|on|at|to|off|and|or|into|"
                        r"under|over|by|for|along|beyond|inland|offshore|south|north|east|"
                        r"west|ago|later|after|before|per|an?|the|last|this|next|that|which|when|"
                        r"while|with)\b)")
# "a central span of 1,050 feet": a part, named with its modifier.
_SIZE_OF = re.compile(r"\b((?:(?:central|main|middle|navigation|centre|center)\s+)?"
                      r"(?!\w+(?:ed|ing)\b)([a-z]+))\s+of\s+"
                      r"(?:about\s+|some\s+|nearly\s+|almost\s+|around\s+)?$")
# Adjectives of extent joined to a measure ("3.2-metre-wide"): which extent it gives.
_DIMENSION_OF = {"wide": "width", "broad": "width", "deep": "depth", "high": "height",
                 "tall": "height", "long": "length"}
# Verbs of how much ground a thing stands on (a closed class): "covers", "sprawls over",
# "is located on", "occupies".
_EXTENT_BEFORE = re.compile(r"\b(?:covers?|covering|covered|spans?|spanning|sprawl(?:s|ing)?\s+"
                            r"(?:over|across)|spread\s+(?:over|across)|occup(?:ies|y|ying)|"
                            r"(?:located|built|set|sits?|situated)\s+(?:on|at|over))\s+"
                            r"(?:(?:about|some|around|roughly|nearly|almost|over|more\s+than)\s+)?$",
                            re.I)
# "The camp outside Tarvel": where the subject is, after its head noun.
_PLACED_AFTER = re.compile(r"\s+(?:in|at|near|outside|on|off|by|along|next\s+to)\s+[^,;:]*$|"
                           r"\s+(?:in|at|near|outside|on|off|by|along|next\s+to)\b")
_DIMENSION_ADJECTIVE = re.compile(r"-(wide|broad|deep|high|tall|long)\b", re.I)
_LONG_AFTER = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?(?:long|in\s+length)\b")
_MEASURES_BEFORE = re.compile(r"\b(?:measures|stretches|stretched|spans|spanned)\s+"
                              r"(?:about\s+|some\s+|nearly\s+|almost\s+)?$")
_VERB_END = re.compile(r"\b(?:is|was|are|were)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|"
                       r"roughly\s+)?$")
_VESSELS = frozenset("ship ships vessel vessels boat freighter tanker containership ferry barge "
                     "yacht submersible sub trawler cruiser warship liner".split())
# Words any report may use for one building of floors, after at most two modifiers ("a
# 24-storey residential block"): not kinds of building (a hotel, a car park), which still
# tell two buildings apart.
_GENERIC_BUILDING_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+){0,2}?(?:building|block|tower|tower\s+block|high-?rise|skyscraper|"
    r"structure|complex)s?\b")
_AIRCRAFT = frozenset("plane airplane aeroplane aircraft jet airliner jetliner".split())
_AREA_WORDS = frozenset("area areas zone zones region regions territory perimeter field site"
                        .split())
_NOT_THINGS = frozenset("left remaining aboard available still was were is are".split())
_BY_SIDE = re.compile(r"\s+by\s+(?:a\s+)?(\d+(?:\.\d+)?)\s?-?\s?(miles?|kilomet(?:re|er)s?|km|"
                      r"metres?|meters?|m|feet|foot|ft|yards?)\b", re.I)
_ZONE_AFTER = re.compile(r"^\s+(?:[a-z]+\s+){0,2}?(?:zone|area|radius|perimeter|cordon)\b", re.I)
_WITHIN_BEFORE = re.compile(r"\bwithin\s+(?:(?:about|around|some|roughly|nearly|almost|just)\s+)?"
                            r"(?:an?\s+)?$", re.I)
# Kinds of settlement: "towns and villages" are settlements.
_SETTLEMENTS = frozenset("towns villages cities hamlets communities settlements".split())
_SETTLEMENT_PAIR = re.compile(r"\s+(?:and|or)\s+(?:towns|villages|cities|hamlets|communities|"
                              r"settlements)\b")
# Travellers and the crew named together, the crew given no figure of its own: all aboard.
_TRAVELLERS = frozenset({"passengers", "travellers", "travelers", "pilgrims", "tourists"})
_AND_CREW = re.compile(r"\s+and\s+(?:the\s+|its\s+)?(?:crew|crewmembers)(?:\s+members)?\b"
                       r"(?!\s+(?:of\s+)?\d)", re.I)
_AND_TRAVELLERS = re.compile(r"(?:\s+members)?\s+and\s+(?:passengers|travell?ers)\b", re.I)
# Cues that speak only for a figure right after them.
_ADJACENT_CUES = frozenset({"measured", "stood at", "stands at", "carry", "carri", "state of",
                            "country of", "nation of", "island of", "province of", "region of",
                            "county of", "territory of", "district of"})
# A part of a whole ("two of the six cars were ..."): its property.
PART = "part"
_RESTORED_THING = "*restored"  # a part brought back into use, however said
_PREDICATE = re.compile(r"^\s+(?:were|was|are|is|had\s+been|have\s+been|held|carried|contained)"
                        r"\s+(.+)", re.I)
_OF_THE_OPENING = re.compile(r"^\s*Of\s+(?:the|these|those|its|their)\s+(?:[\w,-]+\s+){0,3}?"
                             r"([a-z]+s)\b[^,;.]{0,40},\s*$")
_APPOSITIVE = re.compile(r",\s+or\s+$")
_HYPHEN_THING = re.compile(r"^\s+(?P<thing>[a-z][\w-]*)")
_BEGAN_AFTER = re.compile(r"^\s+(?:after|since)\s+(?:[\w'’-]+\s+){0,3}?(?:began|begun|started|"
                          r"set\s+off|launched|departed|embarked|commenced)\b", re.I)
# "grew from a tropical storm into a hurricane in 12 hours", "24 hours to go from A to B":
# the time a change took, told apart by where it started.
_CHANGE = re.compile(r"\bfrom\s+(?:an?\s+|the\s+)?(?P<start>[\w-]+(?:\s+[\w-]+)?)\s+"
                     r"(?:to|into)\s+\S", re.I)
_AFTER_EVENT = re.compile(r"^\s+(?:after|since|into|before)\s+(?:the\s+|a\s+|an\s+|its\s+)?"
                          r"(?P<thing>[a-z][\w-]*)", re.I)
# Nouns of a journey (a closed class): "a six-day cruise" and "a 10-day trip" are one
# journey's length, however each source calls it.
_JOURNEYS = frozenset("trip journey voyage flight mission jaunt tour cruise expedition "
                      "excursion visit stay sortie crossing passage ride drive hike trek "
                      "sail outing deployment posting rotation".split())
_JOURNEY_STEMS = frozenset(stem(j) for j in _JOURNEYS)
# A journey said to be over before its length ("ending a four-month posting", "after a
# 40-day voyage"): how long it lasted, not how long it was meant to last.
_COMPLETED_BEFORE = re.compile(r"\b(?:end(?:s|ed|ing)?|complet\w*|conclud\w*|finish\w*|"
                               r"wrap\w*\s+up|after|back\s+from|return\w*\s+from|"
                               r"cut\s+short)\s+(?:(?:an?|the|its|their|his|her)\s+)?"
                               r"(?:[a-z]+\s+)?$", re.I)
# A plan before a bare duration: "meant to last eight days", "scheduled for two weeks".
_PLANNED_BEFORE = re.compile(r"\b(?:plann\w*|schedul\w*|supposed|meant|billed|intended|"
                             r"designed|slated|expected)\s+(?:to\s+(?:last|take|run)|for)\s+"
                             r"(?:(?:about|around|some|roughly|just|only)\s+)?$", re.I)
# A count this small, stated bare, is counted one by one: "40 volunteers" is not 42.
_COUNTED_ONE_BY_ONE = 100
# Dimensions stated as whole numbers that are never rounded (an age, a number of storeys).
_WHOLE = frozenset({"age", "floors"})
# How far past a value "just over" it reaches.
# "one" followed by a participle is a pronoun for something named before ("two quakes,
# one measuring 7.5"), not a count; a state of people ("one missing") is still a count.
_PRONOUN_ONE = re.compile(r"(?i:one)\s+(?!(?:missing|remaining|living|surviving|dying)\b)"
                          r"[a-z]+ing\b")
# "one of South Korea's biggest ferry disasters", "one of the worst": a rank among the
# most of a kind, not a count.
_RANKING_ONE = re.compile(r"(?i:one)\s+of\s+(?:the\s+|(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s+)"
                          r"(?:(?i:most|least|worst|best)\b|[a-z]{2,}est\b)")
_JUST = 0.25
# How far below its figure "nearly" or "almost" reaches, as a share of it.
_NEARLY = 0.1
# Relative gap that makes "more than 90" and "nearly 90" exclude 90.
_STRICT = 1e-9
# Characters either side of a figure searched for its property.
REACH = 100


@fast_pickle
@dataclass(slots=True, frozen=True)
class Figure:
    """One figure of a sentence, read as a frame."""

    dimension: str  # "count" | "money" | "percent" | "length" | "duration" | "age" | "year" ...
    unit: str  # currency code, counted noun stem, "%", base unit ("m", "h"), "years"
    value: float  # the stated value, in the base unit
    low: float  # the interval the hedge allows
    high: float
    step: float  # the stated precision (6,000 -> 1,000; 5,894 -> 1), in the base unit
    hedge: str  # "exact" | "about" | "nearly" | "lower" | "least" | "just" | "upper" | "range"
    # | "vague"
    prop: str  # what the figure says: "killed", "length", ... ("" when no cue)
    thing: str  # what is measured: counted noun stem, person, noun of a share
    nouns: tuple[str, ...]  # content stems of the counted noun phrase
    text: str
    start: int
    end: int
    place: str = ""  # where: "in Veltia" -> "veltia"; a combined figure -> "*all"

    @property
    def key(self) -> str:
        """Canonical form: equal keys mean the same figure."""
        number = f"{self.low:g}-{self.high:g}" if self.hedge in ("range", "vague") else \
            f"{self.value:g}"
        hedge = "" if self.hedge in ("exact", "range", "vague") else f"{self.hedge} "
        return f"{self.dimension}:{hedge}{number} {self.unit}".strip()

    @property
    def noun(self) -> str:
        """The counted noun phrase's stems, for labels."""
        return " ".join(self.nouns)


def _number(text: str) -> float | None:
    text = text.lower().strip()
    if text in ("a", "an"):
        return 1.0
    if text in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[text])
    if (parts := re.split(r"[\s-]", text)) and len(parts) == 2 and \
            all(p in _WORD_NUMBERS for p in parts):
        return float(_WORD_NUMBERS[parts[0]] + _WORD_NUMBERS[parts[1]])  # "thirty-four"
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _step(raw: str, scale: float) -> float:
    """The precision a figure is stated with: "6,000" -> 1000, "1.6" -> 0.1, "12" -> 1."""
    digits = raw.replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1]) * scale
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    if stripped == "1" and (zeros or scale > 1):
        # "1 million", "10", "100": a leading 1 carries a further digit (writers round
        # 1.2 million to "1.2 million", not to "1 million").
        zeros -= 1
    return 10.0 ** zeros * scale


def _interval(value: float, hedge: str, step: float) -> tuple[float, float]:
    # "More than 90" excludes 90 itself; "at least 90" does not.
    if hedge == "lower":
        return value + _STRICT * max(abs(value), 1.0), math.inf
    if hedge == "least":
        return value, math.inf
    if hedge == "just":
        return value + _STRICT * max(abs(value), 1.0), value * (1 + _JUST)
    if hedge == "upper":
        return 0.0, value
    # "About 212" is 211 to 213; "about 3,000" is 2,000 to 4,000: one step of the last
    # stated digit (and never less than a hundredth).
    slack = max(step, abs(value) * 0.01)
    if hedge == "about":
        return value - slack, value + slack
    if hedge == "nearly":
        # "Nearly 8 million" is said of 7.5 million, not of 7 million: close below.
        return value - min(slack, abs(value) * _NEARLY), value - _STRICT * max(abs(value), 1.0)
    # Rounded to its last digit: 76 is 75.5 to 76.5, short of 77's interval.
    half = step / 2 * (1 - 1e-6)
    return value - half, value + half


def find_figures(sentence: str) -> list[Figure]:
    """Every figure of a sentence as a frame, in reading order."""
    if not _ANY.search(sentence):
        return []  # most sentences have no figure: skip the heavier patterns
    found: list[Figure] = []
    taken_until = -1
    for m in _TOKEN.finditer(sentence):
        if m.start() < taken_until:
            continue
        figure = _read(sentence, m)
        if figure is not None and (_PRONOUN_ONE.match(sentence, figure.start, figure.end + 30)
                                   or _RANKING_ONE.match(sentence, figure.start)):
            figure = None  # "including one registering 7.5": "one" stands for a noun said before
        if figure is None and found and found[-1].dimension == "count":
            figure = _elliptic(sentence, m, found[-1]) or _severity_part(sentence, m, found[-1])
        if figure is None and found and found[-1].dimension == "count":
            figure = _harmed_part(sentence, m, found[-1])
        if figure is None:
            figure = _part_of_them(sentence, m)
        elif found and _counts_as_before(sentence, found[-1], figure):
            # "three crew members died and two were missing": two crew members.
            previous = found[-1]
            figure = replace(figure, unit=previous.unit, thing=previous.thing,
                             nouns=previous.nouns)
        if figure is not None and found and found[-1].dimension == figure.dimension and \
                figure.dimension in SIZES and \
                (_CONVERSION_BETWEEN.fullmatch(sentence, found[-1].end, figure.start) or
                 _comma_conversion(sentence, found[-1], figure)):
            taken_until = figure.end  # "700 feet (213 metres)": the same measure again
            previous = found[-1]
            if not previous.thing and previous.prop == "length" and \
                    sentence[previous.start - 1:previous.start] == " " and \
                    (head := _length_thing(sentence[figure.end:figure.end + 60].lstrip(",.)"))):
                # "the 80-meter, 260-foot section": the noun after the conversion.
                previous = found[-1] = replace(previous, thing=head)
            # What both allow, the conversion given slack (it rounds, and so do its readers:
            # "150 mph (241 km/h)" may be told as "up to 240 km/h").
            slack = figure.step + _CONVERSION_SLACK * abs(figure.value)
            low = max(previous.low, figure.low - slack)
            high = min(previous.high, figure.high + slack)
            if previous.hedge == figure.hedge == "exact" and figure.step < previous.step and \
                    low <= high:
                # "50 metres (165 feet)": the finer conversion shows the round figure is
                # meant as said, not as anything from 45 to 55.
                found[-1] = replace(previous, step=figure.step, low=low, high=high)
        elif figure is not None:
            found.append(figure)
            taken_until = figure.end
    framed: list[Figure] = []
    listing = False  # the figure before is a part listed after a count
    for f in found:
        if f.prop == _SAME_AS_BEFORE:
            f = _replace_prop(f, framed[-1].prop)
        f = _with_whole(sentence, _with_property(sentence, f, found))
        before = framed[-1] if framed else None
        if not f.prop and before and f.dimension == before.dimension == "count" and (
                _PART_LISTED.fullmatch(sentence, before.end, f.start) or
                (listing and _LISTED_NEXT.fullmatch(sentence, before.end, f.start))):
            # "the toll reached 1,486 on Thursday, including 530 children": a part of the
            # count before it (and the parts listed with it), of which the same is said.
            f, listing = _replace_prop(f, before.prop), True
        else:
            listing = False
        framed.append(_of_whom(sentence, _from_place(sentence, _by_agent(sentence, _either(
            sentence, _with_fall(sentence, _with_severity(sentence, f)))))))
    framed = [_with_origin(sentence, f) for f in framed]
    # "$170m in costs to reimburse passengers": a sum for one purpose, a part of what
    # something cost, compared with nothing (another part, or the whole, differs).
    framed = [replace(f, prop="") if f.dimension == "money" and _FOR_PURPOSE.match(sentence, f.end)
              else f for f in framed]
    # A level is of a place too ("at Marlow the water stands at 3.6 metres").
    # (A vehicle's load is told by where it was bound, never by a place the route names.)
    placed = [_with_place(sentence, f, framed) if (f.dimension == "count" and
                                                   not f.thing.startswith(VEHICLE))
              or f.prop in _PLACED else f for f in framed]
    # "two deaths and five missing were reported in Lund": the place said after the last of
    # two counts joined by "and" is where both were reported.
    for n in range(len(placed) - 2, -1, -1):
        f, g = placed[n], placed[n + 1]
        if f.dimension == g.dimension == "count" and not f.place and g.place and \
                _JOINED_COUNTS.fullmatch(sentence, f.end, g.start):
            placed[n] = replace(f, place=g.place)
    return placed


_JOINED_COUNTS = re.compile(r"\s+and\s+")
# Collective nouns of a formation of vehicles or animals (a closed class): "a train of 72
# cars", "a convoy of 40 trucks" say how many the formation has.
_FORMATION_OF = re.compile(r"\b(?:the|a|an|its|their)\s+(?:[a-z][\w-]*\s+)?(?P<whole>train|"
                           r"convoy|fleet|flotilla|column|motorcade|caravan|squadron|herd|flock|"
                           r"swarm)\s+of\s+$", re.I)
# The subject of a verb of drawing a load (a closed class), at the sentence's start: "The
# train had five locomotives and was pulling 72 tanker cars", "The tug was towing three barges".
_HAULED_BY = re.compile(r"^(?:the|a|an|its|their)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<whole>[a-z]+)\s+"
                        r"(?:(?:had|has)\s+[^.;:,]{0,60}?\s+and\s+)?(?:was\s+|were\s+|is\s+|"
                        r"are\s+|had\s+been\s+)?(?:pulling|hauling|towing|dragging)\s+$", re.I)


def _with_whole(text: str, f: Figure) -> Figure:
    """A count of the parts a whole is made of, told as "a train of 72 cars" or "the train
    was pulling 72 cars", is the count the whole has, as "the 73-car train" tells it."""
    if f.dimension != "count" or not f.nouns or f.nouns[-1] == "people":
        return f
    if (m := _FORMATION_OF.search(text, max(0, f.start - 60), f.start)) and \
            (not f.prop or f.prop.startswith(_ACTED)):
        return replace(f, prop=HAS + _measured(m.group("whole")))
    if not f.prop and (m := _HAULED_BY.match(text[:f.start])):
        return replace(f, prop=HAS + _measured(m.group("whole")))
    return f
# "a ship of about 200,000 tonnes": a noun, then "of" and the weight (a hedge may come first).
_WEIGHT_OF = re.compile(r"\b([a-z]{3,})\s+of\s+(?:(?:about|some|around|roughly|nearly|almost|"
                        r"over|more\s+than|less\s+than|up\s+to)\s+)?$", re.I)
# "1,486, including 530 children", "28 members died: 11 skaters, four coaches and 13
# relatives": a count's parts, listed after it.
_LISTED_NEXT = re.compile(r"(?:\s+[a-z]+(?:\s+[a-z]+)?)?(?:,\s+|,?\s+(?:and|plus)\s+)", re.I)
_PART_LISTED = re.compile(r"[^.;:,]{0,40}(?:,\s+(?:including|among\s+them|among\s+whom|"
                          r"of\s+whom|of\s+them)|:)\s+", re.I)
_ACROSS_NAMED = re.compile(r"\bacross\s+(?:the\s+)?[A-Z]")
_FOR_PURPOSE = re.compile(r"\s+in\s+(?:[a-z]+\s+){0,2}?(?:costs|expenses|spending|charges|fees|"
                          r"outlays)\s+(?:to\s+[a-z]+|for|related\s+to|associated\s+with|"
                          r"tied\s+to|linked\s+to|connected\s+with)\b", re.I)
_ONE_LIFE = re.compile(r"\s+life\b(?=\s*(?:[,.;]|$|\s+(?:in|on|at|and|was|has|had|when|after|"
                       r"as|during|so|since)\b))", re.I)
_SAVED_BEFORE = re.compile(r"\bsav(?:e|ed|es|ing)\s+(?:[a-z]+\s+){0,3}$", re.I)
# Verbs of putting lives in danger (a closed class): "risking thousands of lives" counts
# those endangered, not the dead.
_RISKED_BEFORE = re.compile(r"\b(?:risk(?:s|ed|ing)?|endanger(?:s|ed|ing)?|"
                            r"imperil(?:l?ed|l?ing|s)?|threaten(?:s|ed|ing)?|"
                            r"jeopardi[sz](?:e|es|ed|ing))\s+"
                            r"(?:[a-z]+\s+){0,2}$", re.I)
# The word a duration "for" follows: the activity it is the length of.
_FOR_ACTIVITY = re.compile(r"\b([a-z][a-z-]+)\s+for\s+$")


# "40 km north-east of Tarsk", "about 8 km from Ostra": where a distance is taken from.
_FROM_PLACE = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?(?:(?:(?:north|south|east|west)(?:ern)?"
                         r"(?:-?(?:north|south|east|west)){0,2}|away|inland|outside|short)\s+)?"
                         r"(?:of|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?(?:[a-z]+,\s+)?([A-Z][\w'’-]+"
                         r"(?:\s+[A-Z][\w'’-]+)*)")
# "Wabern, the county seat some 60 km away": the place named before its appositive is
# where the distance is taken from.
# "felt as far as Dorvan, some 600 km away": the name alone before the comma, inside a
# sentence (a sentence's first word may be no name: "Meanwhile, 20 km away").
_NAMED_BEFORE = re.compile(r"(?:\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*),\s+(?:the|a|an|its)\s+"
                           r"(?:[a-z'’-]+\s+){1,3}?|(?<=[a-z,]\s)([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
                           r",\s+)(?:(?:some|about|around|roughly|nearly|almost|approximately|"
                           r"just|over|under|more\s+than|less\s+than)\s+)?$")
_AWAY_AFTER = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?(?:off|away|distant)\b")
# "130 km north of the country": taken from a whole country or region, left unnamed (a
# closed class of areas), the distance is from no point any named distance is from.
_OF_AN_AREA = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?(?:(?:north|south|east|west)(?:ern)?"
                         r"(?:-?(?:north|south|east|west))?\s+)?(?:of|from)\s+the\s+"
                         r"(?:country|nation|region|state|province|territory|island|continent)"
                         r"\b(?!['’]s)", re.I)
_AREA_WHOLE = "*area"
# "found 50 km downstream", "55 km from the accident site": taken from where the event
# happened (its site, by a closed class of words, or a river's course from it). ("The site
# of the stampede" may be one of several events' sites: not read.)
_FROM_SCENE = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?(?:(?:downstream|downriver|upstream|upriver|"
                         r"(?:down|up)\s+(?:the\s+)?river)\b|(?:away\s+)?from\s+(?:the\s+)?"
                         r"(?:(?:accident|crash|disaster|collapse|blast|explosion|incident|"
                         r"landslide|sinking|wreck)\s+(?:site|scene|spot)|scene)\b|(?:away\s+)?"
                         r"from\s+where\b)", re.I)
SCENE = "*scene"
# "500 km west of the nation's capital": a capital left unnamed (no named place's distance).
_OF_THE_CAPITAL = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?(?:(?:north|south|east|west)(?:ern)?"
                             r"(?:-?(?:north|south|east|west)){0,2}\s+)?(?:of|from)\s+the\s+"
                             r"(?:(?:nation|country)['’]s\s+)?capital\b(?!,?\s+[A-Z])", re.I)
_CAPITAL = "*capital"
# "bodies were washed as far as 100 km": the reach of a spread, not where any one lies.
_AS_FAR_AS = re.compile(r"as\s+far\s+(?:away\s+)?as\s", re.I)
_REACH = "*reach"


def _from_place(text: str, f: Figure) -> Figure:
    """A distance's thing is the named place it is measured from: distances from two
    places are two frames. The key is the name's first six letters, doubled ones written
    once, so that spellings of a transliterated name ("Kallabech" and "Kalabesh", "Varnograd"
    and "Varnogradd") stay one place."""
    if f.dimension != "length" or f.prop != "distance" or f.thing:
        return f
    if _OF_AN_AREA.match(text, f.end):
        return replace(f, thing=_AREA_WHOLE)
    if _AS_FAR_AS.match(f.text):
        return replace(f, thing=_REACH)  # how far things spread, no one thing's distance
    if _FROM_SCENE.match(text, f.end):
        return replace(f, thing=SCENE)
    if _OF_THE_CAPITAL.match(text, f.end):
        return replace(f, thing=_CAPITAL)  # "west of the nation's capital", left unnamed
    m = _FROM_PLACE.match(text, f.end)
    if m is None and _AWAY_AFTER.match(text, f.end):
        m = _NAMED_BEFORE.search(text, max(0, f.start - 80), f.start)
    name = (m.group(1) or m.group(2)) if m else ""
    if not name or _NOT_PLACE.fullmatch(name.split()[0]):  # "the Russian capital"
        return f
    return replace(f, thing=re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]", "", name.lower()))[:6])


# "his mother, wife and two children": a list of someone's kin, not a count of the story.
_KIN_LIST = re.compile(r"\b(?:his|her|their|my|our|your)\s+(?:[a-z'’-]+,?\s+){0,5}?(?:and\s+)?$")
KIN = "*kin"
# The thing a count of one country's people measures ("40 Peruvians", "Peruvians accounted
# for 12 of the dead"): a part of a toll, told apart from the whole by the country, which
# is its place; never the toll of no stated place.
NATIONALS = "*nationals"
# Those a vehicle carried ("aboard", or nothing yet said of them).
VEHICLE = "*vehicle "
_TRAVELLER_STEMS = frozenset(stem(w) for w in _TRAVELLERS)
# Seismic shocks after or before the main one (a closed class).
SECONDARY_SHOCKS = frozenset({"aftershock", "foreshock"})


def _of_whom(text: str, f: Figure) -> Figure:
    """Whose a count is: one vehicle's load among several (keyed by where it was bound), or
    someone's kin listed after a possessive; other figures are left as read."""
    if f.dimension != "count" or f.prop not in ("", "aboard"):
        return f
    if not f.prop and _KIN_LIST.search(text, max(0, f.start - 60), f.start):
        return replace(f, thing=KIN)
    if f.unit != "people" and f.unit not in _TRAVELLER_STEMS:
        return f  # "one ferry, two trawlers": vessels counted, no load of one
    bound = bound_vehicle(text, f.start, f.end)
    return f if bound is None else replace(f, thing=VEHICLE + bound, prop="aboard")


def _replace_prop(f: Figure, prop: str) -> Figure:
    return replace(f, prop=prop)


# How badly the people counted are hurt: a class of the injured ("112 minor injuries", "19
# of them were in critical condition"), never all the injured nor the toll. A closed class.
_SEVERITY = {"minor": "minor", "slight": "minor", "slightly": "minor", "light": "minor",
             "lightly": "minor", "serious": "serious", "seriously": "serious",
             "severe": "serious", "severely": "serious", "grave": "serious",
             "gravely": "serious", "critical": "critical", "critically": "critical",
             "stable": "stable", "fair": "stable", "good": "stable"}
_SEVERITY_IN = re.compile(r"\b(minor|slight(?:ly)?|light(?:ly)?|serious(?:ly)?|severe(?:ly)?|"
                          r"grave(?:ly)?|critical(?:ly)?)\b", re.I)
_CONDITION_AFTER = re.compile(r"(?:\s+of\s+(?:them|those|whom)(?:\s+[a-z]+){0,2})?\s+"
                              r"(?:(?:were|are|was|is|remain|remained|remains)\s+(?:still\s+)?)?"
                              r"in\s+(?:a\s+)?(?:(?:very|extremely|most)\s+)?"
                              r"(critical|serious|stable|grave|severe|fair|good)\s+condition\b",
                              re.I)
# "41 people (at the fair) have been critically injured": the adverb on the verb after it.
_HURT_AFTER = re.compile(r"(?:\s+[a-z]+){0,3}?\s+(?:have|has|had|were|was|are|is)\s+(?:been\s+)?"
                         r"(critically|seriously|severely|gravely|slightly|lightly)\s+"
                         r"(?:injured|wounded|hurt)\b", re.I)


# "14 people were injured, three severely", "16 in hospital, 12 of them in a serious
# condition": a bare figure right after a count of the hurt, told only by how badly.
_SEVERITY_AFTER = re.compile(r"(?:\s+of\s+(?:them|those|whom))?(?:\s+(?:were|are|was|is))?\s+"
                             r"(?:(critically|seriously|severely|gravely|slightly|lightly)"
                             r"(?:\s+(?:injured|wounded|hurt))?|in\s+(?:a\s+)?"
                             r"(critical|serious|grave|severe)\s+condition)(?=\s*(?:[.;:)]|,\s|$))",
                             re.I)
_HURT_BETWEEN = re.compile(r"\b(?:injur|wound|hurt|hospital|treat)", re.I)


def _severity_part(text: str, m: re.Match[str], previous: Figure) -> Figure | None:
    """How many of the hurt counted just before are hurt how badly (a closed class of
    adverbs and conditions): a count of that severity, of the same people."""
    raw = m.group("num") or m.group("word")
    after = _SEVERITY_AFTER.match(text, m.end())
    between = text[previous.end:m.start()]
    if raw is None or after is None or not _HURT_BETWEEN.search(between) or \
            not _JOINED.match(between) or \
            (value := _number(raw)) is None:
        return None
    low, high = _interval(value, "exact", 1.0)
    severity = _SEVERITY[(after.group(1) or after.group(2)).lower()]
    return Figure("count", previous.unit, value, low, high, 1.0, "exact", severity,
                  previous.thing, previous.nouns, text[m.start():after.end()], m.start(),
                  after.end())


# How far something fell (verbs of falling, a closed class): "fell 45 metres", "plunging
# as much as 45 meters", "to the ground 50 metres below".
_FALL_BEFORE = re.compile(r"\b(?:fell|fall|falls|falling|plunged|plunging|plummeted|"
                          r"plummeting|dropped|dropping|tumbled|tumbling|crashed|crashing)\s+"
                          r"(?:(?:some|about|around|nearly|almost|more\s+than|as\s+much\s+as|"
                          r"up\s+to)\s+)?$", re.I)
_BELOW_AFTER = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?(?:below|down)\b(?!\s+(?:the|its|a)\b)", re.I)
_TO_THE_GROUND = re.compile(r"\b(?:to|onto|into)\s+(?:the\s+)?(?:ground|river|riverbed|"
                            r"river\s+bed|tracks|road|street|valley|water)\s+$", re.I)


_LEVEL_WORD = re.compile(r"\b(?:levels?|waters?|tides?|surface)\b", re.I)


def _with_fall(text: str, f: Figure) -> Figure:
    """A length that says how far something fell is the fall's height, whatever else the
    sentence measures."""
    if f.dimension != "length":
        return f
    before = text[max(0, f.start - 40):f.start]
    if _LEVEL_WORD.search(before):
        return f  # "the river level fell 2 metres": a level's shift
    if _FALL_BEFORE.search(before) or (_TO_THE_GROUND.search(before) and
                                       _BELOW_AFTER.match(text, f.end)):
        return replace(f, prop="fall")
    return f


def _with_severity(text: str, f: Figure) -> Figure:
    """A count of the hurt told by how badly: its severity is its property."""
    if f.dimension != "count":
        return f
    m = _CONDITION_AFTER.match(text, f.end) or _HURT_AFTER.match(text, f.end)
    if m is None and f.prop == "injured":
        m = _SEVERITY_IN.search(f.text)
    return replace(f, prop=_SEVERITY[m.group(1).lower()]) if m else f


def _with_place(text: str, f: Figure, figures: list[Figure]) -> Figure:
    """Where the figure applies: a place named right after it, up to the next figure;
    "combined", "in total", "both countries" mark a figure for all places together."""
    index = figures.index(f)
    stop = figures[index + 1].start if index + 1 < len(figures) else len(text)
    hi = min(stop, f.end + 60)
    if hi < stop and text[hi - 1].isalnum():
        # Never cut a word or a name short ("in Uttar Prad" is no place).
        word = max(text.rfind(" ", f.end, hi) + 1, f.end)
        name = _NAME_RE.match(text, word)
        hi = min(stop, name.end() if name else re.compile(r"\w*").match(text, hi).end())
    after = text[f.end:hi]
    clause = re.split(r"[,;]|\band\b|\bwhile\b", after, maxsplit=1)[0]
    lo = max(figures[index - 1].end if index else 0, f.start - 80)
    while 0 < lo < f.start and text[lo - 1].isalnum():
        lo += 1  # never start inside a word ("Kevin Ortiz" is no "in Ortiz")
    lead = text[lo:f.start]
    own = re.split(r"[,;:]", lead)[-1]
    # "In all"/"across" make a total over places for a toll of people, or where the sentence
    # speaks of places ("50 cars in all", "across four streams" total nothing placed).
    placed = bool(f.thing == "people" or _PLACE_NAME.search(text) or _REGIONS.search(text))
    if nation := _nation_of(text, f, lead):
        return replace(f, place=nation)  # "14 Jordanian nationals": the country's count
    if m := _LATER_EVENT.search(own + " " + clause):
        # "seven were killed in the third crush": a later one of several events, never the
        # story's own (a scope of its own, which no figure of no stated place joins).
        return replace(f, place=f"*{m.group(1).lower()} {m.group(2).lower()}")
    if (m := _WHERE_AFTER_PLACE.search(text, max(0, f.start - 200), f.start)) and \
            not _no_place(m.group(1)):
        # "a similar attack in X, where a car bomb killed two": the where-clause's place.
        return replace(f, place=place_key(m.group(1)))
    if (m := _PART_IN_PLACE.match(text, f.end)) and not _no_place(m.group(1)):
        # "a toll of 109 statewide, 94 of them in Harlan County": the part is the named
        # place's, whatever scope the whole it is a part of has.
        return replace(f, place=_place(text, m))
    # "while statewide, 5,531 people are in 118 camps": the whole state or nation, a scope
    # of its own, never the district or town the rest of the sentence names.
    if m := _WIDE.search(clause) or _WIDE.search(_SPLIT_CLAUSE.split(text[:f.start])[-1]):
        return replace(f, place="*" + m.group(1).lower() + "wide")
    if placed and (_COMBINED.search(clause) or _IN_REGIONS.match(text, f.end) or
                   _PLACE_LIST.match(text, f.end, stop)):
        return replace(f, place="*all")
    if m := _place_named(clause) or _OF_REGION.search(clause):
        return replace(f, place=_place(clause, m))  # "16 in Dunmere, most of them in ..."
    if _BREAKDOWN.match(text[f.end:f.end + 80]):
        return replace(f, place="*all")  # "46 villages flooded, 32 of them on the east bank"
    if (placed and _COMBINED.search(own)) or _TWO_PLACES.search(text[:f.start]):
        return replace(f, place="*all")  # "tore through Quorra and Veltia, killing 1,900"
    # "the toll in Varno province passes 2,000": a place in the figure's own clause before it.
    if m := _PLACE_BEFORE.search(own):
        return replace(f, place=_place(own, m))
    if (m := _PLACE_OWNS.search(own)) and not _no_place(m.group(1)):
        return replace(f, place=place_key(m.group(1)))  # "Quorra's dead at 3,412"
    if (m := _PLACE_HAD.search(own)) and "-" not in (name := m.group("name")) and \
            not _NOT_PLACE.fullmatch(name) and (m.group("joined") or
                                                _ADMIN_KIND.search(name.lower())):
        # "Harlan County reported five deaths, while Fenwick had two": each clause's subject.
        return replace(f, place=place_key(name))
    if m := _REGION_HAD.search(_ASIDE.sub("", text[:f.start])):
        # "Tarn province, where the storm came ashore, accounted for 28 of the dead": the
        # subject's aside set apart, the region is the clause's subject all the same.
        return replace(f, place=place_key(m.group("name")))
    # The sentence's own setting: an opening "In X, ..." or a subject such as "X officials"
    # or "X's government" (a demonym names no place: "Turkish officials").
    if (m := _OPENING_PLACE.match(text) or _SUBJECT_PLACE.match(text)) and _is_place_word(m):
        return replace(f, place=place_key(m.group(1)))
    if _THERE.search(clause):
        return f  # "killed four people there": at a place named before, never all places
    if f.thing == "people" and _EVENTS.search(text, 0, f.start + len(clause) + (f.end - f.start)):
        return replace(f, place="*all")  # "the fires killed 29", "died in the floods": all
    if f.thing == "people" and _ACROSS_NAMED.search(text, f.end):
        # "seven have died in the storm, which wrecked islands across the Caribbean": a toll
        # the sentence spreads over a named region is its places' together.
        return replace(f, place="*all")
    return f


# A later one of several events of one kind (events a story counts separately, a closed
# class of incidents): "in the third crush", "a second blast".
_LATER_EVENT = re.compile(r"\b(?:the|a|an)\s+(second|third|fourth|fifth)\s+(stampede|crush|"
                          r"blast|explosion|attack|shooting|collision|crash|landslide|fire|"
                          r"derailment|eruption)\b", re.I)


# A nationality or a country that says whose a count is, wherever the counted were:
# "14 Jordanian nationals", "the Iranian death toll reached 17", "Egyptians accounted for
# 658 deaths", "Pakistan, with 150,000 pilgrims, recorded 58 deaths".
_NATION_TOLL = re.compile(r"\b([A-Z][a-z]+)\s+(?:death\s+)?toll\s+(?:[a-z]+\s+){0,3}$")
_NATION_SHARE = re.compile(r"\b([A-Z][a-z]+),?\s+(?:accounted|accounting|accounts?|made\s+up|"
                           r"making\s+up|makes?\s+up)\s+for\s+$")
# "put the number of Peruvian nationals among the dead at 12": that country's people.
_NATION_NUMBER = re.compile(r"\b(?:number|count|tally|total)\s+of\s+([A-Z][a-z]+)\s+"
                            r"(?:[a-z]+\s+)?(?:among\s+[^.;:]{0,30}?\s+)?(?:at|as)\s+"
                            r"(?:(?:about|around|nearly|almost|some|over|more\s+than|at\s+least)"
                            r"\s+)?$")
_COUNTRY_ASIDE = re.compile(r"^\s*([A-Z][a-z]+),\s+(?:with|which|where|whose)\b[^.;:]{0,80},\s+"
                            r"(?:had|has|have|reported|recorded|counted|confirmed|registered|"
                            r"suffered|lost)\s+$")


def _nation_of(text: str, f: Figure, lead: str) -> str:
    """The country a count belongs to, by a nationality before its noun or as its owner,
    or by a country as its clause's subject (`lead`: the text before it); "" for none."""
    places = gazetteer()
    own = re.split(r"[,;:]", lead)[-1]

    def country(word: str) -> str:
        word = word.lower()
        name = places.demonym_of.get(word) or places.demonym_of.get(word.removesuffix("s"))
        return place_key(name) if name else ""

    if f.dimension != "count":
        return ""
    for word in re.findall(r"(?<=\s)[A-Z][a-z]+", text[f.start:f.end]):
        if name := country(word):
            return name  # "five Iranian pilgrims"
    if m := _NATION_TOLL.search(own) or _NATION_SHARE.search(lead) or \
            _NATION_NUMBER.search(text, max(0, f.start - 100), f.start):
        return country(m.group(1))
    if m := _COUNTRY_ASIDE.match(text[:f.start]):
        name = m.group(1)
    elif m := _PLACE_HAD.search(own):
        name = m.group("name")
    else:
        return ""
    # "Jordan reported 60 deaths": a country only (a firm or a town also "reports").
    return place_key(name) if name.lower() in places.countries else ""


def _no_place(name: str) -> bool:
    """A name after "in" that names no place: a day's ("Sunday's crash"), a demonym, an
    organisation's ("the Association of X"); a country's possessive ("Peru's Tarma") may."""
    first = name.split()[0]
    bare = re.sub(r"['’]s$", "", first)
    return bool(_CALENDAR_WORD.fullmatch(bare) or _BODY.search(name) or
                (_NOT_PLACE.fullmatch(first) and bare == first) or
                (bare == name and name.lower() in gazetteer().demonym_of))  # "in German"


def _place_named(text: str) -> re.Match[str] | None:
    """The first "in X" / "from X" naming a place, not where a journey set out from ("the
    flight from X")."""
    for m in _PLACE_NAME.finditer(text):
        if _no_place(m.group(1)) or (
                m.group().startswith("from") and _JOURNEY_BEFORE.search(text, 0, m.start())):
            continue
        if m.group().startswith("in") and _TAKEN_TO_BEFORE.search(text, 0, m.start()):
            continue  # "transferred to a laboratory in X": where they were taken, no scope
        return m
    return None


# A verb of conveying someone or something somewhere, then the place it went to: "the
# remains were transferred to a laboratory in X", "flown to a hospital in Y".
_TAKEN_TO_BEFORE = re.compile(r"\b(?:transferred|taken|sent|flown|moved|brought|transported|"
                              r"airlifted|shipped|driven|carried)\s+to\s+(?:(?:a|an|the)\s+)?"
                              r"(?:[a-z][\w-]*\s+){0,3}$", re.I)


def places_in(text: str) -> set[str]:
    """The keys of the places a sentence sets something in ("collapsed in X")."""
    return {_place(text, m) for m in _PLACE_NAME.finditer(text) if not _no_place(m.group(1))} \
        - {"*all"}


# A total said outright: what it sums may be two things of one place (two aircraft).
_TOTAL_WORDS = re.compile(r"\b(?:combined|in\s+total|in\s+all|altogether|total|both)\b", re.I)
# Spread across a named region ("across the Balkans"), not across a place a demonym
# describes ("across the Lebanese capital": the story's one city).
_ACROSS_REGION = re.compile(r"\bacross\s+(?:the\s+)?[A-Z][\w'’-]+(?![\w'’-])(?!\s+[a-z])")


def sums_places(text: str) -> bool:
    """The sentence gives a total over places or parts ("in Veltia and Quorra", "in Lund,
    Tarn and Ostra", "combined"), not merely a toll of events told in the plural."""
    return bool(_TWO_PLACES.search(text) or _PLACE_LIST.search(text) or
                _TOTAL_WORDS.search(text) or _ACROSS_REGION.search(text))


def sentence_place(text: str) -> str:
    """The place a sentence opens with ("In X, ..."): it sets the scene for the sentences
    of its paragraph that name none."""
    m = _OPENING_PLACE.match(text)
    return place_key(m.group(1)) if m and _is_place_word(m) else ""


def _is_place_word(m: re.Match[str]) -> bool:
    """A capitalised word that can be a place: no month, weekday or demonym ("Russian-held
    areas", "Turkish officials" name no place)."""
    word = m.group(1)
    return "-" not in word and not _NOT_PLACE.fullmatch(word) and \
        word.lower() not in _WORD_NUMBERS and \
        word.lower() not in gazetteer().demonym_of  # "Eleven officials", "Dutch officials"


def _place(text: str, m: re.Match[str]) -> str:
    # "in Quorra and Veltia": both places together.
    if re.match(r"\s+and\s+(?:the\s+)?[A-Z]", text[m.end():]):
        return "*all"
    if (kind := _KIND_OF_PLACE.match(text, m.end())) and \
            m.group(1).lower() in gazetteer().demonym_of:
        # "in the Dutch port of Velsen": Velsen ("in X district of Y" is X, in Y).
        return place_key(kind.group(1))
    name = m.group(1)
    owner = re.match(r"([\w-]+(?:\s[\w-]+)*)['’]s\b", name)
    if owner is None or _CALENDAR_WORD.fullmatch(owner.group(1)):
        return place_key(name)  # "Sunday's Norland Air crash" is owned by no place
    if owned := re.search(r"['’]s\s+(.+)$", name):
        return place_key(owned.group(1))  # "in Peru's Tarma": Tarma
    if inner := _OWNED_PLACE.match(text, m.end()):
        return place_key(inner.group(1))  # "in Nepal's resort city of Pokhara": Pokhara
    return place_key(name)


def place_key(name: str) -> str:
    """A place's name as a key: lower case, without a trailing administrative kind
    ("Harlan County" and "Harlan" are one place)."""
    return _ADMIN_KIND.sub("", name.lower())


def last_place(text: str, known: set[str], end: int | None = None) -> str:
    """The last of the `known` places the text names before `end`, "" for none."""
    last = ""
    for m in _NAME_RE.finditer(text, 0, len(text) if end is None else end):
        keys = [place_key(m.group()), *(w.lower() for w in m.group().split())]
        last = next((k for k in keys if k in known), last)
    return last


def place_names(text: str, end: int) -> set[str]:
    """The keys of every capitalised name before `end`, whole and word by word."""
    names = set()
    for m in _NAME_RE.finditer(text, 0, end):
        if not m.group()[1].islower():
            continue  # a dateline's capitals ("MADRID") name no place of a figure
        if _JOURNEY_FROM.search(text, 0, m.start()):
            continue  # "a jet returning from X": where it set out, not where it happened
        names.add(place_key(m.group()))
        names.update(w.lower() for w in re.findall(r"[A-Z][a-z][\w'’-]*", m.group()))
    return names


def _is_change(text: str, start: int, first: float, second: float) -> bool:
    """ "from X to Y" tells a change, not a range, after a verb of change or when it falls
    ("rose from 50 to 80", "cut from 300 to 250"); "from 10 to 12 hours" is a range."""
    lead = text[max(0, start - 120):start]
    return bool(_FROM_BEFORE.search(lead)) and (
        second < first or bool(_CHANGE_VERB.search(lead)))


def _read(text: str, m: re.Match[str]) -> Figure | None:
    start, end = m.span()
    before = text[max(0, start - 40):start]
    hedge_match = _HEDGE_BEFORE.search(before)
    hedge = _HEDGES[hedge_match.group(1).lower()] if hedge_match else "exact"
    span_start = start - len(before) + hedge_match.start(1) if hedge_match else start
    if digits_or_word := m.group("num") or m.group("word"):
        ratio = _RATIO_AFTER.match(text[end:end + 30])
        of = _number(ratio.group(1)) if ratio else None
        number = _number(digits_or_word)
        if ratio and of and number is not None and number < of:
            # "nine in ten", "3 out of 4": a share.
            value = 100 * number / of
            slack = 100 / of / 2
            low, high = value - slack, value + slack
            if hedge in ("nearly", "lower", "least", "upper", "just"):
                low, high = _interval(value, hedge, 0.0)
            return Figure("percent", "%", value, low, high, 100 / of, hedge, "", "", (),
                          text[span_start:end + ratio.end()], span_start, end + ratio.end())
    if m.group("frac"):
        value = _FRACTIONS[m.group("frac").lower()]
        thing = _thing_of(text[end:])
        return Figure("percent", "%", value, value - 3, value + 3, 1.0,
                      "about" if hedge == "exact" else hedge, "", thing, (),
                      text[span_start:end], span_start, end)
    raw = m.group("num") or m.group("word")
    vague = _VAGUE.get(raw.lower()) if m.group("word") else None
    number = None if vague else _number(raw)
    if vague is None and number is None:
        return None
    half_of = _HALF_A.search(before) if raw.lower() in ("a", "an") else None
    if half_of:
        # "half a million", "more than half a billion": half of one of the scale, hedged by
        # what comes before "half".
        number = 0.5
        hedge_match = _HEDGE_BEFORE.search(before, 0, half_of.start())
        hedge = _HEDGES[hedge_match.group(1).lower()] if hedge_match else "exact"
        span_start = start - len(before) + (hedge_match.start(1) if hedge_match else
                                            half_of.start(1))
    digits = m.group("num") is not None
    if digits and _not_a_quantity(text, start, end, before):
        return None
    if _SELECTION_BEFORE.search(before):
        return None  # "the last two carriages of the train": which ones, not how many
    scale = 1.0
    cursor = end
    after = text[cursor:cursor + 60]
    half = _AND_A_HALF.match(after) if number is not None and not vague else None
    if half:
        # "eight and a half hours", "two and a half million": the number and a half.
        number += 0.5
        cursor += half.end()
        after = text[cursor:cursor + 60]
    if (s := _SCALE_AFTER.match(after)) and (digits or len(s.group(1)) > 2):
        # "two million people": a number word takes a written-out scale, never "m"/"bn".
        unit_clash = s.group(1).lower() == "m" and not _CURRENCY_BEFORE.search(before)
        if not unit_clash:
            scale = _SCALE[s.group(1).lower()]
            cursor += s.end()
            after = text[cursor:cursor + 60]
    high_number = None
    if digits and (r := _RANGE_AFTER.match(after)) and (
            r.group(0).strip()[:1] in "-–t" or
            re.search(r"between\s(?:US\$|\$|€|£|¥)?\s?$", before, re.I)):
        high_number = _number(r.group("num"))
        if high_number is not None and number is not None and high_number < number and \
                r.group(0).strip()[:1] in "-–" and "." not in r.group("num"):
            return None  # "737-9", "a 2-1 win", "2019-20": a designation or score, no range
        if high_number is not None and number is not None and _is_change(
                text, start - len(before) + (hedge_match.start() if hedge_match else len(before)),
                number, high_number):
            # "revised the toll from 64 to 61": the figure is the one it now stands at.
            span_start, raw, number, high_number = cursor + r.start("num"), r.group("num"), \
                high_number, None
            hedge = "exact"
        cursor += r.end()
        after = text[cursor:cursor + 60]
        if (s := _SCALE_AFTER.match(after)) and s.group(1).lower() != "m":
            scale = _SCALE[s.group(1).lower()]
            cursor += s.end()
            after = text[cursor:cursor + 60]
    if not vague and high_number is None and hedge == "exact" and \
            (plus := _PLUS_AFTER.match(after)):
        # "150-plus houses", "40+ years": the figure is a floor, as "at least" says.
        hedge = "least"
        cursor += plus.end()
        after = text[cursor:cursor + 60]
    if vague:
        low, high = vague[0] * scale, vague[1] * scale
        value, step, hedge = (low + high) / 2, high - low, "vague"
    else:
        value = number * scale
        # "a metre", "an hour": one of the unit, told about as closely as a half; "a
        # million" as loosely as "one million".
        # ("half a million" is said of 480,000 or 530,000: a tenth of the scale.)
        step = 0.5 * scale if half else 0.1 * scale if half_of else \
            (scale if scale > 1 else 0.5) if raw.lower() in ("a", "an") else _step(raw, scale)
        if high_number is not None:
            low, high, hedge = value, high_number * scale, "range"
        else:
            low, high = _interval(value, hedge, step)

    def figure(dimension: str, unit: str, factor: float = 1.0, prop: str = "",
               thing: str = "", nouns: tuple[str, ...] = (), until: int = cursor) -> Figure:
        if (dimension in _WHOLE or (dimension == "count" and value < _COUNTED_ONE_BY_ONE)) \
                and hedge == "exact" and digits and "." not in raw and scale == 1.0:
            # A person's age or a building's storeys are told as they are, never rounded:
            # "30-storey" is not 33, nor "Ruiz, 40" 43.
            return Figure(dimension, unit, value, value - 0.5, value + 0.5, 1.0, hedge, prop,
                          thing, nouns, text[span_start:until].strip(), span_start, until)
        return Figure(dimension, unit, value * factor, low * factor, high * factor,
                      step * factor, hedge, prop, thing, nouns,
                      text[span_start:until].strip(), span_start, until)

    if number is not None and _CROWD_BEFORE.search(text, max(0, span_start - 70), span_start):
        people = _NOUN_AFTER.match(after)
        words = _counted_noun(people.group("noun")).split() if people else []
        return figure("count", "people", thing="people", nouns=("people",), prop="present",
                      until=cursor + people.end() if words and (words[-1] in _PEOPLE or
                                                               words[-1] == "person")
                      else cursor)
    if scale == 1.0 and _PEOPLE_IN_CONDITION.match(text, cursor):
        return figure("count", "people", thing="people", nouns=("people",))
    if digits and (_MAGNITUDE_BEFORE.search(before) or _MAGNITUDE_AFTER.match(after) or (
            _MEASURED_BEFORE.search(before) and re.fullmatch(r"\d\.\d", raw)
            and not _UNIT_AFTER.match(after) and not _PERCENT_AFTER.match(after)
            and _SEISMIC.search(text))):
        thing = _quake_of(text, start, cursor)
        if not thing and _MANY_SHOCKS_BEFORE.search(text, max(0, start - 120), start):
            return figure("magnitude", "M", prop="", thing="aftershock")  # of none in particular
        return figure("magnitude", "M", prop="magnitude", thing=thing)
    currency = _CURRENCY_BEFORE.search(before)
    if currency:
        code = _CURRENCY.get(currency.group(1).lower(), currency.group(1).upper())
        span_start = min(span_start, start - len(currency.group(0)))
        return figure("money", code)
    if c := _CURRENCY_AFTER.match(after):
        return figure("money", _CURRENCY[c.group(1).lower()], until=cursor + c.end())
    if p := _PERCENT_AFTER.match(after):
        thing = _thing_of(after[p.end():]) or _named_subject(text, span_start)
        return figure("percent", "%", thing=thing, until=cursor + p.end())
    if u := _UNIT_AFTER.match(after):
        word = u.group(2).lower()
        dimension, factor, base = _UNITS[word]
        until = cursor + u.end()
        if dimension == "duration" and factor == 8766.0 and u.group(3):
            return figure("age", "years", prop="age", until=until,
                          thing=_person_after(text[until:]) or _role_after(before,
                                                                           text[until:]))
        if re.match(r"\s+ago\b", text[until:until + 5]):
            return None  # "three days ago" dates an event; it is no figure
        if dimension == "duration" and (more := _MORE_TIME.match(text[until:until + 30])):
            # "1 hour 45 minutes": one figure.
            extra = float(more.group(1)) * _UNITS[more.group(2).lower()][1] / factor
            value += extra
            step = min(step, _UNITS[more.group(2).lower()][1] / factor)
            low, high = _interval(value, hedge, step)
            until += more.end()
        hyphenated = "-" in u.group(1)
        thing, prop = "", ""
        if dimension == "length" and hyphenated and (
                by := _BY_SIDE.match(text[until:until + 40])):
            # "a 1-mile by 2-mile area": a zone, as large as its longer side.
            other = float(by.group(1)) * _UNITS[by.group(2).lower()][1]
            if other > value * factor:
                value, step = other / factor, _step(by.group(1), 1.0) * \
                    _UNITS[by.group(2).lower()][1] / factor
                low, high = _interval(value, hedge, step)
            until += by.end()
        if dimension == "length" and (_ZONE_AFTER.match(text[until:until + 40]) or
                                      _WITHIN_BEFORE.search(before)):
            prop = "zone"  # "a 1-mile evacuation zone", "people within a mile of the wreck"
        elif dimension == "floors":
            # "a 30-storey office tower": the building's height, told apart by its head noun;
            # the generic words for a building of floors name one ("a 24-storey block" is
            # "the 24-storey tower" of another report).
            after = text[until:until + 40]
            prop, thing = "height", _head_noun(after) if hyphenated else ""
            if hyphenated and _GENERIC_BUILDING_AFTER.match(after):
                thing = "building"  # "a 24-storey apartment building", "housing block"
        elif dimension == "length" and hyphenated and (
                adjective := _DIMENSION_ADJECTIVE.match(text, until)):
            # "a 3.2-metre-wide alley": the adjective says which extent, the noun of what.
            prop = _DIMENSION_OF[adjective.group(1).lower()]
            thing = _length_thing(_NOUN_NEXT.sub("", text[adjective.end():adjective.end() + 60]))
            until = adjective.end()
        elif dimension == "mass" and hyphenated:
            # "the 220,000-tonne freighter": the weight of what it qualifies.
            prop, thing = "weight", _length_thing(_NOUN_NEXT.sub("", text[until:until + 60]))
        elif dimension == "area" and hyphenated:
            # "a 30-acre depot": the size of the ground what it qualifies stands on.
            after = text[until:until + 60]
            placed = _PLACED_AFTER.search(after)
            prop, thing = "area", _length_thing(after[:placed.start()] if placed else after)
        elif dimension == "area" and _EXTENT_BEFORE.search(before):
            # "the depot covers 60 acres", "is located on 60 acres of land": its grounds.
            prop, thing = "area", _subject_thing(_PLACED_AFTER.sub("", _EXTENT_BEFORE.sub(
                "", before)))
        elif dimension == "mass" and (owner := _WEIGHT_OF.search(before)):
            prop, thing = "weight", _measured(owner.group(1))  # "a barge of 3,000 tonnes"
        elif dimension == "length" and (hyphenated or (
                not u.group(1) and _NOUN_NEXT.match(text[until:until + 30]))):
            # "a 22-foot vessel", "the 700ft (213m) cargo ship": the size of what it qualifies.
            prop, thing = "length", _length_thing(_NOUN_NEXT.sub("", text[until:until + 60]))
        elif dimension == "length" and (m := _SIZE_OF.search(before)) and (
                not (cue := _PROPERTY_PATTERN.fullmatch(m.group(2)))
                or _PROPERTY_CUES[cue.group(1).lower()] == "length"):
            thing = _measured(m.group(1))  # "a central span of 1,050 feet": a part's size
        elif dimension == "length" and (_LONG_AFTER.match(text[until:until + 20]) or
                                        _MEASURES_BEFORE.search(before)):
            # "The vessel, the Maren, is 700 feet long", "the Maren measures 700 feet".
            prop, thing = "length", _subject_thing(text[:span_start])
        else:
            event = _HYPHEN_THING if hyphenated else \
                _AFTER_EVENT if dimension == "duration" else None
            t = event.match(text[until:until + 40]) if event else None
            if dimension == "duration" and _BEGAN_AFTER.match(text[until:until + 50]):
                thing = "start"  # "after it began its descent", "after the sub started down"
            elif t and not is_stopword(t.group("thing")):
                thing = stem(t.group("thing"))
                if hyphenated and dimension == "duration":
                    # "a 12-day voyage": how long the voyage lasts, as booked or planned;
                    # "ending a four-month posting": how long it turned out to last (a
                    # search or a shift has no length booked beforehand: told as it lasted).
                    thing = _journey(_head_noun(text[until:until + 50])) or thing
                    prop = "lasted" if thing == "journey" and _COMPLETED_BEFORE.search(before) \
                        else "duration"
            elif dimension == "duration" and _PLANNED_BEFORE.search(before):
                prop = "duration"  # "a trip meant to last eight days": its planned length
            if dimension == "duration" and not thing and (
                    act := _FOR_ACTIVITY.search(text, max(0, span_start - 60), span_start)) \
                    and not is_stopword(act.group(1)):
                # "committed to a clinic for two weeks", "stayed indoors for 48 hours": how
                # long that went on, never another activity's length.
                thing = stem(act.group(1).lower())
            if dimension == "duration" and (change := _change(text, span_start, until)):
                thing, prop = change, "change"
        supply = _SUPPLY_OF.match(text[until:until + 50]) if dimension == "duration" else None
        if supply:
            thing, prop = _thing_of(" of " + supply.group("rest")), "supply"
        elif dimension == "duration" and thing and hyphenated and _SUPPLY.search(
                text[until:until + 40]):
            prop = "capacity"  # "a 96-hour oxygen supply": what it holds when full, not left
        return figure(dimension, base, factor, thing=thing, prop=prop, until=until)
    if digits and not high_number and scale == 1.0 and _YEAR.fullmatch(raw):
        if origin := _ORIGIN_BEFORE.search(before):
            # Which beginning: a structure built in one year may open in another.
            verb = (origin.group("verb") or "").lower()
            return figure("year", "year", prop="origin", thing=_ORIGIN_KINDS.get(verb, ""))
        if _SEIZED_BEFORE.search(before):
            return figure("year", "year", prop="origin", thing="seized")
        return None  # a year is a date, not a figure
    if digits and (_AGED_BEFORE.search(before) or (
            (((name := _AGE_NAME_BEFORE.search(before)) and _AGE_END_AFTER.match(after)) or
             ((name := _AGE_NAME_PAREN.search(before)) and after.startswith(")")))
            and not _CALENDAR_WORD.fullmatch(name.group(1).split()[-1])
            and number is not None and number < 120)):
        person = name.group(1) if not _AGED_BEFORE.search(before) and name else \
            _person_before(before)
        return figure("age", "years", prop="age", thing=_person_key(person))
    if digits and (role := _AGE_ROLE_BEFORE.search(before)) and _APPOSITIVE_END.match(after) \
            and number is not None and number < 120 and not role.group(1).endswith("s"):
        # (An age set after a role is an appositive, closed by a comma or a stop: "at the
        # time, 12 were killed" is a count opening a clause.)
        # "the gunman, 22, was arrested": the age of the one person the role names.
        return figure("age", "years", prop="age", thing=stem(role.group(1)))
    if not digits and re.match(r"-\w", after):
        return None  # "twenty-five", "one-off": not read here
    if number == 1 and (life := _ONE_LIFE.match(text, cursor)):
        # "claimed at least one life on the island": one person killed (the singular noun
        # a plural-noun reading misses).
        return figure("count", "people", thing="people", nouns=("people",),
                      prop="rescued" if _SAVED_BEFORE.search(before) else "killed",
                      until=life.end())
    if number is not None and not vague and (share := _SHARE_OF_HARMED.match(text, cursor)) \
            and (verb := _SHARE_BEFORE.search(before)):
        # "Harlan County accounts for 96 of the dead": the share of a toll one place (or
        # group) holds is that place's toll; its subject places it (see `_with_place`);
        # a group of people as the subject is what is counted. (The whole, "of the 49
        # dead", is read on its own.)
        group = _GROUP_SUBJECT.search(before, 0, verb.start())
        counted = stem(group.group(1)) if group and _names_group(group.group(1)) else "people"
        return figure("count", counted, nouns=(counted,),
                      thing=NATIONALS if group and _is_demonym(group.group(1)) else counted,
                      prop=_PROPERTY_CUES[_PROPERTY_PATTERN.match(share.group(2)).group(1)
                                          .lower()],
                      until=cursor if share.group("whole") else share.end())
    if number is not None and not vague and (told := _number_of(text, span_start)):
        stems, prop, thing = told
        return figure("count", stems[-1], thing=thing, nouns=stems, prop=prop)
    if number is not None and not vague and (told := _NUMBER_OF_AFTER.match(after)) and \
            _CHANGED_TO_BEFORE.search(before):
        # "raising to 13 the number of people dead": the verb's object, said after the
        # figure it was changed to, names what is counted and what befell them.
        state = _PROPERTY_PATTERN.search(told.group("what"))
        return figure("count", "people", thing="people", nouns=("people",),
                      prop=_PROPERTY_CUES[state.group(1).lower()] if state else "")
    noun = _NOUN_AFTER.match(after)
    if number is not None and not vague and (whole := _OF_WHOLE.match(text, cursor)) and \
            _PEOPLE_WERE.match(text[whole.end():whole.end() + 90]):
        # "four of the 19 team members had died": the state is said of the part; the whole
        # (19) is no count of the dead, and the part counts what the whole does.
        words = _counted_noun(whole.group("noun")).split()
        if words:
            stems = tuple(stem(w) for w in words)
            if words[-1] in _PEOPLE or words[-1] == "person":
                stems = (*stems[:-1], "people")
            return figure("count", stems[-1], thing=stems[-1], nouns=stems, until=whole.end())
    if noun and noun.group("partitive") and not vague:
        # "Eleven of the derailed cars were tank cars carrying ...": a part of a whole
        # counted elsewhere, told by what is said of it; "two of the six" alone is nothing.
        whole = _counted_noun(noun.group("noun")).split()
        said = _said_of(text[cursor + noun.end():])
        if not whole or not said or number is None:
            return None
        return figure("count", stem(whole[-1]), prop=PART, thing=said,
                      nouns=(stem(whole[-1]),), until=cursor + noun.end())
    if (whole := _OF_THE_OPENING.match(text[:start])) and not vague and \
            (said := _said_of(text[cursor:])):
        # "Of the fifty cars that derailed, ten were loaded with ...": the same, turned round.
        return figure("count", stem(whole.group(1)), prop=PART, thing=said,
                      nouns=(stem(whole.group(1)),))
    phrase = _counted_noun(noun.group("noun")) if noun else ""
    if phrase and not digits and number is not None and number <= 12 and \
            _DEFINITE_BEFORE.search(before):
        return None  # "the two countries": a reference to things already counted
    if phrase and phrase.split()[-1] in ("life", "lives"):
        # "claimed two lives", "cost one life": people killed ("saved 30 lives": rescued;
        # "risking thousands of lives": endangered).
        return figure("count", "people", thing="people", nouns=("people",),
                      prop="rescued" if _SAVED_BEFORE.search(before) else
                      "risk" if _RISKED_BEFORE.search(before) else "killed",
                      until=cursor + noun.end())
    if phrase and not digits and number == 1 and scale == 1.0:
        return None  # "one early estimate puts": a plural after "one" is a verb, no count
    if phrase and phrase.split()[-1] in _CURRENCY:
        return figure("money", _CURRENCY[phrase.split()[-1]], until=cursor + noun.end())
    if phrase:
        words = phrase.split()
        noun_end = cursor + noun.end()
        if words[-1] in _SETTLEMENTS and (pair := _SETTLEMENT_PAIR.match(text[noun_end:])):
            # "48 towns and villages": settlements, as another source says.
            words, noun_end = [*words[:-1], "settlements"], noun_end + pair.end()
        elif (words[-1] in _TRAVELLERS and (pair := _AND_CREW.match(text[noun_end:]))) or \
                (words[-1] == "crew" and (pair := _AND_TRAVELLERS.match(text[noun_end:]))):
            # "4,200 passengers and crew": everyone aboard, as "4,229 people" says it.
            words, noun_end = [*words[:-1], "people"], noun_end + pair.end()
        acted = next((w for w in words[:-1] if w.endswith("ed")), None)
        rest = text[noun_end:][:60]
        if acted is None and (p := _PARTICIPLE_AFTER.match(rest)) and \
                not _OWN_OBJECT.match(rest[p.end():]):
            acted = p.group(1)
            if re.match(r"\s+down\b", rest[p.end():]):
                acted += " down"  # "burned down": the verb with its particle
            if _TO_SAFETY.match(rest[p.end():]):
                acted = "evacuated"  # "moved to safety", "taken out of the area"
            elif _BELIEVED.fullmatch(acted) and (state := _PROPERTY_PATTERN.match(
                    re.sub(r"^\s+(?:to\s+(?:be|have\s+been)\s+|as\s+(?:being\s+)?)?", "",
                           rest[p.end():]))):
                # "reported injured", "confirmed as injured": the state says it; "presumed
                # dead": not found, and
                # counted with the missing (the count falls as bodies are found).
                presumed = _PRESUMED.fullmatch(acted) and \
                    _PROPERTY_CUES[state.group(1).lower()] == "killed"
                acted = "missing" if presumed else None
        elif acted is None and _OFF_TRACK_AFTER.match(rest):
            acted = "derailed"  # "50 cars left the rails", "came off the tracks"
        if acted and (_acted(acted).startswith(_ACTED) or _acted(acted) == "recorded") and \
                _PROPERTY_PATTERN.search(phrase) and not _ADDING.fullmatch(acted):
            acted = None  # "deaths confirmed", "deaths recorded": the noun says what is counted
        nouns = [w for w in words if w != acted]
        stems = tuple(stem(w) for w in nouns or words)
        # "dead fish", "injured workers": the state is the property, the noun what is counted.
        stems = (*(w for w in stems[:-1] if w not in _STATES), stems[-1])
        thing = stems[-1]
        if _names_group(noun.group("noun")):
            # "24 Malayalis", "12 Red Cross volunteers": a group of people named by what
            # they belong to, a part of any count of people in general.
            stems = tuple(w for w in stems if w not in _PEOPLE_STEMS) or stems
            thing = stems[-1]
        elif (nouns or words)[-1] in _PEOPLE or (nouns or words)[-1] == "person" or \
                _is_demonym(noun.group("noun").split()[-1]) or (
                    (nouns or words)[-1] in _TRAVELLERS and
                    any(map(_is_demonym, _GROUP_WORD.findall(noun.group("noun"))))):
            # ("37 Peruvian passengers": that country's people aboard, as "37 Peruvians".)
            stems = (*stems[:-1], "people")  # the head noun: residents, victims, people
            # "40 Peruvians", "45 Indian victims": a country's people (see NATIONALS).
            thing = NATIONALS if any(map(_is_demonym, _GROUP_WORD.findall(
                noun.group("noun")))) else "people"
        elif (kind := _SAME_KIND.get((nouns or words)[-1].lower())) is not None:
            stems = (*stems[:-1], kind)  # "homes" and "houses", "troops" and "soldiers"
        return figure("count", stems[-1], thing=thing if stems[-1] == "people" else stems[-1],
                      nouns=stems, until=noun_end, prop=_acted(acted))
    if digits and not vague and high_number is None and scale == 1.0 and \
            (each := _COUNT_MODIFIER.match(after)) and \
            (head := _length_thing(text[cursor + each.end():cursor + each.end() + 60])):
        # "the 7,500-seat hall", "a 40-bed clinic": how many of the unit the thing has, a
        # count of the unit told apart by the thing it qualifies ("300-room hotel" is not
        # "a 40-room annex"); "with 6,200 seats" counts the same seats.
        unit = stem(each.group("unit"))
        return figure("count", unit, thing=unit, nouns=(unit,), prop=HAS + head,
                      until=cursor + each.end())
    if people := _PEOPLE_AS.match(after):
        return figure("count", "people", thing="people", nouns=("people",),
                      until=cursor + people.end())
    if people := _PEOPLE_WERE.match(text[cursor:cursor + 90]) or \
            _PEOPLE_ON_BOARD.match(text[cursor:cursor + 30]):
        # "4,715 were injured", "42, including seven children, are missing": the people a
        # state is said of (the cue inside the figure gives its property).
        return figure("count", "people", thing="people", nouns=("people",),
                      until=cursor + people.end())
    if tally := _TALLY_BEFORE.search(before):
        thing = "crew" if tally.group("cue").lower() == "crew" else "people"
        if (aimed := _AIMED_AT_BEFORE.search(text, max(0, start - 80), start)) and \
                (obj := _NOUN_AFTER.match(" " + aimed.group("obj"))) and \
                (words := _counted_noun(obj.group("noun")).split()) and words[-1] not in _PEOPLE:
            thing = stem(words[-1])  # "fired at police officers, injuring two": officers
        return figure("count", thing, thing=thing, nouns=(thing,))
    if " of " in text[max(0, start - 120):start] and \
            (tally := _NUMBER_OF_NOUN.search(text, max(0, start - 120), start)) and \
            tally.group("noun").lower() not in _PEOPLE:
        # "put the number of passengers hurt at 14": a tally of the named kind of people
        # (the state after the noun gives the property).
        noun = _SAME_KIND.get(tally.group("noun").lower()) or stem(tally.group("noun").lower())
        return figure("count", noun, thing=noun, nouns=(noun,))
    if state := _STATE_FIGURE_BEFORE.search(text, max(0, start - 60), start):
        # "cut the injured figure to just over 2,000": the figure of people in that state.
        return figure("count", "people", thing="people", nouns=("people",),
                      prop=_PROPERTY_CUES[_PROPERTY_PATTERN.match(state.group(1)).group(1)
                                          .lower()])
    if _NUMBER_OF_BEFORE.search(text[max(0, start - 120):start]):
        # "The number of people killed in the fires rose to 23": a tally of people.
        return figure("count", "people", thing="people", nouns=("people",))
    if _TOLL_BEFORE.search(text[max(0, start - 70):start]) or \
            _TOLL_ROSE_TO.search(text[max(0, start - 260):start]):
        return figure("count", "people", prop="killed", thing="people", nouns=("people",))
    if _BACK_COUNT_BEFORE.search(text[max(0, start - 80):start]):
        # "By Sunday the count had reached 369": the count of a sentence before, which the
        # article's reading of its figures fills in (see disagreements.py).
        return figure("count", BACK, thing=BACK, nouns=(BACK,))
    return None


# A verb of changing a count, its object put after the new value (a closed class):
# "bringing to 40 the number of ...", "raised to 13 the toll of ...".
_CHANGED_TO_BEFORE = re.compile(r"\b(?:bring|brings|bringing|brought|rais(?:e|es|ed|ing)|"
                                r"push(?:es|ed|ing)?|tak(?:e|es|ing)|took|lift(?:s|ed|ing)?|"
                                r"put(?:s|ting)?)\s+to\s+$", re.I)
# What the count so changed counts: people, and what befell them if the phrase says it.
_NUMBER_OF_AFTER = re.compile(
    r"^\s+the\s+(?:number|toll|count|tally|total)\s+of\s+(?P<what>(?:people|persons|victims|"
    r"dead|deaths|fatalities|casualties|injured|wounded)(?:\s+(?:confirmed\s+)?(?:dead|killed|"
    r"injured|hurt|wounded|missing|rescued|evacuated))?)\b", re.I)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
_HALF_A = re.compile(r"(?<![\w-])((?:one\s+)?half)\s+$", re.I)
# "-seat", "-bed", "-lane" after a figure and before a noun: a count the noun's thing has.
# Words after a hyphen that are no counted unit: adjectives ("62-strong"), "-fold", "-odd".
_COUNT_MODIFIER = re.compile(r"-(?P<unit>(?!(?:strong|fold|odd|old|ish|nil|plus|off|way|up)\b)"
                             r"[a-z]{3,}(?<![a-z]{2}ed)(?<!ing)(?<!ly)(?<!s))(?=\s+\S)")
HAS = "has:"  # prop of a count a thing has: "has:hall" (the hall's seats)


# A count referred back to: "the count had reached", "the tally rose to", "the figure stood
# at" (no noun: what it counts is what a sentence before counted).
BACK = "*before"
_BACK_COUNT_BEFORE = re.compile(
    r"\b(?:the|that|this|its|their)\s+(?:count|tally|total|number|figure)\s+"
    r"(?:(?:had|has|have|was|is|then|now|later|since|already)\s+){0,2}"
    r"(?:risen|rose|reached|climbed|grown|grew|jumped|increased|stood|stands|fallen|fell|"
    r"dropped|hit|topped|passed)\s+(?:to\s+|at\s+)?(?:(?:" + "|".join(
        re.escape(h) for h in sorted(_HEDGES, key=len, reverse=True)) + r")\s+)?$|"
    # "his office had raised it to 24", "later revised it to 61": a verb of changing a
    # figure, whose object "it" is the count a sentence before gave.
    r"\b(?:raised|lowered|revised|updated|increased|cut|pushed|brought|put)\s+(?:it|that)\s+"
    r"(?:up\s+|down\s+)?(?:to|at)\s+$", re.I)


_WIDE = re.compile(r"\b(state|nation|country|world|province|region)-?wide\b", re.I)
_SPLIT_CLAUSE = re.compile(r"[;.]|\b(?:while|whereas|but)\b")
_N_REGIONS = (r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
              r"many|multiple)\s+(?:countries|nations|states|provinces|regions|districts|"
              r"counties)\b")
_COMBINED = re.compile(r"\b(?:combined|in total|in all|overall|both|across|altogether|total|"
                       + _N_REGIONS + ")", re.I)
# "killed 40 people in three provinces" (the count of states is a figure of its own).
_IN_REGIONS = re.compile(r"\s+(?:in|across)\s+(?:the\s+)?" + _N_REGIONS, re.I)
# "in Lund, Tarn, Ostra and Varno": a figure for three or more places
# listed together is their total, not the first one's.
_PLACE_LIST = re.compile(r"[^.;]{0,40}?\b(?:in|across|from)\s+(?:the\s+)?[A-Z][\w'’-]+"
                         r"(?:\s+[A-Z][\w'’-]+)*(?:,\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
                         r"+,?\s+and\s+(?:the\s+)?[A-Z]")
# Events that are counted one by one, in the plural: a toll they took is over all of them
# (no place said). "The floods" may be one flood's waters: not counted so.
_EVENTS = re.compile(r"\b(?:fires|wildfires|blazes|quakes|earthquakes|storms|hurricanes|"
                     r"tornadoes|attacks|strikes|explosions|blasts)\b", re.I)
_BREAKDOWN = re.compile(r"^[^.;,]{0,40},\s+(?:\d[\d,]*|[a-z]+)\s+of\s+(?:them|which|those)\s+"
                        r"(?:in|on|at|from|across)\b")
# "32 settlements of Varno Oblast": a region named with its kind.
_OF_REGION = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w'’-]+)\s+(?:[Oo]blast|[Pp]rovince|[Rr]egion|"
                        r"[Cc]ounty|[Dd]istrict|[Pp]refecture|[Gg]overnorate)\b")
_REGIONS = re.compile(r"\b(?:countries|nations|states|provinces|regions|districts)\b", re.I)
# A place's name may run over several capitalised words ("New South Wales", "St. Ives
# Harbour"): the whole name tells two places sharing a first word apart.
_CALENDAR = _MONTHS + "|" + "|".join(WEEKDAYS)  # month and weekday names
# (A month's short form ends a name only as a date's: "Lund Jan. 4", not "Zinda Jan".)
_SHORT_MONTH = "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_FULL_CALENDAR = "|".join(w for w in _CALENDAR.split("|") if w not in _SHORT_MONTH.split("|"))
_NAME = r"[A-Z][\w'’-]+(?:\.?\s(?!(?i:" + _FULL_CALENDAR + r"|and|the)\b)(?!(?i:" + \
    _SHORT_MONTH + r")(?:\.|\s+\d))[A-Z][\w'’-]+)*"
_NAME_RE = re.compile(r"\b" + _NAME)
# "94 of them in Harlan County", "30 of those at Ostra": a part of a total said before, and
# the place that part is at.
_PART_IN_PLACE = re.compile(r"\s+of\s+(?:them|those|whom|which)\s+(?:were\s+|are\s+)?"
                            r"(?:in|at)\s+(?:the\s+)?(" + _NAME + ")")
# The place a possessive country or region holds: "Nepal's resort city of Pokhara".
# "the German city of X", "the Fijian island of Y": a kind of place and its name.
_KIND_OF_PLACE = re.compile(r"\s+(?:[a-z]+\s+)?(?:city|town|village|port|capital|island|"
                            r"region|province|state|district|county)\s+of\s+(" + _NAME + ")")
_OWNED_PLACE = re.compile(r"\s+(?:[a-z]+\s+){0,3}?(?:of\s+)?(" + _NAME + ")")
_ADMIN_KIND = re.compile(r"\s+(?:county|province|district|region|prefecture|governorate|oblast)$")
_PLACE_NAME = re.compile(r"\b(?:in|across|from)\s+(?:neighbou?ring\s+|southern\s+|northern\s+|"
                         r"eastern\s+|western\s+|central\s+)?(?:the\s+)?(?:(?:neighbou?ring|"
                         r"adjacent|nearby)\s+)?(" + _NAME + ")")
# Words that make a name an organisation's ("the Association of X Pilots"), not a place's.
_BODY = re.compile(r"\b(?:Association|Agency|Authority|Bank|Board|Bureau|Commission|Committee|"
                   r"Company|Corporation|Council|Department|Federation|Foundation|Institute|"
                   r"Ministry|Office|Organi[sz]ation|Service|Society|Union|University)\b")
# Words of a journey or a conveyance: "from X" after one is where it set out, not where a
# count applies.
_JOURNEY = (r"\b(?:flights?|flew|flying|fly|returning|returned|took\s+off|ferry|ferries|ships?|"
            r"trains?|bus|buses|planes?|jets?|boats?|vessels?|airliners?|depart\w*|bound|"
            r"routes?|roads?|trips?|journey|voyage|sail\w*|travel\w*|arriv\w*|drove|driving)"
            r"\s+(?:\w+\s+)?")
_JOURNEY_BEFORE = re.compile(_JOURNEY + "$", re.I)
_JOURNEY_FROM = re.compile(_JOURNEY + r"from\s+(?:the\s+)?$", re.I)
_SUPPLY_OF = re.compile(r"^['’]?(?:\s+worth)?\s+of\s+(?P<rest>.*)", re.I)
_MORE_TIME = re.compile(r"\s+(?:and\s+)?(\d{1,2})\s?(minutes?|seconds?|hours?)\b", re.I)
_SUPPLY = re.compile(r"^\s+\w+\s+(?:supply|supplies|reserve|worth)\b", re.I)
_RATIO_AFTER = re.compile(r"\s+(?:in|out\s+of)\s+(ten|hundred|\d{1,3})\b(?![,.]\d)", re.I)
_TWO_PLACES = re.compile(r"\b(?:in|through|across)\s+(?:[a-z]+ern\s+)?(?:the\s+)?[A-Z][\w'’-]+"
                         r"\s+and\s+(?:[a-z]+ern\s+)?(?:the\s+)?[A-Z]")
# (A name of several words owns it whole: "Harlan County's toll" is Harlan's.)
_PLACE_OWNS = re.compile(r"\b(?!The\s)([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)['’]s\s+"
                         r"(?:death\s+toll|toll|dead|deaths)\b")
_THERE = re.compile(r"\b(?:there|here)\b(?!\s+(?:is|are|was|were|have|has|had|will|would)\b)",
                    re.I)
# A clause whose subject, a place, has or reports the figure; after a conjunction any name,
# at the clause's start only one with its kind ("X County"): "Police reported" is no place.
_PLACE_HAD = re.compile(r"(?:^\s*|\b(?P<joined>while|whereas|and|but|said|says|that)\s+)"
                        r"(?P<name>" + _NAME + r")\s+"
                        r"(?:had|has|have|reported|recorded|saw|sees|counted|confirmed|"
                        r"registered|suffered|lost|accounts?\s+for|accounted\s+for|"
                        r"makes?\s+up|made\s+up)\s+$")
# A relative aside between commas (", where the storm came ashore,").
_ASIDE = re.compile(r",\s+(?:where|which|whose|who)\b[^,.;:]{0,100},")
# A region named with its kind, the subject of a verb of having or reporting the figure.
_REGION_HAD = re.compile(r"(?:^\s*|[,;:]\s*)(?P<name>" + _NAME + r")\s+(?:[Cc]ounty|[Pp]rovince|"
                         r"[Dd]istrict|[Rr]egion|[Pp]refecture|[Gg]overnorate|[Oo]blast)\s+"
                         r"(?:had|has|have|reported|recorded|saw|counted|confirmed|registered|"
                         r"suffered|lost|accounts?\s+for|accounted\s+for|makes?\s+up|"
                         r"made\s+up)\s+$")
# "in X, where ...": what the where-clause tells happened at X.
# (Also a place as the complement of "was": "the worst-hit area was X district, where ...".)
_WHERE_AFTER_PLACE = re.compile(r"\b(?:in|at|was|is|were|are)\s+(?:the\s+)?(" + _NAME +
                                r")(?:\s+(?:county|province|district|region|prefecture|"
                                r"governorate|oblast|state|city|town|village))?,\s+where\b[^.;:]*$")
_PLACE_BEFORE = re.compile(r"\b(?:in|[Nn]ear|[Aa]t)\s+(?:the\s+)?(" + _NAME + ")")
_PLACED = frozenset({"level", "shift"})
_NOT_PLACE = re.compile(rf"(?:{_CALENDAR})(?:['’]s)?|[A-Z]\w*(?:ian|ese|ish)|[A-Z][\w'’-]*['’]s",
                        re.I)
_OPENING_PLACE = re.compile(
    r"^\s*(?:In|At|Across)\s+(?!an?\s)(?:the\s+)?(?:[a-z]+\s+(?:of\s+(?:the\s+)?)?){0,3}"
    r"(?!(?i:" + _CALENDAR + r")\b)"
    r"([A-Z][\w'’]+(?:\.?\s(?!(?i:" + _CALENDAR + r")\b)[A-Z][\w'’]+)*)\b(?!-)[^,;]{0,60},")
_OFFICE_KINDS = (r"city|state|provincial|regional|local|national|military|health|interior|"
                 r"disaster|emergency|foreign|defen[cs]e|transport|justice|finance|home|fire|"
                 r"police|rescue|army|navy|aviation|airport|airline|rail|port|hospital|"
                 r"security|safety|energy|water|civil|public|federal|government")
# "Quorra officials", "Veltia's health ministry": the subject's place; the kind of office
# itself, capitalised at the opening ("Health authorities", "Interior ministry"), is none.
_SUBJECT_PLACE = re.compile(
    r"^(?:[^a-z]*?\s[-—–]\s+)?(?!The\b)(?!(?i:" + _OFFICE_KINDS + r")\b)([A-Z][\w'’]+?)"
    r"(?:['’]s)?\s+(?:(?:" + _OFFICE_KINDS + r")\s+){0,2}"
    r"(?:officials|authorities|government|military|junta|ministry|police|administration)\b")
# Physical sizes: given in one unit, often converted to another ("700 feet (213 metres)").
SIZES = frozenset({"length", "area", "volume", "mass", "speed"})
_CONVERSION_BETWEEN = re.compile(r"\s*\(\s*(?:about\s+|some\s+|roughly\s+)?")
# "400 kilometres (250 miles) south of": the same measure in another unit, set aside.
_CONVERSION_SLACK = 0.02
# "the 45-meter, nearly 150-foot, bridge": a conversion set off by commas.
_COMMA_BETWEEN = re.compile(r",\s+(?:about\s+|some\s+|roughly\s+|nearly\s+|almost\s+)?")


def _comma_conversion(text: str, first: Figure, second: Figure) -> bool:
    """Two sizes side by side in commas, in two units, that are one size converted."""
    return bool(_COMMA_BETWEEN.fullmatch(text, first.end, second.start)) and \
        re.sub(r"[\d.,\s-]", "", first.text) != re.sub(r"[\d.,\s-]", "", second.text) and \
        abs(first.value - second.value) <= 0.1 * max(first.value, second.value)


_CONVERTED_AFTER = re.compile(r"^\s*\((?:about\s+|some\s+|roughly\s+)?[\d.,]+\s?[a-z]+\)")
_INCLUDING = re.compile(r"^,\s+including\s+[^,;:()]{1,40},")
_RELATIVE = re.compile(r"^,\s+(?:(?:who|which)\b[^,;:()]{1,80}|including\s+[^,;:()]{1,40}),")
_TO_BEFORE = re.compile(r"\bto\s+$")
_BY_BEFORE = re.compile(r"\bby\s+$")
_CALENDAR_WORD = re.compile(rf"(?:{_CALENDAR})", re.I)  # "on Friday, 11 of them": no name
_DEFINITE_BEFORE = re.compile(r"\b(?:the|its|their|these|those|his|her)\s+$", re.I)
# A property read from the verb a counted noun takes ("cars derailed" -> "~derail").
_ACTED = "~"
# Marks an elliptic figure, whose property is that of the figure before it.
_SAME_AS_BEFORE = "="
# "and 1,187 in Veltia", "17 of them in the Corvo fire", "and 52 in the nearby Orsk
# district": the same count, for one place; "and 36 died in Orsk": the verb says what befell
# them (`verb`).
_PLACE_AFTER = re.compile(r"\s+(?:of\s+(?:them|whom|those)\s+)?(?P<verb>(?:were\s+|was\s+|"
                          r"had\s+|have\s+)?[a-z]+(?:ed|d)\s+)?(?:in|across|from)\s+"
                          r"(?:the\s+)?(?:[a-z]+\s+){0,2}?[A-Z]")


# Verbs that give an estimate of a quantity already named (a closed class of phrasings):
# "pointed to", "put it at", "estimated the number at", "spoke of".
_ESTIMATE_BEFORE = re.compile(
    r"\b(?:point(?:s|ed|ing)?\s+to|(?:put|puts|putting|estimat\w*|plac\w*)\s+(?:it|that|"
    r"the\s+(?:figure|number|total|count|toll|tally))\s+at|(?:spoke|speaks?|talk(?:s|ed)?)\s+"
    r"of)\s+$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[.;:)]|,\s|$)")


def rival_estimate(text: str, f: Figure) -> bool:
    """The figure is an estimate given of a quantity its sentence already put a figure on
    ("750 aboard; the agency's information pointed to up to 400"): the same quantity as
    the figure beside it, not another thing."""
    return bool(_ESTIMATE_BEFORE.search(text, max(0, f.start - 80), f.start))


# A bare figure said to be in a state ("two were missing"), joined to the figure before it.
_BARE_STATE = re.compile(r"^[\w,.]+\s+(?:were|are|was|is|had|have|has|remain)")
_JOINED = re.compile(r"^[^.;:\d]{0,40}?(?:,|\band|\bbut|\bwhile|\bwith)\s+(?:another\s+)?$")


def _counts_as_before(text: str, previous: Figure, figure: Figure) -> bool:
    """The bare figure counts what the figure joined before it counts."""
    return figure.dimension == previous.dimension == "count" and \
        figure.nouns == ("people",) and previous.nouns != ("people",) and \
        bool(_BARE_STATE.match(figure.text)) and \
        bool(_JOINED.match(text[previous.end:figure.start]))


def _elliptic(text: str, m: re.Match[str], previous: Figure) -> Figure | None:
    """ "3,412 people died in Quorra and 1,187 in Veltia": a bare figure for another place
    counts what the figure before it counts; so does a rival estimate closing its clause
    ("750 people were aboard; the agency's information pointed to up to 400")."""
    raw = m.group("num")
    before = text[max(0, m.start() - 40):m.start()]
    hedge_match = _HEDGE_BEFORE.search(before)
    lead = text[max(0, m.start() - 80):m.start() - len(before) + hedge_match.start(1)] \
        if hedge_match else text[max(0, m.start() - 80):m.start()]
    placed = _PLACE_AFTER.match(text[m.end():m.end() + 50])
    if raw is None or not (placed or (
            _ESTIMATE_BEFORE.search(lead) and _CLAUSE_END.match(text, m.end()))) \
            or _YEAR.fullmatch(raw) or _not_a_quantity(text, m.start(), m.end(), before):
        return None
    value = float(raw.replace(",", ""))
    step = _step(raw, 1.0)
    hedge = _HEDGES[hedge_match.group(1).lower()] if hedge_match else "exact"
    start = m.start() - len(before) + hedge_match.start(1) if hedge_match else m.start()
    low, high = _interval(value, hedge, step)
    # A verb of its own says what befell them; without one, what befell the count before.
    prop = "" if placed and placed.group("verb") else _SAME_AS_BEFORE
    return Figure("count", previous.unit, value, low, high, step, hedge, prop,
                  previous.thing, previous.nouns, text[start:m.end()], start, m.end())


# "750 campers ..., and about 23 of them could not be found": the part of the whole counted
# before, up to its clause's end, and what befell it.
# What is done with the dead (a count of some of them).
_OF_THE_DEAD = frozenset({"buried"})


def _of_the_dead(text: str, f: Figure) -> bool:
    """The count (its property not read yet) counts the dead: its own words say so, or the
    verb right before or after it ("3,840 deaths", "killed 310 people", "40 were killed")."""
    cues = [*_PROPERTY_PATTERN.finditer(text, max(0, f.start - 20), f.start),
            *_PROPERTY_PATTERN.finditer(text, f.start, f.end + 30)]
    return f.prop == "killed" or any(_PROPERTY_CUES[cue.group(1).lower()] == "killed"
                                     for cue in cues)
_OF_THEM_CLAUSE = re.compile(r"\s+of\s+(?:them|those|whom)\b([^,;:.]{0,60})", re.I)


def _harmed_part(text: str, m: re.Match[str], previous: Figure) -> Figure | None:
    """ "Some 750 campers were at the camp, and about 23 of them could not be found": a
    part of the count before it that met a harm (killed, hurt, missing) counts what that
    count counts, with the harm as its property."""
    raw = m.group("num") or m.group("word")
    number = _number(raw) if raw else None
    of = _OF_THEM_CLAUSE.match(text, m.end())
    if number is None or of is None:
        return None
    cue = _PROPERTY_PATTERN.search(of.group(1))
    prop = _PROPERTY_CUES[cue.group(1).lower()] if cue else ""
    # ("3,840 dead, 3,190 of them already buried": what befell part of the dead since.)
    if prop not in _HARM and not (prop in _OF_THE_DEAD and _of_the_dead(text, previous)):
        return None
    before = text[max(0, m.start() - 40):m.start()]
    hedge_match = _HEDGE_BEFORE.search(before)
    hedge = _HEDGES[hedge_match.group(1).lower()] if hedge_match else "exact"
    start = m.start() - len(before) + hedge_match.start(1) if hedge_match else m.start()
    step = _step(raw, 1.0) if m.group("num") else 1.0
    low, high = _interval(number, hedge, step)
    end = of.start(1)
    return Figure("count", previous.unit, number, low, high, step, hedge, prop,
                  previous.thing, previous.nouns, text[start:end], start, end)


# "three of its pumps failed and crews restarted one of them": the part refers
# back to the whole its sentence named ("of its pumps", "of the 12 main pumps").
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b(?!\s+[a-z]+s\b)", re.I)
_WHOLE_BEFORE = re.compile(r"\bof\s+(?:(?:its|the|their|those|these)\s+)?(?:[\w-]+['’]s\s+)?"
                           r"(?:\d[\d,]*\s+)?(?:[a-z-]+\s+){0,3}?([a-z]+s)\b")
# Verbs of bringing a thing back into use (a closed class): "restarted", "brought back",
# "put back into service" say one thing of a part.
_RESTORED = re.compile(r"\b(?:back|restart\w*|restor\w*|reviv\w*|reactivat\w*|reboot\w*|"
                       r"repair\w*|fixed)\b", re.I)
_CLAUSE_AROUND = re.compile(r"[^,;:.]*$")


def _part_of_them(text: str, m: re.Match[str]) -> Figure | None:
    """ "restarted one of them": a part of the whole its sentence named before, told by
    what its clause says of it (a bare "two of them" whose clause says nothing is none)."""
    number = _number(m.group("num") or m.group("word") or "")
    of = _OF_THEM.match(text, m.end())
    if number is None or of is None:  # a vague quantity ("dozens of them") has no number
        return None
    wholes = _WHOLE_BEFORE.findall(text, 0, m.start())
    clause = _CLAUSE_AROUND.search(text, 0, m.start()).group() + " " + \
        re.split(r"[,;:.]", text[of.end():])[0]
    if not wholes or not _RESTORED.search(clause):
        return None
    whole = stem(wholes[-1])
    low, high = _interval(number, "exact", 1.0)
    return Figure("count", whole, number, low, high, 1.0, "exact", PART, _RESTORED_THING,
                  (whole,), text[m.start():of.end()], m.start(), of.end())


_MAGNITUDE_BEFORE = re.compile(r"\b(?:magnitude|magnitude-|M|Mw)\s?(?:of\s+)?-?$", re.I)
_MAGNITUDE_AFTER = re.compile(r"\s?-?magnitude\b", re.I)
# "the second, which struck later, measured 7.6": a reading of a quake in a sentence about one.
_MEASURED_BEFORE = re.compile(r"\b(?:measured|measuring|registered|registering|rated|"
                              r"put\s+at|estimated\s+at)\s+$", re.I)
_SEISMIC = re.compile(r"\b(?:quakes?|earthquakes?|tremors?|shocks?|aftershocks?|seismic)\b",
                      re.I)
_ORDINAL = re.compile(r"\b(first|second|third|initial|main|later|aftershock|foreshock)\b", re.I)
_ORDINAL_WORDS = {"initial": "first", "main": "first"}
# "175 aftershocks, with six recorded at a magnitude of 4": said of some of many shocks.
_MANY_SHOCKS_BEFORE = re.compile(r"\b(?:aftershocks|foreshocks)\b[^.;:]*$", re.I)
_SHOCKS = r"(aftershock|foreshock|quake|earthquake|tremor)s?\b"
_SHOCK_AFTER = re.compile(r"[\s-]*(?:magnitude[\s-]+)?" + _SHOCKS, re.I)
_SHOCK_BEFORE = re.compile(r"\b" + _SHOCKS + r"\s+(?:of|measuring|measured|registering|"
                           r"registered|with\s+a\s+magnitude\s+of|rated|was\s+rated)\s+"
                           r"(?:magnitude\s+|a\s+)?$", re.I)


def _change(text: str, start: int, end: int) -> str:
    """The state a change started from, when the duration is the time the change took:
    "from A to B" in the duration's own clause, right before it or right after it."""
    lo = max(text.rfind(",", 0, start), text.rfind(".", 0, start), start - 80) + 1
    hi = min((i for i in (text.find(",", end), text.find(".", end)) if i >= 0),
             default=len(text))
    for m in _CHANGE.finditer(text, lo, min(hi, end + 60)):
        if m.end() <= start or (m.start() >= end and re.match(
                r"\s+(?:to\s+(?:go|move|grow|turn|climb|rise|jump|change)|of)\b",
                text[end:m.start()] + " ")):
            return " ".join(stem(w) for w in m.group("start").split()
                            if not is_stopword(w))
    return ""


def _quake_of(text: str, start: int, end: int) -> str:
    """Which shock a magnitude is of: the quake noun it qualifies ("a 6.7-magnitude
    aftershock", "an aftershock of magnitude 6.4"); a main quake by its ordinal, if any."""
    noun = _SHOCK_AFTER.match(text[end:end + 30]) or _SHOCK_BEFORE.search(
        text[max(0, start - 60):start])
    word = noun.group(1).lower() if noun else ""
    if word in ("aftershock", "foreshock"):
        return word
    if word:  # the quake itself: the first, unless an ordinal says otherwise
        ordinal = [m.group(1).lower() for m in _ORDINAL.finditer(text, 0, start)]
        return _ORDINAL_WORDS.get(ordinal[-1], ordinal[-1]) if ordinal else "first"
    return _ordinal(text, start)


def _ordinal(text: str, start: int) -> str:
    """Which of several events a figure is about: the nearest ordinal before it, else after."""
    before = list(_ORDINAL.finditer(text, 0, start))
    m = before[-1] if before else _ORDINAL.search(text, start)
    word = m.group(1).lower() if m else ""
    return _ORDINAL_WORDS.get(word, word)


def _acted(participle: str | None) -> str:
    """The property a participle gives: a known cue's ("killed"), else the verb's own."""
    if not participle:
        return ""
    cue = _PROPERTY_PATTERN.match(participle)
    if cue:
        prop = _PROPERTY_CUES[cue.group(1).lower()]
        return prop if prop in _PROPERTIES_OF["count"] else ""
    if participle.lower() in _CROWDED:
        return "present"  # "1,500 people were crammed into the hall": who was there
    return _ACTED + stem(participle)


# Participles of people filling a place (a closed class): how many were there.
_CROWDED = frozenset("crammed packed squeezed jammed crowded squashed gathered assembled "
                     "massed".split())
# A crowd's nouns (a closed class) before its size: "a crowd of about 1,500", "put the
# audience at 500", "attendance was 40,000": how many were there.
_CROWD_BEFORE = re.compile(r"\b(?:crowd|audience|attendance|turnout|congregation|throng)\s+"
                           r"(?:(?:inside|in|at|outside)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?)?"
                           r"(?:of|at|was|is|stood\s+at|numbered|numbering)\s+$", re.I)


def _names_group(phrase: str) -> bool:
    """A capitalised word of a counted phrase names a group of people by what they belong
    to ("Malayalis", "Red Cross volunteers"); a nationality's people are people, told
    apart by their country instead, as a place (see `_nation_of`)."""
    return any(not _is_demonym(word) for word in _GROUP_WORD.findall(phrase))


def _is_demonym(word: str) -> bool:
    """A nationality's word, singular or plural ("Peruvian", "Peruvians")."""
    demonyms = gazetteer().demonym_of
    return word[:1].isupper() and (word.lower() in demonyms or
                                   word.lower().removesuffix("s") in demonyms)


def _number_of(text: str, start: int) -> tuple[tuple[str, ...], str, str] | None:
    """What "the number of X (among the dead) at N" counts, told before the figure at
    `start`: the stems of X, what befell them and the thing counted; None when it names
    no state."""
    of = _NUMBER_OF_PHRASE.search(text, max(0, start - 90), start)
    words = _counted_noun(of.group("phrase")).split() if of else []
    if not of or not words:
        return None
    # The state: of the whole they are among, else a participle after the noun ("miners
    # trapped"), else the noun itself ("survivors").
    state = _PROPERTY_PATTERN.fullmatch(of.group("whole") or "") or (
        _PROPERTY_PATTERN.fullmatch(words[-1]) if len(words) > 1 else None)
    if state and not of.group("whole"):
        words = words[:-1]
    state = state or _PROPERTY_PATTERN.search(" ".join(words))
    if not state:
        return None
    prop = _PROPERTY_CUES[state.group(1).lower()]
    if _names_group(of.group("phrase")):
        stems = tuple(stem(w) for w in words if w not in _PEOPLE) or (stem(words[-1]),)
        return stems, prop, stems[-1]
    if words[-1] in _PEOPLE or _is_demonym(of.group("phrase").split()[-1]):
        nationals = any(map(_is_demonym, _GROUP_WORD.findall(of.group("phrase"))))
        return ("people",), prop, NATIONALS if nationals else "people"
    stems = tuple(stem(w) for w in words)
    return stems, prop, stems[-1]


def _not_a_quantity(text: str, start: int, end: int, before: str) -> bool:
    """Designations, list positions and days of dates."""
    if _POSITION_BEFORE.search(before) or _DATE_AROUND.search(before):
        return True
    if _DATE_AFTER.match(text[end:end + 16]) and len(text[start:end]) <= 2:
        return True
    if re.match(r"\s?[-–]\s?\d", text[end:end + 4]) and not re.match(r"\d", before[-1:]):
        return False  # a range: "10-12"
    if re.match(r"-?[A-Za-z]|-\d", text[end:end + 2]) and not re.match(
            r"-(?:year|month|week|day|hour|minute|mile|metre|meter|foot|feet|km|kilomet|"
            r"inch|acre|ton|storey|story|member|person|seat|magnitude|plus\b)", text[end:end + 12],
            re.I) \
            and not _COUNT_MODIFIER.match(text, end, end + 30) \
            and not _SCALE_AFTER.match(text[end:end + 12]) \
            and not _UNIT_AFTER.match(text[end:end + 14]) \
            and not _PERCENT_AFTER.match(text[end:end + 3]):
        return True  # "737-9", "3rd", "MH17a"
    designation = _DESIGNATION_BEFORE.search(before)
    # ("AT LEAST 38 people": a print lead set in capitals still says "at least".)
    return bool(designation and designation.group(1).capitalize() not in _NOT_DESIGNATION
                and not _SENTENCE_START.search(before[:designation.start()]))


_NOT_NOUNS = frozenset("more other additional further across towards besides whereas thus always "
                       "perhaps nearly less was has is this its near".split())


def _counted_noun(phrase: str) -> str:
    # Stop at the first function word: "missiles to the US" -> "missiles".
    kept: list[str] = []
    for word in phrase.split():
        if is_stopword(word) or word.lower() in _NOT_NOUNS:
            break
        kept.append(word.lower())
    return " ".join(kept)


def _said_of(after: str) -> str:
    """What a part is said to be or do ("were tank cars carrying hazardous materials"):
    the content stems of its predicate, up to the end of the clause; "" without one."""
    m = _PREDICATE.match(after)
    if not m:
        return ""
    said = re.split(r"[,;:.(]", m.group(1))[0]
    words = re.findall(r"[A-Za-z][a-z'-]{3,}", said)
    restored = {_RESTORED_THING} if _RESTORED.search(said) else set()
    return " ".join(sorted({stem(w) for w in words if not is_stopword(w)} | restored))


def _head_noun(after: str) -> str:
    """The head of the noun phrase a hyphenated measure qualifies: "office tower being
    built" -> tower."""
    kept: list[str] = []
    for word in re.findall(r"[A-Za-z][\w'-]*|\S", after)[:4]:
        if not word[0].isalpha() or not word.islower() or is_stopword(word) or \
                word.endswith("ing") or word in _NOT_NOUNS:
            break
        kept.append(word)
    return stem(kept[-1]) if kept else ""


def _thing_of(after: str) -> str:
    """The noun a share or a supply is of: "of the town" -> town, "of emergency oxygen
    left" -> oxygen."""
    m = _THING_AFTER_OF.match(after)
    if not m:
        return ""
    kept: list[str] = []
    for word in m.group("thing").split():
        if is_stopword(word) or word.lower() in _NOT_THINGS:
            break
        kept.append(word)
    if not kept:
        return ""
    # "the burn zone", "the search area": one word for a stretch of ground.
    return "area" if kept[-1].lower() in _AREA_WORDS else stem(kept[-1])


def _journey(noun: str) -> str:
    """A journey's noun stem as one class ("flight", "trip" -> journey); others as they are."""
    return "journey" if noun in _JOURNEY_STEMS else noun


_DETERMINERS = frozenset("the a an its their his her this that these those".split())


def _length_thing(after: str) -> str:
    """What a length qualifies: the head of the noun phrase after it ("cargo ship"), or
    the kind word closing a name ("the 1.9-km Carrow Narrows Bridge") or the name."""
    if m := re.match(r"\s*((?:[A-Z][\w'’-]*\s+){0,4}[A-Z][\w'’-]*)", after):
        # "the 700-foot Maren": the name; "Narrows Bridge", "Hoover Dam": the kind it closes with.
        return _measured(m.group(1).split()[-1])
    words: list[str] = []
    tokens = re.findall(r"[A-Za-z][\w'-]*|\S", after)[:4]
    for n, word in enumerate(tokens[:3]):
        if not word.islower() or is_stopword(word) or word.endswith(("ed", "ing")) or \
                word in _NOT_NOUNS:
            break
        if words and n + 1 < len(tokens) and tokens[n + 1].lower() in _DETERMINERS:
            break  # "a 25-metre wave hit the coast": a word before its object is a verb
        words.append(word)
    # "cargo ship", "steel span": the kind word, else the last noun read.
    kind = next((w for w in words if w in _VESSELS or w in _AIRCRAFT), None)
    return _measured(kind or (words[-1] if words else ""))


def _subject_thing(before: str) -> str:
    """The head noun of the subject a length is said of, past an appositive: "The vessel,
    the Oriel-flagged Maren, is" -> vessel; "the Maren measures" -> maren."""
    clause = re.split(r"[;:]|\b(?:and|but|while)\s", before)[-1]
    clause = _MEASURES_BEFORE.sub("", _VERB_END.sub("", clause)).strip()
    clause = re.sub(r",[^,]{1,60},$", "", clause)  # an appositive: "the vessel, the Maren,"
    words = re.findall(r"[A-Za-z][\w'’-]*", clause)
    return _measured(words[-1]) if words else ""


def _measured(word: str) -> str:
    """A measured thing's word as a key: vessel and aircraft words as one class each; a
    bare "span" may be the whole bridge or a part of it, so it names nothing."""
    word = word.lower()
    if not word or word == "span" or is_stopword(word):
        return ""
    if word in _VESSELS:
        return "vessel"
    if word in _AIRCRAFT:
        return "aircraft"
    return stem(word)


def _named_subject(text: str, start: int) -> str:
    """The named thing a share is said of, as the subject of its clause ("the Corvo fire,
    at 7,900 acres, was 15% contained") or as "it" where the sentence names one such
    thing before ("after the Caldor fire began, crews had it 40% contained")."""
    clause = re.split(r"[;:]|,\s+(?:while|whereas|but|and)\b", text[:start])[-1]
    if m := _SUBJECT_BEFORE.search(clause):
        return stem(m.group(1))
    if _IT_BEFORE.search(clause):
        named = _NAMED_THING.findall(text, 0, start)
        if len(set(named)) == 1:
            return stem(named[0])
    return ""


# "a 33-year-old nurse named Ana Ruiz", "a 33-year-old ferry deckhand surnamed Ruiz".
_NAMED_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+){1,3}?(?:named|surnamed|called|identified\s+as)\s+"
                          r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")


# A demonym before a noun ("Korean-American skaters") describes; it names no person.
_NOUN_FOLLOWS = re.compile(r"\s+(?!(?:was|is|who|had|has|and|of|from|said|were|died|"
                           r"survived|remains?)\b)[a-z]")
_DEMONYMS = re.compile(r"[A-Z][a-z]*(?:an|ese|ish|i)(?:[-\s][A-Z][a-z]*(?:an|ese|ish|i))*")


def _person_after(after: str) -> str:
    m = _NAMED_AFTER.match(after) or \
        re.match(r"^\s+(?:[a-z]+\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})", after)
    if m is not None and _DEMONYMS.fullmatch(m.group("name")) and \
            _NOUN_FOLLOWS.match(after, m.end()):
        # "two 16-year-old Korean-American skaters": of whom, not who; but "a 40-year-old
        # Orsan engineer Ana Ruiz": one person's nationality and role, then the name.
        m = _ROLE_THEN_NAME.match(after, m.end())
    return _person_key(m.group("name")) if m else ""


# "the gunman, 22,": a single person named by a role alone ("the youngest victim, 3," is
# one of several, told apart by its adjective: not read).
_APPOSITIVE_END = re.compile(r"\s*[,;.)]")
_AGE_ROLE_BEFORE = re.compile(r"(?:^|[^\w\s]\s*|\s)[Tt]he\s+([a-z]{3,}),\s$")
# "the 25-year-old gunman was": the role noun after a definite article's age.
_ROLE_AFTER = re.compile(r"^\s+([a-z]{3,})\b(?=\s*[,.;]|\s+(?:was|is|had|has|who|said|died|"
                         r"of|from|in|at|on)\b)")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def _role_after(before: str, after: str) -> str:
    """The role of the one person an age belongs to ("the 25-year-old gunman was ..."),
    when no name follows; "" for "a 25-year-old man" (anyone) or a plural."""
    m = _ROLE_AFTER.match(after)
    if m is None or not _THE_BEFORE.search(before) or m.group(1).endswith("s"):
        return ""
    return stem(m.group(1))


# A singular role noun (or two) right before a name.
_ROLE_THEN_NAME = re.compile(r"\s+(?:[a-z]+\s+)?[a-z]{3,}(?<!s)\s+"
                             r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})")


def _person_key(name: str) -> str:
    """Given name and last surname: relatives share a surname, not an age; a middle name
    or a double surname's hyphen is written by some sources only ("Ana Ruiz Soto" =
    "Ana María Ruiz-Soto")."""
    words = re.split(r"[\s-]+", name.strip())
    if not name.strip():
        return ""
    given = words[0].lower()
    # A familiar form of an English given name is the same person ("Dick" = "Richard").
    given = _FAMILIAR_NAMES.get(given, given) if len(words) > 1 else given
    return " ".join(dict.fromkeys((given, words[-1].lower())))


# Familiar forms of common English given names (hypocorisms, a closed class of the
# language) -> the formal name; forms shared by a man's and a woman's name ("Chris",
# "Alex", "Sam") are left out.
_FAMILIAR_NAMES = {familiar: formal for formal, forms in (
    ("richard", "dick rick ricky richie"), ("william", "bill billy will willie"),
    ("robert", "bob bobby rob robbie"), ("james", "jim jimmy"),
    ("michael", "mike mikey mick"), ("thomas", "tom tommy"), ("anthony", "tony"),
    ("joseph", "joe joey"), ("charles", "charlie chuck"), ("edward", "eddie ted"),
    ("daniel", "dan danny"), ("david", "dave davey"), ("john", "jack johnny"),
    ("margaret", "maggie peggy"), ("elizabeth", "liz lizzie beth betty"),
    ("katherine", "kate katie kathy"), ("patricia", "patty tricia"),
    ("jennifer", "jen jenny"), ("susan", "sue susie"), ("deborah", "deb debbie"),
    ("kenneth", "ken kenny"), ("stephen", "steve stevie"), ("gregory", "greg"),
    ("timothy", "tim timmy"), ("benjamin", "ben benny"), ("nicholas", "nick nicky"),
    ("matthew", "matt"), ("andrew", "andy"), ("ronald", "ron ronnie"),
    ("donald", "don donnie"), ("lawrence", "larry"), ("frederick", "fred freddie"),
    ("peter", "pete"), ("douglas", "doug"), ("raymond", "ray"), ("walter", "walt"),
) for familiar in forms.split()}


def _person_before(before: str) -> str:
    names = re.findall(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+", before)
    return names[-1] if names else ""


# "a $3.1 billion flat-price contract": the agreement a sum qualifies.
_AGREEMENT_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?:contract|deal|agreement|settlement)s?\b")


def agreement_sum(text: str, f: Figure) -> bool:
    """A sum that an agreement named right after it is worth ("a $4bn contract")."""
    return f.dimension == "money" and bool(_AGREEMENT_AFTER.match(text, f.end))


# Nouns of work done on a thing, which a sum before them says the cost of: "a £8.7m 66-week
# refurbishment", "a $40 million upgrade".
_WORKS_AFTER = re.compile(r"\s+(?:(?!(?:in|for|of|to|and|on|from|the|an?|as|by|with)\s)[\w-]+\s+)"
                          r"{0,2}?(?:refurbishment|renovation|refit|retrofit|"
                          r"upgrade|overhaul|repairs?|restoration|rebuild|rebuilding|"
                          r"reconstruction|redevelopment|modernis[a-z]*|moderniz[a-z]*|"
                          r"makeover|revamp|expansion|extension|construction)s?\b", re.I)
# What may stand between a cue and the figure it introduces: "home to between 400 and 600".
_CUE_BEFORE_FIGURE = re.compile(r"\s+(?:(?:of|at|to|by)\s+)?(?:(?:between|about|around|some|"
                                r"nearly|almost|roughly|more\s+than|over|up\s+to|at\s+least)"
                                r"\s+)?")
# A relative clause opened after a noun: what follows speaks of that noun.
_RELATIVE_BREAK = re.compile(r",\s+(?:which|where|whose)\b")


# A verb of reaching a height (a closed class), and the words that say it is water's.
_REACHED_BEFORE = re.compile(r"\b(?:reach(?:ed|es|ing)?|peak(?:ed|s|ing)?\s+at|"
                             r"crest(?:ed|s|ing)?\s+at|topp(?:ed|ing)\s+out\s+at)\s+$", re.I)
_WATER_WORDS = re.compile(r"\b(?:rivers?|waters?|floods?|floodwaters?|tides?|lakes?|seas?|"
                          r"reservoirs?|gauges?|quays?|levels?)\b", re.I)
# A name after "the": the water a level is of ("the Ouse", "the river Severn", "The French
# Broad River").
_THE_NAME = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
# A negated comparative of height right before the figure.
_NEVER_HIGHER_BEFORE = re.compile(r"\b(?:never|no)\s+(?:[a-z]+\s+){0,2}?(?:higher|above)\s+"
                                  r"(?:than\s+)?$", re.I)
# A verb of expecting with the count as its object (the active form of "are expected").
_EXPECTS_BEFORE = re.compile(r"\bexpect(?:s|ed|ing)?\s+$", re.I)


def _with_property(text: str, figure: Figure, all_figures: list[Figure]) -> Figure:
    """The property: the nearest cue within REACH characters that is no nearer to another
    figure of the sentence, among the properties its dimension can take."""
    if figure.prop or figure.dimension not in _PROPERTIES_OF:
        return figure
    if figure.dimension == "count" and _EXPECTS_BEFORE.search(text, max(0, figure.start - 30),
                                                              figure.start):
        # "officials expect 9,000 fans to attend": the count expected, as "9,000 fans are
        # expected to attend" says it with the participle.
        return _replace_prop(figure, _acted("expected"))
    if figure.dimension == "length" and _REACHED_BEFORE.search(text, max(0, figure.start - 30),
                                                               figure.start) and \
            _WATER_WORDS.search(text):
        # "the river reached 5.02 metres", "peaked at 9 feet at the quay": how high the
        # water stood, as "stood at" says; of the water named before it ("the Ouse").
        names = [m.group(1) for m in _THE_NAME.finditer(text, 0, figure.start)
                 if not _CALENDAR_WORD.fullmatch(m.group(1).split()[0])]
        return replace(_replace_prop(figure, "level"),
                       thing=names[-1].lower() if names else figure.thing)
    if figure.dimension == "length" and _NEVER_HIGHER_BEFORE.search(
            text, max(0, figure.start - 40), figure.start):
        # "never got higher than about 650 feet", "rose no higher than 3 metres": the
        # highest it went, a height (not how much higher one thing is than another).
        return _replace_prop(figure, "height")
    if agreement_sum(text, figure):
        return _replace_prop(figure, "value")  # what the contract is worth, as "worth" says
    if figure.dimension == "money" and _WORKS_AFTER.match(text, figure.end):
        return _replace_prop(figure, "cost")  # "a £8.7m refurbishment": what the work cost
    if figure.dimension == "speed" and _BY_BEFORE.search(text, 0, figure.start):
        return figure  # "winds jumped by 80 mph": how much a speed grew, not the speed
    if figure.dimension == "percent" and _VOTED_AFTER.match(text, figure.end):
        # "61% of members voted to ...": a ballot's share, of no sum or toll, nor a share
        # of the whole (each vote's share differs, no rival of another's).
        return replace(figure, thing="")
    if _REFUSED_OFFER.search(text, max(0, figure.start - 90), figure.start):
        return figure  # "rejected an offer of $40 a share": terms refused, not what holds
    allowed = _PROPERTIES_OF[figure.dimension]
    best: tuple[int, str] | None = None
    best_end = 0  # where the best cue ends, to tell a cue in an earlier clause
    own = ""  # a cue after the figure in its own clause ("12 were later rescued")
    who = ""
    lo, hi = max(0, figure.start - REACH), min(len(text), figure.end + REACH)
    # "Six members of the road crew": the of-phrase says who the counted are, with them.
    group = _GROUP_OF.match(text[figure.end:]) if figure.dimension == "count" else None
    noun_end = figure.end + (group.end() if group else 0)
    if figure.dimension == "count" and (there := _PRESENT_AT.match(text, noun_end)):
        # "110 miners working in the shaft when the blast hit": who was there at the time,
        # unless the clause goes on to say what befell them ("... were killed").
        rest = text[there.end():]
        rest = rest[:re.search(r"[.;,]|$", rest).start()]
        if not any(_PROPERTY_CUES[m.group(1).lower()] in _PROPERTIES_OF["count"]
                   for m in _PROPERTY_PATTERN.finditer(rest)):
            return _replace_prop(figure, "present")
    # "640 people, including 85 children, were rescued": the aside's figure is a part of
    # this one, and what is said after the aside is said of both.
    aside = _INCLUDING.match(text[noun_end:])
    aside_end = noun_end + (aside.end() if aside else 0)
    for m in _PROPERTY_PATTERN.finditer(text, lo, hi):
        if figure.end <= m.start() < noun_end:
            if _PROPERTY_CUES[m.group(1).lower()] in _WHO_CUES:
                who = _PROPERTY_CUES[m.group(1).lower()]  # "members of the crew"
            continue
        inside = figure.start <= m.start() < figure.end
        if inside and figure.dimension != "count":
            continue
        prop = _PROPERTY_CUES[m.group(1).lower()]
        if prop not in allowed:
            continue
        if _DENIED_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "33 people who had not been on board", "were never injured": denied
        if m.group(1).lower() in ("away", "off") and \
                _PARTICLE_AFTER_VERB.search(text, max(0, m.start() - 24), m.start()):
            continue  # "roads washed away", "swept off": a verb's particle, no distance
        if figure.dimension == "money" and text[m.start() - 1:m.start()] == "-":
            continue  # "a flat-price contract", "a low-cost loan": a kind of deal, no sum's
        if m.group(1).lower() in _SEEKING and _REST.search(figure.text):
            continue  # "kept looking for four others": the rest of a group, not its missing
        if figure.dimension == "count" and _TO_BEFORE.search(text, 0, m.start()):
            continue  # "ready to die", "came to rescue": an infinitive is not what befell them
        if inside and prop in _WHO_CUES:
            # "140 passengers": the noun names who is counted; what befell them, said in
            # the clause ("were killed", "are missing"), is the property when there is one.
            # ("passengers and crew": two kinds of people aboard are all those aboard.)
            who = "aboard" if who and who != prop else prop
            continue
        if inside and _ANOTHER_WORD.match(text, m.end(), figure.end) and \
                (prop == "recorded" or not _STATE_WORD.fullmatch(m.group())):
            # "40 rescue volunteers": a noun's job, not what befell them; "12,000 registered
            # voters": a standing kind of person (a tally is told with its verb).
            continue
        if m.start() >= noun_end and _AND_THEN.fullmatch(text, noun_end, m.start()) and \
                _ACTIVITY_NOUN.match(text, m.end()) and not _STATE_WORD.fullmatch(m.group()):
            continue  # "40 dead and rescue efforts went on": a new subject's modifier
        if _AGENT.search(m.group()) and figure.dimension == "count" and prop not in _WHO_CUES:
            continue  # "11 rescuers", "rescuers said 310": who acts, not what befell them
        distance = 0 if inside else _distance(figure, m.start(), m.end())
        if m.group(1).lower() in _ADJACENT_CUES and (m.end() > figure.start or distance > 2):
            continue  # "measured 3.12 metres", but not "measured at magnitude 6.5, struck 76 km"
        # "Four men, who had been fixing the road, died": a relative clause is set aside.
        between = _RELATIVE.sub("", _CONVERTED_AFTER.sub("", text[noun_end:m.start()])) \
            if m.start() >= noun_end else ""
        if m.start() >= figure.end and _CLAUSE_BREAK.search(between) and not (
                _APPOSITIVE.search(text[:figure.start]) and re.fullmatch(r",\s+(?:\w+\s+){0,2}",
                                                                         between)):
            # A cue after the figure speaks for it only within its clause (an appositive
            # ", or 14 cubic kilometres, has drained" is inside the clause).
            continue
        if not _follows(text, figure, m.start()) and any(
                other is not figure and not noun_end <= other.start < aside_end and
                not _shares_predicate(text, figure, other, m.start()) and
                prop in _PROPERTIES_OF.get(other.dimension, ()) and (
                    _follows(text, other, m.start()) or
                    _distance(other, m.start(), m.end()) < distance)
                for other in all_figures):
            continue  # the cue belongs to a nearer figure, or ends another's clause
        if m.start() >= figure.end and any(
                other.start >= m.end() and prop in _PROPERTIES_OF.get(other.dimension, ()) and
                _CUE_BEFORE_FIGURE.fullmatch(text, m.end(), other.start)
                for other in all_figures):
            continue  # "120 flats, home to between 400 and 600 people": the next figure's cue
        if m.end() <= figure.start and _RELATIVE_BREAK.search(text, m.end(), figure.start):
            # "people are unaccounted for in the tower, which has 150 flats": a relative
            # clause speaks of its own noun, not of what befell the main clause's.
            continue
        if not own and _follows(text, figure, m.start()):
            own = prop
        if best is None or distance < best[0]:
            best, best_end = (distance, prop), m.end()

    if best and own and best_end <= figure.start and \
            _CLAUSE_BREAK.search(text, best_end, figure.start):
        # "victims still missing, though 40 people were rescued": a cue in an earlier
        # clause yields to the verb of the figure's own clause.
        best = (0, own)
    if who and (best is None or best[1] not in _NOT_ABOARD) and \
            not _SOME_OF.match(figure.text):
        # "All 9 crew members survived": still the crew; only a harm splits them off.
        return _replace_prop(figure, who)
    return figure if best is None else _replace_prop(figure, best[1])


# A negation right before a cue denies the state ("had not been aboard", "were never
# hurt", "is no longer missing").
_DENIED_BEFORE = re.compile(r"\b(?:not|never|n['’]t|no\s+longer)\s+(?:yet\s+)?"
                            r"(?:been\s+|be\s+|have\s+been\s+)?$", re.I)


# "and" opening a new subject after the counted noun, and the noun a cue word modifies there
# ("and rescue efforts continued", "and evacuation orders stand"): the cue names an
# activity, not what befell the counted.
_AND_THEN = re.compile(r"\s+and\s+(?:the\s+)?")
_ACTIVITY_NOUN = re.compile(r"[a-z]*\s+(?:[a-z]+s|operation|effort|work|mission|service)\b")


# Where the counted were when it happened: "were inside the mine at the time", "working
# underground when the blast hit" (a site's occupants, as "aboard" is a craft's).
_PRESENT_AT = re.compile(r"\s+(?:(?:were|was)\s+)?(?:working|inside|in|at|underground)\s+"
                         r"(?:[^.;,]{0,50}?\s)?(?:at\s+the\s+time\b|when\s+\w)",
                         re.I)


# Who took people out (a named rescuer as the subject of an active verb of rescue, or after
# "by"): "the Coast Guard has rescued 525 people", "40 were airlifted by the National Guard".
_RESCUE_VERBS = r"(?:rescued|evacuated|airlifted|saved|plucked|pulled)"
_AGENT_BEFORE = re.compile(r"(?:^|[,;:]\s*|\b(?:and|while|but|said|says)\s+)(?:[Tt]he\s+)?"
                           r"((?:[A-Z][\w.'’-]*\s+){1,5}?)(?:has\s+|have\s+|had\s+)?"
                           r"(?:(?:so\s+far|now|also|already)\s+)?" + _RESCUE_VERBS +
                           r"\s+(?:[a-z]+\s+){0,2}$")
_AGENT_AFTER = re.compile(r"[^,;:.]{0,40}?\b" + _RESCUE_VERBS + r"\s+by\s+(?:the\s+)?"
                          r"((?:[A-Z][\w.'’-]*\s*)+)")
_RESCUES = frozenset({"rescued", "evacuated"})


def _by_agent(text: str, f: Figure) -> Figure:
    """A count of people rescued or evacuated credited to one named rescuer is
    that rescuer's share, never a rival of the count all rescuers made: its property
    names the rescuer (its name's last two words)."""
    if f.dimension != "count" or f.prop not in _RESCUES:
        return f
    m = _AGENT_BEFORE.search(text, max(0, f.start - 80), f.start) or \
        _AGENT_AFTER.match(text, f.end)
    if m is None:
        return f
    words = m.group(1).split()
    if _NOT_DESIGNATION.intersection(words[:1]) or _NOT_PLACE.fullmatch(words[0]) or (
            len(words) == 1 and not re.search(r"\b(?:the|by)\s+$", text[:m.start(1)], re.I)):
        # "In all, ...", "Sunday's ...": no rescuer; "Crews rescued 30", a capital only
        # for opening the sentence, names a kind of rescuer, which any report may mean.
        return f
    return replace(f, prop=f"{f.prop} by {' '.join(words[-2:]).lower()}")


# "Six investigators from the Safety Board", "14 engineers from abroad": where a group of
# people of no stated fate comes from, which tells two groups of one kind apart.
_ORIGIN_AFTER = re.compile(r"(?:\s+(?:have\s+|has\s+|had\s+)?(?:come|came|arrived|flown\s+in|"
                           r"flew\s+in))?"
                           r"\s+from\s+(?:the\s+|its\s+)?(abroad|overseas|elsewhere|"
                           r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
ORIGIN = "from "  # a noun of a count that names where its group comes from


def _with_origin(text: str, f: Figure) -> Figure:
    """A count of a kind of people of whom nothing befell, said with where they come from:
    the origin joins its nouns, so a group from elsewhere is another group."""
    if f.dimension != "count" or f.prop or not f.nouns or f.nouns[-1] == "people" or \
            not (m := _ORIGIN_AFTER.match(text, f.end)):
        return f
    return replace(f, nouns=(ORIGIN + m.group(1).lower(), *f.nouns))


# Two cues joined by "or": "rescued or evacuated", "dead or missing".
_CUE_WORDS = "|".join(sorted((re.escape(c) for c in _PROPERTY_CUES if " " not in c), key=len,
                             reverse=True))
_EITHER_CUES = re.compile(rf"\b({_CUE_WORDS})[a-z]*\s+or\s+(?:were\s+|been\s+)?({_CUE_WORDS})",
                          re.I)


def _either(text: str, f: Figure) -> Figure:
    """A count of people who met either of two fates ("850 people were rescued or
    evacuated") is a count of its own, never either fate's: its property names both."""
    if f.dimension != "count" or not f.prop or f.prop.startswith(HAS) or " or " not in text:
        return f
    end = _CLAUSE_BREAK.search(text, f.end)
    m = _EITHER_CUES.search(text, max(0, f.start - 40), end.start() if end else len(text))
    if m is None:
        return f
    props = {_PROPERTY_CUES[m.group(1).lower()], _PROPERTY_CUES[m.group(2).lower()]}
    return replace(f, prop="|".join(sorted(props))) if f.prop in props and len(props) == 2 \
        else f


# Verbs of seeking people, and the rest of a group ("four others", "two more").
_SEEKING = frozenset({"looking for", "searching for", "search for"})
_REST = re.compile(r"\b(?:others|more)$", re.I)


# Indefinite quantifiers of a part (a closed class): "several passengers were thrown out"
# counts some of those aboard, never how many were aboard.
_SOME_OF = re.compile(r"(?:several|a\s+few|a\s+handful\s+of)\s", re.I)
# A verb before "away" or "off" ("washed away", "swept off", "blown away", "torn off"):
# the particle of a phrasal verb, not how far something is.
_PARTICLE_AFTER_VERB = re.compile(r"\b[a-z]+(?:ed|en|pt|wn|orn)\s+$")


# "61% of its members voted", "52 percent of those who cast ballots backed": a ballot's share.
_VOTED_AFTER = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|those\s+)?(?:[\w-]+\s+){0,4}?"
                          r"(?:vot(?:ed|ing)|cast\s+ballots|ballots?)\b", re.I)
# "after rejecting an offer of", "turned down a bid worth": the terms of a refused proposal,
# which the later, accepted ones replace (strikes, takeovers, ransoms, transfers).
_REFUSED_OFFER = re.compile(r"\b(?:reject\w*|refus\w*|declin\w*|turn\w*\s+down|vot\w*\s+down|"
                            r"spurn\w*)\s+(?:(?:an?|the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,2}?"
                            r"(?:offer|proposal|bid|deal)s?\s+(?:of|worth|for|that|which|with)\b"
                            r"[^.;:]*$", re.I)
# A cue after the figure speaks for it only within its clause; "while", "whereas", "but"
# (a new verb: "treated 900 but gave no toll") and a vague other group ("and many others
# forced to flee") open a clause of their own.
_CLAUSE_BREAK = re.compile(r"[;:—–(]|,(?!\d)|\b(?:while|whereas|but)\b|\b(?:many|some|most|several|"
                           r"countless|numerous|hundreds\s+of|thousands\s+of)\s+others\b"
                           r"(?!\s+(?:were|was|are|is|have|had|has)\b)", re.I)


def _shares_predicate(text: str, figure: Figure, other: Figure, cue: int) -> bool:
    """Two counts joined by a bare "and", the cue in the second's clause ("25 passengers
    and four crew members have not been found"): what is said after both is said of both."""
    return figure.dimension == other.dimension == "count" and \
        _JOINED_COUNTS.fullmatch(text, figure.end, other.start) is not None and \
        _follows(text, other, cue)


def _follows(text: str, figure: Figure, cue: int) -> bool:
    """The cue comes after the figure in its own clause ("20 people had been injured")."""
    return figure.end <= cue and not re.search(r"[,;:]|\band\b|\bwhile\b|\d",
                                               text[figure.end:cue])


def _distance(figure: Figure, start: int, end: int) -> int:
    if end <= figure.start:
        return figure.start - end
    return max(start - figure.end, 0)
