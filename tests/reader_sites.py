"""Sites for the reader-facing tests: the sample with named sources, and the sample
re-rendered with numbers and dates on its disputed figures chosen so that both kinds
of chart are drawn (a figure updated over time, and values that differ by source)."""

from __future__ import annotations

import shutil
from pathlib import Path

from site_builder.build import build
from site_builder.config import load_config
from site_builder.errors import Reporter
from site_builder.models import Digest
from site_builder.render import render_site

REPO = Path(__file__).resolve().parent.parent

# Metadata an editor would give three of the five sample seeds; the other two keep
# only what their pages say. The names are invented for the test.
SOURCES_YML = """\
000_d15a8b927213b857.txt:
  outlet: The Harbour Gazette
  url: https://www.harbour-gazette.example/world/japan-patriots
  published: 2023-12-22
001_c2d44d643f83d7e6.txt:
  url: https://news.example.org/2023/12/22/japan-arms-exports
  published: 2023-12-22T09:30
004_3afadba021f4185c.txt:
  outlet: Evening Courier
  published: 2023-12-23
"""
OUTLETS = ("The Harbour Gazette", "news.example.org", "Evening Courier")


def named_sample(root: Path) -> Path:
    """A copy of the sample site whose seeds/sources.yml names some outlets."""
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copy(REPO / "sitebuild.yml", root / "sitebuild.yml")
    (root / "seeds" / "sources.yml").write_text(SOURCES_YML)
    return root


def number_claims(digest: Digest) -> None:
    """Give the disputed figures numbers, dates and kinds that draw every kind of chart
    (the sample's own figures need not): the first an update over time, the others
    values that differ by source."""
    for n, d in enumerate(digest.disagreements):
        d.kind = "update" if n == 0 else "contradicts" if n == 1 else "differs"
        for i, claim in enumerate(d.claims):
            claim.number = float(40 - 15 * i) if n == 0 else float(3 + 4 * i)
            if n == 0:
                claim.published = f"2023-12-{19 + 2 * i:02d}"


def numbered_site(root: Path) -> tuple[Path, Digest]:
    """The named sample built, then rendered again with numbered claims into root/numbered."""
    site = named_sample(root / "site")
    result = build(site, quiet=True, strict=True)
    assert result.digest is not None
    number_claims(result.digest)
    out = root / "numbered"
    out.mkdir()
    render_site(result.digest, load_config(site, Reporter(quiet=True)), out)
    return out, result.digest
