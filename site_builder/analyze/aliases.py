"""Alias rules that join the keys of entity mentions: each one names a kind of spelling.

Every rule looks keys up in an index built for it (by initials, by last words, by
normalised spelling, by a short prefix), so the work grows with the number of
distinct keys, never with their pairs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable

from rapidfuzz.distance import Indel, Levenshtein

# Short forms of the words of names ("Corp" for "Corporation", "Mt" for "Mount").
SUFFIX_FORMS = {
    "corp": "corporation", "co": "company", "cos": "companies", "inc": "incorporated",
    "ltd": "limited", "dept": "department", "univ": "university", "intl": "international",
    "natl": "national", "assn": "association", "govt": "government", "mfg": "manufacturing",
    "bros": "brothers", "&": "and", "admin": "administration", "comm": "commission",
    "mt": "mount",
}
# A company's legal or corporate form: its name alone is the company ("Harlow [Group]"),
# even when that name is one word (a one-word name less "bridge" is a town's).
CORPORATE_FORMS = frozenset("""
group inc incorporated corp corporation co company ltd limited plc llc holdings
""".split())
# Class nouns that may be left off the end of a name ("the Golden Gate [Bridge]",
# "Harlow Financial [Group]"): structures, and the legal or corporate form of a company.
TRAILING_CLASS_NOUNS = frozenset("""
bridge dam tower towers building plant station airport port canal tunnel stadium hospital
reservoir mine pipeline highway motorway railway line companies
""".split()) | CORPORATE_FORMS
# Structure heads of roads: a road's name is often a designation ("the A7 motorway").
ROAD_HEADS = frozenset("highway motorway expressway freeway".split())
# Lower-case class nouns that, after a name, make one name of a structure or a body of
# water ("the Varno dam", "the Ostra river"), with the modifiers that may come between
# ("the Varno hydroelectric power plant"). "HPP" and "NPP" are the usual short forms of
# hydroelectric and nuclear power plants.
STRUCTURE_HEADS = frozenset("""
dam bridge reservoir river canal lake plant station airport market tunnel pipeline mine hpp npp
mosque church cathedral temple synagogue shrine chapel
""".split()) | ROAD_HEADS
STRUCTURE_MODIFIERS = frozenset("""
nuclear power hydroelectric hydropower coal gas chemical thermal water treatment suspension
railway rail road toll steel weekend night floating hpp npp international regional municipal
""".split())
# Heads that name one facility however written: a dam is also its hydroelectric plant.
WORKS_HEADS = frozenset("dam plant station hpp npp".split())
CONNECTORS = frozenset({"of", "for", "and", "de", "del", "la", "du", "von", "van", "al", "bin",
                        "the", "on", "da", "di", "y", "do", "dos", "das", "della", "dei", "des",
                        "der", "den"})
# Particles of surnames ("da Silva", "van der Berg"), the connectors of people's names.
PARTICLES = CONNECTORS - {"of", "for", "and", "the", "on", "y"}
# How many neighbours (sorted by length) a key is compared with inside its block.
_WINDOW = 16


class Joiner:
    """Union-find over mention keys; the root of a set is its preferred key."""

    def __init__(self, keys: Iterable[str], fixed: Iterable[str] = ()) -> None:
        self.parent = {k: k for k in keys}
        self.fixed = set(fixed)  # roots that win every union (configured names, countries)

    def add(self, key: str) -> None:
        """Make `key` known (for canonical names that no mention spells)."""
        self.parent.setdefault(key, key)

    def find(self, key: str) -> str:
        """The root of `key`'s set."""
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, key: str, target: str) -> None:
        """Join `key` into `target`'s set; the target's root stays the root unless fixed."""
        self.add(key)
        self.add(target)
        a, b = self.find(key), self.find(target)
        if a == b:
            return
        if a in self.fixed and b not in self.fixed:
            a, b = b, a
        self.parent[a] = b


def suffix_normal(key: str) -> str:
    """A key with short corporate forms spelled out: "fdic corp" -> "fdic corporation"."""
    return " ".join(SUFFIX_FORMS.get(w, w) for w in key.split())


def initials(key: str) -> str:
    """The first letters of a name's words, connectors left out: "bank of england" -> "be"."""
    return "".join(w[0] for w in key.split() if w not in CONNECTORS and w[0].isalpha())


def join_spellings(keys: list[str], joiner: Joiner) -> None:
    """Keys equal once short corporate forms are spelled out are one name."""
    by_normal: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        by_normal[suffix_normal(key)].append(key)
    for normal, group in by_normal.items():
        # The spelled-out form is the root where a mention uses it.
        target = normal if normal in group else min(group)
        for key in group:
            joiner.union(key, target)


def join_initialisms(shorts: list[str], names: list[str], joiner: Joiner,
                     blocked: Callable[[str], bool], prefixes: Iterable[str] = (),
                     endings: tuple[str, ...] = ()) -> None:
    """An all-capitals word whose letters are the initials of exactly one longer name.

    Covers initialisms the text never defines in parentheses ("HVB" for "Harlow
    Valley Bank"), also with a country code in front (`prefixes`: "USGS" for "the U.S.
    Geological Survey", whether the code was written apart or opens the name); a short
    form that could be several names is left alone. A word compounded with an
    organisation's word (one of `endings`: "Shipmanagement") may give the initial of
    either part or of both ("BSM" for "Bernhard Schulte Shipmanagement").
    """
    prefixes = tuple(prefixes)
    # One pattern for all the endings, so a word is read once, not once per ending.
    compound = re.compile(r"[a-z]{3,}(" + "|".join(map(re.escape, endings)) + ")") \
        if endings else None
    by_initials: dict[str, set[str]] = defaultdict(set)
    for name in names:
        if len(name.split()) >= 2 and not blocked(name):
            for letters in _initials_of_compounds(name, compound):
                by_initials[letters].add(name)
            code, _, rest = name.partition(" ")
            if code in prefixes and len(rest.split()) >= 2:
                # "us geological survey" is "USGS": the code keeps all its letters.
                by_initials[code + initials(rest)].add(name)
    for short in shorts:
        if blocked(short):
            continue
        owners = {joiner.find(n) for n in by_initials.get(short, ())}
        if not owners:
            owners = {joiner.find(n) for code in prefixes if short.startswith(code)
                      for n in by_initials.get(short[len(code):], ())}
        if not owners and len(short) >= 3:
            # "JAL" for "Japan Airlines": the initials, and one more letter of the last word
            # (a carrier's or a body's code often takes one).
            owners = {joiner.find(n) for n in by_initials.get(short[:-1], ())
                      if short[-1] in n.split()[-1][1:]}
        if len(owners) == 1:
            joiner.union(short, owners.pop())


# Compound words of one name read both ways, at most (3 give 27 initialisms).
_MOST_COMPOUNDS = 3


def _initials_of_compounds(name: str, compound: re.Pattern[str] | None) -> set[str]:
    """The name's initials, with each compound word ("shipmanagement": `compound`
    matches it whole, its ending as group 1) read as its first part's letter, its
    ending's, or both."""
    found = {""}
    split = 0
    for word in name.split():
        if word in CONNECTORS or not word[0].isalpha():
            continue
        # Each compound word triples the readings: past a few, the rest read plainly.
        parts = (compound.fullmatch(word)
                 if compound and len(word) >= 10 and split < _MOST_COMPOUNDS else None)
        split += bool(parts)
        ending = parts.group(1)[0] if parts else ""
        letters = {word[0], ending, word[0] + ending} if ending else {word[0]}
        found = {done + more for done in found for more in letters}
    return found


def join_partial_names(keys: list[str], joiner: Joiner, blocked: Callable[[str], bool],
                       named: Collection[str] = (), kind_words: Collection[str] = ()) -> None:
    """A name that is the end of exactly one longer name ("Tamsin" of "Hurricane Tamsin",
    "Reuters" of "Thomson Reuters"), or that name less a trailing class noun ("the
    Golden Gate" of "the Golden Gate Bridge"; of two words, only a corporate form:
    "Harlow" of "Harlow Group").

    The end of a name after a connector ("Santa Clara" in "Bank of Santa Clara") names
    something else, and so does anything `blocked` (places, class words), unless
    its owners are all in `named`: a person's or an event's name (a surname, or a
    storm's name, that is also a town's). A one-word name is also the start of the
    one two-word name it begins, unless the second word is in `kind_words` (a class
    word such as "river" or "storm": the name of another thing).
    """
    present = set(keys)
    named = set(named)
    tails: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split()
        for cut in range(1, len(words)):
            if words[cut - 1] not in CONNECTORS and words[cut] not in CONNECTORS:
                tails[" ".join(words[cut:])].add(key)
        # "golden gate bridge" -> "golden gate", "harlow financial group" -> "harlow financial"
        if (len(words) >= 3 and words[-1] in TRAILING_CLASS_NOUNS) or (
                len(words) == 2 and words[-1] in CORPORATE_FORMS):
            head = " ".join(words[:-1])
            if head in present and not blocked(head):
                joiner.union(head, key)
    heads: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split()
        # "Veltrix" of "Veltrix Expeditions": a one-word name and one more word
        # that is not a place's or a model's ("Corva Airlines", "Aerion 380" stay apart).
        if len(words) == 2 and words[1].isalpha() and words[1] not in kind_words:
            heads[words[0]].add(key)
    for key in keys:
        if key in heads and key not in tails and not blocked(key):
            owners = {joiner.find(k) for k in heads[key]}
            if len(owners) == 1:
                joiner.union(key, owners.pop())
    # Longer names first, so that "Anne Marie Okoro" has joined "Ruth Anne Marie Okoro"
    # before "Okoro" counts its owners.
    for key in sorted(keys, key=lambda k: (-len(k.split()), k)):
        if key not in tails or (blocked(key) and not tails[key] <= named):
            continue
        owners = {joiner.find(k) for k in tails[key]}
        if len(owners) == 1:
            joiner.union(key, owners.pop())


