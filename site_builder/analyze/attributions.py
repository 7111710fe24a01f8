"""Non-numeric disagreements: who did it, and who is blamed for it.

Shapes read from the sentence's words and its named mentions (no parser), among them:

- the same one-off act (a closure or seizure, the brokering of a deal) done to the same
  named thing, credited to different agents by different outlets ("the FDIC shut the
  bank" / "the bank was shut by state regulators");
- mutual blame: one party blames a second for the event and the second blames the first
  ("Moscow blamed Ukrainian shelling"; "Ukraine accused Russian forces of blowing it up");
- the clock time of one event ("the quake struck at 12:50 p.m." / "the quake hit around
  1:30 p.m. local time") when the two times cannot both hold, in the same time zone;
- one quotation given to two people; one departure or landfall put on two dates; one
  thing's passive act ("was refloated") at two times; one letter dated to two days; an
  attempt told by one outlet and denied in another ("nobody tried to tow it"); one
  person's announcement put at two venues.

Compatible readings are left alone: agents named together ("X and Y brokered"), a
general agent and a specific one that fits it ("federal regulators" / "the Federal ...
Corporation"), a person and an organisation (one may speak or act for the other), acts
of the same kind done by agents whose jurisdiction cannot be told apart. Claims are
grouped by a key (action and object, or the pair of parties), never compared all-pairs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..dates import WEEKDAYS
from ..models import Article, Claim, Disagreement, Ref, Topic
from ..text import STOPWORDS, stem, words
from .clock_times import CLOCK, read_clock
from .declarations import declaration_rows
from .departures import departure_rows
from .entities import EVENT_HEADS, Mention
from .figure_sources import figure_source_rows
from .gazetteer import gazetteer
from .part_of_day import part_of_day_rows
from .sentences import Sentence, per_form, per_form_found, rebound, watch_lookups
from .tellings import partners
from .zone_offsets import zone_offset_rows

# Acts that one agent does once to a thing: a second agent for the same act is a conflict.
# Acts many may do together or in turn (announce, confirm, order) are left out on purpose.
_ACTS = {"shut": "shut", "closed": "shut", "shuttered": "shut", "seized": "shut",
         "brokered": "brokered", "mediated": "brokered"}
_ACT = re.compile(r"\b(shut|closed|shuttered|seized|brokered|mediated)(\s+down)?\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$")
# Between a passive verb and its "by": a short time or place phrase ("on Friday").
_TO_BY = re.compile(r"^(?:\s+(?:on|in|at|early|late|last)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?"
                    r",?\s+by\s+(?:the\s+)?")
_AUX_BEFORE = re.compile(r"(?:\s+(?:has|had|have|also|reportedly|then))*\s*$")
# Nouns for a body of people acting as one: the head of an unnamed agent.
_ROLE_NOUNS = frozenset({
    "regulator", "regulators", "authorities", "officials", "forces", "troops", "police",
    "government", "investigators", "prosecutors", "mediators", "negotiators", "workers",
    "militants", "fighters", "agency", "ministry", "army", "military"})
_ROLE_AFTER = re.compile(r"^(?:\s+[a-z]+){0,2}?\s+(?:" + "|".join(sorted(_ROLE_NOUNS)) + r")\b")
_QUALIFIER = re.compile(r"^[A-Za-z][\w'’-]*$")
_LEVEL_WORDS = {"federal": "national", "national": "national", "state": "state",
                "provincial": "state", "city": "local", "municipal": "local",
                "county": "local", "local": "local"}
_BLAME = re.compile(r"\b(blamed|accused)\s+")
_BLAME_ON = re.compile(r"^(?:[\w'’-]+\s+){0,4}?on\s+(?:the\s+)?")


@dataclass(frozen=True)
class Agent:
    """Who did an act, as one outlet tells it."""

    text: str  # as written, for display
    key: str  # a topic slug, or the phrase in lower case
    named: bool  # a named entity, not "state regulators"
    kind: str  # the topic's kind for a named agent ("person", "organisation", ...)
    words: frozenset[str]  # lower-case words of the name or phrase
    levels: frozenset[str]  # jurisdictions the phrase names: national | state | local


@dataclass(frozen=True)
class _Act:
    sentence: Sentence
    action: str
    object_key: str
    object_text: str
    agents: tuple[Agent, ...]  # more than one when named together ("X and Y")


class _Names:
    """Mentions resolved to topics, through the topics' names and aliases."""

    def __init__(self, topics: list[Topic]) -> None:
        self.of_surface: dict[str, Topic] = {}
        self.of_slug = {topic.slug: topic for topic in topics}
        for topic in topics:
            for surface in (topic.name, *topic.aliases):
                self.of_surface.setdefault(surface.casefold(), topic)
        self.asked: set[str] | None = None  # the surfaces looked up, while kept readings ask

    def topic(self, mention: Mention) -> Topic | None:
        surface = mention.surface.casefold()
        if self.asked is not None:
            self.asked.add(surface)
        return self.of_surface.get(surface)

    def key(self, mention: Mention) -> str:
        topic = self.topic(mention)
        return topic.slug if topic else mention.key


def find_attribution_disagreements(sentences: list[Sentence], articles: list[Article],
                                   topics: list[Topic]) -> list[Disagreement]:
    """Rows where outlets credit one act to different agents, or blame each other's side."""
    names = _Names(topics)
    watch_lookups(sentences, names)  # each form's readings kept between builds
    rows = (_agent_rows(sentences, articles, names)
            + _blame_rows(sentences, articles, names)
            + _clock_rows(sentences, articles)
            + _speaker_rows(sentences, articles, names)
            + _denial_rows(sentences, articles, names)
            + _found_rows(sentences, articles)
            + _nationality_rows(sentences, articles)
            + _disowned_rows(sentences, articles, names)
            + _estimate_rows(sentences, articles, names)
            + _counted_rows(sentences, articles, names)
            + _rebuttal_rows(sentences, articles, names)
            + _quote_rows(sentences, articles, names)
            + _dated_rows(sentences, articles, names)
            + _attempt_rows(sentences, articles)
            + _opposite_state_rows(sentences, articles)
            + _done_at_rows(sentences, articles, names)
            + _letter_rows(sentences, articles)
            + _venue_rows(sentences, articles, names)
            + part_of_day_rows(sentences, articles, _claim)
            + zone_offset_rows(sentences, articles, _claim)
            + declaration_rows(sentences, articles, _claim)
            + departure_rows(sentences, articles, _claim))
    # A figure's two sources, unless a row above already sets the same paragraphs apart
    # (one body's estimate against another's is also a figure given by two sources).
    told = {_paragraphs(row) for row in rows}
    return rows + [row for row in figure_source_rows(sentences, articles, names.topic, topics,
                                                     _claim) if _paragraphs(row) not in told]


def _paragraphs(row: Disagreement) -> frozenset[Ref]:
    return frozenset(ref for c in row.claims for ref in c.support)


# --- who did the act -------------------------------------------------------------------


def _agent_rows(sentences: list[Sentence], articles: list[Article],
                names: _Names) -> list[Disagreement]:
    by_key: dict[tuple[str, str], list[_Act]] = {}
    for s, found in per_form_found(sentences, lambda s: _acts(s, names)):
        for act in rebound(found, s):
            by_key.setdefault((act.action, act.object_key), []).append(act)
    rows = []
    for (action, _), acts in sorted(by_key.items()):
        together = {frozenset((a.key, b.key)) for act in acts for a in act.agents
                    for b in act.agents if a.key != b.key}
        groups: dict[str, list[_Act]] = {}
        for act in acts:
            if len(act.agents) == 1:
                groups.setdefault(act.agents[0].key, []).append(act)
        agents = {key: group[0].agents[0] for key, group in groups.items()}
        keys = sorted(groups)
        clash = any(_clash(agents[a], agents[b]) and frozenset((a, b)) not in together
                    and _other_outlet(groups[a], groups[b])
                    for i, a in enumerate(keys) for b in keys[i + 1:])
        if not clash:
            continue
        claims = [_claim(agents[key].text, [act.sentence for act in groups[key]], articles)
                  for key in keys]
        claims.sort(key=lambda c: (c.support[0].article, c.support[0].paragraph, c.value))
        rows.append(Disagreement(f"who {action} {acts[0].object_text}", claims,
                                 kind="contradicts"))
    return rows


def _other_outlet(a: list[_Act] | list[_Speaker], b: list[_Act] | list[_Speaker]) -> bool:
    return bool({x.sentence.ref.article for x in a} ^ {x.sentence.ref.article for x in b})


def _clash(a: Agent, b: Agent) -> bool:
    """Two agents that cannot both have done a one-off act."""
    if a.key == b.key or a.words <= b.words or b.words <= a.words:
        return False
    if a.named and b.named:
        # A person may act for an organisation: only two of a kind clash.
        return a.kind == b.kind and a.kind in ("person", "organisation", "place")
    # "federal regulators" against "state regulators" clash; "regulators" fits anyone.
    return bool(a.levels and b.levels and a.levels.isdisjoint(b.levels))


def _acts(s: Sentence, names: _Names) -> list[_Act]:
    text = s.text
    found = []
    for m in _ACT.finditer(text):
        action = _ACTS[m.group(1)]
        before, after = text[:m.start()], text[m.end():]
        if _PASSIVE_BEFORE.search(before):
            obj = _mention_ending(s, _PASSIVE_BEFORE.search(before).start())
            by = _TO_BY.match(after)
            agents = _agents_at(s, m.end() + by.end(), names) if by else None
        else:
            obj = _mention_starting(s, m.end())
            agents = _agents_before(s, m.start(), names)
        if obj is None or not agents:
            continue
        found.append(_Act(s, action, names.key(obj), obj.surface, agents))
    return found


def _mention_ending(s: Sentence, end: int) -> Mention | None:
    end = len(s.text[:end].rstrip())
    return next((m for m in s.mentions if m.end == end), None)


def _mention_starting(s: Sentence, start: int) -> Mention | None:
    rest = s.text[start:]
    skip = len(rest) - len(rest.lstrip())
    if rest.lstrip().lower().startswith("the "):
        skip += 4
    return next((m for m in s.mentions if m.start == start + skip), None)


