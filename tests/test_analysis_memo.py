"""The analysis reuses per-article work kept from the last build (memos on disk): after
edits, its digest is byte for byte a cold analysis' one, and only the work an edit
touches is done again, including what a corpus-wide lookup changed for unedited articles."""

from __future__ import annotations

import math
import random
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from site_builder.analyze import (
    analyze,
    attributions,
    declarations,
    departures,
    figure_sources,
    part_of_day,
)
from site_builder.analyze import sentences as sentences_module
from site_builder.analyze.disagreements import FIGURES
from site_builder.analyze.readings import READINGS, Readings, SentenceList
from site_builder.analyze.sentences import (
    PARTS,
    SENTENCES,
    Sentence,
    build_sentences,
    per_form,
    per_form_found,
    watch_lookups,
    weigh,
)
from site_builder.build import build
from site_builder.config import Config, load_config
from site_builder.content import load_articles
from site_builder.errors import Reporter
from site_builder.memo import Memo, Memos
from site_builder.models import Article, Digest, Paragraph, Ref, Topic
from site_builder.pipeline import Runner
from site_builder.render.digest_json import digest_json

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Config, list[Article]]:
    """The sample seeds and a flood cluster, loaded as articles."""
    site = tmp_path_factory.mktemp("site")
    for folder in (REPO / "seeds", REPO / "tests/clusters/flood/seeds"):
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.name != "sources.yml":
                (site / "seeds").mkdir(exist_ok=True)
                shutil.copyfile(path, site / "seeds" / f"{folder.parent.name}-{path.name}")
    build(site, quiet=True)
    config = load_config(site, Reporter(quiet=True))
    return config, load_articles(config, Reporter(quiet=True))


def _digest(articles: list[Article], config: Config, runner: Runner) -> bytes:
    return b"".join(digest_json(analyze(articles, config, runner)))


def _warm(memo: Path, articles: list[Article], config: Config) -> tuple[bytes, dict[str, int]]:
    """Analyse with the memos the last call kept (as a new `sitebuild build` does);
    returns the digest and, per stage of the memos, how many results it computed rather
    than reused."""
    runner = Runner(Memos(memo, "test"), 1)
    digest = _digest(articles, config, runner)
    computed = {}
    for stage in (FIGURES.name, PARTS.name):
        kept = runner.memos[stage]
        old = kept._load()
        computed[stage] = sum(1 for key, entry in kept._new.items() if old.get(key) is not entry)
    runner.memos.save()
    return digest, computed


def _with_sentence(articles: list[Article], index: int, sentence: str) -> list[Article]:
    """`articles` with `sentence` added to the last body paragraph of article `index`."""
    article = articles[index]
    last = max(i for i, p in enumerate(article.paragraphs) if p.kind == "p")
    paragraphs = list(article.paragraphs)
    paragraphs[last] = replace(paragraphs[last], text=f"{paragraphs[last].text} {sentence}")
    return [*articles[:index], replace(article, paragraphs=paragraphs), *articles[index + 1:]]


def test_a_place_given_a_figure_elsewhere_is_read_again_in_unedited_articles(
        tmp_path: Path, corpus: tuple[Config, list[Article]]) -> None:
    config, articles = corpus
    memo = tmp_path / "memo"
    _warm(memo, articles, config)
    # A toll that names a place no figure of the corpus is given for (yet).
    first = _with_sentence(articles, 1, "The blast shook central Varnholt, killing 144 people.")
    digest, computed = _warm(memo, first, config)
    assert digest == _digest(first, config, Runner.in_memory(1))
    assert computed[FIGURES.name] == 1
    assert computed[PARTS.name] == 1
    # Another article gives Varnholt a figure: the first article's toll is now placed
    # there, though that article did not change.
    second = _with_sentence(first, 4, "In Varnholt, 30 people were injured.")
    digest, computed = _warm(memo, second, config)
    assert digest == _digest(second, config, Runner.in_memory(1))
    assert computed[FIGURES.name] == 2
    assert computed[PARTS.name] == 1


