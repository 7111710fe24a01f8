"""Named entities in sentences, merged by alias rules into topics.

Mentions are runs of capitalised words. Aliases merge by: configured aliases,
countries' names, codes and capitals, acronyms defined in the text
("The Wall Street Journal (WSJ)"), dotted and undotted forms, possessives (and names
that end in one: "Lloyd's List"), plurals, and a surname after the full name.
Sentence-initial capitals and words the corpus also uses in lower case are not entities.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Container
from dataclasses import dataclass, field

from ..text import STOPWORDS, word_spans
from .aliases import (
    CORPORATE_FORMS,
    ROAD_HEADS,
    STRUCTURE_HEADS,
    STRUCTURE_MODIFIERS,
    WORKS_HEADS,
    Joiner,
    caron_spelling,
    join_added_surnames,
    join_airport_names,
    join_before_particles,
    join_caron_spellings,
    join_clippings,
    join_designated_names,
    join_flight_codes,
    join_generations,
    join_hyphenations,
    join_initialisms,
    join_middle_names,
    join_model_families,
    join_model_initials,
    join_model_variants,
    join_named_models,
    join_partial_names,
    join_patronymics,
    join_place_vowel_spellings,
    join_short_forenames,
    join_short_structures,
    join_spellings,
    join_structures,
    join_styled_given_names,
    join_syllabic_initialisms,
    join_transliterations,
    join_variants,
    structure_parts,
)
from .gazetteer import gazetteer

# Words that open a person's title: stripped from the name, and a hint that a name follows.
TITLE_HEADS = frozenset("""
president minister secretary ambassador chancellor senator governor mayor spokesperson spokesman
spokeswoman general gen gen. sen sen. rep rep. king queen pope leader chief director commander
admiral judge justice speaker ceo chairman chairwoman chair mr mr. mrs mrs. ms ms. dr dr. prof
prof. lt col colonel captain sgt sergeant lieutenant major premier emir prince princess sheikh
envoy adviser advisor analyst executive mp lawmaker congressman congresswoman founder economist
professor gov adm cmdr cdr capt maj brig supt det insp atty amb pres sec cpl pvt rev fr hon
sheriff commissioner administrator superintendent inspector detective officer
attorney scientist researcher engineer pilot representative delegate councillor councilor
councilman councilwoman alderman assemblyman assemblywoman legislator
prosecutor coroner ombudsman sir dame sultan sheikha
""".split())
# Offices of government: the words before them name the office's field ("Interior Minister").
OFFICE_TITLES = frozenset(
    "secretary minister governor mayor senator ambassador chancellor commissioner".split())
# Title words that also open the names of companies and things ("General Atlantic",
# "Major League"): a title only when written short or followed by a full name.
AMBIGUOUS_TITLES = frozenset(
    "general major chief justice premier speaker executive representative delegate".split())
# Nouns that, just before a name, say what kind of thing it is ("the company Roku",
# "the town of Varno", "the tanker Meridian", "governor, Ilse Marsh").
ORG_NOUNS = frozenset("""
company firm lender bank investor insurer startup start-up group agency carrier airline maker
manufacturer retailer broadcaster newspaper outlet regulator watchdog charity organisation
organization operator developer supplier contractor conglomerate publisher network fund
provider producer distributor party
""".split())
PLACE_NOUNS = frozenset("""
town city village port province state region district county municipality neighbourhood
neighborhood island suburb capital resort crossing
""".split())
PERSON_NOUNS = frozenset("""
son daughter wife husband father mother brother sister uncle aunt nephew niece cousin widow
businessman businesswoman billionaire explorer diver pilot passenger victim resident survivor
actor actress singer writer author journalist reporter photographer historian lawyer
activist campaigner volunteer witness doctor nurse teacher student farmer fisherman migrant
refugee worker priest imam pastor bishop monk nun athlete player coach artist musician poet
entrepreneur person man woman boy girl
""".split())
# Words that open a sentence without naming anything ("Instead Tamsin grew ...").
SENTENCE_ADVERBS = frozenset("""
instead meanwhile however still yet also now then later earlier today overall separately
similarly additionally nevertheless nonetheless elsewhere afterwards afterward eventually
finally initially currently previously recently thus hence therefore moreover furthermore
indeed otherwise sometimes often once twice rather roughly nearly almost approximately around
about some over under only just exactly fewer less more least
""".split())
# Compass words name regions and companies ("North Ridge Rail"), never a person.
DIRECTION_WORDS = frozenset("""
north south east west northern southern eastern western central northeast northwest southeast
southwest
""".split())
SPEECH_VERBS = frozenset("said says told added wrote explained announced according".split())
# Verbs of reporting: a one-word subject or one with "the" is a body ("the Red Cross warned").
REPORT_VERBS = SPEECH_VERBS | frozenset("reported warned stated confirmed estimated urged".split())
# Last words of companies that take a place's name ("Varno Airlines"): not a newspaper's
# ("Varno Herald") or a government's ("Varno Police").
COMPANY_WORDS = frozenset(
    "air airlines airways railroad railway railways bank energy electric motors insurance".split())
# Prepositions that make the name after them a place ("in Varno", "flights to Varno").
LOCATIVES = frozenset(
    "in at near from to across over outside inside into around throughout".split())
TITLE_MODIFIERS = frozenset("""
prime vice deputy foreign defense defence finance interior state former acting chief us u.s.
national security first lord supreme foreign-affairs economy trade energy justice home health
rear lieutenant attorney surgeon fire police warrant petty master staff
""".split())
ORG_WORDS = frozenset("""
ministry council industries congress journal post times center centre institute university
department agency bank party forces army navy company corporation corp inc ltd group committee
commission office house parliament government administration union organization organisation
association fund foundation court senate assembly network news service guard staff command
studies press tribune herald gazette telegraph guardian independent daily weekly review
broadcasting television radio airlines motors technologies systems electric energy holdings
partners capital securities exchange board authority federation league club alliance coalition
police research laboratory laboratories labs institution trust bureau regulator
survey defense defence cabinet directorate inspectorate secretariat division society
railroad railway railways airways analytics consulting insurance services programme
agencies companies ministries councils commissions force
""".split())
# Trades that end companies' names ("Brawner Builders", "Kell Salvage"); alone, or in
# the middle of a name ("Aviation Safety Board"), they are ordinary words.
TRADE_WORDS = frozenset("""
aviation builders construction salvage shipping logistics engineering mining resources petroleum
pharmaceuticals chemicals plastics manufacturing aerospace management contractors properties
media communications telecom solutions ventures enterprises
""".split())
# Long organisation words that also end compounds ("Shipmanagement", "Petrochemicals").
_ORG_ENDINGS = tuple(sorted(w for w in ORG_WORDS | TRADE_WORDS if len(w) >= 7))
PLACE_WORDS = frozenset("""
region sea ocean islands island valley mountains peninsula strait river province oblast county
state city gulf bay desert coast border run creek brook lake harbor harbour canyon facility
range cape isle isles mount mountain hill hills deep trench reef channel lagoon delta plateau
glacier volcano falls fjord atoll archipelago basin
""".split())
# Nouns of the land's and the waters' features (and of the trails laid out on them),
# which end a place's name ("the Red Sea", "Calypso Deep", "Vell Trail") or open it
# ("Mount Kell", "Cape of Storms"). Not those that are also surnames (Marsh, Woods).
GEO_FEATURES = frozenset("""
sea ocean gulf bay strait river lake islands island valley mountains peninsula desert coast
canyon creek harbor harbour cape isle isles mount mt mountain hill hills deep trench reef
channel lagoon delta plateau glacier volcano falls fjord atoll archipelago basin beach springs
heights gorge ravine gully pass cave caves swamp wetlands dunes trail
""".split())
# Feature nouns that open a place's name without "of" ("Mount Kell", "Lake Orn").
GEO_OPENERS = frozenset("mount mt cape lake isle".split())
# Last words of organisations' names that say how far they reach ("Amnesty International").
ORG_SCOPES = frozenset("international worldwide".split())
SYSTEM_NOUNS = frozenset("""
missile missiles system systems battery batteries interceptor interceptors jet jets tank tanks
drone drones rocket rockets launcher launchers aircraft fighter fighters helicopter helicopters
shell shells howitzer howitzers vehicle vehicles satellite satellites vaccine vaccines app apps
software platform warship warships submarine submarines bomber bombers ship ships vessel vessels
submersible submersibles boat boats ferry ferries tanker tankers freighter yacht plane planes
airliner jetliner airplane aeroplane spacecraft capsule rover probe train locomotive model
dredger dredgers tug tugs tugboat tugboats trawler trawlers barge barges frigate frigates
destroyer destroyers cruiser cruisers corvette corvettes liner liners schooner schooners
icebreaker icebreakers lifeboat lifeboats dinghy catamaran catamarans speedboat
""".split())
EVENT_WORDS = frozenset("""
hurricane typhoon cyclone storm earthquake quake war battle operation summit olympics election
crisis revolution uprising massacre siege festival championship tournament conference wildfire
test
""".split())
# Lower-case nouns of one-off events: after "the" and a name they name the event ("the
# Varno fire", "the Tarsk mutiny"). Singular only: "the Varno and Tarsk fires" are two.
EVENT_HEADS = frozenset("""
fire wildfire blaze bushfire mutiny rebellion revolt uprising coup insurrection earthquake
quake tsunami flood flooding eruption storm landslide mudslide avalanche derailment crash
collapse explosion blast bombing shooting massacre spill outage blackout siege riot
""".split())
# Nouns that take a number as their name ("Flight 93", "Route 66"), also to open a sentence.
# (and the numbered or lettered places of a transport site: "Runway C", "Terminal 2")
NUMBERED_NOUNS = frozenset("flight route highway interstate runway terminal platform".split())
# Nouns after a name that make it a building's ("the Sky Palms condominium").
BUILDING_NOUNS = frozenset("""
building buildings apartments apartment condominium tower hotel hospital school mall complex
compound
""".split())
# Last words of the names of streets, squares and sites ("Tasman Drive", "Vell Square").
# "Lane" and "Way" are left out: they are also surnames and ordinary words.
STREET_HEADS = frozenset("road street avenue boulevard drive beltway parkway square plaza".split())
_NAMED_PLACE_WORDS = BUILDING_NOUNS | PLACE_WORDS | PLACE_NOUNS | {"center", "centre"}
# Last words of regions' names ("Varno Oblast").
REGION_WORDS = frozenset("oblast province region county district governorate prefecture".split())
# A state's bodies, named only with their country ("the Ruritanian Embassy").
_OF_A_STATE = frozenset("embassy consulate government ministry administration".split())
# Prefixes that mark a ship's name ("USS Carney", "HMS Victory", "MV Maren").
SHIP_PREFIXES = frozenset("uss hms mv ms rms ss hmcs hmas ins rv fv usns".split())
CLASS_NOUNS = ORG_NOUNS | PLACE_NOUNS | SYSTEM_NOUNS | PERSON_NOUNS
STATE_NOUNS = frozenset("""
government officials authorities forces troops military army navy president leader leaders
administration ministry embassy
""".split())
_NOT_ENTITIES = frozenset("""
january february march april may june july august september october november december monday
tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov
dec i mr mrs ms dr gdp ceo ai pm am tv id ok et est edt pt pst pdt ct cst cdt gmt utc bst cet
cest nobody everybody somebody anybody everyone someone anyone nothing everything something
mst mdt akst akdt hst ist jst kst aest aedt acst awst nzst nzdt eet eest msk sgt hkt
pht wib
""".split())
_HONORIFICS = frozenset("mr mrs ms dr".split())
_SHORT_MONTHS = frozenset("jan feb mar apr jun jul aug sep oct nov dec".split())
_CONNECTORS = frozenset({"of", "for", "and", "de", "del", "la", "du", "von", "van", "al", "bin",
                         "the", "on", "da", "do", "dos", "das", "di", "della", "dei", "des",
                         "der", "den"})
# Particles of names from other languages ("al", "van", "de"): capitalised, they open one.
_PARTICLES = _CONNECTORS - {"of", "for", "and", "the", "on"}
_ACRONYM = re.compile(r"\s*\((?P<short>[A-Z][A-Za-z.&]{1,9})\)")
# A wire dateline: "SAN FRANCISCO, March 10 (Agency) - ": the agency credits the copy.
_DATELINE = re.compile(r"^[^()]{0,80}?\((?P<credit>[^()]{1,40})\)\s*[-–—]+\s+")
# A letter code before a number is one designation: "F 16", "XR 7".
_CODE = re.compile(r"[A-Z]{1,4}")
_NUMBER = re.compile(r"\d{1,5}[A-Za-z]?")
# A short letter code joined to its number, however written: "f-16", "f 16" -> "f16".
_CODE_NUMBER = re.compile(r"\b([a-z]{1,5})[- ](\d)")
# Up to three modifiers and a structure's head noun after a name: " nuclear power plant".
_STRUCTURE_TAIL = re.compile(r"(?:\s+(?:{})){{0,3}}\s+(?:{})\b(?!-)".format(
    "|".join(sorted(STRUCTURE_MODIFIERS)), "|".join(sorted(STRUCTURE_HEADS))))
# Places people are sheltered or held in, named for a place: "the Varno transit centre",
# "the Tarsk refugee camp" (the purpose's word is needed: "the Varno centre" is the town's).
_SHELTER_TAIL = re.compile(r"\s+(?:transit|refugee|evacuation|relief|reception|detention|"
                           r"displacement|evacuee)\s+(?:centre|center|camp|shelter)\b(?!-)")
_PLURAL_DESIGNATION = re.compile(r"(?<=\d)s\b")
# A model's name and its series letters ("Kestrel-M", "Orlan-SV"): a designation.
_LETTER_DESIGNATION = re.compile(r"[A-Z][a-z]{2,}-[A-Z]{1,2}\d?")
# A designation: letters and digits together ("747", "F16", "A320").
_DESIGNATION = re.compile(r"\d")
_CAMEL_PART = re.compile(r"(?<=[a-z])[A-Z][a-z]+")
# A brand written in one word with a capital inside ("CoreLogic", "AccuWeather"); not a
# surname with a short prefix ("McNeil", "MacLeod", "DeSantis", "LeBlanc", "DiNapoli").
_BRAND = re.compile(r"(?!Mac)[A-Z][a-z]{2,}[A-Z][a-z]+")
# Structures a company owns ("the Zentrix plant").
_OWNED_HEADS = frozenset("plant station mine market".split())
# A national body's name after its country's code ("US National Weather Service").
_CODED_BODY = re.compile(r"(?:U\.S\.|US|U\.K\.|UK|EU)\s+([A-Z][\w-]*(?:\s+(?:of\s+|for\s+|and\s+)?"
                         r"[A-Z][\w-]*)+)$")
# Country codes that open initialisms ("USGS" for the US Geological Survey).
_COUNTRY_CODES = ("us", "uk", "eu")
_DIACRITICS = re.compile(r"[\u0300-\u036f]")
# A model's number in Roman numerals ("Condor IV"), after its maker's name; but a
# building or a place keeps the name of the body it is named for ("Bank Tower II").
_ROMAN = re.compile(r"[IVX]{1,4}")
_ROMAN_MODEL = re.compile(r"^[a-z]+ (?:ii|iii|iv|v|vi|vii|viii|ix|x)$")
_PARTICLE = re.compile(r"[a-z]{1,3}-[A-Z]")
# ", the Navy's director of ...": up to six words of an appositive, up to its comma.
# (Also after a possessive name: ", Varno's provincial health director".)
_APPOSITIVE = re.compile(
    r",\s+(?:the|a|an|its|his|her|their|[A-Z][\w-]*['’]s)\s+((?:[\w'’-]+\s+){0,5}[\w'’-]+)")
# Words that name a body or an office alone after a country ("U.S. Navy", "UK Embassy").
_NAMES_BY_THEMSELVES = ORG_WORDS | STATE_NOUNS | _OF_A_STATE | TITLE_HEADS | TITLE_MODIFIERS
# "7:15 p.m. Mountain time", "16:04 Pacific Daylight Time": a clock's zone in words names
# no topic.
_ZONE_AFTER = re.compile(r"\s+(?:[Dd]aylight\s+|[Ss]tandard\s+)?[Tt]ime\b")
_CLOCK_BEFORE = re.compile(r"\d(?:\s*[ap]\.?m\.?)?\s+$", re.I)
# A radio call sign names a flight for the moment of a call, not a topic ("call sign K7").
_CALL_SIGN = re.compile(r"\bcall[ -]?sign\s+[\"“']?$", re.I)
# Bodies of government named for the fields they cover ("Department of Health, Education
# and Welfare"), and the rest of such a list after the first field.
_LISTED_BODIES = frozenset("ministry department committee commission".split())
_FIELD_LIST = re.compile(r"(?:,\s+[A-Z][a-z]+)*,?\s+and\s+[A-Z][a-z]+\b(?!\s+[A-Z])")
# ", head of the ministry's office", ", chief executive of Acme": an office without an article.
_ROLE_APPOSITIVE = re.compile(r",\s+(?:[a-z]+\s+){0,3}([a-z]+)\s+(?:of|for|at)\s")
# Short forms of the words that open places' names, written with a full stop.
_NAME_ABBREVIATIONS = frozenset("St Mt Ft Pt".split())
# Words that own a relation named before its name ("his wife, Ana Ruiz").
_KIN_OWNERS = frozenset("his her their our my its".split())
# Endings of nouns for people by their trade or cause ("neurologist", "technician").
_PERSON_ENDINGS = ("ist", "ician")
# Heads of an office named in an appositive (the title words, and "head" itself).
_ROLE_HEADS = TITLE_HEADS | {"head"}
# Nouns of a post someone holds, which after a name and "the" make it a person's
# ("Ana Ruiz, the acting relief coordinator"); not titles written before a name.
_ROLE_NOUNS = frozenset(
    "coordinator manager supervisor organiser organizer official deputy".split())
# "Ruritanian Civil Defence, known as the Blue Vests": two names for one thing.
_KNOWN_AS = re.compile(
    r",?\s+(?:and\s+)?(?:also\s+|better\s+|widely\s+)?(?:known|referred to)(?:\s+in\s+[a-z]+)?"
    r"\s+as\s+"
    r"(?:the\s+)?$|"
    # "the DHC-8-315Q, registered JA722A", "the X lifeboat, registration Y": a craft's
    # registration names that craft.
    r"(?:\s+[a-z]+)?,?\s+(?:registered|registration|tail\s+number)\s+(?:as\s+)?$")


@dataclass(slots=True)
class Mention:
    surface: str  # as written, without a possessive
    key: str  # normalised: dots, case, accents and a leading "the" removed
    start: int
    end: int
    titled: bool = False  # marked as a person's name: a title, "said", an age
    next_word: str = ""  # the lower-case word right after, e.g. "missiles"
    acronym: str | None = None  # "(WSJ)" right after the mention
    initial: bool = False  # the first word of its sentence
    class_noun: str = ""  # the lower-case noun right before: "company", "town of"
    numbered: bool = False  # a short number follows: "Category 5", "Chapter 11"
    article: bool = False  # "the" right before: "the White Helmets" (not a person)
    located: bool = False  # read as a place: "in Varno", "Marlow, Varno"
    portfolio: bool = False  # an office's field before its title: "Transportation Secretary"
    same_as: str | None = None  # the key of the name this one is "known as"
    possessive: bool = False  # written with "'s": "Lloyd's"
    owner: Mention | None = None  # the possessive name right before: "Lloyd's" of "List"
    style: str = ""  # an honorific style written before the name: "Sheikh", "Sir"


def entity_key(surface: str) -> str:
    """Normalised form used to compare spellings: U.S. == US, The Journal == Journal,
    Rodríguez == Rodriguez, F-16 == F 16 == F16."""
    key = unicodedata.normalize("NFKD", surface.replace(".", "").replace("’", "'"))
    key = _DIACRITICS.sub("", key).casefold()
    key = re.sub(r"^the\s+", "", key)
    key = _CODE_NUMBER.sub(r"\1\2", " ".join(key.split()))
    if re.search(r"[a-z].*\ds\b", key):
        key = _PLURAL_DESIGNATION.sub("", key)  # "F-16s" is the plural of "F-16"
    return key


def _is_cap(word: str) -> bool:
    # "al-Assad", "bin-Salman": a short lower-case particle joined to a name.
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word)) or \
        bool(_PARTICLE.match(word))


def _not_entity(word: str) -> bool:
    return word.lower().rstrip(".") in _NOT_ENTITIES


# A month's short form as a date: a full stop or a day's number after it ("Jan. 5").
_SHORT_MONTH_DATE = re.compile(r"\.|\s+\d")


def _name_word_not_month(sentence: str, span: re.Match[str]) -> bool:
    """A month's three-letter short form inside a name ("Zinda Jan", "Abdullah Jan"):
    without a full stop or a day's number after it, it is no date."""
    word = span.group(0)
    return len(word) == 3 and word.lower() in _SHORT_MONTHS and \
        not _SHORT_MONTH_DATE.match(sentence, span.end())


