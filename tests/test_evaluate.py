"""The scorer itself, on a hand-made gold file and digest."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

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


def test_scorer_reads_figures_and_words_itself():
    from site_builder.evaluate import content_words, numbers

    assert numbers("more than $3bn and nine people") == {3e9, 9.0}
    assert numbers("1,200 homes, 2.5 million euros") == {1200.0, 2.5e6}
    assert content_words("The dams were raised") == content_words("a dam is raising")


def _rows(*rows):
    return _digest(disagreements=[
        {"about": about, "kind": kind, "claims": [
            {"value": v, "support": [{"article": a, "paragraph": p}]} for v, a, p in claims]}
        for about, kind, claims in rows])


def test_precision_counts_rows_that_match_no_gold_conflict():
    digest = _rows(("cost", "contradicts", [("$40m", "a", "p9"), ("$55m", "b", "q2")]),
                   ("height", "differs", [("10 m", "a", "p1"), ("12 m", "b", "q1")]))
    gold = {**GOLD, "conflicts": [{"about": "cost", "kind": "numeric", "claims": [
        {"value": "$40 million", "support": ["001:9"]},
        {"value": "$55 million", "support": ["002:2"]}]}]}
    s = score(gold, digest)
    assert s.conflict_recall == 1.0 and s.numeric_recall == 1.0
    assert s.conflict_precision == 0.5
    assert s.false_disagreements == ["height [differs]: 10 m | 12 m"]


def test_two_conflicts_of_the_same_paragraphs_are_told_apart_by_their_figures():
    def conflict(about, one, two, where):
        return {"about": about, "kind": "numeric", "claims": [
            {"value": one, "support": ["001:9"]}, {"value": two, "support": [where]}]}

    gold = {**GOLD, "conflicts": [conflict("length", "300 m", "290 m", "002:2"),
                                  conflict("voyage", "22 days", "27 days", "002:1")]}
    # The voyage row also spans the length's paragraphs; it must not take the length's place.
    voyage = ("voyage", "differs", [("22 days", "a", "p9"), ("27 days", "b", "q1"),
                                    ("25 days", "b", "q2")])
    length = ("length", "differs", [("300 m", "a", "p9"), ("290 m", "b", "q2")])
    assert score(gold, _rows(voyage, length)).conflict_recall == 1.0


def test_update_matches_only_a_row_labelled_update():
    gold = {**GOLD, "conflicts": [{"about": "toll", "kind": "update", "claims": [
        {"value": "12", "support": ["001:9"]}, {"value": "20", "support": ["002:2"]}]}]}
    row = [("12 dead", "a", "p9"), ("20 dead", "b", "q2")]
    assert score(gold, _rows(("toll", "contradicts", row))).conflict_recall == 0.0
    assert score(gold, _rows(("toll", "contradicts", row))).conflict_precision == 0.0
    assert score(gold, _rows(("toll", "update", row))).conflict_recall == 1.0


def test_non_conflict_flagged_only_when_its_sides_are_set_against_each_other():
    gold = {**GOLD, "non_conflicts": [{"about": "height in m and ft", "why": "unit", "claims": [
        {"value": "30 metres", "support": ["001:1"]}, {"value": "98 feet", "support": ["002:1"]}]}]}
    apart = _rows(("height", "differs", [("30 m", "a", "p1"), ("98 ft", "b", "q1")]))
    assert score(gold, apart).nonconflicts_flagged == 1
    together = _digest(disagreements=[{"about": "height", "kind": "differs", "claims": [
        {"value": "30 m", "support": [{"article": "a", "paragraph": "p1"},
                                      {"article": "b", "paragraph": "q1"}]},
        {"value": "50 m", "support": [{"article": "b", "paragraph": "q2"}]}]}])
    assert score(gold, together).nonconflicts_flagged == 0


def test_a_row_about_another_figure_of_the_same_paragraphs_flags_no_non_conflict():
    gold = {**GOLD, "non_conflicts": [{"about": "delay", "why": "more_specific", "claims": [
        {"value": "minutes later", "support": ["001:1"]},
        {"value": "12 minutes later", "support": ["002:1"]}]}]}
    magnitude = _rows(("magnitude", "differs", [("6.4", "a", "p1"), ("6.7", "b", "q1")]))
    assert score(gold, magnitude).nonconflicts_flagged == 0
    delay = _rows(("delay", "differs", [("12 minutes", "a", "p1"), ("30 minutes", "b", "q1")]))
    assert score(gold, delay).nonconflicts_flagged == 1


def test_a_row_of_figures_flags_no_wording_non_conflict_of_the_same_paragraphs():
    gold = {**GOLD, "non_conflicts": [{"about": "two spellings", "why": "alias", "claims": [
        {"value": "Ana Ruiz", "support": ["001:1"]},
        {"value": "Ana Ruiz-Vega", "support": ["002:1"]}]}]}
    ages = _rows(("age", "differs", [("34", "a", "p1"), ("43", "b", "q1")]))
    assert score(gold, ages).nonconflicts_flagged == 0
    names = _rows(("name", "differs", [("Ana Ruiz", "a", "p1"), ("Ana Ruiz-Vega", "b", "q1")]))
    assert score(gold, names).nonconflicts_flagged == 1


def test_totals_sum_counts_over_clusters():
    from site_builder.evaluate import total

    one = score(GOLD, _digest())
    two = score({**GOLD, "key_facts": GOLD["key_facts"][:1]}, _digest())
    sums = total([one, two])
    assert sums["facts_found"] == 2 / 3  # (1 of 2) + (1 of 1)


def test_eval_clusters_builds_each_and_splits_held_out(tmp_path: Path):
    seeds = Path(__file__).resolve().parent / "clusters" / "flood"
    for name, held in (("one", False), ("two", True)):
        (tmp_path / name).mkdir()
        shutil.copytree(seeds / "seeds", tmp_path / name / "seeds")
        gold = yaml.safe_load((seeds / "gold.yml").read_text())
        gold["held_out"] = held
        (tmp_path / name / "gold.yml").write_text(yaml.safe_dump(gold))
    result = subprocess.run([sys.executable, "-m", "site_builder", "eval", "--clusters",
                             str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "TOTAL tuning" in result.stdout and "TOTAL held-out" in result.stdout
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert "one" in lines and "two" in lines


def test_eval_clusters_on_an_empty_folder_is_a_clear_error(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "site_builder", "eval", "--clusters",
                             str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "no clusters" in result.stderr
