"""Score the samples and the hand-annotated clusters against their gold files.

The clusters under tests/clusters/ were written for this suite in shapes the samples
do not have (pipes and cookie notices, wire copy, HTML, author bios, counters), with
disagreeing death tolls, damage and customer figures.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from site_builder.build import build
from site_builder.evaluate import BARS, score

CLUSTERS = Path(__file__).resolve().parent / "clusters"
REPO = CLUSTERS.parent.parent
CASES = {
    "samples": (REPO / "seeds", CLUSTERS / "samples-gold.yml"),
    "flood": (CLUSTERS / "flood" / "seeds", CLUSTERS / "flood" / "gold.yml"),
    "outage": (CLUSTERS / "outage" / "seeds", CLUSTERS / "outage" / "gold.yml"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_bar_is_met(name: str, tmp_path: Path):
    seeds, gold_file = CASES[name]
    site = tmp_path / name
    shutil.copytree(seeds, site / "seeds")
    if name == "samples":
        shutil.copy(REPO / "sitebuild.yml", site / "sitebuild.yml")
    result = build(site, quiet=True, strict=True)
    digest = json.loads((result.output / "digest.json").read_text())
    scores = score(yaml.safe_load(gold_file.read_text()), digest)
    for bar, minimum in BARS.items():
        assert getattr(scores, bar) >= minimum - 1e-9, (bar, getattr(scores, bar), scores)
    assert scores.facts_ordered
    assert not scores.suspicious_topics
    for checks in scores.metadata.values():
        assert all(checks.values()), checks


# Regression floors on the annotated real-shaped clusters (tests/clusters/*/gold.yml),
# set a little below what the analysis reaches today: they catch a change that makes the
# claims worse. Issue 10's own bars (recall 0.6, precision 0.8, ...) are reported by
# `sitebuild eval --clusters tests/clusters`; the tuning set (with the promoted earlier
# held-out sets) meets most of them; the held-out set does not yet (floors just below its
# first scoring).
FLOORS = {
    False: {"facts_found": 0.933, "conflict_recall": 0.66, "numeric_recall": 0.79,
            "conflict_precision": 0.967, "topics_found": 0.962, "topics_one_page": 0.946},
    True: {"facts_found": 0.76, "conflict_recall": 0.27, "numeric_recall": 0.29,
           "conflict_precision": 0.79, "topics_found": 0.85, "topics_one_page": 0.76},
}
# Non-conflicts wrongly flagged, at most (per set).
MOST_FLAGGED = {False: 1, True: 0}


@pytest.mark.parametrize("held_out", [False, True], ids=["tuning", "held-out"])
def test_annotated_clusters_keep_their_scores(held_out: bool):
    from site_builder.evaluate import score_clusters, total

    results = score_clusters(CLUSTERS)
    group = [s for h, s in results.values() if h == held_out]
    assert group, "no clusters in this set"
    sums = total(group)
    for name, floor in FLOORS[held_out].items():
        assert sums[name] >= floor, (name, sums[name])
    assert sums["nonconflicts_flagged"] <= MOST_FLAGGED[held_out], sums
