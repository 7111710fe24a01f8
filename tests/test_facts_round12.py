"""Key facts, round 12: paraphrases across sources meet through closed classes of news
prose (words of dying, of stopping, a state and its "a-" adjective, parts of the night),
so that what two outlets tell in their own words is one fact with two sources."""

from __future__ import annotations

from figure_helpers import analysed

from site_builder.analyze.facts import _statement_score
from site_builder.analyze.sentences import Sentence, synonym_stems
from site_builder.models import Ref


def _fact_with(digest, *words: str):
    return [f for f in digest.facts if all(w in f.statement for w in words)]


def test_words_of_dying_and_sleeping_fold_together():
    a = synonym_stems("Most of the passengers were asleep and were killed as it rolled over.")
    b = synonym_stems("Many passengers were sleeping below deck and died when it turned over.")
    assert {"sleep", "die"} <= a & b


def test_words_of_stopping_and_of_the_night_fold_together():
    a = synonym_stems("Regulators halted all blasting at the quarry on Monday evening.")
    b = synonym_stems("All blasting was suspended on Monday night.")
    assert {"stop", "night"} <= a & b


def test_two_outlets_telling_a_ferry_disaster_in_their_own_words_make_one_fact(tmp_path):
    # A ferry capsizing (invented), not a building fire.
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The Orvik ferry capsized off Tarsk island early on Wednesday.",
                        "Most of the passengers were asleep in their cabins and were killed "
                        "in minutes."]),
        ("2024-05-02", ["Coastguards searched the water off Tarsk island all day.",
                        "Many passengers were sleeping below deck and died before they could "
                        "climb out."]),
    ])
    facts = _fact_with(digest, "passengers")
    assert len(facts) == 1 and facts[0].sources == 2


def test_a_halt_and_a_suspension_told_by_two_outlets_are_one_fact(tmp_path):
    # A quarry blast (invented), not a canal blockage.
    digest = analysed(tmp_path, [
        ("2024-09-10", ["Inspectors halted work at the Orvik quarry on Monday night.",
                        "Cracks had appeared in homes in three streets."]),
        ("2024-09-11", ["All operations at the Orvik quarry were suspended on Monday evening.",
                        "Residents reported cracked walls and broken windows."]),
    ])
    facts = _fact_with(digest, "Orvik quarry")
    assert len(facts) == 1 and facts[0].sources == 2


def test_a_time_of_day_is_one_feature_however_it_is_written():
    # A bridge closure (invented), not a curfew.
    a = synonym_stems("The bridge closes to traffic from 11 p.m. to 5 a.m. on weekdays.")
    b = synonym_stems("Traffic is barred between 11pm and 5am, and again at 12:30 pm.")
    assert {"23:00", "05:00"} <= a & b
    assert "12:30" in b and "00:30" not in b
    assert not {"p.m.", "a.m.", "11pm", "5am"} & (a | b)


def _sentence(text: str, vector: dict[str, float]) -> Sentence:
    return Sentence(0, text, Ref("a0", "p0"), 0, 0, text, frozenset(), [], [], [],
                    vector=vector)


def test_a_short_sentence_leaning_on_a_pronoun_states_a_fact_less_well():
    # Flood evacuees flown out (invented), not bodies flown home.
    vector = {"helicopt": 0.6, "navi": 0.6, "readi": 0.5}
    leaning = _sentence("A Navy helicopter stands ready to carry them.", vector)
    plain = _sentence("A Navy helicopter stands ready to carry the villagers.", vector)
    longer = _sentence("A Navy helicopter stands ready to carry them from the flooded valley "
                       "to the hospital at Tarvik.", vector)
    assert _statement_score(leaning, vector) < _statement_score(plain, vector)
    assert _statement_score(longer, vector) == _statement_score(plain, vector)