def join_variants(keys: list[str], joiner: Joiner, blocked: Callable[[str], bool]) -> None:
    """Spelling variants of one long transliterated name (Gorbachev / Gorbachyov).

    Only long names with the same first three letters and word count are compared
    (one edit for 8 letters or more, two from 12), and no key with a digit: "F-15"
    and "F-16" are different things. Two `blocked` keys (both known places, say) are
    joined only where they differ in letters that romanisations of one sound swap (see
    `romanised`); an unknown spelling may join a known one (Ostravia / Ostravya).
    """
    # Compared with short forms spelled out: "Mt Kell" is written as "Mount Kell".
    blocks: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for key in keys:
        normal = suffix_normal(key)
        if len(normal) >= 8 and not any(c.isdigit() for c in key):
            blocks[(normal[:3], len(key.split()))].append((normal, key))
    for block in blocks.values():
        block.sort(key=lambda item: (len(item[0]), item))
        for i, (normal, key) in enumerate(block):
            for other_normal, other in block[i + 1 : i + 1 + _WINDOW]:
                if len(other_normal) - len(normal) > 2:
                    break
                limit = 2 if len(normal) >= 12 else 1
                if normal.rstrip("s") == other_normal.rstrip("s") or (
                        blocked(key) and blocked(other)
                        and romanised(key) != romanised(other)):
                    continue  # plurals have their own rule
                if Levenshtein.distance(normal, other_normal, score_cutoff=limit) <= limit:
                    joiner.union(key, other)


# Letters that romanisations of one sound swap ("Kalabech"/"Kalabesh" for French and
# English spellings, "Qandahar"/"Kandahar", "Yeltsyn"/"Yeltsin"): read as one.
_ROMANISED = [(re.compile(r"(?:sch|tch|ch|sh)"), "sh"), (re.compile(r"(?:ck|q|c(?=[aou]))"), "k"),
              (re.compile(r"(?:ou|oo)"), "u"), (re.compile(r"y(?=[^aeiou]|$)"), "i"),
              (re.compile(r"ph"), "f"), (re.compile(r"dj"), "j"), (re.compile(r"(.)\1"), r"\1")]


def romanised(key: str) -> str:
    """A key with the letters that romanisations of one sound swap read as one."""
    for pattern, letters in _ROMANISED:
        key = pattern.sub(letters, key)
    return key


def join_hyphenations(keys: list[str], joiner: Joiner) -> None:
    """A name written with and without a hyphen between words is one name
    ("Ana Ruiz-Mora" / "Ana Ruiz Mora"); a code's hyphen ("F-16") has its own rule. So is
    a transliterated name written as one word and as two ("Kafrbatna" / "Kafr Batna"):
    letters only, eight or more of them."""
    by_normal: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        by_normal[unhyphenated(key)].append(key)
    for group in by_normal.values():
        for key in group[1:]:
            joiner.union(key, group[0])
    run_together: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        letters = _NOT_LETTERS.sub("", key).replace(" ", "")
        if len(letters) >= 8 and len(key.split()) <= 3:
            run_together[letters].append(key)
    for group in run_together.values():
        if len(group) > 1 and len({len(k.split()) for k in group}) > 1:
            for key in group[1:]:
                joiner.union(key, group[0])


# Generational suffixes after a person's name ("Ana Ruiz Jr."): the same person without it.
_GENERATIONS = frozenset("jr sr ii iii iv".split())