def _agents_at(s: Sentence, start: int, names: _Names) -> tuple[Agent, ...] | None:
    """The agent phrase starting at `start` (after "by"), with any named together."""
    first = _agent_from(s, start, names)
    if first is None:
        return None
    agent, end = first
    joined = re.match(r"^(?:,\s+|\s+(?:and|with|along with|together with)\s+)(?:the\s+)?",
                      s.text[end:])
    if not joined:
        return (agent,)
    second = _agent_from(s, end + joined.end(), names)
    if second:
        return (agent, second[0])
    # After a comma comes a clause ("..., who"); after "and" an agent not understood.
    return (agent,) if joined.group().startswith(",") else None


def _agents_before(s: Sentence, end: int, names: _Names) -> tuple[Agent, ...] | None:
    """The agent phrase ending just before the verb (past "has", "also" ...)."""
    end = _AUX_BEFORE.search(s.text[:end]).start()
    found = _agent_to(s, end, names)
    if found is None:
        return None
    agent, start = found
    joined = re.search(r"\s+(?:and|with)\s+(?:the\s+)?$", s.text[:start])
    if not joined:
        return (agent,)
    second = _agent_to(s, joined.start(), names)
    return (agent, second[0]) if second else None


def _agent_from(s: Sentence, start: int, names: _Names) -> tuple[Agent, int] | None:
    mention = next((m for m in s.mentions if m.start == start), None)
    if mention is not None:
        # "California banking regulators": a place's body of people is a role phrase.
        role = _ROLE_AFTER.match(s.text[mention.end:])
        if role is None:
            return _named(mention, mention.surface, names), mention.end
        end = mention.end + role.end()
        if _is_place(mention, names):
            return _role(s.text[mention.start:end]), end
        return _named(mention, s.text[mention.start:end], names), end
    tokens = []
    for match in re.finditer(r"\S+", s.text[start:]):
        word = match.group().rstrip(",.;:")
        if not _QUALIFIER.match(word) or len(tokens) > 3:
            return None
        tokens.append(word)
        if word.lower() in _ROLE_NOUNS:
            return _role(" ".join(tokens)), start + match.start() + len(word)
        if word != match.group():
            return None
    return None


def _agent_to(s: Sentence, end: int, names: _Names) -> tuple[Agent, int] | None:
    mention = next((m for m in s.mentions if m.end == end), None)
    if mention is not None:
        return _named(mention, mention.surface, names), mention.start
    head = re.search(r"([A-Za-z]+)$", s.text[:end])
    if head is None:
        return None
    if head.group(1).lower() not in _ROLE_NOUNS:
        # "Aerion workers": a role noun after a name is that name's people.
        return None
    owner = next((m for m in s.mentions if m.end == head.start() - 1), None)
    if owner is not None and not _is_place(owner, names):
        return _named(owner, s.text[owner.start:end], names), owner.start
    qualifiers = re.search(r"((?:[A-Za-z][\w'’-]*\s+){0,3})$", s.text[:head.start()])
    start = qualifiers.start() if qualifiers else head.start()
    # Stop at a word that cannot qualify a body of people (a verb, "the", ...).
    phrase = s.text[start:end].split()
    while len(phrase) > 1 and phrase[0].lower() in ("the", "a", "an", "and", "by", "that",
                                                    "which", "who", "when", "after"):
        phrase = phrase[1:]
    text = " ".join(phrase)
    return _role(text), end - len(text)


def _named(mention: Mention, text: str, names: _Names) -> Agent:
    topic = names.topic(mention)
    kind = topic.kind if topic else ""
    # A capital acting stands for its country: "Moscow" and "Russia" are one agent.
    country = gazetteer().country_of.get(mention.surface.lower())
    return Agent(text, country or names.key(mention), True, "place" if country else kind,
                 frozenset(w.lower() for w in words(mention.surface)),
                 _levels(mention.surface))


def _is_place(mention: Mention, names: _Names) -> bool:
    topic = names.topic(mention)
    return (topic.kind == "place") if topic else bool(_levels(mention.surface))


def _role(text: str) -> Agent:
    lower = frozenset(w.lower() for w in words(text))
    return Agent(text, " ".join(w.lower() for w in words(text)), False, "", lower,
                 _levels(text))


def _levels(text: str) -> frozenset[str]:
    """Jurisdictions a name or phrase names: a country is national, a state a state ..."""
    places = gazetteer()
    levels = set()
    tokens = [w.lower() for w in words(text)]
    for n in range(len(tokens)):
        word = tokens[n]
        if word in _LEVEL_WORDS:
            levels.add(_LEVEL_WORDS[word])
        for size in (3, 2, 1):
            name = " ".join(tokens[n:n + size])
            if name in places.countries or name in places.demonym_of:
                levels.add("national")
            elif name in places.regions:
                levels.add("state")
            elif name in places.cities:
                levels.add("local")
    return frozenset(levels)


# --- who is blamed -------------------------------------------------------------------


@dataclass(frozen=True)
class _Blame:
    sentence: Sentence
    accuser: str | None  # a party (country or topic), None when not resolved
    blamed: str


def _blame_rows(sentences: list[Sentence], articles: list[Article],
                names: _Names) -> list[Disagreement]:
    blames = [b for s, found in per_form_found(sentences, lambda s: _blames(s, names))
              for b in rebound(found, s)]
    directed: dict[tuple[str, str], list[_Blame]] = {}
    of_blamed: dict[str, list[_Blame]] = {}
    for b in blames:
        of_blamed.setdefault(b.blamed, []).append(b)
        if b.accuser is not None and b.accuser != b.blamed:
            directed.setdefault((b.accuser, b.blamed), []).append(b)
    rows = []
    for a, b in sorted(directed):
        if a > b or (b, a) not in directed:
            continue
        one, other = directed[(a, b)], directed[(b, a)]
        if not _same_event(one, other, {a, b}):
            continue
        # Blame of a party by anyone but itself joins its side.
        claims = []
        for accuser, blamed in ((a, b), (b, a)):
            said = [x.sentence for x in of_blamed[blamed] if x.accuser != blamed]
            claims.append(_claim(f"{blamed} is to blame (says {accuser})", said, articles))
        rows.append(Disagreement(f"who is to blame: {a} and {b} blame each other", claims,
                                 kind="contradicts"))
    return rows


def _same_event(one: list[_Blame], other: list[_Blame], parties: set[str]) -> bool:
    """Some sentences of each side share a word that is not a party's or the blaming."""
    drop = {stem(w.lower()) for p in parties for w in words(p)} | {"blame", "accus"}
    if {b.sentence.index for b in one} & {b.sentence.index for b in other}:
        return True
    stems_one = set().union(*(b.sentence.stems for b in one)) - drop
    return any(stems_one & (b.sentence.stems - drop) for b in other)


def _blames(s: Sentence, names: _Names) -> list[_Blame]:
    found = []
    for m in _BLAME.finditer(s.text):
        head = _AUX_BEFORE.search(s.text[:m.start()]).start()
        accuser_mention = next((x for x in s.mentions if x.end == head), None)
        accuser = _party(accuser_mention, names) if accuser_mention else None
        if accuser_mention is None and not re.search(r"\b[a-z]+$", s.text[:head]):
            continue
        after = m.end()
        if m.group(1) == "blamed":
            on = _BLAME_ON.match(s.text[after:])
            after += on.end() if on else 0
        blamed = _party_at(s, after, names)
        if blamed is not None:
            found.append(_Blame(s, accuser, blamed))
    return found


def _party_at(s: Sentence, start: int, names: _Names) -> str | None:
    """A named party at `start`, or a nationality word: "Ukrainian shelling" -> Ukraine."""
    rest = s.text[start:]
    skip = 4 if rest.lower().startswith("the ") else 0
    mention = next((m for m in s.mentions if m.start == start + skip), None)
    if mention is not None:
        return _party(mention, names)
    word = re.match(r"[A-Z][\w'’-]*", rest[skip:])
    if word is None:
        return None
    return gazetteer().demonym_of.get(word.group().lower())


def _party(mention: Mention, names: _Names) -> str | None:
    """A country for a country, its capital or its nationality; else the topic's name."""
    places = gazetteer()
    lower = mention.surface.lower()
    first = lower.split()[0]
    if lower in places.country_of:
        return places.country_of[lower]
    if first in places.demonym_of:
        return places.demonym_of[first]
    topic = names.topic(mention)
    if topic is None or topic.kind == "person":
        return None  # which side a person speaks for is not known without more reading
    return topic.name


# --- whom a spokesperson speaks for -----------------------------------------------------

_SPOKES = r"(?:spokes(?:man|woman|person)|press secretary)"
# "Ana Ruiz, a spokeswoman for the Varno Port Authority" / "Ana Ruiz, spokesman of NTSB"
_FOR_AFTER = re.compile(r",\s+(?:(?:a|an|the)\s+)?(?:[a-z][\w'’-]*\s+){0,2}?" + _SPOKES
                        + r"\s+(?:for|of|at)\s+(?:the\s+)?")
# "Ana Ruiz, a Port Authority spokesman": the body's name between the article and the role.
_ARTICLE_AFTER = re.compile(r",\s+(?:a|an|the)\s+")
_ROLE_AFTER_BODY = re.compile(r"(?:['’]s)?\s+(?:[a-z][\w'’-]*\s+)?" + _SPOKES + r"\b")
# "Port Authority spokesman Ana Ruiz"
_ROLE_BEFORE_NAME = re.compile(r"(?:['’]s)?\s+" + _SPOKES + r",?\s+")
_FORMER = re.compile(r"\b(?:former|ex-|then-|one-time|onetime)", re.I)


@dataclass(frozen=True)
class _Speaker:
    sentence: Sentence
    person: Topic
    body: Topic


def _speaker_rows(sentences: list[Sentence], articles: list[Article],
                  names: _Names) -> list[Disagreement]:
    """One person named as the spokesperson of two different organisations."""
    by_person: dict[str, list[_Speaker]] = {}
    for s, speakers in per_form_found(sentences, lambda s: _speakers(s, names)):
        for found in rebound(speakers, s):
            by_person.setdefault(found.person.slug, []).append(found)
    rows = []
    for _, said in sorted(by_person.items()):
        bodies: dict[str, list[_Speaker]] = {}
        for x in said:
            bodies.setdefault(x.body.slug, []).append(x)
        keys = sorted(bodies)
        if not any(_other_bodies(bodies[a][0].body, bodies[b][0].body)
                   and _other_outlet(bodies[a], bodies[b])
                   for i, a in enumerate(keys) for b in keys[i + 1:]):
            continue
        claims = [_claim(bodies[k][0].body.name, [x.sentence for x in bodies[k]], articles)
                  for k in keys]
        claims.sort(key=lambda c: (c.support[0].article, c.support[0].paragraph, c.value))
        rows.append(Disagreement(f"who {said[0].person.name} speaks for", claims,
                                 kind="contradicts"))
    return rows


