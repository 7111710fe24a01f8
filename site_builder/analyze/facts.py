"""Key facts: sentences clustered across sources; disagreements: figures and dates that clash."""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from ..models import Claim, Disagreement, Fact, Ref
from ..text import stem, words
from .sentences import Sentence, synonym_stems
from .values import Value, comparable, conflicts

# Cosine above which two sentences are taken to state the same thing.
LINK = 0.30
# Centroid similarity two groups need to merge (stops chaining).
MERGE = 0.30
_WEAK_OPENERS = re.compile(r"^(?:and|but|or|so|however|also|it|they|this|these|that|he|she|"
                           r"which|meanwhile|still)\b", re.I)


def _add(total: dict[str, float], vector: dict[str, float], times: float = 1.0) -> None:
    for feature, weight in vector.items():
        total[feature] = total.get(feature, 0.0) + weight * times


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(w * large.get(f, 0.0) for f, w in small.items())
    norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
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
    for (a, b), score in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < LINK:
            break
        ca, cb = owner[a], owner[b]
        if ca == cb or _cos(centroid[ca], centroid[cb]) < MERGE:
            continue
        keep, gone = (ca, cb) if len(members[ca]) >= len(members[cb]) else (cb, ca)
        for index in members[gone]:
            owner[index] = keep
        members[keep].extend(members.pop(gone))
        _add(centroid[keep], centroid.pop(gone))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def _statement_score(s: Sentence, centre: dict[str, float]) -> float:
    n = len(words(s.text))
    complete = 1.0 if s.text.rstrip().endswith((".", "!", "”", '"')) else 0.6
    length = 1.0 if 8 <= n <= 40 else 0.7
    opener = 0.6 if _WEAK_OPENERS.match(s.text) or s.text[:1] in "“\"" else 1.0
    return (0.5 + _cos(s.vector, centre)) * complete * length * opener


def _salience(group: list[Sentence]) -> float:
    s = group[0]
    return len(s.topics) + 2 * len(s.values) + (1 if s.dates else 0) - s.paragraph_index * 0.05


def build_facts(sentences: list[Sentence], clusters: list[list[int]],
                topic_slug: dict[str, str], limit: int) -> tuple[list[Fact], dict[int, str]]:
    """Turn clusters into ranked facts; also return sentence index -> fact id."""
    facts: list[tuple[tuple, Fact]] = []
    fact_of: dict[int, str] = {}
    for cluster in clusters:
        group = [sentences[i] for i in cluster]
        sources = len({s.ref.article for s in group})
        centre: dict[str, float] = {}
        for s in group:
            _add(centre, s.vector)
        scores = {s.key: _statement_score(s, centre) for s in group}  # once per distinct text
        best = max(group, key=lambda s: (scores[s.key], -s.index))
        if sources < 2 and not (best.values or best.dates or len(best.topics) >= 2):
            continue  # a lone sentence with nothing checkable is not a key fact
        if scores[best.key] < 0.45:
            continue
        support = _unique_refs(s.ref for s in group)
        fact_id = "f-" + hashlib.blake2b(best.text.encode(), digest_size=4).hexdigest()
        values = [v.text for v in best.values]  # the figures the statement itself gives
        topics = sorted({topic_slug[t] for s in group for t in s.topics if t in topic_slug})
        fact = Fact(fact_id, best.text, best.ref, values, support, sources, topics)
        rank = (-sources, -len(support), -_salience([best, *group]), best.index)
        facts.append((rank, fact))
        for s in group:
            fact_of[s.index] = fact_id
    facts.sort(key=lambda item: item[0])
    kept = [fact for _, fact in facts[:limit]]
    kept_ids = {f.id for f in kept}
    return kept, {i: f for i, f in fact_of.items() if f in kept_ids}


def _unique_refs(refs) -> list[Ref]:
    return list(dict.fromkeys(refs))


@dataclass(slots=True)
class _Figure:
    sentence: Sentence
    value: Value
    context: frozenset[str]  # stems around the figure


# Characters either side of a figure that say what it is about.
WINDOW = 60
# A block of figures bigger than this is too generic to compare pairwise.
MAX_BLOCK = 150


def _figures(sentences: list[Sentence]) -> list[_Figure]:
    figures = []
    for s in sentences:
        for v in s.values:
            near = s.text[max(0, v.start - WINDOW) : v.end + WINDOW]
            names = synonym_stems(" ".join(m.surface for m in s.mentions))
            figures.append(_Figure(s, v, synonym_stems(near) - synonym_stems(v.text) - names))
    return figures


