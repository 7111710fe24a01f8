"""Key facts: sentences clustered across sources, ranked by how many sources state them."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Collection, Iterable

from ..models import Fact, Ref
from ..text import words
from .disagreements import conflicting, same_frame
from .sentences import Sentence

# Cosine above which two sentences are taken to state the same thing.
LINK = 0.30
# Centroid similarity two groups need to merge (stops chaining).
MERGE = 0.30
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|added|according)\b", re.I)
# Openers that lean on an earlier sentence: a conjunction, a pronoun or a possessive one
# ("Her instructor, ..." says whose only after the sentence before it).
_WEAK_OPENERS = re.compile(r"^(?:and|but|or|so|however|also|it|they|this|these|that|those|he|she|"
                           r"his|her|its|their|which|meanwhile|still)\b", re.I)
# A line that points the reader to another story ("Also read: ...", "READ MORE: ..."): the
# page's furniture, not a claim of this one, even when it is left inside a paragraph.
_LINK_LINE = re.compile(r"^(?:also\s+read|read\s+(?:more|also|next)|see\s+also|related(?:\s+"
                        r"(?:story|stories|coverage|articles?))?|more\s+on\s+this(?:\s+story)?|"
                        r"watch|listen|recommended|don['’]t\s+miss)\s*[:|>»–—-]\s*\S", re.I)


def _add(total: dict[str, float], vector: dict[str, float], times: float = 1.0) -> None:
    if not total:
        # Most sums start empty (most clusters are one text): 0.0 + x is x (for any x but
        # -0.0, which no tf-idf weight is) and x * 1.0 is x, so a copy gives the same
        # floats in the same order, several times faster.
        total.update(vector if times == 1.0 else {f: w * times for f, w in vector.items()})
        return
    for feature, weight in vector.items():
        total[feature] = total.get(feature, 0.0) + weight * times


def _square(vector: dict[str, float]) -> float:
    return sum(w * w for w in vector.values())


def _cos(a: dict[str, float], b: dict[str, float], square_a: float | None = None,
         square_b: float | None = None) -> float:
    """Cosine of two vectors; `square_a`/`square_b`: their `_square`, if known already
    (a centroid is compared many times between changes)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(w * large.get(f, 0.0) for f, w in small.items())
    norm = math.sqrt((_square(a) if square_a is None else square_a) *
                     (_square(b) if square_b is None else square_b))
    return dot / norm if norm else 0.0


def cluster_sentences(sentences: list[Sentence], pairs: dict[tuple[int, int], float]
                      ) -> list[list[int]]:
    """Group sentences that state the same thing.

    Sentences with the same words form a group at once (syndicated copy can repeat
    a sentence in hundreds of articles). Groups then merge along the candidate
    pairs, strongest first, when their centroids are alike too: comparing
    centroids rather than every member pair keeps each merge linear and stops
    chains of pairwise-similar sentences drifting off topic.
    """
    owner: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    for s in sentences:
        first = owner.setdefault(s.index, s.index)
        members.setdefault(first, []).append(s.index)
    by_text: dict[str, int] = {}
    for s in sentences:
        leader = by_text.setdefault(s.key, s.index)
        if leader != s.index:
            members[leader].append(s.index)
            del members[s.index]
            owner[s.index] = leader
    centroid: dict[int, dict[str, float]] = {}
    for leader, group in members.items():
        centroid[leader] = {}
        _add(centroid[leader], sentences[leader].vector, len(group))
    square: dict[int, float] = {}  # leader -> _square of its centroid, until it changes
    for (a, b), score in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < LINK:
            break
        ca, cb = owner[a], owner[b]
        if ca == cb:
            continue
        for leader in (ca, cb):
            if leader not in square:
                square[leader] = _square(centroid[leader])
        if _cos(centroid[ca], centroid[cb], square[ca], square[cb]) < MERGE:
            continue
        keep, gone = (ca, cb) if len(members[ca]) >= len(members[cb]) else (cb, ca)
        for index in members[gone]:
            owner[index] = keep
        members[keep].extend(members.pop(gone))
        _add(centroid[keep], centroid.pop(gone))
        del square[keep], square[gone]
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