def _other_bodies(a: Topic, b: Topic) -> bool:
    """Two organisations, neither a short form or a part of the other's name."""
    words_a = {w.lower() for w in words(a.name)}
    words_b = {w.lower() for w in words(b.name)}
    short = {n.replace(".", "").upper() for n in (a.name, b.name) if len(n.split()) == 1}
    spelled = {"".join(w[0] for w in words(n) if w[0].isupper()) for n in (a.name, b.name)}
    return not (words_a <= words_b or words_b <= words_a or short & spelled)


def _speakers(s: Sentence, names: _Names) -> list[_Speaker]:
    text = s.text
    found = []
    for m in s.mentions:
        person = names.topic(m)
        if person is None or person.kind != "person":
            continue
        after = text[m.end:]
        body = None
        role = _FOR_AFTER.match(after)
        if role:
            body = _mention_at(s, m.end + role.end())
        else:
            article = _ARTICLE_AFTER.match(after)
            candidate = _mention_at(s, m.end + article.end()) if article else None
            if candidate and _ROLE_AFTER_BODY.match(text[candidate.end:]):
                body, role = candidate, article
        if body is None:
            # "Port Authority spokesman Ana Ruiz": the body right before the role.
            before = next((x for x in s.mentions if x.end <= m.start and _ROLE_BEFORE_NAME
                           .fullmatch(text[x.end:m.start])), None)
            if before is None or _FORMER.search(text[max(0, before.start - 12):m.start]):
                continue
            body = before
        elif _FORMER.search(text[m.end:body.end]):
            continue
        topic = names.topic(body)
        # A body of unknown kind ("a Kremlin spokesman") speaks too; a place's name does not.
        if topic is not None and topic.kind in ("organisation", "other"):
            found.append(_Speaker(s, person, topic))
    return found


def _mention_at(s: Sentence, start: int) -> Mention | None:
    return next((m for m in s.mentions if m.start == start), None)


# --- whether a company caused it: accused by others, denied by itself -------------------

# Words of causing an event; a negation shortly before one denies it. "Start", "spark"
# and "ignite" cause an event only with its noun close by ("started the fire").
_CAUSE = r"(?:caus\w*|start\w*|spark\w*|ignit\w*|to blame|responsible|set off)"
_CAUSE_WORD = re.compile(r"\b" + _CAUSE + r"\b")
_EVENT_NEAR = re.compile(r"\b(?:" + "|".join(sorted(EVENT_HEADS)) + r")s?\b", re.I)
_DENIAL = re.compile(r"\b(?:not|no|never|n['’]t)\b(?:(?!\b(?:what|whether|how|why|if|who)\b)"
                     r"[^.;:]){0,60}?\b" + _CAUSE + r"\b")
# The body's own doing is denied: "its equipment", "it", not "the outage was not caused by".
_OWN = re.compile(r"\b(?:it|its|itself|they|their|we|our)\b")
_SAYS = re.compile(r"\s+(?:(?:has|had|have|also|again)\s+)*(?:said|says|say|maintains|"
                   r"maintained|insists|insisted|told|denied|denies|stated|argues|argued)\b")
# A claim by someone about the company: the company is named after the claim's verb.
_CLAIMS = re.compile(r"\b(?:say|says|said|allege|alleges|alleged|accuse|accuses|accused|"
                     r"claim|claims|claimed|contend|contends|argue|argues)\b")
_NEGATION = re.compile(r"\b(?:not|no|never|n['’]t|denied|denies|den[yi])\b")


def _denial_rows(sentences: list[Sentence], articles: list[Article],
                 names: _Names) -> list[Disagreement]:
    """A company others say caused the event, that says it did not."""
    denied: dict[str, list[Sentence]] = {}
    accused: dict[str, list[Sentence]] = {}
    bodies: dict[str, Topic] = {}
    for s, found in per_form_found(sentences, lambda s: _responsibility(s, names)):
        for topic, denies in found:
            bodies[topic.slug] = topic
            (denied if denies else accused).setdefault(topic.slug, []).append(s)
    rows = []
    for slug in sorted(set(denied) & set(accused)):
        name = bodies[slug].name
        rows.append(Disagreement(f"whether {name} caused it", [
            _claim(f"{name} caused it (say others)", accused[slug], articles),
            _claim(f"{name} did not (says {name})", denied[slug], articles)],
            kind="contradicts"))
    return rows


def _responsibility(s: Sentence, names: _Names) -> list[tuple[Topic, bool]]:
    """(company, denies?) for a company that denies causing something in this sentence
    ("Acme said its equipment did not start the fire"), or that someone else says did
    ("residents say the fire started under an Acme pylon")."""
    text = s.text
    found: list[tuple[Topic, bool]] = []
    for m in s.mentions:
        topic = names.topic(m)
        # A body that acts and speaks: not a person (whose side is unknown), nor a place.
        if topic is None or topic.kind in ("person", "place", "event"):
            continue
        says = _own_statement(s, m)
        denial = _DENIAL.search(text, says) if says is not None else None
        if denial and _OWN.search(text[says:denial.end()]) and _causes(text, denial.end()):
            found.append((topic, True))
            continue
        claim = None
        for c in _CLAIMS.finditer(text[:m.start]):
            claim = c
        if claim is None:
            continue
        clause = text[claim.end():]
        clause = clause[:_CLAUSE_STOP.search(clause).start()] if _CLAUSE_STOP.search(
            clause) else clause
        cause = next((c for c in _CAUSE_WORD.finditer(clause)
                      if _causes(text, claim.end() + c.end())), None)
        if cause is None or m.start >= claim.end() + len(clause) or _NEGATION.search(
                clause[:cause.start()]):
            continue
        # The company is the clause's subject ("allege that Acme ...", "accuse Acme of"),
        # or names the cause right after the verb ("started under an Acme pylon").
        subject = re.fullmatch(r"\s+(?:that\s+)?(?:the\s+)?", text[claim.end():m.start])
        after_cause = claim.end() + cause.end()
        named = after_cause <= m.start and re.fullmatch(
            r"(?:\s+[\w'’-]+){0,3}\s+(?:a|an|the)?\s*", text[after_cause:m.start])
        if subject or named:
            found.append((topic, False))
    return found


def _causes(text: str, end: int) -> bool:
    """Does the cause word ending at `end` say that an event was caused?"""
    word = re.search(r"(\w+)$", text[:end]).group(1).lower()
    if not word.startswith(("start", "spark", "ignit")):
        return True
    near = " ".join(text[:end].split()[-5:-1] + text[end:].split()[:4])
    return bool(_EVENT_NEAR.search(near))


_CLAUSE_STOP = re.compile(r";|, but\b|\. ")
# "Acme acknowledged the fault, but said ...": the company's own later verb of saying.
_LATER_SAYS = re.compile(r"(?:,\s+but|\s+but|\s+and|,)\s+(?:(?:has|had|also)\s+)*(?:said|says|"
                         r"maintains|insists|insisted|denied|denies)\b")


def _own_statement(s: Sentence, m: Mention) -> int | None:
    """Where what a named body says begins: right after "Acme said", or after a later
    "but said" whose subject is still Acme (no other name in between)."""
    says = _SAYS.match(s.text, m.end)
    if says:
        return says.end()
    later = _LATER_SAYS.search(s.text, m.end)
    if later is None or ";" in s.text[m.end:later.start()]:
        return None
    between = [x for x in s.mentions if m.end <= x.start < later.start()]
    if any(re.match(r"\s+(?:said|says|told)\b", s.text[x.end:]) for x in between):
        return None
    return later.end()


# --- whether a body gave the figure credited to it -------------------------------------

# What a body says when it disowns a figure: "the number never came from it", "it had never
# announced them", "denied issuing the toll".
_DISOWN_VERBS = r"(?:announc|issu|releas|publish|giv|gave|provid|report|produc|compil)\w*"
_DISOWNS = re.compile(
    r"\b(?:(?:never|not)\s+(?:come|came)\s+from\s+(?:it|them|us)|(?:was|were)\s+not\s+"
    r"(?:its|their|our)\b|(?:never|not|n['’]t)\s+(?!yet\b)(?:(?:have|had|has|been)\s+)?"
    + _DISOWN_VERBS + r"|\bden(?:ied|ies|y)\s+(?:ever\s+)?(?:having\s+)?" + _DISOWN_VERBS + r")")
# Nouns for a figure, one already given ("the figure", "those numbers", "any count"): not
# one yet to come ("a final toll").
_FIGURE_NOUN = re.compile(r"\b(?:the|that|this|those|these|such|any|its|their)\s+"
                          r"(?:[a-z]+\s+)?(?:figures?|numbers?|toll|tolls|counts?|estimates?|"
                          r"tally|statistics|data)\b")
# A figure credited to a body: "citing the Red Cross", "according to the Red Cross".
_CREDITING = re.compile(r"\b(?:[Cc]iting|[Aa]ccording\s+to|[Qq]uoting|figures\s+from|data\s+from)"
                        r"\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?$")
_SAYS_FIGURE = re.compile(r"\s+(?:(?:has|had|also)\s+)*(?:says|said|reported|reports|"
                          r"estimated|estimates|put|puts|counted|told)\b")


def _disowned_rows(sentences: list[Sentence], articles: list[Article],
                   names: _Names) -> list[Disagreement]:
    """A body that says a figure credited to it did not come from it, against the
    outlets that credit the figure to it."""
    disowned: dict[str, list[Sentence]] = {}
    credited: dict[str, list[Sentence]] = {}
    bodies: dict[str, Topic] = {}
    for s, found in per_form_found(sentences, lambda s: _disowning(s, names)):
        for topic, disowns in found:
            if disowns:
                bodies[topic.slug] = topic
                disowned.setdefault(topic.slug, []).append(s)
            else:
                credited.setdefault(topic.slug, []).append(s)
    rows = []
    for slug in sorted(disowned):
        said = [s for s in credited.get(slug, ()) if s.ref.article != disowned[slug][0]
                .ref.article or s.index < disowned[slug][0].index]
        if not said:
            continue
        name = bodies[slug].name
        rows.append(Disagreement(f"whether {name} gave the figure credited to it", [
            _claim(f"the figure is {name}'s (say others)", said, articles),
            _claim(f"{name} says it never gave it", disowned[slug], articles)],
            kind="contradicts"))
    return rows


