"""The preview renders only the pages whose key changed (page keys kept in memory between
its builds), and after any edits its live site still equals a cold build, byte for byte.

The lists that run to several pages (facts/, sources/) are keyed page by page too: the
tests shrink their pages so that the small test corpus has several of each.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from test_incremental import (
    _add_seed,
    _assert_equals_clean_build,
    _edit,
    _edit_config,
    _edit_template,
    _remove_seed,
    _site,
)

from site_builder import render
from site_builder.build import build
from site_builder.config import Config
from site_builder.pipeline import site_runner
from site_builder.preview_state import LiveSite


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the pages each build renders (one process, so that it can count),
    with lists of a few items per page."""
    monkeypatch.setenv("SITEBUILD_WORKERS", "1")
    monkeypatch.setattr(render, "SOURCES_PER_PAGE", 4)
    monkeypatch.setattr(render, "FACTS_PAGE_UNITS", 12)
    paths: list[str] = []
    page = render._Renderer.page

    def counted(self: render._Renderer, job: tuple[str, str, dict]) -> bytes:
        paths.append(job[1])
        return page(self, job)
    monkeypatch.setattr(render._Renderer, "page", counted)
    return paths


def _preview(site: Path) -> tuple[object, LiveSite]:
    runner = site_runner(Config(site).cache_dir)
    live = LiveSite()
    build(site, quiet=True, runner=runner, preview=True, live=live)
    return runner, live


def _pages(paths: list[str], folder: str) -> list[str]:
    return [p for p in paths if p.startswith(f"{folder}/") and p.endswith("index.html")]


def test_an_edit_renders_the_pages_whose_key_changed(tmp_path: Path,
                                                     rendered: list[str]) -> None:
    site = _site(tmp_path / "edited")
    runner, live = _preview(site)
    every = list(rendered)
    assert len(_pages(every, "sources")) > 2 and len(_pages(every, "facts")) > 2
    digest = live.rendered.renderer.digest if live.rendered else None
    assert digest is not None
    article = digest.articles[len(digest.articles) // 2]
    seed = site / "seeds" / str(article.source_file)
    lines = seed.read_text(encoding="utf-8").split("\n")
    lines.insert(len(lines) // 2, "A spokesman said on Wednesday that the bridge at "
                                  "Quillanbury had been closed for an inspection.")
    seed.write_text("\n".join(lines), encoding="utf-8")
    rendered.clear()
    build(site, quiet=True, runner=runner, preview=True, live=live)

    assert f"articles/{article.slug}/index.html" in rendered
    articles_topics = _pages(rendered, "articles") + _pages(rendered, "topics")
    assert len(articles_topics) < (len(_pages(every, "articles")) +
                                   len(_pages(every, "topics"))) // 2, articles_topics
    # The page of sources/ that lists the article changed; the others were not rendered.
    assert 0 < len(_pages(rendered, "sources")) < len(_pages(every, "sources"))
    assert "Quillanbury" in (site / "output" / "articles" / article.slug /
                             "index.html").read_text("utf-8")
    _assert_equals_clean_build(site, tmp_path / "clean", "sentence inserted")


def test_nothing_changed_in_the_digest_renders_only_the_unkeyed_pages(
        tmp_path: Path, rendered: list[str]) -> None:
    """A config edit that only the site key holds (the title) renders every page; the
    next build, with nothing new but a seed's trailing blank line, renders none of the
    keyed ones."""
    site = _site(tmp_path / "edited")
    runner, live = _preview(site)
    seed = sorted((site / "seeds").iterdir())[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    rendered.clear()
    build(site, quiet=True, runner=runner, preview=True, live=live)
    keyed = [p for p in rendered if p.startswith(("articles/", "topics/", "facts/",
                                                  "sources/")) and p != "topics/index.html"]
    assert keyed == []
    _assert_equals_clean_build(site, tmp_path / "clean", "blank line")


def _drop_templates(site: Path, rng: random.Random) -> str:
    shutil.rmtree(site / "templates", ignore_errors=True)
    return "templates removed"


@pytest.mark.parametrize("seed", range(1, 4))
def test_paged_lists_after_any_edits_equal_a_cold_build(tmp_path: Path, seed: int,
                                                        rendered: list[str]) -> None:
    """Random edits of every kind through the preview, including a template of the site's
    own (no page keyed) and its removal (keyed again, from nothing kept): the live site
    equals a cold build after each round, and so does a command-line rebuild."""
    rng = random.Random(seed)
    site = _site(tmp_path / "edited")
    runner, live = _preview(site)
    seeds = site / "seeds"
    kinds = [lambda: _edit(seeds, rng), lambda: _edit(seeds, rng, "copy"),
             lambda: _add_seed(seeds, rng), lambda: _remove_seed(seeds, rng),
             lambda: _edit_template(site, rng), lambda: _drop_templates(site, rng),
             lambda: _edit_config(site, rng), lambda: _edit(seeds, rng, "delete")]
    for round_, kind in enumerate(kinds):
        edits = [kind(), *(_edit(seeds, rng) for _ in range(rng.randint(0, 1)))]
        build(site, quiet=True, runner=runner, preview=True, live=live)
        _assert_equals_clean_build(site, tmp_path / f"clean-{round_}", f"round {round_}, {edits}")
    # The command line keys the same pages between its builds.
    cli = tmp_path / "cli"
    shutil.copytree(site / "seeds", cli / "seeds")
    build(cli, quiet=True)
    edits = [_edit(cli / "seeds", rng) for _ in range(2)]
    build(cli, quiet=True)
    _assert_equals_clean_build(cli, tmp_path / "clean-cli", f"command line, {edits}")


def test_a_template_edit_reuses_the_analysis_and_a_seed_edit_redoes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview keeps its last digest while the articles and configuration are the
    same: a template edit renders the pages again without analysing; the next seed edit
    analyses again, still reusing the per-article results of the build before."""
    import site_builder.analyze as analysis

    calls: list[int] = []
    analyze = analysis.analyze

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return analyze(*args, **kwargs)
    monkeypatch.setattr(analysis, "analyze", counted)
    rng = random.Random(5)
    site = _site(tmp_path / "edited")
    runner, live = _preview(site)
    assert len(calls) == 1
    _edit_template(site, rng)
    build(site, quiet=True, runner=runner, preview=True, live=live)
    assert len(calls) == 1
    _assert_equals_clean_build(site, tmp_path / "clean-template", "template")
    sentences = runner.memos["sentences"]  # type: ignore[attr-defined]
    kept = set(sentences._old or {})
    edit = _edit(site / "seeds", rng, "sentence")
    calls.clear()  # the clean build analysed too
    build(site, quiet=True, runner=runner, preview=True, live=live)
    assert len(calls) == 1
    # Only the edited article's sentences were worked out again.
    assert kept and len(set(sentences._old or {}) - kept) <= 1, edit
    _assert_equals_clean_build(site, tmp_path / "clean-seed", edit)


def test_a_rebuild_collects_its_garbage_and_freezes_what_the_preview_keeps(
        tmp_path: Path) -> None:
    """After a preview rebuild, cyclic garbage is gone at once, and what the preview keeps
    is left out of the collector's later passes (each would walk all of it again)."""
    import gc
    import weakref

    from site_builder.serve import PreviewState, rebuild

    class Node:
        pass

    site = _site(tmp_path / "edited")
    state = PreviewState()
    cycle = Node()
    cycle.self = cycle  # type: ignore[attr-defined]
    gone = weakref.ref(cycle)
    del cycle
    gc.disable()  # only the rebuild may collect it
    try:
        rebuild(site, site / "output", state)
        assert gone() is None
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()
