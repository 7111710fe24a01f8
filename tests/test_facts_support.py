"""Key facts' support: the statement's own paragraph always supports it (figures of one
sentence do not contradict each other), and no fact stands with no paragraph behind it."""

from __future__ import annotations

from figure_helpers import analysed


def test_a_sentence_that_gives_a_toll_and_the_one_it_replaces_supports_itself(tmp_path):
    # A mine fire (invented): one sentence tells the new toll and the earlier one.
    digest = analysed(tmp_path, [
        (None, ["The coroner raised the toll from the Kvalsund mine fire to 14 dead and 6 "
                "injured, up from 9 dead and 4 injured in the morning report."]),
        (None, ["Rescuers at the Kvalsund mine said the fire was out by noon on Tuesday."]),
    ])
    facts = digest.facts + digest.other_claims
    assert facts and all(f.support and f.sources >= 1 for f in facts)
    fact = next(f for f in facts if "coroner" in f.statement)
    assert fact.statement_ref in fact.support


def test_the_brief_leaves_out_a_group_told_part_by_part(tmp_path):
    # A ferry fire (invented): "the third" counts on a total the brief never gives.
    parts = "Two of the injured were deckhands; the third was a cook from the galley."
    digest = analysed(tmp_path, [
        ("2024-06-02", ["A fire broke out on the Vesta ferry off Korsholm on Sunday, injuring "
                        "three crew members.", parts]),
        ("2024-06-03", ["A fire broke out on the Vesta ferry off Korsholm on Sunday and three "
                        "crew members were hurt.", parts]),
    ])
    assert digest.summary.startswith("A fire broke out on the Vesta ferry")
    assert "the third" not in digest.summary


def test_the_brief_opens_with_a_report_that_says_where(tmp_path):
    # A chemical leak (invented): the earliest opening names the plant's owner but no
    # place; a later one says where it happened.
    digest = analysed(tmp_path, [
        ("2024-09-01", ["Dravex Chemicals said on Monday that its engineers had sealed a "
                        "cracked valve.", "The plant will stay shut for a week."]),
        ("2024-09-02", ["A chlorine leak at a factory in Sorrento owned by Dravex Chemicals "
                        "forced 400 people from their homes on Monday.",
                        "The plant will stay shut for a week."]),
        ("2024-09-03", ["Families in Sorrento went home on Wednesday once Dravex Chemicals "
                        "had sealed the valve."]),
    ])
    assert digest.summary.startswith("A chlorine leak at a factory in Sorrento")