@pytest.mark.parametrize("seed", range(3))
def test_analysis_after_random_edits_from_memos_equals_a_cold_analysis(
        tmp_path: Path, corpus: tuple[Config, list[Article]], seed: int) -> None:
    config, articles = corpus
    rng = random.Random(seed)
    memo = tmp_path / "memo"
    _warm(memo, articles, config)
    sentences = ["Officials said on Tuesday that 1,200 people had been moved.",
                 "In the city, 12 people were still missing on Friday.",
                 "Hurricane Orlena, which hit two weeks earlier, killed 61 people.",
                 "The toll had risen to 27, the ministry said."]
    edited = articles
    for _ in range(3):
        if rng.random() < 0.3:  # an article deleted
            gone = rng.choice(edited)
            edited = [a for a in edited if a is not gone]
        else:
            edited = _with_sentence(edited, rng.randrange(len(edited)), rng.choice(sentences))
        digest, computed = _warm(memo, edited, config)
        assert digest == _digest(edited, config, Runner.in_memory(1))
        assert computed[PARTS.name] <= 1


def _each_alone(sentences: Iterable[Sentence], extract: Callable[[Sentence], Any],
                extra: object = None) -> Iterator[tuple[Sentence, Any]]:
    """`per_form` without sharing: every sentence read on its own, as before forms."""
    return ((s, extract(s)) for s in sentences)


# Groups of sentences, each told by its own outlet, that the corpus-wide finders turn
# into rows (who did it, who is blamed, when, whose figure, whose account ...).
_TOLD = [
    ("The Federal Deposit Insurance Corporation shut Marlow Savings Bank on Friday.",
     "Marlow Savings Bank was closed on Friday by Oregon banking regulators."),
    ("The reservoir wall burst overnight, and Estonia accused Latvian saboteurs of "
     "blowing up the reservoir wall.",
     "Riga blamed Estonian shelling for the burst reservoir wall."),
    ("The magnitude 6.9 quake struck at 3:10 p.m. near the coastal town of Varna.",
     "Seismologists said the quake hit Varna around 4:05 p.m. local time."),
    ("Lena Okafor, a spokeswoman for the Varno Port Authority, said the ferry had 212 people "
     "aboard.", "The ferry sank in calm water, said Lena Okafor, a Maritime Safety Agency "
     "spokeswoman."),
    ("Farmers say the Kessel blaze started beneath a Norvane Energy pylon on the ridge.",
     "Norvane Energy said its equipment did not start the blaze."),
    ("The ferry's operator said all 14 crew members, all of them Chilean nationals, were "
     "rescued.", "The consulate said 12 of the 15 crew members are Chilean nationals."),
    ("According to the Harbour Health Directorate, 212 people were injured at the gates.",
     "The Harbour Health Directorate denied issuing the toll on Sunday."),
    ("The overloaded ferry sank in the early hours of Tuesday, a few miles off the cape.",
     "Survivors said the ferry capsized late on Monday night, soon after leaving port."),
    ("The Harlow Relief Fund estimates that about 40,000 families need food aid this winter.",
     "The Marlow Development Agency estimates that more than 40,000 families need food aid."),
    ("Fire chief Tomas Brenner said on Monday that about 120 workers were unaccounted for.",
     "Tomas Brenner, the fire chief, warned that the death toll could reach 120."),
]


def _each_alone(sentences: Iterable[Sentence], extract: Callable[[Sentence], Any],
                extra: object = None) -> Iterator[tuple[Sentence, Any]]:
    """`per_form` without sharing: every sentence read on its own, as before forms."""
    return ((s, extract(s)) for s in sentences)


def _found_alone(sentences: Iterable[Sentence], extract: Callable[[Sentence], Any],
                 extra: object = None) -> Iterator[tuple[Sentence, Any]]:
    """`per_form_found` without sharing: every sentence read on its own."""
    return ((s, found) for s, found in _each_alone(sentences, extract) if found)


def _copied_articles() -> list[Article]:
    """Each sentence of `_TOLD` in its own article, told again by two more outlets (one a
    year later): wire copy, whose sentences share their features."""
    articles = []
    for group, texts in enumerate(_TOLD):
        for side, text in enumerate(texts):
            for copy, published in enumerate(("2031-04-12", "2031-04-13", "2032-04-12")):
                n = len(articles)
                paragraphs = [Paragraph(f"p-{n}", "p", text, text)]
                articles.append(Article(f"story-{group}-{side}-{copy}", f"Story {n}",
                                        f"Outlet {n}", None, published, None, f"{n}.txt",
                                        paragraphs))
    return articles


def test_tf_idf_weights_count_every_copy_of_a_sentence() -> None:
    articles = _copied_articles()
    sentences = build_sentences(articles, None, Runner.in_memory(1))
    for s in sentences:
        s.topics = {m.key for m in s.mentions}
    weigh(sentences)
    features = [set(s.stems) | {f"@{t}" for t in s.topics} | {f"#{v.key}" for v in s.values}
                for s in sentences]
    for s, feats in zip(sentences, features, strict=True):
        weights = {f: math.log(1 + len(sentences) / sum(f in x for x in features))
                   for f in feats}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        assert s.vector == pytest.approx({f: w / norm for f, w in weights.items()})


def test_finders_reading_each_form_once_find_what_reading_every_copy_finds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Wire copy: each sentence told again under other slugs (one copy a year later)
    shares its features with its copies; the corpus-wide finders read each shared form
    once, and their rows (with every copy's paragraph) are those of reading each copy."""
    articles = _copied_articles()
    config = Config(Path("."))
    shared = analyze(articles, config, Runner.in_memory(1))
    sentences = build_sentences(articles, None, Runner.in_memory(1))
    assert len({(s.text, id(s.mentions), id(s.dates)) for s in sentences}) < len(sentences)
    for module in (attributions, sentences_module):
        monkeypatch.setattr(module, "per_form", _each_alone)
    # And the finders that take only the sentences whose reading is not empty.
    for module in (attributions, declarations, departures, figure_sources, part_of_day):
        monkeypatch.setattr(module, "per_form_found", _found_alone)
    alone = analyze(articles, config, Runner.in_memory(1))
    assert len(alone.disagreements) >= len(_TOLD)
    # Rows cite the copies too: a copy read through another's form keeps its own place.
    assert any(ref.article.endswith("-1") for row in alone.disagreements
               for claim in row.claims for ref in claim.support)
    assert b"".join(digest_json(shared)) == b"".join(digest_json(alone))


def _analysed(memo: Path, articles: list[Article], config: Config
              ) -> tuple[bytes, Runner, list[str]]:
    """Analyse with the memos the last call kept; returns the digest, the runner (its
    `computed` counts) and the article of each sentence a finder read again."""
    read: list[str] = []
    real = Readings._reading

    def spying(self: Readings, s: Sentence, key: Any, extract: Callable[[Sentence], Any]
               ) -> Any:
        return real(self, s, key, lambda x: (read.append(x.ref.article), extract(x))[1])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Readings, "_reading", spying)
        runner = Runner(Memos(memo, "test"), 1)
        digest = _digest(articles, config, runner)
    runner.memos.save()
    return digest, runner, read


def test_an_edit_reads_again_only_the_edited_articles_new_sentences(
        tmp_path: Path, corpus: tuple[Config, list[Article]]) -> None:
    config, articles = corpus
    memo = tmp_path / "memo"
    _, cold, read = _analysed(memo, articles, config)
    assert cold.computed[READINGS] == len(read) > 100
    # Nothing changed: every reading is the last build's.
    digest, again, read = _analysed(memo, articles, config)
    assert again.computed[READINGS] == 0 and not read
    assert digest == _digest(articles, config, Runner.in_memory(1))
    edited = _with_sentence(articles, 2, "The evacuation of the harbour district began at "
                                         "dawn, the port authority said.")
    digest, runner, read = _analysed(memo, edited, config)
    assert digest == _digest(edited, config, Runner.in_memory(1))
    # Only the new sentence's form is read, by each finder that keeps its readings.
    assert runner.computed[SENTENCES.name] == 1
    assert set(read) == {articles[2].slug}
    assert 0 < runner.computed[READINGS] == len(read) < cold.computed[READINGS] / 50


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


def _readings_of(memo: Memo, sentences: list[Sentence], names: _Lookups,
                 outside: list[str]) -> tuple[list[Any], list[Any], int]:
    """Two finders' readings through a store on `memo`: one that looks topics up only in
    `names`, one that also reads `outside` (not kept). Returns both and what was read."""
    readings = Readings(memo)
    kept = SentenceList(sentences, readings)
    watch_lookups(kept, names)
    first = [found for _, found in sentences_module.per_form(
        kept, lambda s: [(s, names.topic(s.text.split()[0].casefold()))])]
    second = [found for _, found in sentences_module.per_form(
        kept, lambda s: len(outside) + len(s.text))]
    readings.finish()
    memo.rotate()
    return first, second, readings.read


def test_kept_readings_are_read_again_when_a_topic_they_looked_up_changes() -> None:
    def topics(kind: str) -> list[Topic]:
        return [Topic("oslo", "Oslo", kind, [], []), Topic("riga", "Riga", "place", [], [])]

    texts = ["Oslo rose today.", "Riga fell today.", "Nobody came today.", "Oslo rose today."]
    sentences = [Sentence(i, text, Ref(f"a{i}", "p-1"), i, 0, text, frozenset(), [], [], [],
                          form=text) for i, text in enumerate(texts)]
    memo, outside = Memo(None, "test", "v"), ["x"]
    names = _Lookups(topics("place"))
    first, second, read = _readings_of(memo, sentences, names, outside)
    assert read == 3  # three forms, read once each by the finder that is kept
    assert first[0] == first[3] == [(sentences[0], names.of_slug["oslo"])]
    # The same topics, but new objects: readings kept, holding this build's topics.
    names = _Lookups(topics("place"))
    first, _, read = _readings_of(memo, sentences, names, outside)
    assert read == 0
    assert first[0][0][1] is names.of_slug["oslo"] and first[0][0][0] is sentences[0]
    # Oslo is now a person: only the form that asked for it is read again.
    outside.append("y")
    names = _Lookups(topics("person"))
    first, second, read = _readings_of(memo, sentences, names, outside)
    assert read == 1
    assert first[0][0][1].kind == "person" and second[0] == 2 + len(texts[0])


def test_the_previews_reused_analysis_keeps_the_finders_readings(
        corpus: tuple[Config, list[Article]]) -> None:
    """The preview reuses its last analysis while the articles are unchanged (a template
    edit); the readings it kept are still there for the next edit's analysis."""
    config, articles = corpus
    runner = Runner.in_memory(1)

    def analysed(these: list[Article]) -> Digest:
        runner.computed.clear()
        digest = runner.whole("analysis", these, lambda: analyze(these, config, runner))
        runner.memos.rotate()
        return digest

    analysed(articles)
    assert runner.computed[READINGS] > 100
    analysed(articles)  # reused whole: nothing read
    assert runner.computed == {}
    edited = _with_sentence(articles, 3, "Crews reopened the coastal road on Monday morning.")
    digest = analysed(edited)
    assert 0 < runner.computed[READINGS] < 50
    assert b"".join(digest_json(digest)) == _digest(edited, config, Runner.in_memory(1))


def _finders_read(memo: Path, articles: list[Article], config: Config
                  ) -> tuple[bytes, dict[str, list[str]]]:
    """Analyse with the memos the last call kept; returns the digest and, per finder
    (its function's name), the article of each sentence it read rather than took kept."""
    read: dict[str, list[str]] = {}
    real = Readings._reading

    def spying(self: Readings, s: Sentence, key: Any, extract: Callable[[Sentence], Any]
               ) -> Any:
        name = f"{extract.__qualname__}:{extract.__code__.co_firstlineno}"
        return real(self, s, key,
                    lambda x: (read.setdefault(name, []).append(x.ref.article), extract(x))[1])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Readings, "_reading", spying)
        runner = Runner(Memos(memo, "test"), 1)
        digest = _digest(articles, config, runner)
    runner.memos.save()
    return digest, read


def test_the_count_venue_whereabouts_and_clock_finders_read_only_an_edits_sentence(
        tmp_path: Path, corpus: tuple[Config, list[Article]]) -> None:
    """Whose figure counted what, where an announcement was made, whether a thing was found
    and when a thing was done read each form through the kept readings: after an edit
    they read the edited article's new sentence alone, and the digest is a cold one's."""
    config, articles = corpus
    memo = tmp_path / "memo"
    _, cold = _finders_read(memo, articles, config)
    wanted = ("_counted_rows.<locals>", "_venue_rows.<locals>", "_whereabouts",
              "_done_at_rows.<locals>")
    moved = {name: read for name, read in cold.items() if name.startswith(wanted)}
    # Each finder (two in the clock finder: names per article, acts at a time) read the
    # corpus' forms once.
    assert len(moved) == 5
    assert all(len(read) > 100 for read in moved.values())
    edited = _with_sentence(articles, 4, "The missing trawler was found on Tuesday, "
                                         "the coast guard said.")
    digest, again = _finders_read(memo, edited, config)
    assert digest == _digest(edited, config, Runner.in_memory(1))
    for name in moved:
        assert again.get(name) == [articles[4].slug]


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