def _disowning(s: Sentence, names: _Names) -> list[tuple[Topic, bool]]:
    """(body, disowns?) for each body the sentence has disown a figure (True) or
    credits with one (False)."""
    found = []
    for m in s.mentions:
        topic = names.topic(m)
        if topic is None or topic.kind in ("person", "place", "event"):
            continue
        # From the name on: "X denied issuing ..." disowns with its verb of saying.
        clause = s.text[m.end:] if _own_statement(s, m) is not None else ""
        clause = clause[:_CLAUSE_STOP.search(clause).start()] if _CLAUSE_STOP.search(
            clause) else clause
        disown = _DISOWNS.search(clause)
        if disown and _FIGURE_NOUN.search(clause) and not s.values:
            found.append((topic, True))
        elif s.values and (_CREDITING.search(s.text[:m.start]) or (
                _SAYS_FIGURE.match(s.text, m.end) and not _NEGATION.search(clause))):
            found.append((topic, False))
    return found


# --- who worked out a figure -------------------------------------------------------------

# A body's own working-out of a figure: "the Red Cross estimates that", "port officials had
# calculated that"; and "the insurer's own figure is that". Plain reporting verbs ("said")
# are left out: many bodies repeat one toll, but an estimate is made by one.
_WORKS_OUT = re.compile(r"\s+(?:(?:has|had|have)\s+)?(?:estimates?|estimated|calculated|"
                        r"calculates|reckons|reckoned|projects|projected)\s+that\s+")
_OWN_FIGURE = re.compile(r"(?<=['’]s)\s+(?:own\s+)?(?:figure|estimate|calculation|projection)\s+"
                         r"(?:is|was|puts|put)\b")
# A figure in digits, not a clock time ("7:10") nor a year.
_WORKED_FIGURE = re.compile(r"(?<![\w.,:])(?!(?:19|20)\d\d\b)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
                            r"(?![\d,:])")
_AFTER_WORDS = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class _Estimate:
    sentence: Sentence
    agent: Agent
    what: frozenset[str]  # stems of the words after the figure: what it counts


def _estimate_rows(sentences: list[Sentence], articles: list[Article],
                   names: _Names) -> list[Disagreement]:
    """One figure (same digits, counting the same thing) worked out by one body in one
    outlet and by another body in another: who made the estimate. Blocked by the figure."""
    by_value: dict[str, list[_Estimate]] = {}
    for s, found in per_form_found(sentences, lambda s: _estimates(s, names)):
        for value, estimate in found:
            by_value.setdefault(value, []).extend(rebound([estimate], s))
    rows = []
    for value, found in sorted(by_value.items()):
        groups: dict[str, list[_Estimate]] = {}
        for e in found:
            groups.setdefault(e.agent.key, []).append(e)
        keys = sorted(groups)
        pairs = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]
                 if _two_bodies(groups[a][0].agent, groups[b][0].agent)
                 and len(groups[a][0].what & groups[b][0].what) >= 2
                 and not {e.sentence.ref.article for e in groups[a]}
                 & {e.sentence.ref.article for e in groups[b]}]
        if not pairs:
            continue
        a, b = pairs[0]
        claims = [_claim(groups[k][0].agent.text, [e.sentence for e in groups[k]], articles)
                  for k in (a, b)]
        rows.append(Disagreement(f"who worked out the figure of {value}", claims,
                                 kind="contradicts"))
    return rows


def _two_bodies(a: Agent, b: Agent) -> bool:
    """Two named bodies with no word in common ("the Red Cross" / "the UN"); a person may
    be speaking for a body, so a person never clashes here."""
    return (a.named and b.named and "person" not in (a.kind, b.kind)
            and a.words.isdisjoint(b.words) and a.key != b.key)


def _estimates(s: Sentence, names: _Names) -> list[tuple[str, _Estimate]]:
    """(figure digits, estimate) for each figure in the clause after a body's own
    working-out ("X estimates that ...", "X's own figure is that ...")."""
    found = []
    starts = [(m.start(), m.end()) for m in _WORKS_OUT.finditer(s.text)]
    starts += [(m.start(), m.end()) for m in _OWN_FIGURE.finditer(s.text)]
    for start, end in starts:
        agent = _agent_to(s, start, names)
        if agent is None:
            continue
        clause = s.text[end:]
        stop = _CLAUSE_STOP.search(clause)
        clause = clause[:stop.start()] if stop else clause
        for figure in _WORKED_FIGURE.finditer(clause):
            after = _AFTER_WORDS.findall(clause[figure.end():])[:4]
            what = frozenset(stem(w.lower()) for w in after if w.lower() not in STOPWORDS)
            found.append((figure.group(1).replace(",", ""), _Estimate(s, agent[0], what)))
    return found


# --- what one speaker's figure counted ---------------------------------------------------

_SAYING = re.compile(r"\b(?:said|says|told|warned|estimated|estimates|stated|announced|"
                     r"cautioned|predicted)\b")


def _counted_rows(sentences: list[Sentence], articles: list[Article],
                  names: _Names) -> list[Disagreement]:
    """One person's figure that one outlet reports as counting one thing and another outlet
    as counting another ("90 people unaccounted for" / "a toll that could reach 90"):
    what the figure counted. Blocked by speaker and figure; each property read from the
    figure's frame, and a sentence that names both properties is left out."""
    by_key: dict[tuple[str, str, float], dict[str, list[Sentence]]] = {}
    for s, found in per_form_found(sentences, lambda s: _counted(s, names)):
        for key, prop in found:
            by_key.setdefault(key, {}).setdefault(prop, []).append(s)
    rows = []
    for (speaker, _, value), by_prop in sorted(by_key.items()):
        props = sorted(by_prop)
        if len(props) != 2:
            continue  # one property, or a speaker of many figures: nothing plain to tell
        told = [{s.ref.article for s in by_prop[p]} for p in props]
        if told[0] & told[1]:
            continue
        name = names.of_slug[speaker].name
        rows.append(Disagreement(f"what {name}'s figure of {value:g} counted", [
            _claim(f"{value:g} {p}", by_prop[p], articles) for p in props], kind="contradicts"))
    return rows


def _counted(s: Sentence, names: _Names) -> list[tuple[tuple[str, str, float], str]]:
    """A sentence's figures a single person gives, each with what it counts."""
    if not s.values or not _SAYING.search(s.text):
        return []
    people = {t.slug: t for m in s.mentions if (t := names.topic(m)) and t.kind == "person"}
    if len(people) != 1:
        return []  # who gave the figure must be plain
    [speaker] = people
    props = {f.prop for f in s.values if f.prop}
    return [((speaker, f.dimension, f.value), f.prop) for f in s.values
            if f.prop and len(props) == 1]


# --- an account that another party rebuts --------------------------------------------------

# "B contradicted him", "B disputed Ana Ruiz's account": the text itself says two accounts
# clash. The rebutted party is the pronoun's person earlier in the sentence, or the name.
_REBUTS = re.compile(r"\b(?:contradicted|disputed|refuted|rebutted)\s+(?:(?P<pronoun>him|her)\b|"
                     r"(?=[A-Z]))")
# A party's own telling: its name, perhaps an appositive, then a verb of saying.
_TELLS = re.compile(r"^(?:,[^,;]{1,60},)?\s+(?:(?:has|had|also)\s+)*(?:said|says|claimed|"
                    r"claims|told|insisted|insists|wrote|posted)\b")


def _rebuttal_rows(sentences: list[Sentence], articles: list[Article],
                   names: _Names) -> list[Disagreement]:
    """A party's account that another party is said to contradict, against the outlets
    that report the account: the account is matched by its teller and by two named
    things it shares with the rebuttal (whom it is about), never compared all-pairs."""
    told: dict[str, list[Sentence]] = {}
    named: dict[int, set[str]] = {}  # sentence index -> slugs of the topics it names
    rebuttals = []
    for s, (tellers, slugs, parties) in per_form(sentences, lambda s: _tellings(s, names)):
        for slug in tellers:
            told.setdefault(slug, []).append(s)
        if tellers:
            named[s.index] = slugs
        rebuttals.extend((s, *found) for found in parties)
    rows = []
    for s, teller, rebutter in rebuttals:
        about = {t.slug for x in s.mentions if (t := names.topic(x))} - {teller.slug}
        accounts = [x for x in told.get(teller.slug, ()) if x.ref.article != s.ref.article
                    and len(named[x.index] & about) >= 2]
        if not accounts:
            continue
        rows.append(Disagreement(f"whether {teller.name}'s account holds", [
            _claim(f"{teller.name}'s account", accounts, articles),
            _claim(f"{rebutter.name} contradicts it", [s], articles)], kind="contradicts"))
    return rows


def _tellings(s: Sentence, names: _Names
              ) -> tuple[list[str], set[str], list[tuple[Topic, Topic]]]:
    """The parties whose telling the sentence gives (one slug per telling), the slugs of
    every topic it names, and the (rebutted, rebutting) parties of its rebuttals."""
    tellers = [topic.slug for m in s.mentions if (topic := names.topic(m))
               and topic.kind in ("person", "organisation") and _TELLS.match(s.text[m.end:])]
    slugs = {t.slug for x in s.mentions if (t := names.topic(x))} if tellers else set()
    parties = [found for r in _REBUTS.finditer(s.text)
               if (found := _rebuttal_parties(s, r, names))]
    return tellers, slugs, parties


def _rebuttal_parties(s: Sentence, r: re.Match[str], names: _Names
                      ) -> tuple[Topic, Topic] | None:
    """(the party rebutted, the party rebutting) of a rebuttal, both named people or bodies."""
    def party(m: Mention) -> Topic | None:
        topic = names.topic(m)
        return topic if topic and topic.kind in ("person", "organisation") else None
    # The rebutting party: the last one named in the clause before the verb.
    clause_start = max(s.text.rfind(";", 0, r.start()), s.text.rfind(". ", 0, r.start())) + 1
    before = [(m, t) for m in s.mentions if clause_start <= m.start and m.end <= r.start()
              and (t := party(m))]
    if not before:
        return None
    rebutter = before[-1][1]
    if r.group("pronoun"):
        # "him": the one person whose telling the sentence gave before the clause.
        earlier = [t for m in s.mentions if m.end <= clause_start and (t := party(m))
                   and t.kind == "person" and t.slug != rebutter.slug
                   and _TELLS.match(s.text[m.end:])]
        teller = earlier[0] if len(earlier) == 1 else None
    else:
        named = next((m for m in s.mentions if m.start == r.end()), None)
        teller = party(named) if named else None
    if teller is None or teller.slug == rebutter.slug:
        return None
    return teller, rebutter


# --- whose words a quotation is -----------------------------------------------------------

# A quotation in straight or curly marks; four words or more, so that a stock phrase two
# speakers may both use ("a state of emergency") is not taken for one speaker's words.
_QUOTED = re.compile(r"[\"“]([^\"“”]{12,300})[\"”]")
_QUOTE_WORDS = 4
# A verb that gives words to a speaker: "said", "called it", "described as".
_GIVES_WORDS = re.compile(r"\b(?:said|says|say|called|calls|described|describes|told|tells|"
                          r"wrote|writes|added|adds|warned|warns|declared|declares|termed|"
                          r"labell?ed|branded|dubbed)\b")
# Words saying the quotation is another's, repeated or echoed, or told at second hand
# ("Berg said the mayor had called it ..."): then the speaker is not plain.
_REPEATS = re.compile(r"\b(?:echo\w*|quot\w*|repeat\w*|citing|cited|borrow\w*|"
                      r"reiterat\w*|too|also|again)\b|\bhad\s+(?:said|called|described|told|"
                      r"written|declared|termed|labell?ed|branded|dubbed)\b", re.I)


def _quote_rows(sentences: list[Sentence], articles: list[Article],
                names: _Names) -> list[Disagreement]:
    """One quotation that one outlet gives to one person and another outlet to another:
    whose words they are. Blocked by the quotation's words; each sentence must name one
    person only, with a verb that gives words, so that the speaker is plain."""
    by_quote: dict[str, dict[str, list[Sentence]]] = {}
    people: dict[str, Topic] = {}
    for s in sentences:
        quotes = _QUOTED.findall(s.text)
        if not quotes or _REPEATS.search(s.text) or not _GIVES_WORDS.search(s.text):
            continue
        speakers = {t.slug: t for m in s.mentions
                    if (t := names.topic(m)) is not None and t.kind == "person"}
        # A name of no known kind may be a second person: then who spoke is not plain.
        unknown = [m for m in s.mentions if (t := names.topic(m)) is None or t.kind == "other"]
        if len(speakers) != 1 or unknown:
            continue
        [(slug, person)] = speakers.items()
        people[slug] = person
        for quote in quotes:
            said = [w.lower() for w in words(quote)]
            # Every long word capitalised: a title or a campaign's name, not words said.
            title = all(w[0].isupper() for w in words(quote) if len(w) > 3)
            if len(said) >= _QUOTE_WORDS and not title:
                by_quote.setdefault(" ".join(said), {}).setdefault(slug, []).append(s)
    rows = []
    for quote, by_person in sorted(by_quote.items()):
        slugs = sorted(by_person)
        told = {slug: {s.ref.article for s in by_person[slug]} for slug in slugs}
        pair = next(((a, b) for i, a in enumerate(slugs) for b in slugs[i + 1:]
                     if _two_people(people[a], people[b]) and told[a] - told[b]
                     and told[b] - told[a]), None)
        if pair is None:
            continue
        a, b = pair
        rows.append(Disagreement(f"who said \u201c{quote}\u201d", [
            _claim(people[k].name, by_person[k], articles) for k in (a, b)],
            kind="contradicts"))
    return rows


def _two_people(a: Topic, b: Topic) -> bool:
    """Two people with no name in common (a shared surname may be one person twice)."""
    return a.slug != b.slug and {w.lower() for w in words(a.name)}.isdisjoint(
        w.lower() for w in words(b.name))


# --- on which day a one-off thing happened -----------------------------------------------

# Leaving a place, once: "left Tobruk", "sailed from the port of Tobruk".
_DEPARTS = re.compile(r"\b(?:left|departed(?:\s+from)?|sailed\s+from|set\s+(?:sail|off|out)\s+"
                      r"from)\b")
# Between the verb and the place's name: "the", up to two words, "of" ("the Libyan port of").
_TO_PLACE = re.compile(r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:of\s+)?")
# A named thing's one-off happening: "Helene made landfall", "the Acme mine collapsed".
# Not "hit" or "erupted": a storm hits a town, a volcano erupts, over several days.
_HAPPENS = re.compile(r"\s+(?:(?:has|had)\s+)?(?P<verb>made landfall|came ashore|exploded|"
                      r"collapsed|capsized|sank|crashed|burst)\b")
_HAPPENS_CLASS = {"came ashore": "made landfall", "sank": "capsized"}
# A pronoun before the verb may stand for anyone: the subject is not plain.
_PRONOUN_BEFORE = re.compile(r"\b(?:I|we|they|he|she|you|it|who|which|that)\s+(?:(?:had|has|"
                             r"have)\s+)?$", re.I)
_DATE_REACH = 60  # characters after the place or the verb where the day must be stated
_SUBJECT_REACH = 40  # characters before the verb where a person would be its subject


@dataclass(frozen=True)
class _Dated:
    sentence: Sentence
    text: str  # the date as written
    day: tuple[int, int]  # (month, day)


def _dated_rows(sentences: list[Sentence], articles: list[Article],
                names: _Names) -> list[Disagreement]:
    """One departure from a named place, or one happening of a named thing at a named
    place, put on two different days by two outlets. Blocked by (verb, thing, place)."""
    by_key: dict[tuple[str, str, str], list[_Dated]] = {}
    labels: dict[tuple[str, str, str], str] = {}
    for s, found in per_form_found(sentences, lambda s: _dated(s, names)):
        for key, label, dated in found:
            by_key.setdefault(key, []).extend(rebound([dated], s))
            labels.setdefault(key, label)
    rows = []
    for key, found in sorted(by_key.items()):
        by_day: dict[tuple[int, int], list[_Dated]] = {}
        for d in found:
            by_day.setdefault(d.day, []).append(d)
        told = {day: {d.sentence.ref.article for d in group} for day, group in by_day.items()}
        days = sorted(by_day)
        if not any(told[a] - told[b] and told[b] - told[a]
                   for i, a in enumerate(days) for b in days[i + 1:]):
            continue
        claims = [_claim(by_day[day][0].text, [d.sentence for d in by_day[day]], articles)
                  for day in days]
        rows.append(Disagreement(f"when {labels[key]}", claims, kind="contradicts"))
    return rows


def _dated(s: Sentence, names: _Names) -> list[tuple[tuple[str, str, str], str, _Dated]]:
    """(key, label, dated telling) of each dated departure or happening in a sentence."""
    text = s.text
    found = []
    for m in _DEPARTS.finditer(text):
        # A person comes and goes (two visits are two departures); a pronoun is not plain.
        if _PRONOUN_BEFORE.search(text[:m.start()]) or any(
                (t := names.topic(x)) is not None and t.kind == "person"
                and m.start() - _SUBJECT_REACH <= x.end <= m.start() for x in s.mentions):
            continue
        place = next((x for x in s.mentions if x.start >= m.end()
                      and _TO_PLACE.fullmatch(text, m.end(), x.start)
                      and _is_place(x, names) and not _demonym(x)), None)
        dated = _day_after(s, place.end) if place else None
        if dated:
            found.append((("left", "", names.key(place)), f"it left {place.surface}", dated))
    for m in s.mentions:
        happens = _HAPPENS.match(text, m.end)
        if happens is None or _is_place(m, names):
            continue
        clause_end = _clause_end(text, happens.end())
        place = next((x for x in s.mentions if happens.end() <= x.start < clause_end
                      and _is_place(x, names) and not _demonym(x)), None)
        dated = _day_after(s, happens.end())
        if place is None or dated is None:
            continue
        verb = _HAPPENS_CLASS.get(happens.group("verb"), happens.group("verb"))
        found.append(((verb, names.key(m), names.key(place)),
                      f"{m.surface} {happens.group('verb')}", dated))
    return found


def _demonym(mention: Mention) -> bool:
    """A nationality word ("the Libyan port"): it qualifies a place, it names none."""
    places = gazetteer()
    lower = mention.surface.lower()
    return lower in places.demonym_of and lower not in places.countries


def _clause_end(text: str, start: int) -> int:
    """Where the clause from `start` ends: a semicolon (the text is one sentence; a full
    stop inside it ends an abbreviation, "p.m.", "Sept.")."""
    stop = text.find(";", start)
    return stop if stop >= 0 else len(text)


def _day_after(s: Sentence, start: int) -> _Dated | None:
    """The month and day stated shortly after `start`, before the clause ends."""
    end = min(_clause_end(s.text, start), start + _DATE_REACH)
    # A weekday may come first and the date after it ("on Thursday, Sept. 26").
    date = next((d for d in s.dates if start <= d.start < end and d.month and d.day), None)
    if date is None:
        return None
    return _Dated(s, date.text.strip(" .,"), (date.month, date.day))


# --- on which day a letter was written ---------------------------------------------------

# "a letter to the UN coordinator dated Sunday", "wrote to the UN coordinator on Monday".
_WRITES_TO = re.compile(r"\b(?:(?:letter|note|memo|e-?mail)\s+to|wrote\s+to|sent\s+a\s+"
                        r"(?:letter|note|memo|message)\s+to)\s+(?:the\s+)?(?P<to>(?:[\w'’.-]+\s+)"
                        r"{0,3}?[\w'’.-]+)\s+(?:dated|on)\s+")

_WEEKDAY_NAME = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


@dataclass(frozen=True)
class _Letter:
    sentence: Sentence
    text: str  # the day as written
    weekday: int
    date: tuple[int, int] | None  # (month, day), where a date gives it
    sender: frozenset[str]  # topics the sentence names outside the addressee