# Third-person pronouns, which point back to something named before.
_LEANING_PRONOUN = re.compile(r"\b(?:they|them|their|it|its)\b", re.I)


def _statement_score(s: Sentence, centre: dict[str, float], square: float | None = None
                     ) -> float:
    """How well `s` states its cluster; `square`: the `_square` of `centre`, if known."""
    n = len(words(s.text))
    complete = 1.0 if s.text.rstrip().endswith((".", "!", "”", '"')) else 0.6
    length = 1.0 if 8 <= n <= 45 else 0.7  # a full news lead runs to some 45 words
    opener = 0.6 if _WEAK_OPENERS.match(s.text) or s.text[:1] in "“\"" else 1.0
    # A short sentence with a pronoun of things told before ("... stands ready to carry
    # them") says little by itself; a fuller paraphrase states the fact better.
    leaning = 0.8 if n < 12 and _LEANING_PRONOUN.search(s.text) else 1.0
    return (0.5 + _cos(s.vector, centre, square_b=square)) * complete * length * opener * leaning


def _salience(s: Sentence) -> float:
    """How much a statement carries: named topics, figures, a date, an early paragraph."""
    return len(s.topics) + 2 * len(s.values) + (1 if s.dates else 0) - s.paragraph_index * 0.05


def is_fragment(text: str) -> bool:
    """The end of a quote or a bare attribution: it says nothing on its own.

    "...we are sorry," the chief executive said. / the governor said on Monday.
    """
    text = text.strip()
    if not text or text[0].islower() or text[0] in "”’,;)":
        return True
    closing = text.find("”")
    opening = text.find("“")
    if closing >= 0 and (opening < 0 or opening > closing) and text[0] not in "“\"":
        return True  # a closing quote with no opening one: the tail of a quotation
    if text[0] != '"' and _STRAIGHT_CLOSING.match(text):
        return True  # the same in straight quotes: the first one closes ('sorry," he said')
    return len(words(text)) < 6 and bool(_ATTRIBUTION.search(text))


# A straight quote mark closes a quotation when it follows a word or punctuation and is
# followed by a space, punctuation or the end; one after a space opens one ('called it
# "a stab in the back"').
_STRAIGHT_CLOSING = re.compile(r'^[^"]*[^\s"]"(?=[\s,.;:!?)]|$)')