def join_generations(people: Collection[str], keys: list[str], joiner: Joiner) -> None:
    """A person's name with a generational suffix ("Luis Mora Jr.") is the person the text
    also names without it ("Luis Mora"), where that shorter name is written too."""
    present = set(keys)
    for key in people:
        head, _, last = key.rpartition(" ")
        if last in _GENERATIONS and len(head.split()) >= 2 and head in present:
            joiner.union(key, head)


def join_airport_names(airports: Collection[str], keys: list[str], joiner: Joiner,
                       blocked: Callable[[str], bool]) -> None:
    """"Orly" of "Orly Airport": an airport whose proper name (`airports`: written "X
    Airport", not "the X airport", the airport of X) is named for something other than
    a city (a district, a person) goes by that name alone; where the name is a known
    place (a city), the name alone is the city's."""
    present = set(keys)
    for key in airports:
        name, _, head = key.rpartition(" ")
        if head == "airport" and name in present and not blocked(name):
            joiner.union(name, key)


def join_place_vowel_spellings(keys: list[str], joiner: Joiner,
                               blocked: Callable[[str], bool]) -> None:
    """Two transliterations of one place's name of two or three words that differ in one
    vowel of one word ("Kafr Batna" / "Kafr Betna"), the other words the same: the
    differing word five letters or more and its consonants in place. Known places, and
    names not read as places (`blocked`: "Maria Ruiz" / "Mario Ruiz" are two people),
    are left alone."""
    by_shape: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in keys:
        words = key.split()
        if 2 <= len(words) <= 3 and key.replace(" ", "").isalpha() and not blocked(key):
            by_shape[tuple(_VOWELS.sub("*", w) for w in words)].append(key)
    for group in by_shape.values():
        group.sort()
        for other in group[1:]:
            first = group[0]
            differ = [(a, b) for a, b in zip(first.split(), other.split(), strict=True)
                      if a != b]
            if len(differ) == 1 and len(differ[0][0]) >= 5 and sum(
                    x != y for x, y in zip(*differ[0], strict=True)) == 1:
                joiner.union(other, first)


def unhyphenated(key: str) -> str:
    """A key with hyphens between letters read as spaces."""
    return re.sub(r"(?<=[a-z])-(?=[a-z])", " ", key)


def join_short_forenames(people: Collection[str], joiner: Joiner) -> None:
    """A person's full name and the same name with a short form of the forename cut from
    inside it ("Liz" of "Elizabeth", "Lex" of "Alexander"): the rest of the name the
    same, the short form three letters or more. A short form that opens or ends the longer
    forename ("Ria" / "Riana", "Ana" / "Mariana") is as often another of the family, and is
    left apart."""
    by_rest: dict[str, list[str]] = defaultdict(list)
    for key in people:
        words = key.split()
        if len(words) >= 2:
            by_rest[" ".join(words[1:])].append(key)
    for group in by_rest.values():
        for short in group:
            first = short.split()[0]
            owners = {joiner.find(long) for long in group
                      if len(first) >= 3 and first in long.split()[0][1:-1]}
            if len(owners) == 1:
                joiner.union(short, owners.pop())


def join_middle_names(people: Collection[str], joiner: Joiner) -> None:
    """A person's name with and without a middle name ("Ana Lucia Ruiz Mora" / "Ana Ruiz
    Mora"): first and last words the same, one inner word left out, three words left
    (two could be another of the family), and only one longer name that fits."""
    fuller: dict[str, set[str]] = defaultdict(set)
    for key in people:
        words = unhyphenated(key).split()
        for cut in range(1, len(words) - 1):
            if len(words) >= 4:
                fuller[" ".join(words[:cut] + words[cut + 1 :])].add(key)
    for key in sorted(people):
        owners = {joiner.find(k) for k in fuller.get(unhyphenated(key), ())}
        if len(owners) == 1:
            joiner.union(key, owners.pop())


def join_before_particles(people: Collection[str], keys: list[str], joiner: Joiner) -> None:
    """A person's name with a surname after a particle ("Luiz Inácio Lula da Silva") is
    also written up to the particle ("Luiz Inácio Lula") or by the word before it alone
    ("Lula"), where one such name fits."""
    present = set(keys)
    short: dict[str, set[str]] = defaultdict(set)
    for key in people:
        words = key.split()
        for p in range(2, len(words) - 1):
            if words[p] in PARTICLES and words[p - 1] not in PARTICLES:
                short[words[p - 1]].add(key)
                short[" ".join(words[:p])].add(key)
                break
    for name, owners in short.items():
        found = {joiner.find(k) for k in owners}
        if name in present and len(found) == 1:
            joiner.union(name, found.pop())


