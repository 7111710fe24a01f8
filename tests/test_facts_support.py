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
