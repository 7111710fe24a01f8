"""The scorer itself, on a hand-made gold file and digest."""

import subprocess
import sys
from pathlib import Path

from site_builder.evaluate import score, states

GOLD = {
    "articles": {
        "001_a.txt": {"body_lines": [1, 2, 3], "title_line": 5},
        "002_b.txt": {"body_lines": [1, 2]},
    },
    "key_facts": [
        {"fact": "The dam will be raised by ten metres", "support": ["001:1", "002:1"]},
        {"fact": "The works cost $40 million", "value": "$40 million", "support": ["001:3"]},
    ],
    "conflicts": [{"about": "cost", "claims": [{"value": "$40 million", "support": ["001:3"]},
                                               {"value": "$55 million", "support": ["002:2"]}]}],
    "near_duplicates": [["001:1", "002:1"], ["001:2", "002:2"]],
    "topics": [{"name": "United States", "aliases": ["US", "U.S."]},
               {"name": "Dam Authority", "aliases": ["Dam Authority"]}],
}


def _digest(**changes):
    digest = {
        "articles": [
            {"slug": "a", "source_file": "001_a.txt", "title": "T", "author": None,
             "published": None, "paragraphs": [
                 {"id": "p1", "source_lines": [1]}, {"id": "p2", "source_lines": [2]},
                 {"id": "p9", "source_lines": [9]}]},
            {"slug": "b", "source_file": "002_b.txt", "paragraphs": [
                {"id": "q1", "source_lines": [1]}, {"id": "q2", "source_lines": [2]}]},
        ],
        "topics": [{"name": "United States", "aliases": ["US"]},
                   {"name": "U.S.", "aliases": []}],
        "facts": [{"statement": "Officials said the dam will be raised by ten metres.",
                   "support": [{"article": "a", "paragraph": "p1"}], "sources": 2},
                  {"statement": "Unrelated words entirely.",
                   "support": [{"article": "a", "paragraph": "p9"}], "sources": 1}],
        "disagreements": [{"claims": [
            {"value": "$40 million", "support": [{"article": "a", "paragraph": "p9"}]},
            {"value": "$55 million", "support": [{"article": "b", "paragraph": "q2"}]}]}],
        "crossrefs": [{"from": {"article": "a", "paragraph": "p1"},
                       "to": {"article": "b", "paragraph": "q1"}, "kind": "duplicate",
                       "score": 1.0}],
    }
    digest.update(changes)
    return digest


def test_cleaning_precision_and_recall_by_line():
    s = score(GOLD, _digest())
    assert s.cleaning_precision == 4 / 5  # line 9 of 001 kept but not body
    assert s.cleaning_recall == 4 / 5  # line 3 of 001 missing


def test_topics_found_and_split():
    s = score(GOLD, _digest())
    assert s.topics_found == 0.5 and s.topics_one_page == 0.0
    assert s.topics_split and s.topics_missing == ["Dam Authority"]


def test_fact_needs_gold_paragraph_and_statement():
    s = score(GOLD, _digest())
    assert s.facts_found == 0.5
    assert s.facts_missing == ["The works cost $40 million"]
    assert states("The works will cost $40 million in all.", "The works cost $40 million",
                  "$40 million")
    assert not states("Rain fell.", "The works cost $40 million", "$40 million")


def test_disagreement_needs_both_sides_with_their_own_sources():
    assert score(GOLD, _digest()).numeric_disagreements == 0.0  # 001:3 side not supported
    fixed = _digest(disagreements=[{"claims": [
        {"value": "$40m", "support": [{"article": "a", "paragraph": "p9"},
                                      {"article": "a", "paragraph": "p2"}]},
        {"value": "$55m", "support": [{"article": "b", "paragraph": "q2"}]}]}])
    gold = {**GOLD, "conflicts": [{"claims": [{"value": "$40 million", "support": ["001:2"]},
                                              {"value": "$55 million", "support": ["002:2"]}]}]}
    assert score(gold, fixed).numeric_disagreements == 1.0


def test_near_duplicates_linked_and_marked():
    s = score(GOLD, _digest())
    assert s.near_duplicates == 0.5 and s.near_duplicates_marked == 0.5
    assert s.near_duplicates_missing == ["001:2 ~ 002:2"]


def test_eval_command_prints_the_bars(built_sample: Path):
    gold = Path(__file__).resolve().parent / "clusters" / "samples-gold.yml"
    result = subprocess.run([sys.executable, "-m", "site_builder", "eval", "--site",
                             str(built_sample), "--gold", str(gold)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "cleaning precision" in result.stdout and "key facts found" in result.stdout