def find_mentions(sentence: str, lower_vocab: Container[str]) -> list[Mention]:
    """Capitalised-word runs in a sentence, with titles and sentence-initial words handled."""
    spans = word_spans(sentence)
    dateline = _DATELINE.match(sentence)
    body = dateline.end() if dateline else 0
    mentions: list[Mention] = []
    i = 0
    while i < len(spans):
        if not (_is_cap(spans[i].group(0)) or _code_follows(sentence, spans, i)) or (
                dateline and dateline.start("credit") <= spans[i].start() < body):
            i += 1
            continue
        nicknamed = _NICKNAMED.match(sentence, spans[i].start())
        if nicknamed:
            mentions.append(_nicknamed(sentence, nicknamed))
            while i < len(spans) and spans[i].start() < nicknamed.end():
                i += 1
            continue
        j = i
        run = [spans[i]]
        saw_of = False
        while j + 1 < len(spans):
            gap = sentence[spans[j].end() : spans[j + 1].start()]
            nxt = spans[j + 1].group(0)
            if gap == "&" and run[-1].group(0).isupper() and nxt.isupper():
                run.append(spans[j + 1])  # "AT&T", "S&P": capitals joined by an ampersand
                j += 1
                continue
            if run[-1].group(0).endswith(("’s", "'s")) or gap not in (" ", "-", ". "):
                break
            if gap == ". " and run[-1].group(0) == "No" and nxt[:1].isdigit() and len(run) > 1:
                run.append(spans[j + 1])  # "North Ridge No. 32N": a numbered thing
                j += 1
                continue
            if gap == ". " and run[-1].group(0) in _NAME_ABBREVIATIONS and _is_cap(nxt):
                run.append(spans[j + 1])  # "St. Petersburg", "Ft. Worth": one name
                j += 1
                continue
            if gap == ". " and re.fullmatch(r"[A-Z]", run[-1].group(0)) and \
                    re.fullmatch(r"[A-Z][a-z][\w'’-]+", nxt) and nxt.lower() not in STOPWORDS:
                run.append(spans[j + 1])  # "N. Chandrasekaran": an initial, then the name
                j += 1
                continue
            if gap == ". ":
                break
            if _not_entity(nxt) and not _not_entity(run[-1].group(0)) and \
                    not _name_word_not_month(sentence, spans[j + 1]):
                break  # "HVB Friday": a weekday or month ends a name
            if (_is_cap(nxt) and (not _not_entity(nxt) or _name_word_not_month(
                    sentence, spans[j + 1]))) or _model_number(
                    run[-1].group(0), nxt, run[-2].group(0) if len(run) > 1 else ""):
                run.append(spans[j + 1])
                j += 1
            elif nxt == "the" and _verb_the_noun(sentence, spans, j, run, lower_vocab, body):
                run.extend(spans[j + 1 : j + 3])  # "Save the Children": one name
                j += 2
                break
            elif nxt == "on" and run[-1].group(0).lower() in PLACE_WORDS | ORG_WORDS:
                break  # "the Noto Peninsula on New Year's Day": a name ends at its class word
            elif ((_joins(nxt, saw_of) or (nxt == "and" and len(run) == 1
                                           and _org_name_follows(sentence, spans, j + 2))
                   or (nxt == "and" and _place_with_and(run[-1].group(0), spans, j + 2)))
                  and j + 2 < len(spans) and _is_cap(spans[j + 2].group(0))
                  and not _not_entity(spans[j + 2].group(0))
                  and sentence[spans[j + 1].end() : spans[j + 2].start()] == " "):
                saw_of = saw_of or nxt in ("of", "for")
                run.append(spans[j + 1])
                j += 1
            else:
                break
        j = _listed_fields(sentence, spans, run, j, lower_vocab)
        initial = i == 0 or _opens_sentence(sentence, spans[i], body)
        found = _split_run(sentence, run, initial, lower_vocab, body)
        if found and found[0].start == run[0].start():
            _extend_day_name(sentence, found[0], body)
        # "Agency/Jane Doe", "AP Photo/John Roe": a photo credit names no topic.
        # ("R$50 billion", "A$12m": a currency's prefix letter names nothing.)
        found = [m for m in found if sentence[m.end : m.end + 1] not in ("/", "$")
                 and sentence[m.start - 1 : m.start] != "/"
                 and not _CALL_SIGN.search(sentence, 0, m.start)
                 and not ((_ZONE_AFTER.match(sentence, m.end) or m.key.endswith(" time"))
                          and _CLOCK_BEFORE.search(sentence, 0, m.start))]
        if found:
            _extend_structure(sentence, found[-1], body)
            _extend_event(sentence, found[-1], body)
        if found and mentions and (
                _KNOWN_AS.match(sentence[mentions[-1].end : found[0].start])
                or _named_in_apposition(sentence, mentions[-1], found[0])):
            found[0].same_as = mentions[-1].key
        if found and mentions and mentions[-1].possessive and \
                sentence[mentions[-1].end : found[0].start] == " ":
            found[0].owner = mentions[-1]
        if found and mentions and found[0].next_word in REPORT_VERBS and \
                sentence[mentions[-1].end : found[0].start] == " and ":
            # "Maersk and Hapag-Lloyd said": both names are subjects of the report.
            mentions[-1].next_word = found[0].next_word
        mentions.extend(found)
        i = j + 1
    return _past_events(sentence, mentions)



