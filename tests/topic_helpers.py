"""Helpers of the topic-rule tests: topics resolved from a few invented sentences."""

from __future__ import annotations

from site_builder.analyze.entities import entity_key, find_mentions, resolve


def topics(sentences: list[str], aliases: dict[str, list[str]] | None = None):
    """(key_to_topic, drafts) for the names the sentences mention."""
    vocab = frozenset(w.strip(".,;:\"") for s in sentences for w in s.split() if w.islower())
    mentions = [m for s in sentences for m in find_mentions(s, vocab)]
    return resolve(mentions, aliases or {}, [])


def same(key_to_topic: dict[str, str], *names: str) -> bool:
    """All the names became one topic."""
    targets = {key_to_topic.get(entity_key(n)) for n in names}
    return len(targets) == 1 and None not in targets


def kind(key_to_topic, drafts, name: str) -> str:
    """The kind of the topic a name became."""
    return drafts[key_to_topic[entity_key(name)]].kind