def join_added_surnames(people: Collection[str], joiner: Joiner) -> None:
    """A person's name of three words or more and the same name with one more name word
    at the end ("Ram Mohan Naidu" / "Ram Mohan Naidu Kinjarapu", a family or clan name
    some sources add): one person, where only one longer name fits."""
    longer: dict[str, set[str]] = defaultdict(set)
    for key in people:
        words = key.split()
        if len(words) >= 4 and words[-1].isalpha():
            longer[" ".join(words[:-1])].add(key)
    for key in sorted(people):
        owners = {joiner.find(k) for k in longer.get(key, ())}
        if len(key.split()) >= 3 and len(owners) == 1:
            joiner.union(key, owners.pop())


def join_clippings(keys: list[str], joiner: Joiner, is_body: Callable[[str], bool]) -> None:
    """A short name that clips the first word of one organisation's long name and keeps
    some of its other words, in order ("Ruri Rail" for "Ruritania Department of Rail
    Transport"): the long name has four words or more, and exactly one fits."""
    longs: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        words = key.split()
        if len(words) >= 4 and is_body(key):
            longs[words[0][:3]].append(key)
    for key in keys:
        words = key.split()
        if not 2 <= len(words) <= 3 or len(words[0]) < 3 or not key.replace(" ", "").isalpha():
            continue
        owners = {joiner.find(long) for long in longs.get(words[0][:3], ())
                  if _clips(words, long.split())}
        if len(owners) == 1:
            joiner.union(key, owners.pop())


def _clips(short: list[str], long: list[str]) -> bool:
    """The short words: a proper prefix of the long name's first word, then later words."""
    if not (long[0].startswith(short[0]) and len(short[0]) < len(long[0])):
        return False
    rest = iter(long[1:])
    return all(word in rest for word in short[1:])


def structure_parts(key: str) -> tuple[str, frozenset[str], str] | None:
    """A structure's key split into its proper name, modifiers and head noun:
    "varno hydroelectric power plant" -> ("varno", {"hydroelectric", "power"}, "plant")."""
    words = key.split()
    if len(words) < 2 or words[-1] not in STRUCTURE_HEADS:
        return None
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in STRUCTURE_MODIFIERS:
        cut -= 1
    return " ".join(words[:cut]), frozenset(words[cut:-1]), words[-1]


def join_structures(keys: list[str], joiner: Joiner) -> None:
    """One structure written several ways: "the Varno dam", "the Varno hydroelectric dam",
    "Varno HPP" and "the Varno Hydroelectric Power Plant" are one facility, and so are
    "the Ostra plant" and "the Ostra nuclear power plant". A dam and its reservoir, or a
    name's nuclear and hydroelectric plants, stay apart; so does a plant whose kind is
    unsaid when both kinds exist.
    """
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key in keys:
        parts = structure_parts(key)
        if parts is None:
            continue
        proper, modifiers, head = parts
        if head in WORKS_HEADS:
            nuclear = "nuclear" in modifiers or "npp" in modifiers or head == "npp"
            hydro = bool({"hydroelectric", "hydropower", "hpp"} & modifiers) or head in (
                "dam", "hpp")
            tag = "nuclear" if nuclear and not hydro else "hydro" if hydro and not nuclear else ""
            groups[(proper, "works")].append((key, tag))
        else:
            # "the A7 motorway" and "the A7 highway" are one road.
            groups[(proper, "road" if head in ROAD_HEADS else head)].append((key, ""))
    for members in groups.values():
        tags = {tag for _, tag in members if tag}
        for tag in sorted(tags) or [""]:
            same = [key for key, t in members if t == tag or (not t and len(tags) <= 1)]
            for key in same[1:]:
                joiner.union(key, same[0])


# "Flight 7C2216": a flight number with its airline's two-character code in front.
_CODED_FLIGHT = re.compile(r"\bflight ([a-z0-9]{2})(\d{1,4})$")
_FLIGHT = re.compile(r"\bflight (\d{1,4})$")