def build_facts(sentences: list[Sentence], clusters: list[list[int]],
                topic_slug: dict[str, str], limit: int
                ) -> tuple[list[Fact], list[Fact], dict[int, str]]:
    """Turn clusters into ranked key facts and other claims; also return sentence
    index -> key fact id.

    Key facts are stated by several sources or carry a figure, a date or two named
    topics (who did what to whom); a lone source's other sentences are "other claims";
    quote tails and bare attributions are neither.
    """
    facts: list[tuple[tuple, Fact]] = []
    others: list[tuple[tuple, Fact]] = []
    fact_of: dict[int, str] = {}
    # (cluster, split off another?): what is split off a cluster was one of its facts,
    # so it adds to the number kept rather than crowding out another cluster's fact.
    splits = 0
    in_paragraph: dict[Ref, list[Sentence]] = {}
    for s in sentences:
        in_paragraph.setdefault(s.ref, []).append(s)
    work = [(cluster, False) for cluster in reversed(clusters)]
    while work:
        cluster, split = work.pop()
        group = [sentences[i] for i in cluster if not _LINK_LINE.match(sentences[i].text)]
        if not group:
            continue
        centre: dict[str, float] = {}
        for s in group:
            _add(centre, s.vector)
        square = _square(centre)
        # Once per distinct text: the words' last sentence scores for them all.
        last = {s.key: s for s in group}
        scores = {key: _statement_score(s, centre, square) for key, s in last.items()}
        # The best whole statement: a quote's tail among paraphrases does not sink them.
        fragment = {text: is_fragment(text) for text in {s.text for s in group}}
        whole = [s for s in group if not fragment[s.text]]
        if not whole:
            continue
        # Of equally central statements (two sources' paraphrases tie), the fuller one.
        best = max(whole, key=lambda s: (round(scores[s.key], 9), len(s.stems), -s.index))
        if scores[best.key] < 0.45:
            continue
        # A paragraph that gives a conflicting figure does not support the statement; the
        # statement's own paragraph always does (two figures of one sentence measure two
        # things: "60 rescuers and four dogs" does not contradict itself).
        # Every sentence of a member's paragraph counts: the paragraph is what is listed,
        # and its next sentence may give the other figure ("..., 33, is a father of four"),
        # unless the paragraph gives the statement's figure too (it tells both sides).
        against = {ref for ref in _unique_refs(s.ref for s in group)
                   if ref != best.ref and _disputes(best, in_paragraph[ref])}
        # Nor does one that puts what it tells on another day ("on Sunday" against "on
        # Saturday": a second quake, not the first); such sentences state a fact of their
        # own, grouped apart.
        apart = [s for s in group if s.ref != best.ref and _another_day(best, s)]
        if apart and len(apart) < len(group):
            against |= {s.ref for s in apart}
            work.append(([s.index for s in apart], True))
            gone = {s.index for s in apart}
            group = [s for s in group if s.index not in gone]
        support = _unique_refs(s.ref for s in group
                               if s.ref == best.ref or s.ref not in against)
        sources = len({r.article for r in support})
        fact_id = "f-" + hashlib.blake2b(best.text.encode(), digest_size=4).hexdigest()
        values = [v.text for v in best.values]  # the figures the statement itself gives
        topics = sorted({topic_slug[t] for s in group for t in s.topics if t in topic_slug})
        fact = Fact(fact_id, best.text, best.ref, values, support, sources, topics)
        rank = (-sources, -len(support), -_salience(best), best.index)
        if sources < 2 and not _checkable(best):
            others.append((rank, fact))  # one source's colour: nothing checkable in it
            continue
        facts.append((rank, fact))
        splits += split
        for s in group:
            fact_of[s.index] = fact_id
    facts.sort(key=lambda item: item[0])
    others.sort(key=lambda item: item[0])
    kept = [fact for _, fact in facts[:limit + splits]]
    kept_ids = {f.id for f in kept}
    return (kept, [fact for _, fact in others[:limit]],
            {i: f for i, f in fact_of.items() if f in kept_ids})


def _disputes(statement: Sentence, paragraph: list[Sentence]) -> bool:
    """Does a paragraph give another value for one of the statement's figures, and not
    that figure's value as well (a paragraph telling both sides still states it)?"""
    figures = [b for t in paragraph for b in t.values]
    return any(any(conflicting(a, b) for b in figures)
               and not any(same_frame(a, b) and not conflicting(a, b) for b in figures)
               for a in statement.values)


# A sentence that opens with a quotation: the quoted words, up to the closing mark.
_OPENING_QUOTE = re.compile(r'^(?:“[^”]*”|"[^"]*")')


def _checkable(s: Sentence) -> bool:
    """Does one source's sentence say something a reader could check: a figure, a date or
    two named topics (who did what to whom)? A quotation is the speaker's words: only a
    figure inside it is a claim; the day and the names of its attribution ("...," the
    minister said in Dunport on Monday) make it no more than colour."""
    quote = _OPENING_QUOTE.match(s.text)
    if quote:
        return any(v.start < quote.end() for v in s.values)
    return bool(s.values or s.dates or len(s.topics) >= 2)


def _days(s: Sentence) -> tuple[set[int], set[tuple[int, int]]]:
    """The weekdays and the days of a month a sentence puts things on."""
    weekdays = {d.weekday for d in s.dates if d.weekday is not None}
    days = {(d.month, d.day) for d in s.dates if d.month and d.day}
    return weekdays, days


