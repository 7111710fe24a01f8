"""Shared fixtures: a copy of the sample site in a temporary folder; a count of the pages
a build renders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture()
def sample_site(tmp_path: Path) -> Path:
    """A fresh site folder holding the five sample seeds and nothing else."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "seeds", site / "seeds")
    return site


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site built once for the whole session (read-only for tests)."""
    from site_builder.build import build

    site = tmp_path_factory.mktemp("built") / "site"
    shutil.copytree(REPO / "seeds", site / "seeds")
    build(site, quiet=True, strict=True)
    return site


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the pages each build renders (one process, so that it can count)."""
    from site_builder import render

    monkeypatch.setenv("SITEBUILD_WORKERS", "1")
    paths: list[str] = []
    page = render._Renderer.page

    def counted(self: render._Renderer, job: tuple[str, str, dict]) -> bytes:
        paths.append(job[1])
        return page(self, job)
    monkeypatch.setattr(render._Renderer, "page", counted)
    return paths