def join_flight_codes(keys: list[str], joiner: Joiner) -> None:
    """One flight number is one flight in a story, whoever is named as its operator (a
    regional brand's "X Eagle Flight 12" is the mainline's "X Airlines Flight 12"), and
    written with or without its airline's code ("Flight 7C2216" / "Flight 2216")."""
    by_number: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        plain = _FLIGHT.search(key)
        if plain:
            by_number[plain.group(1)].add(key)
    for group in by_number.values():
        first, *rest = sorted(group)
        for key in rest:
            joiner.union(key, first)
    for key in keys:
        coded = _CODED_FLIGHT.search(key)
        if not coded or coded.group(1).isdigit():
            continue
        owners = {joiner.find(k) for k in by_number.get(coded.group(2), ())}
        if len(owners) == 1:
            joiner.union(key, owners.pop())


_MODEL_WORD = re.compile(r"([a-z]{2,4})\d{2,4}")
# A designation word: letters then digits ("xr4", "h60"); a bare number is a mission's or
# an edition's ("Apollo 11"), not a model's.
_MODEL_CODE = re.compile(r"[a-z]{1,4}\d{1,4}[a-z]{0,2}")


def join_model_families(shorts: list[str], keys: list[str], joiner: Joiner,
                        blocked: Callable[[str], bool]) -> None:
    """A model's letter code alone ("the QX" for the "QX400") is that model, where one
    model (with or without its maker's name) has that code: written in capitals (a
    `short`), and never a name some other rule settled (`blocked`)."""
    by_code: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        for word in key.split():
            model = _MODEL_WORD.fullmatch(word)
            if model:
                by_code[model.group(1)].add(key)
    for short in shorts:
        if blocked(short) or joiner.find(short) != short:
            continue
        owners = {joiner.find(k) for k in by_code.get(short, ())}
        if len(owners) == 1:
            joiner.union(short, owners.pop())


# A model's variant: its code, a hyphen and a series number ("a350-900", "737-800").
_VARIANT = re.compile(r"(?P<code>[a-z]{0,4}\d{2,4})-\d{1,4}[a-z]?")


def join_model_variants(keys: list[str], joiner: Joiner) -> None:
    """A model's variant written alone ("the A350-900") is the model the text names
    without the series ("the A350", "the Aerion A350"), where exactly one such name is
    written: the story's one aircraft or vehicle, told at two precisions."""
    by_code: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split()
        if _MODEL_CODE.fullmatch(words[-1]) or words[-1].isdigit():
            by_code[words[-1]].add(key)
    for key in keys:
        *maker, last = key.split()
        variant = _VARIANT.fullmatch(last)
        if variant:
            # "Velto V400-200" is the "Velto V400" or the "V400", not the "Marna V400".
            owners = {joiner.find(k) for k in by_code.get(variant.group("code"), ())
                      if not maker or k.split()[:-1] in ([], maker)}
            if len(owners) == 1:
                joiner.union(key, owners.pop())


def join_designated_names(keys: list[str], joiner: Joiner) -> None:
    """A model's name written after different designations ("the XR-4 Sea Kestrel",
    "the Aerion R-4 Sea Kestrel", "the Sea Kestrel"): a name of two words or more that
    also follows a designation word (letters then digits) in longer names is one model
    with them."""
    by_tail: dict[str, set[str]] = defaultdict(set)
    present = set(keys)
    for key in keys:
        words = key.split()
        for cut in range(1, len(words) - 1):
            tail = " ".join(words[cut:])
            if _MODEL_CODE.fullmatch(words[cut - 1]) and tail.replace(" ", "").isalpha():
                by_tail[tail].add(key)
    for tail, owners in by_tail.items():
        if tail in present:
            # A designated name is the root: the model's kind is read from its key.
            first, *rest = sorted(owners)
            for key in [tail, *rest]:
                joiner.union(key, first)


# An aircraft's or a vessel's registration written after its model ("VT-ANB", "N704AL").
_REGISTRATION = re.compile(r"[a-z]{1,2}-[a-z0-9]{3,5}|[a-z]{1,2}\d{1,5}[a-z]{1,2}")


def join_named_models(keys: list[str], joiner: Joiner, named_tail: Callable[[str], bool]) -> None:
    """A model written with its name or its registration after the designation ("Boeing
    787-8 Dreamliner", "Boeing 787-8 VT-ANB") is the model written without it ("Boeing
    787-8"): one more word after a designation word, where `named_tail` says the key's last
    word is a name (written capitalised, not a series in capitals such as "MAX")."""
    present = set(keys)
    for key in keys:
        words = key.split()
        if len(words) < 2 or not any(c.isdigit() for c in words[-2]) or \
                not (_MODEL_CODE.fullmatch(words[-2].replace("-", "")) or
                     re.fullmatch(r"[a-z]{0,4}\d{1,4}(?:-\d{1,4})?[a-z]?", words[-2])):
            continue
        head = " ".join(words[:-1])
        if head in present and (_REGISTRATION.fullmatch(words[-1]) or
                                (words[-1].isalpha() and named_tail(key))):
            joiner.union(key, head)


def join_short_structures(keys: list[str], joiner: Joiner) -> None:
    """A long structure's name cut to two of its words, the last the one before its class
    noun ("Varno International" of "the Ana Ruiz Varno International Airport"), where
    exactly one long name of four words or more fits."""
    longs: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split()
        if len(words) >= 4 and words[-1] in TRAILING_CLASS_NOUNS - CORPORATE_FORMS:
            longs[words[-2]].add(key)
    for key in keys:
        words = key.split()
        if len(words) != 2 or not key.replace(" ", "").isalpha():
            continue
        owners = {joiner.find(long) for long in longs.get(words[1], ())
                  if words[0] in long.split()[:-2]}
        if len(owners) == 1:
            joiner.union(key, owners.pop())


_VOWELS = re.compile(r"[aeiouy]")
_NOT_LETTERS = re.compile(r"[^a-z ]")


def _skeleton(word: str) -> str:
    """A transliterated word's consonants in order, its first letter kept and doubled
    letters once ("Abdel-Moneim" -> "abdlmnm"): scripts that leave short vowels unwritten
    are transliterated with different vowels."""
    word = _NOT_LETTERS.sub("", word)
    shape = word[:1] + _VOWELS.sub("", word[1:])
    return re.sub(r"(.)\1+", r"\1", shape)


def join_transliterations(people: Collection[str], joiner: Joiner) -> None:
    """Spellings of one transliterated person's name ("Abdel-Moneim Haddadi" / "Abdulmonem
    Hadadi"): the same consonants word by word (each word's hyphens dropped), four or more
    of them (see `_skeleton`) where the words differ, and each differing pair alike (an Indel
    similarity of 0.6 or more): "Mohammed" and "Mahmoud" share their consonants and stay
    apart. A shorter differing word may differ only in a doubled letter or the order of
    its vowels (see `_reordered_vowels`)."""
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in people:
        words = key.replace("-", "").split()
        if len(words) >= 2:
            groups[tuple(_skeleton(w) for w in words)].append(key)
    for shape, group in groups.items():
        group.sort()
        for other in group[1:]:
            first = group[0]
            differ = [(s, a, b) for s, a, b in zip(shape, first.replace("-", "").split(),
                                                   other.replace("-", "").split(), strict=True)
                      if a != b]
            if all((len(s) >= 4 and Indel.normalized_similarity(a, b) >= 0.6)
                   or _reordered_vowels(a, b) for s, a, b in differ):
                joiner.union(other, first)


def _reordered_vowels(a: str, b: str) -> bool:
    """Two transliterations of a short word that differ only in a doubled letter or in
    the order of their vowels ("Osama"/"Ossama", "Rabie"/"Rabei"), consonants in place."""
    a, b = re.sub(r"(.)\1", r"\1", a), re.sub(r"(.)\1", r"\1", b)
    return len(a) >= 4 and len(a) == len(b) and sorted(a) == sorted(b) and all(
        x == y for x, y in zip(a, b, strict=True) if not (_VOWELS.match(x) and _VOWELS.match(y)))


def _same_transliteration(a: str, b: str) -> bool:
    """Two spellings of one transliterated word: equal, or the same consonants (see
    `_skeleton`) and alike ("Fahd"/"Fahad", "Yousef"/"Yusuf")."""
    return a == b or (_skeleton(a) == _skeleton(b) and len(_skeleton(a)) >= 3 and (
        Indel.normalized_similarity(a, b) >= 0.6 or _reordered_vowels(a, b)))


def join_patronymics(people: Collection[str], joiner: Joiner) -> None:
    """A short Arabic name made of the given name and "Al-" with a forebear's name ("Sami
    Al-Karim") is the full chain of names that holds both ("Sami Karim Nasser Al-Dosari"):
    the family is called after the father or grandfather, and each name may be spelled
    another way; where exactly one longer name fits."""
    longs: dict[str, list[str]] = defaultdict(list)
    for key in people:
        words = key.split()
        if len(words) >= 3:
            longs[_skeleton(words[0])].append(key)
    for key in sorted(people):
        words = key.split()
        if len(words) != 2 or not re.fullmatch(r"(?:al|el)-[a-z]{3,}", words[1]):
            continue
        forebear = words[1][3:]
        owners = {joiner.find(long) for long in longs.get(_skeleton(words[0]), ())
                  if _same_transliteration(words[0], long.split()[0]) and any(
                      _same_transliteration(forebear, re.sub(r"^(?:al|el)-", "", w))
                      for w in long.split()[1:])}
        if len(owners) == 1:
            joiner.union(key, owners.pop())


