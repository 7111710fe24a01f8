"""Analysis: all articles together -> one Digest (topics, facts, disagreements, links, timeline)."""

from __future__ import annotations

from ..config import Config
from ..content import make_slug
from ..models import Article, Digest, Ref, Topic
from ..pipeline import Runner, collector_paused
from .attributions import find_attribution_disagreements
from .crossrefs import near_duplicates, related
from .disagreements import find_date_disagreements, find_disagreements
from .entities import resolve
from .facts import LINK, brief_sentences, build_facts, cluster_sentences
from .readings import READINGS, Readings, SentenceList
from .sentences import Sentence, build_sentences, similar_pairs, story_year, weigh
from .timeline import build_timeline


def analyze(articles: list[Article], config: Config, runner: Runner | None = None) -> Digest:
    """Build the digest from the loaded articles; pure: same input, same digest.

    `runner` keeps per-article results between builds (without it, nothing is kept)
    and runs the per-article work on its process pool.
    """
    # Analysis makes millions of small objects and no cycles among them: collections
    # would only walk them (a sixth of its time at 3,000 articles), and free nothing.
    with collector_paused():
        return _analyze(articles, config, runner or Runner.in_memory())


def _analyze(articles: list[Article], config: Config, runner: Runner) -> Digest:
    part = runner.part  # each corpus-wide step's seconds, for `--timings`
    # First: its shingle index is large, and is gone before the sentences are built.
    with part("near-duplicates"):
        duplicates = near_duplicates(articles, runner)
    with part("sentence list"):
        # Carrying the finders' readings of each form kept between builds (readings.py).
        readings = Readings(runner.memo(READINGS))
        sentences = SentenceList(build_sentences(articles, story_year(articles), runner),
                                 readings)
    with part("topics"):
        topics, topic_slug = _topics(sentences, config)
    with part("tf-idf"):
        weigh(sentences)
    with part("similar sentences"):
        # Repeated sentences are grouped by their words; only distinct ones are compared.
        distinct = list({s.key: s for s in reversed(sentences)}.values())
        pairs = similar_pairs(distinct, LINK)
    with part("facts"):
        clusters = cluster_sentences(sentences, pairs)
        facts, other_claims, fact_of = build_facts(sentences, clusters, topic_slug,
                                                   limit=min(10 + 6 * len(articles), 600))
    name_of_slug = {t.slug: t.name for t in topics}
    names = {key: name_of_slug[slug] for key, slug in topic_slug.items()}
    with part("figure disagreements"):
        disagreements = find_disagreements(sentences, articles, names, runner)
    with part("date disagreements"):
        disagreements += find_date_disagreements(sentences)
    with part("attributions"):
        disagreements += find_attribution_disagreements(sentences, articles, topics)
        if readings.names is not None:  # the finders' readings were kept
            readings.finish()
        runner.computed[READINGS] = readings.read
        sentences.readings = None  # what follows reads afresh
    with part("related, timeline, brief"):
        crossrefs = duplicates + related([f.support for f in facts], duplicates)
        statements = {f.id: f.statement for f in facts}
        timeline = build_timeline(sentences, articles, fact_of, statements)
        place_slugs = {t.slug for t in topics if t.kind == "place"}
        person_slugs = {t.slug for t in topics if t.kind == "person"}
        brief = brief_sentences(facts, {(s.ref, s.text): s for s in sentences},
                                {a.slug: a.published for a in articles},
                                {key for key, slug in topic_slug.items()
                                 if slug in place_slugs},
                                {key for key, slug in topic_slug.items()
                                 if slug in person_slugs})
        summary = " ".join(text for text, _ in brief)
    return Digest(articles, topics, facts, disagreements, crossrefs, timeline, summary,
                  other_claims, brief)


def _topics(sentences: list[Sentence], config: Config) -> tuple[list[Topic], dict[str, str]]:
    """Resolve mentions into topics; returns the topics and topic key -> slug."""
    mentions = [m for s in sentences for m in s.mentions]
    key_to_topic, drafts = resolve(mentions, config.topic_aliases, config.topic_exclude)
    # Per topic, the paragraphs mentioning it in order of first mention (a dict keeps
    # that order and answers "seen already?" at once, which a list of thousands did not).
    refs: dict[str, dict[Ref, None]] = {}
    for s in sentences:
        s.topics = {key_to_topic[m.key] for m in s.mentions if m.key in key_to_topic}
        for key in s.topics:
            refs.setdefault(key, {})[s.ref] = None
    ranked = []
    for key, draft in drafts.items():
        mentions_of = list(refs.get(key, ()))
        count = sum(draft.surfaces.values())
        sources = len({r.article for r in mentions_of})
        if draft.kind == "other" and (count < 2 or (" " not in key and sources < 2)):
            continue  # an unclassified single word in one source is too often an ordinary word
        ranked.append((-sources, -count, draft.name.casefold(), key, draft, mentions_of, sources))
    ranked.sort(key=lambda r: r[:4])
    taken: set[str] = set()
    topics: list[Topic] = []
    slugs: dict[str, str] = {}
    for *_, key, draft, mentions_of, sources in ranked:
        slug = make_slug(draft.name, taken)
        # Case-blind order, then the spelling itself: "MEXICO CITY" and "Mexico City" tie
        # case-blind, and a tie would keep the set's hash-seeded order.
        aliases = sorted({s for s in draft.surfaces if s != draft.name},
                         key=lambda s: (s.casefold(), s))
        topics.append(Topic(slug, draft.name, draft.kind, aliases, mentions_of, sources))
        slugs[key] = slug
    return topics, slugs
