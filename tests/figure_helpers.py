"""Helpers of the figure-rule tests: one sentence's figure, a digest of invented articles."""

from __future__ import annotations

from pathlib import Path

from site_builder.analyze import analyze
from site_builder.analyze.frames import Figure, find_figures
from site_builder.config import load_config
from site_builder.errors import Reporter
from site_builder.models import Article, Digest, Paragraph


def one(sentence: str) -> Figure:
    """The one figure a sentence states (fails if it states none or several)."""
    [figure] = find_figures(sentence)
    return figure


def analysed(tmp_path: Path, stories: list[tuple[str | None, list[str]]]) -> Digest:
    """Analyse synthetic articles: (published, [paragraph texts]) each."""
    articles = [Article(f"a{n}", f"Story {n}", f"Outlet {n}", None, published, None, None,
                        [Paragraph(f"p{i}", "p", text, text) for i, text in enumerate(texts)])
                for n, (published, texts) in enumerate(stories)]
    return analyze(articles, load_config(tmp_path, Reporter(quiet=True)))