def _another_day(a: Sentence, b: Sentence) -> bool:
    """Do two sentences put what they tell on different days: weekdays, or days of a
    month, that none of them shares (a weekday and a date cannot be compared)?"""
    weekdays_a, days_a = _days(a)
    weekdays_b, days_b = _days(b)
    return bool((weekdays_a and weekdays_b and not weekdays_a & weekdays_b)
                or (days_a and days_b and not days_a & days_b))


def _unique_refs(refs: Iterable[Ref]) -> list[Ref]:
    return list(dict.fromkeys(refs))


# Openers that refer back to something the reader has not been told ("The figures come
# from ...": which figures?).
_BACK_REFERENCE = re.compile(
    r"^(?:(?:all|both|each|some|many|most|none|one|several|two|three)\s+of\s+"
    r"(?:them|these|those|us|whom)\b|(?:he|she|it|they|them|his|her|its|their|this|these|"
    r"those|that|such|there|here|but|and|so|also|however|meanwhile|still|instead|then|yet|"
    r"which|who|others?|another|earlier|later|previously|the\s+(?:move|decision|same|"
    r"latter|former|move's|figures|numbers|data|findings|remarks|comments))\b)"
    # ... or that credits a document the reader has not been shown ("..., the statement
    # said": which statement?).
    r"|,\s+(?:the|that)\s+(?:statement|report|release|letter|notice|filing|document|"
    r"bulletin|memo|post|message|update)\s+(?:said|says|added|stated|noted|read|reads)\b",
    re.I)
# Candidates the brief is chosen from, among the best-supported facts.
BRIEF_FROM = 12
# A news lead, with its dateline, runs longer than other sentences.
LEAD_WORDS = 60


def story_in_brief(facts: list[Fact], sentence_at: dict[tuple[Ref, str], Sentence],
                   published: dict[str, str | None] | None = None,
                   places: Collection[str] = (), people: Collection[str] = ()) -> str:
    """The story in brief as one paragraph (see `brief_sentences`)."""
    return " ".join(text for text, _ in brief_sentences(facts, sentence_at, published,
                                                         places, people))


def brief_sentences(facts: list[Fact], sentence_at: dict[tuple[Ref, str], Sentence],
                    published: dict[str, str | None] | None = None,
                    places: Collection[str] = (), people: Collection[str] = ()
                    ) -> list[tuple[str, Ref]]:
    """The story in brief, sentence by sentence, each with the paragraph that states it:
    what happened, where and when first, then up to two more well-supported facts in the
    order the reports tell them. No sentence that refers back to something unsaid, no
    quotation.

    The first report of an event opens with what happened, where and when: the lead is
    the opening sentence of the earliest report that dates something and names a topic
    (among the key facts), one that names a place (topic keys in `places`) where there is
    one ("the floods" alone says nowhere); without one, the best-supported dated fact.
    A report the page gives no date is dated by its dateline. A later sentence does not
    call a person (topic keys in `people`) by a surname the brief has not introduced.
    """
    published = published or {}
    rank = {id(fact): n for n, fact in enumerate(facts)}
    opening: dict[str, int] = {}  # article -> index of its first sentence
    for s in sentence_at.values():
        if s.index < opening.get(s.ref.article, s.index + 1):
            opening[s.ref.article] = s.index
    usable: list[tuple[Fact, Sentence]] = []
    for fact in facts:
        s = sentence_at.get((fact.statement_ref, fact.statement))
        if s is not None and _plain(fact.statement, LEAD_WORDS):
            usable.append((fact, s))
    best = {id(fact) for fact in facts[:BRIEF_FROM]}
    picked = [(f, s) for f, s in usable if id(f) in best and _plain(f.statement)]
    leads = [(fact, s) for fact, s in usable
             if opening.get(s.ref.article) == s.index and s.dates and s.topics]

    def lead_score(item: tuple[Fact, Sentence]) -> tuple:
        fact, s = item
        position = 2 if s.paragraph_index == 0 else 1 if s.paragraph_index <= 2 else 0
        return (2 * min(fact.sources, 3) + 2 * bool(s.dates) + position + bool(s.topics),
                -rank[id(fact)])

    # The story's lead is one other reports' openings echo (a topic in common): an early
    # background piece on something else does not open the brief.
    first = {s.ref.article: s for s in sentence_at.values() if opening[s.ref.article] == s.index}
    leads = [(fact, s) for fact, s in leads
             if any(o.topics & s.topics for a, o in first.items() if a != s.ref.article)] or leads
    leads = [(fact, s) for fact, s in leads if s.topics & set(places)] or leads
    if leads:
        when = {s.ref.article: published.get(s.ref.article) or _dateline_date(s)
                for _, s in leads}
        dated = [item for item in leads if when[item[1].ref.article]]
        lead = min(dated or leads, key=lambda item: (
            when[item[1].ref.article] or "", -lead_score(item)[0], rank[id(item[0])]))
    elif picked:
        lead = max(picked, key=lead_score)
    else:
        return []
    said = set(lead[1].stems)
    named = set(lead[1].topics)
    figures = list(lead[1].values)
    rest = []
    for fact, s in picked:
        if fact is lead[0] or len(rest) == 2:
            continue
        if len(set(s.stems) & said) > 0.5 * max(len(s.stems), 1):
            continue  # says again what the brief already says
        if any(conflicting(a, b) for a in figures for b in s.values):
            continue  # another value of a figure the brief gives: a paragraph states one
        if _surname_only(s, named, people):
            continue  # "Lobach was at the controls": who, the brief has not said
        said |= s.stems
        named |= s.topics
        figures.extend(s.values)
        rest.append((fact, s))
    rest.sort(key=lambda item: (item[1].paragraph_index, rank[id(item[0])]))
    # A paragraph a person would write carries no wire datelines ("HALDEN (Agency) - ").
    return [(_DATELINE.sub("", f.statement, count=1), f.statement_ref) for f, _ in [lead, *rest]]


