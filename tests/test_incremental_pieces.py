"""After an edit the analysis reads again only the edited article's sentences, gives a
cold analysis' digest, and its change-set (analyze/pieces.py) names exactly the pieces of
the digest that differ: the ones the render side must make again."""

from __future__ import annotations

import shutil
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from site_builder.analyze import analyze
from site_builder.analyze.pieces import Changes, changes, digest_pieces
from site_builder.analyze.readings import Readings, SentenceList
from site_builder.analyze.sentences import Sentence, per_form, per_form_found, watch_lookups
from site_builder.build import build
from site_builder.config import Config, load_config
from site_builder.content import load_articles
from site_builder.errors import Reporter
from site_builder.memo import Memo, Memos
from site_builder.models import Article, CrossRef, Digest, Paragraph, Ref, Topic
from site_builder.pipeline import Runner
from site_builder.render.digest_json import digest_json

REPO = Path(__file__).resolve().parent.parent


class _Lookups:
    """Topics by surface, recording what is asked (as attributions' `_Names` does)."""

    def __init__(self, topics: list[Topic]) -> None:
        self.of_slug = {t.slug: t for t in topics}
        self.of_surface = {t.name.casefold(): t for t in topics}
        self.asked: set[str] | None = None

    def topic(self, surface: str) -> Topic | None:
        if self.asked is not None:
            self.asked.add(surface)
        return self.of_surface.get(surface)


def _found(memo: Memo, sentences: list[Sentence], names: _Lookups
           ) -> tuple[list[tuple[Sentence, Any]], int]:
    """A finder's non-empty readings through a store on `memo`, and how many forms it read."""
    readings = Readings(memo)
    kept = SentenceList(sentences, readings)
    watch_lookups(kept, names)
    found = list(per_form_found(
        kept, lambda s: [t for w in s.text.split() if (t := names.topic(w.casefold()))]))
    readings.finish()
    memo.rotate()
    return found, readings.read


def test_found_readings_are_the_non_empty_readings_of_every_copy_in_order() -> None:
    texts = ["Oslo rose.", "Nobody came.", "Riga fell.", "Oslo rose.", "Nobody came.",
             "Riga and Oslo met.", "Riga fell."]
    # Copies of a text share their form (as `build_sentences` gives them).
    sentences = [Sentence(i, text, Ref(f"a{i}", "p-1"), i, 0, text, frozenset(), [], [], [],
                          form=text) for i, text in enumerate(texts)]
    names = _Lookups([Topic("oslo", "Oslo", "place", [], []),
                      Topic("riga", "Riga", "place", [], [])])

    def finder(s: Sentence) -> list[Topic]:
        return [t for w in s.text.split() if (t := names.topic(w.strip(".").casefold()))]

    plain = [(s, found) for s, found in per_form(sentences, finder) if found]
    memo = Memo(None, "test", "v")
    readings = Readings(memo)
    kept = SentenceList(sentences, readings)
    watch_lookups(kept, names)
    found = list(per_form_found(kept, finder))
    assert [(s.index, r) for s, r in found] == [(s.index, r) for s, r in plain]
    assert [s.index for s, _ in found] == [0, 2, 3, 5, 6]
    assert all(s is sentences[s.index] for s, _ in found)
    assert readings.read == 4  # one reading per form, copies share it
    readings.finish()
    memo.rotate()
    # The next build: every reading kept, the same sentences found.
    readings = Readings(memo)
    kept = SentenceList(sentences, readings)
    watch_lookups(kept, names)
    assert [(s.index, r) for s, r in per_form_found(kept, finder)] == \
        [(s.index, r) for s, r in plain]
    assert readings.read == 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Config, list[Article]]:
    """The sample seeds and a flood cluster, loaded as articles."""
    site = tmp_path_factory.mktemp("site")
    (site / "seeds").mkdir()
    for folder in (REPO / "seeds", REPO / "tests/clusters/flood/seeds"):
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.name != "sources.yml":
                shutil.copyfile(path, site / "seeds" / f"{folder.parent.name}-{path.name}")
    build(site, quiet=True)
    config = load_config(site, Reporter(quiet=True))
    return config, load_articles(config, Reporter(quiet=True))


def _incident(digest: Digest) -> dict[str, list[CrossRef]]:
    links: dict[str, list[CrossRef]] = defaultdict(list)
    for c in digest.crossrefs:
        links[c.source.article].append(c)
        if c.target.article != c.source.article:
            links[c.target.article].append(c)
    return links


def _parts(digest: Digest) -> dict[str, dict[str, Any]]:
    """Each piece of `digest` as the objects themselves (what the hashes stand for)."""
    names: dict[str, set[str]] = defaultdict(set)
    for t in digest.topics:
        for ref in t.mentions:
            names[ref.article].add(t.name)
    return {
        "articles": {a.slug: a for a in digest.articles},
        "links": dict(_incident(digest)),
        "topic_names": {slug: sorted(n) for slug, n in names.items()},
        "topics": {t.slug: (t, [f for f in digest.facts if t.slug in f.topics])
                   for t in digest.topics},
        "site": {"order": [a.slug for a in digest.articles], "facts": digest.facts,
                 "other claims": digest.other_claims, "disagreements": digest.disagreements,
                 "timeline": digest.timeline,
                 "topics": [(t.slug, t.name, t.kind, t.sources) for t in digest.topics],
                 "summary": (digest.summary, digest.summary_sentences)},
    }


def _differing(old: Digest, new: Digest) -> dict[str, frozenset[str]]:
    """Per kind of piece, the keys whose objects differ (or are only in one digest)."""
    before, after = _parts(old), _parts(new)
    return {kind: frozenset(k for k in before[kind].keys() | after[kind].keys()
                            if before[kind].get(k) != after[kind].get(k))
            for kind in before}


def _as_dict(found: Changes) -> dict[str, frozenset[str]]:
    return {"articles": found.articles, "links": found.links,
            "topic_names": found.topic_names, "topics": found.topics, "site": found.site}


def _edited(articles: list[Article], index: int, copied_from: int) -> list[Article]:
    """Article `index` with the longest paragraph of article `copied_from` added at its end
    (a copy: it becomes a near-duplicate link between the two)."""
    article, source = articles[index], articles[copied_from]
    text = max((p.text for p in source.paragraphs if p.kind == "p"), key=len)
    paragraphs = [*article.paragraphs, Paragraph("p-added", "p", text, text)]
    return [*articles[:index], replace(article, paragraphs=paragraphs), *articles[index + 1:]]


def test_the_change_set_names_exactly_the_pieces_an_edit_changed(
        tmp_path: Path, corpus: tuple[Config, list[Article]]) -> None:
    config, articles = corpus
    memo = tmp_path / "memo"

    def analysed(these: list[Article]) -> Digest:
        runner = Runner(Memos(memo, "test"), 1)
        digest = analyze(these, config, runner)
        runner.memos.save()
        return digest

    first = analysed(articles)
    assert changes(None, digest_pieces(first)).everything
    # Nothing changed: no piece named.
    again = analysed(articles)
    assert _as_dict(changes(digest_pieces(first), digest_pieces(again))) == \
        {kind: frozenset() for kind in _parts(first)}
    edited = _edited(articles, 1, len(articles) - 1)  # a flood report copied into another story
    after = analysed(edited)
    cold = analyze(edited, config, Runner.in_memory(1))
    assert b"".join(digest_json(after)) == b"".join(digest_json(cold))
    found = changes(digest_pieces(first), digest_pieces(after))
    assert not found.everything
    assert _as_dict(found) == _differing(first, after)
    # The edited article, and the link its copy made to the copied one, are named.
    assert found.articles == {articles[1].slug}
    assert {articles[1].slug, articles[-1].slug} <= found.links
    # Taking the edit back gives back the first pieces.
    back = analysed(articles)
    assert digest_pieces(back) == digest_pieces(first)
