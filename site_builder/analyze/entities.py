"""Named entities in sentences, merged by alias rules into topics.

Mentions are runs of capitalised words. Aliases merge by: configured aliases,
countries' names, codes and capitals, acronyms defined in the text
("The Wall Street Journal (WSJ)"), dotted and undotted forms, possessives,
plurals, and a surname after the full name. Sentence-initial capitals and
words the corpus also uses in lower case are not entities.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container
from dataclasses import dataclass, field

from ..text import STOPWORDS, word_spans
from .gazetteer import gazetteer

# Words that open a person's title: stripped from the name, and a hint that a name follows.
TITLE_HEADS = frozenset("""
president minister secretary ambassador chancellor senator governor mayor spokesperson spokesman
spokeswoman general gen gen. sen sen. rep rep. king queen pope leader chief director commander
admiral judge justice speaker ceo chairman chairwoman chair mr mr. mrs mrs. ms ms. dr dr. prof
prof. lt col colonel captain sgt sergeant lieutenant major premier emir prince princess sheikh
envoy adviser advisor analyst executive mp lawmaker congressman congresswoman founder economist
professor
""".split())
TITLE_MODIFIERS = frozenset("""
prime vice deputy foreign defense defence finance interior state former acting chief us u.s.
national security first lord supreme foreign-affairs economy trade energy justice home health
""".split())
ORG_WORDS = frozenset("""
ministry council industries congress journal post times center centre institute university
department agency bank party forces army navy company corporation corp inc ltd group committee
commission office house parliament government administration union organization organisation
association fund foundation court senate assembly network news service guard staff command
studies reuters press tribune herald gazette telegraph guardian independent daily weekly review
broadcasting television radio airlines motors technologies systems electric energy holdings
partners capital securities exchange board authority federation league club alliance coalition
""".split())
PLACE_WORDS = frozenset("""
region sea ocean islands island valley mountains peninsula strait river province oblast county
state city gulf bay desert coast border
""".split())
SYSTEM_NOUNS = frozenset("""
missile missiles system systems battery batteries interceptor interceptors jet jets tank tanks
drone drones rocket rockets launcher launchers aircraft fighter fighters helicopter helicopters
shell shells howitzer howitzers vehicle vehicles satellite satellites vaccine vaccines app apps
software platform warship warships submarine submarines bomber bombers
""".split())
STATE_NOUNS = frozenset("""
government officials authorities forces troops military army navy president leader leaders
administration ministry embassy
""".split())
_NOT_ENTITIES = frozenset("""
january february march april may june july august september october november december monday
tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov
dec i mr mrs ms dr gdp ceo ai pm am tv id ok
""".split())
_CONNECTORS = {"of", "for", "and", "de", "la", "du", "von", "van", "al", "bin", "the", "on"}
_ACRONYM = re.compile(r"\s*\((?P<short>[A-Z][A-Za-z.&]{1,9})\)")


@dataclass(slots=True)
class Mention:
    surface: str  # as written, without a possessive
    key: str  # normalised: dots, case and a leading "the" removed
    start: int
    end: int
    titled: bool = False  # preceded by a person's title
    next_word: str = ""  # the lower-case word right after, e.g. "missiles"
    acronym: str | None = None  # "(WSJ)" right after the mention
    initial: bool = False  # the first word of its sentence


def entity_key(surface: str) -> str:
    """Normalised form used to compare spellings: U.S. == US, The Journal == Journal."""
    key = surface.replace(".", "").replace("’", "'").casefold()
    key = re.sub(r"^the\s+", "", key)
    return " ".join(key.split())


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word))


def find_mentions(sentence: str, lower_vocab: Container[str]) -> list[Mention]:
    """Capitalised-word runs in a sentence, with titles and sentence-initial words handled."""
    spans = word_spans(sentence)
    mentions: list[Mention] = []
    i = 0
    while i < len(spans):
        if not _is_cap(spans[i].group(0)):
            i += 1
            continue
        j = i
        run = [spans[i]]
        saw_of = False
        while j + 1 < len(spans):
            gap = sentence[spans[j].end() : spans[j + 1].start()]
            if run[-1].group(0).endswith(("’s", "'s")) or gap not in (" ", "-"):
                break
            nxt = spans[j + 1].group(0)
            if _is_cap(nxt):
                run.append(spans[j + 1])
                j += 1
            elif (_joins(nxt, saw_of) and j + 2 < len(spans) and _is_cap(spans[j + 2].group(0))
                  and sentence[spans[j + 1].end() : spans[j + 2].start()] == " "):
                saw_of = saw_of or nxt in ("of", "for")
                run.append(spans[j + 1])
                j += 1
            else:
                break
        mentions.extend(_split_run(sentence, run, i == 0 or _opens_sentence(sentence, spans[i]),
                                   lower_vocab, spans, j))
        i = j + 1
    return mentions


def _all_countries(token: str) -> bool:
    parts = token.split("-")
    return len(parts) > 1 and all(entity_key(p) in gazetteer().countries for p in parts)


def _joins(word: str, saw_of: bool) -> bool:
    # "Ministry of Finance", "Center for Strategic and International Studies";
    # but "Lockheed Martin and RTX" are two names.
    return word in _CONNECTORS and (word not in ("and", "the") or saw_of)


def _opens_sentence(sentence: str, span: re.Match[str]) -> bool:
    return not sentence[: span.start()].strip(" \"“‘'(")


def _split_run(sentence: str, run: list[re.Match[str]], initial: bool,
               lower_vocab: Container[str], spans: list[re.Match[str]], last: int
               ) -> list[Mention]:
    tokens = [m.group(0) for m in run]
    # Drop connectors at the edges and a sentence-initial ordinary word ("However", "Growing").
    while tokens and not (len(tokens[0]) > 1 and tokens[0].isupper()) and (
            tokens[0].lower() in STOPWORDS or tokens[0].lower() in _CONNECTORS
            or (initial and tokens[0].lower() in lower_vocab
                and tokens[0].lower() not in TITLE_HEADS)):
        tokens, run = tokens[1:], run[1:]
        initial = False
    while tokens and tokens[-1].lower() in _CONNECTORS:
        tokens, run = tokens[:-1], run[:-1]
    # "Japan-made Patriot", "US-Japan alliance": compounds describe, they do not name.
    while tokens and (re.search(r"-[a-z]", tokens[0]) or _all_countries(tokens[0])):
        tokens, run = tokens[1:], run[1:]
        initial = False
    if not tokens:
        return []
    # "US Congress", "U.S. Patriot": a country code or name in front of another name.
    if len(tokens) > 1 and entity_key(tokens[0]) in gazetteer().countries and \
            entity_key(" ".join(tokens)) not in gazetteer().country_of:
        first = _make(sentence, run[:1], spans, None, lower_vocab)
        rest = _split_run(sentence, run[1:], False, lower_vocab, spans, last)
        return ([first] if first else []) + rest
    # A title ("US Defense Secretary", "Prime Minister") splits off what precedes it
    # and marks what follows as a person's name.
    lowered = [t.lower().rstrip(".") for t in tokens]
    head = max((k for k, t in enumerate(lowered) if t in TITLE_HEADS or f"{t}." in TITLE_HEADS),
               default=-1)
    if head >= 0 and head < len(tokens) - 1:
        start_title = head
        while start_title > 0 and lowered[start_title - 1] in TITLE_MODIFIERS | TITLE_HEADS:
            start_title -= 1
        before = _make(sentence, run[:start_title], spans, None, lower_vocab)
        name = _make(sentence, run[head + 1 :], spans, last, lower_vocab, titled=True)
        return [m for m in (before, name) if m]
    if head >= 0:
        return []  # only a title, no name
    mention = _make(sentence, run, spans, last, lower_vocab)
    if mention is None:
        return []
    before = sentence[: run[0].start()].split()[-1:]
    if before and (before[0] in ("said", "says", "told") or before[0].lower() in TITLE_HEADS):
        # "said Rahm Emanuel", "chief executive Priya Nair"
        mention.titled = mention.titled or len(tokens) >= 2
    return [mention]


def _make(sentence: str, run: list[re.Match[str]], spans: list[re.Match[str]], last: int | None,
          lower_vocab: Container[str], titled: bool = False) -> Mention | None:
    if not run:
        return None
    start, end = run[0].start(), run[-1].end()
    surface = sentence[start:end]
    possessive = re.search(r"['’]s$", surface)
    if possessive:
        surface = surface[: possessive.start()]
    elif surface.endswith("'"):
        surface = surface[:-1]
    key = entity_key(surface)
    if not key or key in _NOT_ENTITIES or key.isdigit() or (
            key in STOPWORDS and not surface.replace(".", "").isupper()):
        return None
    if len(run) == 1 and key in lower_vocab and not surface.replace(".", "").isupper():
        return None  # an ordinary word that happens to be capitalised
    next_word = ""
    after = sentence[end:]
    word = re.match(r"\s+([a-z][\w-]*)", after)
    if word and not possessive:
        next_word = word.group(1)
    acronym = _ACRONYM.match(after)
    return Mention(surface, key, start, end, titled, next_word,
                   acronym.group("short").replace(".", "") if acronym else None,
                   initial=_opens_sentence(sentence, run[0]))


def _initials_match(acronym: str, name: str) -> bool:
    initials = "".join(w[0] for w in name.split() if w.lower() not in _CONNECTORS).upper()
    letters = acronym.upper()
    it = iter(initials)
    return all(ch in it for ch in letters) and letters[0] == initials[:1]


@dataclass
class TopicDraft:
    """A merged entity before it gets a slug and a page."""

    key: str
    kind: str
    surfaces: Counter[str] = field(default_factory=Counter)
    next_words: Counter[str] = field(default_factory=Counter)
    titled: int = 0
    name: str = ""


def resolve(mentions: list[Mention], config_aliases: dict[str, list[str]],
            exclude: list[str]) -> tuple[dict[str, str], dict[str, TopicDraft]]:
    """Merge mention keys into topics.

    Returns `key -> topic key` for every mention key kept, and the topics by key.
    """
    places = gazetteer()
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
    canonical: dict[str, str] = {}
    # Configured aliases come first: the editor's word is final.
    for name, spellings in config_aliases.items():
        for spelling in [name, *spellings]:
            canonical[entity_key(spelling)] = entity_key(name)
    for key in by_key:
        if key in canonical:
            continue
        country = places.country_of.get(key)
        if country and entity_key(country) != key:
            canonical[key] = entity_key(country)
    for key, found in by_key.items():
        for m in found:
            if m.acronym and _initials_match(m.acronym, m.surface):
                canonical.setdefault(entity_key(m.acronym), canonical.get(key, key))
    # Plurals ("Patriots") and demonym + state noun ("Japanese government").
    for key in by_key:
        if key.endswith("s") and key[:-1] in by_key and key not in canonical:
            canonical[key] = canonical.get(key[:-1], key[:-1])
    people = _people(by_key)
    # A name counts as a person's when a title or "said" marks it, or its surname stands alone.
    surnames = {key.split()[-1] for key in people}
    titled = {key for key in people if any(m.titled for m in by_key[key])
              or key.split()[-1] in by_key}
    people = {key for key in people if key in titled and key.split()[-1] in surnames}
    for key in by_key:
        if " " in key or key in canonical:
            continue
        owners = {p for p in people if p.split()[-1] == key}
        if len(owners) == 1:
            canonical[key] = owners.pop()
    excluded = {entity_key(x) for x in exclude}
    for key, found in by_key.items():
        if key in canonical or key in places.country_of:
            continue
        if all(m.initial for m in found) and " " not in key and not found[0].surface.isupper():
            excluded.add(key)  # only ever capitalised because it starts a sentence
        country = places.demonym_of.get(key)
        if country:
            # "Japanese government" is Japan; "Japanese" alone is an adjective.
            for m in found:
                if m.next_word in STATE_NOUNS:
                    canonical[key] = entity_key(country)
            if key not in canonical:
                excluded.add(key)
    result: dict[str, str] = {}
    drafts: dict[str, TopicDraft] = {}
    for key, found in by_key.items():
        target = canonical.get(key, key)
        target = canonical.get(target, target)
        if key in excluded or target in excluded:
            continue
        draft = drafts.get(target)
        if draft is None:
            draft = drafts[target] = TopicDraft(target, "")
        for m in found:
            draft.surfaces[m.surface] += 1
            if m.next_word:
                draft.next_words[m.next_word] += 1
            draft.titled += m.titled
        result[key] = target
    for draft in drafts.values():
        draft.kind = _kind(draft, people)
        draft.name = _display_name(draft, config_aliases)
    return result, drafts


def _people(by_key: dict[str, list[Mention]]) -> set[str]:
    people = set()
    for key, found in by_key.items():
        parts = key.split()
        if 2 <= len(parts) <= 4 and not set(parts) & (ORG_WORDS | PLACE_WORDS) and \
                all(m.surface[:1].isupper() for m in found) and \
                all(p.isalpha() or "-" in p or "'" in p for p in parts) and \
                not gazetteer().country_of.get(key):
            people.add(key)
    return people


def _kind(draft: TopicDraft, people: set[str]) -> str:
    places = gazetteer()
    words = set(draft.key.split())
    if draft.key in places.country_of:
        return "place"
    if words & ORG_WORDS:
        return "organisation"
    if words & PLACE_WORDS or draft.key in places.cities:
        return "place"
    nouns = sum(count for word, count in draft.next_words.items() if word in SYSTEM_NOUNS)
    if nouns and nouns * 2 >= sum(draft.surfaces.values()):
        return "system"
    surfaces = list(draft.surfaces)
    if any(s.replace(".", "").isupper() and len(s.replace(".", "")) >= 2 for s in surfaces):
        return "organisation"
    if draft.key in people and draft.titled:
        return "person"
    return "other"


def _display_name(draft: TopicDraft, config_aliases: dict[str, list[str]]) -> str:
    for name in config_aliases:
        if entity_key(name) == draft.key:
            return name
    country = gazetteer().country_of.get(draft.key)
    if country:
        return country
    # The fullest spelling, then the most used: "The Wall Street Journal" over "WSJ".
    best = max(draft.surfaces.items(),
               key=lambda item: (len(item[0].replace(".", "").split()),
                                 not item[0].replace(".", "").isupper(), item[1], item[0]))[0]
    if draft.kind == "system" and draft.next_words:
        noun = max((w for w in draft.next_words if w in SYSTEM_NOUNS),
                   key=lambda w: (draft.next_words[w], w), default="")
        if noun:
            # "Patriots" + "missiles" -> "Patriot missile"
            base = best[:-1] if best.endswith("s") and best[:-1] in draft.surfaces else best
            return f"{base} {_singular(noun)}"
    return best


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun
