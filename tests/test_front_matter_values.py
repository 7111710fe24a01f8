"""Hostile front matter values in .md seeds and content/ files: reported, left out, and the
rest of the site builds (never a crash, a hang or a MemoryError)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from site_builder.build import build
from site_builder.config import Config
from site_builder.content import load_articles, write_content
from site_builder.errors import Reporter
from site_builder.models import Block, CleanDocument

REPO = Path(__file__).resolve().parent.parent
BODY = ("The harbour authority said on Monday that the new ferry terminal would open in "
        "June, two years later than planned, after a dispute over the contract.\n")
_BOMB = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))

# Each value would crash, hang or exhaust memory if taken as it is.
HOSTILE = {
    "bad-day": "published: 2024-02-30\n",
    "month-13": "published: 2024-13-01\n",
    "hour-25": "published: 2024-01-01 25:00:00\n",
    "huge-int": "title: 1" + "0" * 5000 + "\n",
    "control": "title: \"a\x01b\"\nauthor: x\x02y\n",
    "alias-bomb": "l0: &l0 [lol]\n" + _BOMB + "title: *l9\n",
    "deep": "title: " + "[" * 50_000 + "]" * 50_000 + "\n",
}
CONTENT_ONLY = {
    "removed-int": "removed: 5\n",
    "inferred-int": "inferred: 5\n",
    "huge-range": "paragraph_lines: {p-1: \"1-3000000000\"}\n",
    "removed-huge": "removed: [{lines: \"1-999999, 1-999999\", reason: x}]\n",
    "title-list": "title: [a, b]\n",
}


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "seeds", root / "seeds")
    return root


def test_hostile_markdown_seeds_are_reported_and_the_rest_builds(site: Path):
    for name, head in HOSTILE.items():
        (site / "seeds" / f"{name}.md").write_text(f"---\n{head}---\n\n{name}: {BODY}")
    result = build(site, quiet=True)
    assert len(result.digest.articles) == 5
    for name in HOSTILE:
        [warning] = [w for w in result.warnings if f"{name}.md" in w]
        assert "invalid YAML front matter" in warning and "skipped" in warning


def _doc() -> CleanDocument:
    return CleanDocument("a.txt", "1" * 64, [Block(BODY.strip(), (1,))], [],
                         {"title": "Harbour"}, [])


@pytest.mark.parametrize("name", [*HOSTILE, *CONTENT_ONLY])
def test_hostile_values_in_a_content_file_leave_out_that_file_only(tmp_path: Path, name: str):
    config = Config(site_dir=tmp_path)
    write_content([_doc()], config, Reporter(quiet=True))
    articles = tmp_path / "content" / "articles"
    good = (articles / "harbour.md").read_text()
    head = {**HOSTILE, **CONTENT_ONLY}[name]
    for key in re.findall(r"^(\w+):", head, re.M):  # the hostile value replaces the good one
        good = re.sub(rf"^{key}:.*\n(?:[ -].*\n)*", "", good, count=1, flags=re.M)
    (articles / "zz-hostile.md").write_text(good.replace("---\n", "---\n" + head, 1))
    reporter = Reporter(quiet=True)
    loaded = load_articles(config, reporter)
    assert [a.slug for a in loaded] == ["harbour"]
    [warning] = reporter.warnings
    assert "zz-hostile.md:" in warning and "left out until it is fixed" in warning
    write_content([_doc()], config, Reporter(quiet=True))  # and the writer copes with it too
    assert (articles / "zz-hostile.md").exists()


def test_a_seed_with_a_nul_after_8_kb_does_not_block_later_builds(site: Path):
    # 9 KB of blank lines first: the seed passes the binary check, and its content/ file,
    # which leaves the blank lines out, would have the NUL in its first 8 KB.
    (site / "seeds" / "late-nul.txt").write_text("\n" * 9000 + BODY.replace(" new ", " \x00 ")
                                                 + "A second paragraph: passengers waited.\n")
    first = build(site, quiet=True)
    second = build(site, quiet=True, force=True)
    assert len(second.digest.articles) == len(first.digest.articles) == 6
    assert not [w for w in first.warnings + second.warnings if "late-nul" in w]


def test_weekdays_next_to_the_first_and_last_representable_day_are_no_date():
    from site_builder.analyze.timeline import resolve_weekday
    from site_builder.dates import find_dates

    [on_tuesday] = find_dates("the deal was announced on Tuesday")
    [next_friday] = find_dates("talks resume next Friday")
    assert resolve_weekday(on_tuesday, "0001-01-01") is None  # a Monday: Tuesday is before it
    assert resolve_weekday(next_friday, "9999-12-31") is None
    assert resolve_weekday(on_tuesday, "2023-12-21") == "2023-12-19"