# A dateline: a place in capitals, maybe a region of a few words and a date, an agency,
# then a dash or a colon ("LOS ANGELES, Jan 8 (Agency) - ", "NEW YORK/NEW DELHI: ",
# "KESSA, New South Wales (Agency) - "); or the agency alone before a dash ("(Agency) - ").
_DATELINE = re.compile(r"^(?:[A-Z][A-Z .'/-]{2,}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}"
                       r"(?:\s+\d{1,2})?\.?)*\s*(?:\([^()]{1,40}\))?\s*(?:[-–—]+|:)"
                       r"|\([^()]{1,40}\)\s*[-–—]+)\s+(?=[A-Z])")


def _dateline_date(s: Sentence) -> str | None:
    """The day a report's opening sentence dates it by in its dateline ("HALDEN, May 4
    (Agency) - "): the wire's day of filing, for a report the page gives no date."""
    line = _DATELINE.match(s.text)
    if line is None:
        return None
    days = [d.iso for d in s.dates if d.end <= line.end() and d.day is not None and d.iso]
    return days[0] if days else None


def _surname_only(s: Sentence, named: Collection[str], people: Collection[str]) -> bool:
    """Does `s` call a person (topic keys in `people`) by the last word of the name only,
    a name the sentences before it never gave ("Okafor said ...": which Okafor?)?"""
    text = s.text.casefold()
    return any(" " not in m.key and m.key not in s.topics
               and any(t.endswith(" " + m.key) and t in people and t not in text
                       for t in s.topics if t not in named)
               for m in s.mentions)


# "Three of the dead were hikers; the fourth was a driver": a group told out part by
# part counts on a total said elsewhere.
_PARTS_OF_A_GROUP = re.compile(
    r"^[\w-]+\s+of\s+the\s+[\w-]+\b.*[;,]\s+(?:and\s+)?the\s+(?:other|others|rest|"
    r"remaining|last|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I)


def _plain(text: str, most: int = 45) -> bool:
    """A sentence a brief can use: no back reference, quotation, question or sprawl."""
    return not (_BACK_REFERENCE.search(text) or _PARTS_OF_A_GROUP.match(text)
                or is_fragment(text) or text[:1] in "“\"‘'"
                or text.rstrip().endswith("?") or len(words(text)) > most)