def _named_in_apposition(sentence: str, name: Mention, other: Mention) -> bool:
    """"Rosavia, the Federal Air Agency, said": a one-word name, then "the" and a body's
    full name set off by commas, which is that body's other name (its native name and
    the English one). Not in a list ("Acme, the Federal Air Agency and Zentrix", or one
    that runs on after the comma with "and")."""
    return (" " not in name.key and sentence[name.end : other.start] == ", the "
            and len(other.key.split()) >= 2 and other.key.split()[-1] in ORG_WORDS
            and bool(_APPOSITION_END.match(sentence, other.end)))


# The end of a name set off by commas: a comma or the sentence's end, no list after it.
_APPOSITION_END = re.compile(r"\s*(?:,(?!\s+(?:and|or)\b)|[.;)]|$)")
# ", Ruritania's federal air agency,": a lower-case appositive that gives a body's name.
_LOWER_APPOSITION = re.compile(
    r",\s+(?:the\s+|[A-Z][\w-]*['’]s\s+)((?:[a-z][\w-]*\s+){{1,5}}(?:{}))"
    r"(?=\s*(?:,(?!\s+(?:and|or)\b)|[.;)]|$))".format("|".join(sorted(ORG_WORDS))))


# A person's name with a nickname in quotation marks inside: 'Richard "Dick" Eastland'.
_NICKNAMED = re.compile(r"([A-Z][a-z]+)\s+[\"“]([A-Z][a-z]+)[\"”]\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                        r"(?![\w'’-])")


def _nicknamed(sentence: str, found: re.Match[str]) -> Mention:
    """The full name of a person written with a nickname inside (a person's, so titled),
    the same person as the nickname and the surname ("Dick Eastland")."""
    forename, nickname, surname = found.groups()
    word = re.match(r"\s+([a-z][\w-]*)", sentence[found.end():])
    return Mention(f"{forename} {surname}", entity_key(f"{forename} {surname}"),
                   found.start(), found.end(), titled=True,
                   next_word=word.group(1) if word else "",
                   initial=_opens_sentence(sentence, found),
                   same_as=entity_key(f"{nickname} {surname}"))


# The key of a past event named by its year and noun.
_PAST_EVENT_KEY = re.compile(r"(?:1[89]|20)\d\d [a-z]+")
# "the 1987 flood": a year and an event's noun name a past event, with no name between.
_PAST_EVENT = re.compile(r"\bthe\s+((?:1[89]|20)\d\d\s+([a-z]+))\b(?![-'’])", re.I)


def _past_events(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each past event named by its year and noun added, in order."""
    added = [Mention(m.group(1), entity_key(m.group(1)), m.start(1), m.end(1))
             for m in _PAST_EVENT.finditer(sentence) if m.group(2) in EVENT_HEADS]
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m.start)


# The key of a name made of a word, "the" and a noun ("save the children").
_VERB_THE_NOUN = re.compile(r"[a-z]+ the [a-z]+")


def _verb_the_noun(sentence: str, spans: list[re.Match[str]], j: int,
                   run: list[re.Match[str]], lower_vocab: Container[str], body: int) -> bool:
    """"Save the Children", "Feed the Hungry": a body named by a verb, "the" and a noun.
    The capitalised word before "the" opens no sentence (a conjunction may come
    first: "And Save the Children said") and is no place, nor read as one ("in Varno
    the Army"), nor after a verb of speech ("told Reuters the Navy"); the word after
    "the" is an ordinary plural noun capitalised, and the name ends with it."""
    if j + 2 >= len(spans) or sentence[spans[j].end() : spans[j + 2].start()] != " the ":
        return False
    word, noun = spans[j].group(0), spans[j + 2].group(0)
    lead = [m.group(0) for m in run[:-1]]
    if not (word.isalpha() and word[1:].islower() and noun.isalpha() and noun[1:].islower()
            and noun.lower() in lower_vocab):
        return False
    if any(w.lower() not in _CONNECTORS | {"and", "but", "or"} for w in lead):
        return False  # part of a longer name
    start = run[0].start() if not lead else run[-1].start()
    before = sentence[body:start].split()
    if (not before and not lead) or (before and before[-1].lower().strip(",;:") in
                                     SPEECH_VERBS | REPORT_VERBS | LOCATIVES):
        return False
    after = spans[j + 3].group(0) if j + 3 < len(spans) else ""
    if after[:1].isupper() and sentence[spans[j + 2].end() : spans[j + 3].start()] == " ":
        return False  # "the Coast Guard": the name runs on, and is the name
    key = entity_key(word)
    places = gazetteer()
    return not (_not_entity(word) or key in places.country_of or key in places.cities
                or key in places.regions or key in places.demonym_of)


def _listed_fields(sentence: str, spans: list[re.Match[str]], run: list[re.Match[str]],
                   j: int, lower_vocab: Container[str]) -> int:
    """"the Ministry of Land, Transport and Tourism": a government body named for a list
    of fields runs on through the list (one capitalised word each, none a place's, one at
    least an ordinary word the text also writes in lower case: "the Department of Justice,
    Acme and Zentrix" lists three names); the run is extended in place and the index of
    its last word returned."""
    words = [m.group(0) for m in run]
    if words[:1] == ["The"]:
        words = words[1:]
    if len(words) != 3 or words[0].lower() not in _LISTED_BODIES or words[1] != "of":
        return j
    listed = _FIELD_LIST.match(sentence, run[-1].end())
    fields = re.findall(r"[A-Z]\w+", listed.group(0)) if listed else []
    if not fields or any(_all_places([w]) for w in fields) or not any(
            w.lower() in lower_vocab for w in fields):
        return j
    while j + 1 < len(spans) and spans[j + 1].end() <= listed.end():
        run.append(spans[j + 1])
        j += 1
    return j


# Places on the political spectrum, which before a name make it a party's or a movement's.
_SPECTRUM = re.compile(r"(?:far|hard|centre|center|extreme|radical|ultra)-(?:right|left)|"
                       r"(?:right|left)-wing|(?:centre|center)-(?:right|left)")
# A day's number and "de" before a name: "the 14 de Julho dam", "9 de Julio Avenue".
_DAY_DE = re.compile(r"(?<![\w.,])(\d{1,2})\s+de\s+$")


def _extend_day_name(sentence: str, mention: Mention, body: int) -> None:
    """Names of dates in Portuguese, Spanish and French ("14 de Julho", "25 de Abril")
    name streets, bridges and dams: the day's number is part of the name."""
    day = _DAY_DE.search(sentence, body, mention.start)
    if day is None or sentence[mention.start : mention.end] != mention.surface:
        return
    mention.start = day.start(1)
    mention.surface = sentence[mention.start : mention.end]
    mention.key = entity_key(mention.surface)
    mention.initial = False


def _extend_structure(sentence: str, mention: Mention, body: int) -> None:
    """"the Varno dam", "the Ostra nuclear power plant": a name and a lower-case class noun
    of structures or waters are one name, unless an owner or "a" comes first ("Acme's
    Varno plant", "a Varno bridge") or the name is a country's or a capital's."""
    if sentence[mention.start : mention.end] != mention.surface or \
            mention.key in gazetteer().country_of:
        return
    before = sentence[body : mention.start].split()[-1:]
    if before and (before[0].lower() in ("a", "an", "its", "their", "his", "her", "our")
                   or before[0].endswith(("'s", "’s"))):
        return
    tail = _STRUCTURE_TAIL.match(sentence, mention.end) or _SHELTER_TAIL.match(
        sentence, mention.end)
    if not tail:
        return
    mention.surface = sentence[mention.start : tail.end()]
    mention.key = entity_key(mention.surface)
    mention.end = tail.end()
    word = re.match(r"\s+([a-z][\w-]*)", sentence[mention.end :])
    mention.next_word = word.group(1) if word else ""
    mention.numbered = False


# Lower-case nouns of venues and buildings, which may stand between a name and an event's
# noun ("the Tarsk stadium collapse", "the Varno nightclub fire").
VENUE_NOUNS = BUILDING_NOUNS | frozenset('''
nightclub club disco bar restaurant cafe factory warehouse stadium theatre theater arena cinema
concert festival market
'''.split())
_VENUE_EVENT = re.compile(r"\s+(?:{})\s+({})\b(?![-'’])".format(
    "|".join(sorted(VENUE_NOUNS)), "|".join(sorted(EVENT_HEADS))))


def _extend_event(sentence: str, mention: Mention, body: int) -> None:
    """"the Varno fire", "the Tarsk mutiny", "the 1906 Varno quake": "the", a name (a year
    may open it) and a lower-case noun of a one-off event are the event's name (not a
    mention of Varno), unless the name is a country's or a nationality ("the Ruritania
    quake" is told of the country) or a person's ("the Ana Ruiz shooting")."""
    places = gazetteer()
    before = sentence[body : mention.start]
    if sentence[mention.start : mention.end] != mention.surface or mention.titled or \
            mention.key in places.country_of or mention.key in places.demonym_of:
        return
    tail = re.match(r"\s+([a-z]+)\b(?![-'’])", sentence[mention.end :])
    if not tail:
        return
    year = re.search(r"\bthe\s+((?:1[89]|20)\d\d)\s+$", before, re.I)
    if re.search(r"\bthe\s+$", before, re.I) or year:
        venue = _VENUE_EVENT.match(sentence[mention.end :])
        if venue:
            tail = venue  # "the Tarsk stadium collapse": the venue's noun is in the name
        elif tail.group(1) not in EVENT_HEADS:
            return
        if year:
            # "the 1906 Varno earthquake": the year is part of a past event's name.
            mention.start = body + year.start(1)
    # "the Varno and Tarsk fires": the last of the names shares the plural noun.
    elif not (tail.group(1).endswith("s") and tail.group(1)[:-1] in EVENT_HEADS and re.search(
            r"\bthe\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:and|or)\s+$", before, re.I)):
        return
    mention.end += tail.end()
    mention.surface = sentence[mention.start : mention.end]
    mention.key = entity_key(mention.surface)
    word = re.match(r"\s+([a-z][\w-]*)", sentence[mention.end :])
    mention.next_word = word.group(1) if word else ""
    mention.numbered = False


def _model_number(word: str, number: str, before: str = "") -> bool:
    """A number that belongs to the name before it: a letter code's ("F 16", "XR 7", also
    "Xr 7" right after a model number), a numbered route's or flight's ("Flight 93"), or
    a model or flight number of three or more digits ("Aerion 380"), but not a year."""
    if _CODE.fullmatch(word) or word.lower() in NUMBERED_NOUNS or (
            re.fullmatch(r"[A-Z][a-z]{1,3}", word) and before[:1].isdigit()):
        return bool(_NUMBER.fullmatch(number))
    # "737-800": a model number and its variant's.
    return bool(re.fullmatch(r"\d{3,5}(?:-\d{1,4})?", number)) and not re.match(
        r"(?:19|20)\d\d(?!\d)", number)  # nor a year or a season ("2023-24")


def _code_follows(sentence: str, spans: list[re.Match[str]], i: int) -> bool:
    """A model number that opens a designation: "380 XR 7" (a letter code follows)."""
    number = spans[i].group(0)
    return (i + 1 < len(spans) and bool(re.fullmatch(r"\d{3,5}", number))
            and not re.fullmatch(r"(?:19|20)\d\d", number)
            and sentence[spans[i].end() : spans[i + 1].start()] == " "
            and bool(_CODE.fullmatch(spans[i + 1].group(0))))


def _all_places(tokens: list[str]) -> bool:
    """Do the words name a known country, region or city?"""
    key = entity_key(" ".join(tokens))
    places = gazetteer()
    return key in places.country_of or key in places.regions or key in places.cities


def _all_countries(token: str) -> bool:
    parts = token.split("-")
    return len(parts) > 1 and all(entity_key(p) in gazetteer().countries for p in parts)


def _joins(word: str, saw_of: bool) -> bool:
    # "Ministry of Finance", "Center for Strategic and International Studies";
    # but "Lockheed Martin and RTX" are two names.
    return word in _CONNECTORS and (word not in ("and", "the") or saw_of)


def _place_with_and(word: str, spans: list[re.Match[str]], k: int) -> bool:
    """"Bosnia and Herzegovina", "(Azad) Jammu and Kashmir": the word before "and" and
    the one after it name one known country or region together."""
    if k >= len(spans):
        return False
    places = gazetteer()
    key = entity_key(f"{word} and {spans[k].group(0)}")
    return key in places.country_of or key in places.regions


def _org_name_follows(sentence: str, spans: list[re.Match[str]], k: int) -> bool:
    """Does a capitalised run from word `k` end in an organisation's word ("Disaster and
    Emergency Management Authority")?"""
    last = ""
    while k < len(spans) and _is_cap(spans[k].group(0)):
        last = spans[k].group(0)
        if k + 1 < len(spans) and sentence[spans[k].end() : spans[k + 1].start()] != " ":
            break
        k += 1
    return last.lower() in ORG_WORDS


def _opens_sentence(sentence: str, span: re.Match[str], body: int = 0) -> bool:
    return not sentence[body : span.start()].strip(" \"“‘'(") and span.start() >= body


def _is_title(tokens: list[str], k: int) -> bool:
    word = tokens[k].lower().rstrip(".")
    if "-" in word and any(part in TITLE_HEADS for part in word.split("-")):
        return True  # "Secretary-General", "Vice-President"
    if word not in TITLE_HEADS and f"{word}." not in TITLE_HEADS:
        return False
    if word in AMBIGUOUS_TITLES and not tokens[k].endswith("."):
        # "General Atlantic" is a company; "General Valery Gerasimov" a person; "the
        # General Fire Force" a body, its name ending in an organisation's word.
        if tokens[-1].lower() in ORG_WORDS and k < len(tokens) - 1:
            return False
        return len(tokens) - k - 1 >= 2 or k == len(tokens) - 1
    return True


def _names_after_article(sentence: str, tokens: list[str], run: list[re.Match[str]],
                         initial: bool, body: int) -> bool:
    """"the Ever Given", "the Only Way": inside a sentence, right after a lower-case word
    (not after a colon or a quotation mark), a capitalised function word (not a connector
    nor an article) before another capitalised word opens a name: vessels, works and
    bands are named with such words."""
    if initial or len(tokens) < 2 or tokens[0].lower() in _CONNECTORS | {"a", "an"} or \
            not tokens[1][:1].isupper() or _not_entity(tokens[0]):
        return False  # ("by early Sunday Chido had": a day's name opens no name)
    before = sentence[body : run[0].start()]
    return before.endswith(" ") and bool(re.fullmatch(r"[a-z]+", before.split()[-1:][0]
                                                      if before.split() else ""))


def _opens_name(tokens: list[str]) -> bool:
    """A capitalised name particle before another name word opens the name ("Al Kharsa",
    "Van Dyke", "De Luca"); the English connectors ("The", "Of") never do."""
    return (len(tokens) > 1 and tokens[0][:1].isupper() and tokens[0].lower() in _PARTICLES
            and tokens[1][:1].isupper())


def _split_run(sentence: str, run: list[re.Match[str]], initial: bool,
               lower_vocab: Container[str], body: int = 0) -> list[Mention]:
    tokens = [m.group(0) for m in run]
    # Drop connectors at the edges, weekdays and months, and a sentence-initial ordinary
    # word ("However", "Growing"), also shouted ("PART of Mount Kell ...": an initialism
    # is not followed by "of").
    while tokens and (initial and len(tokens[0]) >= 4 and tokens[0].isupper()
                      and (tokens[0].lower() in lower_vocab or tokens[1:2] == ["of"])):
        tokens, run = tokens[1:], run[1:]
        initial = False
    while tokens and not (len(tokens[0]) > 1 and tokens[0].isupper()) and not (
            tokens[0].lower() in NUMBERED_NOUNS and len(tokens) > 1
            and tokens[1][:1].isdigit()) and not _names_after_article(sentence, tokens, run,
                                                                     initial, body) and not (
            # "Dr Ana Ruiz of Tarsk Hospital": an honorific is the title of the name after it
            len(tokens) > 1 and tokens[0].lower().rstrip(".") in _HONORIFICS) and (
            tokens[0].lower() in STOPWORDS or (tokens[0].lower() in _CONNECTORS
                                               and not _opens_name(tokens))
            or _not_entity(tokens[0])
            or (initial and tokens[0].lower() in SENTENCE_ADVERBS)
            or (initial and tokens[0].lower() in lower_vocab
                and tokens[0].lower() not in TITLE_HEADS)):
        tokens, run = tokens[1:], run[1:]
        initial = False
    if initial and len(tokens) >= 3 and tokens[0].isalpha() and tokens[0][1:].islower() and \
            entity_key(tokens[1]) in gazetteer().countries and \
            tokens[0].lower() not in DIRECTION_WORDS and \
            entity_key(" ".join(tokens[:2])) not in gazetteer().country_of:
        # "Preliminary U.S. Geological Survey data": an ordinary word opening the sentence
        # before a country's name is no part of the name after it.
        tokens, run = tokens[1:], run[1:]
        initial = False
    if initial and len(tokens) >= 2 and _trade_compound(tokens[0]):
        # "Chipmaker Arvex said": a sentence-opening class noun, in lower case elsewhere.
        tokens, run = tokens[1:], run[1:]
        initial = False
    while tokens and (tokens[-1].lower() in _CONNECTORS or (
            _not_entity(tokens[-1]) and not (
                len(tokens) > 1 and _name_word_not_month(sentence, run[-1])))):
        tokens, run = tokens[:-1], run[:-1]
    # "German-made Leopard", "US-Mexico border": compounds describe, they do not name;
    # nor do nationalities in front of a name ("Dutch British engineer", "French
    # Alpine guide"), unless the rest names an organisation ("British Airways").
    demonyms = gazetteer().demonym_of
    # An operator's numbered flight ("American Eagle Flight 12") is named as the operator is.
    rest_is_org = bool({t.lower() for t in tokens} & (ORG_WORDS | NUMBERED_NOUNS))
    # A water's or a land's name may open with a nationality ("the Irish Sea").
    rest_is_org = rest_is_org or (bool(tokens) and tokens[-1].lower() in PLACE_WORDS)
    # "the French Red Cross", "the Irish Rail Union": after "the", a nationality and two
    # or more capitalised words (no title among them) are one body's name.
    rest_is_org = rest_is_org or (len(tokens) >= 3 and not initial and bool(re.search(
        r"\bthe\s+$", sentence[body : run[0].start()], re.I)) and all(
            t[:1].isupper() and t.isalpha() and not _is_title(tokens, k)
            for k, t in enumerate(tokens[1:], 1)))
    while tokens and (re.search(r"-[a-z]", tokens[0]) or _all_countries(tokens[0])
                      or (tokens[0].lower() in demonyms and not rest_is_org
                          and len(tokens) > 1)):
        tokens, run = tokens[1:], run[1:]
        initial = False
    if not tokens:
        return []
    # "US Congress", "U.S. Navy": a country code or name in front of another name. But
    # ordinary words after a country name a national body ("U.S. Steel", "US Rowing"):
    # without the country they name nothing.
    cut = _affiliation_cut(tokens, lower_vocab)
    if cut and _said_of_a_person(sentence, run, body):
        # "Dana Ruiz of Tarsk University, who led the study": a person, then where she works.
        person = _make(sentence, run[:cut], lower_vocab, titled=True, body=body)
        return ([person] if person else []) + _split_run(sentence, run[cut + 1 :], False,
                                                         lower_vocab, body)
    rest = {t.lower() for t in tokens[1:]}
    if len(tokens) > 1 and entity_key(tokens[0]) in gazetteer().countries and \
            entity_key(" ".join(tokens)) not in gazetteer().country_of and not (
                all(w in lower_vocab for w in rest) and not rest & _NAMES_BY_THEMSELVES) \
            and not _national_body(tokens) and tokens[1].lower() not in COMPANY_WORDS:
        # ("Kenya Airways", "Korea Electric": a company's word after the country is the
        # company's full name.)
        first = _make(sentence, run[:1], lower_vocab, body=body)
        rest = _split_run(sentence, run[1:], False, lower_vocab, body)
        return ([first] if first else []) + rest
    # "Corva Airlines Aerion 380": an operator's name, then the model it flies (but
    # "Corva Airlines Flight 12" is the operator's flight).
    # Also "Varno Air Aerion 380", and "Navy Sea Hawk helicopter" where a system's noun
    # follows (but "Police Ostland helicopter": a place after the body is its name).
    noun_after = re.match(r"\s+([a-z]+)", sentence[run[-1].end() :])
    system_follows = bool(noun_after) and noun_after.group(1) in SYSTEM_NOUNS
    # A single code after the operator ("Corva Airlines A380") is its model, too.
    coded = bool(re.search(r"[A-Za-z]-?\d", tokens[-1]))
    for k in range(1, len(tokens) - 1 + (system_follows or coded)):
        # ("Varno Air Force C-130J": the body's name runs on to its own last word.)
        if tokens[k - 1].lower() in ORG_WORDS | COMPANY_WORDS \
                and tokens[k].lower() not in NUMBERED_NOUNS | ORG_WORDS \
                and (any(ch.isdigit() for t in tokens[k:] for ch in t)
                     or (len(tokens) - k >= 2 and _ROMAN.fullmatch(tokens[-1])
                         and not {t.lower() for t in tokens[k:]} & _NAMED_PLACE_WORDS) or (
                    system_follows and not _all_places(tokens[k:]))) \
                and not any(ch.isdigit() for t in tokens[:k] for ch in t):
            first = _make(sentence, run[:k], lower_vocab, body=body)
            return ([first] if first else []) + _split_run(sentence, run[k:], False,
                                                           lower_vocab, body)
    # A title ("US Defense Secretary", "Prime Minister", "Rear Adm.") splits off what
    # precedes it and marks what follows as a person's name.
    lowered = [t.lower().rstrip(".") for t in tokens]
    head = max((k for k in range(len(tokens)) if _is_title(tokens, k)), default=-1)
    if head >= 0 and head < len(tokens) - 1:
        start_title = head
        while start_title > 0 and lowered[start_title - 1] in TITLE_MODIFIERS | TITLE_HEADS:
            start_title -= 1
        # "Chief of the General Staff": words of the title before its last head name nothing.
        pre = run[:start_title]
        while pre and pre[-1].group(0).lower() in _CONNECTORS:
            pre = pre[:-1]
        if all(t.group(0).lower().rstrip(".") in TITLE_MODIFIERS | TITLE_HEADS for t in pre):
            pre = []
        before = _portfolio(_make(sentence, pre, lower_vocab, body=body), lowered[head])
        rest = run[head + 1 :]
        titled = True
        if lowered[head + 1] in ("of", "for") and lowered[head] in OFFICE_TITLES:
            # "Minister of Internal Affairs Ana Ruiz": the office runs on through its
            # field; the name is the last two words ("Minister of Defence" has none).
            rest = _after_portfolio(rest, lower_vocab) if len(rest) >= 4 else []
        elif lowered[head + 1] in ("of", "for"):
            rest, titled = rest[1:], False  # "the CEO of Veltrix Expeditions": the employer
        # "Chief of the General Staff Ana Ruiz": the office's last word ends the title.
        while titled and len(rest) > 2 and rest[0].group(0).lower() in ORG_WORDS and all(
                t.group(0)[:1].isupper() and t.group(0).lower() not in _CONNECTORS
                for t in rest[1:]):
            rest = rest[1:]
        cut = _affiliation_cut([t.group(0) for t in rest], lower_vocab) if titled else None
        if cut:
            # "Watch Commander Ana Ruiz of Tarsk": the titled name, then where she serves.
            name = _styled(_make(sentence, rest[:cut], lower_vocab, titled=True, body=body),
                           tokens, head)
            after = _split_run(sentence, rest[cut + 1 :], False, lower_vocab, body)
            return [m for m in (before, name) if m] + after
        name = _styled(_make(sentence, rest, lower_vocab, titled=titled, body=body),
                       tokens, head)
        return [m for m in (before, name) if m]
    if head >= 0:
        before = tokens[:head]
        if not before or all(t.lower().rstrip(".") in TITLE_MODIFIERS | TITLE_HEADS
                             for t in before):
            return []  # only a title, no name
        first = _make(sentence, run[:head], lower_vocab, body=body)
        if first and (_is_initialism([first]) or set(first.key.split()) & ORG_WORDS):
            return [first]  # "NTSB Chair": the organisation, then a cut-off title
        if first and lowered[head] in OFFICE_TITLES:
            return [m for m in (_portfolio(first, lowered[head]),) if m]
        # "the Arctic Prince", "Black Prince": a title word that ends a name.
        whole = _make(sentence, run, lower_vocab, body=body)
        return [whole] if whole else []
    if len(tokens) == 1 and sentence[run[0].end() : run[0].end() + 1] == ":" and initial:
        return []  # a label: "Photo:", "NOTE:", "Updated:"
    mention = _make(sentence, run, lower_vocab, body=body)
    if mention is None:
        return []
    before = sentence[body : run[0].start()].split()[-1:]
    word = before[0].strip(",;:—–-\"“(").lower() if before else ""
    if before and (word in SPEECH_VERBS or word.rstrip(".") in TITLE_HEADS
                   or word in TITLE_HEADS):
        # "said Rahm Emanuel", "chief executive Dana Wu", "governor, Ilse Marsh"
        mention.titled = mention.titled or len(tokens) >= 2
    after = sentence[run[-1].end() :]
    said = re.match(r",?\s*([a-z]+)", after)
    if len(tokens) >= 2 and re.match(r",\s*\d{1,3}\s*[,.;)]", after):
        mention.titled = True  # "Ana Ruiz, 34,"
    elif len(tokens) >= 2 and said and said.group(1) in SPEECH_VERBS and not any(
            len(t) > 2 and t.lower() in lower_vocab for t in tokens):
        # "Alejandro Martinez told": but companies speak too, and their names are often
        # made of ordinary words ("Summit Cloud said", "North Ridge said").
        mention.titled = True
    elif 2 <= len(tokens) <= 3 and re.match(r",\s+who\b", after) and all(
            re.sub(r"['’-]", "", t).isalpha() and t.lower() not in lower_vocab
            and t.lower() not in ORG_WORDS | PLACE_WORDS for t in tokens) and \
            not _gazetteer_place(tokens[0].lower(), []):
        # "Dana Wu, who ...": the relative pronoun of a person (but "Varno Rovers, who":
        # a team named for its town)
        mention.titled = True
    elif len(tokens) == 2 and said and said.group(1) in REPORT_VERBS | {"has", "had", "who"} \
            and re.search(r"[A-Z][\w.-]*['’]s\s+$", sentence[body : run[0].start()]) \
            and all(t.isalpha() and t.lower() not in lower_vocab for t in tokens):
        mention.titled = True  # "Acme's Dana Wu had ...": someone of that organisation
    return [mention]


# Honorific styles, which go with a person's name as it is written ("Sheikh Sami Al-Karim",
# "Sir Alan Ruiz"), unlike an office ("Minister Ana Ruiz"): kept as a spelling of the name.
STYLES = frozenset("sheikh sheikha sir dame emir sultan king queen prince princess pope".split())
# Head nouns of the fields of government offices ("Minister of State for Home Affairs"):
# the name after such an office begins after the last of them.
PORTFOLIO_WORDS = frozenset("""
affairs defence defense health finance justice interior energy transport transportation
education agriculture labour labor trade industry environment welfare development resources
security works communications culture tourism housing planning fisheries forestry mines
commerce economy infrastructure employment sport sports youth state treasury immigration
relations home foreign internal external public social family rural urban water power civil
consumer local science technology information broadcasting petroleum railways aviation
shipping roads highways food women children veterans disaster emergency management
""".split())


def _after_portfolio(rest: list[re.Match[str]], lower_vocab: Container[str]) -> list[re.Match[str]]:
    """The name after an office and its field ("Minister of State for Home Affairs Ana
    Maria Ruiz"): the words after the field's last word (a field's noun, an ordinary word
    or a connector), two to four of them; else the last two."""
    words = [t.group(0).lower() for t in rest]
    last = max((k for k, w in enumerate(words) if w in PORTFOLIO_WORDS | _CONNECTORS
                or w in lower_vocab), default=-1)
    return rest[last + 1 :] if 2 <= len(rest) - last - 1 <= 4 else rest[-2:]


def _styled(name: Mention | None, tokens: list[str], head: int) -> Mention | None:
    """Note the honorific style written right before a name (not a title's word: "First
    Lady Ana Ruiz" is an office)."""
    if name is not None and tokens[head].lower() in STYLES and (
            head == 0 or tokens[head - 1].lower().rstrip(".") not in TITLE_MODIFIERS):
        name.style = tokens[head]
    return name


# Words that make a name before "of" a state's or a body's, never a person's.
_NOT_FORENAMES = (ORG_WORDS | PLACE_WORDS | PLACE_NOUNS | GEO_FEATURES | EVENT_WORDS
                  | TITLE_HEADS | TITLE_MODIFIERS | DIRECTION_WORDS | BUILDING_NOUNS
                  | TRADE_WORDS | STRUCTURE_HEADS | frozenset(
                      "republic kingdom emirate emirates states state sultanate duchy".split()))


def _affiliation_cut(tokens: list[str], lower_vocab: Container[str]) -> int | None:
    """The index of "of" in "Dana Ruiz of Tarsk University": two or three words shaped
    like a person's name (none a class word, a title or an ordinary word), "of", and a
    capitalised name. One word before "of" opens a body's or a place's name ("Bank of
    Varno", "Gulf of Orla"), and so does a known place's ("Democratic Republic of ...")."""
    if "of" not in tokens:
        return None
    cut = tokens.index("of")
    left, right = tokens[:cut], tokens[cut + 1 :]
    if not 2 <= len(left) <= 3 or not right or not right[0][:1].isupper() or \
            _all_places(tokens):
        return None
    for word in left:
        plain = word.replace("-", "").replace("'", "").replace("’", "")
        if not plain.isalpha() or word.isupper() or not word[:1].isupper() or \
                word.lower() in _NOT_FORENAMES or word.lower() in lower_vocab or \
                entity_key(word) in gazetteer().demonym_of or \
                entity_key(word) in gazetteer().country_of:
            return None
    return cut


# After a person's name and affiliation: ", who", a verb of speech, an age.
_PERSON_AFTER = re.compile(r"(?:,\s+who\b|,?\s+(?:{})\b|,\s*\d{{1,3}}\s*[,.;)])".format(
    "|".join(sorted(SPEECH_VERBS))))


def _said_of_a_person(sentence: str, run: list[re.Match[str]], body: int) -> bool:
    """Does the text around a name read it as a person's: ", who" or a verb of speech
    after it (or an age), or a verb of speech right before it?"""
    if _PERSON_AFTER.match(sentence, run[-1].end()):
        return True
    before = sentence[body : run[0].start()].split()[-1:]
    return bool(before) and before[0].strip(",;:\"“").lower() in SPEECH_VERBS


def _trade_compound(word: str) -> bool:
    """A maker's noun compounded with what it makes ("Chipmaker", "Automaker",
    "Drugmaker"): it says what kind of company the name after it is. (Other class nouns
    also end companies' own names: "Citigroup", "Eurobank".)"""
    lower = word.lower()
    return word[:1].isupper() and not word.isupper() and lower.isalpha() and \
        lower.endswith("maker") and len(lower) >= 8


def _national_body(tokens: list[str]) -> bool:
    """"the Japan Meteorological Agency", "the U.S. Geological Survey": a country's name
    before two or more words that end in an organisation's word is the body's own full
    name (its short form drops the country: "the Geological Survey" joins it as the end
    of the name). One word after the country is a body named by itself ("U.S. Navy"),
    and a title among the words names a person ("US Defense Secretary Lloyd Austin")."""
    rest = [t.lower().rstrip(".") for t in tokens[1:]]
    return len(rest) >= 2 and rest[-1] in ORG_WORDS and not any(
        _is_title(tokens, k) for k in range(1, len(tokens)))


def _portfolio(mention: Mention | None, title: str) -> Mention | None:
    """Mark the words before an office ("Transportation" of "the Transportation
    Secretary"): a topic only if the text also names them alone. A jurisdiction
    ("Varno Governor") or an organisation ("NTSB Chair") before a title is a name."""
    if mention is None or title not in OFFICE_TITLES or _is_initialism([mention]):
        return mention
    places = gazetteer()
    if not (set(mention.key.split()) & ORG_WORDS or mention.key in places.country_of
            or mention.key in places.cities or mention.key in places.regions):
        mention.portfolio = True
    return mention


def _class_noun(sentence: str, start: int, end: int, body: int) -> str:
    """The lower-case noun right before a name: "company" (Roku), "town of" (Varno)."""
    # Lower-case words only: "the head of the World Health Organization, Tedros ..."
    raw = sentence[body:start].split()[-3:]
    if raw and raw[-1].lower() in ("the", "a", "an", "named", "called"):
        raw = raw[:-1]  # "its support ship, the Arctic Prince", "a vessel named Meridian"
    elif len(raw) >= 2 and raw[-1].endswith(",") and raw[-1][:-1] in PERSON_NOUNS and \
            raw[-2] in _KIN_OWNERS:
        return raw[-1][:-1]  # "his wife, Ana Ruiz": a relation of someone named before
    elif raw and raw[-1].endswith((",", ";", ":")):
        raw = []  # "... of the disaster agency, Okoro said": another clause's noun
    words = [w.strip(",;:\"“(") for w in raw]
    if words and _SPECTRUM.fullmatch(words[-1]):
        return "party"  # "the far-right Union Party", "the centre-left Ruritanian Alliance"
    words = [w for w in words if w.islower()]
    if len(words) >= 2 and words[-1] == "of" and words[-2] in PLACE_NOUNS:
        return f"{words[-2]} of"
    if words and words[-1] in CLASS_NOUNS:
        return words[-1]
    # "Bab al-Hawa, the single border crossing", "Alistair Greig, a professor of ...":
    # the head noun of an appositive after the name (its last word before "of", "at" ...).
    appositive = _APPOSITIVE.match(sentence[end:])
    if appositive:
        for word in appositive.group(1).split():
            if word in ("of", "at", "in", "for", "with", "on", "from", "and", "by", "to"):
                break
            if word in CLASS_NOUNS:
                return word
            if word in TITLE_HEADS | _ROLE_NOUNS or word.split("-")[-1] in TITLE_HEADS or (
                    len(word) >= 7 and word.endswith(_PERSON_ENDINGS)):
                return "person"  # "a neurologist", "a technician": someone's trade
    role = _ROLE_APPOSITIVE.match(sentence[end:])
    if role and role.group(1) in _ROLE_HEADS:
        return "person"
    # "Madison, Illinois", "St John's, Newfoundland": a place followed by its region.
    # (Not a possessive: "Rosavia, Ruritania's air agency" is the agency of the place.)
    region = re.match(r"(?:['’]s)?,\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?![\w.'’])",
                      sentence[end:])
    if region and (entity_key(region.group(1)) in gazetteer().regions
                   or entity_key(region.group(1)) in gazetteer().countries):
        return "place"
    return ""


def _make(sentence: str, run: list[re.Match[str]], lower_vocab: Container[str],
          titled: bool = False, body: int = 0) -> Mention | None:
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
    plain = surface.replace(".", "")
    if not key or key in _NOT_ENTITIES or key.isdigit() or (
            key in STOPWORDS and not plain.isupper()):
        return None
    if len(run) == 1 and key in lower_vocab and (not plain.isupper() or len(plain) >= 4):
        return None  # an ordinary word that happens to be capitalised, or shouted ("UPDATED")
    if len(run) == 1 and key in PLACE_WORDS | EVENT_WORDS | DIRECTION_WORDS | _OF_A_STATE:
        # A class or compass word alone ("the Valley", "Western") names nothing, nor does
        # a state's body cut from its country ("the U.S. Embassy" -> "Embassy").
        return None
    next_word = ""
    after = sentence[end:]
    word = re.match(r"\s+([a-z][\w-]*)", after)
    if word and not possessive:
        next_word = word.group(1)
    acronym = _ACRONYM.match(after)
    apposition = _LOWER_APPOSITION.match(after) if " " not in key else None
    class_noun = _class_noun(sentence, start, end, body)
    titled = titled or (class_noun in ("person", *PERSON_NOUNS) and len(run) >= 2)
    return Mention(surface, key, start, end, titled, next_word,
                   acronym.group("short").replace(".", "") if acronym else None,
                   possessive=bool(possessive),
                   same_as=entity_key(apposition.group(1)) if apposition else None,
                   initial=_opens_sentence(sentence, run[0], body),
                   class_noun=class_noun,
                   numbered=bool(re.match(r"\s\d{1,2}\b", after)),
                   located=_located(sentence[body:start]),
                   article=bool(re.search(r"\bthe\s+(?:[A-Z][A-Za-z.]{1,4}\s+)?$",
                                          sentence[body:start], re.I)))


def _located(before: str) -> bool:
    """Is a name read as a place: after "in", "at", "near" ..., or after a town and a comma
    ("Marlow, Varno")?"""
    words = before.split()[-2:]
    if not words:
        return False
    if words[-1].lower() in LOCATIVES:
        return True
    town = re.fullmatch(r"([A-Z][\w'’-]*),", words[-1])
    places = gazetteer()
    return bool(town) and (entity_key(town.group(1)) in places.cities
                           or entity_key(town.group(1)) in places.country_of)


def _initials_match(acronym: str, name: str) -> bool:
    initials = "".join(w[0] for w in name.split() if w.lower() not in _CONNECTORS).upper()
    letters = acronym.upper()
    it = iter(initials)
    return all(ch in it for ch in letters) and letters[0] == initials[:1]


def _initials_reordered(acronym: str, name: str) -> bool:
    """The short form in parentheses uses each initial of the name once, in another order:
    it abbreviates the name in the language it was translated from, whose words run in
    another order ("Coastal Rescue Service (SRC)" for a "Servicio de Rescate Costero")."""
    initials = sorted(w[0].upper() for w in name.split() if w.lower() not in _CONNECTORS)
    return len(initials) >= 3 and acronym.isupper() and sorted(acronym) == initials


@dataclass
class TopicDraft:
    """A merged entity before it gets a slug and a page."""

    key: str
    kind: str
    surfaces: Counter[str] = field(default_factory=Counter)
    next_words: Counter[str] = field(default_factory=Counter)
    class_nouns: Counter[str] = field(default_factory=Counter)
    titled: int = 0
    name: str = ""
    keys: set[str] = field(default_factory=set)  # the mention keys merged here
    reports: int = 0  # mentions before a verb of reporting ("warned")
    articled: int = 0  # mentions after "the"
    located: int = 0  # mentions read as a place's ("in Varno")


def resolve(mentions: list[Mention], config_aliases: dict[str, list[str]],
            exclude: list[str]) -> tuple[dict[str, str], dict[str, TopicDraft]]:
    """Merge mention keys into topics.

    Returns `key -> topic key` for every mention key kept, and the topics by key.
    """
    places = gazetteer()
    _drop_counts(mentions)
    _owners_works(mentions)
    _regions_of_towns(mentions)
    fixed_possessives = _possessive_names(mentions)
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
    keys = sorted(by_key)
    # Configured aliases come first: the editor's word is final.
    configured: dict[str, str] = {}
    for name, spellings in config_aliases.items():
        for spelling in [name, *spellings]:
            configured[entity_key(spelling)] = entity_key(name)
    countries = {entity_key(c) for c in places.country_of.values()}
    joiner = Joiner(keys, fixed=set(configured.values()) | countries)
    for key, name in sorted(configured.items()):
        joiner.union(key, name)
    for key in keys:
        country = places.country_of.get(key)
        if country and key not in configured:
            joiner.union(key, entity_key(country))
    for key in keys:
        for m in by_key[key]:
            # "(BNPB)" after an organisation's name may abbreviate it in its own language.
            if m.acronym and (_initials_match(m.acronym, m.surface)
                              or _initials_reordered(m.acronym, m.surface) or (
                    " " in key and set(key.split()) & ORG_WORDS and m.acronym.isupper())):
                joiner.union(entity_key(m.acronym), key)
            if m.same_as in by_key and not places.country_of.get(key):
                joiner.union(key, m.same_as)  # "Ruritanian Civil Defence, known as the Blue Vests"
    # Plurals ("Leopards").
    for key in keys:
        if key.endswith("s") and key[:-1] in by_key and key not in configured:
            joiner.union(key, key[:-1])
    people = _people(by_key)

    def settled(key: str) -> bool:
        # Names the rules below must not move: places, configured names, class words.
        return (key in configured or key in places.country_of
                or _gazetteer_place(key, by_key[key]) or key in places.demonym_of
                or any(_names_place(m.class_noun) for m in by_key[key])
                or (" " not in key and key in ORG_WORDS | PLACE_WORDS | EVENT_WORDS))

    join_spellings(keys, joiner)
    _join_country_spellings(keys, joiner)
    join_structures(keys, joiner)
    shorts = [k for k in keys if _is_initialism(by_key[k])]
    join_initialisms(shorts, keys, joiner, settled, _COUNTRY_CODES, _ORG_ENDINGS)
    join_syllabic_initialisms(shorts, keys, joiner, lambda k: bool(
        set(k.split()) & (ORG_WORDS | COMPANY_WORDS)) and not settled(k))
    for short in shorts:
        # "Harlow Group" / "HG Group" and "HG": a company's short name without its form.
        owners = {joiner.find(f"{short} {form}") for form in CORPORATE_FORMS
                  if f"{short} {form}" in by_key}
        if len(owners) == 1 and not settled(short):
            joiner.union(short, owners.pop())
    # (Any mention written with carons gives the key its English spelling.)
    join_caron_spellings({key: entity_key(caron_spelling(m.surface)) for key in keys
                          for m in by_key[key] if caron_spelling(m.surface) != m.surface},
                         joiner)
    named = people | {k for k in keys if k.split()[0] in EVENT_WORDS and " " in k}

    def join_partials() -> None:
        join_partial_names(keys, joiner,
                           lambda k: settled(k) or _is_initialism(by_key[k]), named,
                           PLACE_WORDS | EVENT_WORDS | EVENT_HEADS | PLACE_NOUNS | SYSTEM_NOUNS
                           | ORG_WORDS | STRUCTURE_HEADS)

    join_partials()
    join_variants(keys, joiner, settled)
    join_hyphenations(keys, joiner)
    join_place_vowel_spellings(keys, joiner, lambda k: settled(k) or k in people or not any(
        m.located or m.next_word in PLACE_NOUNS | REGION_WORDS or _names_place(m.class_noun)
        for m in by_key[k]))
    join_generations(people, keys, joiner)
    join_airport_names([k for k in keys if any(m.surface.endswith(" Airport") for m in by_key[k])],
                       keys, joiner, settled)
    join_flight_codes(keys, joiner)
    join_designated_names(keys, joiner)
    join_model_variants(keys, joiner)
    join_named_models(keys, joiner, lambda k: all(
        re.fullmatch(r"[A-Z][a-z]+", m.surface.split()[-1]) for m in by_key[k]))
    join_model_families(shorts, keys, joiner, settled)
    join_short_structures(keys, joiner)
    join_transliterations(people, joiner)
    join_patronymics(people, joiner)
    join_styled_given_names([k for k in keys if " " not in k and any(
        m.style for m in by_key[k])], people, joiner)
    join_model_initials(keys, joiner)
    _join_makers_as_models(keys, by_key, joiner)
    join_clippings(keys, joiner, lambda k: bool(set(k.split()) & ORG_WORDS) and not settled(k))
    join_middle_names(people, joiner)
    join_added_surnames(people, joiner)
    join_before_particles(people, keys, joiner)
    join_short_forenames(people, joiner)
    # Again, now that spellings of one full name are joined: a surname alone whose full
    # names were two spellings of one ("Mohamed Haddadi" and "Mohammed Haddadi") is theirs.
    join_partials()
    _join_short_place_names(keys, by_key, joiner)
    _join_ministry_orders(keys, joiner)
    _join_region_names(keys, by_key, joiner)
    excluded = {entity_key(x) for x in exclude}
    for short, full in fixed_possessives.items():
        joiner.union(short, full)
    group_size = Counter(joiner.find(k) for k in keys)
    for key in keys:
        plural_demonym = key.removesuffix("s") in places.demonym_of
        if key in places.country_of or joiner.find(key) != key or (
                group_size[key] > 1 and not plural_demonym):
            continue  # merged with another spelling: a name, not an ordinary word
        found = by_key[key]
        if all(m.initial for m in found) and " " not in key and not found[0].surface.isupper() \
                and not (key[-1] != "s" and any(m.next_word in REPORT_VERBS for m in found)):
            # Only ever capitalised because it starts a sentence; but a word never written
            # in lower case that reports something is a body's name ("Ukrenergo said"; a
            # plural, "Officials said", is not).
            excluded.add(key)
        if " " not in key and all(m.numbered for m in found) and not found[0].surface.isupper():
            excluded.add(key)  # a label before a number: "Category 5", "Chapter 11"
        if all(m.portfolio for m in found):
            excluded.add(key)  # named only as the field of an office
        if re.fullmatch(r"\d{1,4}[a-z]{1,2}", key):
            excluded.add(key)  # a seat's, a gate's or a row's number alone: "26A"
        if _PAST_EVENT_KEY.fullmatch(key) and len(found) < 2:
            excluded.add(key)  # a past event told of once: background, not a topic
        country = places.demonym_of.get(key) or places.demonym_of.get(key.removesuffix("s"))
        if country:
            # "Japanese government" is Japan; "Japanese" alone is an adjective.
            if any(m.next_word in STATE_NOUNS for m in found):
                joiner.union(key, entity_key(country))
            else:
                excluded.add(key)
    result: dict[str, str] = {}
    drafts: dict[str, TopicDraft] = {}
    context = _KindContext(
        # "Aerion" of "Aerion 380": a maker's name before its models.
        makers=frozenset(k.split()[0] for k in keys
                         if " " in k and _DESIGNATION.search(k) and k.split()[0].isalpha()),
        # "Varno" of "Varno Oblast": a region named for its town.
        region_heads=frozenset(k.rsplit(" ", 1)[0] for k in keys
                               if " " in k and k.rsplit(" ", 1)[1] in REGION_WORDS))
    for key in keys:
        target = joiner.find(key)
        if key in excluded or target in excluded:
            continue
        draft = drafts.get(target)
        if draft is None:
            draft = drafts[target] = TopicDraft(target, "")
        draft.keys.add(key)
        # A building's noun is part of the name only where most mentions carry it: a
        # town written alone more often is where "the Tarvik hospital" stands.
        built = 2 * sum(m.next_word in _NAMING_NOUNS for m in by_key[key]) > len(by_key[key])
        for m in by_key[key]:
            draft.surfaces[_written_with_noun(m, built)] += 1
            if m.style:
                # The styled spelling is listed (and, the fullest, names the page); its
                # mention is counted once, under the plain spelling.
                draft.surfaces[f"{m.style} {m.surface}"] += 0
            coded = _CODED_BODY.match(m.surface)
            if coded and coded.group(1).split()[-1].lower() in ORG_WORDS:
                # "the U.S. National Weather Service" is also written without its code.
                draft.surfaces[coded.group(1)] += 0
            if m.next_word:
                draft.next_words[m.next_word] += 1
            if m.class_noun:
                draft.class_nouns[m.class_noun] += 1
            draft.titled += m.titled
            draft.reports += m.next_word in REPORT_VERBS
            draft.articled += m.article
            draft.located += m.located
        result[key] = target
    for draft in drafts.values():
        draft.kind = _kind(draft, people, context)
        draft.name = _display_name(draft, config_aliases)
    return result, drafts


# Lower-case nouns that the text writes as part of a name after "the" ("the Sky Palms
# building", "the Varno region"): a building's and a region's kinds, singular.
_NAMING_NOUNS = frozenset(
    "building tower hotel hospital school mall complex compound condominium".split())


def _written_with_noun(m: Mention, built: bool) -> str:
    """How the text names the thing: "the Sky Palms building" and "the Varno region" are
    written with their class noun, which the page lists as a spelling (and, the fullest,
    as its name). A town's or a country's name before a building's noun is where the
    building stands, not its name ("the Varno hospital"), and a country is named alone;
    `built` is False where the name is mostly written without a building's noun."""
    noun = m.next_word
    if noun not in _REGION_KINDS and (noun not in _NAMING_NOUNS or not built):
        return m.surface  # most names: no class noun after them
    places = gazetteer()
    if not m.article or m.titled or m.key in places.country_of or \
            m.key in places.demonym_of or _is_initialism([m]):
        return m.surface
    if noun in _REGION_KINDS or (noun in _NAMING_NOUNS and not _gazetteer_place(m.key, [m])):
        return f"{m.surface} {noun}"
    return m.surface


def _join_makers_as_models(keys: list[str], by_key: dict[str, list[Mention]],
                           joiner: Joiner) -> None:
    """"The Aerion crashed", "the Aerion jet": a maker's name written as a thing (always
    after "the" or before a vehicle's noun, never reporting) is the one model of that
    maker the text names ("the Aerion 380")."""
    models: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split()
        if len(words) == 2 and words[0].isalpha() and _DESIGNATION.search(words[1]):
            models[words[0]].add(key)
    for key in keys:
        found = by_key[key]
        if key not in models or not all(
                (m.article or m.next_word in SYSTEM_NOUNS) and m.next_word not in REPORT_VERBS
                for m in found):
            continue
        owners = {joiner.find(k) for k in models[key]}
        if len(owners) == 1:
            joiner.union(key, owners.pop())


def _join_ministry_orders(keys: list[str], joiner: Joiner) -> None:
    """"the transport ministry" and "the Ministry of Land, Infrastructure and Transport":
    a ministry named by its field before "ministry" is the one ministry "of" a list of
    fields holding them."""
    longs: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = re.findall(r"[a-z]+", key)
        if len(words) >= 3 and words[0] == "ministry" and words[1] in ("of", "for"):
            for word in words[2:]:
                longs[word].add(key)
    for key in keys:
        *fields, last = key.split()
        if last != "ministry" or not fields or not all(w in PORTFOLIO_WORDS for w in fields):
            continue
        owners = {joiner.find(k) for k in longs.get(fields[-1], ())
                  if set(fields) <= set(re.findall(r"[a-z]+", k))}
        if len(owners) == 1:
            joiner.union(key, owners.pop())


def _join_country_spellings(keys: list[str], joiner: Joiner) -> None:
    """"the U.S. Geological Survey" and "the United States Geological Survey": names that
    open with two spellings of one country's name (up to three words of it) and go on
    alike are one name."""
    places = gazetteer()
    by_normal: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        words = key.split()
        for size in range(min(3, len(words) - 2), 0, -1):
            name = " ".join(words[:size])
            country = places.country_of.get(name) if name in places.countries else None
            if country:
                by_normal[" ".join([entity_key(country), *words[size:]])].append(key)
                break
    for group in by_normal.values():
        for key in group[1:]:
            joiner.union(key, group[0])


def _join_short_place_names(keys: list[str], by_key: dict[str, list[Mention]],
                            joiner: Joiner) -> None:
    """A place's name that stands for the one company named after it: "Varno said" and
    "Varno has 65 jets" for Varno Airlines (it reports somewhere, and never reads as a
    place, "in Varno"); and "the Ostra", always with "the", for the Ostra River."""
    places = gazetteer()
    bodies: dict[str, set[str]] = defaultdict(set)
    rivers: dict[str, str] = {}
    for key in keys:
        words = key.split()
        if len(words) == 2 and words[1] in COMPANY_WORDS:
            bodies[words[0]].add(key)
        if len(words) >= 2 and _place_name(words[:-1]) and words[-1] not in CLASS_NOUNS \
                | ORG_WORDS | PLACE_WORDS | COMPANY_WORDS and words[-1].isalpha():
            bodies[words[-1]].add(key)  # "Voltra" of "Northern Ostland Voltra"
        if len(words) >= 2 and words[-1] == "river":
            rivers[" ".join(words[:-1])] = key
    for key in keys:
        found = by_key[key]
        if key in places.country_of or any(m.located for m in found):
            continue
        if key in rivers and all(m.article for m in found):
            joiner.union(key, rivers[key])
            continue
        owners = {joiner.find(k) for k in bodies.get(key, ())}
        if len(owners) == 1 and _gazetteer_place(key, found) and any(
                m.next_word in REPORT_VERBS for m in found):
            joiner.union(key, owners.pop())


# Region words that, in lower case after a name, make the name the region's ("the Varno
# region" is Varno Oblast). A county is left out: it is a government of its own.
_REGION_KINDS = frozenset("oblast region province governorate".split())
_REGION_SYNONYMS = _REGION_KINDS | {"regions", "provinces"}


def _join_region_names(keys: list[str], by_key: dict[str, list[Mention]],
                       joiner: Joiner) -> None:
    """"the Varno region" and "Varno Oblast": a name the text uses for a region (a region
    word in lower case right after it) is that region's, where one such region is named.
    So is the name alone ("Varno" and "Varno Prefecture"), unless the text also calls it
    a town ("Varno city", "the town of Varno": two places) or a country."""
    regions: dict[str, set[str]] = defaultdict(set)
    named: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        head, _, last = key.rpartition(" ")
        if head and last in _REGION_KINDS:
            regions[head].add(key)
        if head and last in _REGION_KINDS | {"prefecture"}:
            named[head].add(key)  # (a county is a government of its own, apart from its town)
    places = gazetteer()
    for key in keys:
        owners = {joiner.find(k) for k in regions.get(key, ())}
        if len(owners) == 1 and any(m.next_word in _REGION_SYNONYMS for m in by_key[key]):
            joiner.union(key, owners.pop())
            continue
        owners = {joiner.find(k) for k in named.get(key, ())}
        if len(owners) == 1 and key not in places.country_of and not any(
                m.next_word in _TOWN_NOUNS or m.class_noun in _TOWN_CLASS_NOUNS
                for m in by_key[key]):
            joiner.union(key, owners.pop())


def _place_name(words: list[str]) -> bool:
    """Words that name a known place, a compass word allowed before it ("southern varno")."""
    places = gazetteer()
    if len(words) > 1 and words[0] in DIRECTION_WORDS:
        words = words[1:]
    name = " ".join(words)
    return name in places.regions or name in places.country_of or name in places.cities


def _possessive_names(mentions: list[Mention]) -> dict[str, str]:
    """"Lloyd's List", "Moody's Analytics": a one-word name that the text always writes
    with "'s" (twice or more, never a place's nor an initialism) is a name that ends in
    "'s", and the name right after it is part of it. The names after it are joined to it
    in place (once: a mention read again, from a memo or a repeated sentence, is left as
    it is); returns the key of the short name -> the key of the one longer name."""
    places = gazetteer()
    written: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        written[m.key].append(m)
    fixed = {key for key, found in written.items()
             if len(found) >= 2 and " " not in key and all(m.possessive for m in found)
             and key not in places.country_of and key not in places.demonym_of
             and not _gazetteer_place(key, found) and not _is_initialism(found)}
    longer: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        owner = m.owner
        if owner is None or owner.key not in fixed:
            continue
        if not m.surface.startswith(f"{owner.surface}'s "):
            m.surface = f"{owner.surface}'s {m.surface}"
            m.key, m.start = entity_key(m.surface), owner.start
        longer[owner.key].add(m.key)
    return {key: full.pop() for key, full in longer.items() if len(full) == 1}


def _owners_works(mentions: list[Mention]) -> None:
    """"the Zentrix plant" where Zentrix itself reports ("Zentrix said") is the company's
    plant, not a facility's name: the mention goes back to the company."""
    bodies = {m.key for m in mentions if m.next_word in REPORT_VERBS}
    for m in mentions:
        parts = structure_parts(m.key)
        if parts and parts[0] in bodies and parts[2] in _OWNED_HEADS:
            words = len(parts[0].split())
            m.surface = " ".join(m.surface.split()[:words])
            m.key, m.end = parts[0], m.start + len(m.surface)
            m.next_word = parts[2]


def _regions_of_towns(mentions: list[Mention]) -> None:
    """"Varno province" and "Varno city" in one text: the name is a town's and a region's
    named for it, two places. Where the text also writes the name as a town's ("Varno
    city", "the city of Varno"), a mention of it with a region's word after it ("Varno
    province") is the region's; elsewhere a name and its region word are one place."""
    towns = {m.key for m in mentions if m.next_word in _TOWN_NOUNS
             or m.class_noun in _TOWN_CLASS_NOUNS}
    for m in mentions:
        if m.key in towns and m.next_word in REGION_WORDS and not m.possessive:
            m.end += len(m.next_word) + 1
            m.surface = f"{m.surface} {m.next_word}"
            m.key = entity_key(m.surface)
            m.next_word = ""


_TOWN_NOUNS = frozenset("city town".split())
_TOWN_CLASS_NOUNS = frozenset({"city", "town", "city of", "town of"})


def _drop_counts(mentions: list[Mention]) -> None:
    """"64 XR 7 jets": a count before a designation that is elsewhere written without
    it ("the Aerion 380 XR 7") is no part of its name; "380 XR 7", the end of a
    longer name, keeps its model number."""
    keys = {m.key for m in mentions}
    tails = {" ".join(words[cut:]) for words in (k.split() for k in keys)
             for cut in range(1, len(words))}
    for m in mentions:
        count, _, rest = m.key.partition(" ")
        if re.fullmatch(r"(?:1[89]|20)\d\d", count) and rest.split()[-1:] and \
                rest.split()[-1] in EVENT_HEADS:
            continue  # "the 1986 Tarsk blast": a year that names a past event, no count
        if count.isdigit() and rest and m.key not in tails and (rest in keys or rest in tails) \
                and rest.split()[0] not in _CONNECTORS:  # ("14 de Julho": a day's name)
            m.surface, m.key = m.surface.partition(" ")[2].lstrip(), rest
            m.start = m.end - len(m.surface)


def _names_place(class_noun: str) -> bool:
    """A class noun that says a place follows: "town", "town of", a region after a comma."""
    return class_noun == "place" or class_noun.split(" ")[0] in PLACE_NOUNS


def _gazetteer_place(key: str, found: list[Mention]) -> bool:
    """A city, state or province, unless only ever written as an initialism ("UN")."""
    places = gazetteer()
    return (key in places.cities or key in places.regions) and not (
        len(key) <= 4 and all(_is_initialism([m]) for m in found))


def _is_initialism(found: list[Mention]) -> bool:
    """Written in capitals as one short word: "HVB", "IAEA" (not a shouted "PORT NORTH")."""
    return any(re.fullmatch(r"[A-Z]{2,6}|(?:[A-Z]\.){2,6}", m.surface) for m in found)


def _people(by_key: dict[str, list[Mention]]) -> set[str]:
    """Keys shaped like a person's name and marked as one (a title, "said", an age),
    or whose surname also stands alone."""
    shaped = set()
    for key, found in by_key.items():
        parts = key.split()
        if 2 <= len(parts) <= 5 and \
                not set(parts) & (ORG_WORDS | PLACE_WORDS | EVENT_WORDS | COMPANY_WORDS) \
                and all(m.surface[:1].isupper() for m in found) and \
                all(p.isalpha() or "-" in p or "'" in p for p in parts) and \
                parts[0] not in SHIP_PREFIXES and not gazetteer().country_of.get(key) and \
                not set(parts) & DIRECTION_WORDS:
            shaped.add(key)
    return {key for key in shaped if (any(m.titled for m in by_key[key])
                                      or key.split()[-1] in by_key)
            and not any(m.article for m in by_key[key])}


@dataclass(frozen=True)
class _KindContext:
    makers: frozenset[str]  # first words of model designations
    region_heads: frozenset[str]  # names that open a region's name


def _kind(draft: TopicDraft, people: set[str], context: _KindContext) -> str:
    """person, organisation, place, system or event, from the name's words and its context."""
    places = gazetteer()
    words = set(draft.key.split())
    first = draft.key.split()[0]
    total = sum(draft.surfaces.values())
    if draft.key in places.country_of:
        return "place"
    if first in EVENT_WORDS or re.search(r"\bflight \d", draft.key) or (
            draft.key.split()[-1] in EVENT_HEADS and any(
                s.split()[-1].islower() for s in draft.surfaces)):
        return "event"  # "Hurricane Tamsin", "Flight 404", "the Varno fire"
    if first in NUMBERED_NOUNS or draft.key.split()[-1] in ROAD_HEADS | STREET_HEADS:
        return "place"  # "Route 9", "Interstate 40", "the A7 motorway", "Tasman Drive"
    if first in SHIP_PREFIXES or re.search(r"[a-z]\d|\d[a-z]", draft.key.replace(" ", "")) or (
            _ROMAN_MODEL.search(draft.key) and not draft.titled) or any(
                _LETTER_DESIGNATION.fullmatch(s) for s in draft.surfaces):
        return "system"  # "USS Carney", "F-16", "380 XR 7", "Condor IV" (not "King Ivo IV")
    if _SHELTER_TAIL.search(" " + draft.key.split(" ", 1)[-1]) and " " in draft.key:
        return "place"  # "the Varno transit centre": a site, not a body
    if _VERB_THE_NOUN.fullmatch(draft.key):
        return "organisation"  # "Save the Children": a campaign's or a charity's name
    if words & ORG_WORDS or first == "federal" or {w.lower() for s in draft.surfaces
                             for w in _CAMEL_PART.findall(s)} & ORG_WORDS or (
            len(words) > 1 and (draft.key.split()[-1] in TRADE_WORDS | COMPANY_WORDS
                                or draft.key.split()[-1].endswith(_ORG_ENDINGS)
                                or first in COMPANY_WORDS)) or (
            " " not in draft.key and any(_BRAND.fullmatch(s) for s in draft.surfaces)):
        return "organisation"  # also "Orbit AeroSystems"
    heads = {parts[2] for parts in map(structure_parts, sorted(draft.keys)) if parts}
    if heads:
        # "the Varno dam", "the Ostra nuclear power plant" are works; a bridge, a river,
        # a market or an airport is a place.
        return "system" if heads & WORKS_HEADS else "place"
    parts = draft.key.split()
    if (len(words) > 1 and parts[-1] in GEO_FEATURES) or (len(parts) >= 3 and parts[-1] == "park"):
        # "the Red Sea", "Calypso Deep", "Orla National Park" (two words and "Park" may
        # be a person's name: "Grace Park")
        return "place"
    if len(words) > 1 and parts[-1] in ORG_SCOPES and not words & _CONNECTORS:
        return "organisation"  # "CARE International"
    if words & EVENT_WORDS and draft.key.split()[-1] not in PLACE_WORDS:
        return "event"  # "World War Two"; but "the Varno Test Range" is a place
    if first in DIRECTION_WORDS and len(words) > 1 and not draft.reports:
        return "place"  # "North Atlantic", "East Varno"; but "Southern Varno Power said"
    nouns = sum(count for word, count in draft.next_words.items() if word in SYSTEM_NOUNS)
    nouns += sum(count for word, count in draft.class_nouns.items() if word in SYSTEM_NOUNS)
    speaks = sum(count for word, count in draft.next_words.items() if word in SPEECH_VERBS)
    if nouns and (nouns * 2 >= total or nouns >= 2) and not speaks:
        return "system"  # "Leopard tanks"; but "a North Ridge train" and "NR said"
    if len(parts) > 1 and first in GEO_FEATURES and (first in GEO_OPENERS or parts[1] == "of"):
        return "place"  # "Mount Kell", "Cape of Storms"; but "the tanker Sea Lark"
    if " " in draft.key and (_gazetteer_place(draft.key, []) or parts[-1] in REGION_WORDS):
        return "place"  # also "Varno Governorate", "Tarsk Oblast"
    # "company Vidora", "Reuters news agency": a class noun before or after the name.
    org_nouns = sum(c for n, c in draft.class_nouns.items() if n in ORG_NOUNS) + sum(
        c for n, c in draft.next_words.items() if n in ORG_NOUNS or n == "news")
    if org_nouns > draft.titled:
        return "organisation"  # "his company Action Aviation said"
    if draft.key in context.makers or (draft.reports and draft.articled):
        return "organisation"  # "Aerion" of "Aerion 380"; "the Red Cross warned"
    buildings = sum(c for n, c in draft.next_words.items() if n in BUILDING_NOUNS)
    settlements = sum(c for n, c in draft.next_words.items() if n in PLACE_NOUNS)
    if buildings * 2 >= total or settlements * 2 >= total or draft.key in context.region_heads \
            or (len(words) > 1 and draft.key.split()[-1] in BUILDING_NOUNS):
        return "place"  # "the Sky Palms building", "Orla village", "Varno" of "Varno Oblast"
    if draft.keys & people and (draft.titled or any(n in PERSON_NOUNS or n == "person"
                                                    for n in draft.class_nouns)):
        return "person"
    if words & PLACE_WORDS or any(_names_place(n) for n in draft.class_nouns) or \
            _gazetteer_place(draft.key, _surface_mentions(draft)):
        return "place"
    if any(_is_initialism([m]) for m in _surface_mentions(draft)):
        return "organisation"
    if len(parts) >= 3 and first in places.demonym_of:
        return "organisation"  # "the French Red Cross": a nation's body (see _split_run)
    if draft.keys & people:
        return "person"
    if " " not in draft.key and draft.reports:
        return "organisation"  # a one-word name that reports, not a person's: "Ukrenergo"
    if draft.located >= 2 and 2 * draft.located >= total:
        return "place"  # "a plant in Sorrento", "families in Sorrento": read as a place
    return "other"


def _surface_mentions(draft: TopicDraft) -> list[Mention]:
    return [Mention(s, draft.key, 0, 0) for s in sorted(draft.surfaces)]


def _display_name(draft: TopicDraft, config_aliases: dict[str, list[str]]) -> str:
    for name in config_aliases:
        if entity_key(name) == draft.key:
            return name
    places = gazetteer()
    country = places.country_of.get(draft.key)
    if country:
        # The name the sources write ("Czechia"), where the table's name ("Czech Republic") is not.
        written = [(n, s) for s, n in draft.surfaces.items() if entity_key(s) in places.countries
                   and not s.replace(".", "").isupper()]
        if written and entity_key(country) not in {entity_key(s) for _, s in written}:
            return max(written)[1]
        return country
    # The fullest spelling, then the most used: "The Wall Street Journal" over "WSJ".
    best = max(draft.surfaces.items(),
               key=lambda item: (len(item[0].replace(".", "").split()),
                                 not item[0].replace(".", "").isupper(), item[1], item[0]))[0]
    if " " in best and best.isupper():
        best = best.title()  # a dateline's "SAN FRANCISCO" and nothing else
    if draft.kind == "system" and draft.next_words:
        noun = max((w for w in draft.next_words if w in SYSTEM_NOUNS),
                   key=lambda w: (draft.next_words[w], w), default="")
        if noun:
            # "Leopards" + "tanks" -> "Leopard tank"
            base = best[:-1] if best.endswith("s") and best[:-1] in draft.surfaces else best
            return f"{base} {_singular(noun)}"
    return best


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun
