"""The analysis reuses per-article work kept from the last build (memos on disk): after
edits, its digest is byte for byte a cold analysis' one, and only the work an edit
touches is done again, including what a corpus-wide lookup changed for unedited articles."""

from __future__ import annotations

import random
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from site_builder.analyze import analyze
from site_builder.analyze.disagreements import FIGURES
from site_builder.analyze.sentences import PARTS
from site_builder.build import build
from site_builder.config import Config, load_config
from site_builder.content import load_articles
from site_builder.errors import Reporter
from site_builder.memo import Memos
from site_builder.models import Article
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