def _letter_rows(sentences: list[Sentence], articles: list[Article]) -> list[Disagreement]:
    """One letter to one addressee from one sender, dated to two different days by two
    outlets. Blocked by the addressee's words."""
    by_to: dict[str, list[_Letter]] = {}
    for s, found in per_form_found(sentences, _letters):
        for to, letter in found:
            by_to.setdefault(to, []).extend(rebound([letter], s))
    rows = []
    for to, letters in sorted(by_to.items()):
        pair = next(((a, b) for n, a in enumerate(letters) for b in letters[n + 1:]
                     if a.sentence.ref.article != b.sentence.ref.article and a.sender & b.sender
                     and (a.weekday != b.weekday or (a.date and b.date and a.date != b.date))),
                    None)
        if pair is None:
            continue
        a, b = pair
        rows.append(Disagreement(f"when the letter to the {to} was written", [
            _claim(x.text, [x.sentence], articles) for x in (a, b)], kind="contradicts"))
    return rows


def _letters(s: Sentence) -> list[tuple[str, _Letter]]:
    """(addressee's words, letter) of each dated letter the sentence tells of."""
    found: list[tuple[str, _Letter]] = []
    for m in _WRITES_TO.finditer(s.text):
        # The day right after "dated" or "on" (a date may take its "on" along); a bare
        # weekday after "dated" is no date mention of its own.
        day = next((d for d in s.dates if d.start in (m.end(), m.end() - 3)), None)
        named = _WEEKDAY_NAME.match(s.text, m.end())
        if day is not None and (day.weekday is not None or day.date):
            weekday = day.weekday if day.weekday is not None else day.date.weekday()
            text, date = day.text, (day.month, day.day) if day.month and day.day else None
        elif named:
            weekday, text, date = WEEKDAYS.index(named.group().lower()), named.group(), None
        else:
            continue
        to = " ".join(w.lower() for w in words(m.group("to")))
        sender = frozenset(x.key for x in s.mentions
                           if not m.start("to") <= x.start < m.end("to"))
        found.append((to, _Letter(s, text.strip(" .,"), weekday, date, sender)))
    return found


# --- where one announcement was made ------------------------------------------------------

# "X announced the decision to reporters at the A Center", "X announced the change at a
# press conference at the B Center": the venue follows "at" within a few words.
_ANNOUNCED = re.compile(r"\s+(?:(?:has|had)\s+)?announced\b")
_AT_VENUE = re.compile(r"\s+(?:[\w'’-]+\s+){0,5}?at\s+(?:a\s+[\w\s]{0,30}?\s+at\s+)?"
                       r"(?:the\s+)?(?=[A-Z])")
_VENUE_STEMS = 3  # words the two paragraphs share besides names: they tell one announcement


@dataclass(frozen=True)
class _Venue:
    sentence: Sentence
    text: str  # the venue as written
    words: frozenset[str]


def _venue_rows(sentences: list[Sentence], articles: list[Article],
                names: _Names) -> list[Disagreement]:
    """One person's announcement put at two venues by two outlets published within a day
    of each other, whose paragraphs tell the same scene (three words in common besides
    the names). Blocked by person."""
    by_person: dict[str, list[_Venue]] = {}
    for s, found in per_form_found(sentences, lambda s: _venues(s, names)):
        for slug, venue in found:
            by_person.setdefault(slug, []).extend(rebound([venue], s))
    scene = _scenes(sentences, {v.sentence.ref for told in by_person.values() if len(told) > 1
                                for v in told})
    rows = []
    for slug, told in sorted(by_person.items()):
        pair = next(((a, b) for n, a in enumerate(told) for b in told[n + 1:]
                     if _two_venues(a, b) and _one_day(a, b, articles)
                     and len((scene[a.sentence.ref] & scene[b.sentence.ref])
                             - _name_stems(a, b)) >= _VENUE_STEMS), None)
        if pair is None:
            continue
        name = names.of_slug[slug].name
        rows.append(Disagreement(f"where {name} made the announcement", [
            _claim(v.text, [v.sentence], articles) for v in pair], kind="contradicts"))
    return rows


def _venues(s: Sentence, names: _Names) -> list[tuple[str, _Venue]]:
    """The venues a sentence puts a person's announcement at, each with the person."""
    found = []
    for m in s.mentions:
        person = names.topic(m)
        said = _ANNOUNCED.match(s.text, m.end) if person and person.kind == "person" else None
        at = _AT_VENUE.match(s.text, said.end()) if said else None
        venue = next((x for x in s.mentions if at and x.start == at.end()), None)
        if person is None or venue is None or _is_region(venue):
            continue  # a city holds many venues: "at Houston" fits any of them
        found.append((person.slug, _Venue(s, venue.surface,
                                          frozenset(w.lower() for w in words(venue.surface)))))
    return found


def _is_region(mention: Mention) -> bool:
    places = gazetteer()
    lower = mention.surface.lower()
    return lower in places.cities or lower in places.regions or lower in places.countries


def _two_venues(a: _Venue, b: _Venue) -> bool:
    """Two named venues in two outlets, neither's name a part of the other's."""
    return (a.sentence.ref.article != b.sentence.ref.article
            and not (a.words <= b.words or b.words <= a.words))


def _one_day(a: _Venue, b: _Venue, articles: list[Article]) -> bool:
    """Published within a day of each other (undated: not known, so not one day)."""
    days = [articles[v.sentence.article_index].published for v in (a, b)]
    if not all(days):
        return False
    first, second = sorted(dt.date.fromisoformat(d[:10]) for d in days)
    return (second - first).days <= 1


def _name_stems(a: _Venue, b: _Venue) -> set[str]:
    """Stems of the names and the verb, which every telling shares by construction."""
    return {stem(w) for v in (a, b) for m in v.sentence.mentions
            for w in words(m.surface)} | {stem("announced")}


# --- whether anyone tried ----------------------------------------------------------------

# An attempt denied: "nobody tried to tow it", "no attempt was made to", "never tried to".
_NO_ATTEMPT = re.compile(
    r"\b(?:(?:nobody|no\s+one)\s+(?:had\s+|has\s+|ever\s+)*(?:tried|attempted|sought)|"
    r"no\s+(?:attempt|effort)\s+(?:was\s+|had\s+been\s+)?(?:made\s+)?|"
    r"(?:did\s+not|didn['’]t|never)\s+(?:try|attempt|seek))\s+to\s+(?P<verb>[a-z]+)\b", re.I)
# An attempt told: "began to tow the boat", "tried to tow it".
_ATTEMPT = re.compile(r"\b(?:tried|attempted|began|started|sought|moved)\s+to\s+(?P<verb>[a-z]+)"
                      r"\s+(?:the|it|them|a|an|her|his|its|their)\b")
# Words before an attempt that deny or doubt it ("denied that anyone tried to").
_DOUBT_BEFORE = re.compile(r"\b(?:not|no|never|n['’]t|den(?:y|ied|ies)|whether|if|rejected|"
                           r"dismissed)\b[^.;]*$")
_SHARED_STEMS = 2  # words besides the verb the two tellings share: they tell one scene


def _attempt_rows(sentences: list[Sentence], articles: list[Article]) -> list[Disagreement]:
    """An attempt one outlet tells ("the crew began to tow the boat") and another outlet's
    source denies ("nobody tried to tow it"): whether anyone tried. Blocked by the verb's
    stem; the two tellings' paragraphs must share other words, so that they tell one
    scene."""
    tried: dict[str, list[Sentence]] = {}
    denied: dict[str, list[Sentence]] = {}
    for s, (no, yes) in per_form(sentences, _attempts):
        for verb in no:
            denied.setdefault(verb, []).append(s)
        for verb in yes:
            tried.setdefault(verb, []).append(s)
    # A denial is often short ("Nobody tried to tow it, he said"): its paragraph tells the
    # scene. Only the paragraphs of a verb both told and denied are read.
    scene = _scenes(sentences, {s.ref for verb in set(tried) & set(denied)
                                for s in tried[verb] + denied[verb]})
    rows = []
    for verb in sorted(set(tried) & set(denied)):
        drop = {verb} | {stem(w) for w in ("tried", "attempt", "began", "nobody")}
        pairs = [(t, d) for t in tried[verb] for d in denied[verb]
                 if t.ref.article != d.ref.article
                 and len((scene[t.ref] & scene[d.ref]) - drop) >= _SHARED_STEMS]
        if not pairs:
            continue
        said = list({id(t): t for t, _ in pairs}.values())
        gainsaid = list({id(d): d for _, d in pairs}.values())
        word = _NO_ATTEMPT.search(gainsaid[0].text).group("verb")
        rows.append(Disagreement(f"whether anyone tried to {word}", [
            _claim(f"someone tried to {word}", said, articles),
            _claim(f"nobody tried to {word}", gainsaid, articles)], kind="contradicts"))
    return rows


def _attempts(s: Sentence) -> tuple[list[str], list[str]]:
    """Stems of the verbs of the sentence's denied attempts and of its told attempts."""
    return ([stem(m.group("verb")) for m in _NO_ATTEMPT.finditer(s.text)],
            [stem(m.group("verb")) for m in _ATTEMPT.finditer(s.text)
             if not _DOUBT_BEFORE.search(s.text[:m.start()])])


# --- one of two opposite states: leave given or not, moving or still --------------------

# Nouns of leave granted for an act (one class: a clearance is a permission).
_LEAVE = r"(?:permission|clearance|authori[sz]ation|approval|consent|go-ahead)"


@dataclass(frozen=True)
class _Opposites:
    """Two states of one thing that cannot both hold at once, each with its wording."""

    about: str
    yes: str
    no: str
    told_yes: re.Pattern[str]
    told_no: re.Pattern[str]
    words: frozenset[str]  # stems of the states' own words, not the scene's