def join_styled_given_names(styled: Collection[str], people: Collection[str],
                            joiner: Joiner) -> None:
    """A given name alone after an honorific style ("Sheikh Sami", "Prince Omar", "Sir
    Alan"): such styles go with the given name, so it is the one person whose full name
    opens with it (or with another spelling of it)."""
    firsts: dict[str, set[str]] = defaultdict(set)
    for key in people:
        first = key.split()[0]
        firsts[_skeleton(first)].add(key)
    for key in sorted(styled):
        owners = {joiner.find(k) for k in firsts.get(_skeleton(key), ())
                  if _same_transliteration(key, k.split()[0])}
        if len(owners) == 1:
            joiner.union(key, owners.pop())


def _syllables_fit(short: str, words: list[str]) -> bool:
    """Is `short` made of a piece of each word in order, each opening with the word's
    first letter and going on with letters of that word in order ("AZAL" of "azerbaijan
    airlines": "az" and "a(ir)l(ines)")?"""
    if not words:
        return not short
    word, rest = words[0], words[1:]
    return any(short[0] == word[0] and _in_order(short[1:size], word[1:])
               and _syllables_fit(short[size:], rest)
               for size in range(1, min(len(word), len(short) - len(rest)) + 1))


def _in_order(letters: str, word: str) -> bool:
    it = iter(word)
    return all(ch in it for ch in letters)


def join_syllabic_initialisms(shorts: list[str], keys: list[str], joiner: Joiner,
                              is_body: Callable[[str], bool]) -> None:
    """A short form in capitals made of the first syllables of an organisation's words
    ("AZAL" for "Azerbaijan Airlines", "GOSCO" for "Golden Shore Company"), where the
    plain initials do not give it; exactly one body's name (`is_body`) must fit."""
    by_start: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = [w for w in key.split() if w not in CONNECTORS]
        if 2 <= len(words) <= 4 and key.replace(" ", "").isalpha() and is_body(key):
            by_start[words[0][:2]].add(key)
            by_start[words[0][0] + words[1][0]].add(key)
    for short in shorts:
        if joiner.find(short) != short or not 3 <= len(short) <= 8 or not short.isalpha():
            continue
        owners = {joiner.find(k) for k in by_start.get(short[:2], ())
                  if _syllables_fit(short, [w for w in k.split() if w not in CONNECTORS])
                  and len(short) > len([w for w in k.split() if w not in CONNECTORS])}
        if len(owners) == 1:
            joiner.union(short, owners.pop())


def join_model_initials(keys: list[str], joiner: Joiner) -> None:
    """A model written with its maker's initial before its number ("V400" for the "Velto
    400"): one word of letters then digits, the letters opening the maker's name, where
    exactly one maker's model has that number."""
    by_number: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split()
        if len(words) == 2 and words[0].isalpha() and words[1].isdigit():
            by_number[words[1]].add(key)
    for key in keys:
        coded = re.fullmatch(r"([a-z]{1,2})(\d{2,4})", key)
        if not coded:
            continue
        owners = {joiner.find(k) for k in by_number.get(coded.group(2), ())
                  if k.startswith(coded.group(1))}
        if len(owners) == 1:
            joiner.union(key, owners.pop())


# Letters with a caron and the two letters other transliterations write for them.
_CARONS = str.maketrans({"č": "ch", "ć": "ch", "š": "sh", "ž": "zh", "Č": "Ch", "Ć": "Ch",
                         "Š": "Sh", "Ž": "Zh"})


def caron_spelling(surface: str) -> str:
    """A name written with carons, spelled the English way ("Kočani" -> "Kochani")."""
    return surface.translate(_CARONS)


def join_caron_spellings(spelled: dict[str, str], joiner: Joiner) -> None:
    """A Slavic name written with carons ("Kočani") and spelled with "ch", "sh" or "zh"
    ("Kochani") is one name: `spelled` maps each key written with a caron to the key of
    its English spelling, joined where that spelling is also written."""
    for key, english in sorted(spelled.items()):
        if english != key and english in joiner.parent:
            joiner.union(english, key)