def _about_same_thing(a: _Figure, b: _Figure) -> bool:
    """A word of context in common, and no sign that the figures concern different actors.

    The named things must overlap in two (who gives what to whom), or one sentence
    names nothing the other does not: "$60bn from Congress to Ukraine" and "$7bn
    from Japan to Ukraine" share only Ukraine and are different sums.
    """
    shared = a.sentence.topics & b.sentence.topics
    fewest = min(len(a.sentence.topics), len(b.sentence.topics))
    return bool(a.context & b.context) and (len(shared) >= 2 or len(shared) >= fewest)


def find_disagreements(sentences: list[Sentence], topic_names: dict[str, str]
                       ) -> list[Disagreement]:
    """Figures about the same thing that differ beyond rounding, from different sources.

    Figures are blocked by kind and unit (currency, counted noun) so that only
    figures that could be about the same quantity are compared.
    """
    figures = _figures(sentences)
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(figures):
        for unit in {f.value.unit, *(w.lower() for w in f.value.noun.split())} - {""}:
            blocks[(f.value.kind, stem(unit))].append(i)
    parent = list(range(len(figures)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    clashes: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                fi, fj = figures[i], figures[j]
                if not comparable(fi.value, fj.value):
                    continue
                if conflicts(fi.value, fj.value):
                    if fi.sentence.ref.article != fj.sentence.ref.article and \
                            _about_same_thing(fi, fj):
                        clashes.add((i, j))
                        parent[find(i)] = find(j)
                elif fi.sentence.topics & fj.sentence.topics and fi.context & fj.context:
                    parent[find(i)] = find(j)  # the same figure for the same thing
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(figures)):
        groups[find(i)].append(i)
    result = []
    for members in groups.values():
        inside = set(members)
        if any(i in inside and j in inside for i, j in clashes):
            result.append(_disagreement([figures[i] for i in members], topic_names))
    return sorted(result, key=lambda d: (-len(d.claims), d.about))


def _disagreement(figures: list[_Figure], topic_names: dict[str, str]) -> Disagreement:
    claims: dict[str, list[_Figure]] = {}
    for f in sorted(figures, key=lambda f: f.sentence.index):
        match = next((k for k, group in claims.items()
                      if not conflicts(group[0].value, f.value)), None)
        claims.setdefault(match or f.value.key, []).append(f)
    shared = set.intersection(*(f.sentence.topics for f in figures)) if figures else set()
    names = [topic_names[t] for t in sorted(shared) if t in topic_names][:2]
    first = figures[0].value
    measure = {"money": "how much money", "count": f"how many {first.noun or 'items'}",
               "percent": "what share", "measure": "what size"}.get(first.kind, "the figure")
    about = f"{', '.join(names)}: {measure}" if names else measure
    return Disagreement(about=about, claims=[
        Claim(value=group[0].value.text, statement=group[0].sentence.text,
              support=_unique_refs(f.sentence.ref for f in group))
        for group in claims.values()
    ])


_EVENT_VERBS = ("announc", "agre", "decid", "approv", "sign", "unveil")


def find_date_disagreements(sentences: list[Sentence]) -> list[Disagreement]:
    """The same announcement dated by a weekday in one source and a date in another.

    Only lead paragraphs are compared: there "announced on ..." refers to the
    story's main event in every source.
    """
    dated: list[tuple[Sentence, str, object]] = []
    for s in sentences:
        if s.paragraph_index > 2:
            continue
        verb = next((v for v in _EVENT_VERBS if any(st.startswith(v) for st in s.stems)), None)
        if verb is None:
            continue
        for d in s.dates:
            if d.weekday is not None or d.date is not None:
                dated.append((s, verb, d))
    result: list[Disagreement] = []
    seen: set[tuple[str, str]] = set()
    for s1, verb1, d1 in dated:
        if d1.weekday is None:
            continue
        for s2, verb2, d2 in dated:
            if verb1 != verb2 or d2.date is None or s1.ref.article == s2.ref.article:
                continue
            if not s1.topics & s2.topics or d2.date.weekday() == d1.weekday:
                continue
            key = (s1.ref.article, s2.ref.article)
            if key in seen:
                continue
            seen.add(key)
            result.append(Disagreement(
                about=f"when it was {verb1}ed",  # every stem in _EVENT_VERBS takes -ed
                claims=[
                    Claim(d1.text.strip(), [s1.ref], s1.text),
                    Claim(f"{d2.text.strip()} ({d2.date.isoformat()}, a "
                          f"{d2.date.strftime('%A')})", [s2.ref], s2.text),
                ]))
    return result