_OPPOSITES = (
    _Opposites(
        "whether permission was given", "permission was given", "no permission was given",
        # "had permission", "had been given clearance", "with the tower's permission"
        re.compile(r"\b(?:had|has|have|(?:was|were|been)\s+(?:given|granted)|received|"
                   r"obtained|got|with)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+)?"
                   r"(?!no\b|not\b|any\b|such\b)(?:[\w'’-]+\s+)?" + _LEAVE + r"\b", re.I),
        # "no clearance", "without permission", "did not have permission"
        re.compile(r"\b(?:no|without|(?:did\s+not|didn['’]t|never)\s+(?:have|get|receive|"
                   r"obtain)|(?:was|were|had)\s+(?:not|never)\s+(?:been\s+)?(?:given|granted))"
                   r"\s+(?:such\s+|any\s+|the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+)?"
                   + _LEAVE + r"\b", re.I),
        frozenset(stem(w) for w in "permission clearance given granted had no".split())),
    _Opposites(
        "whether it was moving", "it was moving", "it was standing still",
        re.compile(r"\b(?:was|were)\s+(?:still\s+)?(?:moving|rolling|taxiing)\b", re.I),
        re.compile(r"\b(?:stationary|motionless|standing\s+still|at\s+a\s+standstill|"
                   r"(?:was|were)\s+not\s+moving)\b", re.I),
        frozenset(stem(w) for w in "moving stationary motionless standing still".split())),
)


def _states(s: Sentence) -> list[tuple[bool, bool]]:
    """(tells the first state, tells the second) for each pair of opposite states."""
    return [(bool(o.told_yes.search(s.text)), bool(o.told_no.search(s.text)))
            for o in _OPPOSITES]


def _opposite_state_rows(sentences: list[Sentence], articles: list[Article]
                         ) -> list[Disagreement]:
    """One outlet tells a state ("he had been given clearance to enter the runway", "the
    plane was moving") and another its opposite ("the log shows no clearance for the
    aircraft", "the plane stood motionless"): which held. A sentence that tells both
    ("he says he had permission; the record has no such clearance") tells neither; the
    two paragraphs must share other words, so that they tell one scene."""
    told: list[tuple[list[Sentence], list[Sentence]]] = [([], []) for _ in _OPPOSITES]
    for s, found in per_form(sentences, _states):
        for (yes, no), (said, gainsaid) in zip(found, told, strict=True):
            if yes != no:
                (said if yes else gainsaid).append(s)
    rows = []
    for o, (said, gainsaid) in zip(_OPPOSITES, told, strict=True):
        if not said or not gainsaid:
            continue
        scene = _scenes(sentences, {s.ref for s in said + gainsaid})
        pairs = [(a, b) for a in said for b in gainsaid if a.ref.article != b.ref.article
                 and len((scene[a.ref] & scene[b.ref]) - o.words) >= _SHARED_STEMS]
        if pairs:
            rows.append(Disagreement(o.about, [
                _claim(o.yes, list({id(a): a for a, _ in pairs}.values()), articles),
                _claim(o.no, list({id(b): b for _, b in pairs}.values()), articles)],
                kind="contradicts"))
    return rows


def _scenes(sentences: list[Sentence], refs: set[Ref]) -> dict[Ref, set[str]]:
    """The stems of each of these paragraphs (all its sentences')."""
    scene: dict[Ref, set[str]] = {ref: set() for ref in refs}
    if refs:
        for s in sentences:
            if s.ref in scene:
                scene[s.ref].update(s.stems)
    return scene


# --- a missing thing, found later --------------------------------------------------------

# "The lever itself" / "The flight recorder, which": one thing named by a sentence's subject.
_SUBJECT = re.compile(r"^(?:The|the)\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)(?=\s+itself\b|"
                      r"\s+(?:that|which)\b|,|\s+(?:had|has|have|was|is|remains|remained|"
                      r"still|turned)\b)")
_NOT_FOUND = re.compile(r"\b(?:(?:had|has|have)\s+(?:still\s+)?not\s+(?:yet\s+)?been\s+"
                        r"(?:found|located|recovered)|(?:is|was|remains|remained)\s+(?:still\s+)?"
                        r"missing)\b")
_FOUND = re.compile(r"\b(?:(?:has|have|had)\s+been|was)\s+(?:found|located|recovered)\b|"
                    r"\bturned up\b")


def _found_rows(sentences: list[Sentence], articles: list[Article]) -> list[Disagreement]:
    """One thing reported missing, then found in a later report: an update, in time order."""
    states: dict[str, dict[bool, list[Sentence]]] = {}
    for s, state in per_form_found(sentences, _whereabouts):
        if state is not None:
            states.setdefault(state[0], {}).setdefault(state[1], []).append(s)
    rows = []
    for _, by_state in sorted(states.items()):
        if len(by_state) < 2:
            continue
        lost = _published(by_state[False], articles)
        back = _published(by_state[True], articles)
        if not lost or not back or min(back) <= min(lost):
            continue  # found first, or undated: no update to tell
        noun = _SUBJECT.match(by_state[False][0].text).group(1)
        rows.append(Disagreement(f"whereabouts of the {noun}", [
            _claim(f"the {noun} still missing", by_state[False], articles),
            _claim(f"the {noun} found", by_state[True], articles)], kind="update"))
    return rows


def _whereabouts(s: Sentence) -> tuple[str, bool] | None:
    """The stem of the one thing a sentence tells missing or found, and whether found."""
    subject = _SUBJECT.match(s.text)
    if subject is None:
        return None
    head = subject.group(1).split()[-1]
    if head.endswith("s") and not head.endswith("ss"):
        return None  # many things: their count is a figure's business
    rest = s.text[subject.end():]
    missing, found = _NOT_FOUND.search(rest), _FOUND.search(rest)
    if bool(missing) == bool(found):
        return None
    return stem(head), bool(found)


def _published(said: list[Sentence], articles: list[Article]) -> list[str]:
    return [(articles[s.article_index].published or "")[:10] for s in said
            if articles[s.article_index].published]


# --- whether all of a group share a nationality ------------------------------------------

# "all 14 miners, all of them Chilean nationals" / "12 of the 14 miners are Chilean
# nationals": the share of one group that holds one nationality.
_NATIONALS = re.compile(r"\b([A-Z][a-z]+)\s+(?:nationals|citizens)\b")
_ALL_OF = re.compile(r"\ball\s+(?:of\s+)?(?:the\s+)?(\d+\s+)?([a-z]+)")
_PART_OF = re.compile(r"\b(\w+)\s+of\s+(?:them|those|whom)\b")
_SOME_OF = re.compile(r"\b(\d+)\s+of\s+(?:the|its|their)\s+(\d+)\s+([a-z]+)")


def _nationality_rows(sentences: list[Sentence], articles: list[Article]) -> list[Disagreement]:
    """One outlet says all of a group hold a nationality, another that only some do."""
    shares: dict[tuple[str, str], dict[bool, list[Sentence]]] = {}
    for s, found in per_form_found(sentences, _shares):
        for key, every_one in found:
            shares.setdefault(key, {}).setdefault(every_one, []).append(s)
    rows = []
    for (country, _), by_share in sorted(shares.items()):
        if len(by_share) < 2 or not ({s.ref.article for s in by_share[True]}
                                     ^ {s.ref.article for s in by_share[False]}):
            continue
        group = _ALL_OF.search(by_share[True][0].text).group(2)
        rows.append(Disagreement(f"whether all the {group} are from {country}", [
            _claim(f"all from {country}", by_share[True], articles),
            _claim(f"some not from {country}", by_share[False], articles)],
            kind="contradicts"))
    return rows


def _shares(s: Sentence) -> list[tuple[tuple[str, str], bool]]:
    """((country, stem of the group), all of them?) for each share of a group the
    sentence says holds a nationality."""
    demonyms = gazetteer().demonym_of
    found = []
    for m in _NATIONALS.finditer(s.text):
        country = demonyms.get(m.group(1).lower())
        before = s.text[max(0, m.start() - 80):m.start()]
        some = list(_SOME_OF.finditer(before))
        every = list(_ALL_OF.finditer(before))
        # "all 22 were safe; 20 of them are ...": a part named after "all" is the share.
        parts = [p for p in _PART_OF.finditer(before) if p.group(1) != "all"]
        if country is None or bool(some) == bool(every) or parts:
            continue
        if some:
            part, whole, group = some[-1].groups()
            if int(part) >= int(whole):
                continue
            found.append(((country, stem(group)), False))
        else:
            found.append(((country, stem(every[0].group(2))), True))
    return found


# --- when it happened, to the minute ----------------------------------------------------

# Verbs saying that an event took place; their subject names the event.
_OCCURRED = re.compile(r"\b([a-z]+),?\s+(?:(?:has|had)\s+)?(struck|hit|happened|occurred|erupted|"
                       r"exploded|collapsed|made landfall|came ashore|roared ashore)\b")
# "the collision at 8:47 p.m.": an event's noun with its time right after it.
_EVENT_AT = re.compile(r"\b[Tt]he\s+([a-z]+)\s+(?=at\s+(?:about\s+|around\s+)?\d)")
# "the blast, which struck": the noun a relative clause's verb tells of.
_ANTECEDENT = re.compile(r"\b[Tt]he\s+([a-z]+),\s+$")
# Words before the event's noun that make it one of several ("the second quake").
_SEVERAL = frozenset({"first", "second", "third", "another", "earlier", "later", "initial",
                      "main", "new", "last", "latest", "next", "other", "smaller", "larger"})
_CLAUSE_END = re.compile(r"[;(]")


@dataclass(frozen=True)
class _Clock:
    sentence: Sentence
    noun: str  # the event as written: "quake"
    text: str
    day: tuple[int, int] | None  # (month, day) the clause states, if any
    low: int  # minutes after midnight
    high: int
    definite: bool = False  # "the collision" with no name: the story's own event
    verb: str = ""  # the verb's class as told ("struck", "happened"), for the row's label


def _clock_rows(sentences: list[Sentence], articles: list[Article]) -> list[Disagreement]:
    by_key: dict[tuple[str, str, str], list[_Clock]] = {}
    for s, found in per_form_found(sentences, _clocks):
        for key, clock in found:
            by_key.setdefault(key, []).extend(rebound([clock], s))
    rows = []
    for (_, verb, _), clocks in sorted(by_key.items()):
        clashing = _clock_partners(clocks, clocks, overlapping=False)
        if not any(clashing):
            continue
        near = _clock_partners(clocks, [c for c, x in zip(clocks, clashing, strict=True) if x],
                               overlapping=True)
        kept = sorted((c for c, x, n in zip(clocks, clashing, near, strict=True) if x or n),
                      key=lambda c: (c.low, c.sentence.index))
        # Times that overlap are one claim; a gap between them is the disagreement.
        groups: list[list[_Clock]] = []
        end = 0
        for clock in kept:
            if groups and clock.low <= end:
                groups[-1].append(clock)
                end = max(end, clock.high)
            else:
                groups.append([clock])
                end = clock.high
        claims = [_claim(g[0].text, [c.sentence for c in g], articles) for g in groups]
        told = next((c.verb for c in kept if c.verb), verb)
        rows.append(Disagreement(f"when the {kept[0].noun} {told}", claims, kind="contradicts"))
    return rows


def _overlap(a: _Clock, b: _Clock) -> bool:
    return a.low <= b.high and b.low <= a.high


def _clock_partners(clocks: list[_Clock], candidates: list[_Clock], *,
                    overlapping: bool) -> list[bool]:
    """For each clock time, whether a candidate of one event overlaps it (or clashes).

    Two times are of one event when they state no two different days, their nouns fit
    (the same event noun, or two names for a thing that struck: "the ship", "the
    vessel"), and they share a named thing, or have the same noun and one of them names
    nothing ("The collision happened at ...": "the" makes it the story's event)."""
    return partners(clocks, candidates, stored=_clock_stored, looked=_clock_looked,
                    day=lambda c: c.day, overlapping=overlapping, closed=True)


def _clock_stored(c: _Clock) -> list[tuple[str, ...]]:
    kind = _noun_class(c.noun)
    keys = [("noun", kind)]
    if c.definite and not c.sentence.topics:
        keys.append(("names nothing", kind))
    for topic in c.sentence.topics:
        keys.append(("topic", topic, kind))
        if c.noun not in _EVENT_NOUNS:
            keys.append(("topic", topic, ""))
    return keys


def _clock_looked(c: _Clock) -> list[tuple[str, ...]]:
    kind = _noun_class(c.noun)
    keys = [("noun", kind) if c.definite and not c.sentence.topics else ("names nothing", kind)]
    for topic in c.sentence.topics:
        keys.append(("topic", topic, kind))
        if c.noun not in _EVENT_NOUNS:
            keys.append(("topic", topic, ""))
    return keys


def _clocks(s: Sentence) -> list[tuple[tuple[str, str, str], _Clock]]:
    found = []
    # An event's noun and the verb of its happening, or its noun with "at" and a time
    # ("the collision at 8:47 p.m. killed ..."), which says it happened then.
    told = [(m, m.group(1), m.group(2)) for m in _OCCURRED.finditer(s.text)] + [
        (m, m.group(1), "happened") for m in _EVENT_AT.finditer(s.text)
        if m.group(1) in _MISHAPS]
    for m, noun, verb in told:
        if noun in ("which", "that") and (
                antecedent := _ANTECEDENT.search(s.text, 0, m.start(1))):
            noun = antecedent.group(1)  # "the blast, which struck the mine at ...": the blast
        before = s.text[:m.start()].lower().split()[-3:]
        if not noun.isalpha() or _SEVERAL & {*before, noun} or noun in ("it", "which", "that"):
            continue
        clause = s.text[m.end():]
        end = _CLAUSE_END.search(clause)
        clock = CLOCK.search(clause[:end.start()] if end else clause)
        read = read_clock(clock) if clock else None
        if read is None:
            continue
        low, high, zone = read
        # "the ship struck the X Bridge at ...": a thing's striking is told by what it
        # struck, whatever the thing is called ("the ship", "the vessel"); a quake or a
        # storm is told by its own noun.
        hit = None if noun in _EVENT_NOUNS else _STRUCK_THING.match(clause)
        thing = next((x.key for x in s.mentions if hit and x.start == m.end() + hit.end()), "")
        # A self-made event's striking is its happening: "the blast struck the mine at" and
        # "the explosion occurred at" tell one time.
        happened = _OCCURRENCE_CLASS.get(verb, verb)
        key_verb = "struck" if noun in _EVENT_NOUNS and happened == "happened" else happened
        found.append(((f"@{thing}" if thing else _noun_class(noun), key_verb,
                       zone),
                      _Clock(s, noun, clock.group().strip(), _day(s, m.end()), low, high,
                             bool(re.search(r"\bthe\s+$", s.text[:m.start(1)], re.I)),
                             happened)))
    return found


# "the vessel had been refloated at 4.30 am", "the Acme Star was freed at 15:05 local
# time": a thing's passive one-off act, with its time right after the verb.
_DONE_AT = re.compile(r"\s+(?:was|had\s+been|has\s+been)\s+(?P<verb>[a-z]+ed)\s+(?=at\s)")
# "the vessel", "the stranded 200-metre vessel": a definite thing named by a common noun.
_THE_NOUN = re.compile(r"\b[Tt]he\s+(?P<lead>(?:[\w,.-]+\s+){0,2}?)(?P<noun>[a-z]+)$")


@dataclass(frozen=True)
class _Done:
    sentence: Sentence
    thing: str  # the topic key of a named thing, "" for "the <noun>"
    noun: str  # the stem of the common noun, "" for a named thing
    clock: _Clock


def _done_at_rows(sentences: list[Sentence], articles: list[Article],
                  names: _Names) -> list[Disagreement]:
    """One thing's one-off act ("was refloated") put at two clock times that cannot both
    hold by two outlets. Blocked by verb and zone. "The vessel" in one report is the
    named thing of another only where its own report names that thing too."""
    by_key: dict[tuple[str, str], list[_Done]] = {}
    named_in: dict[int, set[str]] = {}  # article -> keys of the things it names
    for s, keys in per_form(sentences, lambda s: frozenset(names.key(m) for m in s.mentions)):
        named_in.setdefault(s.article_index, set()).update(keys)
    for s, found in per_form_found(sentences, lambda s: _done_at(s, names)):
        for key, done in found:
            by_key.setdefault(key, []).append(
                done if done.sentence is s else replace(
                    done, sentence=s, clock=replace(done.clock, sentence=s)))

    def same(a: _Done, b: _Done) -> bool:
        if a.thing and b.thing:
            return a.thing == b.thing
        if a.noun and b.noun:
            return a.noun == b.noun
        named, common = (a, b) if a.thing else (b, a)
        return named.thing in named_in[common.sentence.article_index]

    rows = []
    for (verb, _), done in sorted(by_key.items()):
        clash = next(((a, b) for n, a in enumerate(done) for b in done[n + 1:]
                      if a.sentence.ref.article != b.sentence.ref.article and same(a, b)
                      and not _overlap(a.clock, b.clock)
                      and not (a.clock.day and b.clock.day and a.clock.day != b.clock.day)),
                     None)
        if clash is None:
            continue
        a, b = clash
        kept = sorted((d for d in done if same(d, a) and same(d, b)),
                      key=lambda d: (d.clock.low, d.sentence.index))
        groups: list[list[_Done]] = []
        for d in kept:
            if groups and d.clock.low <= max(x.clock.high for x in groups[-1]):
                groups[-1].append(d)
            else:
                groups.append([d])
        claims = [_claim(g[0].clock.text, [d.sentence for d in g], articles) for g in groups]
        rows.append(Disagreement(f"when it was {verb}", claims, kind="contradicts"))
    return rows


def _done_at(s: Sentence, names: _Names) -> list[tuple[tuple[str, str], _Done]]:
    found = []
    for m in _DONE_AT.finditer(s.text):
        clause = s.text[m.end():]
        end = _CLAUSE_END.search(clause)
        clock = CLOCK.match(clause[:end.start()] if end else clause)
        read = read_clock(clock) if clock else None
        if read is None:
            continue
        low, high, zone = read
        named = next((x for x in s.mentions if x.end == m.start()), None)
        common = None if named else _THE_NOUN.search(s.text[:m.start()])
        if named is not None and not _is_place(named, names):
            thing, noun = names.key(named), ""
        elif common is not None and not (_SEVERAL & set(common.group("lead").lower().split())):
            noun = common.group("noun")
            if noun.endswith("s") and not noun.endswith("ss"):
                continue  # many things: each may have been done to at its own time
            thing, noun = "", stem(noun)
        else:
            continue
        clock_at = _Clock(s, noun or thing, clock.group().strip(), _day(s, m.end()), low, high)
        found.append(((m.group("verb"), zone), _Done(s, thing, noun, clock_at)))
    return found


# Nouns of one-off mishaps whose time may follow them with "at".
_MISHAPS = EVENT_HEADS | frozenset("collision accident impact sinking attack".split())
# Nouns of events that happen by themselves (a quake strikes): the noun tells the event.
_EVENT_NOUNS = EVENT_HEADS | frozenset(
    "hurricane typhoon cyclone tornado aftershock tremor".split())


# Nouns that tell one mishap of vehicles however named: the crash is the collision.
_MISHAP_CLASS = {"collision": "crash", "accident": "crash", "blast": "explos"}


def _noun_class(noun: str) -> str:
    """The stem an event's noun is grouped by ("collision" and "crash" as one)."""
    return _MISHAP_CLASS.get(noun, stem(noun))


# Right after "struck"/"hit": what was struck, named ("a main pier of the X Bridge"), not
# where ("near X", "in X").
_STRUCK_THING = re.compile(r"\s+(?:(?:a|an|the|its)\s+)?(?:(?!(?:near|in|at|off|on|over|outside|"
                           r"across|into|around|about|along|after|before)\b)[\w'’-]+\s+){0,3}?"
                           r"(?:of\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,2}?)?(?:the\s+)?(?=[A-Z])")


def _day(s: Sentence, start: int) -> tuple[int, int] | None:
    """The month and day stated after the event's verb in its sentence."""
    day = next((d for d in s.dates if d.start >= start and d.month and d.day), None)
    return (day.month, day.day) if day else None


# "Struck" and "hit" say the same of a quake or a storm.
_OCCURRENCE_CLASS = {"hit": "struck", "came ashore": "made landfall", "occurred": "happened",
                     "roared ashore": "made landfall"}


def _claim(value: str, said: list[Sentence], articles: list[Article]) -> Claim:
    refs: list[Ref] = []
    for s in sorted(said, key=lambda x: x.index):
        if s.ref not in refs:
            refs.append(s.ref)
    dates = sorted(articles[s.article_index].published or "" for s in said)
    dated = [d for d in dates if d]
    return Claim(value, refs, said[0].text if len(said) == 1 else min(said,
                 key=lambda x: x.index).text, published=dated[0][:10] if dated else None)
